"""The values the workspace scripts read from their ``*.args`` files.

Pure functions of the validated arguments and the data the component reads from Coder, so
that what reaches the workspace can be tested without running anything.
"""

from __future__ import annotations

from typing import Final

from codex_component.args import DEFAULT_AGENTAPI_PORT, CodexArgs
from codex_component.config_toml import (
    DEFAULT_STATUS_SLUG,
    PROFILE_NAME,
    compose_module_config,
)
from codex_component.render import DEFAULT_MODULE_DIR_NAME

DEFAULT_CODEX_HOME_NAME: Final = ".codex"
TASK_LEAD_IN: Final = "Your task:"
REPORT_INSTRUCTIONS: Final = (
    "Complete the task below in one go. As you work, report your progress with the "
    "coder_report_task tool: what you are doing, and when you are done or blocked."
)


def task_prompt(ai_prompt: str, *, report_tasks: bool) -> str:
    """The prompt Codex starts with; empty when there is no task. The user's text follows
    the lead-in verbatim."""
    if not ai_prompt:
        return ""
    lead = f"{REPORT_INSTRUCTIONS}\n\n{TASK_LEAD_IN}\n" if report_tasks else f"{TASK_LEAD_IN}\n"
    return lead + ai_prompt


def module_dir_name(port: int) -> str:
    """The instance's module folder under HOME. An instance is identified by its AgentAPI
    port (two AgentAPIs in one workspace need different ports anyway): the default port
    keeps the spec's ``~/.codex-module``; any other port gets ``~/.codex-module-<port>``,
    so that two instances never overwrite each other's scripts, logs or state."""
    return (
        DEFAULT_MODULE_DIR_NAME
        if port == DEFAULT_AGENTAPI_PORT
        else f"{DEFAULT_MODULE_DIR_NAME}-{port}"
    )


def codex_home_name(port: int) -> str:
    """The instance's Codex home (``CODEX_HOME``) under HOME: ``~/.codex`` for the default
    port, ``~/.codex-<port>`` otherwise (each instance owns its config.toml, AGENTS.md,
    auth.json and sessions; one shared config.toml cannot hold two [mcp_servers.Coder])."""
    return (
        DEFAULT_CODEX_HOME_NAME
        if port == DEFAULT_AGENTAPI_PORT
        else f"{DEFAULT_CODEX_HOME_NAME}-{port}"
    )


def chat_base_path(
    *, owner: str, workspace: str, agent_id: str, app_slug: str = DEFAULT_STATUS_SLUG
) -> str:
    """Where Coder serves the web app (slug ``app_slug``) when it has no subdomain; AgentAPI
    must know it."""
    return f"/@{owner}/{workspace}.{agent_id}/apps/{app_slug}/chat"


def _flag(value: bool) -> str:
    return "true" if value else "false"


def start_args(
    args: CodexArgs,
    *,
    ai_prompt: str,
    access_url: str,
    owner: str,
    workspace: str,
    agent_id: str,
    app_slug: str = DEFAULT_STATUS_SLUG,
) -> dict[str, str]:
    """``app_slug`` is the web app's slug (the component derives it from its name)."""
    base_path = (
        ""
        if args.subdomain
        else chat_base_path(owner=owner, workspace=workspace, agent_id=agent_id, app_slug=app_slug)
    )
    config = compose_module_config(args, access_url, status_slug=app_slug)
    return {
        "ARG_WORKDIR": args.workdir,
        "ARG_CODEX_HOME": codex_home_name(args.agentapi_port),
        "ARG_INSTALL_CODEX": _flag(args.install_codex),
        "ARG_CODEX_VERSION": args.codex_version,
        "ARG_CODEX_MODEL": args.codex_model,
        "ARG_ENABLE_AIBRIDGE": _flag(args.enable_aibridge),
        "ARG_REPORT_TASKS": _flag(args.report_tasks),
        "ARG_CONTINUE": _flag(args.continue_session),
        "ARG_TASK_PROMPT": task_prompt(ai_prompt, report_tasks=args.report_tasks),
        "ARG_CODEX_PROFILE_NAME": PROFILE_NAME,
        "ARG_CODEX_PROFILE": config.profile,
        "ARG_CODEX_PROFILE_COMPAT": config.profile_compat,
        "ARG_CODEX_BLOCK": config.block,
        "ARG_CODEX_OVERRIDES": config.overrides,
        "ARG_CODEX_RUN_MODEL": config.model,
        "ARG_CODEX_SANDBOX_MODE": config.sandbox_mode,
        "ARG_SYSTEM_PROMPT": args.codex_system_prompt,
        "ARG_PRE_INSTALL_SCRIPT": args.pre_install_script or "",
        "ARG_POST_INSTALL_SCRIPT": args.post_install_script or "",
        "ARG_INSTALL_AGENTAPI": _flag(args.install_agentapi),
        "ARG_AGENTAPI_VERSION": args.agentapi_version,
        "ARG_AGENTAPI_PORT": str(args.agentapi_port),
        "ARG_CHAT_BASE_PATH": base_path,
        "ARG_ENABLE_STATE_PERSISTENCE": _flag(args.enable_state_persistence),
    }


def shutdown_args(args: CodexArgs, *, task_id: str, task_enabled: bool = True) -> dict[str, str]:
    """``task_enabled`` is ``coder_task``'s ``enabled``: the workspace runs a Coder Task.
    Outside Tasks (and on a Coder without them) ``coder_task`` still returns an id, and the
    log-snapshot endpoint may not exist, so the snapshot is only taken for an enabled task."""
    return {
        "ARG_AGENTAPI_PORT": str(args.agentapi_port),
        "ARG_TASK_ID": task_id,
        "ARG_TASK_ENABLED": _flag(task_enabled),
        "ARG_ENABLE_STATE_PERSISTENCE": _flag(args.enable_state_persistence),
    }
