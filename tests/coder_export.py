"""What ``pulumi stack export`` would hold after ``pulumi up`` of a program, built from the
registrations Pulumi's mock engine sees, and a model of the converter that reads it in
coder/coder's experimental Pulumi provisioner (``provisioner/pulumi/resources.go``).

The export follows the engine's rules, not the mock monitor's: URNs qualify a child's type
with its parent's whole qualified type (children of the root stack are not qualified), every
custom resource carries its provider's outputs with ``id`` (the Terraform bridge puts ``id``
in the outputs), ``dependencies`` are the URNs the program's inputs came from, and secrets
are exported wrapped with Pulumi's secret signature.

The converter model ports the rules SPEC 12 names, with the converter's own error texts:
an app, script or env belongs to the agent whose ``id`` equals its ``agentId``, else the one
agent found breadth-first in its dependencies, else the nearest agent in its parent chain,
else it is skipped; agent names and app slugs must match Coder's rules, app slugs must be
unique across the template, an env needs a name, an AI task needs an id and takes ``appId``.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pulumi
from pulumi.runtime import rpc
from pulumi.runtime.mocks import MockCallArgs, MockMonitor, MockResourceArgs, Mocks

from tests.pulumi_harness import OWNER, TASK, WORKSPACE, run

STACK = "pulumi:pulumi:Stack"
AGENT = "coder:index/agent:Agent"
APP = "coder:index/app:App"
SCRIPT = "coder:index/script:Script"
ENV = "coder:index/env:Env"
AI_TASK = "coder:index/aiTask:AiTask"
CODER_TYPES = frozenset(
    {
        AGENT,
        APP,
        SCRIPT,
        ENV,
        "coder:index/metadata:Metadata",
        "coder:index/parameter:Parameter",
        "coder:index/workspacePreset:WorkspacePreset",
        "coder:index/externalAuth:ExternalAuth",
        AI_TASK,
    }
)
# How `pulumi stack export` writes a secret (the engine's secret signature).
SECRET_SIG = "4dabf18193072939515e22adb298388d"
SECRET_VALUE = "1b47061264138c4ac30d75fd1eb44270"
# provisioner.AgentNameRegex and provisioner.AppSlugRegex in coder/coder.
AGENT_NAME_REGEX = "(?i)^[a-z0-9](-?[a-z0-9])*$"
APP_SLUG_REGEX = "^[a-z0-9](-?[a-z0-9])*$"
# Outputs the provider computes for a new resource.
COMPUTED: dict[str, dict[str, Any]] = {
    AGENT: {"token": "agent-token-value", "initScript": "#!/bin/sh\n# init\n"},
    AI_TASK: {"prompt": TASK["prompt"], "enabled": True},
}


def engine_urn(stack: str, project: str, parent_urn: str, type_: str, name: str) -> str:
    """resource.NewURN: the parent's qualified type, unless the parent is the root stack."""
    qualified = type_
    if parent_urn:
        parent_type = parent_urn.split("::")[2]
        if parent_type != STACK:
            qualified = f"{parent_type}${type_}"
    return f"urn:pulumi:{stack}::{project}::{qualified}::{name}"


@dataclass
class Exported:
    urn: str
    type: str
    custom: bool
    inputs: dict[str, Any]
    outputs: dict[str, Any]
    parent: str
    dependencies: list[str]
    id: str = ""


class _ExportMocks(Mocks):
    def __init__(self) -> None:
        self.data = {
            "coder:index/getWorkspace:getWorkspace": dict(WORKSPACE),
            "coder:index/getWorkspaceOwner:getWorkspaceOwner": dict(OWNER),
            "coder:index/getTask:getTask": dict(TASK),
        }

    def new_resource(self, args: MockResourceArgs) -> tuple[str, dict[str, Any]]:
        # Coder's resources get UUIDs as ids; stable ones, so tests can name them.
        resource_id = str(uuid.uuid5(uuid.NAMESPACE_URL, f"{args.typ}/{args.name}"))
        return resource_id, {**args.inputs, **COMPUTED.get(args.typ, {}), "id": resource_id}

    def call(self, args: MockCallArgs) -> dict[str, Any]:  # type: ignore[override]
        return dict(self.data.get(args.token, {}))


