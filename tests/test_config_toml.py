"""The module's Codex settings, composed in Python: every form the start script may write
(profile, compat profile, config.toml block plus -c options) parses with tomllib and holds
the same settings."""

from __future__ import annotations

import tomllib
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from codex_component import CodexArgs
from codex_component.config_toml import (
    ModuleConfig,
    compose_module_config,
    ignored_settings,
    toml_inline,
    toml_string,
    with_migration,
)


def composed(access_url: str = "https://coder.test", **overrides: Any) -> ModuleConfig:
    args = CodexArgs(agent_id="a", workdir="/home/coder/project", **overrides)
    return compose_module_config(args, access_url)


def config(access_url: str = "https://coder.test", **overrides: Any) -> dict[str, Any]:
    return tomllib.loads(composed(access_url, **overrides).profile)


def old_codex_view(module: ModuleConfig) -> dict[str, Any]:
    """What Codex before 0.131 reads: the block's tables plus the -c top-level keys."""
    settings = tomllib.loads(module.block)
    # Split on "\n" only, as bash's read does (str.splitlines also splits on U+0085 ...).
    for line in module.overrides.split("\n")[:-1]:
        key, _, value = line.partition("=")
        settings[key] = tomllib.loads(f"v = {value}")["v"]
    return settings


def test_default_config_is_the_documented_one() -> None:
    parsed = config()
    assert parsed["sandbox_mode"] == "workspace-write"
    assert parsed["approval_policy"] == "never"
    assert parsed["sandbox_workspace_write"] == {"network_access": True}
    assert parsed["projects"]["/home/coder/project"] == {"trust_level": "trusted"}
    assert parsed["check_for_update_on_startup"] is False
    # Acknowledgements are added in the workspace, from the installed Codex's catalog.
    assert parsed["notice"] == {"model_migrations": {}}
    for dead in ("preferred_auth_method", "model_provider", "profile", "profiles", "model"):
        assert dead not in parsed


def test_the_migration_table_comes_last_so_the_start_script_can_append_to_it() -> None:
    for text in (composed(enable_aibridge=True).profile, composed().block):
        parsed = tomllib.loads(with_migration(text, "gpt-5.5", "gpt-6-sol"))
        assert parsed["notice"]["model_migrations"] == {"gpt-5.5": "gpt-6-sol"}


def test_coder_server_takes_the_agent_url_and_token_from_codexs_environment() -> None:
    coder = config(agentapi_port=4100)["mcp_servers"]["Coder"]
    assert coder == {
        "command": "coder",
        "args": ["exp", "mcp", "server"],
        "env_vars": ["CODER_AGENT_URL", "CODER_AGENT_TOKEN"],
        "env": {
            "CODER_MCP_APP_STATUS_SLUG": "codex",
            "CODER_MCP_AI_AGENTAPI_URL": "http://localhost:4100",
            "CODER_MCP_ALLOWED_TOOLS": "coder_report_task",
        },
    }


def test_without_report_tasks_the_slug_and_url_are_empty() -> None:
    env = config(report_tasks=False)["mcp_servers"]["Coder"]["env"]
    assert env["CODER_MCP_APP_STATUS_SLUG"] == ""
    assert env["CODER_MCP_AI_AGENTAPI_URL"] == ""


def test_base_config_replaces_the_default_but_the_workdir_stays_trusted() -> None:
    parsed = config(base_config_toml='sandbox_mode = "danger-full-access"\n')
    assert parsed["sandbox_mode"] == "danger-full-access"
    assert "approval_policy" not in parsed
    assert "Coder" in parsed["mcp_servers"]
    assert parsed["projects"]["/home/coder/project"] == {"trust_level": "trusted"}


def test_a_trust_level_the_base_sets_for_the_workdir_is_kept() -> None:
    base = '[projects."/home/coder/project"]\ntrust_level = "untrusted"\n[projects."/x"]\na = 1\n'
    parsed = config(base_config_toml=base)
    assert parsed["projects"] == {
        "/home/coder/project": {"trust_level": "untrusted"},
        "/x": {"a": 1},
    }


def test_keys_codex_ignores_are_left_out_and_reported() -> None:
    module = composed(
        base_config_toml='preferred_auth_method = "apikey"\n[profiles.x]\nmodel = "o3"\n',
        additional_mcp_servers='[mcp_servers.gh]\ncommand = "x"\ntype = "stdio"\n'
        'description = "d"\n',
    )
    parsed = tomllib.loads(module.profile)
    assert "preferred_auth_method" not in parsed
    assert "profiles" not in parsed
    assert parsed["mcp_servers"]["gh"] == {"command": "x"}
    args = CodexArgs(
        agent_id="a",
        workdir="/w",
        base_config_toml='preferred_auth_method = "apikey"\n',
        additional_mcp_servers='[mcp_servers.gh]\ncommand = "x"\ntype = "stdio"\n',
    )
    assert ignored_settings(args) == [
        "base_config_toml: preferred_auth_method",
        "additional_mcp_servers: mcp_servers.gh.type",
    ]


