r"""Helpers for running the real Codex TUI unattended behind the AgentAPI stand-in.

Use (see ``test_harness.py``; fixtures ``real_codex``, ``fake_model``, ``codex_env`` in
``conftest.py``)::

    def test_x(codex_env: CodexEnv, fake_model: FakeModel) -> None:
        git_workdir(codex_env.workdir)
        write_user_config(codex_env.codex_home, fake_model.base_url, workdir=codex_env.workdir)
        agentapi = AgentAPIProcess(["codex", "say hello"], env=codex_env.env,
                                   cwd=codex_env.workdir, log_path=codex_env.root / "a.log").start()
        try:
            fake_model.wait_for_request(lambda r: "say hello" in r.input_texts(), timeout=90)
            agentapi.wait_for_text("Codex says: reply 1", timeout=60)
        finally:
            agentapi.terminate()

What the real Codex TUI does under this harness (measured December 2026 on this machine,
Codex 0.169.0 unless noted, stand-in at 67 x 1190, HOME and CODEX_HOME in a temp dir, dead
proxy, custom provider "mock"; commands in the harness report):

* Nothing blocks a trusted start. With ``approval_policy = "never"``, ``sandbox_mode =
  "workspace-write"``, the mock provider and ``[projects."<workdir>"] trust_level =
  "trusted"``, ``codex "say hello"`` sends the prompt straight away: no sign-in screen (a
  custom provider with ``env_key`` needs none; the key arrives as ``Authorization: Bearer
  $MOCK_KEY``), no update notice (the update check dies at the dead proxy silently), no
  model-migration prompt (``mock-model`` is not in the catalog, so it has no upgrade).
* Without the trust entry 0.169 stops at "Folder access ... Trust this folder?" (``1. Trust
  and continue`` / ``2. Back to Agent Command Center``) and asks the model nothing; Enter
  trusts and writes ``[projects."<workdir>"] trust_level = "trusted"`` to config.toml. 0.58.0
  with the same config does not ask at all.
* Startup warnings (not blocking; behind "⚠ N warnings · f2 to view"): "Codex could not find
  bubblewrap on PATH ... Codex will use the bundled bubblewrap"; "Model metadata for
  `mock-model` not found. Defaulting to fallback metadata"; with ``-c`` also "Running without
  the shared background server: command-line configuration overrides (-c, --enable,
  --disable, or --search) requires embedded mode."; with ``--profile NAME`` "Running without
  the shared background server: --profile requires embedded mode."
* 0.169 writes into config.toml on start (and makes it 0600): ``[tui]
  screen_reader_detection_done = true`` and ``[tui.model_availability_nux] "gpt-6.1-sol" = 1``
  (a catalog model, although ``mock-model`` runs). 0.58.0 writes nothing there.
* ``CODEX_HOME`` must exist ("Error: CODEX_HOME points to ..., but that path does not
  exist"). Under /tmp Codex warns "Refusing to create helper binaries under temporary dir"
  and carries on.
* Sandbox: ``codex sandbox -- true`` exits 0 here (bundled bwrap, user namespaces work).
* Terminal queries at start, in one write: ``ESC[?u``, ``ESC[c``, ``ESC[6n``, ``ESC]10;?ESC\``,
  ``ESC]11;?ESC\``. 0.169 starts without answers (a bit slower); 0.58.0 (queries ``ESC[6n``
  first) exits 1 with "The cursor position could not be read within a normal duration" when
  nobody answers the cursor report, so the stand-in must answer it.
* Each new thread costs two model calls: the turn, and a task-title request (``text.format``
  json_schema ``codex_output_schema`` with ``title``; header ``x-codex-turn-metadata`` has
  ``"thread_source":"thread_title"``). The fake model answers it apart (``kind == "title"``).
  0.169 made no ``GET /v1/models`` and no websocket attempt with the custom provider.
* The second turn's ``input`` carries the earlier user prompt and the assistant reply.
* The background server: a plain launch (``codex "say hello"``, no ``-c``) makes the TUI
  start ``$CODEX_HOME/packages/app-server-daemon/releases/0.169.0-x86_64-unknown-linux-musl/
  bin/codex app-server --listen unix:// --analytics-default-enabled --managed-daemon`` and
  ``... codex app-server daemon pid-update-loop``, each in its own session (setsid, pid ==
  pgid == sid), children of the native codex; after the stand-in stops (process-group SIGTERM,
  or AgentAPI's pid-only SIGINT) both are reparented to pid 1 and keep running, and
  ``$CODEX_HOME/packages`` holds ~404 MB. Pid files: ``$CODEX_HOME/app-server-daemon/
  daemon.pid`` and ``daemon-updater.pid`` (JSON ``{"pid": N, ...}``); control socket
  ``$CODEX_HOME/app-server-control/app-server-control.sock``. A second launch in the same
  CODEX_HOME reuses the running daemon. ``codex app-server daemon stop`` stops the daemon
  but leaves the ``pid-update-loop`` running. ``--no-daemon``, any ``-c key=value`` and
  ``--profile NAME`` each avoid both processes and the copy (no ``packages`` directory).
* Launch to first model request: plain launch 2.3 s (idle machine) to 5-7 s (loaded); with
  ``--no-daemon`` 0.6 s idle, 1.4-2.1 s loaded; 0.58.0 0.4-0.6 s.
* Off the network: through a ``ProxyTrap`` proxy 0.169 tried ``CONNECT`` to github.com,
  api.github.com (twice), raw.githubusercontent.com, chatgpt.com and ab.chatgpt.com (the
  last only with the daemon) during one turn; 0.58.0 only api.github.com. Every one was
  refused and nothing of it showed on the screen or delayed the turn. 127.0.0.1 stays direct
  through ``NO_PROXY``.
* Stopping: SIGINT to the ``node`` wrapper (what AgentAPI does) ends it and the native codex
  within ~50 ms; SIGTERM to the group likewise. The TUI's process group is empty afterwards.
"""

