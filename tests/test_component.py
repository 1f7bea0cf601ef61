"""The resource graph of Codex, under Pulumi's mocks."""

from __future__ import annotations

import tomllib
from typing import Any

import pulumi
import pytest

from codex_component import Codex, CodexArgs, CodexArgsError
from codex_component.render import decoded_args, unpacked_files
from tests.pulumi_harness import OWNER, TASK, WORKSPACE, CoderMocks, is_secret, plain, resolve, run

SCRIPT = "coder:index/script:Script"
APP = "coder:index/app:App"
ENV = "coder:index/env:Env"
GET_WORKSPACE = "coder:index/getWorkspace:getWorkspace"
GET_OWNER = "coder:index/getWorkspaceOwner:getWorkspaceOwner"
GET_TASK = "coder:index/getTask:getTask"
COMPONENT = "codex-component:index:Codex"
KEY = "sk-test-'quoted'-$(touch /tmp/pwned)-key"


def build(**overrides: Any) -> Codex:
    args: dict[str, Any] = {"agent_id": "agent-1", "workdir": "/home/coder/project"}
    args.update(overrides)
    return run(lambda: Codex("codex", CodexArgs(**args)))


def start_args_of(mocks: CoderMocks) -> dict[str, str]:
    body = plain(mocks.named("codex-start").inputs["script"])
    return decoded_args(unpacked_files(body)["start.args"])


def test_default_graph(mocks: CoderMocks) -> None:
    build(openai_api_key=KEY)
    assert sorted((r.type, r.name) for r in mocks.resources) == sorted(
        [
            (COMPONENT, "codex"),
            (ENV, "codex-openai-api-key"),
            (SCRIPT, "codex-start"),
            (SCRIPT, "codex-shutdown"),
            (APP, "codex-web"),
        ]
    )
    web = mocks.named("codex-web").inputs
    assert web["slug"] == "codex"
    assert web["agentId"] == "agent-1"
    assert web["displayName"] == "Codex"
    assert web["url"] == "http://localhost:3284/"
    assert web["icon"] == "/icon/openai.svg"
    assert web["subdomain"] is False
    assert web["healthcheck"] == {
        "url": "http://localhost:3284/status",
        "interval": 3,
        "threshold": 20,
    }
    start = mocks.named("codex-start").inputs
    assert start["runOnStart"] is True
    assert "runOnStop" not in start
    assert start["agentId"] == "agent-1"
    stop = mocks.named("codex-shutdown").inputs
    assert stop["runOnStop"] is True
    assert "runOnStart" not in stop


def test_children_are_parented_to_the_component(mocks: CoderMocks) -> None:
    build(openai_api_key=KEY, cli_app=True, enable_aibridge=False)
    # A mock URN carries the parent's type: ...::<parent type>$<child type>::<name>.
    urns = list(pulumi.runtime.settings.get_monitor().resources)
    children = [r for r in mocks.resources if r.type != COMPONENT]
    assert len(children) == 5
    for child in children:
        assert any(u.endswith(f"::{COMPONENT}${child.type}::{child.name}") for u in urns), child


def test_key_is_a_secret_input_of_the_env_and_in_no_script(mocks: CoderMocks) -> None:
    build(openai_api_key=KEY, cli_app=True)
    env = mocks.named("codex-openai-api-key").inputs
    assert env["name"] == "OPENAI_API_KEY"
    assert env["agentId"] == "agent-1"
    assert is_secret(env["value"])
    assert plain(env["value"]) == KEY
    for resource in mocks.resources:
        if resource.name != "codex-openai-api-key":
            assert KEY not in repr(plain(resource.inputs)), resource.name
    for script in mocks.of_type(SCRIPT):
        files = unpacked_files(plain(script.inputs["script"]))
        assert all(KEY not in content for content in files.values())


def test_key_given_as_output_stays_secret(mocks: CoderMocks) -> None:
    build(openai_api_key=pulumi.Output.from_input("sk-from-output"))
    assert is_secret(mocks.named("codex-openai-api-key").inputs["value"])


def test_no_key_means_no_env(mocks: CoderMocks) -> None:
    build()
    assert mocks.of_type(ENV) == []


def test_task_app_id_is_the_web_apps_id(mocks: CoderMocks) -> None:
    codex = build()
    assert resolve(codex.task_app_id) == mocks.named("codex-web").id


def test_cli_app(mocks: CoderMocks) -> None:
    build(cli_app=True, cli_app_display_name="Terminal", agentapi_port=4000, order=2, group="AI")
    cli = mocks.named("codex-cli").inputs
    assert cli["slug"] == "codex-cli"
    assert cli["displayName"] == "Terminal"
    assert cli["icon"] == "/icon/openai.svg"
    assert "LANG=en_US.UTF-8" in cli["command"]
    assert "LC_ALL=en_US.UTF-8" in cli["command"]
    assert "agentapi attach" in cli["command"]
    assert "localhost:4000" in cli["command"]
    assert (cli["order"], cli["group"]) == (2, "AI")


