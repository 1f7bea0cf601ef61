"""``CodexArgs``: the component's arguments, their defaults and every rule they must obey.

Field names are the Terraform module's variable names, so a template moves over without a
dictionary of renames. Every rule is checked when the arguments are built, before any
resource exists, and a failure names the field, the value received and what is allowed.
"""

from __future__ import annotations

import asyncio
import difflib
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final

import pulumi
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainValidator,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_core import ErrorDetails

from codex_component.codex_rules import refused_base_settings, refused_server_settings
from codex_component.config_toml import CODER_SERVER_NAME, check_module_config, parse_toml
from codex_component.slugs import slug_problem

REASONING_EFFORTS: Final = ("none", "minimal", "low", "medium", "high", "xhigh")
DEFAULT_SYSTEM_PROMPT: Final = (
    "You are a helpful coding assistant. Start every response with `Codex says:`"
)
# AgentAPI reads AGENTAPI_CHAT_BASE_PATH from v0.3.3 on; path-based apps need it.
MIN_AGENTAPI_FOR_PATH_APPS: Final = (0, 3, 3)
DEFAULT_AGENTAPI_PORT: Final = 3284
SECRET_FIELDS: Final = frozenset({"openai_api_key"})
KEY_WITH_AIBRIDGE: Final = (
    "openai_api_key must be empty when enable_aibridge is true: AI Bridge authenticates "
    "with the workspace owner's session token (got a key: [secret])"
)

# Loopback ports the Coder agent itself listens on by default (coder agent
# --prometheus-address, --debug-address, --pprof-address): AgentAPI cannot take them.
RESERVED_PORTS: Final = {2112: "Prometheus metrics", 2113: "debug server", 6060: "pprof"}
# One-line labels shown by Coder: no control characters (C0, DEL, C1).
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")

_SEMVER = r"\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?"
_CODEX_VERSION = re.compile(rf"v?{_SEMVER}|[a-z][a-z0-9-]*")
_AGENTAPI_VERSION = re.compile(rf"v{_SEMVER}|latest")
_AGENTAPI_TAG = re.compile(r"v(\d+)\.(\d+)\.(\d+)")