from __future__ import annotations

import contextlib
import json
import os
import shlex
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
AGENTAPI_PTY = HERE / "agentapi_pty.py"


def codex_version(codex_bin: Path) -> tuple[int, int, int]:
    """``codex --version`` ("codex-cli 0.169.0") as a tuple."""
    out = subprocess.run(
        [str(codex_bin), "--version"], capture_output=True, text=True, timeout=30, check=True
    ).stdout
    nums = out.strip().split()[-1].split("-")[0].split(".")
    major, minor, patch = (int(x) for x in [*nums, "0", "0"][:3])
    return major, minor, patch


def codex_help_mentions(codex_bin: Path, flag: str) -> bool:
    """Whether ``codex --help`` lists ``flag`` (e.g. ``--no-daemon``, 0.169 has it)."""
    out = subprocess.run(
        [str(codex_bin), "--help"], capture_output=True, text=True, timeout=30, check=False
    ).stdout
    return flag in out


def no_daemon_args(codex_bin: Path) -> list[str]:
    """``["--no-daemon"]`` where Codex has the flag (0.169), else ``[]`` (0.58 rejects it)."""
    return ["--no-daemon"] if codex_help_mentions(codex_bin, "--no-daemon") else []


def free_port() -> int:
    """A TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def closed_port() -> int:
    """A port with no listener: connections to it are refused at once (a dead proxy)."""
    return free_port()


def dead_proxy_env(port: int | None = None) -> dict[str, str]:
    """Proxy variables that send every outbound request to a closed port on 127.0.0.1.

    NO_PROXY keeps 127.0.0.1/localhost direct, so the fake model and AgentAPI still work.
    """
    proxy = f"http://127.0.0.1:{port if port is not None else closed_port()}"
    env: dict[str, str] = {}
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        env[name] = proxy
        env[name.lower()] = proxy
    env["NO_PROXY"] = env["no_proxy"] = "127.0.0.1,localhost,::1"
    return env


class ProxyTrap:
    """A proxy on 127.0.0.1 that refuses every request and records what was asked for.

    ``dead_proxy_env(trap.port)`` instead of a closed port shows where Codex tries to go
    (``CONNECT host:443`` lines) while still keeping it off the network.
    """

    def __init__(self) -> None:
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(16)
        self._sock.settimeout(0.5)
        self.port = int(self._sock.getsockname()[1])
        self.requests: list[str] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def __enter__(self) -> ProxyTrap:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self._sock.close()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with conn:
                conn.settimeout(2)
                try:
                    head = conn.recv(4096).split(b"\r\n", 1)[0]
                    self.requests.append(head.decode(errors="replace"))
                    conn.sendall(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n")
                except OSError:
                    pass


def toml_str(value: str) -> str:
    """A TOML basic string (JSON's escaping is valid TOML for these)."""
    return json.dumps(value)


def mock_provider_toml(
    base_url: str, *, provider_id: str = "mock", model: str = "mock-model"
) -> str:
    """Config that points Codex at the fake model through a custom provider."""
    return (
        f"model = {toml_str(model)}\n"
        f"model_provider = {toml_str(provider_id)}\n"
        "\n"
        f"[model_providers.{provider_id}]\n"
        'name = "Mock"\n'
        f"base_url = {toml_str(base_url)}\n"
        'wire_api = "responses"\n'
        'env_key = "MOCK_KEY"\n'
    )


def write_user_config(
    codex_home: Path,
    base_url: str,
    *,
    workdir: Path | None = None,
    model: str = "mock-model",
    approval_policy: str = "never",
    sandbox_mode: str = "workspace-write",
    extra_top: str = "",
    extra_tables: str = "",
) -> Path:
    """Write ``$CODEX_HOME/config.toml`` selecting the mock provider; returns its path.

    ``workdir`` is trusted with a ``[projects."<workdir>"]`` table (else the TUI stops at
    "Trust this folder?"). ``extra_top`` goes before any table, ``extra_tables`` after.
    """
    codex_home.mkdir(parents=True, exist_ok=True)
    text = (
        f"approval_policy = {toml_str(approval_policy)}\n"
        f"sandbox_mode = {toml_str(sandbox_mode)}\n"
        + extra_top
        + mock_provider_toml(base_url, model=model)
    )
    if workdir is not None:
        text += f'\n[projects.{toml_str(str(workdir))}]\ntrust_level = "trusted"\n'
    text += extra_tables
    path = codex_home / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def git_workdir(path: Path) -> Path:
    """An initialised git repository with one commit (Codex treats it as a project)."""
    path.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_SYSTEM": "/dev/null"}
    subprocess.run(["git", "init", "-q", str(path)], check=True, env=env, timeout=30)
    (path / "README.md").write_text("test project\n", encoding="utf-8")
    ident = ["-c", "user.name=t", "-c", "user.email=t@example.invalid"]
    subprocess.run(["git", "-C", str(path), "add", "."], check=True, env=env, timeout=30)
    subprocess.run(
        ["git", "-C", str(path), *ident, "commit", "-q", "-m", "init"],
        check=True,
        env=env,
        timeout=30,
    )
    return path


@dataclass
class CodexEnv:
    """A throw-away HOME/CODEX_HOME with the real codex first on PATH and no internet."""

    root: Path
    codex_bin: Path
    home: Path = field(init=False)
    codex_home: Path = field(init=False)
    bin_dir: Path = field(init=False)
    workdir: Path = field(init=False)
    env: dict[str, str] = field(init=False)
    #: A value only this environment's processes carry (``CODEX_HARNESS_MARK``): finds
    #: whatever Codex started, daemons included, without matching anything else.
    mark: str = field(init=False)

    def __post_init__(self) -> None:
        self.mark = f"{self.root}:{os.getpid()}:{time.time_ns()}"
        self.home = self.root / "home"
        self.codex_home = self.home / ".codex"
        self.bin_dir = self.root / "bin"
        self.workdir = self.home / "project"
        # Codex refuses to start when CODEX_HOME names a missing directory.
        self.codex_home.mkdir(parents=True, exist_ok=True)
        self.bin_dir.mkdir(parents=True, exist_ok=True)
        # The npm layout keeps codex in a directory with node's launcher; a symlink to the
        # binary is what `npm install -g` puts on PATH as well.
        link = self.bin_dir / "codex"
        if not link.exists():
            link.symlink_to(self.codex_bin)
        base_path = "/usr/local/bin:/usr/bin:/bin"
        self.env = {
            "HOME": str(self.home),
            "CODEX_HOME": str(self.codex_home),
            "PATH": f"{self.bin_dir}:{self.codex_bin.parent}:{base_path}",
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            "USER": os.environ.get("USER", "coder"),
            "MOCK_KEY": "mock-key-for-tests",
            # Keeps git from reading the developer's or CI's global config.
            "GIT_CONFIG_GLOBAL": "/dev/null",
            "CODEX_HARNESS_MARK": self.mark,
            **dead_proxy_env(),
        }

    def leftover_pids(self) -> list[int]:
        """Processes still carrying this environment's mark (the test process excluded)."""
        return [p for p in processes_with_env("CODEX_HARNESS_MARK", self.mark) if p != os.getpid()]

    def kill_leftovers(self) -> list[int]:
        """SIGKILL every process this environment started that is still alive; their pids."""
        pids = self.leftover_pids()
        kill_pids(pids)
        return pids

    def run_codex(
        self, *args: str, timeout: float = 60, cwd: Path | None = None
    ) -> subprocess.CompletedProcess[str]:
        """Run ``codex ARGS`` (not the TUI) in this environment, bounded."""
        return subprocess.run(
            [str(self.bin_dir / "codex"), *args],
            env=self.env,
            cwd=str(cwd or self.home),
            capture_output=True,
            text=True,
            timeout=timeout,
            stdin=subprocess.DEVNULL,
            check=False,
        )


def install_agentapi_standin(bin_dir: Path) -> Path:
    """Put the stand-in on PATH as ``agentapi`` (a shell shim running it with this Python)."""
    bin_dir.mkdir(parents=True, exist_ok=True)
    shim = bin_dir / "agentapi"
    shim.write_text(
        f'#!/bin/sh\nexec {shlex.quote(sys.executable)} {shlex.quote(str(AGENTAPI_PTY))} "$@"\n',
        encoding="utf-8",
    )
    shim.chmod(0o755)
    return shim


def http_json(url: str, body: Mapping[str, Any] | None = None, timeout: float = 5) -> Any:
    """GET (or POST ``body``) ``url`` and decode the JSON answer, bypassing any proxy."""
    if not url.startswith(("http://127.0.0.1:", "http://localhost:", "http://[::1]:")):
        raise ValueError(f"only loopback URLs here, not {url}")
    data = json.dumps(body).encode() if body is not None else None
    method = "POST" if body is not None else "GET"
    # Scheme and host are checked above.
    req = urllib.request.Request(url, data=data, method=method)  # noqa: S310
    if data is not None:
        req.add_header("Content-Type", "application/json")
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(req, timeout=timeout) as resp:
        return json.loads(resp.read())


def wait_until(
    pred: Callable[[], bool], *, timeout: float, interval: float = 0.25, what: str = "condition"
) -> None:
    """Poll ``pred`` until it is true; TimeoutError naming ``what`` after ``timeout`` s."""
    deadline = time.monotonic() + timeout
    while True:
        with contextlib.suppress(OSError, ValueError):
            if pred():
                return
        if time.monotonic() >= deadline:
            raise TimeoutError(f"timed out after {timeout}s waiting for {what}")
        time.sleep(interval)


class AgentAPIProcess:
    """The ``agentapi_pty.py server`` stand-in, started as a child of the test.

    ``args`` are the program and its arguments (``["codex", "say hello"]``).
    """

    def __init__(
        self,
        args: list[str],
        *,
        env: Mapping[str, str],
        cwd: Path,
        log_path: Path,
        port: int | None = None,
        width: int = 67,
        height: int = 1190,
        agent_type: str = "codex",
    ) -> None:
        self.port = port or free_port()
        self.cwd = cwd
        self.log_path = log_path
        self.command = [
            sys.executable,
            str(AGENTAPI_PTY),
            "server",
            "--type",
            agent_type,
            "--port",
            str(self.port),
            "--term-width",
            str(width),
            "--term-height",
            str(height),
            "--",
            *args,
        ]
        self.env = dict(env)
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> AgentAPIProcess:
        log = self.log_path.open("ab")
        try:
            self.proc = subprocess.Popen(
                self.command,
                env=self.env,
                cwd=str(self.cwd),
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                # Its own process group, so the test can end it and everything it left
                # behind in the group without touching anything else.
                start_new_session=True,
            )
        finally:
            log.close()
        wait_until(self._answers, timeout=30, what=f"agentapi stand-in on port {self.port}")
        return self

    def _answers(self) -> bool:
        if self.proc is not None and self.proc.poll() is not None:
            raise RuntimeError(
                f"agentapi stand-in exited with {self.proc.returncode}: {self.log()}"
            )
        http_json(self.url + "/status", timeout=2)
        return True

    def log(self) -> str:
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")[-6000:]
        except OSError:
            return ""

    def status(self) -> str:
        return str(http_json(self.url + "/status")["status"])

    def messages(self) -> list[dict[str, Any]]:
        return list(http_json(self.url + "/messages")["messages"])

    def screen(self) -> str:
        """The raw screen (stand-in extra endpoint), for diagnostics."""
        return str(http_json(self.url + "/internal/screen-text")["screen"])

    def send(self, content: str, kind: str = "user", timeout: float = 60) -> Any:
        return http_json(self.url + "/message", {"content": content, "type": kind}, timeout=timeout)

    def wait_stable(self, timeout: float = 60) -> None:
        wait_until(lambda: self.status() == "stable", timeout=timeout, what="/status stable")

    def wait_for_text(self, text: str, timeout: float = 60) -> list[dict[str, Any]]:
        """Wait until an agent message in /messages contains ``text``; returns the messages."""
        found: list[list[dict[str, Any]]] = []

        def seen() -> bool:
            msgs = self.messages()
            if any(m["role"] == "agent" and text in m["content"] for m in msgs):
                found.append(msgs)
                return True
            return False

        try:
            wait_until(seen, timeout=timeout, what=f"{text!r} in /messages")
        except TimeoutError as exc:
            raise TimeoutError(f"{exc}\n--- screen ---\n{self._screen_or_log()}") from None
        return found[-1]

    def _screen_or_log(self) -> str:
        try:
            return self.screen()
        except (OSError, ValueError):
            return self.log()

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    def terminate(self, timeout: float = 20) -> int:
        """SIGTERM the stand-in (as the stop script does) and wait for it, bounded."""
        assert self.proc is not None
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill_group()
            return self.proc.wait(timeout=10)

    def kill_group(self) -> None:
        """Last resort: SIGKILL the stand-in's process group (only what the test started)."""
        if self.proc is None:
            return
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.proc.pid, signal.SIGKILL)


