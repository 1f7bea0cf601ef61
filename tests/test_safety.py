"""What this project guarantees beyond the Terraform module it replaces (SPEC section 8).

One section per point of the "safer and cheaper" issue. Every test names, in its
docstring, the defect of ``coder-labs/codex`` 4.2.0 (with ``coder/agentapi`` 2.2.0) that it
guards against: each would fail on the original's behaviour.

Values always go through the component: script bodies are rendered under Pulumi's mocks
(``tests/rendering.py``) and run for real with bash against the stand-ins
(``tests/scriptenv.py``). Property tests start bash, so they keep ``max_examples`` small.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import stat
import tempfile
import tomllib
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from codex_component import CodexArgs, CodexArgsError
from codex_component.args import RESERVED_PORTS
from codex_component.render import decoded_args, unpacked_files
from codex_component.workspace_args import codex_home_name, module_dir_name, task_prompt
from tests.pulumi_harness import OWNER, is_secret, plain
from tests.rendering import register, render_scripts
from tests.scriptenv import Result, ScriptEnv, free_port, ok

SCRIPTS_DIR = Path(__file__).resolve().parent.parent / "codex_component" / "scripts"
MARKER_NAME = "pwned"
# Bash-running properties: few examples, no shrinking (minutes of bash runs), no example
# database in the working tree.
BASH_PROPERTY = settings(
    max_examples=10,
    deadline=None,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

# Pieces that break or hijack a script that pastes values into '...' or "...": quotes,
# command substitutions that try to create the marker file "{M}", backslashes, newlines,
# printf directives, unicode, leading dashes, globs, comments.
FRAGMENTS = [
    "'",
    '"',
    "$(touch {M})",
    "`touch {M}`",
    "'; touch {M}; '",
    '"; touch {M}; "',
    "${IFS}",
    "$HOME",
    "\\",
    "\\n",
    "\n",
    "\r\n",
    "\t",
    "%s%n%%",
    "ünïcödé ✓ 🚀",
    "--help",
    "-rf ",
    "*",
    "|",
    "# ",
    "]]",
    "[x]",
]
ANY_CHAR = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")


def nasty(*, min_size: int = 0, fragments: list[str] = FRAGMENTS) -> st.SearchStrategy[str]:
    """Text built from hostile fragments and arbitrary characters (never NUL: no shell
    variable or argv can carry it, so validation refuses it)."""
    piece = st.one_of(st.sampled_from(fragments), st.text(ANY_CHAR, max_size=6))
    return (
        st.lists(piece, min_size=max(min_size, 0), max_size=6)
        .map("".join)
        .filter(lambda s: len(s) >= min_size)
    )


def with_marker(value: str, marker: Path) -> str:
    return value.replace("{M}", str(marker))


def markers_under(root: Path) -> list[Path]:
    return sorted(root.rglob(MARKER_NAME))


def status_ok(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/status", timeout=5) as response:
            return bool(response.status == 200)
    except OSError:
        return False


def last_line(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else ""


def text(path: Path) -> str:
    """A file's text exactly (read_text would turn \\r\\n into \\n)."""
    return path.read_bytes().decode("utf-8")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def run_part(
    ws: ScriptEnv, body: str, snippet: str, *, env: dict[str, str] | None = None
) -> Result:
    """Run a rendered start body up to its hand-over, then ``snippet`` instead of start.sh:
    the module's own scripts and arguments file, unpacked by the real bootstrap."""
    part = ws.root / "part.sh"
    part.write_text(
        "set -euo pipefail\n"
        'source "$CODEX_MODULE_DIR/scripts/lib.sh"\n'
        'source "$CODEX_MODULE_DIR/scripts/configure_codex.sh"\n'
        'load_args "$CODEX_MODULE_DIR/start.args"\n'
        'export CODEX_HOME="$HOME/$ARG_CODEX_HOME"\n'
        "CODEX_HOME_DIR=$CODEX_HOME\n" + snippet
    )
    hand_over = 'exec bash "$CODEX_MODULE_DIR/scripts/$CODEX_ENTRY"'
    assert body.count(hand_over) == 1
    return ws.run_body("part", body.replace(hand_over, f"exec bash '{part}'"), env=env)


def prompt_block(prompt: str) -> str:
    end = "" if prompt.endswith("\n") else "\n"
    return (
        "<!-- codex_component system prompt: start -->\n"
        + prompt
        + end
        + "<!-- codex_component system prompt: end -->\n"
    )


def toml_basic(value: str) -> str:
    """A TOML basic string, escaped independently of the project's own escaper."""
    out = []
    for ch in value:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def unpacked(body: str) -> dict[str, str]:
    """Every file a body carries, decoded; the values of an arguments file decoded too."""
    files = unpacked_files(body)
    for name, data in list(files.items()):
        if name.endswith(".args"):
            for arg, value in decoded_args(data).items():
                files[f"{name}:{arg}"] = value
    return files


