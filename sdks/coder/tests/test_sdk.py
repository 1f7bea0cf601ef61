"""Tests for the hand-written Coder SDK in sdks/coder (package ``pulumi_coder``).

Every test runs a small program under Pulumi's mock engine with a monitor that records the
gRPC requests the SDK sends (RegisterPackage, RegisterResource, ReadResource, Invoke), so the
assertions are about what the engine would really receive: the parameterized package, its
package reference, tokens, camelCase wire names and numbers.
"""

from __future__ import annotations

import asyncio
import base64
import json
import uuid
from collections.abc import Callable, Iterator
from importlib import resources
from typing import Any, TypeVar, cast

import pulumi
import pytest
from pulumi.runtime import settings
from pulumi.runtime.mocks import MockCallArgs, MockMonitor, MockResourceArgs, Mocks
from pulumi.runtime.proto import resource_pb2

import pulumi_coder as coder
from pulumi_coder import outputs

T = TypeVar("T")

# What `pulumi package add terraform-provider coder/coder 2.17.0` records as the parameter.
REMOTE_PARAMETER = {"remote": {"url": "registry.opentofu.org/coder/coder", "version": "2.17.0"}}

STACK = "pulumi:pulumi:Stack"
SCRIPT = "coder:index/script:Script"
APP = "coder:index/app:App"
ENV = "coder:index/env:Env"
AI_TASK = "coder:index/aiTask:AiTask"
AGENT = "coder:index/agent:Agent"
PROVIDER = "pulumi:providers:coder"
GET_WORKSPACE = "coder:index/getWorkspace:getWorkspace"
GET_WORKSPACE_OWNER = "coder:index/getWorkspaceOwner:getWorkspaceOwner"
GET_TASK = "coder:index/getTask:getTask"

# Invoke answers, keyed by token, in the provider's (camelCase) wire names.
CALL_RESULTS: dict[str, dict[str, Any]] = {
    GET_WORKSPACE: {
        "accessPort": 443,
        "accessUrl": "https://coder.example.com",
        "id": "ws-1",
        "isPrebuild": False,
        "name": "dev",
        "startCount": 1,
        "templateId": "tpl-1",
        "templateName": "codex-workspace",
        "templateVersion": "v7",
        "transition": "start",
    },
    GET_WORKSPACE_OWNER: {
        "email": "ada@example.com",
        "fullName": "Ada Lovelace",
        "groups": ["Everyone", "devs"],
        "id": "owner-1",
        "loginType": "oidc",
        "name": "ada",
        "oidcAccessToken": "oidc-token-value",
        "sessionToken": "session-token-value",
        "sshPrivateKey": "ssh-private-key-value",
        "sshPublicKey": "ssh-ed25519 AAAA ada",
    },
    GET_TASK: {"id": "task-1", "prompt": "fix the flaky test", "enabled": True},
}
# State the provider computes for resources, on top of echoing their inputs.
COMPUTED_STATE: dict[str, dict[str, Any]] = {
    AGENT: {"token": "agent-token-value", "initScript": "#!/bin/sh\necho init"},
    AI_TASK: {"prompt": "fix the flaky test", "enabled": True},
}


class CoderMocks(Mocks):
    def __init__(self) -> None:
        self.resources: list[MockResourceArgs] = []
        self.calls: list[MockCallArgs] = []

    def new_resource(self, args: MockResourceArgs) -> tuple[str | None, dict[str, Any]]:
        self.resources.append(args)
        state = dict(args.inputs)
        state.update(COMPUTED_STATE.get(args.typ, {}))
        return f"{args.name}-id", state

    def call(self, args: MockCallArgs) -> tuple[dict[str, Any], list[tuple[str, str]]]:
        self.calls.append(args)
        return dict(CALL_RESULTS[args.token]), []


class RecordingMonitor(MockMonitor):
    """The mock monitor, recording requests and handing out a package ref of its own."""

    def __init__(self, mocks: CoderMocks) -> None:
        super().__init__(mocks)
        # Unique per monitor: a ref from another deployment can never match by accident.
        self.ref = f"coder-ref-{uuid.uuid4()}"
        self.packages: list[Any] = []
        self.registrations: list[Any] = []
        self.reads: list[Any] = []
        self.invokes: list[Any] = []

    def RegisterPackage(self, request: Any) -> Any:  # noqa: N802 (gRPC method name)
        self.packages.append(request)
        return resource_pb2.RegisterPackageResponse(ref=self.ref)

    def RegisterResource(self, request: Any) -> Any:  # noqa: N802
        self.registrations.append(request)
        base: Any = super()
        return base.RegisterResource(request)

    def ReadResource(self, request: Any) -> Any:  # noqa: N802
        self.reads.append(request)
        base: Any = super()
        return base.ReadResource(request)

    def Invoke(self, request: Any) -> Any:  # noqa: N802
        self.invokes.append(request)
        base: Any = super()
        return base.Invoke(request)


