"""App slugs (SPEC 4, 12): derived from the component's name, validated, used for the apps,
the Coder MCP status slug and the chat path; clashes between components fail at
construction, before anything is registered."""

from __future__ import annotations

import tomllib
from typing import Any

import pulumi
import pulumi_coder as coder
import pytest

from codex_component import Codex, CodexArgs, CodexArgsError
from codex_component.render import decoded_args, unpacked_files
from tests.pulumi_harness import OWNER, WORKSPACE, CoderMocks, plain, run

COMPONENT = "codex-component:index:Codex"


def args(**overrides: Any) -> CodexArgs:
    values: dict[str, Any] = {"agent_id": "agent-1", "workdir": "/home/coder/project"}
    values.update(overrides)
    return CodexArgs(**values)


def script_args(mocks: CoderMocks, name: str, script: str = "start") -> dict[str, str]:
    """The decoded arguments of the ``<name>-start`` (or ``-shutdown``) script."""
    body = plain(mocks.named(f"{name}-{script}").inputs["script"])
    return decoded_args(unpacked_files(body)[f"{script}.args"])


def status_slug(mocks: CoderMocks, name: str) -> str:
    values = script_args(mocks, name)
    slugs = {
        tomllib.loads(values[form])["mcp_servers"]["Coder"]["env"]["CODER_MCP_APP_STATUS_SLUG"]
        for form in ("ARG_CODEX_PROFILE", "ARG_CODEX_PROFILE_COMPAT", "ARG_CODEX_BLOCK")
    }
    (slug,) = slugs  # every form the start script may write agrees
    return str(slug)


@pytest.mark.parametrize(
    ("name", "web", "cli"),
    [
        ("codex", "codex", "codex-cli"),
        ("codex-review", "codex-review", "codex-review-cli"),
        ("CodexReview", "codexreview", "codexreview-cli"),
        ("reviewer", "codex-reviewer", "codex-reviewer-cli"),
        ("My_Helper.2", "codex-my-helper-2", "codex-my-helper-2-cli"),
        ("--x--", "codex-x", "codex-x-cli"),
    ],
)
def test_slugs_derive_from_the_name(mocks: CoderMocks, name: str, web: str, cli: str) -> None:
    codex = run(lambda: Codex(name, args(cli_app=True)))
    assert (codex.web_app_slug, codex.cli_app_slug) == (web, cli)
    assert mocks.named(f"{name}-web").inputs["slug"] == web
    assert mocks.named(f"{name}-cli").inputs["slug"] == cli
    assert status_slug(mocks, name) == web
    assert script_args(mocks, name)["ARG_CHAT_BASE_PATH"] == (
        f"/@{OWNER['name']}/{WORKSPACE['name']}.agent-1/apps/{web}/chat"
    )


def test_given_slugs_are_used_everywhere(mocks: CoderMocks) -> None:
    codex = run(
        lambda: Codex("codex", args(cli_app=True, web_app_slug="ai", cli_app_slug="ai-term"))
    )
    assert (codex.web_app_slug, codex.cli_app_slug) == ("ai", "ai-term")
    assert mocks.named("codex-web").inputs["slug"] == "ai"
    assert mocks.named("codex-cli").inputs["slug"] == "ai-term"
    assert status_slug(mocks, "codex") == "ai"
    assert script_args(mocks, "codex")["ARG_CHAT_BASE_PATH"].endswith("/apps/ai/chat")


def test_a_given_web_slug_gives_the_cli_slug_too(mocks: CoderMocks) -> None:
    codex = run(lambda: Codex("codex", args(cli_app=True, web_app_slug="ai")))
    assert codex.cli_app_slug == "ai-cli"


def test_without_report_tasks_no_status_slug(mocks: CoderMocks) -> None:
    run(lambda: Codex("second", args(report_tasks=False)))
    assert status_slug(mocks, "second") == ""


@pytest.mark.parametrize("bad", ["Codex", "-codex", "codex-", "co--dex", "co_dex", "", "ä"])
def test_invalid_slugs_are_refused(bad: str) -> None:
    for field in ("web_app_slug", "cli_app_slug"):
        with pytest.raises(CodexArgsError) as caught:
            args(cli_app=True, **{field: bad})
        message = str(caught.value)
        assert field in message
        assert repr(bad) in message
        assert "^[a-z0-9](-?[a-z0-9])*$" in message