# --- 1. Any value, intact ------------------------------------------------------------------


WORKDIR_FRAGMENTS = ["'", '"', "$(touch pwned)", "`touch pwned`", "\\", " ", "ü✓", "-x", "%s", "*"]
WORKDIR_CHAR = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\n\r/")


@BASH_PROPERTY
@given(
    model=nasty(min_size=1),
    prompt=nasty(min_size=1),
    system_prompt=nasty(min_size=1).filter(lambda s: "<!--" not in s),
    workdir_name=st.lists(
        st.one_of(st.sampled_from(WORKDIR_FRAGMENTS), st.text(WORKDIR_CHAR, max_size=5)),
        max_size=4,
    ).map("".join),
    hook=nasty(),
    post_hook=nasty(),
)
def test_full_start_carries_every_value_intact(  # noqa: PLR0917 (one per drawn value)
    model: str, prompt: str, system_prompt: str, workdir_name: str, hook: str, post_hook: str
) -> None:
    """The original pastes each value into ARG_X='${var.x}' in the script text: a `'` in the
    model, the prompt, the system prompt or the workdir broke the script, and `'$(...)'`
    ran commands. Here a full start through the component delivers each value byte for
    byte: the model and the prompt in Codex's argv, the system prompt in AGENTS.md, the
    workdir created and used (also as a TOML key), the install hooks as written; no payload
    creates its marker file."""
    with tempfile.TemporaryDirectory() as tmp, ScriptEnv(Path(tmp)) as ws:
        marker = ws.root / MARKER_NAME
        model, prompt, system_prompt, hook, post_hook = (
            with_marker(v, marker) for v in (model, prompt, system_prompt, hook, post_hook)
        )
        workdir = ws.home / ("w " + workdir_name)
        # The rest is text, not a command: bash stops reading at `exit 0`.
        pre_install, post_install = "exit 0\n" + hook, "exit 0\n" + post_hook
        result = ws.start(
            workdir=str(workdir),
            codex_model=model,
            ai_prompt=prompt,
            codex_system_prompt=system_prompt,
            pre_install_script=pre_install,
            post_install_script=post_install,
        )
        ok(result)
        (codex,) = ws.records("codex", "run")
        assert codex["argv"] == [
            *("--profile", "codex-component", "--no-daemon"),
            *("--model", model, task_prompt(prompt, report_tasks=True)),
        ]
        assert codex["cwd"] == str(workdir)
        assert workdir.is_dir()
        assert text(ws.codex_dir / "AGENTS.md") == prompt_block(system_prompt)
        assert text(ws.module_dir / "pre_install.sh") == pre_install
        assert text(ws.module_dir / "post_install.sh") == post_install
        parsed = tomllib.loads(text(ws.codex_dir / "codex-component.config.toml"))
        assert parsed["projects"][str(workdir)]["trust_level"] == "trusted"
        assert codex["config"]["projects"][str(workdir)]["trust_level"] == "trusted"
        assert markers_under(ws.root) == []


TOML_TEXT = nasty()


