"""The run-on-start script, run for real with bash in a temporary workspace (spec 6, 8, 10).

Every test renders the script body, runs it against the stand-ins of ``tests/standins`` on a
port of its own, and asserts on the files and processes that result. Safe to run in
parallel (pytest-xdist): nothing is shared between tests but the machine's loopback.
"""

from __future__ import annotations

import json
import os
import shlex
import stat
import subprocess
import time
import tomllib
import urllib.request
from pathlib import Path

import pytest

from codex_component.config_toml import toml_string
from codex_component.render import encode_args, script_files
from codex_component.workspace_args import task_prompt
from tests.scriptenv import (
    AGENT_TOKEN,
    CHAT_BASE_PATH,
    DEFAULT_SYSTEM_PROMPT,
    STANDIN_CODEX_LATEST,
    ScriptEnv,
    free_port,
    ok,
)

STATE_VARS = ("AGENTAPI_STATE_FILE", "AGENTAPI_SAVE_STATE", "AGENTAPI_LOAD_STATE")
NASTY = 'it\'s "quoted" $(touch {marker}) `touch {marker}` \\ back\\slash\n\tünïcödé ✓ -x\n\n'


def status_ok(port: int) -> bool:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/status", timeout=5) as response:
        return response.status == 200 and json.load(response)["status"] == "stable"


def server_record(ws: ScriptEnv) -> dict:
    (record,) = ws.records("agentapi", "server")
    return record


def codex_argv(ws: ScriptEnv) -> list[str]:
    (record,) = ws.records("codex", "run")
    return record["argv"]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# --- start to healthy ---------------------------------------------------------------------


def test_start_brings_agentapi_up_on_the_configured_port(ws: ScriptEnv) -> None:
    result = ws.start()
    ok(result)
    assert ws.port != 3284
    assert status_ok(ws.port)
    server = server_record(ws)
    assert server["argv"] == [
        "server", "--type", "codex", "--port", str(ws.port),
        "--term-width", "67", "--term-height", "1190",
        "--", "codex", *LAUNCH,
    ]  # fmt: skip
    assert server["cwd"] == str(ws.workdir)
    pid = ws.agentapi_pid()
    assert pid == server["pid"]
    # Detached: its own session and process group, not the script's.
    assert os.getpgid(pid) == pid
    assert os.getsid(pid) == pid
    assert codex_argv(ws) == LAUNCH
    (codex,) = ws.records("codex", "run")
    assert codex["cwd"] == str(ws.workdir)
    assert codex["version"] == STANDIN_CODEX_LATEST
    assert "AgentAPI is ready on http://localhost:" in result.stdout
    assert f"AgentAPI port:       {ws.port}" in result.stdout


def test_body_also_runs_under_posix_sh(ws: ScriptEnv) -> None:
    result = ws.run_body("start.sh", ws.render()["start.sh"], interpreter="sh")
    ok(result)
    assert status_ok(ws.port)


def test_summary_is_logged_without_secrets(ws: ScriptEnv) -> None:
    key = "sk-secret-key-value-42"
    result = ws.start(env={"OPENAI_API_KEY": key})
    ok(result)
    assert "OpenAI API key:      provided" in result.stdout
    assert "workdir:             " + str(ws.workdir) in result.stdout
    everything = [result.output]
    everything += [p.read_text() for p in ws.module_dir.glob("*.log")]
    for name in ("npm", "curl", "agentapi", "codex", "coder"):
        everything += [json.dumps(r["argv"]) for r in ws.records(name)]
    for text in everything:
        assert key not in text
        assert AGENT_TOKEN not in text


def test_no_key_is_reported_as_not_provided(ws: ScriptEnv) -> None:
    result = ws.start()
    ok(result)
    assert "OpenAI API key:      not provided" in result.stdout


# --- Codex install --------------------------------------------------------------------------


def test_codex_version_pin_reaches_npm_and_is_what_runs(ws: ScriptEnv) -> None:
    ok(ws.start(codex_version="0.58.0"))
    (install,) = ws.records("npm", "call")
    prefix = str(ws.home / ".npm-global")
    assert install["argv"] == ["install", "-g", "--prefix", prefix, "@openai/codex@0.58.0"]
    (codex,) = ws.records("codex", "run")
    assert codex["version"] == "0.58.0"
    assert codex["env"]["PATH"].split(":")[0] == prefix + "/bin"
    bashrc = (ws.home / ".bashrc").read_text()
    assert bashrc.count(".npm-global/bin") == 1


def test_latest_codex_is_installed_without_a_version(ws: ScriptEnv) -> None:
    ok(ws.start())
    (install,) = ws.records("npm", "call")
    assert install["argv"][-1] == "@openai/codex"


def test_npm_configuration_is_left_alone(ws: ScriptEnv) -> None:
    npmrc = ws.home / ".npmrc"
    npmrc.write_text("prefix=/opt/custom-prefix\ncolor=false\n")
    before = npmrc.read_bytes()
    ok(ws.start())
    assert npmrc.read_bytes() == before
    calls = [r["argv"] for r in ws.records("npm", "call")]
    assert all(argv[:1] != ["config"] for argv in calls), calls
    assert (ws.home / ".npm-global" / "bin" / "codex").exists()
    assert not Path("/opt/custom-prefix/bin/codex").exists()


def test_failing_codex_install_fails_the_start_with_the_reason(ws: ScriptEnv) -> None:
    result = ws.start(env={"STANDIN_NPM_FAIL": "1"})
    assert result.returncode != 0
    assert "npm install -g @openai/codex failed" in result.stderr
    assert "npm ERR! 404 Not Found" in result.stderr  # the tail of install.log
    assert str(ws.module_dir / "install.log") in result.stderr
    assert ws.records("agentapi", "server") == []


def test_node_without_npm_is_a_clear_error(tmp_path: Path) -> None:
    with ScriptEnv(tmp_path, provide=("curl", "coder"), hide=("npm",)) as ws:
        node = ws.standin_bin / "node"
        node.write_text("#!/bin/sh\necho v22.0.0\n")
        node.chmod(0o755)
        result = ws.start()
        assert result.returncode != 0
        assert "node is installed but npm is not" in result.stderr
        assert ws.records("agentapi", "server") == []


