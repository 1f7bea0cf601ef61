"""Workspace script bodies as the component renders them, under Pulumi's mocks.

The script tests run exactly what `pulumi up` would put into the two ``coder_script``
resources: ``Codex`` is built with the given arguments against the Coder data of
``tests.pulumi_harness`` and the bodies are read from the registered resources.
"""

from __future__ import annotations

from typing import Any

import pulumi

from codex_component import Codex, CodexArgs
from tests.pulumi_harness import TASK, CoderMocks, plain, run

AGENT_ID = "agent-1"
GET_TASK = "coder:index/getTask:getTask"


def register(
    *, task_id: str = "", task_enabled: bool | None = None, **codex_args: Any
) -> CoderMocks:
    """Build ``Codex(CodexArgs(agent_id=AGENT_ID, **codex_args))`` under fresh mocks, in a
    workspace whose Coder task has ``task_id`` ("" = no task) and ``enabled`` (default: a
    task with an id runs); what it registered."""
    mocks = CoderMocks()
    enabled = bool(task_id) if task_enabled is None else task_enabled
    mocks.data[GET_TASK] = {**TASK, "id": task_id, "enabled": enabled}
    pulumi.runtime.settings.reset_options(project="project", stack="stack", preview=False)
    pulumi.runtime.set_mocks(mocks, project="project", stack="stack", preview=False)
    try:
        run(lambda: Codex("codex", CodexArgs(agent_id=AGENT_ID, **codex_args)))
    finally:
        pulumi.runtime.settings.reset_options()
    return mocks


def render_scripts(
    *, task_id: str = "", task_enabled: bool | None = None, **codex_args: Any
) -> dict[str, str]:
    """``{"start.sh": body, "shutdown.sh": body}`` as the component renders them."""
    mocks = register(task_id=task_id, task_enabled=task_enabled, **codex_args)
    return {
        "start.sh": plain(mocks.named("codex-start").inputs["script"]),
        "shutdown.sh": plain(mocks.named("codex-shutdown").inputs["script"]),
    }