@BASH_PROPERTY
@given(
    base_value=TOML_TEXT,
    table_value=TOML_TEXT,
    command=nasty(min_size=1),
    arg=TOML_TEXT,
    env_value=TOML_TEXT,
    model=nasty(min_size=1),
    prompt=nasty(min_size=1).filter(lambda s: "<!--" not in s),
    new_prompt=nasty(min_size=1).filter(lambda s: "<!--" not in s),
)
def test_config_and_agents_md_hold_any_value(  # noqa: PLR0917 (one per drawn value)
    base_value: str,
    table_value: str,
    command: str,
    arg: str,
    env_value: str,
    model: str,
    prompt: str,
    new_prompt: str,
) -> None:
    """The original pastes base_config_toml, additional_mcp_servers, the model and the system
    prompt into the script text as ARG_X='...': a quote, `$` or backtick corrupted
    config.toml or ran, and AGENTS.md could get a second copy of the prompt. Here the
    values land in config.toml as TOML strings that tomllib reads back unchanged, the
    write is byte-identical on a second run, a user's table after the block survives, and
    AGENTS.md holds the prompt exactly once and then the new one instead."""
    with tempfile.TemporaryDirectory() as tmp, ScriptEnv(Path(tmp)) as ws:
        marker = ws.root / MARKER_NAME
        values = [with_marker(v, marker) for v in (base_value, table_value, command, arg)]
        base_value, table_value, command, arg = values
        env_value, model, prompt, new_prompt = (
            with_marker(v, marker) for v in (env_value, model, prompt, new_prompt)
        )
        base = f"model = {toml_basic(base_value)}\n\n[tools]\nnote = {toml_basic(table_value)}\n"
        servers = (
            f"[mcp_servers.extra]\ncommand = {toml_basic(command)}\n"
            f"args = [{toml_basic(arg)}]\nenv = {{ VALUE = {toml_basic(env_value)} }}\n"
        )
        common = {
            "base_config_toml": base,
            "additional_mcp_servers": servers,
            "codex_model": model,
        }
        body = ws.render(codex_system_prompt=prompt, **common)["start.sh"]
        snippet = (
            "CODEX_CONFIG_MODE=profile\nwrite_codex_config\n"
            'write_system_prompt "$ARG_SYSTEM_PROMPT"\n'
        )
        ok(run_part(ws, body, snippet))
        profile_path = ws.codex_dir / "codex-component.config.toml"
        first = profile_path.read_bytes()
        parsed = tomllib.loads(first.decode())
        assert parsed["model"] == base_value
        assert parsed["tools"]["note"] == table_value
        extra = parsed["mcp_servers"]["extra"]
        assert (extra["command"], extra["args"], extra["env"]) == (
            command,
            [arg],
            {"VALUE": env_value},
        )
        assert text(ws.codex_dir / "AGENTS.md") == prompt_block(prompt)

        ok(run_part(ws, body, snippet))
        assert profile_path.read_bytes() == first
        assert text(ws.codex_dir / "AGENTS.md") == prompt_block(prompt)

        # Older Codex: the tables go into config.toml's block, and the user's table stays.
        config_path = ws.codex_dir / "config.toml"
        config_path.write_bytes(b"[user_table]\nmine = true\n")
        body = ws.render(codex_system_prompt=new_prompt, **common)["start.sh"]
        block_snippet = "CODEX_CONFIG_MODE=block\nwrite_codex_config\n" + snippet.split("\n", 2)[2]
        ok(run_part(ws, body, block_snippet))
        written = config_path.read_bytes()
        assert written.startswith(b"[user_table]\nmine = true\n")
        parsed = tomllib.loads(written.decode())
        assert parsed["user_table"] == {"mine": True}
        assert parsed["tools"]["note"] == table_value
        assert parsed["mcp_servers"]["extra"]["env"] == {"VALUE": env_value}
        ok(run_part(ws, body, block_snippet))
        assert config_path.read_bytes() == written
        assert text(ws.codex_dir / "AGENTS.md") == prompt_block(new_prompt)
        assert markers_under(ws.root) == []


LABEL = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30).filter(
    lambda s: s.strip() != ""
)


@settings(max_examples=40, deadline=None)
@given(
    web=LABEL, cli=LABEL, icon=LABEL, group=LABEL, workdir_name=nasty(fragments=WORKDIR_FRAGMENTS)
)
def test_labels_reach_the_resources_intact_and_no_value_is_pasted_into_a_body(
    web: str, cli: str, icon: str, group: str, workdir_name: str
) -> None:
    """The original pastes values into the script text as ARG_X='...' lines. Here no value
    (a hostile prompt and workdir) appears in a script body's text, which carries
    gzip+base64 data only and decodes back to the exact values, and display names, icon
    and group reach the coder_app and coder_script inputs byte for byte."""
    workdir = "/home/coder/" + workdir_name.replace("/", "_").replace("\n", "_").replace("\r", "_")
    workdir = workdir.rstrip("/")
    if any(part in {".", ".."} for part in workdir.split("/")):
        return
    prompt = "PROMPT-$(touch /x/pwned)-'\"`id`"
    mocks = register(
        workdir=workdir,
        web_app_display_name=web,
        cli_app_display_name=cli,
        icon=icon,
        group=group,
        cli_app=True,
        ai_prompt=prompt,
    )
    web_app, cli_app = mocks.named("codex-web").inputs, mocks.named("codex-cli").inputs
    assert (web_app["displayName"], web_app["icon"], web_app["group"]) == (web, icon, group)
    assert (cli_app["displayName"], cli_app["icon"], cli_app["group"]) == (cli, icon, group)
    start = mocks.named("codex-start").inputs
    assert start["displayName"] == f"{web}: install and start"
    assert start["icon"] == icon
    body = plain(start["script"])
    assert "pwned" not in body
    files = unpacked(body)
    assert files["start.args:ARG_WORKDIR"] == workdir
    assert files["start.args:ARG_TASK_PROMPT"].endswith("\n" + prompt)


# --- 2. No secret in the open -------------------------------------------------------------

OPENAI_KEY = "sk-proj-SECRET-openai-key-0123456789"
SESSION_TOKEN = OWNER["sessionToken"]


