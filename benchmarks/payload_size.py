"""Payload size: bytes of each coder_script body, which the Coder agent fetches on every
start, for the default arguments and for a large configuration.

    python -m benchmarks.payload_size
"""

from __future__ import annotations

from codex_component import CodexArgs
from codex_component.render import render_body
from codex_component.workspace_args import shutdown_args, start_args

GOAL_BYTES = 24 * 1024

LARGE = {
    "base_config_toml": "".join(f'[profiles_doc_{i}]\nnote = "{"x" * 60}"\n' for i in range(40)),
    "additional_mcp_servers": "".join(
        f'[mcp_servers.server{i}]\ncommand = "npx"\nargs = ["-y", "@org/mcp-{i}"]\n'
        for i in range(20)
    ),
    "codex_system_prompt": "Follow the team's conventions. " * 100,
    "pre_install_script": "sudo apt-get install -y ripgrep jq\n" * 20,
    "post_install_script": "git config --global pull.rebase true\n" * 20,
}


def body_sizes(**overrides: object) -> dict[str, int]:
    args = CodexArgs(agent_id="agent-1", workdir="/home/coder/project", **overrides)
    start = render_body(
        "start.sh",
        start_args(
            args,
            ai_prompt="Fix the failing tests in the payment module.",
            access_url="https://coder.example.com",
            owner="alice",
            workspace="dev",
            agent_id="agent-1",
        ),
    )
    stop = render_body("shutdown.sh", shutdown_args(args, task_id="task-1"))
    return {"start": len(start.encode()), "shutdown": len(stop.encode())}


def measure() -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for label, overrides in (("default arguments", {}), ("large configuration", LARGE)):
        for script, size in body_sizes(**overrides).items():
            rows.append({"configuration": label, "script": script, "bytes": size})
    return rows


def main() -> None:
    for row in measure():
        size = int(str(row["bytes"]))
        verdict = "under" if size < GOAL_BYTES else "OVER"
        print(
            f"{row['configuration']:<20} {row['script']:<9} {size:7,d} bytes "
            f"({verdict} the {GOAL_BYTES:,d}-byte goal)"
        )


if __name__ == "__main__":
    main()
