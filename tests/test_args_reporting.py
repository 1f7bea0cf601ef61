"""Every mistake in the arguments reported at once, precisely (issue 12).

Strict types, unknown names with a suggestion, the Terraform alias given twice, rules
between fields reported together with field errors, TOML clashes located in the user's own
text, and Inputs whose values are only known at deployment.
"""

from __future__ import annotations

import gc
import logging
from typing import Any

import pulumi
import pytest

from codex_component import Codex, CodexArgs, CodexArgsError
from tests.pulumi_harness import CoderMocks, run

BASE = {"agent_id": "agent-1", "workdir": "/home/coder/project"}


def problems_of(**overrides: Any) -> list[str]:
    with pytest.raises(CodexArgsError) as caught:
        CodexArgs(**{**BASE, **overrides})
    return caught.value.problems


def only_problem(**overrides: Any) -> str:
    (problem,) = problems_of(**overrides)
    return problem


# --- strict types -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value", "allowed"),
    [
        ("cli_app", "yes", "True or False"),
        ("report_tasks", 1, "True or False"),
        ("subdomain", "false", "True or False"),
        ("agentapi_port", "3284", "a whole number"),
        ("agentapi_port", True, "a whole number"),
        ("order", False, "a whole number"),
        ("order", 2.5, "a whole number"),
        ("codex_model", 5, "a string"),
        ("group", ["a"], "a string"),
    ],
)
def test_values_are_not_converted_and_the_message_says_what_is_allowed(
    field: str, value: Any, allowed: str
) -> None:
    problem = only_problem(**{field: value})
    assert problem.startswith(f"{field}: ")
    assert allowed in problem
    assert problem.endswith(f"got {value!r}")


def test_a_whole_float_is_still_a_port_as_it_comes_over_the_wire() -> None:
    args = CodexArgs(**BASE, agentapi_port=4000.0, order=2.0)
    assert (args.agentapi_port, args.order) == (4000, 2)
    assert type(args.agentapi_port) is int


def test_an_empty_agent_id_is_an_error() -> None:
    problem = only_problem(agent_id="")
    assert problem.startswith("agent_id: ")
    assert "coder_agent" in problem
    assert problem.endswith("got ''")
    assert only_problem(agent_id="   ").endswith("got '   '")


# --- names ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("wrong", "right"),
    [
        ("codex_modle", "codex_model"),
        ("agentapi_prot", "agentapi_port"),
        ("openai_key", "openai_api_key"),
        ("continu", "continue"),
    ],
)
def test_an_unknown_argument_suggests_the_closest_name(wrong: str, right: str) -> None:
    assert only_problem(**{wrong: "x"}) == (
        f"{wrong}: is not an argument of Codex; did you mean {right}?"
    )


def test_an_argument_like_no_other_lists_the_arguments() -> None:
    problem = only_problem(zzz=1)
    assert problem.startswith("zzz: is not an argument of Codex (the arguments are: ")
    assert "codex_model" in problem and "workdir" in problem


def test_continue_and_continue_session_together_are_named_the_same_argument() -> None:
    for make in (
        lambda data: CodexArgs(**data),
        CodexArgs.model_validate,
    ):
        with pytest.raises(CodexArgsError) as caught:
            make({**BASE, "continue": False, "continue_session": True})
        (problem,) = caught.value.problems
        assert "continue and continue_session are the same argument" in problem
        assert "give only one" in problem
        assert "continue=False" in problem and "continue_session=True" in problem


# --- every mistake at once ------------------------------------------------------------------


def test_rules_between_fields_are_reported_with_the_field_errors() -> None:
    problems = problems_of(
        workdir="relative",
        cli_app="yes",
        enable_aibridge=True,
        openai_api_key="sk-hidden-1",
        agentapi_version="v0.3.0",
    )
    assert len(problems) == 4, problems
    assert problems[0].startswith("workdir: ")
    assert problems[1].startswith("cli_app: ")
    assert any("openai_api_key must be empty when enable_aibridge" in p for p in problems)
    assert any("agentapi_version must be v0.3.3 or newer" in p for p in problems)
    assert all("sk-hidden-1" not in p for p in problems)