def test_cli_slug_without_cli_app_is_refused() -> None:
    with pytest.raises(CodexArgsError, match=r"cli_app_slug is set .* but cli_app is false"):
        args(cli_app_slug="codex-term")


def test_one_slug_for_both_apps_is_refused(mocks: CoderMocks) -> None:
    with pytest.raises(CodexArgsError, match="both 'x'"):
        args(cli_app=True, web_app_slug="x", cli_app_slug="x")
    with pytest.raises(CodexArgsError, match="also the web app's slug"):
        run(lambda: Codex("codex", args(cli_app=True, cli_app_slug="codex")))
    assert mocks.resources == []


def two(first: dict[str, Any], second: dict[str, Any], names: tuple[str, str]) -> None:
    def program() -> None:
        Codex(names[0], args(**first))
        Codex(names[1], args(**second))

    run(program)


def test_two_components_with_one_slug_fail_naming_both(mocks: CoderMocks) -> None:
    with pytest.raises(CodexArgsError) as caught:
        two({}, {"agentapi_port": 4000, "web_app_slug": "codex"}, ("codex", "other"))
    message = str(caught.value)
    assert "Codex 'other'" in message
    assert "Codex 'codex'" in message
    assert "'codex'" in message
    assert "duplicate app slug, they must be unique per template" in message
    # The second one registered nothing.
    assert [r.name for r in mocks.resources if r.name.startswith("other")] == []


def test_a_derived_cli_slug_clashing_with_another_web_slug_fails(mocks: CoderMocks) -> None:
    # "codex-cli" as a component name derives the web slug the first one's CLI app has.
    with pytest.raises(CodexArgsError, match=r"CLI app of Codex 'codex'"):
        two({"cli_app": True}, {"agentapi_port": 4000}, ("codex", "codex-cli"))


def test_two_components_on_one_port_of_one_agent_fail(mocks: CoderMocks) -> None:
    def program() -> None:
        agent = coder.Agent("main", arch="amd64", os="linux")
        Codex("codex", args(agent_id=agent.id))
        Codex("reviewer", args(agent_id=agent.id))

    with pytest.raises(CodexArgsError) as caught:
        run(program)
    message = str(caught.value)
    assert "Codex 'reviewer' and Codex 'codex' both use agentapi_port 3284" in message
    assert not [r for r in mocks.resources if r.name.startswith("reviewer")]


def test_one_port_on_one_agent_given_as_a_string_fails(mocks: CoderMocks) -> None:
    with pytest.raises(CodexArgsError, match="both use agentapi_port 4000"):
        two({"agentapi_port": 4000}, {"agentapi_port": 4000}, ("a", "b"))


def test_one_port_on_two_agents_is_fine(mocks: CoderMocks) -> None:
    def program() -> None:
        first = coder.Agent("first", arch="amd64", os="linux")
        second = coder.Agent("second", arch="amd64", os="linux")
        Codex("codex", args(agent_id=first.id))
        Codex("reviewer", args(agent_id=second.id))

    run(program)
    assert len(mocks.of_type(COMPONENT)) == 2


def test_two_components_on_one_agent_get_their_own_slugs(mocks: CoderMocks) -> None:
    two({"cli_app": True}, {"cli_app": True, "agentapi_port": 4000}, ("codex", "reviewer"))
    slugs = sorted(r.inputs["slug"] for r in mocks.of_type("coder:index/app:App"))
    assert slugs == ["codex", "codex-cli", "codex-reviewer", "codex-reviewer-cli"]
    assert status_slug(mocks, "codex") == "codex"
    assert status_slug(mocks, "reviewer") == "codex-reviewer"
    paths = {script_args(mocks, n)["ARG_CHAT_BASE_PATH"] for n in ("codex", "reviewer")}
    assert len(paths) == 2


def test_each_program_starts_afresh(mocks: CoderMocks) -> None:
    run(lambda: Codex("codex", args()))
    # A new engine is a new program: the same component may be built again.
    pulumi.runtime.set_mocks(CoderMocks(), project="project", stack="stack", preview=False)
    run(lambda: Codex("codex", args()))


@pytest.mark.parametrize(("enabled", "flag"), [(True, "true"), (False, "false")])
def test_the_task_state_reaches_the_shutdown_script(
    mocks: CoderMocks, enabled: bool, flag: str
) -> None:
    mocks.data["coder:index/getTask:getTask"]["enabled"] = enabled
    run(lambda: Codex("codex", args()))
    assert script_args(mocks, "codex", "shutdown")["ARG_TASK_ENABLED"] == flag
