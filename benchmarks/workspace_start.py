"""Workspace start and restart, timed in a temporary HOME with the test stand-ins.

The stand-in npm takes ``--npm-delay`` seconds to install Codex, each AgentAPI download
takes ``--download-delay`` seconds, and each registry lookup ("which version is latest?":
``npm view``, GitHub's release redirect) ``--lookup-delay`` seconds, like real ones on a good
connection. For each scenario it reports the time from the start of the script to AgentAPI's
first healthy answer (polled from outside every 10 ms) and to the script's exit, and the
number of npm installs, AgentAPI downloads and lookups:

- first start: a new HOME, pinned versions;
- restart, pinned: stop, then start again with the same pinned versions;
- restart, latest, nothing new: stop, then start with ``codex_version=""`` and ``latest``,
  which the registries resolve to the versions installed;
- restart, latest, new release: the same when the registries have newer versions.

``--real-npm`` adds a first start and a restart with the real ``@openai/codex`` from the
npm registry (the real npm and Node.js of this machine, into the temporary HOME's
``~/.npm-global``; AgentAPI is still the stand-in), reported separately.

    python -m benchmarks.workspace_start [--runs 5] [--real-npm]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
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
# What the stand-in registries call "latest": the pinned versions (nothing new), or newer.
NOTHING_NEW = {"STANDIN_NPM_LATEST": "0.58.0", "STANDIN_AGENTAPI_LATEST": "v0.12.1"}
NEW_RELEASE = {"STANDIN_NPM_LATEST": "0.99.0", "STANDIN_AGENTAPI_LATEST": "v0.13.0"}
CURL_WRAPPER = """#!/bin/sh
# Benchmark: a release download, or the release lookup, takes as long as a real one would.
case "$*" in
  *github.com/coder/agentapi/releases/*download*) sleep "$BENCH_DOWNLOAD_DELAY" ;;
  *github.com/coder/agentapi/releases/latest) sleep "$BENCH_LOOKUP_DELAY" ;;
esac
exec "$STANDIN_DIR/curl" "$@"
"""
SCENARIOS = (
    "first start",
    "restart, pinned",
    "restart, latest, nothing new",
    "restart, latest, new release",
)
REAL_SCENARIOS = ("real npm: first start, latest", "real npm: restart, latest")


@dataclass
class Sample:
    healthy: float
    exit: float
    npm_installs: int
    downloads: int
    lookups: int


@dataclass
class Delays:
    npm: float
    download: float
    lookup: float


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


def _counts(ws: ScriptEnv) -> tuple[int, int, int]:
    npm = [r["argv"][:1] for r in ws.records("npm", "call")]
    lookups = npm.count(["view"]) + len(ws.records("curl", "lookup"))
    return npm.count(["install"]), len(ws.records("curl", "download")), lookups


def _timed_start(
    ws: ScriptEnv, env: dict[str, str], args: dict[str, Any], timeout: float = 60
) -> Sample:
    before = _counts(ws)
    done = threading.Event()
    healthy: list[float] = []
    started = time.monotonic()
    poller = threading.Thread(target=_first_healthy, args=(ws.port, started, done, healthy))
    poller.start()
    result = ws.run_body("start.sh", ws.render(**args)["start.sh"], env=env, timeout=timeout)
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
        lookups=after[2] - before[2],
    )


def _workspace(root: Path, delays: Delays, **kwargs: Any) -> tuple[ScriptEnv, dict[str, str]]:
    ws = ScriptEnv(root, **kwargs)
    wrappers = root / "bench-bin"
    wrappers.mkdir()
    curl = wrappers / "curl"
    curl.write_text(CURL_WRAPPER)
    curl.chmod(0o755)
    env = {
        "PATH": f"{wrappers}:{ws.env['PATH']}",
        "STANDIN_NPM_DELAY": str(delays.npm),
        "STANDIN_NPM_VIEW_DELAY": str(delays.lookup),
        "BENCH_DOWNLOAD_DELAY": str(delays.download),
        "BENCH_LOOKUP_DELAY": str(delays.lookup),
    }
    return ws, env


def measure(runs: int, delays: Delays) -> dict[str, list[Sample]]:
    samples: dict[str, list[Sample]] = {name: [] for name in SCENARIOS}
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="codex-bench-") as tmp:
            ws, env = _workspace(Path(tmp), delays)
            with ws:
                samples["first start"].append(_timed_start(ws, env, PINNED))
                ws.shutdown()
                samples["restart, pinned"].append(_timed_start(ws, env, PINNED))
                ws.shutdown()
                nothing_new = {**env, **NOTHING_NEW}
                samples["restart, latest, nothing new"].append(
                    _timed_start(ws, nothing_new, LATEST)
                )
                ws.shutdown()
                samples["restart, latest, new release"].append(
                    _timed_start(ws, {**env, **NEW_RELEASE}, LATEST)
                )
                ws.shutdown()
    return samples


def _timed(command: list[str], env: dict[str, str]) -> float:
    started = time.monotonic()
    subprocess.run(command, env=env, capture_output=True, check=True, timeout=60)
    return time.monotonic() - started


def measure_lookups(runs: int, delays: Delays) -> dict[str, float]:
    """The two lookups a "latest" restart makes, each timed on its own (median)."""
    with tempfile.TemporaryDirectory(prefix="codex-bench-") as tmp:
        ws, env = _workspace(Path(tmp), delays)
        with ws:
            full = {**ws.env, **env}
            bin_dir = env["PATH"].split(":")[0]
            npm = [f"{ws.standin_bin}/npm", "view", "@openai/codex@latest", "version"]
            curl = [f"{bin_dir}/curl", "-sSI", "-m", "10", _RELEASES_LATEST]
            return {
                "npm view": statistics.median(_timed(npm, full) for _ in range(runs)),
                "release redirect": statistics.median(_timed(curl, full) for _ in range(runs)),
            }


_RELEASES_LATEST = "https://github.com/coder/agentapi/releases/latest"


def real_npm_available() -> str | None:
    """Why the real-npm case cannot run here, or None."""
    for program in ("npm", "node"):
        if not shutil.which(program):
            return f"no {program} on PATH"
    return None


def measure_real_npm() -> tuple[dict[str, list[Sample]], float]:
    """First start and restart with the real npm and registry; and one real ``npm view``."""
    samples: dict[str, list[Sample]] = {name: [] for name in REAL_SCENARIOS}
    with tempfile.TemporaryDirectory(prefix="codex-bench-real-") as tmp:
        root = Path(tmp)
        # The stand-in npm only records; the real one (on the system PATH) installs.
        ws, env = _workspace(root, Delays(0, 0, 0), provide=("curl", "coder"))
        # The machine's certificate and proxy settings, which npm needs to reach the
        # registry from here (the temporary HOME has no npm configuration of its own).
        env.update({k: v for k, v in os.environ.items() if k in _NETWORK_SETTINGS})
        with ws:
            samples[REAL_SCENARIOS[0]].append(_real_start(ws, env))
            ws.shutdown()
            samples[REAL_SCENARIOS[1]].append(_real_start(ws, env))
            ws.shutdown()
            view = _timed(["npm", "view", "@openai/codex@latest", "version"], {**ws.env, **env})
    return samples, view


_NETWORK_SETTINGS = {
    "NODE_EXTRA_CA_CERTS",
    "SSL_CERT_FILE",
    "SSL_CERT_DIR",
    "HTTPS_PROXY",
    "HTTP_PROXY",
    "NO_PROXY",
    "https_proxy",
    "http_proxy",
    "no_proxy",
}


def _real_start(ws: ScriptEnv, env: dict[str, str]) -> Sample:
    installed = ws.home / ".npm-global" / "lib" / "node_modules" / "@openai" / "codex"
    before = installed.stat().st_mtime if installed.exists() else None
    # A real install of the ~400 MB package may take minutes.
    sample = _timed_start(ws, env, LATEST, timeout=900)
    after = installed.stat().st_mtime if installed.exists() else None
    # The real npm records nothing: count an install when the package folder changed.
    sample.npm_installs = int(after is not None and after != before)
    return sample


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
        "lookups": statistics.mean(s.lookups for s in samples),
    }


def goal(name: str, delays: Delays, lookups: dict[str, float]) -> tuple[str, float | None, int]:
    """The scenario's goal: its text, the healthy bound in seconds (None: no bound) and the
    number of installs plus downloads allowed."""
    first = max(delays.npm, delays.download) + 0.5
    lookup_cost = sum(lookups.values())
    if name == "first start":
        return f"healthy ≤ max(npm, download) + 0.5 s = {first:.2f} s", first, 2
    if name == "restart, pinned":
        return "0 installs, 0 downloads, healthy ≤ 1 s", 1.0, 0
    if name == "restart, latest, nothing new":
        bound = 1.0 + lookup_cost
        return (
            f"0 installs, 0 downloads, healthy ≤ 1 s + lookups ({lookup_cost:.2f} s) = "
            f"{bound:.2f} s",
            bound,
            0,
        )
    if name == "restart, latest, new release":
        bound = first + lookup_cost
        return (
            f"installs the new releases; healthy ≤ first-start goal + lookups = {bound:.2f} s",
            bound,
            2,
        )
    return "reported, no goal", None, 2


def met(name: str, s: dict[str, float], delays: Delays, lookups: dict[str, float]) -> bool:
    _, bound, allowed = goal(name, delays, lookups)
    exit_ok = s["after_healthy_median"] <= 0.3
    work = s["npm_installs"] + s["downloads"]
    work_ok = work == allowed if allowed == 0 else work <= allowed
    return (bound is None or s["healthy_median"] <= bound) and exit_ok and work_ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--npm-delay", type=float, default=5.0)
    parser.add_argument("--download-delay", type=float, default=1.0)
    parser.add_argument("--lookup-delay", type=float, default=0.3)
    parser.add_argument("--real-npm", action="store_true")
    options = parser.parse_args()
    delays = Delays(options.npm_delay, options.download_delay, options.lookup_delay)
    lookups = measure_lookups(options.runs, delays)
    print("lookups: " + ", ".join(f"{k} {v:.2f}s" for k, v in lookups.items()))
    for name, rows in measure(options.runs, delays).items():
        s = summarize(rows)
        print(
            f"{name:<30} healthy {s['healthy_median']:.2f}s (±{s['healthy_spread']:.2f}) "
            f"exit {s['exit_median']:.2f}s exit-after-healthy {s['after_healthy_median']:.2f}s "
            f"installs {s['npm_installs']:.0f} downloads {s['downloads']:.0f} "
            f"lookups {s['lookups']:.0f} "
            f"{'met' if met(name, s, delays, lookups) else 'MISSED'}: "
            f"{goal(name, delays, lookups)[0]}"
        )
    if options.real_npm:
        reason = real_npm_available()
        if reason:
            print(f"real npm: skipped ({reason})")
            return
        real, view = measure_real_npm()
        print(f"real npm view: {view:.2f}s")
        for name, rows in real.items():
            s = summarize(rows)
            print(
                f"{name:<30} healthy {s['healthy_median']:.2f}s exit {s['exit_median']:.2f}s "
                f"installs {s['npm_installs']:.0f}"
            )


if __name__ == "__main__":
    main()