def test_nvm_provides_npm_when_neither_node_nor_npm_exists(tmp_path: Path) -> None:
    with ScriptEnv(tmp_path, provide=("curl", "coder"), hide=("npm", "node", "nodejs")) as ws:
        nvm = ws.home / ".nvm"
        nvm.mkdir()
        # A stand-in nvm: `nvm install --lts` makes the npm stand-in available.
        (nvm / "nvm.sh").write_text(
            "nvm() {\n"
            '  printf "%s\\n" "$*" >>"$NVM_DIR/calls"\n'
            '  if [ "$1" = install ]; then\n'
            '    mkdir -p "$NVM_DIR/versions/node/bin"\n'
            '    ln -sf "$STANDIN_DIR/npm" "$NVM_DIR/versions/node/bin/npm"\n'
            '    PATH="$NVM_DIR/versions/node/bin:$PATH"\n'
            "  fi\n"
            "}\n"
        )
        ok(ws.start())
        assert (nvm / "calls").read_text().splitlines().count("install --lts") == 1
        assert len(ws.records("npm", "call")) == 1
        assert status_ok(ws.port)


def test_restart_finds_the_node_nvm_installed_and_installs_nothing(tmp_path: Path) -> None:
    """The agent's PATH never has nvm's node: a restart must select it (offline) instead of
    running nvm and npm again."""
    with ScriptEnv(tmp_path, provide=("curl", "coder"), hide=("npm", "node", "nodejs")) as ws:
        nvm = ws.home / ".nvm"
        nvm.mkdir()
        # A stand-in nvm whose install and use put node and npm on PATH.
        (nvm / "nvm.sh").write_text(
            "nvm() {\n"
            '  printf "%s\\n" "$*" >>"$NVM_DIR/calls"\n'
            '  bin="$NVM_DIR/versions/node/bin"\n'
            '  if [ "$1" = install ]; then\n'
            '    mkdir -p "$bin"\n'
            '    ln -sf "$STANDIN_DIR/npm" "$bin/npm"\n'
            '    printf "#!/bin/sh\\necho v22.0.0\\n" >"$bin/node"; chmod +x "$bin/node"\n'
            "  fi\n"
            '  [ -x "$bin/node" ] && PATH="$bin:$PATH"\n'
            "}\n"
        )
        ok(ws.start(codex_version="0.58.0"))
        # Like npm's real launcher, the installed codex needs node on PATH.
        launcher = ws.home / ".npm-global" / "bin" / "codex"
        real = launcher.with_name("codex-real")
        launcher.rename(real)
        launcher.write_text(
            f'#!/bin/sh\ncommand -v node >/dev/null || exit 127\nexec "{real}" "$@"\n'
        )
        launcher.chmod(0o755)
        ws.shutdown()
        ok(ws.start(codex_version="0.58.0"))
        calls = (nvm / "calls").read_text().splitlines()
        assert calls.count("install --lts") == 1
        assert calls[-1] == "use --silent default"
        installs = [r for r in ws.records("npm", "call") if "install" in r["argv"]]
        assert len(installs) == 1
        assert status_ok(ws.port)


# --- Codex's configuration (SPEC 11) ------------------------------------------------------

PROFILE_FILE = "codex-component.config.toml"
LAUNCH = ["--profile", "codex-component", "--no-daemon"]
BLOCK_BEGIN = "# >>> codex_component managed block: rewritten on every workspace start >>>"
BLOCK_END = "# <<< codex_component managed block <<<"


def profile(ws: ScriptEnv) -> dict:
    return tomllib.loads((ws.codex_dir / PROFILE_FILE).read_text())


def effective_config(ws: ScriptEnv) -> dict:
    """What the (stand-in) Codex ran with: config.toml, the profile and -c options merged."""
    (record,) = ws.records("codex", "run")
    return record["config"]


def test_default_config_lives_in_a_profile_of_its_own(ws: ScriptEnv) -> None:
    result = ws.start()
    ok(result)
    path = ws.codex_dir / PROFILE_FILE
    assert mode(path) == 0o600
    assert not (ws.codex_dir / "config.toml").exists()
    assert codex_argv(ws) == LAUNCH
    parsed = profile(ws)
    assert parsed["sandbox_mode"] == "workspace-write"
    assert parsed["approval_policy"] == "never"
    assert parsed["sandbox_workspace_write"] == {"network_access": True}
    assert parsed["projects"] == {str(ws.workdir): {"trust_level": "trusted"}}
    assert "preferred_auth_method" not in parsed
    coder = parsed["mcp_servers"]["Coder"]
    assert coder == {
        "command": "coder",
        "args": ["exp", "mcp", "server"],
        "env_vars": ["CODER_AGENT_URL", "CODER_AGENT_TOKEN"],
        "env": {
            "CODER_MCP_APP_STATUS_SLUG": "codex",
            "CODER_MCP_AI_AGENTAPI_URL": f"http://localhost:{ws.port}",
            "CODER_MCP_ALLOWED_TOOLS": "coder_report_task",
        },
    }
    # The default model has no upgrade in the catalog: nothing to acknowledge.
    assert parsed["notice"]["model_migrations"] == {}
    assert effective_config(ws)["mcp_servers"]["Coder"] == coder
    # Codex gave the Coder MCP server the agent's URL and token from its own environment.
    (mcp,) = ws.records("coder", "call")
    assert mcp["argv"] == ["exp", "mcp", "server"]
    assert mcp["env"]["CODER_AGENT_TOKEN"] == AGENT_TOKEN
    assert mcp["env"]["CODER_AGENT_URL"] == ws.env["CODER_AGENT_URL"]
    assert mcp["env"]["CODER_MCP_APP_STATUS_SLUG"] == "codex"
    assert "Codex loads its configuration without errors" in result.stdout
    (check,) = ws.records("codex", "exec")
    assert check["argv"] == ["--profile", "codex-component", "--strict-config", "exec"]


def test_the_agent_token_is_in_no_file(ws: ScriptEnv) -> None:
    token = 'tok"en\\with\nodd\x01chars-unique-7f3a'
    ok(ws.start(env={"CODER_AGENT_TOKEN": token}))
    (mcp,) = ws.records("coder", "call")
    assert mcp["env"]["CODER_AGENT_TOKEN"] == token
    for path in ws.home.rglob("*"):
        if path.is_file() and ws.log_dir not in path.parents:
            assert b"unique-7f3a" not in path.read_bytes(), path