class Deployment:
    """One mock deployment: fresh runtime settings (so nothing leaks from an earlier one,
    including the runtime's package-ref cache), a recording monitor, and helpers."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.mocks = CoderMocks()
        self.monitor = RecordingMonitor(self.mocks)
        settings.reset_options()
        pulumi.runtime.set_mocks(self.mocks, preview=False, monitor=self.monitor)

    def run(self, program: Callable[[], T]) -> T:
        """Runs ``program`` as a Pulumi program; returns after every registration and
        invoke it started has finished."""
        box: list[T] = []

        def body() -> None:
            box.append(program())

        # pulumi.runtime.test runs the function as a program and waits for its RPCs.
        as_program = cast(Callable[[Callable[[], None]], Callable[[], None]], pulumi.runtime.test)
        as_program(body)()
        return box[0]

    def value(self, output: pulumi.Output[T]) -> T | None:
        return self.loop.run_until_complete(output.future())

    def is_secret(self, output: pulumi.Output[Any]) -> bool:
        return self.loop.run_until_complete(output.is_secret())

    def registered(self, typ: str | None = None) -> list[Any]:
        return [
            r
            for r in self.monitor.registrations
            if r.type != STACK and (typ is None or r.type == typ)
        ]

    def inputs(self, name: str) -> dict[str, Any]:
        """The inputs the provider receives for resource ``name`` (wire names)."""
        (found,) = [r for r in self.mocks.resources if r.name == name]
        return found.inputs


# The spare loop a previous test left as the current loop (see `loop`).
_spare_loops: list[asyncio.AbstractEventLoop] = []


@pytest.fixture
def loop() -> Iterator[asyncio.AbstractEventLoop]:
    """A new event loop per test: nothing the SDK caches may outlive the loop it came from."""
    while _spare_loops:
        spare = _spare_loops.pop()
        if not spare.is_running():
            spare.close()
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    yield loop
    loop.close()
    # Leave a usable current loop behind, as the interpreter would: code outside a running
    # loop (pulumi.runtime.set_mocks in other tests, for one) needs one.
    spare = asyncio.new_event_loop()
    _spare_loops.append(spare)
    asyncio.set_event_loop(spare)


@pytest.fixture
def deployment(loop: asyncio.AbstractEventLoop) -> Deployment:
    return Deployment(loop)


def plugin_json() -> dict[str, Any]:
    text = resources.files("pulumi_coder").joinpath("pulumi-plugin.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def all_resources() -> list[pulumi.CustomResource]:
    provider = coder.Provider("p", url="https://coder.example.com")
    agent = coder.Agent("agent", arch="amd64", os="linux")
    app = coder.App("app", agent_id=agent.id, slug="web")
    return [
        provider,
        agent,
        app,
        coder.Script("script", agent_id=agent.id, display_name="Start", script="echo hi"),
        coder.Env("env", agent_id=agent.id, name="FOO", value="bar"),
        coder.AiTask("task", app_id=app.id),
    ]


def all_invokes() -> list[Any]:
    return [
        coder.get_workspace_output(),
        coder.get_workspace_owner_output(),
        coder.get_task_output(),
        coder.get_workspace(),
        coder.get_workspace_owner(),
        coder.get_task(),
    ]


# --- the parameterized package -------------------------------------------------------------


def test_plugin_json_names_the_bridged_coder_provider() -> None:
    data = plugin_json()
    assert data["resource"] is True
    assert (data["name"], data["version"]) == ("terraform-provider", "1.1.3")
    param = data["parameterization"]
    assert (param["name"], param["version"]) == ("coder", "2.17.0")
    raw = base64.b64decode(param["value"], validate=True)
    assert json.loads(raw) == REMOTE_PARAMETER
    # Compact JSON, byte for byte what the Pulumi CLI stores for this parameter.
    assert raw == json.dumps(REMOTE_PARAMETER, separators=(",", ":")).encode()


def test_register_package_request_describes_the_package(deployment: Deployment) -> None:
    deployment.run(lambda: coder.Script("s", agent_id="a", display_name="Start", script="echo hi"))

    (request,) = deployment.monitor.packages
    assert (request.name, request.version, request.download_url) == (
        "terraform-provider",
        "1.1.3",
        "",
    )
    assert request.HasField("parameterization")
    assert not request.HasField("extension")
    param = request.parameterization
    assert (param.name, param.version) == ("coder", "2.17.0")
    assert json.loads(param.value) == REMOTE_PARAMETER
    assert param.value == base64.b64decode(plugin_json()["parameterization"]["value"])


def test_every_resource_is_registered_with_the_package_ref(deployment: Deployment) -> None:
    deployment.run(all_resources)

    registered = deployment.registered()
    assert sorted(r.type for r in registered) == sorted(
        [PROVIDER, AGENT, APP, SCRIPT, ENV, AI_TASK]
    )
    for request in registered:
        assert request.packageRef == deployment.monitor.ref, request.type
        # With a package ref, the SDK's own version must not leak into the request.
        assert request.version == "", request.type
    # One registration per deployment, however many resources use it.
    assert len(deployment.monitor.packages) == 1


def test_every_invoke_is_sent_with_the_package_ref(deployment: Deployment) -> None:
    deployment.run(all_invokes)

    invokes = deployment.monitor.invokes
    assert sorted(i.tok for i in invokes) == sorted(
        [GET_WORKSPACE, GET_WORKSPACE_OWNER, GET_TASK] * 2
    )
    for request in invokes:
        assert request.packageRef == deployment.monitor.ref, request.tok
        assert request.version == "", request.tok
    assert [c.args for c in deployment.mocks.calls] == [{}] * 6
    assert len(deployment.monitor.packages) == 1


def test_get_reads_the_resource_with_the_package_ref(deployment: Deployment) -> None:
    script = deployment.run(lambda: coder.Script.get("existing", "script-42"))

    (read,) = deployment.monitor.reads
    assert (read.type, read.id, read.packageRef) == (SCRIPT, "script-42", deployment.monitor.ref)
    assert deployment.value(script.id) == "script-42"


def test_each_deployment_registers_its_own_package_ref(
    loop: asyncio.AbstractEventLoop,
) -> None:
    # Two deployments in one process (as automation-API inline programs, or tests, do): a ref
    # issued by the first engine must never be sent to the second.
    refs = []
    for _ in range(2):
        deployment = Deployment(loop)
        deployment.run(all_resources)
        deployment.run(all_invokes)
        assert len(deployment.monitor.packages) == 1
        sent = {r.packageRef for r in deployment.registered()}
        sent |= {i.packageRef for i in deployment.monitor.invokes}
        assert sent == {deployment.monitor.ref}
        refs.append(deployment.monitor.ref)
    assert refs[0] != refs[1]


# --- resources: tokens, wire names, numbers -----------------------------------------------


def test_script_inputs_use_camel_case_and_floats(deployment: Deployment) -> None:
    def program() -> None:
        coder.Script(
            "by-keyword",
            agent_id="agent-1",
            display_name="Codex: start",
            script="echo start",
            icon="/icon/openai.svg",
            run_on_start=True,
            run_on_stop=False,
            start_blocks_login=True,
            timeout=30,
            cron="0 * * * *",
            log_path="codex.log",
        )
        coder.Script(
            "by-args",
            coder.ScriptArgs(agent_id="agent-1", display_name="Stop", script="x", timeout=1.5),
        )

    deployment.run(program)

    inputs = deployment.inputs("by-keyword")
    assert inputs == {
        "agentId": "agent-1",
        "displayName": "Codex: start",
        "script": "echo start",
        "icon": "/icon/openai.svg",
        "runOnStart": True,
        "runOnStop": False,
        "startBlocksLogin": True,
        "timeout": 30.0,
        "cron": "0 * * * *",
        "logPath": "codex.log",
    }
    assert isinstance(inputs["timeout"], float)
    assert deployment.inputs("by-args") == {
        "agentId": "agent-1",
        "displayName": "Stop",
        "script": "x",
        "timeout": 1.5,
    }
    assert {r.type for r in deployment.registered()} == {SCRIPT}


def test_app_healthcheck_is_a_single_object(deployment: Deployment) -> None:
    def program() -> coder.App:
        coder.App(
            "from-dict",
            agent_id="agent-1",
            slug="codex-cli",
            healthcheck={"url": "http://localhost:1/", "interval": 5, "threshold": 2},
        )
        return coder.App(
            "web",
            agent_id="agent-1",
            slug="codex",
            display_name="Codex",
            url="http://localhost:3284/",
            icon="/icon/openai.svg",
            order=2,
            group="AI",
            subdomain=False,
            open_in="tab",
            share="owner",
            external=False,
            hidden=False,
            tooltip="Chat with Codex",
            healthcheck=coder.AppHealthcheckArgs(
                url="http://localhost:3284/status", interval=3, threshold=20
            ),
        )

    app = deployment.run(program)

    inputs = deployment.inputs("web")
    assert inputs == {
        "agentId": "agent-1",
        "slug": "codex",
        "displayName": "Codex",
        "url": "http://localhost:3284/",
        "icon": "/icon/openai.svg",
        "order": 2.0,
        "group": "AI",
        "subdomain": False,
        "openIn": "tab",
        "share": "owner",
        "external": False,
        "hidden": False,
        "tooltip": "Chat with Codex",
        "healthcheck": {"url": "http://localhost:3284/status", "interval": 3.0, "threshold": 20.0},
    }
    assert all(isinstance(inputs["healthcheck"][k], float) for k in ("interval", "threshold"))
    assert isinstance(inputs["order"], float)
    assert deployment.inputs("from-dict")["healthcheck"] == {
        "url": "http://localhost:1/",
        "interval": 5.0,
        "threshold": 2.0,
    }

    healthcheck = deployment.value(app.healthcheck)
    assert isinstance(healthcheck, outputs.AppHealthcheck)
    assert (healthcheck.url, healthcheck.interval, healthcheck.threshold) == (
        "http://localhost:3284/status",
        3.0,
        20.0,
    )
    assert deployment.value(app.open_in) == "tab"


def test_agent_inputs_and_secret_token(deployment: Deployment) -> None:
    agent = deployment.run(
        lambda: coder.Agent(
            "main",
            arch="arm64",
            os="linux",
            dir="/home/coder/project",
            env={"GIT_AUTHOR_NAME": "Coder"},
            startup_script="echo up",
            shutdown_script="echo down",
            auth="token",
            connection_timeout=120,
            motd_file="/etc/motd",
            troubleshooting_url="https://example.com/help",
            order=1,
        )
    )

    assert deployment.inputs("main") == {
        "arch": "arm64",
        "os": "linux",
        "dir": "/home/coder/project",
        "env": {"GIT_AUTHOR_NAME": "Coder"},
        "startupScript": "echo up",
        "shutdownScript": "echo down",
        "auth": "token",
        "connectionTimeout": 120.0,
        "motdFile": "/etc/motd",
        "troubleshootingUrl": "https://example.com/help",
        "order": 1.0,
    }
    (request,) = deployment.registered(AGENT)
    assert list(request.additionalSecretOutputs) == ["token"]
    assert deployment.value(agent.token) == "agent-token-value"
    assert deployment.value(agent.init_script) == "#!/bin/sh\necho init"


def test_env_and_ai_task_wire_names_and_outputs(deployment: Deployment) -> None:
    def program() -> coder.AiTask:
        coder.Env("env", agent_id="a", name="OPENAI_API_KEY", value="k", merge_strategy="replace")
        return coder.AiTask("task", coder.AiTaskArgs(app_id="app-1"))

    task = deployment.run(program)

    assert deployment.inputs("env") == {
        "agentId": "a",
        "name": "OPENAI_API_KEY",
        "value": "k",
        "mergeStrategy": "replace",
    }
    assert deployment.inputs("task") == {"appId": "app-1"}
    assert deployment.value(task.prompt) == "fix the flaky test"
    assert deployment.value(task.enabled) is True
    assert deployment.value(task.app_id) == "app-1"


def test_provider_is_used_by_resources(deployment: Deployment) -> None:
    def program() -> coder.Provider:
        provider = coder.Provider("coder", url="https://coder.example.com")
        coder.Script(
            "s",
            agent_id="a",
            display_name="d",
            script="x",
            opts=pulumi.ResourceOptions(provider=provider),
        )
        return provider

    provider = deployment.run(program)

    (request,) = deployment.registered(PROVIDER)
    assert deployment.inputs("coder") == {"url": "https://coder.example.com"}
    (script,) = deployment.registered(SCRIPT)
    urn = deployment.value(provider.urn)
    assert script.provider == f"{urn}::coder-id"
    assert request.packageRef == script.packageRef == deployment.monitor.ref


@pytest.mark.parametrize(
    ("build", "missing"),
    [
        (lambda: coder.Env("e", agent_id="a", value="v"), "name"),
        (lambda: coder.Env("e", name="N"), "agent_id"),
        (lambda: coder.Script("s", agent_id="a", display_name="d"), "script"),
        (lambda: coder.App("a", agent_id="a"), "slug"),
        (lambda: coder.Agent("a", arch="amd64"), "os"),
    ],
)
def test_missing_required_property_raises_type_error(
    deployment: Deployment, build: Callable[[], object], missing: str
) -> None:
    with pytest.raises(TypeError, match=f"Missing required property '{missing}'"):
        deployment.run(build)
    assert deployment.registered() == []


def test_env_args_require_a_name() -> None:
    with pytest.raises(TypeError, match="name"):
        coder.EnvArgs(agent_id="a", value="v")  # type: ignore[call-arg]


# --- invokes ------------------------------------------------------------------------------


def test_output_invokes_resolve_to_typed_results(deployment: Deployment) -> None:
    workspace, owner, task = deployment.run(
        lambda: (
            coder.get_workspace_output(),
            coder.get_workspace_owner_output(),
            coder.get_task_output(),
        )
    )

    ws = deployment.value(workspace)
    assert isinstance(ws, coder.GetWorkspaceResult)
    assert (ws.access_port, ws.start_count) == (443.0, 1.0)
    assert isinstance(ws.access_port, float)
    assert isinstance(ws.start_count, float)
    assert ws.is_prebuild is False
    assert (ws.access_url, ws.id, ws.name, ws.transition) == (
        "https://coder.example.com",
        "ws-1",
        "dev",
        "start",
    )
    assert (ws.template_id, ws.template_name, ws.template_version) == (
        "tpl-1",
        "codex-workspace",
        "v7",
    )
    assert deployment.value(workspace.access_url) == "https://coder.example.com"

    assert deployment.value(owner.groups) == ["Everyone", "devs"]
    assert deployment.value(owner.full_name) == "Ada Lovelace"
    assert deployment.value(owner.login_type) == "oidc"
    assert deployment.value(owner.ssh_public_key) == "ssh-ed25519 AAAA ada"

    t = deployment.value(task)
    assert isinstance(t, coder.GetTaskResult)
    assert (t.id, t.prompt, t.enabled) == ("task-1", "fix the flaky test", True)
    assert deployment.value(task.prompt) == "fix the flaky test"


def test_workspace_owner_output_marks_sensitive_fields_secret(deployment: Deployment) -> None:
    owner = deployment.run(coder.get_workspace_owner_output)

    for field, expected in [
        ("session_token", "session-token-value"),
        ("oidc_access_token", "oidc-token-value"),
        ("ssh_private_key", "ssh-private-key-value"),
    ]:
        lifted = getattr(owner, field)
        assert deployment.is_secret(lifted), field
        assert deployment.value(lifted) == expected
    # The rest stays readable, e.g. for names and paths built from it.
    for plain in (owner.name, owner.email, owner.id, owner.ssh_public_key):
        assert not deployment.is_secret(plain)
    assert deployment.value(owner.name) == "ada"
    assert deployment.value(owner.email) == "ada@example.com"


def test_plain_invokes_return_awaitable_results(deployment: Deployment) -> None:
    workspace, owner, task = deployment.run(
        lambda: (coder.get_workspace(), coder.get_workspace_owner(), coder.get_task())
    )

    assert isinstance(workspace, coder.AwaitableGetWorkspaceResult)
    assert isinstance(workspace.access_port, float)
    assert workspace.access_port == 443.0
    assert workspace.name == "dev"
    # The plain form hands out sensitive values as plain strings, as generated code does.
    assert isinstance(owner, coder.AwaitableGetWorkspaceOwnerResult)
    assert owner.session_token == "session-token-value"
    assert owner.groups == ["Everyone", "devs"]
    assert isinstance(task, coder.AwaitableGetTaskResult)
    assert (task.id, task.prompt, task.enabled) == ("task-1", "fix the flaky test", True)

    async def awaited() -> coder.GetWorkspaceOwnerResult:
        return await owner

    resolved = deployment.loop.run_until_complete(awaited())
    assert type(resolved) is coder.GetWorkspaceOwnerResult
    assert resolved.email == "ada@example.com"
