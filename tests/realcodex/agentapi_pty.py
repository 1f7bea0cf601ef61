#!/usr/bin/env python3
"""A stand-in for AgentAPI's ``agentapi`` binary that runs a real TUI under a pty.

It follows coder/agentapi (``cmd/server/server.go``, ``lib/httpapi/server.go``,
``lib/httpapi/claude.go``, ``lib/screentracker/pty_conversation.go``,
``lib/termexec/termexec.go``, ``lib/httpapi/server_signals_unix.go``):

* ``agentapi server [flags] -- PROGRAM ARGS...``; flags ``--type/-t``, ``--port/-p`` (3284),
  ``--term-width/-W`` (80), ``--term-height/-H`` (1000), ``--chat-base-path/-c``,
  ``--allowed-hosts/-a``, ``--allowed-origins/-o``, ``--initial-prompt/-I``, ``--verbose/-v``,
  ``--pid-file``, ``--state-file``, ``--save-state``, ``--load-state``. Like viper's
  ``AutomaticEnv`` with prefix ``AGENTAPI``, each flag may come from ``AGENTAPI_<FLAG>``
  (dashes as underscores), e.g. ``AGENTAPI_PID_FILE``, ``AGENTAPI_STATE_FILE``,
  ``AGENTAPI_SAVE_STATE``, ``AGENTAPI_LOAD_STATE``, ``AGENTAPI_ALLOWED_HOSTS`` (space
  separated). ``agentapi --version`` prints ``agentapi version 0.12.1``.
* The program runs in a new session with the pty as its controlling terminal, the window
  set to W x H before it starts, and ``TERM=vt100`` (termexec.go sets exactly that).
* ``GET /status`` -> ``{"status": "stable"|"running", "agent_type": T, "backend": "pty"}``.
  Stable means the screen has not changed for 2 s (AgentAPI: ``ScreenStabilityLength: 2 *
  time.Second``) and no user message is still being delivered.
* ``GET /messages`` -> ``{"messages": [{"id", "content", "role", "time"}]}``. The
  conversation starts with one empty agent message; the last agent message is the screen
  (lines right-trimmed) from its first line that was not on the screen before the last user
  message (``screenDiff``), without the echoed user input, blank lines trimmed
  (``msgfmt.FormatAgentMessage``; for codex it drops only the old ``▌ Ask Codex to do
  anything`` composer line, so 0.169's composer line (U+203A, then ``Ask Codex ...``)
  stays, as in AgentAPI).
* ``POST /message`` with ``{"content", "type": "user"|"raw"}``. ``raw`` is written as is.
  ``user`` needs a stable screen (otherwise an error), and is written as AgentAPI writes it
  for every agent type: ``"x\\b"`` then the text inside bracketed paste (``ESC[200~`` ...
  ``ESC[201~``); then it waits (<= 15 s) until the screen changed and held still for 1 s,
  then writes ``"\\r"`` and repeats the carriage return every 3 s until the screen changes
  (<= 15 s).
* ``AGENTAPI_PID_FILE``: its own pid is written there at start.
* SIGUSR1 saves the conversation to the state file (when ``--save-state`` and a state file
  are set); SIGTERM/SIGINT/SIGHUP save it and stop the program, then exit.
  ``--load-state`` restores messages at start. The file is AgentAPI's format:
  ``{"version": 1, "messages": [{"id", "message", "role", "time"}], "initial_prompt",
  "initial_prompt_sent"}``.
* When the program exits the server stops; a non-zero exit makes agentapi exit 1 after
  printing the screen.

Where this stand-in differs from AgentAPI, on purpose:

* Stopping: AgentAPI sends SIGINT to the program's pid, waits 5 s, then SIGKILLs that pid
  (``termexec.Process.Close``). This stand-in, as the harness brief asks, sends SIGTERM to the
  program's whole process group, waits up to 5 s, then SIGKILLs the group. Set
  ``AGENTAPI_PTY_FAITHFUL_STOP=1`` to get AgentAPI's pid-only SIGINT/SIGKILL instead (the way
  to find out what a real stop leaves running). Either way closing the pty master hangs up
  the session. Processes that left the session (``setsid``), such as a daemon, survive both.
* AgentAPI listens on every interface (``:PORT``); this one on 127.0.0.1 and, when the
  machine has IPv6 loopback, ``[::1]`` too, so ``http://localhost:PORT`` works either way.
* Screen snapshots every 100 ms instead of 25 ms (2 shared CPU cores); the stability rule
  (2 s unchanged) is AgentAPI's.
* No ``/events``, ``/upload``, chat UI, no tool-call (``coder_report_task``) stripping.
* Terminal queries. The Codex TUI sends, in one write at start (measured with 0.169.0 and
  0.58.0, see ``AGENTAPI_PTY_RAW_LOG``): keyboard enhancement query ``ESC[?u``, primary
  device attributes ``ESC[c``, cursor position ``ESC[6n``, and OSC 10/11 colour queries
  terminated by ``ESC \\``. 0.58.0 exits 1 ("The cursor position could not be read within a
  normal duration") when the cursor report goes unanswered; 0.169.0 carries on without
  answers. This stand-in answers CPR (``ESC[row;colR`` from the screen's cursor), DSR 5,
  primary DA (``ESC[?1;2c``, a VT100 with AVO, matching ``TERM=vt100``), OSC 10/11 (white on
  black), ``ESC[18t`` (text area size) and DECRQM (``ESC[?N$p`` -> not recognised), leaves
  ``ESC[?u``/``ESC[>c``/``ESC[>q`` unanswered as a VT100 would, and logs every query it saw.
  ``AGENTAPI_PTY_NO_ANSWERS=1`` answers nothing (to find out what a TUI needs).

Environment knobs of the stand-in only: ``AGENTAPI_PTY_RAW_LOG=<file>`` appends every byte
the program wrote to the pty (for finding out what a TUI asks); ``AGENTAPI_PTY_SCREEN_LOG=
<file>`` rewrites the current screen there on every change (for debugging a stuck TUI).
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import fcntl
import json
import os
import pty
import re
import select
import signal
import socket
import struct
import sys
import termios
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pyte

VERSION = "0.12.1"
SNAPSHOT_INTERVAL = 0.1
STABILITY_SECONDS = 2.0
STOP_GRACE_SECONDS = 5.0
SEND_TIMEOUT_SECONDS = 15.0
MAX_REQUEST_BYTES = 1024 * 1024

# Terminal queries a TUI sends and waits on. Matched on the raw output before it reaches
# pyte, answered in stream order (the cursor report must reflect everything drawn before it).
QUERY_RE = re.compile(
    rb"\x1b\[(?P<dsr>[56])n"
    rb"|\x1b\[(?P<da>0?)c"
    rb"|\x1b\[>(?P<da2>\d*)c"
    rb"|\x1b\[\?u"
    rb"|\x1b\[(?P<winop>1[468])t"
    rb"|\x1b\[\?(?P<decrqm>\d+)\$p"
    rb"|\x1b\[>(?P<xtver>0?)q"
    rb"|\x1b\](?P<osc>1[0-2]|4;\d+);\?(?P<oscterm>\x07|\x1b\\)"
)
# A query may straddle two reads; keep at most this many trailing bytes that could start one.
QUERY_CARRY = 16


def log(msg: str) -> None:
    ts = datetime.now(UTC).strftime("%H:%M:%S.%f")[:-3]
    sys.stderr.write(f"{ts} agentapi-pty: {msg}\n")
    sys.stderr.flush()


def now_iso() -> str:
    return datetime.now(UTC).isoformat().replace("+00:00", "Z")


def env_flag(name: str, default: str) -> str:
    return os.environ.get("AGENTAPI_" + name.upper().replace("-", "_"), default)


def truthy(value: str) -> bool:
    return value.strip().lower() in {"1", "true", "yes", "on"}


class QuietScreen(pyte.Screen):
    """A pyte screen whose own query answers are off: queries are answered from raw bytes."""

    def write_process_input(self, data: str) -> None:
        return None


class Terminal:
    """The program under a pty, its screen, and the bytes it wants answered."""

    def __init__(self, argv: list[str], width: int, height: int) -> None:
        self.width = width
        self.height = height
        self.screen = QuietScreen(width, height)
        self.stream = pyte.ByteStream(self.screen)
        self.lock = threading.Lock()
        self.last_output = time.monotonic()
        self.changed = threading.Event()
        self._carry = b""
        self._raw_log = os.environ.get("AGENTAPI_PTY_RAW_LOG")
        # For experiments only: leave every terminal query unanswered.
        self._no_answers = truthy(os.environ.get("AGENTAPI_PTY_NO_ANSWERS", ""))
        self.exit_status: int | None = None
        self.exited = threading.Event()
        pid, fd = pty.fork()
        if pid == 0:  # child: the pty is already stdin/stdout/stderr and controlling tty
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", height, width, 0, 0))
                env = dict(os.environ)
                env["TERM"] = "vt100"
                os.execvpe(argv[0], argv, env)  # noqa: S606 (exec the agent, as AgentAPI)
            except BaseException as exc:
                os.write(2, f"agentapi-pty: exec {argv[0]}: {exc}\r\n".encode())
            os._exit(127)
        self.pid = pid
        self.fd = fd
        # Non-blocking, so a program that stops reading cannot hang a writer forever.
        os.set_blocking(fd, False)
        # Query answers (reader thread) and typed messages (HTTP threads) must not interleave.
        self._write_lock = threading.Lock()
        # pty.fork makes the child a session leader, so its pgid (and sid) is its pid.
        self.pgid = pid
        self._reader = threading.Thread(target=self._read_loop, name="pty-reader", daemon=True)
        self._reader.start()

    def write(self, data: bytes) -> None:
        """Write to the program's terminal input; gives up after 10 s of a full buffer."""
        view = memoryview(data)
        deadline = time.monotonic() + 10
        with self._write_lock:
            while view and time.monotonic() < deadline:
                try:
                    n = os.write(self.fd, view)
                except BlockingIOError:
                    time.sleep(0.01)
                    continue
                except OSError:  # the program is gone and the pty with it
                    return
                view = view[n:]
        if view:
            log(f"gave up writing {len(view)} bytes: the program does not read its input")

    def _answer(self, m: re.Match[bytes]) -> bytes | None:  # noqa: PLR0911 (one per query)
        g = m.groupdict()
        if g["dsr"] == b"6":
            # pyte's cursor is 0-based; the report is 1-based row;col.
            y, x = self.screen.cursor.y + 1, self.screen.cursor.x + 1
            return f"\x1b[{y};{min(x, self.width)}R".encode()
        if g["dsr"] == b"5":
            return b"\x1b[0n"
        if g["da"] is not None:
            return b"\x1b[?1;2c"
        if g["winop"] == b"18":
            return f"\x1b[8;{self.height};{self.width}t".encode()
        if g["decrqm"] is not None:
            return b"\x1b[?" + g["decrqm"] + b";0$y"
        if g["osc"] is not None:
            code = g["osc"].decode()
            rgb = "rgb:0000/0000/0000" if code == "11" else "rgb:ffff/ffff/ffff"
            return f"\x1b]{code};{rgb}".encode() + g["oscterm"]
        # ESC[?u (keyboard enhancement), ESC[>c, ESC[>q, ESC[14t/16t: a VT100 does not answer;
        # the TUI follows each with a primary DA request, whose answer ends its wait.
        return None

    def _feed(self, data: bytes) -> None:
        data = self._carry + data
        self._carry = b""
        pos = 0
        if self._no_answers:
            self.stream.feed(data)
            return
        for m in QUERY_RE.finditer(data):
            self.stream.feed(data[pos : m.start()])
            pos = m.end()
            reply = self._answer(m)
            log(f"terminal query {m.group(0)!r} -> {reply!r}")
            if reply is not None:
                # Answer at once: the TUI blocks on it, and later bytes may depend on it.
                self.write(reply)
        rest = data[pos:]
        esc = rest.rfind(b"\x1b")
        if (
            esc != -1
            and len(rest) - esc < QUERY_CARRY
            and not re.search(rb"[A-Za-z~]", rest[esc + 2 :])
        ):
            self._carry = rest[esc:]
            rest = rest[:esc]
        self.stream.feed(rest)

    def _read_loop(self) -> None:
        raw = open(self._raw_log, "ab") if self._raw_log else None  # noqa: SIM115
        try:
            while True:
                try:
                    ready, _, _ = select.select([self.fd], [], [], 0.5)
                except (OSError, ValueError):
                    break
                if not ready:
                    if self._idle():
                        break
                    continue
                try:
                    data = os.read(self.fd, 65536)
                except BlockingIOError:
                    continue
                except OSError as exc:
                    if exc.errno == errno.EIO:  # every slave end closed: the program is gone
                        break
                    raise
                if not data:
                    break
                if raw is not None:
                    raw.write(data)
                    raw.flush()
                with self.lock:
                    self._feed(data)
                    self.last_output = time.monotonic()
                self.changed.set()
        finally:
            if raw is not None:
                raw.close()
            deadline = time.monotonic() + STOP_GRACE_SECONDS
            while not self._reap() and time.monotonic() < deadline:
                time.sleep(0.05)
            self.exited.set()
            self.changed.set()

    def _idle(self) -> bool:
        """Half a second without output: flush a held-back partial sequence; True when the
        program has exited."""
        if self._carry:
            with self.lock:
                self.stream.feed(self._carry)
                self._carry = b""
        return self._reap()

    def _reap(self) -> bool:
        if self.exit_status is not None:
            return True
        try:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
        except ChildProcessError:
            self.exit_status = -1
            return True
        if pid == 0:
            return False
        self.exit_status = os.waitstatus_to_exitcode(status)
        log(f"program {self.pid} exited with {self.exit_status}")
        return True

    def read_screen(self) -> str:
        """The screen as text: lines right-trimmed, the whole without trailing blank lines."""
        with self.lock:
            buf = self.screen.buffer
            cols = self.screen.columns
            lines: list[str] = []
            # Only rows pyte has touched live in the buffer; the rest are blank. Reading the
            # buffer directly avoids rendering all H x W cells of a 1190-line screen.
            for y in range(self.screen.lines):
                if y in buf:
                    row = buf[y]
                    lines.append("".join(row[x].data for x in range(cols)).rstrip())
                else:
                    lines.append("")
        while lines and not lines[-1]:
            lines.pop()
        return "\n".join(lines)

    def alive(self) -> bool:
        return not self.exited.is_set()

    def stop(self, faithful: bool) -> None:
        """End the program: SIGTERM its process group (or SIGINT its pid), then SIGKILL."""
        if self.exited.is_set():
            return
        first = signal.SIGINT if faithful else signal.SIGTERM
        log(f"stopping program pid={self.pid} pgid={self.pgid} with {first.name}")
        with contextlib.suppress(ProcessLookupError, PermissionError):
            if faithful:
                os.kill(self.pid, first)
            else:
                os.killpg(self.pgid, first)
        if not self.exited.wait(STOP_GRACE_SECONDS):
            log("program did not exit in time; SIGKILL")
            with contextlib.suppress(ProcessLookupError, PermissionError):
                if faithful:
                    os.kill(self.pid, signal.SIGKILL)
                else:
                    os.killpg(self.pgid, signal.SIGKILL)
            self.exited.wait(STOP_GRACE_SECONDS)
        if not faithful:
            # Children of the program that stayed in its group but outlived it.
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self.pgid, signal.SIGKILL)
        with contextlib.suppress(OSError):
            os.close(self.fd)


