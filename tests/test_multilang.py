"""Codex from other Pulumi languages: the schema the plugin serves and its construct path.

A TypeScript, Go or YAML program gets ``Codex`` through ``pulumi package add``: Pulumi runs
``provider/__main__.py``, which hosts ``codex_component.provider.Codex`` with the SDK's
``component_provider_host``. These tests read the schema that the SDK's analyzer infers, run
the entry point the way the Python language host does, and build the component through the
provider's ``construct`` with inputs that went over the wire, under Pulumi's mocks, comparing
everything with what the Python API builds. No Pulumi CLI is involved.
"""

# No `from __future__ import annotations`: the probe component below is read by the analyzer.

import base64
import json
import subprocess
import sys
import tomllib
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any, TypedDict

import grpc
import pulumi
import pulumi_coder as coder
import pytest
import yaml
from google.protobuf import empty_pb2
from pulumi.errors import InputPropertyError
from pulumi.provider.experimental.analyzer import get_dependency_for_type
from pulumi.provider.experimental.component import ComponentProvider
from pulumi.provider.provider import ConstructResult
from pulumi.provider.server import ComponentInitError, ProviderServicer
from pulumi.runtime import rpc
from pulumi.runtime.proto import provider_pb2, provider_pb2_grpc
from pulumi.runtime.sync_await import _sync_await

from codex_component import Codex as PythonCodex
from codex_component import CodexArgs, CodexArgsError
from codex_component import provider as multilang
from tests.pulumi_harness import CoderMocks, is_secret, plain, resolve, run

ROOT = Path(__file__).resolve().parent.parent
PLUGIN_DIR = ROOT / "provider"
# What `pulumi package add terraform-provider coder/coder <version>` recorded next to the SDK
# it generated: the bridge's version and the coder/coder parameters. Read from Pulumi.yaml,
# not written down here, so that a regenerated sdks/coder passes as well as ours.
CODER_PACKAGE = yaml.safe_load((ROOT / "Pulumi.yaml").read_text())["packages"]["coder"]
BRIDGE_VERSION = str(CODER_PACKAGE["version"])
CODER_PROVIDER, CODER_VERSION = (str(p) for p in CODER_PACKAGE["parameters"])
CODER_PARAMETER = {
    "remote": {"url": f"registry.opentofu.org/{CODER_PROVIDER}", "version": CODER_VERSION}
}
TOKEN = "codex-component:index:Codex"
AGENT_URN = "urn:pulumi:stack::project::coder:index/agent:Agent::main"
KEY = "sk-test-'quoted'-$(touch /tmp/pwned)-key"

# Every input of the schema as read off it: (type, plain, required). `plain` means the value
# must be known when the component is built (it decides which resources exist); only the id
# of the agent, the key and the prompt may be outputs of other resources.
INPUTS: dict[str, tuple[str, bool, bool]] = {
    "agentId": ("string", False, True),
    "workdir": ("string", True, True),
    "order": ("integer", True, False),
    "group": ("string", True, False),
    "icon": ("string", True, False),
    "reportTasks": ("boolean", True, False),
    "subdomain": ("boolean", True, False),
    "cliApp": ("boolean", True, False),
    "webAppDisplayName": ("string", True, False),
    "cliAppDisplayName": ("string", True, False),
    "enableAibridge": ("boolean", True, False),
    "modelReasoningEffort": ("string", True, False),
    "installCodex": ("boolean", True, False),
    "codexVersion": ("string", True, False),
    "baseConfigToml": ("string", True, False),
    "additionalMcpServers": ("string", True, False),
    "openaiApiKey": ("string", False, False),
    "installAgentapi": ("boolean", True, False),
    "agentapiVersion": ("string", True, False),
    "codexModel": ("string", True, False),
    "preInstallScript": ("string", True, False),
    "postInstallScript": ("string", True, False),
    "aiPrompt": ("string", False, False),
    "continue": ("boolean", True, False),
    "enableStatePersistence": ("boolean", True, False),
    "agentapiPort": ("integer", True, False),
    "codexSystemPrompt": ("string", True, False),
    "webAppSlug": ("string", True, False),
    "cliAppSlug": ("string", True, False),
}

# CodexArgs' annotations (strings: args.py postpones them) and what the schema must say.
SCHEMA_TYPE_OF_ANNOTATION: dict[str, tuple[str, bool]] = {
    "InputStr": ("string", False),
    "str": ("string", True),
    "str | None": ("string", True),
    "bool": ("boolean", True),
    "int": ("integer", True),
    "int | None": ("integer", True),
}


