"""``Codex``: the Pulumi component that puts Codex CLI into a Coder workspace.

It registers, as its own children, the ``coder_env``, ``coder_script`` and ``coder_app``
resources of the Terraform module ``coder-labs/codex`` and exposes ``task_app_id`` for
``coder_ai_task``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

import pulumi
import pulumi_coder as coder

from codex_component.args import (
    KEY_WITH_AIBRIDGE,
    CodexArgs,
    CodexArgsError,
    coerce_args,
    deployment_error,
    is_known_empty,
    resolved_str,
)
from codex_component.config_toml import ignored_settings
from codex_component.render import render_body
from codex_component.slugs import Instance, claim, derive_cli_app_slug, derive_web_app_slug
from codex_component.workspace_args import module_dir_name, shutdown_args, start_args

TYPE_TOKEN: Final = "codex-component:index:Codex"  # noqa: S105 (a type token)
HEALTHCHECK_INTERVAL: Final = 3
HEALTHCHECK_THRESHOLD: Final = 20


def cli_app_command(port: int) -> str:
    # AgentAPI's terminal view needs a UTF-8 locale to draw Codex's interface.
    return f"LANG=en_US.UTF-8 LC_ALL=en_US.UTF-8 agentapi attach --url localhost:{port}"


def _without_key_for_aibridge(key: object) -> str:
    if resolved_str("openai_api_key", key, secret=True):
        raise deployment_error(KEY_WITH_AIBRIDGE)
    return ""


def _checked(field: str, value: pulumi.Input[str]) -> pulumi.Input[str]:
    """An Input field's value, checked to be a string once an Output resolves (a plain
    value was checked with the arguments)."""
    if isinstance(value, pulumi.Output):
        return value.apply(lambda resolved: resolved_str(field, resolved))
    return value


class Codex(pulumi.ComponentResource):
    """Codex CLI behind AgentAPI in a Coder workspace, shown as a web app and wired into
    Coder Tasks.

    :param name: the component's name; its children are named after it.
    :param args: :class:`CodexArgs`, or a mapping with the same (Terraform) names.
    :param opts: options for the component; children inherit its provider.
    """

    task_app_id: pulumi.Output[str]
    """ID of the web app, for ``coder_ai_task``'s ``app_id``."""

    def __init__(
        self,
        name: str,
        args: CodexArgs | Mapping[str, Any],
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        # Validate before anything is registered: a bad argument creates nothing.
        self.args = a = coerce_args(args)
        # Plain attributes, not class annotations: the multi-language schema analyzer reads
        # class annotations as the component's outputs.
        self.web_app_slug: str = a.web_app_slug or derive_web_app_slug(name)
        """Slug of the web app (given, or derived from the component's name)."""
        self.cli_app_slug: str | None = (
            (a.cli_app_slug or derive_cli_app_slug(self.web_app_slug)) if a.cli_app else None
        )
        """Slug of the CLI app; None without ``cli_app``."""
        self._claim_in_program(name, opts)
        super().__init__(TYPE_TOKEN, name, None, opts)
        ignored = ignored_settings(a)
        if ignored:
            pulumi.log.warn(
                "Codex ignores these settings, so the component leaves them out of the config "
                f"it writes: {', '.join(ignored)}",
                resource=self,
            )
        child = pulumi.ResourceOptions(parent=self)
        invoke_opts = pulumi.InvokeOutputOptions(parent=self)

        needs_workspace = a.enable_aibridge or not a.subdomain
        workspace = coder.get_workspace_output(opts=invoke_opts) if needs_workspace else None
        owner = coder.get_workspace_owner_output(opts=invoke_opts) if needs_workspace else None
        task = coder.get_task_output(opts=invoke_opts)

        key = a.openai_api_key
        key_check: pulumi.Output[str] = pulumi.Output.from_input("")
        if a.enable_aibridge and isinstance(key, pulumi.Output):
            # Only known at deployment; the start script depends on this check.
            key_check = key.apply(_without_key_for_aibridge)
        if not a.enable_aibridge and not is_known_empty(key):
            checked_key = _checked("openai_api_key", key)
            coder.Env(
                f"{name}-openai-api-key",
                agent_id=a.agent_id,
                name="OPENAI_API_KEY",
                value=pulumi.Output.secret(checked_key),
                opts=pulumi.ResourceOptions.merge(
                    child, pulumi.ResourceOptions(additional_secret_outputs=["value"])
                ),
            )
        if a.enable_aibridge:
            assert owner is not None
            coder.Env(
                f"{name}-aibridge-session-token",
                agent_id=a.agent_id,
                name="CODER_AIBRIDGE_SESSION_TOKEN",
                value=pulumi.Output.secret(owner.session_token),
                opts=pulumi.ResourceOptions.merge(
                    child, pulumi.ResourceOptions(additional_secret_outputs=["value"])
                ),
            )

        # One folder per instance (see module_dir_name): two Codex components in one
        # workspace, on different ports, never share scripts, logs or state.
        module_dir = module_dir_name(a.agentapi_port)
        # Inputs known only at deployment are checked on their own, before rendering: a
        # wrong one fails with its field's name (and without a cascade of failed futures).
        start_body = pulumi.Output.all(
            agent_id=_checked("agent_id", a.agent_id),
            ai_prompt=_checked("ai_prompt", a.ai_prompt),
            access_url=workspace.access_url if workspace else "",
            workspace=workspace.name if workspace else "",
            owner=owner.name if owner else "",
            key_check=key_check,
        ).apply(
            lambda v: render_body(
                "start.sh",
                start_args(
                    a,
                    ai_prompt=v["ai_prompt"],
                    access_url=v["access_url"],
                    owner=v["owner"],
                    workspace=v["workspace"],
                    agent_id=v["agent_id"],
                    app_slug=self.web_app_slug,
                ),
                module_dir_name=module_dir,
            )
        )
        stop_body = pulumi.Output.all(task_id=task.id, enabled=task.enabled).apply(
            lambda v: render_body(
                "shutdown.sh",
                shutdown_args(a, task_id=v["task_id"] or "", task_enabled=bool(v["enabled"])),
                module_dir_name=module_dir,
            )
        )

        coder.Script(
            f"{name}-start",
            agent_id=a.agent_id,
            display_name=f"{a.web_app_display_name}: install and start",
            icon=a.icon,
            script=start_body,
            run_on_start=True,
            opts=child,
        )
        coder.Script(
            f"{name}-shutdown",
            agent_id=a.agent_id,
            display_name=f"{a.web_app_display_name}: shutdown",
            icon=a.icon,
            script=stop_body,
            run_on_stop=True,
            opts=child,
        )

        port = a.agentapi_port
        web_app = coder.App(
            f"{name}-web",
            agent_id=a.agent_id,
            slug=self.web_app_slug,
            display_name=a.web_app_display_name,
            url=f"http://localhost:{port}/",
            icon=a.icon,
            order=a.order,
            group=a.group,
            subdomain=a.subdomain,
            healthcheck=coder.AppHealthcheckArgs(
                url=f"http://localhost:{port}/status",
                interval=HEALTHCHECK_INTERVAL,
                threshold=HEALTHCHECK_THRESHOLD,
            ),
            opts=child,
        )
        if a.cli_app:
            coder.App(
                f"{name}-cli",
                agent_id=a.agent_id,
                slug=self.cli_app_slug,
                display_name=a.cli_app_display_name,
                command=cli_app_command(port),
                icon=a.icon,
                order=a.order,
                group=a.group,
                opts=child,
            )

        self.task_app_id = web_app.id
        self.register_outputs({"task_app_id": self.task_app_id})

    def _claim_in_program(self, name: str, opts: pulumi.ResourceOptions | None) -> None:
        """Fail before anything is registered when another Codex of this program already
        has one of these slugs, or this port on this agent."""
        if self.cli_app_slug == self.web_app_slug:
            raise CodexArgsError(
                [
                    f"cli_app_slug: {self.cli_app_slug!r} is also the web app's slug (derived "
                    f"from the name {name!r}); Coder needs a different slug for each app"
                ]
            )
        parent = opts.parent if opts is not None else None
        slugs = {self.web_app_slug: "web app"}
        if self.cli_app_slug is not None:
            slugs[self.cli_app_slug] = "CLI app"
        problems = claim(
            Instance(
                name=name,
                # Same name and parent = same URN: the engine's error, not ours.
                parent=str(id(parent)) if parent is not None else "",
                slugs=slugs,
                agent=self.args.agent_id,
                port=self.args.agentapi_port,
            )
        )
        if problems:
            raise CodexArgsError(problems)
