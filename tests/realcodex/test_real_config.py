"""The real Codex loads what the module writes, for every configuration it can produce, with
zero errors and zero warnings (SPEC 11), and what the user and Codex itself write survives
the next start.

The module's own scripts configure the workspace (``configure_codex`` and
``check_codex_config`` of ``configure_codex.sh``, as the start script runs them); then the
real Codex judges the result three ways: its strict loader (``--strict-config exec`` with the
options the module launches it with), ``codex doctor --json`` (startup warnings and MCP
issues, on the merged view; doctor takes no ``--profile``) and ``codex mcp list``.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from codex_component.config_toml import toml_string
from tests.realcodex.conftest import workspace_with
from tests.scriptenv import AGENT_TOKEN, Result, ScriptEnv, ok

PROFILE_FILE = "codex-component.config.toml"
HAND_OVER = 'exec bash "$CODEX_MODULE_DIR/scripts/$CODEX_ENTRY"'
CONFIGURE_ONLY = """set -euo pipefail
source "$CODEX_MODULE_DIR/scripts/lib.sh"
source "$CODEX_MODULE_DIR/scripts/configure_codex.sh"
load_args "$CODEX_MODULE_DIR/start.args"
export CODEX_HOME="$HOME/$ARG_CODEX_HOME"
CODEX_HOME_DIR=$CODEX_HOME
mkdir -p -- "$ARG_WORKDIR"
configure_codex
check_codex_config
probe_sandbox
printf '%s\\0' "${CODEX_CONFIG_OPTIONS[@]}" >"$CODEX_MODULE_DIR/config-options"
printf '%s\\0' "${CODEX_LAUNCH_OPTIONS[@]}" >"$CODEX_MODULE_DIR/launch-options"
"""
# A command every machine has, for MCP servers that doctor checks are on PATH.
TRUE = "/bin/true"

# Every configuration the component can produce (issue 9), as CodexArgs overrides.
CONFIGURATIONS: dict[str, dict[str, Any]] = {
    "defaults": {},
    "key": {"openai_api_key": "sk-test-0123456789"},
    "aibridge": {"enable_aibridge": True, "codex_model": "gpt-6-sol"},
    "base-config": {
        "base_config_toml": (
            'model = "gpt-5.5"\napproval_policy = "on-request"\n'
            'sandbox_mode = "read-only"\n\n[tui]\nnotifications = false\n'
        )
    },
    "additional-mcp-servers": {
        "additional_mcp_servers": (
            f'[mcp_servers.local]\ncommand = "{TRUE}"\nargs = ["x"]\n'
            'startup_timeout_sec = 5\n\n[mcp_servers.local.env]\nA = "1"\n\n'
            '[mcp_servers.remote]\nurl = "http://127.0.0.1:9/mcp"\n'
            'bearer_token_env_var = "REMOTE_TOKEN"\n'
        )
    },
    "report-tasks-off": {"report_tasks": False},
    "model-with-upgrade": {"codex_model": "gpt-5.5"},
    "other-port": {"agentapi_port": 4123},
}


@pytest.fixture
def current(real_root: Path, codex_current: Path) -> Iterator[ScriptEnv]:
    with workspace_with(real_root, codex_current) as env:
        yield env


@pytest.fixture
def oldest(real_root: Path, codex_oldest: Path) -> Iterator[ScriptEnv]:
    with workspace_with(real_root, codex_oldest) as env:
        yield env


def configure(ws: ScriptEnv, env: dict[str, str] | None = None, **overrides: Any) -> Result:
    """Run the module's configure steps of the start script, with the real Codex on PATH."""
    args = {"install_codex": False, "install_agentapi": False, **overrides}
    body = ws.render(**args)["start.sh"]
    part = ws.root / "configure-only.sh"
    part.write_text(CONFIGURE_ONLY)
    assert body.count(HAND_OVER) == 1
    body = body.replace(HAND_OVER, f"exec bash '{part}'")
    extra = dict(env or {})
    if overrides.get("openai_api_key"):
        extra["OPENAI_API_KEY"] = overrides["openai_api_key"]
    if overrides.get("enable_aibridge"):
        extra["CODER_AIBRIDGE_SESSION_TOKEN"] = "owner-session-token"
    return ws.run_body("configure", body, env=extra)


def options(ws: ScriptEnv, name: str, port: int) -> list[str]:
    module_dir = ws.home / (".codex-module" if port == 3284 else f".codex-module-{port}")
    raw = (module_dir / name).read_bytes()
    return [part.decode() for part in raw.split(b"\0")[:-1]]