def camel(terraform_name: str) -> str:
    first, *rest = terraform_name.split("_")
    return first + "".join(part.capitalize() for part in rest)


@pytest.fixture(scope="module")
def provider() -> ComponentProvider:
    """The provider exactly as ``provider/__main__.py`` builds it through the host."""
    return ComponentProvider(
        [multilang.Codex], multilang.PACKAGE_NAME, version=multilang.package_version()
    )


@pytest.fixture(scope="module")
def schema(provider: ComponentProvider) -> dict[str, Any]:
    assert provider.schema is not None
    result: dict[str, Any] = json.loads(provider.schema)
    return result


@pytest.fixture(scope="module")
def component(schema: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = schema["resources"][TOKEN]
    return result


# -- the inferred schema ---------------------------------------------------------------------


def test_schema_names_the_package_the_version_and_one_component(schema: dict[str, Any]) -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert schema["name"] == "codex-component"
    assert schema["version"] == pyproject["project"]["version"]
    assert list(schema["resources"]) == [TOKEN]
    assert schema["resources"][TOKEN]["isComponent"] is True
    assert schema["resources"][TOKEN]["description"].startswith("Codex CLI behind AgentAPI")
    # Only strings, numbers and booleans: no object types, no other package's types.
    assert schema.get("types", {}) == {}
    assert schema.get("dependencies", []) == []


def test_schema_inputs_have_the_expected_types_and_required_set(
    component: dict[str, Any],
) -> None:
    properties = component["inputProperties"]
    assert sorted(properties) == sorted(INPUTS)
    for name, (typ, is_plain, _) in INPUTS.items():
        prop = properties[name]
        assert prop["type"] == typ, name
        assert prop.get("plain", False) is is_plain, name
        assert "$ref" not in prop, name
        assert prop["description"], name
    assert component["requiredInputs"] == ["agentId", "workdir"]
    assert sorted(component["requiredInputs"]) == sorted(n for n, v in INPUTS.items() if v[2])


def test_terraform_names_survive_in_the_schema(component: dict[str, Any]) -> None:
    properties = component["inputProperties"]
    # `continue` is a Python keyword only; other languages take it as a property name.
    assert "continue" in properties
    assert "continueSession" not in properties
    assert "continue_" not in properties
    assert all("_" not in name for name in properties)


def test_schema_follows_codex_args_field_for_field(component: dict[str, Any]) -> None:
    """Name, type, required-ness, description and default of every input come from
    CodexArgs; an input CodexArgs lacks, or a CodexArgs field the schema lacks, fails."""
    properties = dict(component["inputProperties"])
    required = set(component["requiredInputs"])
    for name, field in CodexArgs.model_fields.items():
        schema_name = camel(field.alias or name)
        assert schema_name in properties, f"CodexArgs.{name} is missing from the schema"
        prop = properties.pop(schema_name)
        annotation = CodexArgs.__annotations__[name]
        assert annotation in SCHEMA_TYPE_OF_ANNOTATION, f"map {annotation!r} for {name}"
        typ, is_plain = SCHEMA_TYPE_OF_ANNOTATION[annotation]
        assert (prop["type"], prop.get("plain", False)) == (typ, is_plain), name
        assert (schema_name in required) is field.is_required(), name
        expected = field.description
        assert expected, f"CodexArgs.{name} has no description"
        if not field.is_required() and field.default is not None:
            expected += f" Default: {json.dumps(field.default)}."
        assert prop["description"] == expected, name
    assert properties == {}, "inputs that CodexArgs does not have"


def test_schema_output_is_the_task_app_id(component: dict[str, Any]) -> None:
    assert component["properties"] == {
        "taskAppId": {
            "type": "string",
            "description": "ID of the web app, for coder_ai_task's app_id.",
        }
    }
    assert component["required"] == ["taskAppId"]


def test_coder_sdk_identity_is_readable_by_the_analyzer() -> None:
    """The analyzer names a package dependency from pulumi_coder's pulumi-plugin.json when a
    Coder resource type appears in a schema: the bridge plus the coder/coder parameter."""
    dependency = get_dependency_for_type(coder.Agent)
    assert (dependency.name, dependency.version) == ("terraform-provider", BRIDGE_VERSION)
    assert dependency.parameterization is not None
    assert dependency.parameterization.name == "coder"
    assert dependency.parameterization.version == CODER_VERSION
    assert json.loads(base64.b64decode(dependency.parameterization.value)) == CODER_PARAMETER
    plugin = json.loads(resources.files("pulumi_coder").joinpath("pulumi-plugin.json").read_text())
    assert plugin["parameterization"]["value"] == dependency.parameterization.value


class ProbeArgs(TypedDict):
    agent: pulumi.Input[coder.Agent]


class Probe(pulumi.ComponentResource):
    """A component that takes and returns Coder resources, only for the analyzer to read."""

    app: pulumi.Output[coder.App]

    def __init__(
        self, name: str, args: ProbeArgs, opts: pulumi.ResourceOptions | None = None
    ) -> None:  # pragma: no cover (never constructed)
        super().__init__("probe:index:Probe", name, None, opts)


def test_a_coder_resource_type_in_a_schema_names_the_parameterized_dependency() -> None:
    schema = json.loads(ComponentProvider([Probe], "probe", version="0.0.1").schema or "{}")
    probe = schema["resources"]["probe:index:Probe"]
    base = f"/terraform-provider/v{BRIDGE_VERSION}/schema.json#/resources/"
    assert probe["inputProperties"]["agent"]["$ref"] == base + "coder:index%2Fagent:Agent"
    assert probe["properties"]["app"]["$ref"] == base + "coder:index%2Fapp:App"
    (dependency,) = schema["dependencies"]
    assert dependency["name"] == "terraform-provider"
    assert dependency["version"] == BRIDGE_VERSION
    assert dependency["parameterization"]["name"] == "coder"
    assert dependency["parameterization"]["version"] == CODER_VERSION
    assert json.loads(base64.b64decode(dependency["parameterization"]["value"])) == CODER_PARAMETER


# -- the plugin: manifest, requirements, entry point ------------------------------------------


def test_plugin_manifest_names_the_python_runtime() -> None:
    manifest = yaml.safe_load((PLUGIN_DIR / "PulumiPlugin.yaml").read_text())
    runtime = manifest["runtime"]
    assert (runtime if isinstance(runtime, str) else runtime["name"]) == "python"
    # The repo root's __main__.py is the example program; the plugin has its own.
    assert (PLUGIN_DIR / "__main__.py").is_file()


def test_plugin_requirements_install_the_sdk_and_the_component() -> None:
    # Pulumi runs `pip install -r requirements.txt` inside the plugin folder.
    lines = [
        line.strip()
        for line in (PLUGIN_DIR / "requirements.txt").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    local = [
        (PLUGIN_DIR / line.removeprefix("-e").strip()).resolve()
        for line in lines
        if line.startswith("-e ")
    ]
    names = {
        tomllib.loads((path / "pyproject.toml").read_text())["project"]["name"] for path in local
    }
    assert names == {"pulumi_coder", "codex-component"}
    assert any(line.startswith("pulumi>=") for line in lines)


@pytest.fixture
def plugin_port(tmp_path: Path) -> Iterator[int]:
    """Start the plugin as Pulumi's Python language host does: ``python <plugin dir>
    <engine address>``; it prints the port of its gRPC server."""
    process = subprocess.Popen(
        [sys.executable, str(PLUGIN_DIR), "127.0.0.1:1"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        if not line.strip().isdigit():
            process.kill()
            _, stderr = process.communicate(timeout=10)
            pytest.fail(f"the plugin did not start: {line!r}\n{stderr.decode()}")
        yield int(line)
    finally:
        if process.poll() is None:
            process.terminate()
            process.wait(timeout=10)


def test_plugin_entry_point_serves_the_inferred_schema(
    plugin_port: int, schema: dict[str, Any]
) -> None:
    with grpc.insecure_channel(f"127.0.0.1:{plugin_port}") as channel:
        stub = provider_pb2_grpc.ResourceProviderStub(channel)
        served = stub.GetSchema(provider_pb2.GetSchemaRequest(version=0), timeout=30)
        info = stub.GetPluginInfo(empty_pb2.Empty(), timeout=30)
    assert json.loads(served.schema) == schema
    assert info.version == multilang.package_version()


# -- construction through the provider -----------------------------------------------------


def over_the_wire(
    inputs: dict[str, Any], dependencies: dict[str, list[str]] | None = None
) -> dict[str, Any]:
    """The inputs as the provider's Construct handler passes them on: serialized by the
    consumer's SDK, then deserialized (numbers become floats; secrets and values that
    depend on resources become Outputs)."""

    async def go() -> dict[str, Any]:
        struct = await rpc.serialize_properties(inputs, {})
        deps = {
            key: provider_pb2.ConstructRequest.PropertyDependencies(urns=urns)
            for key, urns in (dependencies or {}).items()
        }
        return await ProviderServicer._construct_inputs(struct, deps)

    return _sync_await(go())


Graph = tuple[list[tuple[str, str, str, list[str]]], list[str]]


def graph(program: Callable[[], Any]) -> tuple[Graph, Any]:
    """Run ``program`` under fresh mocks: every registered resource as (type, name, inputs,
    secret inputs), the URNs (which carry the parent chain), and the program's result."""
    mocks = CoderMocks()
    pulumi.runtime.settings.reset_options(project="project", stack="stack", preview=False)
    pulumi.runtime.set_mocks(mocks, project="project", stack="stack", preview=False)
    result = run(program)
    registered = sorted(
        (
            r.type,
            r.name,
            json.dumps(plain(r.inputs), sort_keys=True),
            sorted(key for key, value in r.inputs.items() if is_secret(value)),
        )
        for r in mocks.resources
    )
    urns = sorted(pulumi.runtime.settings.get_monitor().resources)
    return (registered, urns), result


def python_graph(args: dict[str, Any]) -> Graph:
    built, _ = graph(lambda: PythonCodex("codex", CodexArgs(**args)))
    return built


def construct(provider: ComponentProvider, inputs: dict[str, Any]) -> ConstructResult:
    return provider.construct("codex", TOKEN, inputs, pulumi.ResourceOptions())


def schema_inputs(args: dict[str, Any]) -> dict[str, Any]:
    """Terraform names to schema names, as a generated SDK in another language sends them."""
    return {camel(name): value for name, value in args.items()}


SCENARIOS: dict[str, Callable[[], dict[str, Any]]] = {
    "defaults": lambda: {"agent_id": "agent-1", "workdir": "/home/coder/project"},
    "everything set": lambda: {
        "agent_id": "agent-1",
        "workdir": "/home/coder/my project/",
        "order": 2,
        "group": "AI",
        "icon": "/icon/code.svg",
        "report_tasks": False,
        "subdomain": False,
        "cli_app": True,
        "web_app_display_name": "Codex (web)",
        "cli_app_display_name": "Codex terminal",
        "model_reasoning_effort": "high",
        "install_codex": False,
        "codex_version": "0.58.0",
        "base_config_toml": 'approval_policy = "on-request"\n',
        "additional_mcp_servers": '[mcp_servers.docs]\ncommand = "docs-mcp"\n',
        "openai_api_key": pulumi.Output.secret(KEY),
        "install_agentapi": False,
        "agentapi_version": "latest",
        "codex_model": "gpt-5-codex",
        "pre_install_script": "echo 'before' $(date)",
        "post_install_script": "echo after",
        "ai_prompt": "Fix 'it' with $(rm -rf ~)\nand stop",
        "continue": False,
        "enable_state_persistence": False,
        "agentapi_port": 3999,
        "codex_system_prompt": "",
    },
    "ai bridge": lambda: {
        "agent_id": "agent-1",
        "workdir": "/home/coder/project",
        "enable_aibridge": True,
        "model_reasoning_effort": "xhigh",
        "subdomain": True,
    },
}


@pytest.mark.usefixtures("mocks")
@pytest.mark.parametrize("scenario", sorted(SCENARIOS))
def test_construct_builds_what_the_python_api_builds(
    provider: ComponentProvider, scenario: str
) -> None:
    expected = python_graph(SCENARIOS[scenario]())
    # agentId comes from another resource (agent.id), so it arrives as an Output.
    inputs = over_the_wire(schema_inputs(SCENARIOS[scenario]()), {"agentId": [AGENT_URN]})
    assert isinstance(inputs["agentId"], pulumi.Output)
    built, result = graph(lambda: construct(provider, inputs))
    assert built == expected
    assert resolve(pulumi.Output.from_input(result.urn)) == (
        f"urn:pulumi:stack::project::pulumi:pulumi:Stack${TOKEN}::codex"
    )
    assert resolve(result.state["taskAppId"]) == "codex-web-id"


@pytest.mark.usefixtures("mocks")
def test_a_typescript_program_and_a_python_program_agree(provider: ComponentProvider) -> None:
    # const codex = new codex.Codex("codex", {agentId: agent.id, workdir: "/home/coder/project",
    #     openaiApiKey: config.requireSecret("openaiApiKey"), aiPrompt: task.prompt,
    #     cliApp: true, agentapiPort: 4000, order: 1, continue: false});
    inputs = over_the_wire(
        {
            "agentId": "agent-1",
            "workdir": "/home/coder/project",
            "openaiApiKey": pulumi.Output.secret(KEY),
            "aiPrompt": "ship it",
            "cliApp": True,
            "agentapiPort": 4000,
            "order": 1,
            "continue": False,
        },
        {"agentId": [AGENT_URN], "aiPrompt": ["urn:pulumi:stack::project::task"]},
    )
    assert inputs["agentapiPort"] == 4000.0  # a float: every number on the wire is
    built, _ = graph(lambda: construct(provider, inputs))
    assert built == python_graph(
        {
            "agent_id": "agent-1",
            "workdir": "/home/coder/project",
            "openai_api_key": pulumi.Output.secret(KEY),
            "ai_prompt": "ship it",
            "cli_app": True,
            "agentapi_port": 4000,
            "order": 1,
            "continue_session": False,
        }
    )
    registered, _ = built
    env = next(r for r in registered if r[1] == "codex-openai-api-key")
    assert env[3] == ["value"]  # the key stays a secret


def test_construct_validates_through_codex_args() -> None:
    assert multilang.args_from_inputs(
        {"agent_id": "a", "workdir": "/w/", "continue_": False, "agentapi_port": 3999.0}
    ) == CodexArgs(agent_id="a", workdir="/w", continue_session=False, agentapi_port=3999)


INVALID: dict[str, dict[str, Any]] = {
    "reasoning effort": {"model_reasoning_effort": "extreme"},
    "relative workdir": {"workdir": "home/coder"},
    "key with AI Bridge": {"enable_aibridge": True, "openai_api_key": "sk-plain"},
    "port": {"agentapi_port": 70000},
    "fractional order": {"order": 2.5},
    "coder server redefined": {"additional_mcp_servers": '[mcp_servers.Coder]\ncommand = "x"\n'},
    "not a boolean": {"continue": "maybe"},
    "several at once": {
        "workdir": "relative",
        "codex_version": "not a version!",
        "base_config_toml": "[mcp_servers.x]\ncommand = 'y'\n",
    },
    "old agentapi with path apps": {"agentapi_version": "v0.3.2", "subdomain": False},
}


@pytest.mark.usefixtures("mocks")
@pytest.mark.parametrize("case", sorted(INVALID))
def test_invalid_inputs_fail_with_the_same_message(provider: ComponentProvider, case: str) -> None:
    args = {"agent_id": "agent-1", "workdir": "/home/coder/project", **INVALID[case]}
    with pytest.raises(CodexArgsError) as in_python:
        python_graph(args)
    inputs = over_the_wire(schema_inputs(args))
    with pytest.raises(ComponentInitError) as through_construct:
        graph(lambda: construct(provider, inputs))
    # The engine shows str(error) to the user, followed by the stack.
    assert isinstance(through_construct.value.inner, CodexArgsError)
    assert str(through_construct.value) == str(in_python.value)
    assert through_construct.value.inner.problems == in_python.value.problems


@pytest.mark.usefixtures("mocks")
def test_invalid_inputs_register_nothing(provider: ComponentProvider) -> None:
    inputs = over_the_wire(schema_inputs({"agent_id": "a", "workdir": "x"}))
    mocks = CoderMocks()
    pulumi.runtime.set_mocks(mocks, project="project", stack="stack", preview=False)
    with pytest.raises(ComponentInitError, match="workdir: must be an absolute path"):
        run(lambda: construct(provider, inputs))
    assert mocks.resources == []


@pytest.mark.usefixtures("mocks")
def test_missing_required_input_is_reported_as_a_property_error(
    provider: ComponentProvider,
) -> None:
    # Generated SDKs make agentId and workdir required; a raw request without one is refused
    # by the SDK's host before Codex runs, as an error on that property.
    with pytest.raises(InputPropertyError) as caught:
        run(lambda: construct(provider, {"agentId": "agent-1"}))
    assert caught.value.property_path == "workdir"
    assert caught.value.reason == "Missing required input 'workdir' on 'Codex'"


def test_python_api_is_unchanged() -> None:
    # The plugin's class is a subclass under the same token; Python users import the base.
    assert issubclass(multilang.Codex, PythonCodex)
    assert PythonCodex.__module__ == "codex_component.component"
    assert multilang.Codex.__name__ == PythonCodex.__name__ == "Codex"
