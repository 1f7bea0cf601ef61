"""The run-on-stop script, run for real with bash (spec 7, 10): state saving, the task log
snapshot posted to a Coder API stand-in, and stopping AgentAPI; always exit 0, bounded."""

from __future__ import annotations

import json
import signal
import subprocess

import pytest

from tests.scriptenv import AGENT_TOKEN, ScriptEnv, free_port, ok

TASK_ID = "task-42"
LIMIT = 64 * 1024
MARKER = "[... earlier output truncated ...]\n"
SNAPSHOT_PATH = f"/api/v2/workspaceagents/me/tasks/{TASK_ID}/log-snapshot?format=agentapi"


def messages_file(ws: ScriptEnv, contents: list[str]) -> dict[str, str]:
    """Serve these messages from the AgentAPI stand-in; the env to start it with."""
    doc = {
        "$schema": "http://localhost/schemas/MessagesResponseBody.json",
        "messages": [
            {
                "id": i,
                "content": c,
                "role": "agent" if i % 2 else "user",
                "time": "2025-01-01T00:00:00Z",
            }
            for i, c in enumerate(contents)
        ],
    }
    path = ws.root / "messages.json"
    path.write_text(json.dumps(doc))
    return {"STANDIN_MESSAGES_FILE": str(path)}


def started(ws: ScriptEnv, env: dict[str, str] | None = None, **args: object) -> tuple[int, int]:
    ok(ws.start(env=env, **args))
    (codex,) = ws.records("codex", "run")
    return ws.agentapi_pid(), codex["pid"]


def posted(ws: ScriptEnv) -> dict:
    (request,) = ws.coder_api.requests
    assert request.method == "POST"
    assert request.path == SNAPSHOT_PATH
    assert request.headers["Coder-Session-Token"] == AGENT_TOKEN
    assert request.headers["Content-Type"] == "application/json"
    assert len(request.body) <= LIMIT
    return json.loads(request.body)


JSON_TOOLS = pytest.mark.parametrize("hide", [(), ("jq",)], ids=["jq", "python3"])


def test_shutdown_without_a_task_saves_state_and_stops_everything(ws: ScriptEnv) -> None:
    agentapi, codex = started(ws)
    result = ws.shutdown()
    ok(result)
    events = [r["event"] for r in ws.records("agentapi")]
    assert events.index("usr1") < events.index("sigterm")
    assert (ws.module_dir / "agentapi-state.json").exists()
    assert not ws.is_ours(agentapi)
    assert not ws.is_ours(codex)
    assert ws.coder_api.requests == []
    assert "Asking AgentAPI to save its state (SIGUSR1)" in result.stdout
    assert f"AgentAPI (pid {agentapi}) has exited" in result.stdout


def test_restored_state_is_loaded_when_the_session_resumes(ws: ScriptEnv) -> None:
    started(ws, ai_prompt="work")
    ws.wait_for_capture()
    ok(ws.shutdown())
    result = ws.start(ai_prompt="work")
    ok(result)
    assert ws.records("codex", "run")[-1]["argv"][-2] == "resume"
    assert len(ws.records("agentapi", "load_state")) == 1


def test_a_new_codex_session_does_not_get_the_old_conversation(ws: ScriptEnv) -> None:
    """AgentAPI would restore the chat of the previous session and show it instead of what
    the new Codex session says: the saved state is set aside (kept) when Codex starts anew."""
    started(ws, ai_prompt="work")
    ws.wait_for_capture()
    ok(ws.shutdown())
    state = ws.module_dir / "agentapi-state.json"
    saved = state.read_bytes()
    result = ws.start(ai_prompt="something else", **{"continue": False})
    ok(result)
    assert ws.records("agentapi", "load_state") == []
    assert not state.exists()
    assert (ws.module_dir / "agentapi-state.json.previous").read_bytes() == saved
    assert "kept as" in result.stdout


