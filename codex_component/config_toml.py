"""Compose the module's part of ``~/.codex/config.toml``.

The text is built here, in Python, so that it can be checked with ``tomllib`` at preview
time instead of failing inside a workspace. The start script adds only what exists on the
workspace itself: the agent's URL and token, appended to the last table,
``[mcp_servers.Coder.env]`` (see ``scripts/configure_codex.sh``).
"""

from __future__ import annotations

import re
import tomllib
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from codex_component.args import CodexArgs

# The model Codex would otherwise offer to migrate to; mapping the configured model to it
# tells Codex that the notice was seen, so no prompt blocks an unattended session.
LATEST_CODEX_MODEL: Final = "gpt-5.3-codex"
APP_SLUG: Final = "codex"
CODER_SERVER_NAME: Final = "Coder"
AIBRIDGE_PROVIDER: Final = "aibridge"
AIBRIDGE_ENV_KEY: Final = "CODER_AIBRIDGE_SESSION_TOKEN"
CODER_SERVER_DESCRIPTION: Final = (
    "Report ALL tasks and statuses (in progress, done, failed) you are working on."
)
# Stand-ins used only to check the composed text before the real values are known.
SAMPLE_ACCESS_URL: Final = "https://coder.example.com"
RUNTIME_KEYS: Final = ("CODER_AGENT_URL", "CODER_AGENT_TOKEN")

_TOML_ESCAPES: Final = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n"}
_TOML_ESCAPES_MORE: Final = {"\f": "\\f", "\r": "\\r"}


def parse_toml(text: str) -> dict[str, Any]:
    """Parse TOML; the error says why and where, with the offending line. Only that line is
    shown: the rest of the text may hold a token meant for an MCP server."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        where = re.search(r"at line (\d+)", str(exc))
        lines = text.splitlines()
        line = int(where.group(1)) if where else 0
        shown = f"; line {line} is {lines[line - 1]!r}" if 0 < line <= len(lines) else ""
        raise ValueError(f"is not valid TOML ({exc}){shown}") from None


def toml_string(value: str) -> str:
    """A TOML basic string holding exactly ``value``."""
    out = []
    for char in value:
        if char in _TOML_ESCAPES:
            out.append(_TOML_ESCAPES[char])
        elif char in _TOML_ESCAPES_MORE:
            out.append(_TOML_ESCAPES_MORE[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def default_base_config(codex_model: str, workdir: str) -> str:
    lines = [
        'sandbox_mode = "workspace-write"',
        'approval_policy = "never"',
        'preferred_auth_method = "apikey"',
        "",
        "[sandbox_workspace_write]",
        "network_access = true",
        "",
        f"[projects.{toml_string(workdir)}]",
        'trust_level = "trusted"',
    ]
    if codex_model:
        lines += ["", "[notice.model_migrations]"]
        lines.append(f"{toml_string(codex_model)} = {toml_string(LATEST_CODEX_MODEL)}")
    return "\n".join(lines)


def _aibridge_selection(args: CodexArgs, base: dict[str, Any]) -> list[str]:
    # Top-level keys must precede every table, so they open the file. A base config that
    # picks its own provider keeps it; otherwise a key the base sets itself wins.
    if "model_provider" in base:
        return []
    wanted = {
        "model_provider": AIBRIDGE_PROVIDER,
        "model": args.codex_model,
        "model_reasoning_effort": args.model_reasoning_effort,
    }
    return [
        f"{key} = {toml_string(value)}"
        for key, value in wanted.items()
        if value and key not in base
    ]


def _coder_server() -> str:
    return "\n".join(
        [
            f"[mcp_servers.{CODER_SERVER_NAME}]",
            'command = "coder"',
            'args = ["exp", "mcp", "server"]',
            f"description = {toml_string(CODER_SERVER_DESCRIPTION)}",
            'type = "stdio"',
        ]
    )


def _coder_server_env(args: CodexArgs, *, status_slug: str = APP_SLUG) -> str:
    # The slug Coder shows this instance's task status under: its own web app's.
    slug = status_slug if args.report_tasks else ""
    agentapi_url = f"http://localhost:{args.agentapi_port}" if args.report_tasks else ""
    return "\n".join(
        [
            f"[mcp_servers.{CODER_SERVER_NAME}.env]",
            f"CODER_MCP_APP_STATUS_SLUG = {toml_string(slug)}",
            f"CODER_MCP_AI_AGENTAPI_URL = {toml_string(agentapi_url)}",
            'CODER_MCP_ALLOWED_TOOLS = "coder_report_task"',
        ]
    )


def _aibridge_provider(access_url: str) -> str:
    base_url = access_url.rstrip("/") + "/api/v2/aibridge/openai/v1"
    return "\n".join(
        [
            f"[model_providers.{AIBRIDGE_PROVIDER}]",
            'name = "AI Bridge"',
            f"base_url = {toml_string(base_url)}",
            f"env_key = {toml_string(AIBRIDGE_ENV_KEY)}",
            'wire_api = "responses"',
        ]
    )


def compose_module_config(args: CodexArgs, access_url: str, *, status_slug: str = APP_SLUG) -> str:
    """The managed block of config.toml, ending with the ``[mcp_servers.Coder.env]`` table
    to which the start script appends :data:`RUNTIME_KEYS`. ``status_slug`` is the web
    app's slug, under which Codex reports its task status."""
    base_text = args.base_config_toml if args.base_config_toml.strip() else ""
    base = parse_toml(base_text) if base_text else {}
    parts: list[str] = []
    if args.enable_aibridge:
        selection = _aibridge_selection(args, base)
        if selection:
            parts.append("\n".join(selection))
    parts.append(base_text.rstrip("\n") or default_base_config(args.codex_model, args.workdir))
    parts.append(_coder_server())
    if args.additional_mcp_servers.strip():
        parts.append(args.additional_mcp_servers.rstrip("\n"))
    if args.enable_aibridge:
        parts.append(_aibridge_provider(access_url))
    parts.append(_coder_server_env(args, status_slug=status_slug))
    return "\n\n".join(parts) + "\n"


def with_runtime_keys(module_config: str, agent_url: str, agent_token: str) -> str:
    """What the start script writes: the block plus the agent's URL and token."""
    return (
        module_config
        + f"CODER_AGENT_URL = {toml_string(agent_url)}\n"
        + f"CODER_AGENT_TOKEN = {toml_string(agent_token)}\n"
    )


def check_module_config(args: CodexArgs) -> dict[str, Any]:
    """Compose with sample values and parse; raises ValueError naming the culprit."""
    text = with_runtime_keys(
        compose_module_config(args, SAMPLE_ACCESS_URL), "https://coder.example.com", "token"
    )
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(
            "base_config_toml and additional_mcp_servers, combined with the tables the "
            f"component writes ([mcp_servers.Coder], [model_providers.aibridge] with AI "
            f"Bridge), do not form valid TOML: {exc}. Remove the table or key defined twice."
        ) from None