def test_base_config_replaces_the_default_and_the_workdir_stays_trusted(ws: ScriptEnv) -> None:
    base = 'model = "o3"\napproval_policy = "on-request"\n\n[tui]\nnotifications = true\n'
    ok(ws.start(base_config_toml=base))
    parsed = profile(ws)
    assert parsed["model"] == "o3"
    assert parsed["approval_policy"] == "on-request"
    assert parsed["tui"] == {"notifications": True}
    assert "sandbox_mode" not in parsed
    assert parsed["projects"][str(ws.workdir)] == {"trust_level": "trusted"}
    assert "Coder" in parsed["mcp_servers"]


def test_additional_mcp_servers_sit_next_to_coder_without_ignored_keys(ws: ScriptEnv) -> None:
    extra = (
        '[mcp_servers.github]\ncommand = "npx"\nargs = ["-y", "@mcp/github"]\n'
        'type = "stdio"\ndescription = "GitHub"\n\n'
        '[mcp_servers.github.env]\nGITHUB_TOKEN_FILE = "/run/gh"\n'
    )
    ok(ws.start(additional_mcp_servers=extra))
    servers = profile(ws)["mcp_servers"]
    assert set(servers) == {"Coder", "github"}
    assert servers["github"] == {
        "command": "npx",
        "args": ["-y", "@mcp/github"],
        "env": {"GITHUB_TOKEN_FILE": "/run/gh"},
    }


def test_report_tasks_off(ws: ScriptEnv) -> None:
    result = ws.start(report_tasks=False)
    ok(result)
    env = profile(ws)["mcp_servers"]["Coder"]["env"]
    assert env["CODER_MCP_APP_STATUS_SLUG"] == ""
    assert env["CODER_MCP_AI_AGENTAPI_URL"] == ""
    (mcp,) = ws.records("coder", "call")
    assert mcp["env"]["CODER_MCP_APP_STATUS_SLUG"] == ""
    assert "report tasks:        false" in result.stdout


def test_aibridge(ws: ScriptEnv) -> None:
    session_token = "owner-session-token-123"
    result = ws.start(
        enable_aibridge=True,
        codex_model="gpt-6-sol",
        env={"CODER_AIBRIDGE_SESSION_TOKEN": session_token},
    )
    ok(result)
    parsed = profile(ws)
    assert parsed["model_provider"] == "aibridge"
    assert parsed["model"] == "gpt-6-sol"
    assert parsed["model_reasoning_effort"] == "medium"
    provider = parsed["model_providers"]["aibridge"]
    assert provider["env_key"] == "CODER_AIBRIDGE_SESSION_TOKEN"
    assert provider["supports_websockets"] is False
    assert "profile" not in parsed
    assert "profiles" not in parsed
    assert codex_argv(ws) == LAUNCH  # no --model: the profile selects it
    (codex,) = ws.records("codex", "run")
    assert codex["env"]["CODER_AIBRIDGE_SESSION_TOKEN"] == session_token
    assert not (ws.codex_dir / "auth.json").exists()
    assert session_token not in result.output


def test_keys_the_installed_codex_does_not_know_are_dropped(ws: ScriptEnv) -> None:
    unknown = "model_providers.aibridge.supports_websockets,check_for_update_on_startup"
    env = {"STANDIN_CODEX_UNKNOWN_KEYS": unknown, "CODER_AIBRIDGE_SESSION_TOKEN": "t"}
    result = ws.start(enable_aibridge=True, env=env)
    ok(result)
    parsed = profile(ws)
    assert "supports_websockets" not in parsed["model_providers"]["aibridge"]
    assert "check_for_update_on_startup" not in parsed
    assert "refuses some newer settings; writing the profile without them" in result.stdout
    assert len(ws.records("codex", "exec")) == 2


@pytest.mark.parametrize(
    ("model", "expected"),
    [("gpt-5.5", {"gpt-5.5": "gpt-6-sol"}), ("gpt-6-sol", {}), ("not-in-catalog", {})],
)
def test_model_migration_is_acknowledged_with_the_catalogs_upgrade(
    ws: ScriptEnv, model: str, expected: dict
) -> None:
    ok(ws.start(codex_model=model))
    assert profile(ws)["notice"]["model_migrations"] == expected
    assert codex_argv(ws) == [*LAUNCH, "--model", model]


def test_model_migration_follows_the_users_own_model(ws: ScriptEnv) -> None:
    ws.codex_dir.mkdir()
    (ws.codex_dir / "config.toml").write_text('model = "gpt-5.5"\n')
    ok(ws.start())
    assert profile(ws)["notice"]["model_migrations"] == {"gpt-5.5": "gpt-6-sol"}


def test_the_users_config_toml_is_never_written(ws: ScriptEnv) -> None:
    ws.codex_dir.mkdir()
    mine = (
        'model = "o3"\n\n'
        f'[projects.{toml_string(str(ws.workdir))}]\ntrust_level = "trusted"\n\n'
        '[mcp_servers.mine]\ncommand = "x"\n\n[features]\nweb_search_request = true\n'
    )
    path = ws.codex_dir / "config.toml"
    path.write_text(mine)
    ok(ws.start())
    ok(ws.start())
    assert path.read_text() == mine
    merged = ws.records("codex", "run")[-1]["config"]
    assert set(merged["mcp_servers"]) == {"Coder", "mine"}
    assert merged["features"] == {"web_search_request": True}
    assert merged["projects"][str(ws.workdir)] == {"trust_level": "trusted"}


def test_a_block_left_by_an_earlier_module_version_is_removed(ws: ScriptEnv) -> None:
    ws.codex_dir.mkdir()
    path = ws.codex_dir / "config.toml"
    path.write_text(
        f'model = "o3"\n{BLOCK_BEGIN}\npreferred_auth_method = "apikey"\n'
        f'[mcp_servers.Coder]\ncommand = "coder"\ntype = "stdio"\n{BLOCK_END}\n[tui]\nx = 1\n'
    )
    result = ws.start()
    ok(result)
    assert path.read_text() == 'model = "o3"\n[tui]\nx = 1\n'
    assert "Removed the block an earlier codex_component wrote" in result.stdout


def test_a_config_codex_refuses_fails_the_start_with_codexs_words(ws: ScriptEnv) -> None:
    ws.codex_dir.mkdir()
    # (approval_policy = "untrusted" there would not do: the module's profile sets "never".)
    (ws.codex_dir / "config.toml").write_text('profile = "old"\n')
    result = ws.start()
    assert result.returncode == 1
    assert 'legacy `profile = "old"` config is no longer supported' in result.stderr
    last = result.stderr.strip().splitlines()[-1]
    assert "Codex refuses its configuration" in last
    assert str(ws.codex_dir / "config.toml") in last
    assert not ws.records("agentapi", "server")