@JSON_TOOLS
def test_the_last_10_of_15_messages_are_posted(ws: ScriptEnv, hide: tuple[str, ...]) -> None:
    env = messages_file(ws, [f"message {i}" for i in range(15)])
    started(ws, env)
    result = ws.shutdown(task_id=TASK_ID, env={"PATH": ws.path_hiding(*hide)})
    ok(result)
    body = posted(ws)
    assert [m["id"] for m in body["messages"]] == list(range(5, 15))
    assert body["messages"][-1]["content"] == "message 14"
    assert "$schema" in body
    assert "Saved the task log snapshot" in result.stdout
    # The token went in a header file, never on curl's command line.
    for call in ws.records("curl"):
        assert AGENT_TOKEN not in json.dumps(call["argv"])
    assert not list(ws.module_dir.glob(".snapshot.*"))


@JSON_TOOLS
def test_oldest_messages_are_dropped_to_fit(ws: ScriptEnv, hide: tuple[str, ...]) -> None:
    env = messages_file(ws, [f"{i}:" + "x" * 20_000 for i in range(6)])
    started(ws, env)
    ok(ws.shutdown(task_id=TASK_ID, env={"PATH": ws.path_hiding(*hide)}))
    body = posted(ws)
    assert [m["id"] for m in body["messages"]] == [3, 4, 5]
    assert all(len(m["content"]) == 20_002 for m in body["messages"])


@JSON_TOOLS
def test_a_huge_message_keeps_its_tail(ws: ScriptEnv, hide: tuple[str, ...]) -> None:
    huge = "start " + "ü" * 150_000 + " THE END"
    env = messages_file(ws, ["small one", "small two", huge])
    started(ws, env)
    ok(ws.shutdown(task_id=TASK_ID, env={"PATH": ws.path_hiding(*hide)}))
    (request,) = ws.coder_api.requests
    assert LIMIT - 64 <= len(request.body) <= LIMIT
    (message,) = posted(ws)["messages"]
    assert message["id"] == 2
    assert message["content"].startswith(MARKER)
    assert message["content"].endswith("ü THE END")
    assert huge.endswith(message["content"].removeprefix(MARKER))


def test_404_from_an_old_deployment_is_fine(ws: ScriptEnv) -> None:
    agentapi, _ = started(ws)
    ws.coder_api.status = 404
    result = ws.shutdown(task_id=TASK_ID)
    ok(result)
    assert len(ws.coder_api.requests) == 1
    assert "does not take task log snapshots (HTTP 404)" in result.stdout
    assert "WARNING" not in result.stderr
    assert not ws.is_ours(agentapi)


def test_other_errors_are_logged_and_the_stop_goes_on(ws: ScriptEnv) -> None:
    agentapi, _ = started(ws)
    ws.coder_api.status = 500
    result = ws.shutdown(task_id=TASK_ID)
    ok(result)
    assert "posting the task log snapshot failed (HTTP 500)" in result.stderr
    assert not ws.is_ours(agentapi)


def test_unreachable_coder_is_logged_and_the_stop_goes_on(ws: ScriptEnv) -> None:
    agentapi, _ = started(ws)
    result = ws.shutdown(
        task_id=TASK_ID, env={"CODER_AGENT_URL": f"http://127.0.0.1:{free_port()}"}
    )
    ok(result)
    assert "posting the task log snapshot failed (HTTP 000)" in result.stderr
    assert not ws.is_ours(agentapi)


def test_no_agentapi_running_exits_0_quickly(ws: ScriptEnv) -> None:
    result = ws.shutdown(task_id=TASK_ID)
    ok(result)
    assert result.seconds < 5
    assert "AgentAPI is not running" in result.stdout
    assert "could not fetch the conversation from AgentAPI" in result.stderr
    assert ws.coder_api.requests == []


def test_persistence_off_sends_no_sigusr1(ws: ScriptEnv) -> None:
    agentapi, _ = started(ws, enable_state_persistence=False)
    ok(ws.shutdown(enable_state_persistence=False))
    assert ws.records("agentapi", "usr1") == []
    assert not ws.is_ours(agentapi)


def test_old_agentapi_gets_no_sigusr1(ws: ScriptEnv) -> None:
    old = {"STANDIN_AGENTAPI_VERSION": "0.11.8"}
    agentapi, _ = started(ws, old, agentapi_version="v0.11.8")
    result = ws.shutdown(env=old)
    ok(result)
    assert ws.records("agentapi", "usr1") == []
    assert "does not persist its state" in result.stdout
    assert not ws.is_ours(agentapi)


