"""Offline preview: run a Pulumi program in-process under Pulumi's mock engine and show what
``pulumi up`` would create, without the Pulumi CLI, a provider or a Coder deployment.

Data sources (workspace, owner, task) are answered with sample values, and the ids of new
resources are not known before deployment, so they show as ``[unknown]``.
"""

from __future__ import annotations

import runpy
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import pulumi
import yaml
from pulumi.runtime import rpc
from pulumi.runtime.mocks import MockCallArgs, MockMonitor, MockResourceArgs, Mocks
from pulumi.runtime.stack import run_pulumi_func
from pulumi.runtime.sync_await import _sync_await

UNKNOWN: Final = "[unknown]"
SECRET: Final = "[secret]"  # noqa: S105 (what a secret is shown as)
# What the data sources answer in the preview; shown to the user next to the tree.
SAMPLE_DATA: Final[dict[str, dict[str, Any]]] = {
    "coder:index/getWorkspace:getWorkspace": {
        "id": "sample-workspace-id",
        "name": "sample-workspace",
        "accessUrl": "https://coder.example.com",
        "accessPort": 443.0,
        "startCount": 1.0,
        "transition": "start",
        "templateName": "codex-workspace",
    },
    "coder:index/getWorkspaceOwner:getWorkspaceOwner": {
        "id": "sample-owner-id",
        "name": "sample-owner",
        "email": "owner@example.com",
        "fullName": "Sample Owner",
        "sessionToken": "sample-session-token",
    },
    "coder:index/getTask:getTask": {"id": "", "prompt": "", "enabled": False},
}
# Outputs a real deployment computes; never known at preview.
COMPUTED_OUTPUTS: Final[dict[str, tuple[str, ...]]] = {
    "coder:index/agent:Agent": ("token", "initScript"),
    "coder:index/aiTask:AiTask": ("prompt", "enabled"),
}


@dataclass
class Registration:
    urn: str
    type: str
    name: str
    parent: str
    custom: bool
    inputs: dict[str, Any]


@dataclass
class PreviewResult:
    project: str
    stack: str
    resources: list[Registration] = field(default_factory=list)
    invokes: list[str] = field(default_factory=list)


class PreviewError(Exception):
    """A problem with the program or its configuration, reported without a traceback."""


class _PreviewMocks(Mocks):
    def __init__(self, result: PreviewResult) -> None:
        self.result = result

    def new_resource(self, args: MockResourceArgs) -> tuple[str | None, dict[str, Any]]:
        state = dict(args.inputs)
        for name in COMPUTED_OUTPUTS.get(args.typ, ()):
            state.setdefault(name, UNKNOWN)
        return UNKNOWN, state

    def call(self, args: MockCallArgs) -> dict[str, Any]:  # type: ignore[override]
        # The mock monitor takes a plain dict as "no check failures".
        self.result.invokes.append(args.token)
        return dict(SAMPLE_DATA.get(args.token, {}))


class _RecordingMonitor(MockMonitor):
    def __init__(self, mocks: _PreviewMocks, result: PreviewResult) -> None:
        super().__init__(mocks)
        self.result = result

    def RegisterResource(self, request: Any) -> Any:  # noqa: N802 (gRPC method name)
        response = super().RegisterResource(request)  # type: ignore[no-untyped-call]
        if request.type != "pulumi:pulumi:Stack":
            self.result.resources.append(
                Registration(
                    urn=response.urn,
                    type=request.type,
                    name=request.name,
                    parent=request.parent,
                    custom=bool(request.custom),
                    inputs=rpc.deserialize_properties(request.object),
                )
            )
        return response


def load_project(project_dir: Path) -> str:
    pulumi_yaml = project_dir / "Pulumi.yaml"
    if not pulumi_yaml.is_file():
        raise PreviewError(f"no Pulumi.yaml in {project_dir}: pass --project-dir")
    document = yaml.safe_load(pulumi_yaml.read_text(encoding="utf-8")) or {}
    name = document.get("name")
    if not isinstance(name, str) or not name:
        raise PreviewError(f"{pulumi_yaml} has no project name")
    return name


def load_stack_config(stack_file: Path, project: str) -> tuple[dict[str, str], set[str]]:
    """Config values and secret keys of a stack file. Encrypted values cannot be read
    offline; they become placeholders that the preview shows as [secret]."""
    try:
        document = yaml.safe_load(stack_file.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise PreviewError(f"cannot read stack file {stack_file}: {exc}") from None
    config: dict[str, str] = {}
    secrets: set[str] = set()
    for key, value in (document.get("config") or {}).items():
        full_key = _full_key(str(key), project)
        if isinstance(value, Mapping) and "secure" in value:
            config[full_key] = "offline-preview-secret"
            secrets.add(full_key)
        elif isinstance(value, bool):
            config[full_key] = "true" if value else "false"
        elif isinstance(value, str | int | float):
            config[full_key] = str(value)
        else:
            raise PreviewError(f"{stack_file}: config {key} must be a plain value")
    return config, secrets


def _full_key(key: str, project: str) -> str:
    return key if ":" in key else f"{project}:{key}"


def parse_assignments(pairs: list[str], project: str) -> dict[str, str]:
    values = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise PreviewError(f"expected key=value, got {pair!r}")
        values[_full_key(key, project)] = value
    return values


def run_program(
    program: Path,
    *,
    project: str,
    stack: str,
    config: Mapping[str, str],
    secret_keys: set[str],
) -> PreviewResult:
    """Evaluate the program under the mock engine and record every registration."""
    result = PreviewResult(project=project, stack=stack)
    mocks = _PreviewMocks(result)
    pulumi.runtime.settings.reset_options(project=project, stack=stack, preview=False)
    pulumi.runtime.set_mocks(
        mocks, project=project, stack=stack, preview=False, monitor=_RecordingMonitor(mocks, result)
    )
    pulumi.runtime.set_all_config(dict(config), sorted(secret_keys))
    sys.path.insert(0, str(program.parent))
    try:
        _sync_await(run_pulumi_func(lambda: _run_path(program)))
    except pulumi.ConfigMissingError as exc:
        hint = "Set it with --config (or --secret) or in the stack file."
        raise PreviewError(f"{exc}\n{hint}") from None
    except (ValueError, TypeError, pulumi.RunError, pulumi.ConfigTypeError) as exc:
        raise PreviewError(str(exc)) from None
    finally:
        sys.path.remove(str(program.parent))
    return result


def _run_path(program: Path) -> None:
    runpy.run_path(str(program), run_name="__main__")


def display_value(value: Any) -> Any:
    """The input as the preview shows it: secrets and unknowns masked, recursively."""
    if rpc.is_rpc_secret(value):
        return SECRET
    if value == rpc.UNKNOWN:
        return UNKNOWN
    if isinstance(value, Mapping):
        return {key: display_value(item) for key, item in value.items()}
    if isinstance(value, list):
        return [display_value(item) for item in value]
    return value