def test_a_post_install_script_that_breaks_the_config_is_caught(ws: ScriptEnv) -> None:
    breaks = 'printf "[oops\\n" >>"$CODEX_HOME/config.toml"\n'
    result = ws.start(post_install_script=breaks)
    assert result.returncode == 1
    assert "Error loading config.toml" in result.stderr
    assert not ws.records("agentapi", "server")


def test_empty_model_passes_no_model_argument(ws: ScriptEnv) -> None:
    ok(ws.start(codex_model="", ai_prompt="go"))
    assert codex_argv(ws) == [*LAUNCH, task_prompt("go", report_tasks=True)]


@pytest.mark.parametrize(
    ("version", "files"),
    [("0.169.0", (PROFILE_FILE, "AGENTS.md")), ("0.58.0", ("config.toml", "AGENTS.md"))],
)
def test_restart_downloads_nothing_and_rewrites_config_identically(
    ws: ScriptEnv, version: str, files: tuple[str, ...]
) -> None:
    ok(ws.start(codex_version=version, agentapi_version="v0.12.1"))
    first = {name: (ws.codex_dir / name).read_bytes() for name in files}
    bashrc = (ws.home / ".bashrc").read_bytes()
    ok(ws.shutdown())
    second = ws.start(codex_version=version, agentapi_version="v0.12.1")
    ok(second)
    assert len(ws.records("npm", "call")) == 1
    assert len(ws.records("curl", "download")) == 1
    assert f"Codex {version} is already installed; nothing to download" in second.stdout
    assert "AgentAPI v0.12.1 is already installed" in second.stdout
    for name, data in first.items():
        assert (ws.codex_dir / name).read_bytes() == data, name
    assert (ws.home / ".bashrc").read_bytes() == bashrc
    assert len(ws.records("agentapi", "server")) == 2
    assert status_ok(ws.port)


def test_a_second_start_replaces_a_running_agentapi(ws: ScriptEnv) -> None:
    ok(ws.start())
    old = ws.agentapi_pid()
    result = ws.start()
    ok(result)
    assert f"Stopping the AgentAPI left from an earlier start (pid {old})" in result.stdout
    assert not ws.is_ours(old)
    assert ws.agentapi_pid() != old
    assert status_ok(ws.port)


# --- older Codex: the marked block of config.toml --------------------------------------------


def test_old_codex_gets_the_block_and_top_level_keys_as_options(ws: ScriptEnv) -> None:
    result = ws.start(codex_version="0.58.0")
    ok(result)
    path = ws.codex_dir / "config.toml"
    text = path.read_text()
    assert mode(path) == 0o600
    assert text.startswith(BLOCK_BEGIN + "\n")
    assert text.endswith(BLOCK_END + "\n")
    parsed = tomllib.loads(text)
    assert "approval_policy" not in parsed  # top-level keys go on the command line
    assert parsed["projects"] == {str(ws.workdir): {"trust_level": "trusted"}}
    assert parsed["mcp_servers"]["Coder"]["env_vars"] == ["CODER_AGENT_URL", "CODER_AGENT_TOKEN"]
    assert codex_argv(ws) == [
        "-c", 'sandbox_mode="workspace-write"', "-c", 'approval_policy="never"',
    ]  # fmt: skip
    merged = effective_config(ws)
    assert merged["approval_policy"] == "never"
    assert merged["sandbox_mode"] == "workspace-write"
    assert not (ws.codex_dir / PROFILE_FILE).exists()
    (mcp,) = ws.records("coder", "call")
    assert mcp["env"]["CODER_AGENT_TOKEN"] == AGENT_TOKEN
    assert not ws.records("codex", "exec")  # 0.58 has no strict check; it lists MCP servers
    assert len(ws.records("codex", "mcp_list")) == 1


def test_old_codex_block_never_redeclares_the_users_tables(ws: ScriptEnv) -> None:
    ws.codex_dir.mkdir()
    path = ws.codex_dir / "config.toml"
    mine = f'model = "o3"\n\n[projects.{toml_string(str(ws.workdir))}]\ntrust_level = "trusted"\n'
    path.write_text(mine)
    result = ws.start(codex_version="0.58.0")
    ok(result)
    text = path.read_text()
    assert text.startswith(mine)
    parsed = tomllib.loads(text)  # a table declared twice would not parse
    assert parsed["model"] == "o3"
    assert "Coder" in parsed["mcp_servers"]
    assert "leaves it out" in result.stdout


def test_old_codex_keeps_what_codex_added_inside_the_block(ws: ScriptEnv) -> None:
    ok(ws.start(codex_version="0.58.0"))
    path = ws.codex_dir / "config.toml"
    # `codex mcp add` inserts its table before the file's last comment line.
    added = '[mcp_servers.foo]\ncommand = "foo-cmd"\nargs = ["arg"]\n'
    path.write_text(path.read_text().replace(BLOCK_END, added + BLOCK_END))
    ok(ws.start(codex_version="0.58.0", additional_mcp_servers=""))
    parsed = tomllib.loads(path.read_text())
    assert parsed["mcp_servers"]["foo"] == {"command": "foo-cmd", "args": ["arg"]}
    outside = path.read_text().split(BLOCK_BEGIN)[0]
    assert "[mcp_servers.foo]" in outside
    # A table the module itself wrote last time and no longer wants is not kept.
    ok(ws.start(codex_version="0.58.0", additional_mcp_servers='[mcp_servers.x]\ncommand = "y"\n'))
    ok(ws.start(codex_version="0.58.0"))
    assert "x" not in tomllib.loads(path.read_text())["mcp_servers"]


def test_old_codex_keeps_a_config_without_markers(ws: ScriptEnv) -> None:
    ws.codex_dir.mkdir()
    old = 'model = "o3"\n[mcp_servers.mine]\ncommand = "x"\n'
    (ws.codex_dir / "config.toml").write_text(old)
    ok(ws.start(codex_version="0.58.0"))
    text = (ws.codex_dir / "config.toml").read_text()
    assert text.startswith(old)
    assert set(tomllib.loads(text)["mcp_servers"]) == {"Coder", "mine"}


# --- AGENTS.md --------------------------------------------------------------------------------


def agents_md(ws: ScriptEnv) -> str:
    return (ws.codex_dir / "AGENTS.md").read_text()


