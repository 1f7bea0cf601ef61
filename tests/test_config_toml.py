"""The module's block of config.toml, composed in Python and parsed with tomllib."""

from __future__ import annotations

import tomllib
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from codex_component import CodexArgs
from codex_component.config_toml import (
    LATEST_CODEX_MODEL,
    compose_module_config,
    toml_string,
    with_runtime_keys,
)


def config(access_url: str = "https://coder.test", **overrides: Any) -> dict[str, Any]:
    args = CodexArgs(agent_id="a", workdir="/home/coder/project", **overrides)
    text = with_runtime_keys(compose_module_config(args, access_url), "http://agent", "tok")
    return tomllib.loads(text)


def test_default_config_is_the_documented_one() -> None:
    parsed = config()
    assert parsed["sandbox_mode"] == "workspace-write"
    assert parsed["approval_policy"] == "never"
    assert parsed["preferred_auth_method"] == "apikey"
    assert parsed["sandbox_workspace_write"] == {"network_access": True}
    assert parsed["notice"]["model_migrations"] == {"gpt-5.3-codex": LATEST_CODEX_MODEL}
    assert parsed["projects"]["/home/coder/project"] == {"trust_level": "trusted"}
    assert "model_provider" not in parsed
    assert "profile" not in parsed
    assert "profiles" not in parsed


def test_coder_server_reports_to_agentapi_on_the_configured_port() -> None:
    coder = config(agentapi_port=4100)["mcp_servers"]["Coder"]
    assert coder["command"] == "coder"
    assert coder["args"] == ["exp", "mcp", "server"]
    assert coder["type"] == "stdio"
    assert "Report ALL tasks" in coder["description"]
    assert coder["env"] == {
        "CODER_MCP_APP_STATUS_SLUG": "codex",
        "CODER_MCP_AI_AGENTAPI_URL": "http://localhost:4100",
        "CODER_MCP_ALLOWED_TOOLS": "coder_report_task",
        "CODER_AGENT_URL": "http://agent",
        "CODER_AGENT_TOKEN": "tok",
    }


def test_without_report_tasks_the_slug_and_url_are_empty() -> None:
    env = config(report_tasks=False)["mcp_servers"]["Coder"]["env"]
    assert env["CODER_MCP_APP_STATUS_SLUG"] == ""
    assert env["CODER_MCP_AI_AGENTAPI_URL"] == ""


def test_base_config_replaces_the_default() -> None:
    parsed = config(base_config_toml='sandbox_mode = "danger-full-access"\n')
    assert parsed["sandbox_mode"] == "danger-full-access"
    assert "approval_policy" not in parsed
    assert "Coder" in parsed["mcp_servers"]


def test_aibridge_provider_is_selected_with_top_level_keys() -> None:
    parsed = config(
        access_url="https://coder.test/", enable_aibridge=True, model_reasoning_effort="high"
    )
    assert parsed["model_provider"] == "aibridge"
    assert parsed["model"] == "gpt-5.3-codex"
    assert parsed["model_reasoning_effort"] == "high"
    assert parsed["model_providers"]["aibridge"] == {
        "name": "AI Bridge",
        "base_url": "https://coder.test/api/v2/aibridge/openai/v1",
        "env_key": "CODER_AIBRIDGE_SESSION_TOKEN",
        "wire_api": "responses",
    }
    assert "profile" not in parsed
    assert "profiles" not in parsed


def test_aibridge_is_selected_with_a_custom_base_too() -> None:
    parsed = config(enable_aibridge=True, base_config_toml='approval_policy = "never"\n')
    assert parsed["model_provider"] == "aibridge"
    assert parsed["approval_policy"] == "never"


def test_a_provider_chosen_in_the_base_config_wins() -> None:
    parsed = config(
        enable_aibridge=True,
        base_config_toml=(
            'model_provider = "mine"\nmodel = "o4"\n[model_providers.mine]\nname = "m"\n'
        ),
    )
    assert parsed["model_provider"] == "mine"
    assert parsed["model"] == "o4"
    # The user chose the provider: none of the three selection keys is added.
    assert "model_reasoning_effort" not in parsed


def test_a_model_set_in_the_base_config_wins_over_codex_model() -> None:
    parsed = config(enable_aibridge=True, base_config_toml='model = "o4"\n')
    assert parsed["model_provider"] == "aibridge"
    assert parsed["model"] == "o4"
    assert parsed["model_reasoning_effort"] == "medium"


def test_additional_servers_sit_next_to_coder() -> None:
    parsed = config(
        additional_mcp_servers=(
            '[mcp_servers.GitHub]\ncommand = "npx"\n\n[mcp_servers.GitHub.env]\nX = "1"\n'
        )
    )
    assert parsed["mcp_servers"]["GitHub"] == {"command": "npx", "env": {"X": "1"}}
    assert parsed["mcp_servers"]["Coder"]["env"]["CODER_AGENT_TOKEN"] == "tok"


@given(st.text())
def test_toml_string_round_trips_any_text(value: str) -> None:
    assert tomllib.loads(f"v = {toml_string(value)}")["v"] == value


@given(st.text(min_size=1).filter(lambda s: "\0" not in s), st.text())
def test_unusual_models_and_workdirs_stay_valid_toml(model: str, suffix: str) -> None:
    workdir = "/home/" + suffix.replace("\0", "").replace("\n", "").replace("\r", "")
    workdir = "/" + "/".join(p for p in workdir.split("/") if p not in {"", ".", ".."})
    args = CodexArgs(agent_id="a", workdir=workdir, codex_model=model, enable_aibridge=True)
    parsed = tomllib.loads(with_runtime_keys(compose_module_config(args, "https://x"), "u", "t"))
    assert parsed["model"] == model
    assert parsed["notice"]["model_migrations"][model]
    assert workdir in parsed["projects"]