def secrets_in_processes(ws: ScriptEnv, secrets: tuple[str, ...]) -> list[str]:
    found = []
    for entry in os.scandir("/proc"):
        if entry.name.isdigit() and ws.is_ours(int(entry.name)):
            try:
                cmdline = (
                    Path(f"/proc/{entry.name}/cmdline").read_bytes().decode("utf-8", "replace")
                )
            except OSError:
                continue
            found += [f"pid {entry.name}: {cmdline!r}" for s in secrets if s in cmdline]
    return found


def secrets_in_files(root: Path, secrets: tuple[str, ...], *, allowed: set[Path]) -> list[Path]:
    found = []
    for path in root.rglob("*"):
        if path.is_file() and not path.is_symlink() and path not in allowed:
            data = path.read_bytes()
            if any(s.encode() in data for s in secrets):
                found.append(path)
    return found


@pytest.mark.parametrize("aibridge", [False, True], ids=["openai-key", "aibridge"])
def test_secrets_appear_nowhere_but_auth_json(ws: ScriptEnv, aibridge: bool) -> None:
    """The original writes the OpenAI key into the coder_script text, so it sits in plain
    text in the resource and wherever the script is shown. Here
    the key and the owner's session token appear in no script body, no non-secret resource
    input, no output line, no file but auth.json, and no command line of any process the
    start leaves running."""
    secrets = (OPENAI_KEY, SESSION_TOKEN)
    args: dict[str, Any] = {"workdir": str(ws.workdir), "agentapi_port": ws.port}
    if aibridge:
        args["enable_aibridge"] = True
        env = {"CODER_AIBRIDGE_SESSION_TOKEN": SESSION_TOKEN}
    else:
        args["openai_api_key"] = OPENAI_KEY
        env = {"OPENAI_API_KEY": OPENAI_KEY}

    mocks = register(task_id="task-42", **args)
    for resource in mocks.resources:
        for name, value in resource.inputs.items():
            if resource.type == "coder:index/env:Env" and name == "value":
                assert is_secret(value), resource.name
                continue
            text = json.dumps(plain(value))
            assert not any(s in text for s in secrets), (resource.name, name)
            if name == "script":
                files = unpacked(plain(value))
                assert files, "no payload found in the body"
                assert not any(s in f for f in files.values() for s in secrets)

    result = ws.run_body("start.sh", plain(mocks.named("codex-start").inputs["script"]), env=env)
    ok(result)
    assert not any(s in result.output for s in secrets)
    assert secrets_in_processes(ws, secrets) == []
    auth = ws.codex_dir / "auth.json"
    # The stand-ins' own records hold their environment by design: not the module's files.
    allowed = {auth, *ws.log_dir.rglob("*")}
    assert secrets_in_files(ws.root, secrets, allowed=allowed) == []
    if aibridge:
        assert not auth.exists()
    else:
        assert json.loads(auth.read_text()) == {"auth_mode": "apikey", "OPENAI_API_KEY": OPENAI_KEY}
        assert mode(auth) == 0o600
    assert mode(ws.codex_dir / "codex-component.config.toml") == 0o600
    assert mode(ws.codex_dir) == 0o700
    # The stop script leaks nothing either.
    stop = ws.shutdown(env=env)
    ok(stop)
    assert not any(s in stop.output for s in secrets)


def test_no_script_traces_commands() -> None:
    """Tracing (`set -x`) prints every command with its expanded arguments, secrets
    included, into the agent's log; SPEC section 8 forbids it because the original's
    scripts could leak that way. No script here turns on tracing or verbose mode."""
    trace = re.compile(
        r"set\s+-[a-z]*[xv]|set\s+-o\s+(xtrace|verbose)|BASH_XTRACEFD|bash\s+-[a-z]*x"
    )
    for path in sorted(SCRIPTS_DIR.glob("*.sh")):
        for number, line in enumerate(path.read_text().splitlines(), 1):
            assert not trace.search(line), f"{path.name}:{number}: {line}"


WRAPPER = """#!/bin/bash
# Records the mode of the files the scripts hand to {name}, then runs the real one.
log=$SAFETY_WRAP_LOG
case {name} in
  mktemp)
    out=$({real} "$@") || exit
    printf 'mktemp %s %s\\n' "$(stat -c %a -- "$out")" "$out" >>"$log"
    printf '%s\\n' "$out"
    exit 0
    ;;
  chmod | mv)
    for a in "$@"; do
      [[ $a == -* || ! -f $a ]] || printf '{name} %s %s\\n' "$(stat -c %a -- "$a")" "$a" >>"$log"
    done
    ;;
esac
exec {real} "$@"
"""