class _ExportMonitor(MockMonitor):
    def __init__(self, mocks: _ExportMocks, project: str, stack: str) -> None:
        super().__init__(mocks)
        self.project = project
        self.stack = stack
        self.exported: list[Exported] = []

    def make_urn(self, parent: str, type_: str, name: str) -> str:
        return engine_urn(self.stack, self.project, parent, type_, name)

    def RegisterResource(self, request: Any) -> Any:  # noqa: N802 (gRPC method name)
        response = super().RegisterResource(request)
        if request.type == STACK:
            return response  # written by stack_export itself
        urn = self.make_urn(request.parent, request.type, request.name)
        # A component has no id and no provider outputs (only what register_outputs sends).
        outputs = rpc.deserialize_properties(response.object) if request.custom else {}
        self.exported.append(
            Exported(
                urn=urn,
                type=request.type,
                custom=bool(request.custom),
                inputs=rpc.deserialize_properties(request.object),
                outputs=outputs,
                parent=request.parent,
                dependencies=sorted(set(request.dependencies)),
                id=response.id,
            )
        )
        return response


def _exported_value(value: Any) -> Any:
    """A property value as the export holds it: secrets wrapped (their plaintext encrypted)."""
    if rpc.is_rpc_secret(value):
        plaintext = json.dumps(_exported_value(rpc.unwrap_rpc_secret(value)))
        return {SECRET_SIG: SECRET_VALUE, "ciphertext": f"v1:<{len(plaintext)} bytes encrypted>"}
    if isinstance(value, Mapping):
        return {k: _exported_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_exported_value(v) for v in value]
    return value


def stack_export(
    program: Callable[[], object],
    *,
    project: str = "codex-workspace",
    stack: str = "coder",
    config: Mapping[str, str] | None = None,
    secret_keys: set[str] | None = None,
) -> dict[str, Any]:
    """Run ``program`` under the mock engine and return its ``pulumi stack export`` document."""
    mocks = _ExportMocks()
    monitor = _ExportMonitor(mocks, project, stack)
    pulumi.runtime.settings.reset_options(project=project, stack=stack, preview=False)
    pulumi.runtime.set_mocks(mocks, project=project, stack=stack, preview=False, monitor=monitor)
    pulumi.runtime.set_all_config(dict(config or {}), sorted(secret_keys or ()))
    try:
        run(program)
    finally:
        pulumi.runtime.settings.reset_options()
    stack_urn = engine_urn(stack, project, "", STACK, f"{project}-{stack}")
    provider_urn = engine_urn(stack, project, "", "pulumi:providers:coder", "default_2_17_0")
    resources: list[dict[str, Any]] = [
        {"urn": stack_urn, "type": STACK, "custom": False, "inputs": {}, "outputs": {}},
        {
            "urn": provider_urn,
            "custom": True,
            "id": "6a2d4a1e-provider",
            "type": "pulumi:providers:coder",
            "inputs": {"version": "2.17.0"},
            "outputs": {"version": "2.17.0"},
            "parent": stack_urn,
        },
    ]
    for r in monitor.exported:
        entry: dict[str, Any] = {
            "urn": r.urn,
            "custom": r.custom,
            "type": r.type,
            "inputs": _exported_value(r.inputs),
            "outputs": _exported_value(r.outputs),
            "parent": r.parent or stack_urn,
        }
        if r.custom:
            entry["id"] = r.id
            entry["provider"] = f"{provider_urn}::6a2d4a1e-provider"
        if r.dependencies:
            entry["dependencies"] = r.dependencies
        resources.append(entry)
    return {
        "version": 3,
        "deployment": {
            "manifest": {"time": "2026-12-01T00:00:00Z", "magic": "", "version": "v3.272.0"},
            "resources": resources,
        },
    }


# -- the converter (a port of the rules of coder/coder provisioner/pulumi/resources.go) --------


class ConversionError(Exception):
    """The converter refuses the export; the message is the converter's."""


