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