def codex_home(ws: ScriptEnv, port: int) -> Path:
    return ws.home / (".codex" if port == 3284 else f".codex-{port}")


def run_codex(
    ws: ScriptEnv, home: Path, *argv: str, stdin: str = "", cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**ws.env, "CODEX_HOME": str(home), "REMOTE_TOKEN": "t", "DEAD_KEY": "k"}
    return subprocess.run(
        ["codex", *argv],
        cwd=cwd or ws.workdir,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    """How Codex layers a profile file over config.toml: table by table, the profile wins
    (shared/codex-today.md, "Profiles as files")."""
    out = dict(base)
    for key, value in over.items():
        out[key] = (
            merge(out[key], value)
            if isinstance(value, dict) and isinstance(out.get(key), dict)
            else value
        )
    return out


def doctor_findings(ws: ScriptEnv, home: Path) -> dict[str, Any]:
    """``codex doctor --json`` on the effective config (config.toml with the module's profile
    merged in, in a scratch home), reduced to what concerns the config."""
    effective: dict[str, Any] = {}
    for name in ("config.toml", PROFILE_FILE):
        path = home / name
        if path.exists():
            effective = merge(effective, tomllib.loads(path.read_text()))
    scratch = ws.root / "doctor-home"
    scratch.mkdir(exist_ok=True)
    (scratch / "config.toml").write_text(tomli_w.dumps(effective))
    result = run_codex(ws, scratch, "doctor", "--json")
    report = json.loads(result.stdout)
    checks = report["checks"]
    load, mcp = checks["config.load"], checks["mcp.config"]
    details = dict(mcp["details"])
    # A remote server on a closed test port is a network finding, not a config one.
    details.pop("optional reachability failed", None)
    unreachable_only = mcp["status"] == "warning" and all(
        key.endswith("servers") for key in details
    )
    return {
        "config.load": load["status"],
        # Doctor lists "startup warnings" only when there are some.
        "startup warnings": load["details"].get("startup warnings", "0"),
        "startup warning": load["details"].get("startup warning", ""),
        "mcp.config": "ok" if unreachable_only else mcp["status"],
        "mcp details": mcp["details"],
    }


def assert_loads_clean(ws: ScriptEnv, port: int) -> None:
    home = codex_home(ws, port)
    strict = run_codex(ws, home, *options(ws, "config-options", port), "--strict-config", "exec")
    assert "No prompt provided" in strict.stderr + strict.stdout, strict.stderr
    findings = doctor_findings(ws, home)
    assert findings == {
        "config.load": "ok",
        "startup warnings": "0",
        "startup warning": "",
        "mcp.config": "ok",
        "mcp details": findings["mcp details"],
    }, json.dumps(findings, indent=1)
    listed = run_codex(ws, home, *options(ws, "config-options", port), "mcp", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    assert "Coder" in {server["name"] for server in json.loads(listed.stdout)}


@pytest.mark.parametrize("name", list(CONFIGURATIONS))
def test_every_configuration_loads_with_zero_warnings(current: ScriptEnv, name: str) -> None:
    overrides = CONFIGURATIONS[name]
    port = overrides.get("agentapi_port", current.port)
    result = configure(current, **overrides)
    ok(result)
    assert "Codex loads its configuration without errors" in result.stdout
    home = codex_home(current, port)
    assert not (home / "config.toml").exists()  # the user's file is never written
    assert oct((home / PROFILE_FILE).stat().st_mode & 0o777) == "0o600"
    launch = options(current, "launch-options", port)
    assert launch == ["--profile", "codex-component", "--no-daemon"]
    assert_loads_clean(current, port)


def catalog_upgrade(ws: ScriptEnv, model: str) -> str | None:
    listed = run_codex(ws, ws.root, "debug", "models")
    for entry in json.loads(listed.stdout)["models"]:
        if entry["slug"] == model:
            upgrade = entry.get("upgrade")
            return upgrade["model"] if upgrade else None
    return None


@pytest.mark.parametrize("model", ["gpt-5.5", "gpt-6-sol"])
def test_model_migration_names_the_installed_catalogs_upgrade(
    current: ScriptEnv, model: str
) -> None:
    ok(configure(current, codex_model=model))
    profile = tomllib.loads((current.codex_dir / PROFILE_FILE).read_text())
    upgrade = catalog_upgrade(current, model)
    expected = {model: upgrade} if upgrade else {}
    assert profile["notice"]["model_migrations"] == expected
    if model == "gpt-5.5":
        assert expected  # the catalog of the pinned release has this upgrade


@pytest.mark.parametrize(
    ("workspace", "form"), [("current", {"auth_mode": "apikey"}), ("oldest", {})]
)
def test_api_key_is_written_as_codex_writes_it(
    request: pytest.FixtureRequest, workspace: str, form: dict[str, str]
) -> None:
    ws: ScriptEnv = request.getfixturevalue(workspace)
    key = "sk-test-0123456789"
    ok(configure(ws, openai_api_key=key))
    auth = ws.codex_dir / "auth.json"
    assert json.loads(auth.read_text()) == {**form, "OPENAI_API_KEY": key}
    assert auth.stat().st_mode & 0o777 == 0o600
    status = run_codex(ws, ws.codex_dir, "login", "status")
    assert "API key" in status.stdout + status.stderr


def test_the_users_and_codexs_own_writes_survive_a_restart(current: ScriptEnv) -> None:
    ok(configure(current))
    home = current.codex_dir
    # Between two starts: the user trusts the folder, adds an MCP server and a feature.
    config = home / "config.toml"
    config.write_text(f'[projects.{toml_string(str(current.workdir))}]\ntrust_level = "trusted"\n')
    added = run_codex(current, home, "mcp", "add", "mine", "--", TRUE, "arg")
    assert added.returncode == 0, added.stderr
    enabled = run_codex(current, home, "features", "enable", "web_search_request")
    assert enabled.returncode == 0, enabled.stderr
    written = config.read_text()
    ok(configure(current))
    assert config.read_text() == written
    parsed = tomllib.loads(written)
    assert parsed["mcp_servers"]["mine"]["command"] == TRUE
    assert parsed["features"]["web_search_request"] is True
    assert parsed["projects"][str(current.workdir)] == {"trust_level": "trusted"}
    assert_loads_clean(current, current.port)
    listed = run_codex(
        current, home, *options(current, "config-options", current.port), "mcp", "list", "--json"
    )
    assert {s["name"] for s in json.loads(listed.stdout)} == {"Coder", "mine"}


def test_a_config_codex_refuses_stops_the_start_with_codexs_words(current: ScriptEnv) -> None:
    current.codex_dir.mkdir()
    (current.codex_dir / "config.toml").write_text('profile = "old"\n')
    result = configure(current)
    assert result.returncode == 1
    assert 'legacy `profile = "old"` config is no longer supported' in result.stderr
    assert "Codex refuses its configuration" in result.stderr.strip().splitlines()[-1]


def test_the_coder_mcp_server_gets_the_agent_url_and_token_from_the_environment(
    current: ScriptEnv,
) -> None:
    """Codex forwards only ``env`` and ``env_vars`` to a stdio server; the token is in no
    file. A recording ``coder`` shows what the real Codex gave the server."""
    record = current.root / "coder-env.json"
    coder = current.standin_bin / "coder"
    coder.unlink()
    coder.write_text(
        "#!/usr/bin/env python3\nimport json, os, sys\n"
        f"open({str(record)!r}, 'w').write(json.dumps({{'argv': sys.argv[1:], "
        "'env': dict(os.environ)}))\nsys.stdin.read()\n"
    )
    coder.chmod(0o755)
    # The user's own provider: a dead loopback port, so the turn fails fast after start-up.
    current.codex_dir.mkdir()
    (current.codex_dir / "config.toml").write_text(
        'model_provider = "dead"\n[model_providers.dead]\nname = "dead"\n'
        'base_url = "http://127.0.0.1:9/v1"\nwire_api = "responses"\nenv_key = "DEAD_KEY"\n'
        "request_max_retries = 0\nstream_max_retries = 0\n"
    )
    ok(configure(current))
    argv = ["codex", *options(current, "config-options", current.port), "exec"]
    argv += ["--skip-git-repo-check", "hello"]
    session = subprocess.Popen(
        argv,
        cwd=current.workdir,
        env={**current.env, "CODEX_HOME": str(current.codex_dir), "DEAD_KEY": "k"},
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        current.wait_until(record.exists, "Codex to start the Coder MCP server", timeout=60)
    finally:
        # The turn itself never ends (the model is a closed port): stop it, by its group.
        os.killpg(session.pid, signal.SIGKILL)
        session.wait(timeout=10)
    current.wait_until(lambda: record.read_text().endswith("}"), "the record", timeout=10)
    seen = json.loads(record.read_text())
    assert seen["argv"] == ["exp", "mcp", "server"]
    assert seen["env"]["CODER_AGENT_TOKEN"] == AGENT_TOKEN
    assert seen["env"]["CODER_AGENT_URL"] == current.env["CODER_AGENT_URL"]
    assert seen["env"]["CODER_MCP_APP_STATUS_SLUG"] == "codex"
    # What the module writes (Codex's own shell snapshots record the whole environment).
    written = [*current.codex_dir.glob("*.toml"), *current.module_dir.rglob("*")]
    for path in written:
        if path.is_file():
            assert AGENT_TOKEN.encode() not in path.read_bytes(), path


# --- Codex 0.58: the marked block of config.toml ------------------------------------------


@pytest.mark.parametrize("name", ["defaults", "aibridge", "base-config", "additional-mcp-servers"])
def test_old_codex_loads_the_block(oldest: ScriptEnv, name: str) -> None:
    result = configure(oldest, **CONFIGURATIONS[name])
    ok(result)
    config = oldest.codex_dir / "config.toml"
    tomllib.loads(config.read_text())
    listed = run_codex(
        oldest,
        oldest.codex_dir,
        *options(oldest, "config-options", oldest.port),
        "mcp",
        "list",
        "--json",
    )
    assert listed.returncode == 0, listed.stderr
    assert "Coder" in {server["name"] for server in json.loads(listed.stdout)}
    assert not (oldest.codex_dir / PROFILE_FILE).exists()


def test_old_codex_keeps_the_users_trust_and_codexs_servers(oldest: ScriptEnv) -> None:
    oldest.codex_dir.mkdir()
    config = oldest.codex_dir / "config.toml"
    config.write_text(f'[projects.{toml_string(str(oldest.workdir))}]\ntrust_level = "trusted"\n')
    ok(configure(oldest))
    added = run_codex(oldest, oldest.codex_dir, "mcp", "add", "mine", "--", TRUE)
    assert added.returncode == 0, added.stderr
    ok(configure(oldest))
    parsed = tomllib.loads(config.read_text())  # no table declared twice
    assert parsed["projects"][str(oldest.workdir)] == {"trust_level": "trusted"}
    assert parsed["mcp_servers"]["mine"]["command"] == TRUE
    listed = run_codex(oldest, oldest.codex_dir, "mcp", "list", "--json")
    assert {s["name"] for s in json.loads(listed.stdout)} >= {"Coder", "mine"}


# --- the sandbox probe --------------------------------------------------------------------


def failing_bwrap(ws: ScriptEnv, codex: Path) -> Path:
    """A ``bwrap`` first on PATH that Codex takes for a working system bubblewrap (it answers
    ``--help`` as the bundled one does) but that fails as bubblewrap does where unprivileged
    user namespaces are not allowed."""
    prefix = codex.parent.parent  # the npm prefix the pinned release was installed into
    (bundled,) = prefix.glob("lib/node_modules/**/codex-resources/bwrap")
    help_text = subprocess.run(
        [str(bundled), "--help"], capture_output=True, text=True, timeout=30, check=False
    ).stdout
    folder = ws.root / "no-userns-bin"
    folder.mkdir()
    (folder / "help.txt").write_text(help_text)
    script = folder / "bwrap"
    script.write_text(
        "#!/bin/sh\n"
        f'case "$1" in --help) cat "{folder}/help.txt"; exit 0;; esac\n'
        'echo "bwrap: No permissions to create a new namespace, likely because the kernel'
        ' does not allow non-privileged user namespaces." >&2\nexit 1\n'
    )
    script.chmod(0o755)
    return folder


def test_the_sandbox_probe_passes_where_the_sandbox_works(current: ScriptEnv) -> None:
    result = configure(current)
    ok(result)
    assert "Sandbox: Codex can run commands in its sandbox here" in result.stdout
    assert "sandbox cannot run" not in result.stderr


def test_the_sandbox_probe_warns_where_it_cannot_work(
    current: ScriptEnv, codex_current: Path
) -> None:
    folder = failing_bwrap(current, codex_current)
    current.env["PATH"] = f"{folder}:{current.env['PATH']}"
    result = configure(current)
    ok(result)
    warning = next(line for line in result.stderr.splitlines() if "sandbox cannot run" in line)
    assert "No permissions to create a new namespace" in warning
    assert 'sandbox_mode = "danger-full-access"' in warning
