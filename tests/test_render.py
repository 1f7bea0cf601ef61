"""Rendering arguments into coder_script bodies."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from codex_component.render import (
    bundle,
    decoded_args,
    encode_args,
    needed_files,
    render_body,
    shipped,
    unbundle,
    unpacked_files,
)

arg_names = st.from_regex(r"ARG_[A-Z][A-Z0-9_]{0,20}", fullmatch=True)


@given(st.dictionaries(arg_names, st.text(), max_size=8))
def test_args_file_round_trips_any_text(values: dict[str, str]) -> None:
    assert decoded_args(encode_args(values).decode("ascii")) == values


file_text = (
    st.text()
    .map(lambda t: t.replace("#@codex-file ", "#@codex_file "))
    .map(lambda t: t if not t or t.endswith("\n") else t + "\n")
)


@given(st.dictionaries(st.from_regex(r"[a-z]{1,8}(/[a-z]{1,8})?", fullmatch=True), file_text))
def test_bundles_round_trip_any_text(files: dict[str, str]) -> None:
    packed = bundle({path: text.encode() for path, text in files.items()})
    assert unbundle(packed) == files


@pytest.mark.parametrize("text", ["no newline at the end", "x\n#@codex-file evil\n"])
def test_bundle_refuses_what_awk_could_not_split_back(text: str) -> None:
    with pytest.raises(ValueError, match="must be empty or end with a newline"):
        bundle({"f": text.encode()})


@pytest.mark.parametrize("name", ["arg_lower", "ARG_", "X_ARG", "ARG_A;rm", "ARG_A=B"])
def test_bad_argument_names_are_refused(name: str) -> None:
    with pytest.raises(ValueError, match="argument name"):
        encode_args({name: "v"})


def test_each_body_carries_what_its_entry_runs_and_no_more() -> None:
    # That nothing needed is missing is proven by the real runs of both bodies
    # (test_start_script.py, test_shutdown_script.py); here: nothing unneeded rides along.
    start = unpacked_files(render_body("start.sh", {"ARG_X": "value"}))
    stop = unpacked_files(render_body("shutdown.sh", {}))
    assert decoded_args(start["start.args"]) == {"ARG_X": "value"}
    assert {"scripts/start.sh", "scripts/lib.sh", "scripts/install_codex.sh"} <= set(start)
    assert "scripts/shutdown.sh" not in start
    assert {"scripts/shutdown.sh", "scripts/lib.sh", "shutdown.args"} <= set(stop)
    assert "scripts/install_codex.sh" not in stop
    assert "scripts/start.sh" not in stop


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
        assert (module_dir / "scripts" / name).read_bytes() == shipped(data)
    assert (module_dir / "start.args").stat().st_mode & 0o077 == 0