def screen_diff(before: str, after: str) -> str:
    """AgentAPI's screenDiff: ``after`` from its first line that ``before`` nowhere has."""
    old = set(before.split("\n"))
    lines = after.split("\n")
    first = next((i for i, line in enumerate(lines) if line not in old), len(lines))
    return trim_empty_lines("\n".join(lines[first:]))


def trim_empty_lines(message: str) -> str:
    lines = message.split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return "\n".join(lines)


_WS = " \t\n\r\f\v"


def _runes(text: str) -> tuple[str, list[str], list[int]]:
    """Non-whitespace characters, the lines, and each character's line (msgfmt.go)."""
    lines = text.split("\n")
    chars: list[str] = []
    where: list[int] = []
    for n, line in enumerate(lines):
        for ch in line:
            if ch not in _WS:
                chars.append(ch)
                where.append(n)
    return "".join(chars), lines, where


def _next_match(mi: int, ui: int, msg: str, user: str) -> tuple[int, int] | None:
    """msgfmt's findNextMatch: any of the next 5 input characters among the next 5 shown."""
    for i in range(5):
        for j in range(5):
            u, m = ui + i + 1, mi + j + 1
            if u >= len(user) or m >= len(msg):
                return None
            if user[u] == msg[m]:
                return m, u
    return None


