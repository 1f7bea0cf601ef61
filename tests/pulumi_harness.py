"""Run Pulumi code under the mock engine and record what it registers and reads."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar, cast

import pulumi
from pulumi.runtime import rpc
from pulumi.runtime.mocks import MockCallArgs, MockResourceArgs, Mocks
from pulumi.runtime.stack import run_pulumi_func
from pulumi.runtime.sync_await import _sync_await

T = TypeVar("T")

WORKSPACE = {
    "id": "ws-1",
    "name": "dev-box",
    "accessUrl": "https://coder.test.example",
    "startCount": 1.0,
    "transition": "start",
}
OWNER = {
    "id": "owner-1",
    "name": "alice",
    "email": "alice@example.com",
    "sessionToken": "owner-session-token-123",
}
TASK = {"id": "task-42", "prompt": "fix the bug", "enabled": True}


@dataclass
class Registered:
    type: str
    name: str
    inputs: dict[str, Any]
    id: str


@dataclass
class CoderMocks(Mocks):
    """Answers the Coder data sources with fixed values and gives each resource the id
    ``<name>-id``."""

    data: dict[str, dict[str, Any]] = field(
        default_factory=lambda: {
            "coder:index/getWorkspace:getWorkspace": dict(WORKSPACE),
            "coder:index/getWorkspaceOwner:getWorkspaceOwner": dict(OWNER),
            "coder:index/getTask:getTask": dict(TASK),
        }
    )
    resources: list[Registered] = field(default_factory=list)
    calls: list[str] = field(default_factory=list)

    def new_resource(self, args: MockResourceArgs) -> tuple[str, dict[str, Any]]:
        resource_id = f"{args.name}-id"
        self.resources.append(Registered(args.typ, args.name, dict(args.inputs), resource_id))
        return resource_id, dict(args.inputs)

    def call(self, args: MockCallArgs) -> dict[str, Any]:  # type: ignore[override]
        self.calls.append(args.token)
        return dict(self.data.get(args.token, {}))

    def of_type(self, token: str) -> list[Registered]:
        return [r for r in self.resources if r.type == token]

    def named(self, name: str) -> Registered:
        (match,) = [r for r in self.resources if r.name == name]
        return match


def run(program: Callable[[], T]) -> T:
    """Run ``program`` to completion under the installed mocks and return its result."""
    holder: list[T] = []
    _sync_await(run_pulumi_func(lambda: holder.append(program())))
    return holder[0]


def resolve(output: pulumi.Output[T]) -> T:
    return cast(T, _sync_await(output.future()))


def plain(value: Any) -> Any:
    """The value with secret wrappers removed."""
    if rpc.is_rpc_secret(value):
        return plain(rpc.unwrap_rpc_secret(value))
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def is_secret(value: Any) -> bool:
    return bool(rpc.is_rpc_secret(value))