class CodexArgsError(ValueError):
    """Raised when ``CodexArgs`` are invalid; the message lists every problem found."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        lines = "\n".join(f"  - {problem}" for problem in problems)
        super().__init__(f"invalid Codex arguments:\n{lines}")


def _input_str(value: Any) -> Any:
    if isinstance(value, str | pulumi.Output):
        return value
    raise ValueError(f"must be a string or a pulumi.Output, got {type(value).__name__}")


if TYPE_CHECKING:
    InputStr = pulumi.Input[str]
else:
    from typing import Annotated

    InputStr = Annotated[Any, PlainValidator(_input_str)]


def is_known_empty(value: pulumi.Input[str] | None) -> bool:
    """True when the value is a plain empty string (or None); an Output is never known."""
    return value is None or value == ""


def _show(value: Any, limit: int = 200) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + "...'"


class CodexArgs(BaseModel):
    """Arguments of :class:`codex_component.Codex`; see the README for each field."""

    model_config = ConfigDict(
        arbitrary_types_allowed=True,
        extra="forbid",
        frozen=True,
        hide_input_in_errors=True,
        # No silent conversions: "yes" is not a bool, "3284" or True not a port.
        strict=True,
        validate_by_alias=True,
        validate_by_name=True,
    )

    agent_id: InputStr = Field(description="ID of the coder_agent that runs Codex.")
    workdir: str = Field(description="Absolute path of the folder Codex runs in.")
    order: int | None = Field(None, description="Position of the web app in the dashboard.")
    group: str | None = Field(None, description="App group of the web app.")
    icon: str = Field("/icon/openai.svg", description="Icon of the apps and scripts.")
    report_tasks: bool = Field(
        True,
        description="Coder Tasks: Codex reports progress to the task through the Coder MCP server.",
    )
    subdomain: bool = Field(False, description="Serve AgentAPI on its own subdomain.")
    cli_app: bool = Field(False, description="Also create a terminal app attached to AgentAPI.")
    web_app_display_name: str = Field("Codex", description="Display name of the web app.")
    cli_app_display_name: str = Field("Codex CLI", description="Display name of the CLI app.")
    enable_aibridge: bool = Field(
        False, description="Route Codex through Coder AI Bridge (no OpenAI key then)."
    )
    model_reasoning_effort: str = Field(
        "medium", description="Reasoning effort written to config.toml with AI Bridge."
    )
    install_codex: bool = Field(True, description="Install Codex CLI with npm.")
    codex_version: str = Field("", description="Codex CLI version; empty means the latest.")
    base_config_toml: str = Field(
        "", description="Complete base config.toml (no mcp_servers); replaces the default."
    )
    additional_mcp_servers: str = Field(
        "", description="TOML with [mcp_servers.NAME] tables added next to the Coder server."
    )
    openai_api_key: InputStr = Field("", description="OpenAI API key; always a secret.")
    install_agentapi: bool = Field(True, description="Download the AgentAPI release binary.")
    agentapi_version: str = Field("v0.12.1", description="AgentAPI release tag, or latest.")
    codex_model: str = Field(
        "", description="Model passed to Codex; empty: the installed Codex's own default."
    )
    pre_install_script: str | None = Field(None, description="Shell script run before install.")
    post_install_script: str | None = Field(None, description="Shell script run after install.")
    ai_prompt: InputStr = Field("", description="Initial task prompt (from Coder Tasks).")
    continue_session: bool = Field(
        True,
        alias="continue",
        description="Resume this workdir's Codex session after a restart.",
    )
    enable_state_persistence: bool = Field(
        True, description="AgentAPI saves and restores its conversation state."
    )
    agentapi_port: int = Field(DEFAULT_AGENTAPI_PORT, description="Port AgentAPI listens on.")
    codex_system_prompt: str = Field(
        DEFAULT_SYSTEM_PROMPT, description="Written to ~/.codex/AGENTS.md; empty writes nothing."
    )
    web_app_slug: str | None = Field(
        None,
        description=(
            "Slug of the web app, also the task status slug and part of the chat path; unset "
            "derives it from the component's name: codex, the name when it starts with codex, "
            "else codex-<name>."
        ),
    )
    cli_app_slug: str | None = Field(
        None, description="Slug of the CLI app; unset: <web app slug>-cli."
    )

    # Construction goes through these two doors; both turn pydantic's report into one
    # CodexArgsError that shows received values but never a secret.
    def __init__(self, /, **data: Any) -> None:
        try:
            super().__init__(**data)
        except ValidationError as exc:
            raise CodexArgsError(_all_problems(exc, data)) from None

    @classmethod
    def model_validate(cls, obj: Any, *args: Any, **kwargs: Any) -> CodexArgs:
        try:
            return super().model_validate(obj, *args, **kwargs)
        except ValidationError as exc:
            # Through __init__ (see _problems), everything has been reported already.
            wrapped = any(
                isinstance(error.get("ctx", {}).get("error"), CodexArgsError)
                for error in exc.errors()
            )
            data = obj if isinstance(obj, Mapping) and not wrapped else {}
            raise CodexArgsError(_all_problems(exc, data)) from None

    @field_validator("order", "agentapi_port", mode="before")
    @classmethod
    def _whole_float_is_an_int(cls, value: Any) -> Any:
        # Numbers cross the Pulumi wire (multi-language components) as floats: a whole
        # one is the int it stands for. Nothing else is converted (strict mode).
        if isinstance(value, float) and value.is_integer():
            return int(value)
        return value

    @field_validator("agent_id")
    @classmethod
    def _check_agent_id(cls, value: Any) -> Any:
        if isinstance(value, str) and not value.strip():
            raise ValueError(
                "must be the id of the coder_agent that runs Codex (such as agent.id); "
                f"got {_show(value)}"
            )
        return value

    @field_validator("workdir")
    @classmethod
    def _check_workdir(cls, value: str) -> str:
        allowed = "an absolute path such as /home/coder/project"
        if not value.startswith("/"):
            raise ValueError(f"must be {allowed}; got {_show(value)}")
        if any(ch in value for ch in "\0\n\r"):
            raise ValueError(f"must be {allowed} without NUL or line breaks; got {_show(value)}")
        if any(part in {".", ".."} for part in value.split("/")):
            raise ValueError(f"must be {allowed} without '.' or '..' parts; got {_show(value)}")
        stripped = value.rstrip("/") or "/"
        if "//" in stripped:
            raise ValueError(f"must be {allowed} without empty parts ('//'); got {_show(value)}")
        return stripped

    @field_validator("model_reasoning_effort")
    @classmethod
    def _check_effort(cls, value: str) -> str:
        if value not in REASONING_EFFORTS:
            raise ValueError(f"must be one of {', '.join(REASONING_EFFORTS)}; got {_show(value)}")
        return value

    @field_validator("codex_version")
    @classmethod
    def _check_codex_version(cls, value: str) -> str:
        if value and not _CODEX_VERSION.fullmatch(value):
            raise ValueError(
                "must be empty (latest), a version such as 0.58.0, or an npm dist-tag such as "
                f"alpha; got {_show(value)}"
            )
        # `codex --version` prints no "v": compare like with like on restarts.
        return value[1:] if value.startswith("v") and value[1:2].isdigit() else value

    @field_validator("agentapi_version")
    @classmethod
    def _check_agentapi_version(cls, value: str) -> str:
        if not _AGENTAPI_VERSION.fullmatch(value):
            raise ValueError(
                f"must be a release tag such as v0.12.1, or latest; got {_show(value)}"
            )
        return value

    @field_validator("agentapi_port")
    @classmethod
    def _check_port(cls, value: int) -> int:
        if not 1 <= value <= 65535:
            raise ValueError(f"must be a TCP port from 1 to 65535; got {value!r}")
        if value in RESERVED_PORTS:
            reserved = ", ".join(f"{port}: {what}" for port, what in RESERVED_PORTS.items())
            raise ValueError(
                "must be a TCP port from 1 to 65535 that the Coder agent does not use itself "
                f"({reserved}); got {value!r}"
            )
        return value

    @field_validator("web_app_display_name", "cli_app_display_name", "icon")
    @classmethod
    def _check_not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError(f"must not be empty; got {_show(value)}")
        return value

    @field_validator("web_app_display_name", "cli_app_display_name", "icon", "group")
    @classmethod
    def _check_one_line(cls, value: str | None) -> str | None:
        if value is not None and _CONTROL.search(value):
            raise ValueError(
                "must be one line of text without control characters (line breaks, tabs, "
                f"escapes); got {_show(value)}"
            )
        return value

    @field_validator(
        "codex_model",
        "codex_system_prompt",
        "base_config_toml",
        "additional_mcp_servers",
        "pre_install_script",
        "post_install_script",
        "ai_prompt",
        "openai_api_key",
    )
    @classmethod
    def _check_no_nul(cls, value: Any) -> Any:
        # Any other character reaches its destination intact; a NUL cannot cross into a
        # shell variable, a command line or a Coder environment variable.
        if isinstance(value, str) and "\0" in value:
            raise ValueError("may hold any text except the NUL character (\\0)")
        return value

    @field_validator("base_config_toml")
    @classmethod
    def _check_base_config(cls, value: str) -> str:
        if value.strip():
            parsed = parse_toml(value)
            if "mcp_servers" in parsed:
                raise ValueError(
                    "must not define mcp_servers (put extra servers in additional_mcp_servers; "
                    f"the Coder server is added for you); got tables {sorted(parsed)}"
                )
            refused = refused_base_settings(parsed)
            if refused:
                raise ValueError(
                    "holds settings current Codex refuses to load: " + "; ".join(refused)
                )
        return value

    @field_validator("additional_mcp_servers")
    @classmethod
    def _check_additional_servers(cls, value: str) -> str:
        if not value.strip():
            return value
        parsed = parse_toml(value)
        others = sorted(key for key in parsed if key != "mcp_servers")
        if others:
            raise ValueError(f"may only hold [mcp_servers.NAME] tables; got other keys {others}")
        servers = parsed.get("mcp_servers", {})
        if not isinstance(servers, dict):
            raise ValueError(
                "may only hold [mcp_servers.NAME] tables; got mcp_servers as a "
                f"{type(servers).__name__}"
            )
        not_tables = sorted(name for name, body in servers.items() if not isinstance(body, dict))
        if not_tables:
            raise ValueError(
                f"may only hold [mcp_servers.NAME] tables; got non-table entries {not_tables}"
            )
        refused = refused_server_settings(servers)
        if refused:
            raise ValueError("holds settings current Codex refuses to load: " + "; ".join(refused))
        if CODER_SERVER_NAME in servers:
            raise ValueError(
                "must not define mcp_servers.Coder: the component configures that server "
                "itself; use another name"
            )
        return value

    @field_validator("web_app_slug", "cli_app_slug")
    @classmethod
    def _check_slug(cls, value: str | None) -> str | None:
        problem = None if value is None else slug_problem(value)
        if problem:
            raise ValueError(problem)
        return value

    @model_validator(mode="after")
    def _check_combinations(self) -> CodexArgs:
        problems = _combination_problems(self)
        if problems:
            raise CodexArgsError(problems)
        return self


def _combination_problems(args: CodexArgs) -> list[str]:
    """Every rule that involves more than one field; all that fail, not just the first."""
    problems = []
    if args.cli_app_slug is not None and not args.cli_app:
        problems.append(
            f"cli_app_slug is set ({args.cli_app_slug!r}) but cli_app is false, so there is "
            "no CLI app to give it to; set cli_app=True or leave cli_app_slug unset"
        )
    if args.cli_app_slug is not None and args.cli_app_slug == args.web_app_slug:
        problems.append(
            f"web_app_slug and cli_app_slug are both {args.cli_app_slug!r}; Coder needs a "
            "different slug for each app"
        )
    # A key given as an Output is only known at deployment; the component checks it then.
    if args.enable_aibridge and isinstance(args.openai_api_key, str) and args.openai_api_key:
        problems.append(KEY_WITH_AIBRIDGE)
    if not args.subdomain:
        tag = _AGENTAPI_TAG.match(args.agentapi_version)
        if tag and tuple(int(part) for part in tag.groups()) < MIN_AGENTAPI_FOR_PATH_APPS:
            problems.append(
                "agentapi_version must be v0.3.3 or newer (or latest) when subdomain is "
                f"false, because older AgentAPI cannot serve under a path; got "
                f"{args.agentapi_version!r}"
            )
    try:
        check_module_config(args)
    except ValueError as exc:
        problems.append(str(exc))
    return problems


def _problems(exc: ValidationError) -> list[str]:
    problems = []
    for error in exc.errors():
        # model_validate runs __init__, whose CodexArgsError pydantic wraps once more.
        inner = error.get("ctx", {}).get("error")
        if isinstance(inner, CodexArgsError):
            problems.extend(inner.problems)
        else:
            problems.append(_describe(error))
    return problems


_SAME_ARGUMENT: Final = ("continue", "continue_session")


def _all_problems(exc: ValidationError, data: Mapping[str, Any]) -> list[str]:
    """Every problem at once: the fields' own, giving one argument twice, and the rules
    between fields that can still be checked with the fields that are valid."""
    both = all(name in data for name in _SAME_ARGUMENT)
    problems = []
    if both:
        problems.append(
            "continue and continue_session are the same argument (continue is its "
            "Terraform name): give only one; got continue="
            f"{_show(data['continue'])} and continue_session={_show(data['continue_session'])}"
        )
    bad: set[str] = set()
    for error in exc.errors():
        if (
            both
            and error["type"] == "extra_forbidden"
            and error["loc"][:1]
            in (
                ("continue",),
                ("continue_session",),
            )
        ):
            continue
        if error["loc"]:
            bad.add(str(error["loc"][0]))
        problems.extend(_problems_of(error))
    if bad:
        problems.extend(_combinations_of_valid(data, bad))
    return problems


def _problems_of(error: ErrorDetails) -> list[str]:
    inner = error.get("ctx", {}).get("error")
    if isinstance(inner, CodexArgsError):
        return list(inner.problems)
    return [_describe(error)]


def _combinations_of_valid(data: Mapping[str, Any], bad: set[str]) -> list[str]:
    """The rules between fields, checked on the arguments whose own checks passed (the
    others keep their defaults), so that they are reported with the field errors."""
    # Stand-ins for required fields that failed: no rule between fields reads them.
    values: dict[str, Any] = {"agent_id": "agent", "workdir": "/home/coder"}
    for name, info in CodexArgs.model_fields.items():
        for key in (name, info.alias):
            if key and key in data and key not in bad and name not in bad:
                values[name] = data[key]
    try:
        return _combination_problems(CodexArgs.model_construct(**values))
    except Exception:  # values not fully validated: report only what is sure
        return []


# What each kind of value must be, for pydantic's strict type errors.
_ALLOWED: Final = {
    "bool_type": "must be True or False (a bool; strings and numbers are not converted)",
    "int_type": "must be a whole number (an int; strings and booleans are not converted)",
    "int_from_float": "must be a whole number (an int)",
    "string_type": "must be a string",
}


def _describe(error: ErrorDetails) -> str:
    field = ".".join(str(part) for part in error["loc"]) or "arguments"
    message = error["msg"].removeprefix("Value error, ")
    if error["type"] == "value_error":
        return f"{field}: {message}" if error["loc"] else message
    if error["type"] == "missing":
        # pydantic's input here is every argument given, secrets included: never shown.
        return f"{field}: is required"
    if error["type"] == "extra_forbidden":
        return f"{field}: is not an argument of Codex{_did_you_mean(field)}"
    secret = field.split(".")[0] in SECRET_FIELDS
    received = "[secret]" if secret else _show(_masked(error.get("input")))
    message = _ALLOWED.get(error["type"], message)
    return f"{field}: {message}; got {received}"


def _did_you_mean(name: str) -> str:
    known = [key for n, f in CodexArgs.model_fields.items() for key in (n, f.alias) if key]
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    if close:
        return f"; did you mean {close[0]}?"
    return f" (the arguments are: {', '.join(sorted(CodexArgs.model_fields))})"


def _masked(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {k: "[secret]" if k in SECRET_FIELDS else v for k, v in value.items()}
    return value


class CodexDeploymentError(pulumi.RunError):
    """An argument found wrong only at deployment (an Output's value). A RunError, which
    Pulumi prints as one line (a ValueError comes wrapped in the resource's and the input's
    names and an Output's repr)."""


def _quiet_repeats(loop: asyncio.AbstractEventLoop, previous: Any) -> None:
    def handler(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        # Pulumi fails every output of the resource whose input failed, and leaves those
        # futures unread: asyncio would repeat the error, with tracebacks, for each one.
        # It has been reported once already, as the deployment's error.
        exc = context.get("exception")
        if isinstance(exc, CodexDeploymentError) and "never retrieved" in str(
            context.get("message", "")
        ):
            return
        if previous is not None:
            previous(loop, context)
        else:
            loop.default_exception_handler(context)

    handler.codex_quiet = True  # type: ignore[attr-defined]
    loop.set_exception_handler(handler)


def deployment_error(problem: str) -> CodexDeploymentError:
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        loop = None
    if loop is not None:
        previous = loop.get_exception_handler()
        if not getattr(previous, "codex_quiet", False):
            _quiet_repeats(loop, previous)
    return CodexDeploymentError(f"invalid Codex arguments: {problem}")


def resolved_str(field: str, value: Any, *, secret: bool = False) -> str:
    """The value an Input field resolved to at deployment, which must be a string (None,
    as a data source may give for a missing prompt, is the empty string)."""
    if value is None:
        return ""
    if not isinstance(value, str):
        shown = "a secret" if secret or field in SECRET_FIELDS else _show(value)
        raise deployment_error(
            f"{field} must resolve to a string at deployment; got {type(value).__name__} ({shown})"
        )
    return value


def coerce_args(args: CodexArgs | Mapping[str, Any]) -> CodexArgs:
    """Accept ``CodexArgs`` or a plain mapping with the Terraform names."""
    if isinstance(args, CodexArgs):
        return args
    if isinstance(args, Mapping):
        return CodexArgs.model_validate(dict(args))
    raise TypeError(f"args must be CodexArgs or a mapping, got {type(args).__name__}")
