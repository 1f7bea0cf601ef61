"""Offline preview: run a Pulumi program in-process under Pulumi's mock engine and show what
``pulumi up`` would create, without the Pulumi CLI, a provider or a Coder deployment.

Data sources (workspace, owner, task) are answered with sample values, and the ids of new
resources are not known before deployment, so they show as ``[unknown]``.
"""

from __future__ import annotations

import os
import runpy
import sys
import threading
import traceback
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

from codex_component.slugs import DUPLICATE_SLUG, SLUG_PATTERN, slug_problem

UNKNOWN: Final = "[unknown]"
STACK_TYPE: Final = "pulumi:pulumi:Stack"
APP_TYPE: Final = "coder:index/app:App"
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


class _EngineRejection(Exception):  # noqa: N818 (what the engine says, raised into the program)
    """What the real engine would refuse; raised from the monitor into the program."""


def engine_urn(*, stack: str, project: str, parent_urn: str, type_: str, name: str) -> str:
    """The URN the Pulumi engine gives a resource: its type is qualified by the parent's whole
    qualified type, except that children of the root stack are not (resource.NewURN)."""
    qualified = type_
    if parent_urn:
        parent_type = parent_urn.split("::")[2]
        if parent_type != STACK_TYPE:
            qualified = f"{parent_type}${type_}"
    return f"urn:pulumi:{stack}::{project}::{qualified}::{name}"


def duplicate_urn_message(urn: str) -> str:
    # The engine's own wording (pulumi/pulumi diag.GetDuplicateResourceURNError).
    return f"Duplicate resource URN '{urn}'; try giving it a unique name"


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
        self.rejections: list[str] = []
        # The SDK sends registrations from a thread pool: claim each URN under a lock.
        self._lock = threading.Lock()
        self._urns: set[str] = set()

    def make_urn(self, parent: str, type_: str, name: str) -> str:
        # URNs as the engine forms them (the mock monitor keeps only the parent's last type).
        return engine_urn(
            stack=self.result.stack,
            project=self.result.project,
            parent_urn=parent,
            type_=type_,
            name=name,
        )

    def RegisterResource(self, request: Any) -> Any:  # noqa: N802 (gRPC method name)
        urn = self.make_urn(request.parent, request.type, request.name)
        with self._lock:
            duplicate = urn in self._urns
            self._urns.add(urn)
            if duplicate:
                self.rejections.append(duplicate_urn_message(urn))
        if duplicate:
            raise _EngineRejection(duplicate_urn_message(urn))
        response = super().RegisterResource(request)  # type: ignore[no-untyped-call]
        if request.type != STACK_TYPE:
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


@dataclass(frozen=True)
class Project:
    name: str
    directory: Path
    program: Path  # the file, or the folder whose __main__.py, Pulumi runs


PROJECT_FILES: Final = ("Pulumi.yaml", "Pulumi.yml")


