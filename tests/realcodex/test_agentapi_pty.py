"""The AgentAPI stand-in itself, driven with a tiny TUI instead of Codex (fast, no Codex needed).

The TUI asks for the cursor position as Codex 0.58 does at start (it exits when nobody answers),
turns on bracketed paste, echoes and logs every byte it reads, and answers each submitted line.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import urllib.error
from pathlib import Path

import pytest

from tests.realcodex.harness import (
    AgentAPIProcess,
    children_of,
    group_members,
    http_json,
    install_agentapi_standin,
    pid_alive,
    wait_until,
)

TINY_TUI = textwrap.dedent(
    r"""
    import os, sys, termios, tty, select, subprocess
    log = open(sys.argv[1], "ab", buffering=0)
    tty.setraw(0)
    os.write(1, b"\x1b[?2004h\x1b[3;5H\x1b[6n")
    reply = b""
    while not reply.endswith(b"R"):
        r, _, _ = select.select([0], [], [], 5)
        if not r:
            os.write(1, b"no cursor report\r\n"); sys.exit(3)
        reply += os.read(0, 1)
    os.write(1, b"\r\ncursor=" + reply[1:] + b"\r\n")
    # A child in the same process group, as a TUI's helpers are.
    subprocess.Popen(["sleep", "300"])
    os.write(1, b"> ")
    line = b""
    while True:
        data = os.read(0, 1024)
        if not data:
            break
        log.write(data)
        for ch in data.replace(b"\x1b[200~", b"").replace(b"\x1b[201~", b"").decode():
            if ch == "\r":
                text = line.decode()
                os.write(1, f"\r\nyou said: {text}\r\nreply: {text.upper()}\r\n> ".encode())
                if text == "exit 7":
                    sys.exit(7)
                line = b""
            elif ch == "\b":
                line = line[:-1]
                os.write(1, b"\b \b")
            else:
                line += ch.encode()
                os.write(1, ch.encode())  # echo, as a TUI's input box does
    """
)


def start(tmp_path: Path, extra_env: dict[str, str] | None = None) -> AgentAPIProcess:
    script = tmp_path / "tiny_tui.py"
    script.write_text(TINY_TUI, encoding="utf-8")
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(tmp_path)}
    env.update(extra_env or {})
    return AgentAPIProcess(
        [sys.executable, str(script), str(tmp_path / "input.log")],
        env=env,
        cwd=tmp_path,
        log_path=tmp_path / "agentapi.log",
        width=67,
        height=1190,
        agent_type="custom",
    ).start()


def test_version_through_the_path_shim(tmp_path: Path) -> None:
    shim = install_agentapi_standin(tmp_path / "bin")
    out = subprocess.run(
        [str(shim), "--version"],
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    ).stdout
    assert out.strip() == "agentapi version 0.12.1"


def test_cursor_report_user_message_and_stop(tmp_path: Path) -> None:
    pid_file = tmp_path / "agentapi.pid"
    agentapi = start(tmp_path, {"AGENTAPI_PID_FILE": str(pid_file)})
    try:
        assert pid_file.read_text().strip() == str(agentapi.pid)
        # The query came after moving to row 3, column 5: the report says so.
        wait_until(lambda: "cursor=[3;5R" in agentapi.screen(), timeout=20, what="cursor report")
        agentapi.wait_stable(timeout=20)
        assert http_json(agentapi.url + "/status")["agent_type"] == "custom"
        assert http_json(f"http://localhost:{agentapi.port}/status")["status"] == "stable"

        assert agentapi.send("  hi there \n") == {"ok": True}
        messages = agentapi.wait_for_text("reply: HI THERE", timeout=20)
        assert [(m["id"], m["role"]) for m in messages] == [(0, "agent"), (1, "user"), (2, "agent")]
        assert messages[1]["content"] == "hi there"
        # The agent message is what appeared since the user wrote, not the whole screen.
        assert "cursor=" not in messages[2]["content"]
        # AgentAPI's typing: "x", backspace, bracketed paste, then carriage return.
        typed = (tmp_path / "input.log").read_bytes()
        assert typed.startswith(b"x\b\x1b[200~hi there\x1b[201~")
        assert typed.endswith(b"\r")

        agentapi.send("q", kind="raw")  # raw goes out as is and is not a message
        wait_until(lambda: (tmp_path / "input.log").read_bytes().endswith(b"q"), timeout=10)
        assert len(agentapi.messages()) == 3
    finally:
        assert agentapi.terminate() == 0


def test_stop_ends_the_programs_process_group(tmp_path: Path) -> None:
    agentapi = start(tmp_path)
    group: list[int] = []
    try:
        wait_until(lambda: agentapi.screen().endswith("\n>"), timeout=20, what="prompt")

        def tui_and_child() -> bool:
            tui = children_of(agentapi.pid)
            # The TUI leads its own session and group (pid == pgid), its child is in it.
            group[:] = [p.pid for p in group_members(tui[0].pid)] if tui else []
            return len(group) >= 2

        wait_until(tui_and_child, timeout=20, what="the TUI and its child")
    finally:
        assert agentapi.terminate() == 0
    assert [pid for pid in group if pid_alive(pid)] == []


def test_state_is_saved_on_sigusr1_and_loaded_on_start(tmp_path: Path) -> None:
    state = tmp_path / "state.json"
    env = {
        "AGENTAPI_STATE_FILE": str(state),
        "AGENTAPI_SAVE_STATE": "true",
        "AGENTAPI_LOAD_STATE": "true",
    }
    agentapi = start(tmp_path, env)
    try:
        agentapi.wait_stable(timeout=20)
        agentapi.send("remember me")
        agentapi.wait_for_text("reply: REMEMBER ME", timeout=20)
        os.kill(agentapi.pid, signal.SIGUSR1)
        wait_until(lambda: "REMEMBER ME" in state.read_text(), timeout=10, what="saved state")
        saved = json.loads(state.read_text())
        assert saved["version"] == 1
        assert [m["role"] for m in saved["messages"]] == ["agent", "user", "agent"]
        assert saved["messages"][1]["message"] == "remember me"
    finally:
        assert agentapi.terminate() == 0

    again = start(tmp_path, env)
    try:
        restored = again.messages()
        assert [m["content"] for m in restored][1] == "remember me"
        assert "REMEMBER ME" in restored[-1]["content"]
    finally:
        assert again.terminate() == 0


def test_program_exit_ends_the_server(
    tmp_path: Path,
) -> None:
    agentapi = start(tmp_path)
    agentapi.wait_stable(timeout=20)
    agentapi.send("exit 7")
    assert agentapi.proc is not None
    assert agentapi.proc.wait(timeout=30) == 1  # as AgentAPI: the agent exited non-zero
    assert "you said: exit 7" in agentapi.log()
    with pytest.raises(urllib.error.URLError):
        http_json(agentapi.url + "/status", timeout=2)
