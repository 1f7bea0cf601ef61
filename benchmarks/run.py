"""All benchmarks in one table: workspace start and restart, preview cost, payload size.

    python -m benchmarks.run [--runs 5] [--repeat 5]

Run from the repository root with the development requirements installed. Timings depend
on the machine; the README shows a recent table from a 2-core machine.
"""

from __future__ import annotations

import argparse
import os
import platform
import time

from rich.console import Console
from rich.table import Table

from benchmarks import payload_size, preview_cost, workspace_start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="workspace starts per scenario")
    parser.add_argument("--repeat", type=int, default=5, help="preview runs per size")
    parser.add_argument("--npm-delay", type=float, default=5.0)
    parser.add_argument("--download-delay", type=float, default=1.0)
    options = parser.parse_args()
    began = time.monotonic()

    table = Table(title=f"codex_component benchmarks ({platform.machine()}, {_cores()} cores)")
    table.add_column("benchmark")
    table.add_column("case")
    table.add_column("result", justify="right")
    table.add_column("goal")

    starts = workspace_start.measure(options.runs, options.npm_delay, options.download_delay)
    for name, samples in starts.items():
        s = workspace_start.summarize(samples)
        table.add_row(
            "workspace start",
            f"{name} (median of {len(samples)})",
            f"healthy {s['healthy_median']:.2f} s ±{s['healthy_spread']:.2f}\n"
            f"exit {s['exit_median']:.2f} s ±{s['exit_spread']:.2f}\n"
            f"exit after healthy {s['after_healthy_median']:.2f} s\n"
            f"npm installs {s['npm_installs']:.0f}, downloads {s['downloads']:.0f}",
            "pinned restart: 0 downloads, healthy < 1 s + AgentAPI start; "
            "exit ≤ 0.3 s after healthy",
        )
    for row in preview_cost.measure(options.repeat):
        table.add_row(
            "preview cost",
            f"{row['components']} components",
            f"{row['ms_per_component']:.2f} ms each, ratio {row['ratio']:.2f}",
            "linear; ratio to raw resources ≤ 1.5",
        )
    for payload in payload_size.measure():
        table.add_row(
            "payload size",
            f"{payload['configuration']}, {payload['script']}",
            f"{int(str(payload['bytes'])):,d} bytes",
            f"< {payload_size.GOAL_BYTES:,d} bytes (default arguments)",
        )
    console = Console(width=140)
    console.print(table)
    console.print(
        f"npm install delay {options.npm_delay} s, download delay {options.download_delay} s; "
        f"took {time.monotonic() - began:.0f} s"
    )


def _cores() -> int:
    return os.cpu_count() or 1


if __name__ == "__main__":
    main()
