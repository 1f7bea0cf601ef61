"""CodexArgs: defaults, the Terraform names, and every rule with its message."""

from __future__ import annotations

import tomllib
from typing import Any

import pulumi
import pytest

from codex_component import CodexArgs, CodexArgsError
from codex_component.args import REASONING_EFFORTS
from codex_component.config_toml import check_module_config, compose_module_config

BASE = {"agent_id": "agent-1", "workdir": "/home/coder/project"}


def make(**overrides: Any) -> CodexArgs:
    return CodexArgs(**{**BASE, **overrides})


def error_of(**overrides: Any) -> str:
    with pytest.raises(CodexArgsError) as caught:
        make(**overrides)
    return str(caught.value)


def test_defaults_match_the_terraform_module() -> None:
    args = make()
    assert args.icon == "/icon/openai.svg"
    assert args.report_tasks is True
    assert args.subdomain is False
    assert args.cli_app is False
    assert args.web_app_display_name == "Codex"
    assert args.cli_app_display_name == "Codex CLI"
    assert args.enable_aibridge is False
    assert args.model_reasoning_effort == "medium"
    assert args.install_codex is True
    assert args.codex_version == ""
    assert args.openai_api_key == ""
    assert args.install_agentapi is True
    assert args.agentapi_version == "v0.12.1"
    assert args.codex_model == ""  # revision 2: the installed Codex's own default
    assert args.pre_install_script is None
    assert args.post_install_script is None
    assert args.continue_session is True
    assert args.enable_state_persistence is True
    assert args.agentapi_port == 3284
    assert args.order is None
    assert args.group is None
    assert args.codex_system_prompt.startswith("You are a helpful coding assistant.")


def test_terraform_name_continue_is_accepted() -> None:
    args = CodexArgs.model_validate({**BASE, "continue": False})
    assert args.continue_session is False
    assert CodexArgs.model_validate({**BASE, "continue_session": False}).continue_session is False


def test_trailing_slash_of_workdir_is_dropped() -> None:
    assert make(workdir="/home/coder/project/").workdir == "/home/coder/project"
    assert make(workdir="/").workdir == "/"


def test_outputs_are_accepted_for_input_fields() -> None:
    key = pulumi.Output.secret("sk-123")
    args = make(openai_api_key=key, ai_prompt=pulumi.Output.from_input("do it"))
    assert args.openai_api_key is key


@pytest.mark.parametrize("effort", REASONING_EFFORTS)
def test_every_reasoning_effort_codex_accepts_is_allowed(effort: str) -> None:
    assert make(model_reasoning_effort=effort).model_reasoning_effort == effort


def test_unknown_reasoning_effort_names_field_value_and_allowed_words() -> None:
    message = error_of(model_reasoning_effort="extreme")
    assert "model_reasoning_effort" in message
    assert "'extreme'" in message
    assert "none, minimal, low, medium, high, xhigh" in message


def test_openai_key_with_aibridge_is_rejected_without_showing_the_key() -> None:
    message = error_of(openai_api_key="sk-very-secret", enable_aibridge=True)
    assert "openai_api_key" in message
    assert "enable_aibridge" in message
    assert "sk-very-secret" not in message


def test_key_of_wrong_type_never_echoes_the_value() -> None:
    message = error_of(openai_api_key=12345, order="first")
    assert "openai_api_key" in message
    assert "12345" not in message
    assert "order" in message
    assert "'first'" in message


def test_old_agentapi_without_subdomain_is_rejected() -> None:
    message = error_of(agentapi_version="v0.3.2", subdomain=False)
    assert "agentapi_version" in message
    assert "'v0.3.2'" in message
    assert "v0.3.3" in message


def test_old_agentapi_is_fine_on_a_subdomain_and_latest_always_passes() -> None:
    assert make(agentapi_version="v0.3.2", subdomain=True).agentapi_version == "v0.3.2"
    assert make(agentapi_version="latest").agentapi_version == "latest"
    assert make(agentapi_version="v0.3.3").agentapi_version == "v0.3.3"