def remove_user_input(message: str, user_input: str) -> str:
    """AgentAPI's RemoveUserInput: drop the echoed user input at the start of the message."""
    if not user_input:
        return message
    msg, lines, where = _runes(message)
    user, _, user_where = _runes(user_input)
    # Up to 6 characters of the input's first line, looked for in the message's first
    # 6 lines (at least 25 characters).
    prefix_len = 0
    for i, n in enumerate(user_where):
        if n > 0 or i >= 6:
            break
        prefix_len = i + 1
    if prefix_len == 0:
        return message
    msg_prefix_len = 0
    for i, n in enumerate(where):
        if n > 5:
            break
        msg_prefix_len = i + 1
    msg_prefix_len = min(max(msg_prefix_len, 25), len(msg))
    start = msg[:msg_prefix_len].find(user[:prefix_len])
    if start == -1:
        return message
    # Follow the input through the message, allowing a few characters to be missing.
    mi, ui = start, 0
    while (nxt := _next_match(mi, ui, msg, user)) is not None:
        mi, ui = nxt
    return "\n".join(lines[where[mi] + 1 :])


def remove_message_box(message: str) -> str:
    """AgentAPI's removeMessageBox for generic agents (a ``>`` prompt near the bottom)."""
    lines = message.split("\n")
    cut = -1
    for i in range(len(lines) - 1, max(len(lines) - 6, 0) - 1, -1):
        if ">" in lines[i]:
            cut = i - 1 if i > 0 and "───────────────" in lines[i - 1] else i
            break
    if cut == -1:
        for i in range(len(lines) - 3, max(len(lines) - 9, 0) - 1, -1):
            if (
                "───────────────" in lines[i]
                and ("|" in lines[i + 1] or "│" in lines[i + 1])
                and "───────────────" in lines[i + 2]
            ):
                cut = i
                break
    return "\n".join(lines[:cut] if cut != -1 else lines)