@pytest.mark.parametrize(
    "prompt",
    [DEFAULT_SYSTEM_PROMPT, "Line one.\n\n- rule `two` $(no)\n* three [x](y)\n"],
    ids=["one-line", "multi-line"],
)
def test_system_prompt_is_written_once_and_not_duplicated(ws: ScriptEnv, prompt: str) -> None:
    ok(ws.start(codex_system_prompt=prompt))
    first = agents_md(ws)
    assert first.count(prompt) == 1
    ok(ws.start(codex_system_prompt=prompt))
    assert agents_md(ws) == first
    assert agents_md(ws).count(prompt) == 1


def test_system_prompt_keeps_the_users_text_and_follows_changes(ws: ScriptEnv) -> None:
    ws.codex_dir.mkdir()
    (ws.codex_dir / "AGENTS.md").write_text("# My rules\nBe brief.")
    ok(ws.start(codex_system_prompt="Prompt A"))
    ok(ws.start(codex_system_prompt="Prompt B\nsecond line"))
    text = agents_md(ws)
    assert text.startswith("# My rules\nBe brief.\n")
    assert "Prompt A" not in text
    assert text.count("Prompt B\nsecond line") == 1


def test_system_prompt_already_in_the_file_is_not_added(ws: ScriptEnv) -> None:
    ws.codex_dir.mkdir()
    existing = f"# Team rules\n{DEFAULT_SYSTEM_PROMPT}\nMore rules.\n"
    (ws.codex_dir / "AGENTS.md").write_text(existing)
    ok(ws.start())
    assert agents_md(ws) == existing


def test_empty_system_prompt_writes_nothing(ws: ScriptEnv) -> None:
    ok(ws.start(codex_system_prompt=""))
    assert not (ws.codex_dir / "AGENTS.md").exists()


# --- auth.json ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("version", "form"),
    [("0.169.0", {"auth_mode": "apikey"}), ("0.58.0", {})],
)
def test_api_key_reaches_auth_json_in_the_installed_codexs_form(
    ws: ScriptEnv, version: str, form: dict
) -> None:
    key = 'sk-"quoted"\\back\\slash\ttab\x7f-ünï'
    result = ws.start(codex_version=version, env={"OPENAI_API_KEY": key})
    ok(result)
    path = ws.codex_dir / "auth.json"
    assert json.loads(path.read_text()) == {**form, "OPENAI_API_KEY": key}
    assert mode(path) == 0o600
    (codex,) = ws.records("codex", "run")
    assert codex["env"]["OPENAI_API_KEY"] == key
    assert key not in result.output
    (login,) = ws.records("codex", "login")
    assert key not in login["argv"]
    assert not list(ws.codex_dir.glob(".auth.json.*"))  # no temporary file left


def test_without_a_key_an_existing_auth_json_is_kept(ws: ScriptEnv) -> None:
    ws.codex_dir.mkdir()
    signed_in = '{"tokens": {"id_token": "abc"}}\n'
    (ws.codex_dir / "auth.json").write_text(signed_in)
    ok(ws.start())
    assert (ws.codex_dir / "auth.json").read_text() == signed_in


# --- prompt, workdir, hooks ------------------------------------------------------------------


def test_prompt_reaches_codex_verbatim_as_one_argument(ws: ScriptEnv) -> None:
    marker = ws.root / "pwned"
    prompt = NASTY.format(marker=marker)
    ok(ws.start(ai_prompt=prompt, report_tasks=False))
    (sent,) = codex_argv(ws)[len(LAUNCH) :]
    assert sent.endswith("\n" + prompt)
    assert sent == task_prompt(prompt, report_tasks=False)
    assert server_record(ws)["argv"][-1] == sent
    assert not marker.exists()


def test_workdir_with_quotes_spaces_and_unicode_is_created_and_used(ws: ScriptEnv) -> None:
    workdir = ws.home / "dir with 'single' \"double\" $(x) ünïcödé ✓"
    ok(ws.start(workdir=str(workdir)))
    assert workdir.is_dir()
    assert server_record(ws)["cwd"] == str(workdir)
    (codex,) = ws.records("codex", "run")
    assert codex["cwd"] == str(workdir)
    assert str(workdir) in profile(ws)["projects"]


def test_pre_and_post_install_scripts_run_in_order_with_logs(ws: ScriptEnv) -> None:
    pre = 'echo "pre: codex=$(command -v codex || echo none)"\necho "pre stderr" >&2\n'
    post = (
        'echo "post: $(codex --version)"\n'
        'test -f "$CODEX_HOME/codex-component.config.toml" && echo config\n'
    )
    result = ws.start(pre_install_script=pre, post_install_script=post)
    ok(result)
    assert (ws.module_dir / "pre_install.log").read_text() == "pre: codex=none\npre stderr\n"
    post_log = (ws.module_dir / "post_install.log").read_text()
    assert post_log == f"post: codex-cli {STANDIN_CODEX_LATEST}\nconfig\n"
    assert (ws.module_dir / "pre_install.sh").read_text() == pre


@pytest.mark.parametrize("hook", ["pre_install", "post_install"])
def test_failing_install_script_fails_the_start(ws: ScriptEnv, hook: str) -> None:
    result = ws.start(**{f"{hook}_script": "echo boom-output\nexit 3\n"})
    assert result.returncode != 0
    assert f"the {hook} script failed; see {ws.module_dir / (hook + '.log')}" in result.stderr
    assert "boom-output" in result.stderr
    assert ws.records("agentapi", "server") == []


# --- sessions ---------------------------------------------------------------------------------


def write_tracking(ws: ScriptEnv, *lines: str) -> None:
    ws.module_dir.mkdir(parents=True, exist_ok=True)
    (ws.module_dir / ".codex-task-session").write_text("".join(line + "\n" for line in lines))


def write_session_file(ws: ScriptEnv, session_id: str, cwd: Path) -> Path:
    """A rollout file as Codex 0.169 writes it (``payload.id`` after ``session_id``)."""
    path = ws.codex_dir / "sessions" / "2026" / "11" / "30" / f"rollout-x-{session_id}.jsonl"
    path.parent.mkdir(parents=True, exist_ok=True)
    meta = {
        "timestamp": "2026-11-30T10:00:00.000Z",
        "ordinal": 0,
        "type": "session_meta",
        "payload": {
            "account_scoped": True,
            "session_id": session_id,
            "id": session_id,
            "timestamp": "2026-11-30T10:00:00.000Z",
            "cwd": str(cwd),
            "originator": "codex-tui",
        },
    }
    path.write_text(json.dumps(meta, separators=(",", ":")) + "\n")
    return path