@pytest.mark.parametrize("login", [True, False], ids=["codex-login", "no-codex-login"])
def test_secret_files_are_0600_from_the_moment_they_exist(ws: ScriptEnv, login: bool) -> None:
    """The original does not make auth.json owner-only: written under the default umask it
    is readable by other users (0644), at least until a later chmod. Here the module's
    profile and, when Codex cannot sign itself in (`codex login --with-api-key`, which
    writes auth.json 0600 itself), auth.json are written through a temporary file created
    0600 (umask 077) in the same folder and renamed over the target: wrappers around
    mktemp, chmod and mv see every such file at 0600 at every step, and the folder is
    0700."""
    log = ws.root / "wrap.log"
    for name in ("mktemp", "chmod", "mv"):
        real = shutil.which(name, path="/usr/bin:/bin")
        assert real
        wrapper = ws.standin_bin / name
        wrapper.write_text(WRAPPER.replace("{name}", name).replace("{real}", real))
        wrapper.chmod(0o755)
    env = {"OPENAI_API_KEY": OPENAI_KEY, "SAFETY_WRAP_LOG": str(log)}
    if not login:
        env["STANDIN_CODEX_NO_LOGIN"] = "1"
    ok(ws.start(env=env))
    assert len(ws.records("codex", "login")) == int(login)
    assert mode(ws.codex_dir / "auth.json") == 0o600
    events = [line.split(" ", 2) for line in log.read_text().splitlines()]
    targets = ["codex-component.config.toml"] + ([] if login else ["auth.json"])
    for target in targets:
        temps = {path for tool, _, path in events if tool == "mktemp" and f"/.{target}." in path}
        assert temps, f"{target} was not written through a temporary file"
        seen = [(tool, file_mode) for tool, file_mode, path in events if path in temps]
        assert {tool for tool, _ in seen} == {"mktemp", "chmod", "mv"}, seen
        assert all(file_mode == "600" for _, file_mode in seen), seen
        assert mode(ws.codex_dir / target) == 0o600
    assert not [p for p in ws.codex_dir.iterdir() if p.name.startswith(".")]


# --- 3. No shared fixed paths ---------------------------------------------------------------


def test_instance_folders_follow_the_port() -> None:
    """The original unpacks its scripts to fixed names (/tmp/install.sh, /tmp/start.sh) and
    keeps its files in one ~/.codex-module: a second agent module overwrote the first's.
    Here the default port keeps the spec's folders and any other port gets its own."""
    assert (module_dir_name(3284), codex_home_name(3284)) == (".codex-module", ".codex")
    assert (module_dir_name(4000), codex_home_name(4000)) == (".codex-module-4000", ".codex-4000")
    default = render_scripts(workdir="/home/coder/p")
    other = render_scripts(workdir="/home/coder/p", agentapi_port=4000)
    for body in default.values():
        assert 'CODEX_MODULE_DIR="$HOME/.codex-module"\n' in body
    for body in other.values():
        assert 'CODEX_MODULE_DIR="$HOME/.codex-module-4000"\n' in body
    assert unpacked(default["start.sh"])["start.args:ARG_CODEX_HOME"] == ".codex"
    assert unpacked(other["start.sh"])["start.args:ARG_CODEX_HOME"] == ".codex-4000"