def test_aibridge_adds_the_session_token_env_and_no_key(mocks: CoderMocks) -> None:
    build(enable_aibridge=True)
    (env,) = mocks.of_type(ENV)
    assert env.inputs["name"] == "CODER_AIBRIDGE_SESSION_TOKEN"
    assert is_secret(env.inputs["value"])
    assert plain(env.inputs["value"]) == OWNER["sessionToken"]
    for script in mocks.of_type(SCRIPT):
        assert OWNER["sessionToken"] not in repr(unpacked_files(plain(script.inputs["script"])))
    args = start_args_of(mocks)
    for form in ("ARG_CODEX_PROFILE", "ARG_CODEX_PROFILE_COMPAT", "ARG_CODEX_BLOCK"):
        provider = tomllib.loads(args[form])["model_providers"]["aibridge"]
        assert provider["base_url"] == f"{WORKSPACE['accessUrl']}/api/v2/aibridge/openai/v1"
    assert 'model_provider="aibridge"' in args["ARG_CODEX_OVERRIDES"].splitlines()


def test_aibridge_with_a_key_known_only_at_deployment_fails_the_deployment(
    mocks: CoderMocks,
) -> None:
    with pytest.raises(Exception, match="openai_api_key must be empty") as caught:
        build(enable_aibridge=True, openai_api_key=pulumi.Output.secret("sk-late"))
    assert "sk-late" not in str(caught.value)


def test_subdomain_off_sets_the_chat_base_path_from_coder_data(mocks: CoderMocks) -> None:
    build(subdomain=False)
    assert start_args_of(mocks)["ARG_CHAT_BASE_PATH"] == (
        f"/@{OWNER['name']}/{WORKSPACE['name']}.agent-1/apps/codex/chat"
    )
    assert GET_WORKSPACE in mocks.calls
    assert GET_OWNER in mocks.calls


def test_subdomain_on_reads_no_workspace_data(mocks: CoderMocks) -> None:
    build(subdomain=True)
    assert mocks.named("codex-web").inputs["subdomain"] is True
    assert start_args_of(mocks)["ARG_CHAT_BASE_PATH"] == ""
    assert GET_WORKSPACE not in mocks.calls
    assert GET_OWNER not in mocks.calls


def test_task_id_reaches_the_shutdown_script(mocks: CoderMocks) -> None:
    build()
    body = plain(mocks.named("codex-shutdown").inputs["script"])
    assert decoded_args(unpacked_files(body)["shutdown.args"])["ARG_TASK_ID"] == TASK["id"]
    assert GET_TASK in mocks.calls


def test_prompt_from_an_output_reaches_the_start_script_verbatim(mocks: CoderMocks) -> None:
    prompt = "Fix 'it' with $(rm -rf ~) and `ls`\nthen \\n stop ü"
    build(ai_prompt=pulumi.Output.from_input(prompt), report_tasks=False)
    task_prompt = start_args_of(mocks)["ARG_TASK_PROMPT"]
    assert task_prompt.endswith("\n" + prompt)
    assert "coder_report_task" not in task_prompt


def test_report_tasks_prompt_asks_for_progress_reports(mocks: CoderMocks) -> None:
    build(ai_prompt="ship it")
    task_prompt = start_args_of(mocks)["ARG_TASK_PROMPT"]
    assert "coder_report_task" in task_prompt
    assert task_prompt.endswith("\nship it")


def test_custom_port_is_used_everywhere(mocks: CoderMocks) -> None:
    build(agentapi_port=3999)
    web = mocks.named("codex-web").inputs
    assert web["url"] == "http://localhost:3999/"
    assert web["healthcheck"]["url"] == "http://localhost:3999/status"
    args = start_args_of(mocks)
    assert args["ARG_AGENTAPI_PORT"] == "3999"
    coder = tomllib.loads(args["ARG_CODEX_PROFILE"])["mcp_servers"]["Coder"]
    assert coder["env"]["CODER_MCP_AI_AGENTAPI_URL"] == "http://localhost:3999"
    shutdown = plain(mocks.named("codex-shutdown").inputs["script"])
    assert decoded_args(unpacked_files(shutdown)["shutdown.args"])["ARG_AGENTAPI_PORT"] == "3999"


def test_invalid_arguments_register_nothing(mocks: CoderMocks) -> None:
    with pytest.raises(CodexArgsError, match="model_reasoning_effort"):
        build(model_reasoning_effort="extreme")
    assert mocks.resources == []


def test_dict_arguments_with_terraform_names(mocks: CoderMocks) -> None:
    run(lambda: Codex("codex", {"agent_id": "a", "workdir": "/w", "continue": False}))
    assert start_args_of(mocks)["ARG_CONTINUE"] == "false"


def test_scripts_carry_no_raw_values(mocks: CoderMocks) -> None:
    marker = "needle-'$(x)'"
    build(workdir=f"/home/{marker}", codex_model=marker, ai_prompt=marker)
    for script in mocks.of_type(SCRIPT):
        assert "needle" not in plain(script.inputs["script"])


def test_keys_codex_ignores_are_reported_at_preview(
    mocks: CoderMocks, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings: list[tuple[str, object]] = []
    monkeypatch.setattr(
        pulumi.log, "warn", lambda message, resource=None, **_: warnings.append((message, resource))
    )
    codex = build(
        base_config_toml='preferred_auth_method = "apikey"\napproval_policy = "never"\n',
        additional_mcp_servers='[mcp_servers.gh]\ncommand = "x"\ntype = "stdio"\n',
    )
    ((message, resource),) = warnings
    assert resource is codex
    assert "base_config_toml: preferred_auth_method" in message
    assert "additional_mcp_servers: mcp_servers.gh.type" in message
    assert "leaves them out" in message


def test_a_clean_configuration_warns_nothing(
    mocks: CoderMocks, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(pulumi.log, "warn", lambda message, **_: warnings.append(message))
    build(additional_mcp_servers='[mcp_servers.gh]\ncommand = "x"\n')
    assert warnings == []