@pytest.mark.parametrize(
    "version", ["0.3.3", "v1", "v1.2.3; rm -rf /", "v1.2.3/../x", "", "LATEST", "v1.2.3\n"]
)
def test_agentapi_version_must_look_like_a_release_tag(version: str) -> None:
    message = error_of(agentapi_version=version)
    assert "agentapi_version" in message
    assert repr(version) in message
    assert "v0.12.1, or latest" in message


@pytest.mark.parametrize("version", ["", "0.58.0", "0.1.0-alpha.2", "latest", "beta"])
def test_codex_version_accepts_versions_and_dist_tags(version: str) -> None:
    assert make(codex_version=version).codex_version == version


def test_codex_version_with_a_v_is_stored_as_codex_reports_it() -> None:
    # `codex --version` prints 0.58.0; a pinned "v0.58.0" must match it on restarts.
    assert make(codex_version="v0.58.0").codex_version == "0.58.0"


@pytest.mark.parametrize("version", ["0.58", "$(id)", "0.58.0 --force", "../x", "Latest"])
def test_codex_version_rejects_what_is_not_a_version(version: str) -> None:
    message = error_of(codex_version=version)
    assert "codex_version" in message
    assert repr(version) in message


@pytest.mark.parametrize(
    ("workdir", "why"),
    [
        ("project", "absolute"),
        ("~/project", "absolute"),
        ("/home/coder/../etc", "'..'"),
        ("/home/./coder", "'..'"),
        ("/home/co\nder", "line breaks"),
    ],
)
def test_workdir_must_be_a_clean_absolute_path(workdir: str, why: str) -> None:
    message = error_of(workdir=workdir)
    assert "workdir" in message
    assert why in message
    assert repr(workdir)[:20] in message


@pytest.mark.parametrize("port", [0, 65536, -1])
def test_port_must_be_a_tcp_port(port: int) -> None:
    message = error_of(agentapi_port=port)
    assert "agentapi_port" in message
    assert str(port) in message
    assert "1 to 65535" in message


def test_additional_mcp_servers_must_be_toml() -> None:
    message = error_of(additional_mcp_servers="[mcp_servers.GitHub\ncommand = 'npx'")
    assert "additional_mcp_servers" in message
    assert "not valid TOML" in message


def test_toml_errors_show_the_bad_line_and_not_the_rest() -> None:
    text = '[mcp_servers.GitHub]\nenv = { TOKEN = "ghp-secret-123" }\nthis is not toml\n'
    message = error_of(additional_mcp_servers=text)
    assert "line 3 is 'this is not toml'" in message
    assert "ghp-secret-123" not in message


def test_additional_mcp_servers_may_only_hold_server_tables() -> None:
    message = error_of(additional_mcp_servers='model = "o3"\n[mcp_servers.X]\ncommand = "x"\n')
    assert "additional_mcp_servers" in message
    assert "['model']" in message
    message = error_of(additional_mcp_servers='mcp_servers = { X = "not a table" }')
    assert "non-table entries ['X']" in message


def test_additional_mcp_servers_may_not_redefine_coder() -> None:
    message = error_of(additional_mcp_servers='[mcp_servers.Coder]\ncommand = "evil"\n')
    assert "additional_mcp_servers" in message
    assert "mcp_servers.Coder" in message


def test_base_config_must_be_toml_without_mcp_servers() -> None:
    assert "not valid TOML" in error_of(base_config_toml="sandbox_mode = ")
    message = error_of(base_config_toml='[mcp_servers.X]\ncommand = "x"\n')
    assert "base_config_toml" in message
    assert "mcp_servers" in message


def test_base_config_with_the_legacy_profile_key_is_rejected() -> None:
    message = error_of(base_config_toml='profile = "aibridge"\n')
    assert "base_config_toml" in message
    assert "Codex 0.134" in message
    assert "'aibridge'" in message
    assert "model_provider" in message