def test_two_instances_in_one_home_keep_to_themselves(ws: ScriptEnv) -> None:
    """With the original, two Codex modules in one workspace share /tmp scripts,
    ~/.codex-module (pid file, logs, state, session tracking) and ~/.codex/config.toml: the
    second start overwrote the first's files and stopped or confused its AgentAPI. Here
    two instances on different ports run side by side from one HOME, each with its own
    module folder and Codex home, and stopping one leaves the other running."""
    port_b = free_port()
    workdir_b = ws.home / "other project"
    bodies_b = ws.render(agentapi_port=port_b, workdir=str(workdir_b), ai_prompt="task B")
    ok(ws.start(ai_prompt="task A"))
    ok(ws.run_body("start.sh", bodies_b["start.sh"]))
    module_b = ws.home / module_dir_name(port_b)
    codex_b = ws.home / codex_home_name(port_b)
    assert ws.module_dir != module_b and ws.codex_dir != codex_b
    assert status_ok(ws.port) and status_ok(port_b)

    for name in ("start.args", "scripts/start.sh", "agentapi.pid", "agentapi-start.log"):
        assert (ws.module_dir / name).is_file() and (module_b / name).is_file(), name
    pid_a, pid_b = ws.agentapi_pid(), int((module_b / "agentapi.pid").read_text())
    assert pid_a != pid_b and ws.is_ours(pid_a) and ws.is_ours(pid_b)
    servers = {r["pid"]: r for r in ws.records("agentapi", "server")}
    assert servers[pid_a]["env"]["AGENTAPI_STATE_FILE"] == str(
        ws.module_dir / "agentapi-state.json"
    )
    assert servers[pid_b]["env"]["AGENTAPI_STATE_FILE"] == str(module_b / "agentapi-state.json")
    runs = {r["cwd"]: r for r in ws.records("codex", "run")}
    assert runs[str(ws.workdir)]["env"]["CODEX_HOME"] == str(ws.codex_dir)
    assert runs[str(workdir_b)]["env"]["CODEX_HOME"] == str(codex_b)
    for home, port in ((ws.codex_dir, ws.port), (codex_b, port_b)):
        profile = (home / "codex-component.config.toml").read_text()
        coder = tomllib.loads(profile)["mcp_servers"]["Coder"]
        assert coder["env"]["CODER_MCP_AI_AGENTAPI_URL"] == f"http://localhost:{port}"
    ws.wait_until(ws.tracking_lines, "instance A's session to be recorded")
    ws.wait_until((module_b / ".codex-task-session").exists, "B's session record")
    assert [line.split("|")[0] for line in ws.tracking_lines()] == [str(ws.workdir)]
    tracked_b = (module_b / ".codex-task-session").read_text().splitlines()
    assert [line.split("|")[0] for line in tracked_b] == [str(workdir_b)]
    assert not (ws.home / ".codex-module").exists() and not (ws.home / ".codex").exists()

    ok(ws.shutdown())
    ws.wait_until(lambda: not ws.is_ours(pid_a), "instance A to stop")
    assert ws.is_ours(pid_b) and status_ok(port_b)
    ok(ws.run_body("shutdown.sh", bodies_b["shutdown.sh"]))
    ws.wait_until(lambda: not ws.is_ours(pid_b), "instance B to stop")


def test_nothing_is_written_to_tmp(ws: ScriptEnv) -> None:
    """The original writes /tmp/install.sh, /tmp/start.sh and its logs to fixed names in
    /tmp, which another module or user can pre-create or overwrite. No script here names
    /tmp, every mktemp gets an explicit folder of the module's, and a start and a stop
    with TMPDIR pointed at an empty folder leave it empty."""
    for path in sorted(SCRIPTS_DIR.glob("*.sh")):
        source = path.read_text()
        assert "/tmp" not in source, path.name
        for line in source.splitlines():
            if re.search(r"\bmktemp\b", line) and not line.lstrip().startswith("#"):
                assert re.search(r'mktemp (-d )?"\$', line), f"{path.name}: {line}"
    tmpdir = ws.root / "tmpdir"
    tmpdir.mkdir()
    ok(ws.start(env={"TMPDIR": str(tmpdir)}))
    ok(ws.shutdown(env={"TMPDIR": str(tmpdir)}, task_id="task-42"))
    assert list(tmpdir.iterdir()) == []


# --- 4. No sudo ------------------------------------------------------------------------------

SUDO = """#!/bin/bash
printf '%s\\n' "$*" >>"$SAFETY_SUDO_LOG"
exit 1
"""


@pytest.mark.parametrize("bin_dir", ["script-bin", "unset", "unusable"])
def test_agentapi_is_installed_without_sudo(ws: ScriptEnv, bin_dir: str) -> None:
    """The original may need sudo to put AgentAPI into /usr/local/bin, which fails in images
    without it. Here it goes to $CODER_SCRIPT_BIN_DIR when set and usable,
    otherwise to ~/.local/bin (on PATH, and in ~/.bashrc once); sudo is never called."""
    sudo_log = ws.root / "sudo.log"
    sudo = ws.standin_bin / "sudo"
    sudo.write_text(SUDO)
    sudo.chmod(0o755)
    env = {"SAFETY_SUDO_LOG": str(sudo_log)}
    if bin_dir == "unset":
        env["CODER_SCRIPT_BIN_DIR"] = ""
    if bin_dir == "unusable":
        # A folder that cannot be created, even by root (a permission bit would not stop it).
        (ws.root / "a-file").write_text("")
        env["CODER_SCRIPT_BIN_DIR"] = str(ws.root / "a-file" / "bin")
    result = ws.start(env=env)
    ok(result)
    assert not sudo_log.exists()
    local = ws.home / ".local" / "bin" / "agentapi"
    if bin_dir == "script-bin":
        assert (ws.script_bin / "agentapi").is_file() and not local.exists()
    else:
        assert local.is_file() and not (ws.script_bin / "agentapi").exists()
        line = 'export PATH="$HOME/.local/bin:$PATH" # added by codex_component'
        assert (ws.home / ".bashrc").read_text().splitlines().count(line) == 1
        assert status_ok(ws.port)


# --- 5. Idempotent, cheap restarts -------------------------------------------------------------


