"""Whole sessions with the real Codex TUI (issue 10, SPEC 6.9, 7, 11 "Sessions resume,
always" and "Nothing left behind").

Each test runs the module's own start and stop scripts, end to end, in a throw-away
workspace whose ``codex`` is the pinned real release (``codex_current``), with the pty
stand-in of AgentAPI (``agentapi_pty.py``) in place of AgentAPI and a fake Responses API on
127.0.0.1 as the model (the user's ``config.toml`` selects it through a custom provider; the
module's own profile file is layered over it). The tests talk to the stand-in the way a user
or Coder does (``GET /status``, ``GET /messages``, ``POST /message``) and check what the
model was asked: a resumed session is one whose next request carries the earlier
conversation.

What Codex was launched with is read from a recording wrapper around the stand-in (every
``agentapi`` invocation's argv, NUL-separated, one file each); which session Codex wrote is
read from its rollout files (``$CODEX_HOME/sessions/**/rollout-*.jsonl``, first line
``session_meta`` with ``payload.id`` and ``payload.cwd``).

Every wait is bounded; the measured times (launch to first model request, each scenario)
are printed as ``MEASURE`` lines (``pytest -s`` shows them).
"""

from __future__ import annotations

import json
import os
import shlex
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from codex_component.workspace_args import task_prompt
from tests.realcodex.conftest import workspace_with
from tests.realcodex.fake_model import FakeModel, RecordedRequest
from tests.realcodex.harness import (
    children_of,
    git_workdir,
    http_json,
    install_agentapi_standin,
    process_table,
    wait_until,
    write_user_config,
)
from tests.scriptenv import Result, ScriptEnv, ok

# Bounds, generous for two shared cores: the first start of a Codex home builds its state
# databases; every later wait is a turn or a screen settling.
FIRST_REQUEST_TIMEOUT = 90
TURN_TIMEOUT = 60
CAPTURE_TIMEOUT = 60
# What the stop script may take to see the last of a dying process (bounded; a daemon or an
# update loop never goes away by itself, so this cannot hide one).
GONE_TIMEOUT = 15
MOCK_KEY = "mock-key-for-tests"
# The pause of scenario (b): longer than the 10 s the capture used to wait.
USER_TYPES_AFTER = 12

# Distinct words, so that each can be found in a request's input without matching another.
PROMPT_1 = "Please list the files in this project (first task, alpha-7731)."
MESSAGE_2 = "Now tell me what you said before (second message, bravo-4410)."
MESSAGE_3 = "And once more, summarise both (third message, charlie-9052)."
PROMPT_FRESH = "Start over with something new (fresh task, delta-2268)."


def measure(what: str, seconds: float) -> None:
    print(f"MEASURE {what}: {seconds:.2f} s")


# --- the workspace --------------------------------------------------------------------------


RECORDER = """#!/bin/sh
# Records this invocation's arguments (NUL-separated), then runs the AgentAPI stand-in.
file={dir}/$(date +%s%N)-$$
printf '%s\\0' "$@" >"$file.tmp" && mv -f "$file.tmp" "$file"
exec {shim} "$@"
"""


@pytest.fixture
def ws(real_root: Path, codex_current: Path, fake_model: FakeModel) -> Iterator[ScriptEnv]:
    """A workspace with the real Codex, the pty stand-in as ``agentapi`` (first on PATH,
    behind a recorder), a git workdir, and the user's config.toml pointing at the fake
    model. The workdir is deliberately not trusted by the user: the module must do that."""
    with workspace_with(real_root, codex_current) as env:
        shim = install_agentapi_standin(env.root / "pty-bin")
        assert shim.name == "agentapi"
        record_dir = env.root / "agentapi-argv"
        record_dir.mkdir()
        recorder = env.standin_bin / "agentapi"
        recorder.write_text(
            RECORDER.format(dir=shlex.quote(str(record_dir)), shim=shlex.quote(str(shim)))
        )
        recorder.chmod(0o755)
        git_workdir(env.workdir)
        write_user_config(env.codex_dir, fake_model.base_url)
        env.env["MOCK_KEY"] = MOCK_KEY
        yield env


def start(ws: ScriptEnv, **overrides: Any) -> Result:
    """The module's start script, with the Codex and the AgentAPI on PATH."""
    args: dict[str, Any] = {"install_codex": False, "install_agentapi": False, **overrides}
    env = args.pop("env", None)
    began = time.monotonic()
    result = ws.start(env=env, **args)
    measure("start script", time.monotonic() - began)
    return result


