"""Compose the module's Codex settings (SPEC 6.4 and 11).

The settings are built here, in Python, as one structured document, so that they can be
checked at preview time instead of failing inside a workspace. Where they go depends on the
Codex version installed in the workspace, which only the start script knows, so this module
renders every form the start script may need (see ``scripts/configure_codex.sh``):

- Codex 0.131 and newer: a profile file of the module's own, ``<CODEX_HOME>/<PROFILE_NAME>
  .config.toml``, selected on Codex's command line; the user's ``config.toml`` is never
  written;
- older Codex: the tables in a marked block of ``config.toml`` and the top-level keys as
  ``-c key=value`` options (a block at the end of the file cannot hold top-level keys).

Every form ends with the ``[notice.model_migrations]`` table, to which the start script adds
the acknowledgement for the model that will run, taken from the installed Codex's catalog.
The agent's URL and token never enter a file: the Coder MCP server takes them from Codex's
environment (``env_vars``; forwarded by Codex 0.58 and 0.169 alike, measured).
"""

from __future__ import annotations

import copy
import re
import tomllib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

import tomli_w

if TYPE_CHECKING:
    from codex_component.args import CodexArgs

PROFILE_NAME: Final = "codex-component"
DEFAULT_STATUS_SLUG: Final = "codex"
CODER_SERVER_NAME: Final = "Coder"
AIBRIDGE_PROVIDER: Final = "aibridge"
AIBRIDGE_ENV_KEY: Final = "CODER_AIBRIDGE_SESSION_TOKEN"
AGENT_ENV_VARS: Final = ("CODER_AGENT_URL", "CODER_AGENT_TOKEN")
# Used only to check the composed text before the real value is known.
SAMPLE_ACCESS_URL: Final = "https://coder.example.com"

# Keys only newer Codex releases know. The start script drops them (the "compat" form) when
# the installed Codex's strict check refuses them, and on Codex without a strict check,
# which ignores unknown keys anyway.
NEWER_KEYS: Final[tuple[tuple[str, ...], ...]] = (
    ("check_for_update_on_startup",),
    ("model_providers", AIBRIDGE_PROVIDER, "supports_websockets"),
)
# Keys Codex ignores: 0.169 warns about each at every start (preferred_auth_method, MCP
# description and type) or loads and never uses them ([profiles.*] tables); 0.58 neither.
IGNORED_TOP_LEVEL: Final = frozenset({"preferred_auth_method", "profiles"})
IGNORED_MCP_SERVER_KEYS: Final = frozenset({"description", "type"})

_TOML_ESCAPES: Final = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n"}
_TOML_ESCAPES_MORE: Final = {"\f": "\\f", "\r": "\\r"}
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


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


def _toml_key(key: str) -> str:
    return key if _BARE_KEY.fullmatch(key) else toml_string(key)


def toml_inline(value: Any) -> str:
    """``value`` as a one-line TOML value (inline tables and arrays), for ``-c key=value``."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(toml_inline(item) for item in value) + "]"
    if isinstance(value, dict):
        items = ", ".join(f"{_toml_key(k)} = {toml_inline(v)}" for k, v in value.items())
        return "{" + items + "}" if items else "{}"
    # Dates and times: tomli_w writes them as TOML does.
    return tomli_w.dumps({"v": value}).split(" = ", 1)[1].strip()


def default_base_settings() -> dict[str, Any]:
    # The original also wrote preferred_auth_method = "apikey", which Codex ignores.
    return {
        "sandbox_mode": "workspace-write",
        "approval_policy": "never",
        "sandbox_workspace_write": {"network_access": True},
    }


def _coder_server(args: CodexArgs, status_slug: str) -> dict[str, Any]:
    report = args.report_tasks
    return {
        "command": "coder",
        "args": ["exp", "mcp", "server"],
        # Stdio servers get a filtered environment: only these reach it, from Codex's own.
        "env_vars": list(AGENT_ENV_VARS),
        "env": {
            "CODER_MCP_APP_STATUS_SLUG": status_slug if report else "",
            "CODER_MCP_AI_AGENTAPI_URL": f"http://localhost:{args.agentapi_port}" if report else "",
            "CODER_MCP_ALLOWED_TOOLS": "coder_report_task",
        },
    }


def _aibridge_provider(access_url: str) -> dict[str, Any]:
    return {
        "name": "AI Bridge",
        "base_url": access_url.rstrip("/") + "/api/v2/aibridge/openai/v1",
        "env_key": AIBRIDGE_ENV_KEY,
        "wire_api": "responses",
        # Otherwise Codex tries a websocket five times a turn before it falls back.
        "supports_websockets": False,
    }


def _without_ignored_keys(settings: dict[str, Any]) -> dict[str, Any]:
    for key in IGNORED_TOP_LEVEL:
        settings.pop(key, None)
    for server in settings.get("mcp_servers", {}).values():
        if isinstance(server, dict):
            for key in IGNORED_MCP_SERVER_KEYS:
                server.pop(key, None)
    return settings


def _base_settings(args: CodexArgs) -> dict[str, Any]:
    if not args.base_config_toml.strip():
        return default_base_settings()
    return parse_toml(args.base_config_toml)


def module_settings(args: CodexArgs, access_url: str, status_slug: str) -> dict[str, Any]:
    """Everything the module's Codex runs with, as one TOML document (a dict), keys in the
    order they are written; ``notice.model_migrations`` is the last table."""
    base = _base_settings(args)
    settings: dict[str, Any] = {}
    if args.enable_aibridge and "model_provider" not in base:
        # A base config that picks its own provider keeps it; a key it sets itself wins.
        wanted = {
            "model_provider": AIBRIDGE_PROVIDER,
            "model": args.codex_model,
            "model_reasoning_effort": args.model_reasoning_effort,
        }
        settings.update({k: v for k, v in wanted.items() if v and k not in base})
    settings.update(copy.deepcopy(base))
    settings.setdefault("check_for_update_on_startup", False)
    # Trusting the workdir keeps the TUI from stopping at "Trust this folder?"; a trust
    # level the base sets for it is the user's choice.
    projects = settings.setdefault("projects", {})
    projects.setdefault(args.workdir, {}).setdefault("trust_level", "trusted")
    servers: dict[str, Any] = {CODER_SERVER_NAME: _coder_server(args, status_slug)}
    if args.additional_mcp_servers.strip():
        servers.update(parse_toml(args.additional_mcp_servers).get("mcp_servers", {}))
    settings["mcp_servers"] = servers
    if args.enable_aibridge:
        providers = settings.setdefault("model_providers", {})
        providers[AIBRIDGE_PROVIDER] = _aibridge_provider(access_url)
    notice = settings.pop("notice", {})
    migrations = notice.pop("model_migrations", {})
    notice["model_migrations"] = migrations
    settings["notice"] = notice
    return _without_ignored_keys(settings)


def _without(settings: dict[str, Any], paths: tuple[tuple[str, ...], ...]) -> dict[str, Any]:
    out = copy.deepcopy(settings)
    for path in paths:
        table: Any = out
        for key in path[:-1]:
            table = table.get(key) if isinstance(table, dict) else None
        if isinstance(table, dict):
            table.pop(path[-1], None)
    return out


@dataclass(frozen=True)
class ModuleConfig:
    """The forms of the module's settings that the start script chooses from."""

    profile: str
    """The profile file (Codex 0.131+)."""
    profile_compat: str
    """The profile file without :data:`NEWER_KEYS`."""
    block: str
    """The tables of the compat form, for the marked block of config.toml (older Codex)."""
    overrides: str
    """The top-level keys of the compat form, one ``key=<TOML value>`` per line (for -c)."""
    model: str
    """The model that will run when it is known before the workspace starts, else ''."""
    sandbox_mode: str
    """The sandbox_mode the module's settings set, else ''."""