def test_restart_is_idempotent_and_downloads_nothing(ws: ScriptEnv) -> None:
    """The original installs again on every start, runs `npm config set prefix` (changing
    the user's npm configuration for good), rewrites config.toml without keeping what the
    user added, and can add the system prompt to AGENTS.md again. Here a second
    start with the same pinned versions downloads nothing (0 npm, 0 AgentAPI downloads),
    keeps the user's own table in config.toml (moved above the block once, then rewritten
    byte for byte on every start; 0.58 keeps the block path), leaves ~/.npmrc and
    AGENTS.md as they were, and resumes the tracked session; a changed prompt replaces
    the module's earlier one."""
    pins = {"codex_version": "0.58.0", "agentapi_version": "v0.12.1"}
    prompt = "Line one: be careful.\n\nLine two: `Codex says:`\n"
    npmrc = ws.home / ".npmrc"
    npmrc.write_text("registry=https://registry.example.test/\nprefix=/opt/user-prefix\n")
    ok(ws.start(codex_system_prompt=prompt, ai_prompt="first task", **pins))
    ws.wait_for_capture()
    (session,) = ws.tracking_lines()
    config_path = ws.codex_dir / "config.toml"
    user_table = "\n[tui]\nnotifications = true\n"
    config_path.write_text(config_path.read_text() + user_table)
    config_before = config_path.read_bytes()
    agents_before = (ws.codex_dir / "AGENTS.md").read_bytes()
    npm_calls, downloads = len(ws.records("npm")), len(ws.records("curl", "download"))
    ok(ws.shutdown())

    second = ws.start(codex_system_prompt=prompt, ai_prompt="first task", **pins)
    ok(second)
    assert len(ws.records("npm")) - npm_calls == 0
    assert len(ws.records("curl", "download")) - downloads == 0
    rewritten = config_path.read_bytes()
    assert rewritten.startswith(user_table.encode())
    assert rewritten.endswith(config_before[: -len(user_table)])
    assert tomllib.loads(rewritten.decode())["tui"] == {"notifications": True}
    assert (ws.codex_dir / "AGENTS.md").read_bytes() == agents_before
    assert agents_before.decode().count("Line one") == 1
    assert npmrc.read_text().endswith("prefix=/opt/user-prefix\n")
    assert all(r["argv"][:1] != ["config"] for r in ws.records("npm"))
    runs = ws.records("codex", "run")
    assert runs[-1]["argv"][-2:] == ["resume", session.rsplit("|", 1)[1]]

    ok(ws.start(codex_system_prompt="A new prompt.", **pins))
    assert config_path.read_bytes() == rewritten
    agents = text(ws.codex_dir / "AGENTS.md")
    assert agents == prompt_block("A new prompt.")
    assert len(ws.records("npm")) - npm_calls == 0


# --- 6. Loud, early failures ------------------------------------------------------------------