def test_aibridge_provider_is_selected_with_top_level_keys() -> None:
    parsed = config(
        access_url="https://coder.test/",
        enable_aibridge=True,
        codex_model="gpt-6-sol",
        model_reasoning_effort="high",
    )
    assert parsed["model_provider"] == "aibridge"
    assert parsed["model"] == "gpt-6-sol"
    assert parsed["model_reasoning_effort"] == "high"
    assert parsed["model_providers"]["aibridge"] == {
        "name": "AI Bridge",
        "base_url": "https://coder.test/api/v2/aibridge/openai/v1",
        "env_key": "CODER_AIBRIDGE_SESSION_TOKEN",
        "wire_api": "responses",
        "supports_websockets": False,
    }
    assert "profile" not in parsed
    assert "profiles" not in parsed


def test_the_compat_forms_leave_out_only_the_newer_keys() -> None:
    module = composed(enable_aibridge=True, codex_model="m")
    full = tomllib.loads(module.profile)
    compat = tomllib.loads(module.profile_compat)
    assert "supports_websockets" not in compat["model_providers"]["aibridge"]
    assert "check_for_update_on_startup" not in compat
    del full["model_providers"]["aibridge"]["supports_websockets"]
    del full["check_for_update_on_startup"]
    assert compat == full
    assert old_codex_view(module) == compat


def test_old_codex_gets_tables_in_the_block_and_scalars_as_options() -> None:
    module = composed(enable_aibridge=True, codex_model="m")
    block = tomllib.loads(module.block)
    assert all(isinstance(value, dict) for value in block.values())
    assert module.overrides.splitlines() == [
        'model_provider="aibridge"',
        'model="m"',
        'model_reasoning_effort="medium"',
        'sandbox_mode="workspace-write"',
        'approval_policy="never"',
    ]


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


def test_a_model_set_in_the_base_config_wins_and_is_the_one_to_acknowledge() -> None:
    module = composed(enable_aibridge=True, base_config_toml='model = "o4"\n')
    parsed = tomllib.loads(module.profile)
    assert parsed["model_provider"] == "aibridge"
    assert parsed["model"] == "o4"
    assert parsed["model_reasoning_effort"] == "medium"
    assert module.model == "o4"
    assert composed(codex_model="gpt-5.5").model == "gpt-5.5"
    assert composed().model == ""


def test_additional_servers_sit_next_to_coder() -> None:
    parsed = config(
        additional_mcp_servers=(
            '[mcp_servers.GitHub]\ncommand = "npx"\n\n[mcp_servers.GitHub.env]\nX = "1"\n'
        )
    )
    assert parsed["mcp_servers"]["GitHub"] == {"command": "npx", "env": {"X": "1"}}
    assert set(parsed["mcp_servers"]) == {"Coder", "GitHub"}


@given(st.text())
def test_toml_string_round_trips_any_text(value: str) -> None:
    assert tomllib.loads(f"v = {toml_string(value)}")["v"] == value


_toml_values = st.recursive(
    st.booleans() | st.integers(-(2**63), 2**63 - 1) | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=8,
)


@given(_toml_values)
def test_toml_inline_round_trips_any_value(value: Any) -> None:
    line = toml_inline(value)
    assert "\n" not in line
    assert tomllib.loads(f"v = {line}")["v"] == value


@given(st.text(min_size=1).filter(lambda s: "\0" not in s), st.text())
def test_unusual_models_and_workdirs_stay_valid_toml(model: str, suffix: str) -> None:
    workdir = "/home/" + suffix.replace("\0", "").replace("\n", "").replace("\r", "")
    workdir = "/" + "/".join(p for p in workdir.split("/") if p not in {"", ".", ".."})
    args = CodexArgs(agent_id="a", workdir=workdir, codex_model=model, enable_aibridge=True)
    module = compose_module_config(args, "https://x")
    parsed = tomllib.loads(with_migration(module.profile, model, "upgrade"))
    assert parsed["model"] == model
    assert parsed["notice"]["model_migrations"] == {model: "upgrade"}
    assert workdir in parsed["projects"]
    assert old_codex_view(module)["model"] == model