def go_quote(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


@dataclass
class Attachment:
    urn: str
    kind: str  # app / script / env
    agent_urn: str
    by: str  # agentId / dependencies / parent


@dataclass
class Converted:
    agents: dict[str, dict[str, Any]] = field(default_factory=dict)  # urn -> {name, id}
    apps: list[dict[str, Any]] = field(default_factory=list)
    envs: list[dict[str, Any]] = field(default_factory=list)
    scripts: list[dict[str, Any]] = field(default_factory=list)
    ai_tasks: list[dict[str, str]] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def _urn_name(urn: str) -> str:
    return urn.rsplit("::", 1)[-1]


def _is_secret(value: Any) -> bool:
    return isinstance(value, Mapping) and value.get(SECRET_SIG) == SECRET_VALUE


class Converter:
    """``read_secrets=False`` is the converter as it is: a secret-wrapped value it must read
    as a string is an error. ``True`` models the fix SPEC 12 leaves to Coder (decrypting the
    export), so that the other rules can be checked on a program that holds secrets."""

    def __init__(self, export: Mapping[str, Any], *, read_secrets: bool = False) -> None:
        self.read_secrets = read_secrets
        resources = sorted(export["deployment"]["resources"], key=lambda r: r["urn"])
        self.by_urn: dict[str, dict[str, Any]] = {}
        for resource in resources:
            if resource["urn"] in self.by_urn:
                raise ConversionError(f"duplicate pulumi resource URN {go_quote(resource['urn'])}")
            resource.setdefault("inputs", {})
            resource.setdefault("outputs", {})
            resource["dependencies"] = sorted(set(resource.get("dependencies") or []))
            self.by_urn[resource["urn"]] = resource
        self.resources = resources

    # lookupRaw / stringProp: outputs first, then inputs.
    def _raw(self, resource: Mapping[str, Any], *keys: str) -> tuple[Any, bool]:
        for properties in (resource["outputs"], resource["inputs"]):
            for key in keys:
                if key in properties:
                    return properties[key], True
        return None, False

    def string_prop(self, resource: Mapping[str, Any], *keys: str) -> tuple[str, bool]:
        value, found = self._raw(resource, *keys)
        if not found:
            return "", False
        if _is_secret(value) and self.read_secrets:
            return "<decrypted secret>", True
        if isinstance(value, str):
            return value, True
        if isinstance(value, bool):
            return "true" if value else "false", True
        if isinstance(value, int | float):
            return str(value), True
        if value is None:
            return "", True
        kind = "map[string]interface {}" if isinstance(value, Mapping) else type(value).__name__
        raise ValueError(f"expected string-compatible value, got {kind}")

    def optional_string(self, resource: Mapping[str, Any], *keys: str) -> str:
        try:
            return self.string_prop(resource, *keys)[0]
        except ValueError:
            return ""  # the converter drops what it cannot read, silently

    def _of_type(self, type_: str) -> list[dict[str, Any]]:
        return [r for r in self.resources if r["type"] == type_]

    def convert(self) -> Converted:
        out = Converted()
        agents_by_id = self._agents(out)
        self._apps(out, agents_by_id)
        self._envs_and_scripts(out, agents_by_id)
        self._ai_tasks(out)
        return out

    def _agents(self, out: Converted) -> dict[str, str]:
        agents_by_id: dict[str, str] = {}
        names: set[str] = set()
        for agent in self._of_type(AGENT):
            name = _urn_name(agent["urn"])
            explicit = self.optional_string(agent, "name")
            name = explicit or name
            if not re.fullmatch(r"[a-z0-9](-?[a-z0-9])*", name, flags=re.IGNORECASE):
                raise ConversionError(
                    f"agent name {go_quote(name)} does not match regex {go_quote(AGENT_NAME_REGEX)}"
                )
            if name.lower() in names:
                raise ConversionError(f"duplicate agent name: {name}")
            names.add(name.lower())
            agent_id = self.optional_string(agent, "id")
            if agent_id:
                if agent_id in agents_by_id:
                    raise ConversionError(
                        f"duplicate Pulumi agent id {go_quote(agent_id)} for "
                        f"{go_quote(agents_by_id[agent_id])} and {go_quote(agent['urn'])}"
                    )
                agents_by_id[agent_id] = agent["urn"]
            out.agents[agent["urn"]] = {"name": name, "id": agent_id}
        return agents_by_id

    def _apps(self, out: Converted, agents_by_id: dict[str, str]) -> None:
        slugs: set[str] = set()
        for app in self._of_type(APP):
            owner = self._owner(app, "app", agents_by_id, out)
            if owner is None:
                continue
            slug = self._prop(app, "slug") or _urn_name(app["urn"])
            if not re.fullmatch(APP_SLUG_REGEX, slug):
                raise ConversionError(
                    f"app slug {go_quote(slug)} does not match regex {go_quote(APP_SLUG_REGEX)}"
                )
            if slug in slugs:
                raise ConversionError(
                    f"duplicate app slug, they must be unique per template: {go_quote(slug)}"
                )
            slugs.add(slug)
            out.apps.append(
                {
                    "urn": app["urn"],
                    "agent": owner,
                    "slug": slug,
                    "id": self.optional_string(app, "id"),
                    "url": self.optional_string(app, "url"),
                    "command": self.optional_string(app, "command"),
                    "displayName": self.optional_string(app, "displayName", "display_name"),
                }
            )

    def _envs_and_scripts(self, out: Converted, agents_by_id: dict[str, str]) -> None:
        for env in self._of_type(ENV):
            owner = self._owner(env, "env", agents_by_id, out)
            if owner is None:
                continue
            name = self._prop(env, "name")
            if not name:
                raise ConversionError(f"Pulumi env {go_quote(env['urn'])} name must not be empty")
            value = self._prop(env, "value")
            out.envs.append({"urn": env["urn"], "agent": owner, "name": name, "value": value})
        for script in self._of_type(SCRIPT):
            owner = self._owner(script, "script", agents_by_id, out)
            if owner is None:
                continue
            out.scripts.append(
                {
                    "urn": script["urn"],
                    "agent": owner,
                    "displayName": self.optional_string(script, "displayName", "display_name"),
                    "script": self.optional_string(script, "script"),
                    "runOnStart": self._raw(script, "runOnStart")[0] is True,
                    "runOnStop": self._raw(script, "runOnStop")[0] is True,
                }
            )

    def _ai_tasks(self, out: Converted) -> None:
        for task in self._of_type(AI_TASK):
            task_id = self._prop(task, "id")
            if not task_id:
                raise ConversionError(
                    f"Pulumi AI task {go_quote(task['urn'])} id must not be empty"
                )
            out.ai_tasks.append(
                {"urn": task["urn"], "id": task_id, "appId": self.optional_string(task, "appId")}
            )

    def _prop(self, resource: Mapping[str, Any], key: str) -> str:
        try:
            return self.string_prop(resource, key)[0]
        except ValueError as exc:
            raise ConversionError(
                f"decode Pulumi resource {go_quote(resource['urn'])} ({resource['type']}) field "
                f"{go_quote(key)}: {exc}"
            ) from None

    def _owner(
        self, resource: Mapping[str, Any], kind: str, agents_by_id: dict[str, str], out: Converted
    ) -> str | None:
        try:
            agent_id, _ = self.string_prop(resource, "agentId", "agent_id")
        except ValueError as exc:
            raise ConversionError(
                f"decode agent id for Pulumi {kind} {go_quote(resource['urn'])}: {exc}"
            ) from None
        if agent_id and agent_id in agents_by_id:
            out.attachments.append(
                Attachment(resource["urn"], kind, agents_by_id[agent_id], "agentId")
            )
            return agents_by_id[agent_id]
        by_dependency = self._dependency_agent(resource, kind, out)
        if by_dependency:
            out.attachments.append(Attachment(resource["urn"], kind, by_dependency, "dependencies"))
            return by_dependency
        parent = resource.get("parent", "")
        seen: set[str] = set()
        while parent and parent not in seen:
            seen.add(parent)
            if parent in out.agents:
                out.attachments.append(Attachment(resource["urn"], kind, parent, "parent"))
                return parent
            parent = self.by_urn.get(parent, {}).get("parent", "")
        out.skipped.append(resource["urn"])  # "skipping Pulumi child resource without owning agent"
        return None

    def _dependency_agent(self, resource: Mapping[str, Any], kind: str, out: Converted) -> str:
        visited = {resource["urn"]}
        frontier = list(resource["dependencies"])
        while frontier:
            matches: list[str] = []
            following: list[str] = []
            for urn in frontier:
                if urn in visited:
                    continue
                visited.add(urn)
                dependency = self.by_urn.get(urn)
                if dependency is None:
                    continue
                if urn in out.agents:
                    matches.append(urn)
                    continue
                following.extend(dependency["dependencies"])
            if len(matches) == 1:
                return matches[0]
            if len(matches) > 1:
                raise ConversionError(
                    f"resolve Pulumi {kind} {go_quote(resource['urn'])} by dependencies: ambiguous "
                    f"Pulumi dependency resolution for {go_quote(resource['urn'])}: "
                    + ", ".join(sorted(matches))
                )
            frontier = sorted(set(following))
        return ""
