"""Run the workspace scripts for real, in a throw-away workspace (spec 10).

:class:`ScriptEnv` makes a temporary HOME, a PATH whose first folder holds the stand-ins of
``tests/standins`` (then ``CODER_SCRIPT_BIN_DIR``, then the system's folders, optionally
with some programs hidden), the environment the Coder agent gives a ``coder_script`` (with
``CODER_AGENT_URL`` pointing at an in-process Coder API stand-in), and a free loopback port
for AgentAPI. It renders a script body, runs it with a time limit, and afterwards ends
every process the test started, by process group: the ones named in the module's pid files
and the stand-ins' records, and any other process carrying this environment's marker
variable. Nothing is ever killed by name, and nothing outside the test is touched.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import time
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

from codex_component.render import render_body
from codex_component.workspace_args import codex_home_name, module_dir_name
from tests.rendering import render_scripts
from tests.standins.coder_api import CoderApi

STANDIN_DIR = Path(__file__).resolve().parent / "standins"
AGENT_TOKEN = "agent-token-1234"
DEFAULT_SYSTEM_PROMPT = (
    "You are a helpful coding assistant. Start every response with `Codex says:`"
)
CHAT_BASE_PATH = "/@alice/dev-box.agent-1/apps/codex/chat"
# What the stand-ins are asked to report unless a test says otherwise.
STANDIN_CODEX_LATEST = "0.169.0"


def free_port() -> int:
    """A loopback port that is free now (the kernel hands out each one in turn)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def ok(result: Result) -> None:
    """The script succeeded; otherwise fail with its output."""
    assert result.returncode == 0, result.output


@dataclass(frozen=True)
class Result:
    returncode: int
    stdout: str
    stderr: str
    seconds: float

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


