"""Preview cost: evaluating programs with 1, 10 and 100 Codex components under Pulumi's mock
engine, against a baseline program that registers the same raw Coder resources without the
component (same mocks, same process). Prints milliseconds per component and the ratio.

    python -m benchmarks.preview_cost [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

import pulumi
import pulumi_coder as coder
from pulumi.runtime.mocks import MockCallArgs, MockResourceArgs, Mocks
from pulumi.runtime.stack import run_pulumi_func
from pulumi.runtime.sync_await import _sync_await

from codex_component import Codex, CodexArgs
from codex_component.render import render_body
from codex_component.workspace_args import shutdown_args, start_args

SIZES = (1, 10, 100)
DATA: dict[str, dict[str, object]] = {
    "coder:index/getWorkspace:getWorkspace": {"name": "ws", "accessUrl": "https://c.example"},
    "coder:index/getWorkspaceOwner:getWorkspaceOwner": {"name": "o", "sessionToken": "t"},
    "coder:index/getTask:getTask": {"id": "", "prompt": "", "enabled": False},
}


class _Mocks(Mocks):
    def new_resource(self, args: MockResourceArgs) -> tuple[str, dict[str, object]]:
        return f"{args.name}-id", dict(args.inputs)

    def call(self, args: MockCallArgs) -> dict[str, object]:  # type: ignore[override]
        return dict(DATA.get(args.token, {}))


def _args(i: int) -> CodexArgs:
    return CodexArgs(
        agent_id=f"agent-{i}",
        workdir=f"/home/coder/project-{i}",
        openai_api_key="sk-bench",
        agentapi_port=3284 + i,
    )


def component_program(count: int) -> None:
    for i in range(count):
        Codex(f"codex-{i}", _args(i))


def _start_renderer(args: CodexArgs) -> Callable[[list[str]], str]:
    def render(values: list[str]) -> str:
        access_url, workspace, owner = values
        return render_body(
            "start.sh",
            start_args(
                args,
                ai_prompt="",
                access_url=access_url,
                workspace=workspace,
                owner=owner,
                agent_id=str(args.agent_id),
            ),
        )

    return render


def _stop_renderer(args: CodexArgs) -> Callable[[str | None], str]:
    def render(task_id: str | None) -> str:
        return render_body("shutdown.sh", shutdown_args(args, task_id=task_id or ""))

    return render


def raw_program(count: int) -> None:
    """What the component registers, written out by hand: the same resources, invokes and
    rendered script bodies, without the component resource around them."""
    for i in range(count):
        args = _args(i)
        name = f"codex-{i}"
        workspace = coder.get_workspace_output()
        owner = coder.get_workspace_owner_output()
        task = coder.get_task_output()
        coder.Env(
            f"{name}-openai-api-key",
            agent_id=args.agent_id,
            name="OPENAI_API_KEY",
            value=pulumi.Output.secret(args.openai_api_key),
        )
        start = pulumi.Output.all(workspace.access_url, workspace.name, owner.name).apply(
            _start_renderer(args)
        )
        stop = task.id.apply(_stop_renderer(args))
        coder.Script(f"{name}-start", agent_id=args.agent_id, display_name="s", script=start)
        coder.Script(f"{name}-shutdown", agent_id=args.agent_id, display_name="s", script=stop)
        coder.App(f"{name}-web", agent_id=args.agent_id, slug="codex", url="http://localhost/")


def time_program(program: Callable[[int], None], count: int) -> float:
    pulumi.runtime.settings.reset_options(project="bench", stack="bench", preview=False)
    pulumi.runtime.set_mocks(_Mocks(), project="bench", stack="bench", preview=False)
    started = time.perf_counter()
    _sync_await(run_pulumi_func(lambda: program(count)))
    return time.perf_counter() - started


def measure(repeat: int) -> list[dict[str, float]]:
    time_program(component_program, 1)  # warm caches (script files, imports)
    rows = []
    for count in SIZES:
        comp = statistics.median(time_program(component_program, count) for _ in range(repeat))
        raw = statistics.median(time_program(raw_program, count) for _ in range(repeat))
        rows.append(
            {
                "components": count,
                "component_ms": comp * 1000,
                "raw_ms": raw * 1000,
                "ms_per_component": comp * 1000 / count,
                "ratio": comp / raw,
            }
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    options = parser.parse_args()
    for row in measure(options.repeat):
        print(
            f"{row['components']:>4} components: {row['component_ms']:8.1f} ms "
            f"({row['ms_per_component']:.2f} ms each), raw resources {row['raw_ms']:8.1f} ms, "
            f"ratio {row['ratio']:.2f}"
        )


if __name__ == "__main__":
    main()
