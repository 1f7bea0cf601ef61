"""Rendering arguments into coder_script bodies."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from codex_component.preview import decoded_args, unpacked_files
from codex_component.render import encode_args, needed_files, render_body, script_files

arg_names = st.from_regex(r"ARG_[A-Z][A-Z0-9_]{0,20}", fullmatch=True)


@given(st.dictionaries(arg_names, st.text(), max_size=8))
def test_args_file_round_trips_any_text(values: dict[str, str]) -> None:
    assert decoded_args(encode_args(values).decode("ascii")) == values


@pytest.mark.parametrize("name", ["arg_lower", "ARG_", "X_ARG", "ARG_A;rm", "ARG_A=B"])
def test_bad_argument_names_are_refused(name: str) -> None:
    with pytest.raises(ValueError, match="argument name"):
        encode_args({name: "v"})


def test_body_unpacks_the_scripts_the_entry_needs_and_the_args() -> None:
    body = render_body("start.sh", {"ARG_X": "value"})
    files = unpacked_files(body)
    scripts = {name.removeprefix("scripts/") for name in files if name.startswith("scripts/")}
    assert {"start.sh", "lib.sh"} <= scripts
    assert "shutdown.sh" not in scripts
    for name in scripts:
        code = [
            ln for ln in files[f"scripts/{name}"].splitlines() if not ln.lstrip().startswith("#")
        ]
        sourced = re.findall(r"\b([a-z0-9_]+\.sh)\b", "\n".join(code))
        assert {s for s in sourced if s in script_files()} <= scripts, name
    assert decoded_args(files["start.args"]) == {"ARG_X": "value"}
    assert "CODEX_ENTRY='start.sh'" in body


def test_rendering_is_deterministic() -> None:
    assert render_body("start.sh", {"ARG_X": "1"}) == render_body("start.sh", {"ARG_X": "1"})


@settings(max_examples=25, deadline=None)
@given(st.text(min_size=1))
def test_values_never_appear_in_the_body(value: str) -> None:
    body = render_body("start.sh", {"ARG_VALUE": "needle:" + value})
    assert "needle:" not in body


def test_unknown_entry_and_bad_module_dir_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown entry"):
        render_body("nope.sh", {})
    with pytest.raises(ValueError, match="module directory"):
        render_body("start.sh", {}, module_dir_name="../etc")


def test_body_is_posix_sh_and_unpacks_into_the_module_dir(tmp_path: Path) -> None:
    body = render_body("start.sh", {"ARG_X": "it's $(here)"}, module_dir_name=".codex-x")
    # Replace the hand-over to bash so that only the unpacking runs.
    body = body.replace('exec bash "$CODEX_MODULE_DIR/scripts/$CODEX_ENTRY"', "exit 0")
    result = subprocess.run(
        ["sh", "-c", body],
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    module_dir = tmp_path / ".codex-x"
    assert decoded_args((module_dir / "start.args").read_text()) == {"ARG_X": "it's $(here)"}
    for name, data in needed_files("start.sh").items():
        assert (module_dir / "scripts" / name).read_bytes() == data
    assert (module_dir / "start.args").stat().st_mode & 0o077 == 0