def load_project(project_dir: Path) -> Project:
    """The project in ``project_dir`` as Pulumi reads it: its name, and the program that
    ``main:`` names (a file or a folder), else the folder's own ``__main__.py``."""
    found = [project_dir / f for f in PROJECT_FILES if (project_dir / f).is_file()]
    if not found:
        raise PreviewError(
            f"no Pulumi.yaml in {project_dir}: run from a project folder or pass --project-dir"
        )
    project_file = found[0]
    try:
        document = yaml.safe_load(project_file.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise PreviewError(f"cannot read {project_file}: {exc}") from None
    if not isinstance(document, Mapping):
        raise PreviewError(f"{project_file} is not a YAML mapping")
    name = document.get("name")
    if not isinstance(name, str) or not name:
        raise PreviewError(f"{project_file} has no project name")
    runtime = document.get("runtime")
    runtime_name = runtime.get("name") if isinstance(runtime, Mapping) else runtime
    if runtime_name != "python":
        raise PreviewError(
            f"{project_file}: runtime is {runtime_name!r}; the offline preview evaluates Python "
            "programs (runtime: python) only"
        )
    return Project(name, project_dir, _program_of(project_dir, project_file, document.get("main")))


def _program_of(project_dir: Path, project_file: Path, main: Any) -> Path:
    if main is None:
        program = project_dir
        where = f"{project_dir} (Pulumi.yaml sets no main:)"
    elif isinstance(main, str) and main:
        program = (project_dir / main).resolve()
        where = f"{program} (main: {main!r} in {project_file.name})"
    else:
        raise PreviewError(f"{project_file}: main must be a path; got {main!r}")
    if program.is_dir():
        if not (program / "__main__.py").is_file():
            raise PreviewError(f"no __main__.py in {where}")
        return program
    if program.is_file():
        return program
    raise PreviewError(f"the program does not exist: {where}")


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
    cwd: Path | None = None,
) -> PreviewResult:
    """Evaluate the program (a file, or a folder with ``__main__.py``) under the mock engine,
    from ``cwd`` (the project folder, as Pulumi runs it), and record every registration.
    What the engine or a Coder build would reject fails here too."""
    result = PreviewResult(project=project, stack=stack)
    mocks = _PreviewMocks(result)
    monitor = _RecordingMonitor(mocks, result)
    pulumi.runtime.settings.reset_options(project=project, stack=stack, preview=False)
    pulumi.runtime.set_mocks(mocks, project=project, stack=stack, preview=False, monitor=monitor)
    pulumi.runtime.set_all_config(dict(config), sorted(secret_keys))
    import_root = str(program if program.is_dir() else program.parent)
    sys.path.insert(0, import_root)
    previous_cwd = Path.cwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        _sync_await(run_pulumi_func(lambda: _run_path(program)))
    except pulumi.ConfigMissingError as exc:
        hint = "Set it with --config (or --secret) or in the stack file."
        raise PreviewError(f"{exc}\n{hint}") from None
    except (ValueError, TypeError, pulumi.RunError, pulumi.ConfigTypeError) as exc:
        raise PreviewError(monitor.rejections[0] if monitor.rejections else str(exc)) from None
    except Exception as exc:
        if monitor.rejections:
            raise PreviewError(monitor.rejections[0]) from None
        raise PreviewError(_program_failure(exc, program)) from None
    finally:
        os.chdir(previous_cwd)
        sys.path.remove(import_root)
    if monitor.rejections:
        raise PreviewError(monitor.rejections[0])
    check_coder_rules(result)
    return result


def _run_path(program: Path) -> None:
    runpy.run_path(str(program), run_name="__main__")


def _program_failure(exc: BaseException, program: Path) -> str:
    """One line for an error in the program itself: what and where (the program's own last
    line in the traceback), not the SDK's frames."""
    folder = program if program.is_dir() else program.parent
    frames = traceback.extract_tb(exc.__traceback__)
    own = [f for f in frames if Path(f.filename).resolve().is_relative_to(folder.resolve())]
    chosen = own or frames
    where = f" (at {chosen[-1].filename}:{chosen[-1].lineno})" if chosen else ""
    return f"the program failed: {type(exc).__name__}: {exc}{where}"


def check_coder_rules(result: PreviewResult) -> None:
    """What a Coder build rejects across the whole template, in Coder's words: app slugs that
    do not match its rule, and app slugs used twice (coder/coder provisioner)."""
    seen: set[str] = set()
    for resource in sorted(result.resources, key=lambda r: r.urn):
        slug = resource.inputs.get("slug") if resource.type == APP_TYPE else None
        if not isinstance(slug, str) or rpc.is_rpc_secret(slug) or slug == rpc.UNKNOWN:
            continue
        if slug_problem(slug):
            raise PreviewError(f"app slug {slug!r} does not match regex {SLUG_PATTERN!r}")
        if slug in seen:
            raise PreviewError(f'{DUPLICATE_SLUG}: "{slug}"')
        seen.add(slug)


def display_value(value: Any) -> Any:
    """The input as the preview shows it: secrets and unknowns masked, recursively."""
    if rpc.is_rpc_secret(value):
        return SECRET
    if value == rpc.UNKNOWN:
        return UNKNOWN
    if isinstance(value, Mapping):
        # Registrations and maps arrive in no fixed order: show keys sorted.
        return {key: display_value(value[key]) for key in sorted(value)}
    if isinstance(value, list):
        return [display_value(item) for item in value]
    return value
