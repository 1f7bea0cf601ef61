"""``Codex`` for every Pulumi language: the component as a Pulumi plugin serves it.

``provider/__main__.py`` hosts :class:`Codex` below with
``pulumi.provider.experimental.component_provider_host``. When a TypeScript, Go, C#, Java or
YAML program runs ``pulumi package add``, the SDK's analyzer infers the package schema from
the annotations and attribute docstrings of this module, and every ``new Codex(...)`` of that
program reaches :class:`Codex` as a ``construct`` call with a plain dict of inputs.

Python programs keep using :class:`codex_component.Codex` with :class:`CodexArgs`; this module
changes nothing for them. :class:`Codex` here is a subclass under the same type token that
turns the dict into :class:`CodexArgs` (the one place where arguments are validated) and then
builds exactly what the Python API builds.

The analyzer reads annotations as objects and descriptions from the source text, so this
module must not use ``from __future__ import annotations``, and :class:`CodexInputs` spells
each field out. ``tests/test_multilang.py`` checks it field for field against
:class:`CodexArgs`: names, types, required or not, description and default.
"""

import importlib.metadata
from collections.abc import Mapping
from typing import Any, Final, Required, TypedDict

import pulumi

from codex_component.args import CodexArgs
from codex_component.component import TYPE_TOKEN
from codex_component.component import Codex as _Codex

PACKAGE_NAME: Final = TYPE_TOKEN.split(":", 1)[0]
"""The Pulumi package name, ``codex-component``: the first part of the type token."""

DISTRIBUTION: Final = "codex-component"
"""The Python distribution whose version the plugin reports (``pyproject.toml``)."""

# Python names that differ from the Terraform name. The analyzer camel-cases a Python name into
# the schema name, and `continue_` becomes `continue`: the Terraform variable keeps its name
# in every language (`continue` is a Python keyword, but a fine property name elsewhere).
_PYTHON_TO_TERRAFORM: Final = {"continue_": "continue"}


def package_version() -> str:
    """The version of the installed ``codex-component`` distribution."""
    return importlib.metadata.version(DISTRIBUTION)


class CodexInputs(TypedDict, total=False):
    """Inputs of ``Codex`` as other languages send them (schema names are the camelCase of
    these). Only the three ``pulumi.Input`` fields may be outputs of other resources; the
    rest decide which resources exist, so they must be known when the component is built."""

    agent_id: Required[pulumi.Input[str]]
    """ID of the coder_agent that runs Codex."""
    workdir: Required[str]
    """Absolute path of the folder Codex runs in."""
    order: int
    """Position of the web app in the dashboard."""
    group: str
    """App group of the web app."""
    icon: str
    """Icon of the apps and scripts. Default: "/icon/openai.svg"."""
    report_tasks: bool
    "Coder Tasks: Codex reports progress to the task through the Coder MCP server. Default: true."
    subdomain: bool
    """Serve AgentAPI on its own subdomain. Default: false."""
    cli_app: bool
    """Also create a terminal app attached to AgentAPI. Default: false."""
    web_app_display_name: str
    """Display name of the web app. Default: "Codex"."""
    cli_app_display_name: str
    """Display name of the CLI app. Default: "Codex CLI"."""
    enable_aibridge: bool
    """Route Codex through Coder AI Bridge (no OpenAI key then). Default: false."""
    model_reasoning_effort: str
    """Reasoning effort written to config.toml with AI Bridge. Default: "medium"."""
    install_codex: bool
    """Install Codex CLI with npm. Default: true."""
    codex_version: str
    """Codex CLI version; empty means the latest. Default: ""."""
    base_config_toml: str
    """Complete base config.toml (no mcp_servers); replaces the default. Default: ""."""
    additional_mcp_servers: str
    """TOML with [mcp_servers.NAME] tables added next to the Coder server. Default: ""."""
    openai_api_key: pulumi.Input[str]
    """OpenAI API key; always a secret. Default: ""."""
    install_agentapi: bool
    """Download the AgentAPI release binary. Default: true."""
    agentapi_version: str
    """AgentAPI release tag, or latest. Default: "v0.12.1"."""
    codex_model: str
    """Model passed to Codex; empty: the installed Codex's own default. Default: ""."""
    pre_install_script: str
    """Shell script run before install."""
    post_install_script: str
    """Shell script run after install."""
    ai_prompt: pulumi.Input[str]
    """Initial task prompt (from Coder Tasks). Default: ""."""
    continue_: bool
    """Resume this workdir's Codex session after a restart. Default: true."""
    enable_state_persistence: bool
    """AgentAPI saves and restores its conversation state. Default: true."""
    agentapi_port: int
    """Port AgentAPI listens on. Default: 3284."""
    codex_system_prompt: str
    (
        "Written to ~/.codex/AGENTS.md; empty writes nothing. Default: "
        '"You are a helpful coding assistant. Start every response with `Codex says:`".'
    )
    web_app_slug: str
    (
        "Slug of the web app, also the task status slug and part of the chat path; unset "
        "derives it from the component's name: codex, the name when it starts with codex, "
        "else codex-<name>."
    )
    cli_app_slug: str
    """Slug of the CLI app; unset: <web app slug>-cli."""


def args_from_inputs(inputs: Mapping[str, Any]) -> CodexArgs:
    """Validate construct-time inputs (keyed by :class:`CodexInputs` names) as
    :class:`CodexArgs`, through the same door as ``CodexArgs(...)`` in Python, so that a
    mistake gives the same message.

    Numbers arrive as floats from the wire; pydantic takes a whole float for an int field and
    rejects a fractional one, as it does in Python.
    """
    return CodexArgs(**{_PYTHON_TO_TERRAFORM.get(key, key): value for key, value in inputs.items()})


class Codex(_Codex):
    """Codex CLI behind AgentAPI in a Coder workspace, as a web app wired into Coder Tasks."""

    task_app_id: pulumi.Output[str]
    """ID of the web app, for coder_ai_task's app_id."""

    def __init__(
        self,
        name: str,
        args: CodexInputs,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        super().__init__(name, args_from_inputs(args), opts)
