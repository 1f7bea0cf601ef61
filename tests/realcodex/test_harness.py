"""The real Codex TUI, unattended behind the AgentAPI stand-in, talking to a fake model.

These prove the harness works end to end and pin down what the real Codex does when
launched the way the module launches it (see the report in ``harness.py``'s docstring).
"""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import pytest

from tests.realcodex.fake_model import FakeModel
from tests.realcodex.harness import (
    AgentAPIProcess,
    CodexEnv,
    children_of,
    codex_help_mentions,
    codex_version,
    git_workdir,
    group_members,
    no_daemon_args,
    wait_until,
    write_user_config,
)

pytestmark = pytest.mark.realcodex

# Generous bounds: two shared CPU cores, and Codex's first start builds its state databases.
START_TIMEOUT = 90
TURN_TIMEOUT = 60


def start_agentapi(
    codex_env: CodexEnv, codex_args: list[str], extra_env: dict[str, str] | None = None
) -> AgentAPIProcess:
    env = {**codex_env.env, **(extra_env or {})}
    return AgentAPIProcess(
        ["codex", *codex_args],
        env=env,
        cwd=codex_env.workdir,
        log_path=codex_env.root / "agentapi.log",
    ).start()


def tui_pid(agentapi: AgentAPIProcess) -> int:
    """The pid of the program the stand-in runs under its pty (its only child)."""
    found: list[int] = []

    def child() -> bool:
        kids = children_of(agentapi.pid)
        found[:] = [k.pid for k in kids]
        return bool(kids)

    wait_until(child, timeout=30, what="the stand-in's child")
    return found[0]


def test_prompt_reply_second_message_and_stop(codex_env: CodexEnv, fake_model: FakeModel) -> None:
    git_workdir(codex_env.workdir)
    write_user_config(codex_env.codex_home, fake_model.base_url, workdir=codex_env.workdir)
    state_file = codex_env.root / "agentapi-state.json"
    pid_file = codex_env.root / "agentapi.pid"
    agentapi = start_agentapi(
        codex_env,
        ["say hello"],
        {
            "AGENTAPI_PID_FILE": str(pid_file),
            "AGENTAPI_STATE_FILE": str(state_file),
            "AGENTAPI_SAVE_STATE": "true",
        },
    )
    try:
        program = tui_pid(agentapi)
        assert pid_file.read_text().strip() == str(agentapi.pid)

        first = fake_model.wait_for_request(
            lambda r: "say hello" in r.input_texts(), timeout=START_TIMEOUT
        )
        # The custom provider's env_key reached the model as a bearer token.
        assert first.headers.get("authorization") == "Bearer mock-key-for-tests"
        assert first.body["stream"] is True
        agentapi.wait_for_text("Codex says: reply 1", timeout=TURN_TIMEOUT)
        agentapi.wait_stable(timeout=TURN_TIMEOUT)

        assert agentapi.send("what did you say before?") == {"ok": True}
        second = fake_model.wait_for_request(
            lambda r: "what did you say before?" in r.input_texts(),
            timeout=TURN_TIMEOUT,
            start=1,
        )
        # The second turn carries the whole conversation so far.
        texts = second.input_texts()
        assert "say hello" in texts
        assert "Codex says: reply 1" in texts
        messages = agentapi.wait_for_text("Codex says: reply 2", timeout=TURN_TIMEOUT)
        users = [m["content"] for m in messages if m["role"] == "user"]
        assert users == ["what did you say before?"]
        # As AgentAPI: the agent message after a user message is what appeared since, with
        # the echoed input removed.
        last = messages[-1]["content"]
        assert "Codex says: reply 2" in last, last
        assert "Codex says: reply 1" not in last, last
        assert "what did you say before?" not in last, last
        assert [m["id"] for m in messages] == list(range(len(messages)))

        # SIGUSR1 saves AgentAPI's conversation without stopping anything.
        os.kill(agentapi.pid, signal.SIGUSR1)
        wait_until(
            lambda: "Codex says: reply 2" in state_file.read_text(), timeout=10, what="state file"
        )
        saved = json.loads(state_file.read_text())
        assert saved["version"] == 1
        assert agentapi.proc is not None and agentapi.proc.poll() is None
    finally:
        rc = agentapi.terminate()
    assert rc == 0
    # The TUI and everything in its process group are gone once the stand-in has exited.
    assert group_members(program) == []