def format_agent_message(agent_type: str, message: str, user_input: str) -> str:
    """AgentAPI's FormatAgentMessage for codex and for the generic agents."""
    message = remove_user_input(message, user_input)
    if agent_type == "codex":
        lines = message.split("\n")
        # AgentAPI only knows the old composer glyph; 0.169's (U+203A) line stays.
        if len(lines) >= 2 and "▌ Ask Codex to do anything" in lines[-2]:
            del lines[-2]
        message = "\n".join(lines)
    else:
        message = remove_message_box(message)
    return trim_empty_lines(message)


class SendError(Exception):
    pass


class Conversation:
    """AgentAPI's PTY conversation: screen snapshots, stability, messages, sending."""

    def __init__(self, term: Terminal, agent_type: str) -> None:
        self.term = term
        self.agent_type = agent_type
        self.lock = threading.RLock()
        self.messages: list[dict[str, Any]] = [
            {"id": 0, "message": "", "role": "agent", "time": now_iso()}
        ]
        self.screen = ""
        self.last_change = time.monotonic()
        self.screen_before_user = ""
        self.sending = False
        self.dirty = False
        self.initial_prompt = ""
        self.initial_prompt_sent = True
        self.user_sent_after_load = True
        self._screen_log = os.environ.get("AGENTAPI_PTY_SCREEN_LOG")

    def snapshot(self) -> None:
        screen = self.term.read_screen()
        with self.lock:
            if self.sending:
                # AgentAPI holds the conversation lock while it types a message, so no
                # snapshot lands in between: the reply must not leak into the agent message
                # that precedes the user's.
                return
            if screen != self.screen:
                self.screen = screen
                self.last_change = time.monotonic()
                if self._screen_log:
                    with contextlib.suppress(OSError):
                        Path(self._screen_log).write_text(screen + "\n", encoding="utf-8")
            self._update_agent_message()

    def _update_agent_message(self) -> None:
        if not self.user_sent_after_load:
            # As AgentAPI: after loading state the restored last message stands until the
            # user writes again, instead of a diff against a screen it never saw.
            return
        last_user = next((m["message"] for m in reversed(self.messages) if m["role"] == "user"), "")
        text = format_agent_message(
            self.agent_type, screen_diff(self.screen_before_user, self.screen), last_user
        )
        last = self.messages[-1]
        if last["role"] == "user":
            self.messages.append(
                {"id": len(self.messages), "message": text, "role": "agent", "time": now_iso()}
            )
            self.dirty = True
        elif last["message"] != text:
            last["message"] = text
            last["time"] = now_iso()
            self.dirty = True

    def status(self) -> str:
        with self.lock:
            if self.sending or self.messages[-1]["role"] == "user":
                return "running"
            if time.monotonic() - self.last_change < STABILITY_SECONDS:
                return "running"
            return "stable"

    def _wait(self, cond: Callable[[], bool], timeout: float, interval: float) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if cond():
                return True
            if not self.term.alive():
                return False
            time.sleep(interval)
        return False

    def send_user(self, content: str) -> None:
        message = content.strip()
        with self.lock:
            if self.sending or self.status() != "stable":
                raise SendError("message can only be sent when the agent is waiting for user input")
            if not message:
                raise SendError("message must not be empty")
            # The last agent message gets the screen as it is before typing (AgentAPI's Send).
            self.snapshot()
            self.sending = True
            before = self.screen
        try:
            # AgentAPI's formatClaudeCodeMessage, used for every agent type.
            self.term.write(b"x\b\x1b[200~" + message.encode() + b"\x1b[201~")

            def settled() -> bool:
                s1 = self.term.read_screen()
                if s1 == before:
                    return False
                time.sleep(1.0)
                return self.term.read_screen() == s1

            if not self._wait(settled, SEND_TIMEOUT_SECONDS, 0.05):
                raise SendError("failed to wait for screen to stabilize")
            before_cr = self.term.read_screen()
            last_cr = 0.0

            def moved() -> bool:
                nonlocal last_cr
                if time.monotonic() - last_cr >= 3.0:
                    last_cr = time.monotonic()
                    self.term.write(b"\r")
                time.sleep(0.025)
                return self.term.read_screen() != before_cr

            if not self._wait(moved, SEND_TIMEOUT_SECONDS, 0.0):
                raise SendError("failed to wait for processing to start")
            with self.lock:
                self.screen_before_user = before
                self.messages.append(
                    {
                        "id": len(self.messages),
                        "message": message,
                        "role": "user",
                        "time": now_iso(),
                    }
                )
                self.dirty = True
                self.user_sent_after_load = True
        finally:
            with self.lock:
                self.sending = False

    def public_messages(self) -> list[dict[str, Any]]:
        with self.lock:
            return [
                {"id": m["id"], "content": m["message"], "role": m["role"], "time": m["time"]}
                for m in self.messages
            ]

    def save(self, path: str, source: str) -> None:
        with self.lock:
            if not self.dirty:
                log(f"state unchanged, not saved ({source})")
                return
            data = {
                "version": 1,
                "messages": self.messages,
                "initial_prompt": self.initial_prompt,
                "initial_prompt_sent": self.initial_prompt_sent,
            }
            target = Path(path)
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_name(target.name + ".tmp")
            tmp.write_text(json.dumps(data, indent=1), encoding="utf-8")
            tmp.replace(target)
            self.dirty = False
        log(f"saved conversation state to {path} ({source})")

    def load(self, path: str) -> None:
        p = Path(path)
        if not p.exists() or p.stat().st_size == 0:
            log(f"no previous state to load from {path}")
            return
        data = json.loads(p.read_text(encoding="utf-8"))
        with self.lock:
            self.messages = list(data.get("messages") or []) or self.messages
            self.initial_prompt = str(data.get("initial_prompt") or "")
            self.initial_prompt_sent = bool(data.get("initial_prompt_sent", True))
            self.user_sent_after_load = False
        log(f"loaded state from {path}: {len(self.messages)} messages")


