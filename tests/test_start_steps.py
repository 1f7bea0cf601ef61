"""The start script's install steps and its failures, run for real (issue 12).

The Codex install and the AgentAPI download run at the same time; "latest" costs one
cheap lookup per program when nothing changed; and every failure leaves nothing running
and ends with a line that says what to do.
"""

from __future__ import annotations

import http.server
import os
import shutil
import stat
import subprocess
import threading
from pathlib import Path

import pytest

from codex_component.render import script_files
from tests.scriptenv import STANDIN_CODEX_LATEST, Result, ScriptEnv, ok

LATEST = {"codex_version": "", "agentapi_version": "latest"}
RELEASE_URL = "https://github.com/coder/agentapi/releases/latest/download/agentapi-linux-amd64"


def last_line(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else ""


def installs(ws: ScriptEnv) -> list[dict]:
    return [r for r in ws.records("npm", "call") if r["argv"][:1] == ["install"]]


def views(ws: ScriptEnv) -> list[dict]:
    return [r for r in ws.records("npm", "call") if r["argv"][:1] == ["view"]]


def alive(pid: int, ws: ScriptEnv) -> bool:
    return ws.is_ours(pid)


# --- 1. Both installs at the same time -----------------------------------------------------------


def test_codex_install_and_agentapi_download_run_at_the_same_time(ws: ScriptEnv) -> None:
    # The npm stand-in finishes only once AgentAPI has been downloaded: one after the
    # other, the start could not succeed.
    result = ws.start(env={"STANDIN_NPM_WAIT_FOR": str(ws.script_bin / "agentapi")})
    ok(result)
    assert len(installs(ws)) == 1
    assert len(ws.records("curl", "download")) == 1


def test_a_failed_download_fails_the_start_while_npm_still_runs(ws: ScriptEnv) -> None:
    result = ws.start(env={"STANDIN_DOWNLOAD_FAIL": "1", "STANDIN_NPM_DELAY": "30"})
    assert result.returncode != 0
    line = last_line(result.stderr)
    assert "downloading AgentAPI from" in line
    assert "install_agentapi = false" in line
    # The tail of the download's own log comes first.
    assert "The requested URL returned error: 404" in result.stderr
    assert str(ws.module_dir / "agentapi-install.log") in result.stderr
    # The Codex install was stopped, npm with it, and Codex never got installed.
    (install,) = installs(ws)
    assert not alive(install["pid"], ws)
    assert not (ws.home / ".npm-global" / "bin" / "codex").exists()
    assert ws.records("agentapi", "server") == []


def test_a_failed_codex_install_names_npm_even_when_agentapi_is_fine(ws: ScriptEnv) -> None:
    result = ws.start(env={"STANDIN_NPM_FAIL": "1"})
    assert result.returncode != 0
    assert "npm install -g @openai/codex failed" in last_line(result.stderr)
    # The tail of install.log comes before the reason.
    assert result.stderr.index("npm ERR! 404") < result.stderr.index("ERROR:")


# --- 2. "latest" as cheap as a pin ------------------------------------------------------------


def test_latest_restart_with_nothing_new_installs_and_downloads_nothing(ws: ScriptEnv) -> None:
    ok(ws.start(**LATEST))
    assert len(installs(ws)) == 1
    assert len(ws.records("curl", "download")) == 1
    ok(ws.shutdown())
    result = ws.start(**LATEST)
    ok(result)
    assert len(installs(ws)) == 1
    assert len(ws.records("curl", "download")) == 1
    # One bounded metadata request each, nothing more.
    (view,) = views(ws)
    assert view["argv"][-2:] == ["@openai/codex@latest", "version"]
    assert "--fetch-retries=0" in view["argv"]
    (lookup,) = ws.records("curl", "lookup")
    assert lookup["argv"][-1] == "https://github.com/coder/agentapi/releases/latest"
    assert "-m" in lookup["argv"]
    assert f"Codex {STANDIN_CODEX_LATEST} is installed and is what 'latest' means" in result.stdout
    assert "AgentAPI 0.12.1 is installed and is the latest release" in result.stdout


def test_latest_restart_installs_a_new_release(ws: ScriptEnv) -> None:
    ok(ws.start(**LATEST))
    ok(ws.shutdown())
    env = {"STANDIN_NPM_LATEST": "1.0.0", "STANDIN_AGENTAPI_LATEST": "v0.13.0"}
    result = ws.start(env=env, **LATEST)
    ok(result)
    assert len(installs(ws)) == 2
    downloads = ws.records("curl", "download")
    assert [d["url"] for d in downloads] == [RELEASE_URL, RELEASE_URL]
    assert ws.records("codex", "run")[-1]["version"] == "1.0.0"
    assert f"The npm registry says 'latest' is Codex 1.0.0 (installed: {STANDIN_CODEX_LATEST})" in (
        result.stdout
    )
    assert "The latest AgentAPI release is v0.13.0 (installed: 0.12.1)" in result.stdout
    # ... and the next restart finds it current.
    ok(ws.shutdown())
    ok(ws.start(env=env, **LATEST))
    assert len(installs(ws)) == 2
    assert len(ws.records("curl", "download")) == 2


def test_a_dist_tag_is_resolved_like_latest(ws: ScriptEnv) -> None:
    env = {"STANDIN_NPM_TAGS": "beta=1.1.0-beta.1"}
    ok(ws.start(env=env, codex_version="beta"))
    (install,) = installs(ws)
    assert install["argv"][-1] == "@openai/codex@beta"
    ok(ws.shutdown())
    ok(ws.start(env=env, codex_version="beta"))
    assert len(installs(ws)) == 1
    assert views(ws)[-1]["argv"][-2] == "@openai/codex@beta"


def test_offline_latest_restart_keeps_what_is_installed_with_a_warning(ws: ScriptEnv) -> None:
    ok(ws.start(**LATEST))
    ok(ws.shutdown())
    offline = {"STANDIN_NPM_OFFLINE": "1", "STANDIN_GITHUB_OFFLINE": "1"}
    result = ws.start(env=offline, **LATEST)
    ok(result)
    assert len(installs(ws)) == 1
    assert len(ws.records("curl", "download")) == 1
    assert (
        "could not ask the npm registry which Codex version 'latest' is" in result.stderr
        and f"keeping the installed Codex {STANDIN_CODEX_LATEST}" in result.stderr
    )
    assert "keeping the installed AgentAPI 0.12.1" in result.stderr


def test_offline_first_start_fails_with_the_reason(ws: ScriptEnv) -> None:
    result = ws.start(env={"STANDIN_NPM_OFFLINE": "1"}, **LATEST)
    assert result.returncode != 0
    assert "ENOTFOUND" in result.stderr
    assert "npm install -g @openai/codex failed" in last_line(result.stderr)


def test_a_pinned_restart_asks_no_registry(ws: ScriptEnv) -> None:
    pins = {"codex_version": "0.58.0", "agentapi_version": "v0.12.1"}
    ok(ws.start(**pins))
    ok(ws.shutdown())
    ok(ws.start(**pins))
    assert views(ws) == []
    assert ws.records("curl", "lookup") == []


# --- 4. Failures that clean up and explain --------------------------------------------------------


def test_agentapi_that_never_answers_is_stopped_with_codex(ws: ScriptEnv) -> None:
    result = ws.start(env={"STANDIN_AGENTAPI_MODE": "silent"})
    assert result.returncode != 0
    assert "did not answer on http://localhost:" in last_line(result.stderr)
    (server,) = ws.records("agentapi", "server")
    (codex,) = ws.records("codex", "run")
    assert not alive(server["pid"], ws)
    assert not alive(codex["pid"], ws)
    assert not (ws.module_dir / "agentapi.pid").exists()
    assert "Stopping the AgentAPI this start launched" in result.stdout
    assert "(it is stopped, with what it started)" in last_line(result.stderr)


def test_aibridge_without_the_session_token_fails_before_installing(ws: ScriptEnv) -> None:
    result = ws.start(enable_aibridge=True)
    assert result.returncode != 0
    line = last_line(result.stderr)
    assert "CODER_AIBRIDGE_SESSION_TOKEN is not set" in line
    assert "enable_aibridge" in line
    assert "coder_env" in line
    assert ws.records("npm") == []
    assert ws.records("agentapi", "server") == []


def test_aibridge_with_the_session_token_starts(ws: ScriptEnv) -> None:
    ok(ws.start(enable_aibridge=True, env={"CODER_AIBRIDGE_SESSION_TOKEN": "session-1"}))


NVM_THAT_FAILS = """nvm() {
  printf '%s\\n' "$*" >>"$NVM_DIR/calls"
  echo "nvm: cannot download node: connection refused" >&2
  return 3
}
"""


def test_no_node_and_no_npm_is_said_first_and_a_failed_nvm_ends_with_the_remedy(
    tmp_path: Path,
) -> None:
    with ScriptEnv(tmp_path, provide=("curl", "coder"), hide=("npm", "node", "nodejs")) as ws:
        nvm = ws.home / ".nvm"
        nvm.mkdir()
        (nvm / "nvm.sh").write_text(NVM_THAT_FAILS)
        # The nvm stand-in is "installed" already: the start goes straight to nvm install.
        result = ws.start()
        assert result.returncode != 0
        calls = (nvm / "calls").read_text().splitlines()
        assert calls.count("install --lts") == 1
        assert calls[-1] == "install --lts"
        said = result.stdout.index("neither node nor npm is on PATH")
        assert said < result.stdout.index("Installing Node.js LTS with nvm")
        line = last_line(result.stderr)
        assert "nvm install --lts failed" in line
        assert "workspace image with Node.js and npm" in line
        assert "install_codex = false" in line
        assert "connection refused" in result.stderr  # the tail of install.log


def test_no_node_npm_or_nvm_names_the_requirement_before_trying_nvm(tmp_path: Path) -> None:
    with ScriptEnv(tmp_path, provide=("curl", "coder"), hide=("npm", "node", "nodejs")) as ws:
        result = ws.start()
        assert result.returncode != 0
        said = result.stdout.index("neither node nor npm is on PATH")
        assert "workspace image needs Node.js with npm" in result.stdout
        assert "install_codex = false" in result.stdout[said:]
        # The nvm installer cannot be fetched (tests have no network): the last line says
        # what failed and what to do.
        assert result.stdout.index("Trying to install Node.js with nvm") >= said
        (refused,) = ws.records("curl", "refused")
        assert refused["url"].startswith("https://raw.githubusercontent.com/nvm-sh/nvm/")
        line = last_line(result.stderr)
        assert "installing nvm from https://raw.githubusercontent.com" in line
        assert "workspace image with Node.js and npm" in line


def test_no_curl_and_no_wget_is_the_last_line(tmp_path: Path) -> None:
    with ScriptEnv(tmp_path, provide=("npm", "coder"), hide=("curl", "wget")) as ws:
        result = ws.start()
        assert result.returncode != 0
        line = last_line(result.stderr)
        assert "neither curl nor wget is installed" in line
        assert "install curl or wget in the workspace image" in line
        assert "network" not in line and "github.com" not in line


def test_a_shell_without_bash_is_told_in_one_line(tmp_path: Path) -> None:
    with ScriptEnv(tmp_path, hide=("bash",)) as ws:
        body = ws.render()["start.sh"]
        result = ws.run_body("start.sh", body, interpreter="/bin/sh")
        assert result.returncode != 0
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        assert len(lines) == 1, result.stderr
        assert "this module needs bash" in lines[0]
        assert ws.records("npm") == []


@pytest.mark.parametrize("before", [0o755, 0o750, 0o701])
def test_an_existing_codex_home_with_wider_access_is_made_private(
    ws: ScriptEnv, before: int
) -> None:
    ws.codex_dir.mkdir()
    os.chmod(ws.codex_dir, before)
    (ws.codex_dir / "mine.txt").write_text("kept")
    result = ws.start()
    ok(result)
    assert stat.S_IMODE(ws.codex_dir.stat().st_mode) == 0o700
    assert (ws.codex_dir / "mine.txt").read_text() == "kept"
    assert f"Made {ws.codex_dir} private (mode {before:o} -> 700)" in result.stdout


def test_a_private_codex_home_is_left_as_it_is(ws: ScriptEnv) -> None:
    ws.codex_dir.mkdir(mode=0o700)
    result: Result = ws.start()
    ok(result)
    assert stat.S_IMODE(ws.codex_dir.stat().st_mode) == 0o700
    assert "private (mode" not in result.stdout


# --- the release lookup with wget -----------------------------------------------------------


class Redirect(http.server.BaseHTTPRequestHandler):
    def do_HEAD(self) -> None:
        self.send_response(302)
        self.send_header("Location", "https://github.com/coder/agentapi/releases/tag/v0.14.2")
        self.end_headers()

    def do_GET(self) -> None:
        self.do_HEAD()

    def log_message(self, format: str, *args: object) -> None:
        pass


def test_the_latest_release_is_read_from_the_redirect_with_wget_too(tmp_path: Path) -> None:
    """Without curl, the real wget asks for the redirect (and fails on it, having been told
    not to follow it): the tag still comes from its Location."""
    server = http.server.HTTPServer(("127.0.0.1", 0), Redirect)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    with ScriptEnv(tmp_path, provide=("coder",), hide=("curl",)) as ws:
        result = lookup_with_wget(ws, server)
    assert shutil.which("wget", path=ws.env["PATH"]), "this test needs wget"
    assert shutil.which("curl", path=ws.env["PATH"]) is None
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode() == "v0.14.2"


def lookup_with_wget(ws: ScriptEnv, server: http.server.HTTPServer) -> subprocess.CompletedProcess:
    try:
        scripts = ws.module_dir / "scripts"
        scripts.mkdir(parents=True)
        for name, data in script_files().items():
            (scripts / name).write_bytes(data)
        url = f"http://127.0.0.1:{server.server_address[1]}/coder/agentapi/releases/latest"
        code = (
            f'set -euo pipefail\nsource "{scripts}/lib.sh"\nsource "{scripts}/agentapi.sh"\n'
            f'AGENTAPI_LATEST_URL="{url}"\nagentapi_latest_tag\n'
        )
        result = subprocess.run(
            ["bash", "-c", code],
            env={**ws.env, "CODEX_MODULE_DIR": str(ws.module_dir)},
            capture_output=True,
            timeout=30,
            check=False,
        )
    finally:
        server.shutdown()
        server.server_close()
    return result
