"""The offline preview command: `python -m codex_component preview`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def preview(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    # A child process: the preview installs its own mock engine and config, and the
    # example program is evaluated exactly as the README's command does.
    # As in a CI log: not a terminal, no COLUMNS.
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    return subprocess.run(
        [sys.executable, "-m", "codex_component", "preview", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )


def test_example_stack_prints_the_resource_tree(tmp_path: Path) -> None:
    result = preview("--stack-file", "Pulumi.example.yaml", "--scripts-dir", str(tmp_path))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for token, name in [
        ("coder:index/agent:Agent", "main"),
        ("codex-component:index:Codex", "codex"),
        ("coder:index/script:Script", "codex-start"),
        ("coder:index/script:Script", "codex-shutdown"),
        ("coder:index/app:App", "codex-web"),
        ("coder:index/app:App", "codex-cli"),
        ("coder:index/env:Env", "codex-openai-api-key"),
        ("coder:index/aiTask:AiTask", "task"),
    ]:
        assert token in out
        assert name in out
    assert "8 resources to create" in out
    assert "[secret]" in out
    assert "offline-preview-secret" not in out
    assert "[unknown]" in out
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == [
        "codex-shutdown.args.txt",
        "codex-shutdown.sh",
        "codex-start.args.txt",
        "codex-start.sh",
    ]
    # The rendered scripts' arguments are printed too, not only written on request.
    assert "codex-start: arguments of the rendered script" in out
    assert "[mcp_servers.GitHub]" in out
    start_args = (tmp_path / "codex-start.args.txt").read_text()
    assert "ARG_CODEX_VERSION:\n    0.169.0" in start_args
    # The example sets no model: the preview says what that means.
    assert "ARG_CODEX_MODEL:\n    (empty: the installed Codex's own default model)" in start_args
    assert "[mcp_servers.GitHub]" in start_args
    assert (tmp_path / "codex-start.sh").read_text().startswith("#!/bin/sh")


def test_config_on_the_command_line_overrides_the_stack_file(tmp_path: Path) -> None:
    result = preview(
        "--stack-file",
        "Pulumi.example.yaml",
        "--config",
        "agentapiPort=4123",
        "--config",
        "cliApp=false",
        "--scripts-dir",
        str(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    assert "http://localhost:4123/" in result.stdout
    assert "codex-cli" not in result.stdout
    listing = (tmp_path / "codex-start.args.txt").read_text()
    assert "ARG_AGENTAPI_PORT:\n    4123" in listing


def test_invalid_argument_fails_with_the_validation_message_and_no_traceback() -> None:
    result = preview(
        "--stack-file", "Pulumi.example.yaml", "--config", "modelReasoningEffort=extreme"
    )
    assert result.returncode == 1
    assert "model_reasoning_effort" in result.stderr
    assert "extreme" in result.stderr
    assert "none, minimal, low, medium, high, xhigh" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_missing_required_secret_is_reported() -> None:
    result = preview()
    assert result.returncode == 1
    assert "openaiApiKey" in result.stderr
    assert "Traceback" not in result.stderr


def test_secret_from_the_command_line_is_masked() -> None:
    result = preview("--secret", "openaiApiKey=sk-command-line-key")
    assert result.returncode == 0, result.stderr
    assert "sk-command-line-key" not in result.stdout
    assert "[secret]" in result.stdout


def test_not_a_project_directory(tmp_path: Path) -> None:
    result = preview("--project-dir", str(tmp_path))
    assert result.returncode == 1
    assert "Pulumi.yaml" in result.stderr


@pytest.mark.parametrize("bad", ["--config=novalue", "--bogus"])
def test_usage_errors(bad: str) -> None:
    result = preview("--stack-file", "Pulumi.example.yaml", bad)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr


# -- any program folder, as strict as the real engine and a Coder build ------------------------

AGENT = 'agent = coder.Agent("main", arch="amd64", os="linux")\n'
HEADER = "import pulumi_coder as coder\nfrom codex_component import Codex\n" + AGENT


def project(folder: Path, program: str, pulumi_yaml: str = "") -> Path:
    """A project folder with ``Pulumi.yaml`` (name ``scratch``) and ``__main__.py``."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "Pulumi.yaml").write_text(pulumi_yaml or "name: scratch\nruntime: python\n")
    if program:
        (folder / "__main__.py").write_text(program)
    return folder