def test_every_rule_between_fields_is_reported_not_only_the_first() -> None:
    problems = problems_of(
        enable_aibridge=True,
        openai_api_key="sk-hidden-2",
        agentapi_version="v0.2.0",
        base_config_toml='[model_providers.aibridge]\nname = "mine"\n',
    )
    assert len(problems) == 3, problems


def test_a_rule_needing_an_invalid_field_is_not_guessed() -> None:
    # enable_aibridge is wrong itself: whether a key may be given is not known.
    problems = problems_of(enable_aibridge="yes", openai_api_key="sk-3")
    assert len(problems) == 1
    assert problems[0].startswith("enable_aibridge: ")


# --- TOML clashes, in the user's words ------------------------------------------------------------


def test_a_clash_with_the_component_names_the_users_field_and_line() -> None:
    base = (
        'sandbox_mode = "read-only"\n\n[tui]\nnotifications = false\n\n'
        '[model_providers.aibridge]\nname = "mine"\n'
    )
    problem = only_problem(enable_aibridge=True, base_config_toml=base)
    assert problem.startswith("base_config_toml line 6 ([model_providers.aibridge])")
    assert "remove that table or key" in problem
    # The composed text's own line numbers mean nothing to the user.
    assert "(at line" not in problem


def test_a_clash_on_a_parent_table_names_that_table() -> None:
    base = '[tui]\nx = 1\n[model_providers]\naibridge = "mine"\n'
    problem = only_problem(enable_aibridge=True, base_config_toml=base)
    assert problem.startswith("base_config_toml line 3 ([model_providers])"), problem


# --- Inputs known only at deployment ----------------------------------------------------------


def build(**overrides: Any) -> Codex:
    return run(lambda: Codex("codex", CodexArgs(**{**BASE, **overrides})))


class Collected(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def failing_build(caplog: pytest.LogCaptureFixture, **overrides: Any) -> str:
    """Build, expecting the deployment to fail; the message, once no asyncio future was
    left holding the failure unretrieved (what asyncio reports as noise), collected here so
    that it could not surface in another test."""
    collected = Collected()
    logging.getLogger("asyncio").addHandler(collected)
    try:
        with pytest.raises(pulumi.RunError) as caught:
            build(**overrides)
        pulumi.runtime.settings.reset_options()
        gc.collect()
    finally:
        logging.getLogger("asyncio").removeHandler(collected)
    assert [m for m in collected.messages if "never retrieved" in m] == []
    return str(caught.value)


def test_a_key_output_with_aibridge_fails_in_one_clear_line(
    mocks: CoderMocks, caplog: pytest.LogCaptureFixture
) -> None:
    message = failing_build(
        caplog, enable_aibridge=True, openai_api_key=pulumi.Output.secret("sk-late")
    )
    assert "\n" not in message
    assert "openai_api_key must be empty when enable_aibridge is true" in message
    assert "While processing" not in message and "Output object" not in message
    assert "sk-late" not in message


@pytest.mark.parametrize(
    ("field", "value", "shown"),
    [
        ("ai_prompt", 42, "got int (42)"),
        ("agent_id", 7, "got int (7)"),
        ("openai_api_key", 12345, "got int (a secret)"),
    ],
)
def test_an_input_resolving_to_a_non_string_names_the_field(
    mocks: CoderMocks, caplog: pytest.LogCaptureFixture, field: str, value: Any, shown: str
) -> None:
    message = failing_build(caplog, **{field: pulumi.Output.from_input(value)})
    assert f"{field} must resolve to a string at deployment; {shown}" in message
    assert "\n" not in message
    if field == "openai_api_key":
        assert "12345" not in message


def test_a_prompt_resolving_to_a_list_names_the_field(
    mocks: CoderMocks, caplog: pytest.LogCaptureFixture
) -> None:
    message = failing_build(caplog, ai_prompt=pulumi.Output.from_input(["fix", "it"]))
    assert "ai_prompt must resolve to a string at deployment; got list" in message


def test_a_prompt_resolving_to_none_is_no_prompt(mocks: CoderMocks) -> None:
    build(ai_prompt=pulumi.Output.from_input(None))
    assert any(r.name == "codex-start" for r in mocks.resources)