class ScriptEnv:
    """A temporary workspace to run the module's scripts in. Use as a context manager."""

    def __init__(
        self,
        root: Path,
        *,
        provide: Iterable[str] = ("npm", "curl", "coder"),
        hide: Iterable[str] = (),
    ) -> None:
        self.id = uuid.uuid4().hex
        self.root = root
        self.home = root / "home"
        self.workdir = self.home / 'my project\'s "src"'
        self.log_dir = root / "standin-log"
        self.standin_bin = root / "standin-bin"
        self.script_bin = root / "coder-script-bin"
        self.data_dir = root / "coder-script-data"
        for folder in (self.home, self.log_dir, self.standin_bin, self.script_bin, self.data_dir):
            folder.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        # The instance's folders, as the component names them for this port.
        self.module_dir = self.home / module_dir_name(self.port)
        self.codex_dir = self.home / codex_home_name(self.port)
        self.coder_api = CoderApi()
        for name in provide:
            self.provide(name)
        self.env: dict[str, str] = {
            "HOME": str(self.home),
            "USER": "coder",
            "PATH": self.path_hiding(*hide),
            "LANG": "C.UTF-8",
            "CODER_AGENT_URL": self.coder_api.url + "/",
            "CODER_AGENT_TOKEN": AGENT_TOKEN,
            "CODER_SCRIPT_BIN_DIR": str(self.script_bin),
            "CODER_SCRIPT_DATA_DIR": str(self.data_dir),
            "STANDIN_DIR": str(STANDIN_DIR),
            "STANDIN_LOG_DIR": str(self.log_dir),
            "STANDIN_MAX_SECONDS": "90",
            "SCRIPTENV_ID": self.id,
        }

    # -- set-up ---------------------------------------------------------------------------

    def provide(self, name: str) -> None:
        """Put the stand-in ``name`` on PATH from the start."""
        link = self.standin_bin / name
        if not link.exists():
            link.symlink_to(STANDIN_DIR / name)

    def path_hiding(self, *hide: str) -> str:
        """PATH as the agent sets it: stand-ins, CODER_SCRIPT_BIN_DIR, then the system's
        folders, or a copy of them (symlinks) without the programs named in ``hide``."""
        system = "/usr/bin:/bin"
        if hide:
            masked = self.root / ("system-bin-without-" + "-".join(sorted(hide)))
            masked.mkdir(exist_ok=True)
            for folder in ("/usr/bin", "/bin"):
                for entry in os.scandir(folder):
                    target = masked / entry.name
                    if entry.name not in hide and not target.is_symlink():
                        target.symlink_to(os.path.join(folder, entry.name))
            system = str(masked)
        return ":".join([str(self.standin_bin), str(self.script_bin), system])

    def render(
        self, *, task_id: str = "", task_enabled: bool | None = None, **overrides: Any
    ) -> dict[str, str]:
        """Both bodies, rendered through the component with ``CodexArgs`` names; this
        workspace's workdir and port unless overridden."""
        args: dict[str, Any] = {"workdir": str(self.workdir), "agentapi_port": self.port}
        args.update(overrides)
        return render_scripts(task_id=task_id, task_enabled=task_enabled, **args)

    # -- running --------------------------------------------------------------------------

    def run(
        self,
        entry: str,
        args: Mapping[str, str],
        *,
        env: Mapping[str, str] | None = None,
        timeout: float = 60,
        interpreter: str = "bash",
    ) -> Result:
        """Render ``entry`` with ``args`` and run the body like the Coder agent does: with
        ``interpreter``, from HOME, output captured. Fails the test when it outlives
        ``timeout``."""
        body = render_body(entry, args, module_dir_name=self.module_dir.name)
        return self.run_body(entry, body, env=env, timeout=timeout, interpreter=interpreter)

    def run_body(
        self,
        entry: str,
        body: str,
        *,
        env: Mapping[str, str] | None = None,
        timeout: float = 60,
        interpreter: str = "bash",
    ) -> Result:
        """Run a rendered body like the Coder agent does."""
        script = self.root / f"{entry}.body"
        script.write_text(body)
        started = time.monotonic()
        process = subprocess.Popen(
            [interpreter, str(script)],
            cwd=self.home,
            env={**self.env, **(env or {})},
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
        try:
            stdout, stderr = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            self._signal_group(process.pid, signal.SIGKILL)
            stdout, stderr = process.communicate(timeout=10)
            raise AssertionError(
                f"{entry} ran longer than {timeout}s\n--- stdout\n{stdout.decode()}"
                f"\n--- stderr\n{stderr.decode()}"
            ) from None
        return Result(
            process.returncode,
            stdout.decode("utf-8", "replace"),
            stderr.decode("utf-8", "replace"),
            time.monotonic() - started,
        )

    def start(self, *, env: Mapping[str, str] | None = None, **overrides: Any) -> Result:
        """Run the start script the component renders for ``CodexArgs(**overrides)``."""
        return self.run_body("start.sh", self.render(**overrides)["start.sh"], env=env)

    def shutdown(
        self,
        *,
        env: Mapping[str, str] | None = None,
        task_id: str = "",
        task_enabled: bool | None = None,
        **overrides: Any,
    ) -> Result:
        """Run the shutdown script the component renders, in a workspace whose Coder task
        has ``task_id`` and ``enabled`` (default: a task with an id runs)."""
        body = self.render(task_id=task_id, task_enabled=task_enabled, **overrides)["shutdown.sh"]
        return self.run_body("shutdown.sh", body, env=env)

    # -- looking ----------------------------------------------------------------------------

    def records(self, name: str, event: str | None = None) -> list[dict[str, Any]]:
        path = self.log_dir / f"{name}.jsonl"
        if not path.exists():
            return []
        # Split on "\n" only: a record may hold U+0085 or U+2028, which splitlines() splits on.
        lines = path.read_bytes().decode("utf-8").split("\n")
        entries = [json.loads(line) for line in lines if line]
        return [e for e in entries if event is None or e["event"] == event]

    def wait_until(self, predicate: Callable[[], object], what: str, timeout: float = 15) -> None:
        deadline = time.monotonic() + timeout
        while not predicate():
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out after {timeout}s waiting for {what}")
            time.sleep(0.05)

    def capture_log(self) -> str:
        path = self.module_dir / "session-capture.log"
        return path.read_text() if path.exists() else ""

    def wait_for_capture(self, timeout: float = 20) -> str:
        """Wait until the background session capture has finished; its log."""
        self.wait_until(
            lambda: (
                "Recorded Codex session" in self.capture_log()
                or "nothing to record" in self.capture_log()
            ),
            "the session capture to finish",
            timeout,
        )
        return self.capture_log()

    def agentapi_pid(self) -> int:
        return int((self.module_dir / "agentapi.pid").read_text().strip())

    def tracking_lines(self) -> list[str]:
        path = self.module_dir / ".codex-task-session"
        if not path.exists():
            return []
        return [line for line in path.read_bytes().decode("utf-8").split("\n") if line]

    # -- processes ----------------------------------------------------------------------------

    def is_ours(self, pid: int) -> bool:
        """The process carries this environment's marker variable (and is not a zombie)."""
        try:
            environ = Path(f"/proc/{pid}/environ").read_bytes()
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            return False
        if stat.rsplit(")", 1)[-1].split()[0] == "Z":
            return False
        return f"SCRIPTENV_ID={self.id}".encode() in environ.split(b"\0")

    def _marked_pids(self) -> set[int]:
        pids = set()
        for entry in os.scandir("/proc"):
            if entry.name.isdigit() and self.is_ours(int(entry.name)):
                pids.add(int(entry.name))
        return pids

    def _signal_group(self, pid: int, sig: signal.Signals) -> None:
        try:
            pgid = os.getpgid(pid)
            if pgid == os.getpgrp():
                os.kill(pid, sig)
            else:
                os.killpg(pgid, sig)
        except ProcessLookupError:
            pass

    def stop_processes(self) -> None:
        """End every process this environment started, by process group."""
        pids: set[int] = set()
        for name in ("agentapi.pid", "session-capture.pid"):
            with contextlib.suppress(OSError, ValueError):
                pids.add(int((self.module_dir / name).read_text().strip()))
        for name in ("agentapi", "codex", "coder"):
            pids.update(int(r["pid"]) for r in self.records(name))
        pids.update(self._marked_pids())
        for sig in (signal.SIGTERM, signal.SIGKILL):
            live = [pid for pid in pids if self.is_ours(pid)]
            for pid in live:
                self._signal_group(pid, sig)
            deadline = time.monotonic() + 3
            while live and time.monotonic() < deadline:
                time.sleep(0.02)
                live = [pid for pid in live if self.is_ours(pid)]
            if not live:
                return
        pids = self._marked_pids()
        if pids:
            raise AssertionError(f"processes {sorted(pids)} of the test survived SIGKILL")

    def close(self) -> None:
        try:
            self.stop_processes()
        finally:
            self.coder_api.close()

    def __enter__(self) -> ScriptEnv:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