@dataclass(frozen=True)
class Proc:
    pid: int
    ppid: int
    pgid: int
    sid: int
    cmdline: str


def process_table() -> list[Proc]:
    """Every process we can see, from /proc."""
    out: list[Proc] = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmd = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        # Fields after the parenthesised comm: state ppid pgrp session ...
        fields = stat[stat.rfind(")") + 2 :].split()
        if fields[0] == "Z":  # zombies are dead for our purposes
            continue
        out.append(
            Proc(int(entry.name), int(fields[1]), int(fields[2]), int(fields[3]), cmd.strip())
        )
    return out


def processes_mentioning(needle: str) -> list[Proc]:
    """Processes whose command line contains ``needle`` (e.g. a test's unique CODEX_HOME)."""
    return [p for p in process_table() if needle in p.cmdline]


def group_members(pgid: int) -> list[Proc]:
    """Live processes in process group ``pgid``."""
    return [p for p in process_table() if p.pgid == pgid]


def children_of(pid: int) -> list[Proc]:
    return [p for p in process_table() if p.ppid == pid]


def processes_with_env(name: str, value: str) -> list[int]:
    """Pids whose environment has ``name=value``: finds what a test's Codex started."""
    hit = f"{name}={value}".encode()
    pids: list[int] = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            env = (entry / "environ").read_bytes().split(b"\0")
        except OSError:
            continue
        if hit in env:
            pids.append(int(entry.name))
    return pids


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie is dead for our purposes.
    with contextlib.suppress(OSError):
        state = Path(f"/proc/{pid}/stat").read_text()
        return state[state.rfind(")") + 2] != "Z"
    return True


def kill_pids(pids: list[int]) -> None:
    """SIGKILL pids the test itself caused (found by its unique env), one by one."""
    for pid in pids:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(pid, signal.SIGKILL)


@contextlib.contextmanager
def cleanup_env_processes(name: str, value: str) -> Iterator[None]:
    """On exit, kill any process still carrying ``name=value`` in its environment."""
    try:
        yield
    finally:
        kill_pids([p for p in processes_with_env(name, value) if p != os.getpid()])