@pytest.mark.parametrize(
    ("field", "text", "words"),
    [
        ("base_config_toml", 'approval_policy = "untrusted"\n', "approval_policy = 'untrusted'"),
        (
            "base_config_toml",
            '[model_providers.old]\nname = "o"\nwire_api = "chat"\n',
            "model_providers.old.wire_api = 'chat'",
        ),
        (
            "additional_mcp_servers",
            '[mcp_servers.remote]\nurl = "https://mcp.example/x"\nbearer_token = "t0ps3cret"\n',
            "mcp_servers.remote.bearer_token",
        ),
    ],
)
def test_values_current_codex_refuses_fail_at_construction(
    field: str, text: str, words: str
) -> None:
    message = error_of(**{field: text})
    assert message.count(f"{field}: holds settings current Codex refuses to load") == 1
    assert words in message
    assert "t0ps3cret" not in message


@pytest.mark.parametrize("servers", ["[[mcp_servers]]\nx = 1\n", "mcp_servers = 5\n"])
def test_additional_mcp_servers_of_the_wrong_shape_is_a_clear_error(servers: str) -> None:
    message = error_of(additional_mcp_servers=servers)
    assert "additional_mcp_servers" in message
    assert "[mcp_servers.NAME] tables" in message


def test_missing_required_argument_never_shows_the_key() -> None:
    with pytest.raises(CodexArgsError) as caught:
        CodexArgs(workdir="/x", openai_api_key="sk-SECRET-1")
    assert "agent_id: is required" in str(caught.value)
    assert "sk-SECRET-1" not in str(caught.value)
    with pytest.raises(CodexArgsError) as caught:
        CodexArgs.model_validate({"workdir": "/x", "openai_api_key": "sk-SECRET-2"})
    assert "sk-SECRET-2" not in str(caught.value)


def test_base_config_clashing_with_the_aibridge_provider_is_caught_early() -> None:
    message = error_of(
        enable_aibridge=True, base_config_toml='[model_providers.aibridge]\nname = "mine"\n'
    )
    assert "base_config_toml" in message
    assert "aibridge" in message


def test_unknown_argument_is_rejected_by_name() -> None:
    message = error_of(codex_modle="o3")
    assert "codex_modle" in message


def test_every_problem_is_reported_at_once() -> None:
    with pytest.raises(CodexArgsError) as caught:
        make(model_reasoning_effort="extreme", workdir="relative", agentapi_port=0)
    assert len(caught.value.problems) == 3


def test_mapping_errors_read_like_keyword_errors() -> None:
    with pytest.raises(CodexArgsError) as from_mapping:
        CodexArgs.model_validate({**BASE, "workdir": "rel", "order": "x"})
    with pytest.raises(CodexArgsError) as from_keywords:
        make(workdir="rel", order="x")
    assert str(from_mapping.value) == str(from_keywords.value)
    assert str(from_mapping.value).count("invalid Codex arguments") == 1
    assert len(from_mapping.value.problems) == 2


def test_plain_mapping_with_terraform_names_validates_like_the_model() -> None:
    args = CodexArgs.model_validate(
        {**BASE, "continue": False, "report_tasks": False, "agentapi_port": 4000.0}
    )
    assert (args.continue_session, args.report_tasks, args.agentapi_port) == (False, False, 4000)


def test_composed_config_parses_for_a_realistic_configuration() -> None:
    args = make(
        enable_aibridge=True,
        base_config_toml='sandbox_mode = "danger-full-access"\n[tui]\nnotifications = false\n',
        additional_mcp_servers='[mcp_servers.GitHub]\ncommand = "npx"\nargs = ["-y", "gh"]\n',
    )
    check_module_config(args)
    parsed = tomllib.loads(compose_module_config(args, "https://coder.test").profile)
    assert parsed["model_provider"] == "aibridge"
    assert parsed["sandbox_mode"] == "danger-full-access"
    assert set(parsed["mcp_servers"]) == {"Coder", "GitHub"}