def test_resume_of_a_tracked_session(ws: ScriptEnv) -> None:
    other = "/somewhere/else"
    write_tracking(
        ws,
        f"{other}|other-id",
        f"{ws.workdir}|older-id",
        f"{ws.workdir}|0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b",
        f"{ws.workdir}/sub|sub-id",
    )
    write_session_file(ws, "0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b", ws.workdir)
    result = ws.start(ai_prompt="do not send me")
    ok(result)
    assert codex_argv(ws) == [
        *LAUNCH, "resume", "0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"
    ]  # fmt: skip
    assert ws.records("codex", "session") == []
    assert not (ws.module_dir / "session-capture.log").exists()


def test_workdir_is_matched_as_a_fixed_string(ws: ScriptEnv) -> None:
    workdir = ws.home / "proj[1]*?"
    write_tracking(ws, f"{ws.home}/proj1x|wrong-id", f"{ws.home}/proj[1]*?x|wrong-too")
    ok(ws.start(workdir=str(workdir)))
    assert "resume" not in codex_argv(ws)


def test_capture_of_a_new_session(ws: ScriptEnv) -> None:
    # A malformed id is not resumed; its line is replaced by the new session's.
    write_tracking(ws, f"{ws.workdir}|-not an id!", "/other|keep-me")
    result = ws.start(ai_prompt="work")
    ok(result)
    assert "ignoring the malformed session id" in result.stderr
    assert codex_argv(ws) == [*LAUNCH, task_prompt("work", report_tasks=True)]
    log = ws.wait_for_capture()
    (session,) = ws.records("codex", "session")
    assert f"Recorded Codex session {session['session_id']}" in log
    assert ws.tracking_lines() == ["/other|keep-me", f"{ws.workdir}|{session['session_id']}"]
    assert mode(ws.module_dir / ".codex-task-session") == 0o600


def test_captured_session_is_resumed_on_the_next_start(ws: ScriptEnv) -> None:
    ok(ws.start(ai_prompt="work"))
    ws.wait_for_capture()
    (session,) = ws.records("codex", "session")
    ok(ws.start(ai_prompt="work"))
    runs = ws.records("codex", "run")
    assert runs[-1]["argv"] == [*LAUNCH, "resume", session["session_id"]]
    # A second restart in a row is as good as the first.
    ok(ws.shutdown())
    ok(ws.start(ai_prompt="work"))
    runs = ws.records("codex", "run")
    assert runs[-1]["argv"] == [*LAUNCH, "resume", session["session_id"]]
    assert ws.tracking_lines() == [f"{ws.workdir}|{session['session_id']}"]


def test_an_older_session_of_the_same_folder_is_not_captured(ws: ScriptEnv) -> None:
    old = ws.codex_dir / "sessions" / "2025" / "01" / "01" / "rollout-old.jsonl"
    old.parent.mkdir(parents=True)
    meta = {
        "timestamp": "2025-01-01T00:00:00.000Z",
        "type": "session_meta",
        "payload": {"id": "old-session-id", "cwd": str(ws.workdir), "originator": "codex"},
    }
    old.write_text(json.dumps(meta, separators=(",", ":")) + "\n")
    an_hour_ago = time.time() - 3600
    os.utime(old, (an_hour_ago, an_hour_ago))
    ok(ws.start(env={"STANDIN_CODEX_NO_SESSION": "1"}))
    # While the capture looks, the old session is written to (as Codex appends to the
    # rollout of a session it resumed): newer than the launch, but not created by it.
    os.utime(old)
    time.sleep(1)
    assert "Recorded" not in ws.capture_log()
    ok(ws.shutdown())
    log = ws.wait_for_capture()
    assert "has stopped before Codex wrote a session" in log
    assert ws.tracking_lines() == []


def test_a_new_start_ends_the_capture_of_the_previous_one(ws: ScriptEnv) -> None:
    ok(ws.start(env={"STANDIN_CODEX_NO_SESSION": "1"}))
    first_capture = int((ws.module_dir / "session-capture.pid").read_text())
    assert ws.is_ours(first_capture)  # still looking, as long as AgentAPI runs
    ok(ws.start(ai_prompt="go"))
    ws.wait_until(lambda: not ws.is_ours(first_capture), "the first capture to end", 5)
    ws.wait_for_capture()
    (session,) = ws.records("codex", "session")
    assert ws.tracking_lines() == [f"{ws.workdir}|{session['session_id']}"]