class App:
    def __init__(self, args: argparse.Namespace, program: list[str]) -> None:
        self.args = args
        self.stop_requested = threading.Event()
        self.term = Terminal(program, args.term_width, args.term_height)
        self.conv = Conversation(self.term, args.type or Path(program[0]).name)
        self.allowed_hosts = self._split(args.allowed_hosts)
        self.servers: list[ThreadingHTTPServer] = []

    @staticmethod
    def _split(value: str) -> list[str]:
        # Flags take comma-separated lists, AGENTAPI_* variables space-separated (viper).
        return [h.strip().lower() for h in re.split(r"[,\s]+", value) if h.strip()]

    def host_allowed(self, host_header: str | None) -> bool:
        if "*" in self.allowed_hosts:
            return True
        if not host_header:
            return False
        host = host_header.strip().lower()
        if host.startswith("["):
            host = host[: host.find("]") + 1]
        elif ":" in host:
            host = host.rsplit(":", 1)[0]
        return host in self.allowed_hosts

    def handler(self) -> type[BaseHTTPRequestHandler]:
        app = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            timeout = 30

            def log_message(self, format: str, *args: Any) -> None:
                if app.args.verbose:
                    log("http: " + format % args)

            def _json(self, code: int, obj: Any) -> None:
                data = json.dumps(obj).encode()
                self.send_response(code)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _problem(self, code: int, detail: str) -> None:
                # huma answers errors as RFC 9457 problem JSON.
                self._json(code, {"title": "Error", "status": code, "detail": detail})

            def _host_ok(self) -> bool:
                if app.host_allowed(self.headers.get("Host")):
                    return True
                self._problem(
                    400, "Invalid host header. Allowed hosts: " + ", ".join(app.allowed_hosts)
                )
                return False

            def do_GET(self) -> None:
                if not self._host_ok():
                    return
                path = self.path.split("?")[0]
                if path == "/status":
                    self._json(
                        200,
                        {
                            "status": app.conv.status(),
                            "agent_type": app.conv.agent_type,
                            "backend": "pty",
                        },
                    )
                elif path == "/messages":
                    self._json(200, {"messages": app.conv.public_messages()})
                elif path == "/internal/screen-text":
                    # Not AgentAPI: the raw screen, for test diagnostics.
                    self._json(200, {"screen": app.term.read_screen()})
                else:
                    self._problem(404, "not found")

            def do_POST(self) -> None:
                if not self._host_ok():
                    return
                if self.path.split("?")[0] != "/message":
                    self._problem(404, "not found")
                    return
                length = int(self.headers.get("Content-Length") or 0)
                if length > MAX_REQUEST_BYTES:
                    self._problem(413, "request too large")
                    return
                try:
                    body = json.loads(self.rfile.read(length) or b"{}")
                    content = str(body["content"])
                    kind = str(body.get("type", "user"))
                except (ValueError, KeyError, TypeError):
                    self._problem(422, 'expected {"content": str, "type": "user"|"raw"}')
                    return
                if kind == "raw":
                    app.term.write(content.encode())
                elif kind == "user":
                    try:
                        app.conv.send_user(content)
                    except SendError as exc:
                        self._problem(500, f"failed to send message: {exc}")
                        return
                else:
                    self._problem(422, f"unknown message type {kind!r}")
                    return
                self._json(200, {"ok": True})

        return Handler

    def serve(self) -> None:
        handler = self.handler()
        port = self.args.port
        main = ThreadingHTTPServer(("127.0.0.1", port), handler)
        main.daemon_threads = True
        self.servers.append(main)
        port = int(main.server_address[1])
        if socket.has_ipv6:
            try:

                class V6Server(ThreadingHTTPServer):
                    address_family = socket.AF_INET6

                v6 = V6Server(("::1", port), handler)
                v6.daemon_threads = True
                self.servers.append(v6)
            except OSError:
                pass
        for srv in self.servers:
            threading.Thread(
                target=srv.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True
            ).start()
        log(f"serving on 127.0.0.1:{port} (program pid {self.term.pid})")

    def snapshot_loop(self) -> None:
        while not self.stop_requested.is_set() and self.term.alive():
            self.term.changed.wait(SNAPSHOT_INTERVAL)
            self.term.changed.clear()
            self.conv.snapshot()
            self._maybe_initial_prompt()
            time.sleep(SNAPSHOT_INTERVAL)

    def _maybe_initial_prompt(self) -> None:
        conv = self.conv
        if conv.initial_prompt_sent or conv.status() != "stable":
            return
        conv.initial_prompt_sent = True
        try:
            conv.send_user(conv.initial_prompt)
            log("initial prompt sent")
        except SendError as exc:
            conv.initial_prompt_sent = False
            log(f"failed to send initial prompt: {exc}")

    def save_state(self, source: str) -> None:
        if truthy(str(self.args.save_state)) and self.args.state_file:
            try:
                self.conv.save(self.args.state_file, source)
            except OSError as exc:
                log(f"failed to save state: {exc}")
        else:
            log(f"save requested ({source}) but state saving is not configured")

    def shutdown(self) -> None:
        for srv in self.servers:
            srv.shutdown()
            srv.server_close()