@pytest.mark.parametrize(
    "launch",
    [
        pytest.param([], id="plain"),
        pytest.param(["--no-daemon"], id="no-daemon"),
        pytest.param(["-c", 'model_reasoning_effort="low"'], id="config-override"),
        pytest.param(["--profile", "harness"], id="profile"),
    ],
)
def test_background_daemon_depends_on_the_launch(
    codex_env: CodexEnv, fake_model: FakeModel, launch: list[str]
) -> None:
    """0.169: a plain launch starts an app-server daemon that outlives AgentAPI.

    ``--no-daemon``, a ``-c`` override or ``--profile`` (embedded mode) each avoid it.
    """
    has_daemon = codex_help_mentions(codex_env.codex_bin, "--no-daemon")
    if launch == ["--no-daemon"] and not has_daemon:
        pytest.skip("this Codex has no --no-daemon flag (and no daemon)")
    if "--profile" in launch:
        if codex_version(codex_env.codex_bin) < (0, 134, 0):
            pytest.skip("profile files (--profile NAME) need Codex 0.134 or newer")
        # The module's way on 0.134+: its settings in <name>.config.toml, chosen by --profile.
        (codex_env.codex_home / "harness.config.toml").write_text(
            'model_reasoning_effort = "low"\n', encoding="utf-8"
        )
    git_workdir(codex_env.workdir)
    write_user_config(codex_env.codex_home, fake_model.base_url, workdir=codex_env.workdir)
    agentapi = start_agentapi(codex_env, [*launch, "say hello"])
    try:
        program = tui_pid(agentapi)
        agentapi.wait_for_text("Codex says: reply 1", timeout=START_TIMEOUT)
    finally:
        assert agentapi.terminate() == 0
    assert group_members(program) == []

    leftovers = [p for p in codex_env.leftover_pids() if p != agentapi.pid]
    daemons = [p for p in leftovers if "app-server" in _cmdline(p)]
    packages = codex_env.codex_home / "packages"
    if launch == [] and has_daemon:
        # The daemon and its update loop left the TUI's session, so no signal to the TUI's
        # process group reaches them, and Codex copied itself into CODEX_HOME.
        assert any("--managed-daemon" in _cmdline(p) for p in daemons), leftovers
        assert any("pid-update-loop" in _cmdline(p) for p in daemons), leftovers
        assert all(os.getsid(p) != program for p in daemons)
        assert any(packages.rglob("codex"))
    else:
        assert daemons == []
        assert not packages.exists()


def test_untrusted_workdir_stops_at_the_trust_prompt(
    codex_env: CodexEnv, fake_model: FakeModel
) -> None:
    """0.169 holds an untrusted git workdir at "Trust this folder?" even with
    ``approval_policy = "never"``; 0.58 (measured) goes straight to the model."""
    git_workdir(codex_env.workdir)
    write_user_config(codex_env.codex_home, fake_model.base_url, workdir=None)
    agentapi = start_agentapi(codex_env, [*no_daemon_args(codex_env.codex_bin), "say hello"])
    try:
        if codex_version(codex_env.codex_bin) < (0, 169, 0):
            fake_model.wait_for_request(
                lambda r: "say hello" in r.input_texts(), timeout=START_TIMEOUT
            )
            assert "trust this folder" not in agentapi.screen().lower()
            return
        wait_until(
            lambda: "trust this folder" in agentapi.screen().lower(),
            timeout=START_TIMEOUT,
            what="the trust prompt",
        )
        agentapi.wait_stable(timeout=TURN_TIMEOUT)
        # Held at the prompt: the model has been asked nothing.
        assert fake_model.turns == []
        # Enter picks "1. Trust and continue"; the prompt then goes out and the decision is
        # written to config.toml.
        agentapi.send("\r", kind="raw")
        fake_model.wait_for_request(lambda r: "say hello" in r.input_texts(), timeout=TURN_TIMEOUT)
        config = (codex_env.codex_home / "config.toml").read_text()
        assert f'[projects."{codex_env.workdir}"]' in config
        assert 'trust_level = "trusted"' in config
    finally:
        assert agentapi.terminate() == 0


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""