def test_port_in_use_fails_fast_naming_the_port(ws: ScriptEnv) -> None:
    """The original never checks the port (a fixed 3284): a taken port shows up only as
    AgentAPI failing to bind, or another program answering its health check. Here the
    start fails at once, naming the port and what to do, and no AgentAPI is launched."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as other:
        other.bind(("127.0.0.1", ws.port))
        other.listen()
        result = ws.start()
    assert result.returncode != 0
    assert result.seconds < 15
    line = last_line(result.stderr)
    assert f"port {ws.port} is already in use" in line
    assert "agentapi_port" in line
    assert ws.records("agentapi", "server") == []


def test_missing_codex_fails_with_what_to_do(ws: ScriptEnv) -> None:
    """Without this check a missing codex shows up only when AgentAPI fails to run it, in
    AgentAPI's own log, after the start script has moved on. Here install_codex=false
    without a codex on PATH fails the start before AgentAPI is launched, saying how to
    fix it."""
    result = ws.start(install_codex=False)
    assert result.returncode != 0
    line = last_line(result.stderr)
    assert "there is no codex command on PATH" in line
    assert "install_codex = true" in line
    assert ws.records("agentapi", "server") == []


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"STANDIN_NPM_FAIL": "1"}, "npm install -g @openai/codex failed"),
        ({"STANDIN_DOWNLOAD_FAIL": "1"}, "downloading AgentAPI from"),
        ({"STANDIN_AGENTAPI_MODE": "exit"}, "AgentAPI exited before it answered"),
    ],
    ids=["codex-install", "agentapi-download", "agentapi-exits"],
)
def test_failures_end_the_log_with_the_reason(
    ws: ScriptEnv, env: dict[str, str], expected: str
) -> None:
    """The original pipes the install through `tee` without pipefail and carries on, so a
    failed install ends in a "success" followed by a dead app. Here the start exits
    non-zero within seconds and its last log line says what failed."""
    result = ws.start(env=env)
    assert result.returncode != 0
    assert result.seconds < 15
    assert expected in last_line(result.stderr)
    assert "ERROR:" in last_line(result.stderr)


def test_shutdown_is_bounded_and_never_fails(ws: ScriptEnv) -> None:
    """A stop script that waits without bound on an AgentAPI that ignores SIGTERM, or fails
    when the task log upload fails, would hang or fail the workspace stop. Here the stop
    ends within its bound with exit 0 even then."""
    ok(ws.start(env={"STANDIN_AGENTAPI_IGNORE_TERM": "1"}))
    dead_api = f"http://127.0.0.1:{free_port()}/"
    result = ws.shutdown(task_id="task-42", env={"CODER_AGENT_URL": dead_api})
    ok(result)
    assert result.seconds < 25


# --- 7. Bad input at preview time ------------------------------------------------------------

BASE = {"agent_id": "agent-1", "workdir": "/home/coder/project"}


@pytest.mark.parametrize(
    ("overrides", "field", "allowed"),
    [
        ({"workdir": "home/coder"}, "workdir", "absolute path"),
        ({"workdir": "/home/../etc"}, "workdir", "without '.' or '..' parts"),
        ({"workdir": "/home//coder"}, "workdir", "without empty parts"),
        ({"workdir": "/home/co\nder"}, "workdir", "without NUL or line breaks"),
        ({"codex_version": "1.0.0; rm -rf ~"}, "codex_version", "a version such as"),
        ({"codex_version": "../../evil"}, "codex_version", "a version such as"),
        ({"agentapi_version": "v1.0.0/../../x"}, "agentapi_version", "release tag"),
        ({"agentapi_version": "$(id)"}, "agentapi_version", "release tag"),
        ({"agentapi_port": 0}, "agentapi_port", "1 to 65535"),
        ({"agentapi_port": 70000}, "agentapi_port", "1 to 65535"),
        ({"agentapi_port": 2112}, "agentapi_port", "does not use itself"),
        ({"agentapi_port": 2113}, "agentapi_port", "does not use itself"),
        ({"agentapi_port": 6060}, "agentapi_port", "does not use itself"),
        ({"web_app_display_name": "Co\ndex"}, "web_app_display_name", "one line of text"),
        ({"cli_app_display_name": "a\x1b[31m"}, "cli_app_display_name", "one line of text"),
        ({"icon": "/icon/x.svg\r"}, "icon", "one line of text"),
        ({"group": "AI\ttools"}, "group", "one line of text"),
        ({"codex_model": "gpt\x00"}, "codex_model", "any text except the NUL"),
        ({"codex_system_prompt": "a\x00b"}, "codex_system_prompt", "any text except the NUL"),
    ],
)
def test_bad_values_fail_at_construction_saying_what_is_allowed(
    overrides: dict[str, Any], field: str, allowed: str
) -> None:
    """The original accepts these at plan time and fails (or does something else) in the
    workspace: a relative or unclean workdir, versions carrying shell or path syntax, a
    port that cannot work or that the Coder agent itself listens on, labels with control
    characters, NUL bytes that no shell can carry."""
    with pytest.raises(CodexArgsError) as caught:
        CodexArgs(**{**BASE, **overrides})
    message = str(caught.value)
    assert f"{field}:" in message
    assert allowed in message


def test_a_nul_in_the_key_is_refused_without_showing_it() -> None:
    """A refused key must not be echoed in the error (the original prints variables in
    plan errors)."""
    with pytest.raises(CodexArgsError) as caught:
        CodexArgs(**BASE, openai_api_key="sk-secret\x00")
    assert "openai_api_key" in str(caught.value)
    assert "sk-secret" not in str(caught.value)


SAFE_VERSION = re.compile(r"[A-Za-z0-9.+-]*")


@settings(max_examples=200, deadline=None)
@given(version=st.text(max_size=20), tag=st.text(max_size=20))
def test_accepted_versions_hold_no_shell_or_path_characters(version: str, tag: str) -> None:
    """The original pastes the versions into the script text, where they end up in the npm
    package name and the download URL: `;`, `$()`, spaces or `/` could run commands or
    fetch another path. Whatever version text validation accepts is letters, digits and
    `.+-` only."""
    for overrides, value in (
        ({"codex_version": version}, version),
        ({"agentapi_version": tag}, tag),
    ):
        try:
            CodexArgs(**BASE, **overrides)
        except CodexArgsError:
            continue
        assert SAFE_VERSION.fullmatch(value), value


def test_reserved_ports_are_documented() -> None:
    """The rule on reserved ports is stated where users look for it: the argument reference."""
    reference = (Path(__file__).resolve().parent.parent / "docs" / "arguments.md").read_text()
    for port in RESERVED_PORTS:
        assert str(port) in reference