def preview_of(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    # Run from elsewhere: --project-dir alone must find and run the program.
    return preview("--project-dir", str(folder), *args, cwd=folder.parent)


def failed_with(result: subprocess.CompletedProcess[str], message: str) -> None:
    assert result.returncode == 1, result.stdout
    assert message in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_two_resources_with_one_urn_fail_with_the_engines_words(tmp_path: Path) -> None:
    folder = project(tmp_path / "p", HEADER + AGENT)
    failed_with(
        preview_of(folder),
        "Duplicate resource URN 'urn:pulumi:dev::scratch::coder:index/agent:Agent::main'; "
        "try giving it a unique name",
    )


def test_two_components_with_one_name_fail_with_the_engines_words(tmp_path: Path) -> None:
    program = (
        HEADER
        + 'other = coder.Agent("other", arch="amd64", os="linux")\n'
        + 'Codex("codex", {"agent_id": agent.id, "workdir": "/w"})\n'
        + 'Codex("codex", {"agent_id": other.id, "workdir": "/w", "web_app_slug": "x"})\n'
    )
    failed_with(
        preview_of(project(tmp_path / "p", program)),
        "Duplicate resource URN 'urn:pulumi:dev::scratch::codex-component:index:Codex::codex'",
    )


def test_a_duplicate_app_slug_fails_with_coders_words(tmp_path: Path) -> None:
    program = (
        HEADER
        + 'Codex("codex", {"agent_id": agent.id, "workdir": "/w"})\n'
        + 'coder.App("mine", agent_id=agent.id, slug="codex", url="http://localhost:9/")\n'
    )
    failed_with(
        preview_of(project(tmp_path / "p", program)),
        'duplicate app slug, they must be unique per template: "codex"',
    )


def test_an_invalid_app_slug_of_another_app_fails_with_coders_words(tmp_path: Path) -> None:
    program = HEADER + 'coder.App("mine", agent_id=agent.id, slug="My_App", url="http://x/")\n'
    failed_with(
        preview_of(project(tmp_path / "p", program)),
        "app slug 'My_App' does not match regex '^[a-z0-9](-?[a-z0-9])*$'",
    )


def test_two_components_on_one_port_fail_naming_both(tmp_path: Path) -> None:
    program = (
        HEADER
        + 'Codex("codex", {"agent_id": agent.id, "workdir": "/w"})\n'
        + 'Codex("reviewer", {"agent_id": agent.id, "workdir": "/w"})\n'
    )
    failed_with(
        preview_of(project(tmp_path / "p", program)),
        "Codex 'reviewer' and Codex 'codex' both use agentapi_port 3284 on the same agent",
    )


def test_main_in_pulumi_yaml_is_honoured(tmp_path: Path) -> None:
    folder = project(tmp_path / "p", "", "name: scratch\nruntime:\n  name: python\nmain: infra/\n")
    (folder / "infra").mkdir()
    # A module next to the program imports as it does under Pulumi.
    (folder / "infra" / "names.py").write_text('AGENT = "from-main"\n')
    (folder / "infra" / "__main__.py").write_text(
        "import names\nimport pulumi_coder as coder\n"
        'coder.Agent(names.AGENT, arch="amd64", os="linux")\n'
    )
    result = preview_of(folder)
    assert result.returncode == 0, result.stderr
    assert "from-main" in result.stdout
    assert "1 resources to create" in result.stdout


def test_main_naming_a_file(tmp_path: Path) -> None:
    folder = project(tmp_path / "p", "", "name: scratch\nruntime: python\nmain: workspace.py\n")
    (folder / "workspace.py").write_text(HEADER)
    result = preview_of(folder)
    assert result.returncode == 0, result.stderr
    assert "1 resources to create" in result.stdout


def test_a_missing_main_is_reported(tmp_path: Path) -> None:
    folder = project(tmp_path / "p", "", "name: scratch\nruntime: python\nmain: nowhere/\n")
    failed_with(preview_of(folder), "the program does not exist")
    failed_with(preview_of(project(tmp_path / "q", "")), "no __main__.py in")


def test_an_error_in_the_program_is_one_line(tmp_path: Path) -> None:
    folder = project(tmp_path / "p", HEADER + "print(undefined_name)\n")
    failed_with(preview_of(folder), "NameError: name 'undefined_name' is not defined")
    assert "__main__.py:4" in preview_of(folder).stderr


def test_not_a_python_project(tmp_path: Path) -> None:
    folder = project(tmp_path / "p", HEADER, "name: scratch\nruntime: nodejs\n")
    failed_with(preview_of(folder), "runtime is 'nodejs'")


def test_the_stacks_own_settings_file_is_read(tmp_path: Path) -> None:
    folder = project(
        tmp_path / "p",
        "import pulumi\nimport pulumi_coder as coder\n"
        'coder.Agent(pulumi.Config().require("agentName"), arch="amd64", os="linux")\n',
    )
    (folder / "Pulumi.ci.yaml").write_text("config:\n  scratch:agentName: from-stack-file\n")
    result = preview_of(folder, "--stack", "ci")
    assert result.returncode == 0, result.stderr
    assert "from-stack-file" in result.stdout


def test_nested_maps_print_in_a_stable_order(tmp_path: Path) -> None:
    env = '{"ZED": "1", "ALPHA": "2", "MID": "3"}'
    program = f'import pulumi_coder as coder\ncoder.Agent("m", arch="x", os="linux", env={env})\n'

    result = preview_of(project(tmp_path / "p", program))
    assert result.returncode == 0, result.stderr
    assert '{"ALPHA": "2", "MID": "3", "ZED": "1"}' in result.stdout
