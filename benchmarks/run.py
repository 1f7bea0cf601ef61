"""All benchmarks in one table: workspace start and restart, preview cost, payload size.

    python -m benchmarks.run [--runs 5] [--repeat 5] [--real-npm]

Run from the repository root with the development requirements installed. Timings depend
on the machine; the README shows a recent table from a 2-core machine. Every row shows its
own goal and whether it was met; a missed goal is marked MISSED. ``--real-npm`` adds a
first start and a restart that install the real ``@openai/codex`` from the npm registry
(network needed), in a table of their own.
"""

from __future__ import annotations

import argparse
import os
import platform
import time

from rich.console import Console
from rich.table import Table

from benchmarks import payload_size, preview_cost, workspace_start

MET = "met"
MISSED = "[bold red]MISSED[/]"
PREVIEW_RATIO_GOAL = 1.5


def _verdict(ok: bool) -> str:
    return MET if ok else MISSED


def _start_result(s: dict[str, float]) -> str:
    return (
        f"healthy {s['healthy_median']:.2f} s ±{s['healthy_spread']:.2f}\n"
        f"exit {s['exit_median']:.2f} s ±{s['exit_spread']:.2f}\n"
        f"exit after healthy {s['after_healthy_median']:.2f} s\n"
        f"npm installs {s['npm_installs']:.0f}, downloads {s['downloads']:.0f}, "
        f"lookups {s['lookups']:.0f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="workspace starts per scenario")
    parser.add_argument("--repeat", type=int, default=5, help="preview runs per size")
    parser.add_argument("--npm-delay", type=float, default=5.0)
    parser.add_argument("--download-delay", type=float, default=1.0)
    parser.add_argument("--lookup-delay", type=float, default=0.3)
    parser.add_argument("--real-npm", action="store_true", help="also use the real npm registry")
    options = parser.parse_args()
    began = time.monotonic()
    delays = workspace_start.Delays(options.npm_delay, options.download_delay, options.lookup_delay)

    table = Table(title=f"codex_component benchmarks ({platform.machine()}, {_cores()} cores)")
    for column in ("benchmark", "case", "result", "goal", "goal met"):
        table.add_column(column, justify="right" if column == "result" else "left")

    lookups = workspace_start.measure_lookups(options.runs, delays)
    starts = workspace_start.measure(options.runs, delays)
    made = workspace_start.summarize(starts["restart, latest, nothing new"])["lookups"]
    table.add_row(
        "registry lookups",
        f"'latest' restart (median of {options.runs} each)",
        "\n".join(f"{name} {seconds:.2f} s" for name, seconds in lookups.items())
        + f"\n{made:.0f} lookups per restart",
        f"one bounded request per program (2); {options.lookup_delay} s simulated latency "
        "each, counted in the 'latest' goal",
        _verdict(made == 2),
    )
    for name, samples in starts.items():
        s = workspace_start.summarize(samples)
        text, _, _ = workspace_start.goal(name, delays, lookups)
        table.add_row(
            "workspace start",
            f"{name} (median of {len(samples)})",
            _start_result(s),
            f"{text}; exit ≤ 0.3 s after healthy",
            _verdict(workspace_start.met(name, s, delays, lookups)),
        )
    for row in preview_cost.measure(options.repeat):
        table.add_row(
            "preview cost",
            f"{row['components']} components",
            f"{row['ms_per_component']:.2f} ms each, ratio {row['ratio']:.2f}",
            f"ratio to raw resources ≤ {PREVIEW_RATIO_GOAL}",
            _verdict(row["ratio"] <= PREVIEW_RATIO_GOAL),
        )
    for payload in payload_size.measure():
        size = int(str(payload["bytes"]))
        default = payload["configuration"] == "default arguments"
        table.add_row(
            "payload size",
            f"{payload['configuration']}, {payload['script']}",
            f"{size:,d} bytes",
            f"< {payload_size.GOAL_BYTES:,d} bytes" if default else "reported, no goal",
            _verdict(size < payload_size.GOAL_BYTES) if default else "-",
        )
    console = Console(width=160)
    console.print(table)
    console.print(
        f"npm install delay {options.npm_delay} s, download delay {options.download_delay} s, "
        f"lookup delay {options.lookup_delay} s; took {time.monotonic() - began:.0f} s"
    )
    if options.real_npm:
        _real_npm(console)


def _real_npm(console: Console) -> None:
    reason = workspace_start.real_npm_available()
    if reason:
        console.print(f"real npm: skipped ({reason})")
        return
    real, view = workspace_start.measure_real_npm()
    table = Table(title="with the real npm registry and @openai/codex (AgentAPI: stand-in)")
    for column in ("case", "result"):
        table.add_column(column)
    table.add_row("npm view @openai/codex@latest version", f"{view:.2f} s")
    for name, samples in real.items():
        table.add_row(name, _start_result(workspace_start.summarize(samples)))
    console.print(table)


def _cores() -> int:
    return os.cpu_count() or 1


if __name__ == "__main__":
    main()