def test_without_a_prompt_the_session_is_recorded_at_the_first_message(ws: ScriptEnv) -> None:
    """Codex writes its session file only when the first message is sent, which may be
    long after the start: the capture keeps watching for as long as AgentAPI runs."""
    ok(ws.start())
    assert codex_argv(ws) == LAUNCH
    time.sleep(12)  # past the original's 10-second window
    assert ws.records("codex", "session") == []
    assert ws.tracking_lines() == []
    capture = int((ws.module_dir / "session-capture.pid").read_text())
    assert ws.is_ours(capture)
    request = urllib.request.Request(
        f"http://127.0.0.1:{ws.port}/message",
        data=json.dumps({"content": "hello, typed later", "type": "user"}).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    urllib.request.urlopen(request, timeout=5).close()  # noqa: S310 (a loopback URL)
    log = ws.wait_for_capture()
    (session,) = ws.records("codex", "session")
    assert f"Recorded Codex session {session['session_id']}" in log
    assert ws.tracking_lines() == [f"{ws.workdir}|{session['session_id']}"]
    ws.wait_until(lambda: not ws.is_ours(capture), "the capture to end once it recorded", 5)
    ok(ws.shutdown())
    ok(ws.start())
    assert ws.records("codex", "run")[-1]["argv"] == [*LAUNCH, "resume", session["session_id"]]


def test_a_tracked_session_that_is_gone_starts_fresh_with_a_warning(ws: ScriptEnv) -> None:
    gone = "0199a1b2-0000-7000-8000-00000000dead"
    write_tracking(ws, f"{ws.workdir}|{gone}", "/other|keep-me")
    # A file of that id for another folder does not count either.
    write_session_file(ws, gone, ws.home / "elsewhere")
    result = ws.start(ai_prompt="start over")
    ok(result)
    assert f"the recorded Codex session {gone} of {ws.workdir} is gone" in result.stderr
    assert codex_argv(ws) == [*LAUNCH, task_prompt("start over", report_tasks=True)]
    assert ws.records("codex", "resume_failed") == []
    ws.wait_for_capture()
    (session,) = ws.records("codex", "session")
    assert ws.tracking_lines() == ["/other|keep-me", f"{ws.workdir}|{session['session_id']}"]


def test_continue_off_neither_resumes_nor_captures(ws: ScriptEnv) -> None:
    write_tracking(ws, f"{ws.workdir}|tracked-id")
    ok(ws.start(ai_prompt="fresh", **{"continue": False}))
    assert codex_argv(ws) == [*LAUNCH, task_prompt("fresh", report_tasks=True)]
    assert not (ws.module_dir / "session-capture.log").exists()
    assert ws.tracking_lines() == [f"{ws.workdir}|tracked-id"]


# --- AgentAPI -----------------------------------------------------------------------------------


def agentapi_env(ws: ScriptEnv) -> dict[str, str]:
    return server_record(ws)["env"]


def test_agentapi_environment_with_persistence(ws: ScriptEnv) -> None:
    ok(ws.start())
    env = agentapi_env(ws)
    assert env["AGENTAPI_ALLOWED_HOSTS"] == "*"
    assert env["AGENTAPI_PID_FILE"] == str(ws.module_dir / "agentapi.pid")
    assert env["AGENTAPI_CHAT_BASE_PATH"] == CHAT_BASE_PATH
    assert env["AGENTAPI_STATE_FILE"] == str(ws.module_dir / "agentapi-state.json")
    assert env["AGENTAPI_SAVE_STATE"] == "true"
    assert env["AGENTAPI_LOAD_STATE"] == "true"
    assert not [name for name in env if name.startswith("ARG_")]


def test_agentapi_environment_without_persistence(ws: ScriptEnv) -> None:
    ok(ws.start(enable_state_persistence=False))
    env = agentapi_env(ws)
    assert not [name for name in STATE_VARS if name in env]


def test_old_agentapi_gets_no_state_variables_and_a_warning(ws: ScriptEnv) -> None:
    result = ws.start(agentapi_version="v0.11.8", env={"STANDIN_AGENTAPI_VERSION": "0.11.8"})
    ok(result)
    assert "state persistence needs AgentAPI 0.12.0 or newer" in result.stderr
    env = agentapi_env(ws)
    assert not [name for name in STATE_VARS if name in env]


def test_non_semver_agentapi_counts_as_new_enough(ws: ScriptEnv) -> None:
    result = ws.start(agentapi_version="latest", env={"STANDIN_AGENTAPI_VERSION": "dev-abc123"})
    ok(result)
    assert all(name in agentapi_env(ws) for name in STATE_VARS)
    (download,) = ws.records("curl", "download")
    assert download["url"] == (
        "https://github.com/coder/agentapi/releases/latest/download/agentapi-linux-amd64"
    )


def test_subdomain_on_sets_no_chat_base_path(ws: ScriptEnv) -> None:
    ok(ws.start(subdomain=True))
    assert "AGENTAPI_CHAT_BASE_PATH" not in agentapi_env(ws)


def test_agentapi_is_downloaded_into_the_script_bin_dir(ws: ScriptEnv) -> None:
    ok(ws.start(agentapi_version="v0.12.1"))
    (download,) = ws.records("curl", "download")
    assert download["url"] == (
        "https://github.com/coder/agentapi/releases/download/v0.12.1/agentapi-linux-amd64"
    )
    binary = ws.script_bin / "agentapi"
    assert mode(binary) == 0o755
    assert server_record(ws)["env"]["PATH"].startswith(str(ws.home / ".npm-global/bin"))


def test_agentapi_goes_to_local_bin_without_a_script_bin_dir(ws: ScriptEnv) -> None:
    ok(ws.start(env={"CODER_SCRIPT_BIN_DIR": ""}))
    assert (ws.home / ".local" / "bin" / "agentapi").exists()
    assert not (ws.script_bin / "agentapi").exists()


def test_failed_agentapi_download_fails_the_start(ws: ScriptEnv) -> None:
    result = ws.start(env={"STANDIN_DOWNLOAD_FAIL": "1"})
    assert result.returncode != 0
    assert "downloading AgentAPI from https://github.com/coder/agentapi/releases" in result.stderr


def test_install_agentapi_off_uses_the_one_on_path(ws: ScriptEnv) -> None:
    ws.provide("agentapi")
    ok(ws.start(install_agentapi=False))
    assert ws.records("curl", "download") == []


def test_install_agentapi_off_without_agentapi_is_a_clear_error(ws: ScriptEnv) -> None:
    result = ws.start(install_agentapi=False)
    assert result.returncode != 0
    assert "install_agentapi is false but there is no agentapi on PATH" in result.stderr


def test_install_codex_off_uses_the_codex_on_path(ws: ScriptEnv) -> None:
    ws.provide("codex")
    ok(ws.start(install_codex=False))
    assert ws.records("npm", "call") == []
    assert not (ws.home / ".npm-global").exists()


def test_agentapi_that_never_answers_fails_within_the_bound(ws: ScriptEnv) -> None:
    result = ws.start(env={"STANDIN_AGENTAPI_MODE": "silent"})
    assert result.returncode != 0
    assert "did not answer on http://localhost:" in result.stderr
    assert "3 times in a row within 15s" in result.stderr
    assert 13 < result.seconds < 30


def test_agentapi_that_exits_fails_at_once(ws: ScriptEnv) -> None:
    result = ws.start(env={"STANDIN_AGENTAPI_MODE": "exit"})
    assert result.returncode != 0
    assert "AgentAPI exited before it answered" in result.stderr
    assert "exit status 3" in result.stderr
    assert "stand-in told to fail at once" in result.stderr  # tail of agentapi-start.log
    assert result.seconds < 10


# --- the arguments file and helpers, directly ---------------------------------------------------


def run_lib(ws: ScriptEnv, snippet: str, *, path: str | None = None) -> subprocess.CompletedProcess:
    """Run ``snippet`` in bash after sourcing lib.sh and session.sh (unpacked as the
    bootstrap does)."""
    scripts = ws.module_dir / "scripts"
    scripts.mkdir(parents=True, exist_ok=True)
    for name, data in script_files().items():
        (scripts / name).write_bytes(data)
    code = f'set -euo pipefail\nsource "{scripts}/lib.sh"\nsource "{scripts}/session.sh"\n'
    env = {**ws.env, "CODEX_MODULE_DIR": str(ws.module_dir)}
    if path is not None:
        env["PATH"] = path
    return subprocess.run(
        ["bash", "-c", code + snippet],
        env=env,
        capture_output=True,
        timeout=30,
        check=False,
    )


def test_args_file_values_arrive_byte_exact(ws: ScriptEnv) -> None:
    values = {
        "ARG_A": NASTY.format(marker=ws.root / "pwned"),
        "ARG_B": "\n\n",
        "ARG_C": "",
        "ARG_D": "--help",
        "ARG_E2": "tab\there ' \" \\ $HOME ${x} * ? [a]",
    }
    (ws.root / "x.args").write_bytes(encode_args(values))
    out = ws.root / "out"
    out.mkdir()
    snippet = f'load_args "{ws.root}/x.args"\n' + "".join(
        f'printf "%s" "${name}" > "{out}/{name}"\n' for name in values
    )
    result = run_lib(ws, snippet)
    assert result.returncode == 0, result.stderr
    for name, value in values.items():
        assert (out / name).read_bytes() == value.encode(), name
    assert not (ws.root / "pwned").exists()


@pytest.mark.parametrize(
    "line",
    ["PATH=L2Jpbgo=", "ARG_lower=eA==", "ARG_X=not base64!", "ARG_X", "ARG_X=$(id)"],
)
def test_args_file_rejects_bad_lines(ws: ScriptEnv, line: str) -> None:
    (ws.root / "bad.args").write_text(line + "\n")
    result = run_lib(ws, f'load_args "{ws.root}/bad.args"\necho loaded')
    assert result.returncode != 0
    assert b"loaded" not in result.stdout


def test_quote_string_matches_the_python_toml_string(ws: ScriptEnv) -> None:
    samples = [
        "plain",
        'q"uo\\te',
        "".join(chr(c) for c in range(1, 32)) + "\x7f",
        "ünïcödé ✓ 𝄞",
        "trailing\n\n",
        "",
    ]
    values = {f"ARG_S{i}": s for i, s in enumerate(samples)}
    (ws.root / "q.args").write_bytes(encode_args(values))
    snippet = f'load_args "{ws.root}/q.args"\n' + "".join(
        f'quote_string "${name}"; printf "\\0"\n' for name in values
    )
    result = run_lib(ws, snippet)
    assert result.returncode == 0, result.stderr
    quoted = result.stdout.decode().split("\0")[:-1]
    assert quoted == [toml_string(s) for s in samples]
    for text, sample in zip(quoted, samples, strict=True):
        assert json.loads(text) == sample
        assert tomllib.loads(f"v = {text}")["v"] == sample


@pytest.mark.parametrize("without", [(), ("jq",), ("jq", "python3")], ids=["jq", "python3", "bash"])
@pytest.mark.parametrize("codex_format", ["0.58", "0.169"])
def test_session_files_are_read_with_jq_python_or_bash(
    ws: ScriptEnv, without: tuple, codex_format: str
) -> None:
    cwd = str(ws.home / 'we"ird \\ dir ✓')
    payload: dict = {"id": "0199-abc", "timestamp": "x", "cwd": cwd, "originator": "codex_cli_rs"}
    meta: dict = {"timestamp": "2025-10-01T10:00:00.000Z", "type": "session_meta"}
    if codex_format == "0.169":
        # payload.id is not the first key; other ids come before and after it.
        payload = {"account_scoped": True, "session_id": "not-this-one", **payload}
        payload["git"] = {"id": "nor-this-one"}
        meta = {"timestamp": meta["timestamp"], "ordinal": 0, "type": "session_meta"}
    meta["payload"] = payload
    good = ws.root / "good.jsonl"
    good.write_text(json.dumps(meta, ensure_ascii=False, separators=(",", ":")) + "\n{}\n")
    other = ws.root / "other.jsonl"
    other.write_text(json.dumps({**meta, "type": "response_item"}, separators=(",", ":")) + "\n")
    path = ws.path_hiding(*without) if without else None
    script = (
        f"session_id_for_cwd {good} {shlex.quote(cwd)} /nope; echo\n"
        f"session_id_for_cwd {good} /a /b || echo no-match\n"
        f"session_id_for_cwd {other} {shlex.quote(cwd)} /nope || echo not-meta\n"
        "command -v jq >/dev/null && echo has-jq; command -v python3 >/dev/null && echo has-py\n"
        "true\n"
    )
    result = run_lib(ws, script, path=path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.decode().splitlines()
    assert lines[:3] == ["0199-abc", "no-match", "not-meta"]
    assert ("has-jq" in lines) == ("jq" not in without and Path("/usr/bin/jq").exists())
    if "python3" in without:
        assert "has-py" not in lines


def test_status_check_falls_back_to_dev_tcp_without_curl(ws: ScriptEnv) -> None:
    # Only the system folders, without curl: not even the stand-in.
    path = ws.path_hiding("curl").rsplit(":", 1)[-1]
    answering = ws.coder_api.url.rsplit(":", 1)[-1]  # answers every request with 204
    closed = free_port()
    script = (
        "command -v curl && exit 9\n"
        f"http_ok /status {answering} && echo up\n"
        f"http_ok /status {closed} || echo down\n"
    )
    result = run_lib(ws, script, path=path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().splitlines() == ["up", "down"]
    assert [r.path for r in ws.coder_api.requests] == ["/status"]


# --- sandbox probe ----------------------------------------------------------------------------


def test_a_sandbox_that_cannot_work_is_reported_with_the_remedy(ws: ScriptEnv) -> None:
    result = ws.start(env={"STANDIN_CODEX_SANDBOX_FAIL": "1"})
    ok(result)  # Codex still starts: it can answer, only its commands would fail
    warning = next(line for line in result.stderr.splitlines() if "sandbox cannot run" in line)
    assert "No permissions to create a new namespace" in warning
    assert "unprivileged user namespaces" in warning
    assert 'sandbox_mode = "danger-full-access"' in warning
    (probe,) = ws.records("codex", "sandbox")
    assert probe["argv"] == ["--profile", "codex-component", "sandbox", "--", "true"]
    assert probe["cwd"] == str(ws.workdir)


def test_a_working_sandbox_and_an_unsandboxed_config(ws: ScriptEnv) -> None:
    result = ws.start()
    ok(result)
    assert "Sandbox: Codex can run commands in its sandbox here" in result.stdout
    base = 'sandbox_mode = "danger-full-access"\napproval_policy = "never"\n'
    result = ws.start(base_config_toml=base, env={"STANDIN_CODEX_SANDBOX_FAIL": "1"})
    ok(result)
    assert "not probed" in result.stdout
    assert "sandbox cannot run" not in result.stderr