def parse(argv: list[str]) -> tuple[argparse.Namespace, list[str]]:
    if "--" in argv:
        i = argv.index("--")
        flags, program = argv[:i], argv[i + 1 :]
    else:
        flags, program = argv, []
    p = argparse.ArgumentParser(prog="agentapi server", description="AgentAPI stand-in (pty)")
    p.add_argument("-t", "--type", default=env_flag("type", ""))
    p.add_argument("-p", "--port", type=int, default=int(env_flag("port", "3284")))
    p.add_argument("-W", "--term-width", type=int, default=int(env_flag("term-width", "80")))
    p.add_argument("-H", "--term-height", type=int, default=int(env_flag("term-height", "1000")))
    p.add_argument("-c", "--chat-base-path", default=env_flag("chat-base-path", "/chat"))
    p.add_argument(
        "-a", "--allowed-hosts", default=env_flag("allowed-hosts", "localhost,127.0.0.1,[::1]")
    )
    p.add_argument("-o", "--allowed-origins", default=env_flag("allowed-origins", "*"))
    p.add_argument("-I", "--initial-prompt", default=env_flag("initial-prompt", ""))
    p.add_argument("-v", "--verbose", action="store_true", default=truthy(env_flag("verbose", "")))
    p.add_argument("--pid-file", default=env_flag("pid-file", ""))
    p.add_argument("--state-file", default=env_flag("state-file", ""))
    p.add_argument("--save-state", nargs="?", const="true", default=env_flag("save-state", "false"))
    p.add_argument("--load-state", nargs="?", const="true", default=env_flag("load-state", "false"))
    args, rest = p.parse_known_args(flags)
    program = rest + program
    if not program:
        p.error("requires at least 1 arg (the agent command)")
    if args.term_width < 10 or args.term_height < 10:
        p.error("term width and height must be at least 10")
    return args, program