def compose_module_config(
    args: CodexArgs, access_url: str, *, status_slug: str = DEFAULT_STATUS_SLUG
) -> ModuleConfig:
    settings = module_settings(args, access_url, status_slug)
    compat = _without(settings, NEWER_KEYS)
    tables = {k: v for k, v in compat.items() if isinstance(v, dict)}
    top_level = {k: v for k, v in compat.items() if not isinstance(v, dict)}
    model = settings.get("model")
    sandbox_mode = settings.get("sandbox_mode")
    return ModuleConfig(
        profile=tomli_w.dumps(settings),
        profile_compat=tomli_w.dumps(compat),
        block=tomli_w.dumps(tables),
        overrides="".join(f"{k}={toml_inline(v)}\n" for k, v in top_level.items()),
        model=args.codex_model or (model if isinstance(model, str) else ""),
        sandbox_mode=sandbox_mode if isinstance(sandbox_mode, str) else "",
    )


def with_migration(text: str, model: str, target: str) -> str:
    """What the start script writes: ``text`` plus the migration acknowledgement."""
    return text + f"{toml_string(model)} = {toml_string(target)}\n"


def ignored_settings(args: CodexArgs) -> list[str]:
    """The user's keys that Codex ignores (the module leaves them out of what it writes)."""
    found = []
    if args.base_config_toml.strip():
        base = parse_toml(args.base_config_toml)
        found += [f"base_config_toml: {key}" for key in sorted(IGNORED_TOP_LEVEL & set(base))]
    if args.additional_mcp_servers.strip():
        servers = parse_toml(args.additional_mcp_servers).get("mcp_servers", {})
        for name, server in servers.items():
            if isinstance(server, dict):
                found += [
                    f"additional_mcp_servers: mcp_servers.{name}.{key}"
                    for key in sorted(IGNORED_MCP_SERVER_KEYS & set(server))
                ]
    return found


def _declaring_line(text: str, table: str) -> tuple[int, str]:
    """The line of ``text`` that declares ``table`` (a dotted name), or its parent table:
    its number and what it declares (never a value, which may be a secret)."""
    lines = text.splitlines()
    parent = table.rsplit(".", 1)[0]
    for wanted in (table, parent):
        for number, line in enumerate(lines, 1):
            stripped = line.split("#", 1)[0].strip()
            name = re.sub(r"[\s\"']", "", stripped)
            if name.startswith("[") and name.strip("[]") == wanted:
                return number, stripped
            if not name.startswith("[") and name.split("=", 1)[0].startswith(wanted):
                return number, stripped.split("=", 1)[0].strip()
    return 0, table


def check_module_config(args: CodexArgs) -> None:
    """Compose with sample values and parse every form; raises ValueError naming the culprit:
    the user's field and line when it declares what the component writes itself."""
    if args.enable_aibridge and args.base_config_toml.strip():
        providers = parse_toml(args.base_config_toml).get("model_providers", {})
        if isinstance(providers, dict) and AIBRIDGE_PROVIDER in providers:
            table = f"model_providers.{AIBRIDGE_PROVIDER}"
            number, declared = _declaring_line(args.base_config_toml, table)
            raise ValueError(
                f"base_config_toml line {number} ({declared}) declares what the component "
                f"writes itself with enable_aibridge ([{table}], the AI Bridge provider); "
                "remove that table or key"
            )
    config = compose_module_config(args, SAMPLE_ACCESS_URL)
    for text in (config.profile, config.block):
        tomllib.loads(with_migration(text, "sample-model", "sample-upgrade"))