def stop(ws: ScriptEnv) -> Result:
    began = time.monotonic()
    result = ws.shutdown()
    measure("stop script", time.monotonic() - began)
    ok(result)
    return result


def launches(ws: ScriptEnv) -> list[list[str]]:
    """The Codex command line (after ``--``) of every ``agentapi server`` run, oldest first."""
    out: list[list[str]] = []
    for path in sorted((ws.root / "agentapi-argv").iterdir()):
        if path.name.endswith(".tmp"):
            continue
        argv = [part.decode() for part in path.read_bytes().split(b"\0")[:-1]]
        if argv[:1] == ["server"] and "--" in argv:
            out.append(argv[argv.index("--") + 1 :])
    return out


def last_launch(ws: ScriptEnv) -> list[str]:
    runs = launches(ws)
    assert runs, "no agentapi server was started"
    assert runs[-1][0] == "codex", runs[-1]
    return runs[-1]


def rollouts(ws: ScriptEnv) -> dict[str, dict[str, Any]]:
    """Codex's session files in this Codex home: id -> {"path", "cwd"}."""
    found: dict[str, dict[str, Any]] = {}
    for path in sorted((ws.codex_dir / "sessions").rglob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            first = fh.readline()
        try:
            meta = json.loads(first)
        except ValueError:
            continue  # still being written
        if meta.get("type") == "session_meta":
            payload = meta["payload"]
            found[payload["id"]] = {"path": path, "cwd": payload.get("cwd")}
    return found


def the_new_session(ws: ScriptEnv, known: set[str]) -> str:
    """The one session file Codex wrote besides ``known``; its id (and it is this workdir's)."""
    fresh = {sid: info for sid, info in rollouts(ws).items() if sid not in known}
    assert len(fresh) == 1, f"expected one new session file, found {fresh}"
    ((sid, info),) = fresh.items()
    assert info["cwd"] == str(ws.workdir), info
    return sid


def wait_for_tracking(ws: ScriptEnv, sid: str) -> None:
    """The module recorded ``<workdir>|<sid>`` (and nothing else) in its tracking file."""
    want = [f"{ws.workdir}|{sid}"]
    try:
        ws.wait_until(lambda: ws.tracking_lines() == want, "the session to be recorded", 30)
    except AssertionError as exc:
        raise AssertionError(
            f"{exc}: tracking file {ws.tracking_lines()}, want {want}\n"
            f"--- session-capture.log\n{ws.capture_log()}"
        ) from None


def module_log(ws: ScriptEnv, name: str) -> str:
    path = ws.module_dir / name
    return path.read_text(errors="replace") if path.exists() else f"({name} does not exist)"


# --- talking to AgentAPI ----------------------------------------------------------------------


class Agent:
    """AgentAPI's HTTP API on the workspace's port."""

    def __init__(self, ws: ScriptEnv) -> None:
        self.ws = ws
        self.url = f"http://127.0.0.1:{ws.port}"

    def status(self) -> str:
        return str(http_json(self.url + "/status")["status"])

    def messages(self) -> list[dict[str, Any]]:
        return list(http_json(self.url + "/messages")["messages"])

    def screen(self) -> str:
        try:
            return str(http_json(self.url + "/internal/screen-text")["screen"]).rstrip()
        except (OSError, ValueError):
            return module_log(self.ws, "agentapi-start.log")[-4000:]

    def _wait(self, pred: Callable[[], bool], timeout: float, what: str) -> None:
        try:
            wait_until(pred, timeout=timeout, what=what)
        except TimeoutError as exc:
            raise AssertionError(
                f"{exc}\n--- screen\n{self.screen()[-4000:]}\n--- agentapi-start.log\n"
                f"{module_log(self.ws, 'agentapi-start.log')[-3000:]}"
            ) from None

    def wait_stable(self, timeout: float = TURN_TIMEOUT) -> None:
        self._wait(lambda: self.status() == "stable", timeout, "AgentAPI /status stable")

    def wait_for_reply(self, text: str, timeout: float = TURN_TIMEOUT) -> None:
        """``text`` is on the TUI's screen (an agent message in /messages, or the raw screen:
        after restoring its saved state AgentAPI, like the stand-in, keeps the restored last
        message until the user writes again, so a reply to a launch prompt shows only on the
        screen then)."""

        def shown() -> bool:
            if any(m["role"] == "agent" and text in m["content"] for m in self.messages()):
                return True
            return text in str(http_json(self.url + "/internal/screen-text")["screen"])

        self._wait(shown, timeout, f"{text!r} on the screen")

    def send(self, text: str) -> None:
        self.wait_stable()
        answer = http_json(self.url + "/message", {"content": text, "type": "user"}, timeout=60)
        assert answer == {"ok": True}, answer


def mentions(request: RecordedRequest, text: str) -> bool:
    return any(text in part for part in request.input_texts())


def reply_to(model: FakeModel, request: RecordedRequest) -> str:
    """What the fake model answered ``request`` (its n-th conversation turn)."""
    index = next(i for i, r in enumerate(model.turns) if r is request)
    return f"Codex says: reply {index + 1}"


def wait_for_turn(
    ws: ScriptEnv, model: FakeModel, text: str, *, since: int, timeout: float
) -> tuple[RecordedRequest, str]:
    """The model request carrying ``text`` (a turn from index ``since``), and the reply,
    once the TUI shows it and the screen has settled."""
    try:
        request = model.wait_for_request(lambda r: mentions(r, text), timeout=timeout, start=since)
    except TimeoutError as exc:
        raise AssertionError(
            f"{exc}\n--- screen\n{Agent(ws).screen()[-4000:]}\n--- agentapi-start.log\n"
            f"{module_log(ws, 'agentapi-start.log')[-3000:]}"
        ) from None
    reply = reply_to(model, request)
    agent = Agent(ws)
    agent.wait_for_reply(reply)
    agent.wait_stable()
    return request, reply


def say(ws: ScriptEnv, model: FakeModel, text: str) -> tuple[RecordedRequest, str]:
    """Type ``text`` into the TUI through AgentAPI; the request it caused and the reply."""
    since = len(model.turns)
    Agent(ws).send(text)
    return wait_for_turn(ws, model, text, since=since, timeout=TURN_TIMEOUT)


def wait_saved(ws: ScriptEnv, sid: str, text: str) -> None:
    """Codex has written ``text`` into the rollout of ``sid`` (so a stop cannot lose it)."""
    path = rollouts(ws)[sid]["path"]
    wait_until(
        lambda: text in path.read_text(encoding="utf-8", errors="replace"),
        timeout=30,
        what=f"{text!r} in {path}",
    )


def first_session_with_prompt(ws: ScriptEnv, model: FakeModel) -> tuple[str, str, Result]:
    """Start with PROMPT_1; the model gets it; the module records the session. Its id, the
    reply, and the start's result."""
    began = time.time()
    result = start(ws, ai_prompt=PROMPT_1)
    ok(result)
    ready = time.time()
    launch = last_launch(ws)
    assert launch[-1] == task_prompt(PROMPT_1, report_tasks=True), launch
    assert "resume" not in launch, launch
    request, reply = wait_for_turn(ws, model, PROMPT_1, since=0, timeout=FIRST_REQUEST_TIMEOUT)
    measure("start script begins -> first model request", request.time - began)
    measure("start script returns -> first model request", request.time - ready)
    assert request.headers.get("authorization") == f"Bearer {MOCK_KEY}"
    sid = the_new_session(ws, set())
    wait_for_tracking(ws, sid)
    wait_saved(ws, sid, reply)
    return sid, reply, result


def resume_and_say(
    ws: ScriptEnv, model: FakeModel, sid: str, text: str, *, carries: list[str]
) -> tuple[RecordedRequest, str]:
    """Start again: Codex is launched with ``resume <sid>`` and no prompt; typing ``text``
    reaches the model with every one of ``carries`` in the request's input."""
    result = start(ws, ai_prompt=PROMPT_1)
    ok(result)
    launch = last_launch(ws)
    assert launch[-2:] == ["resume", sid], launch
    assert not any(PROMPT_1 in arg for arg in launch), launch
    request, reply = say(ws, model, text)
    texts = request.input_texts()
    for earlier in carries:
        assert mentions(request, earlier), f"{earlier!r} is not in the resumed input {texts}"
    # Resumed in place: no other session file, and the tracking line still names it.
    assert set(rollouts(ws)) == {sid}
    assert ws.tracking_lines() == [f"{ws.workdir}|{sid}"]
    wait_saved(ws, sid, reply)
    return request, reply


# --- what is left after the stop ------------------------------------------------------------


def codex_leftovers(ws: ScriptEnv) -> list[str]:
    """Live processes of this workspace ("pid cmdline"): carrying its marker variable, or
    its CODEX_HOME, or running anything from inside its Codex home (the daemon's copy)."""
    marks = {f"SCRIPTENV_ID={ws.id}".encode(), f"CODEX_HOME={ws.codex_dir}".encode()}
    found: list[str] = []
    for proc in process_table():  # zombies are left out
        if proc.pid == os.getpid():
            continue
        try:
            environ = set(Path(f"/proc/{proc.pid}/environ").read_bytes().split(b"\0"))
        except OSError:
            continue
        if marks & environ or str(ws.codex_dir) in proc.cmdline:
            found.append(f"{proc.pid} {proc.cmdline}")
    return found


def assert_nothing_left(ws: ScriptEnv) -> None:
    """After the stop script: no process of this workspace's Codex (or AgentAPI, or the
    capture) is running, and Codex made no copy of itself in the Codex home."""
    try:
        wait_until(lambda: not codex_leftovers(ws), timeout=GONE_TIMEOUT, what="no leftovers")
    except TimeoutError:
        left = codex_leftovers(ws)
        daemons = [p for p in left if "app-server" in p or "pid-update-loop" in p]
        raise AssertionError(
            f"still running {GONE_TIMEOUT}s after the stop script: {left}"
            + (f"\nof which Codex's background server: {daemons}" if daemons else "")
        ) from None
    assert not (ws.codex_dir / "packages").exists(), sorted(
        str(p) for p in (ws.codex_dir / "packages").iterdir()
    )
    for name in ("daemon.pid", "daemon-updater.pid"):
        assert not (ws.codex_dir / "app-server-daemon" / name).exists(), name


# --- the scenarios ----------------------------------------------------------------------------


def test_a_start_with_a_prompt_is_recorded_and_resumed(
    ws: ScriptEnv, fake_model: FakeModel
) -> None:
    """(a) The model gets the task prompt, the session is recorded; after stop and start
    Codex resumes it and the next request carries the first prompt and reply."""
    began = time.monotonic()
    sid, reply_1, _ = first_session_with_prompt(ws, fake_model)
    stop(ws)
    assert_nothing_left(ws)
    resume_and_say(ws, fake_model, sid, MESSAGE_2, carries=[PROMPT_1, reply_1])
    stop(ws)
    measure("scenario (a)", time.monotonic() - began)


def test_b_a_session_begun_by_the_user_later_is_recorded_and_resumed(
    ws: ScriptEnv, fake_model: FakeModel
) -> None:
    """(b) Without a task prompt Codex writes its session file only at the first message,
    typed here 12 s after the start; the module still records it and the restart resumes."""
    began = time.monotonic()
    result = start(ws)
    ok(result)
    ready = time.monotonic()
    launch = last_launch(ws)
    assert "resume" not in launch, launch
    agent = Agent(ws)
    agent.wait_stable(FIRST_REQUEST_TIMEOUT)
    time.sleep(max(0.0, USER_TYPES_AFTER - (time.monotonic() - ready)))
    # What makes this scenario: nothing to record yet (Codex 0.169 writes no file until the
    # first message; if a later Codex does, this test no longer tests the late capture).
    assert rollouts(ws) == {}, "Codex wrote a session file before the first message"
    assert ws.tracking_lines() == []
    assert fake_model.turns == []
    typed = time.time()
    request, reply_1 = say(ws, fake_model, PROMPT_1)
    measure("message typed -> model request (no prompt)", request.time - typed)
    sid = the_new_session(ws, set())
    wait_for_tracking(ws, sid)
    measure("message typed -> session recorded", time.time() - typed)
    wait_saved(ws, sid, reply_1)
    stop(ws)
    assert_nothing_left(ws)
    resume_and_say(ws, fake_model, sid, MESSAGE_2, carries=[PROMPT_1, reply_1])
    stop(ws)
    measure("scenario (b)", time.monotonic() - began)


@pytest.mark.parametrize("how", ["made-up-id", "rollout-deleted"])
def test_c_a_session_codex_no_longer_has_starts_fresh_with_a_warning(
    ws: ScriptEnv, fake_model: FakeModel, how: str
) -> None:
    """(c) A tracked id without its session file: the start succeeds, says so in a warning
    naming the id, launches Codex fresh with the task prompt, and records the new session."""
    began = time.monotonic()
    if how == "made-up-id":
        gone = str(uuid.uuid4())
        ws.module_dir.mkdir(parents=True, exist_ok=True)
        (ws.module_dir / ".codex-task-session").write_text(f"{ws.workdir}|{gone}\n")
        known: set[str] = set()
    else:
        # A real session, recorded, then its rollout file removed (Codex's state database
        # still lists the thread).
        gone, _, _ = first_session_with_prompt(ws, fake_model)
        stop(ws)
        rollouts(ws)[gone]["path"].unlink()
        known = set()  # the only session file there was is gone
    since = len(fake_model.turns)
    result = start(ws, ai_prompt=PROMPT_FRESH)
    ok(result)
    warnings = [line for line in result.output.splitlines() if "WARNING" in line]
    print("start output warnings:", *warnings, sep="\n  ")
    assert any(gone in line for line in warnings), result.output
    launch = last_launch(ws)
    assert "resume" not in launch and gone not in launch, launch
    assert launch[-1] == task_prompt(PROMPT_FRESH, report_tasks=True), launch
    request, _ = wait_for_turn(
        ws, fake_model, PROMPT_FRESH, since=since, timeout=FIRST_REQUEST_TIMEOUT
    )
    assert not mentions(request, PROMPT_1), request.input_texts()  # a fresh conversation
    # Codex is still running behind AgentAPI (it did not exit on a bad resume).
    assert Agent(ws).status() in {"stable", "running"}
    assert any("--no-daemon" in line for line in codex_leftovers(ws))
    sid = the_new_session(ws, known)
    assert sid != gone
    wait_for_tracking(ws, sid)
    stop(ws)
    assert_nothing_left(ws)
    measure(f"scenario (c) {how}", time.monotonic() - began)


@pytest.mark.parametrize("stop_like", ["group-sigterm", "agentapi-sigint"])
def test_d_nothing_of_codex_runs_after_the_stop(
    ws: ScriptEnv, fake_model: FakeModel, stop_like: str
) -> None:
    """(d) After the stop script no process of this instance's Codex runs (no app-server
    daemon, no update loop) and the Codex home holds no copy of Codex. ``agentapi-sigint``
    makes the stand-in stop Codex as AgentAPI does (SIGINT to its pid only)."""
    began = time.monotonic()
    env = {"AGENTAPI_PTY_FAITHFUL_STOP": "1"} if stop_like == "agentapi-sigint" else None
    ok(start(ws, ai_prompt=PROMPT_1, env=env))
    wait_for_turn(ws, fake_model, PROMPT_1, since=0, timeout=FIRST_REQUEST_TIMEOUT)
    # While it runs, the check sees the TUI (so that "nothing left" below means something).
    tui = [proc.pid for proc in children_of(ws.agentapi_pid())]
    running = codex_leftovers(ws)
    seen = all(any(line.startswith(f"{pid} ") for line in running) for pid in tui)
    assert tui and seen, f"TUI pids {tui}, found {running}"
    daemons = [p for p in running if "app-server" in p or "pid-update-loop" in p]
    assert daemons == [], f"Codex started its background server: {daemons}"
    assert not (ws.codex_dir / "packages").exists()
    stop(ws)
    assert_nothing_left(ws)
    # And the stop never touched the state Codex needs to resume.
    assert len(rollouts(ws)) == 1
    measure(f"scenario (d) {stop_like}", time.monotonic() - began)


def test_e_a_second_restart_in_a_row_resumes_again(ws: ScriptEnv, fake_model: FakeModel) -> None:
    """(e) Start, stop, start, stop, start: the second resume is as good as the first; the
    last request carries both earlier turns."""
    began = time.monotonic()
    sid, reply_1, _ = first_session_with_prompt(ws, fake_model)
    stop(ws)
    assert_nothing_left(ws)
    _, reply_2 = resume_and_say(ws, fake_model, sid, MESSAGE_2, carries=[PROMPT_1, reply_1])
    stop(ws)
    assert_nothing_left(ws)
    resume_and_say(ws, fake_model, sid, MESSAGE_3, carries=[PROMPT_1, reply_1, MESSAGE_2, reply_2])
    stop(ws)
    assert_nothing_left(ws)
    assert [launch[-2:] for launch in launches(ws)[1:]] == [["resume", sid]] * 2
    measure("scenario (e)", time.monotonic() - began)