def read_piped_stdin() -> str:
    """AgentAPI reads a piped stdin as the initial prompt; bounded here to 5 s."""
    try:
        if os.isatty(0):
            return ""
    except OSError:
        return ""
    chunks: list[bytes] = []
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            ready, _, _ = select.select([0], [], [], 0.2)
        except (OSError, ValueError):
            break
        if not ready:
            continue
        data = os.read(0, 65536)
        if not data:
            break
        chunks.append(data)
    return b"".join(chunks).decode("utf-8", errors="replace")


def server(argv: list[str]) -> int:
    args, program = parse(argv)
    if args.pid_file:
        Path(args.pid_file).parent.mkdir(parents=True, exist_ok=True)
        Path(args.pid_file).write_text(f"{os.getpid()}\n", encoding="utf-8")
    initial = args.initial_prompt or read_piped_stdin()
    faithful = truthy(os.environ.get("AGENTAPI_PTY_FAITHFUL_STOP", ""))

    app = App(args, program)
    if initial.strip():
        app.conv.initial_prompt = initial.strip()
        app.conv.initial_prompt_sent = False
    if truthy(str(args.load_state)) and args.state_file:
        try:
            app.conv.load(args.state_file)
        except (OSError, ValueError) as exc:
            log(f"failed to load state: {exc}")

    signals: list[str] = []

    def on_signal(signum: int, _frame: object) -> None:
        signals.append(signal.Signals(signum).name)
        app.stop_requested.set()

    def on_usr1(_signum: int, _frame: object) -> None:
        # Saving takes locks a snapshot may hold; do it off the signal handler.
        threading.Thread(target=app.save_state, args=("SIGUSR1",), daemon=True).start()

    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(sig, on_signal)
    signal.signal(signal.SIGUSR1, on_usr1)

    app.serve()
    loop = threading.Thread(target=app.snapshot_loop, name="snapshots", daemon=True)
    loop.start()
    while not app.stop_requested.is_set() and app.term.alive():
        app.stop_requested.wait(0.5)

    if signals:
        log(f"received {signals[0]}: saving state, stopping the program")
        app.save_state(signals[0])
        app.term.stop(faithful)
        app.shutdown()
        return 0
    # The program ended on its own.
    app.conv.snapshot()
    app.shutdown()
    status = app.term.exit_status
    if status not in (0, None):
        sys.stderr.write(f"========\n{app.term.read_screen()}\n========\n: non-zero exit code\n")
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in {"-h", "--help"}:
        print("usage: agentapi server [flags] -- PROGRAM ARGS... | agentapi --version")
        return 0 if argv else 1
    if argv[0] in {"--version", "-V", "version"}:
        print(f"agentapi version {VERSION}")
        return 0
    if argv[0] != "server":
        sys.stderr.write(f"unknown command {argv[0]!r}\n")
        return 1
    return server(argv[1:])


if __name__ == "__main__":
    raise SystemExit(main())
