"""Workspace start and restart, timed in a temporary HOME with the test stand-ins.

The stand-in npm takes ``--npm-delay`` seconds to install Codex and each AgentAPI download
takes ``--download-delay`` seconds, like real ones on a good connection. For each scenario
it reports the time from the start of the script to AgentAPI's first healthy answer (polled
from outside every 10 ms) and to the script's exit, and the number of npm installs and
AgentAPI downloads:

- first start: a new HOME, pinned versions;
- restart, pinned: stop, then start again with the same pinned versions;
- restart, latest: stop, then start again with ``codex_version=""`` and ``latest``.

    python -m benchmarks.workspace_start [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.scriptenv import ScriptEnv

PINNED: dict[str, Any] = {"codex_version": "0.58.0", "agentapi_version": "v0.12.1"}
LATEST: dict[str, Any] = {"codex_version": "", "agentapi_version": "latest"}
CURL_WRAPPER = """#!/bin/sh
# Benchmark: a release download takes as long as a real one would.
case "$*" in *github.com/coder/agentapi*) sleep "$BENCH_DOWNLOAD_DELAY" ;; esac
exec "$STANDIN_DIR/curl" "$@"
"""


@dataclass
class Sample:
    healthy: float
    exit: float
    npm_installs: int
    downloads: int


def _first_healthy(port: int, started: float, done: threading.Event, out: list[float]) -> None:
    url = f"http://127.0.0.1:{port}/status"
    while not done.is_set():
        try:
            with urllib.request.urlopen(url, timeout=0.5) as response:
                if response.status == 200:
                    out.append(time.monotonic() - started)
                    return
        except OSError:
            pass
        time.sleep(0.01)


def _counts(ws: ScriptEnv) -> tuple[int, int]:
    installs = sum(1 for r in ws.records("npm", "call") if "install" in r["argv"])
    return installs, len(ws.records("curl", "download"))


def _timed_start(ws: ScriptEnv, env: dict[str, str], args: dict[str, Any]) -> Sample:
    before = _counts(ws)
    done = threading.Event()
    healthy: list[float] = []
    started = time.monotonic()
    poller = threading.Thread(target=_first_healthy, args=(ws.port, started, done, healthy))
    poller.start()
    result = ws.start(env=env, **args)
    done.set()
    poller.join()
    if result.returncode != 0:
        raise RuntimeError(f"start failed:\n{result.output}")
    after = _counts(ws)
    return Sample(
        healthy=healthy[0] if healthy else float("nan"),
        exit=result.seconds,
        npm_installs=after[0] - before[0],
        downloads=after[1] - before[1],
    )


def _workspace(
    root: Path, npm_delay: float, download_delay: float
) -> tuple[ScriptEnv, dict[str, str]]:
    ws = ScriptEnv(root)
    wrappers = root / "bench-bin"
    wrappers.mkdir()
    curl = wrappers / "curl"
    curl.write_text(CURL_WRAPPER)
    curl.chmod(0o755)
    env = {
        "PATH": f"{wrappers}:{ws.env['PATH']}",
        "STANDIN_NPM_DELAY": str(npm_delay),
        "BENCH_DOWNLOAD_DELAY": str(download_delay),
    }
    return ws, env


def measure(runs: int, npm_delay: float, download_delay: float) -> dict[str, list[Sample]]:
    samples: dict[str, list[Sample]] = {
        "first start": [],
        "restart, pinned": [],
        "restart, latest": [],
    }
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="codex-bench-") as tmp:
            ws, env = _workspace(Path(tmp), npm_delay, download_delay)
            with ws:
                samples["first start"].append(_timed_start(ws, env, PINNED))
                ws.shutdown()
                samples["restart, pinned"].append(_timed_start(ws, env, PINNED))
                ws.shutdown()
                samples["restart, latest"].append(_timed_start(ws, env, LATEST))
                ws.shutdown()
    return samples


def summarize(samples: list[Sample]) -> dict[str, float]:
    healthy = [s.healthy for s in samples]
    exits = [s.exit for s in samples]
    return {
        "healthy_median": statistics.median(healthy),
        "healthy_spread": max(healthy) - min(healthy),
        "exit_median": statistics.median(exits),
        "exit_spread": max(exits) - min(exits),
        "after_healthy_median": statistics.median(s.exit - s.healthy for s in samples),
        "npm_installs": statistics.mean(s.npm_installs for s in samples),
        "downloads": statistics.mean(s.downloads for s in samples),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--npm-delay", type=float, default=5.0)
    parser.add_argument("--download-delay", type=float, default=1.0)
    options = parser.parse_args()
    for name, rows in measure(options.runs, options.npm_delay, options.download_delay).items():
        s = summarize(rows)
        print(
            f"{name:<16} healthy {s['healthy_median']:.2f}s (±{s['healthy_spread']:.2f}) "
            f"exit {s['exit_median']:.2f}s (±{s['exit_spread']:.2f}) "
            f"exit-after-healthy {s['after_healthy_median']:.2f}s "
            f"npm installs {s['npm_installs']:.0f} downloads {s['downloads']:.0f}"
        )


if __name__ == "__main__":
    main()