def test_a_stale_pid_file_never_gets_another_process_signalled(ws: ScriptEnv) -> None:
    bystander = subprocess.Popen(["sleep", "30"], env={**ws.env}, start_new_session=True)
    try:
        ws.module_dir.mkdir(parents=True)
        (ws.module_dir / "agentapi.pid").write_text(f"{bystander.pid}\n")
        result = ws.shutdown(task_id=TASK_ID)
        ok(result)
        assert "AgentAPI is not running" in result.stdout
        assert bystander.poll() is None
    finally:
        bystander.send_signal(signal.SIGKILL)
        bystander.wait()


def test_agentapi_ignoring_sigterm_is_killed_within_the_bound(ws: ScriptEnv) -> None:
    agentapi, codex = started(ws, {"STANDIN_AGENTAPI_IGNORE_TERM": "1"})
    result = ws.shutdown()
    ok(result)
    assert "did not exit within 10s of SIGTERM; sending SIGKILL" in result.stderr
    assert result.seconds < 16
    assert not ws.is_ours(agentapi)
    assert not ws.is_ours(codex)


def test_without_jq_and_python3_the_snapshot_is_skipped(ws: ScriptEnv) -> None:
    agentapi, _ = started(ws)
    result = ws.shutdown(task_id=TASK_ID, env={"PATH": ws.path_hiding("jq", "python3")})
    ok(result)
    assert "Neither jq nor python3 is available: skipping the task log snapshot" in result.stdout
    assert ws.coder_api.requests == []
    assert not ws.is_ours(agentapi)


def test_start_then_stop_round_trip_on_a_custom_port(ws: ScriptEnv) -> None:
    agentapi, _ = started(ws)
    assert ws.port != 3284
    (server,) = ws.records("agentapi", "server")
    assert server["port"] == ws.port
    result = ws.shutdown(task_id=TASK_ID)
    ok(result)
    assert f"AgentAPI port {ws.port}" in result.stdout
    assert len(ws.records("agentapi", "messages")) == 1
    assert posted(ws)["messages"][0]["content"] == "Codex says: hello"
    assert not ws.is_ours(agentapi)


def test_a_task_id_outside_coder_tasks_posts_no_snapshot(ws: ScriptEnv) -> None:
    # coder_task returns an id on a Coder without Tasks too; enabled is what tells.
    agentapi, _ = started(ws)
    result = ws.shutdown(task_id=TASK_ID, task_enabled=False)
    ok(result)
    assert ws.coder_api.requests == []
    assert ws.records("agentapi", "messages") == []
    assert "no log snapshot to save" in result.stdout
    assert not ws.is_ours(agentapi)


def test_what_codex_left_outside_agentapis_group_is_stopped_by_pid(ws: ScriptEnv) -> None:
    """0.169's TUI, launched without --no-daemon, leaves a background server in a session of
    its own that outlives AgentAPI. The stop script ends every process that carries this
    instance's marker, and nothing else: an identical command line started elsewhere, and
    another instance's process, keep running."""
    ok(ws.start(env={"STANDIN_CODEX_LEAVE_BEHIND": "1"}))
    (record,) = ws.records("codex", "leftover")
    leftover = record["leftover_pid"]
    assert ws.is_ours(leftover)
    twin = subprocess.Popen(
        ["python3", "-c", "import time; time.sleep(90)", "codex-app-server-stand-in"],
        env={**ws.env, "CODEX_COMPONENT_INSTANCE": str(ws.module_dir) + "-other"},
        start_new_session=True,
    )
    try:
        result = ws.shutdown()
        ok(result)
        ws.wait_until(lambda: not ws.is_ours(leftover), "the leftover to be stopped", 10)
        assert f"Stopping what this instance's Codex left running (pids {leftover})" in (
            result.stdout
        )
        assert twin.poll() is None  # same name, not this instance's: untouched
    finally:
        twin.kill()
        twin.wait(timeout=10)
