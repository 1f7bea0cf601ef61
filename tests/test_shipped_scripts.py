"""The scripts as shipped in a body: comment lines emptied, nothing else changed."""

from __future__ import annotations

import re
import subprocess

import pytest

from codex_component.render import render_body, script_files, shipped, unpacked_files
from tests.rendering import render_scripts


def canonical(code: bytes) -> str:
    """The code as bash itself reads it: wrapped into a function and printed back, which
    drops comments but keeps every string, here-string and command as it is."""
    result = subprocess.run(
        ["bash", "-c", 'eval "wrapped() {\n$(cat)\n}" && declare -f wrapped'],
        input=code,
        capture_output=True,
        check=True,
        timeout=30,
    )
    return result.stdout.decode()


@pytest.mark.parametrize("name", sorted(script_files()))
def test_a_shipped_script_is_the_same_program_with_the_same_lines(name: str) -> None:
    original = script_files()[name]
    sent = shipped(original)
    assert sent.count(b"\n") == original.count(b"\n")
    assert canonical(sent) == canonical(original)
    assert sent.splitlines()[0] == original.splitlines()[0]  # the #! line
    assert len(sent) < len(original)


@pytest.mark.parametrize(
    "code",
    [
        b"x='first\n# not a comment\n'\n",
        b'x="first\n  # not a comment, $y\n"\n',
        b"x=$'it\\'s\n# not a comment\n'\n",
        b"echo it # a comment that's open: '\n# a comment\ny='#not'\n",
    ],
)
def test_a_line_inside_a_string_is_kept(code: bytes) -> None:
    # The comparison above can fail: emptying such a line by its looks alone changes the
    # program.
    naive = re.sub(rb"(?m)^[ \t]*#.*$", b"", code)
    assert canonical(shipped(code)) == canonical(code)
    if b"not a comment" in code:
        assert canonical(naive) != canonical(code)


def test_bodies_carry_the_shipped_scripts() -> None:
    files = unpacked_files(render_body("start.sh", {"ARG_X": "value"}))
    for name, data in script_files().items():
        path = f"scripts/{name}"
        if path in files:
            assert files[path].encode() == shipped(data)
    assert "scripts/jobs.sh" in files
    # What the component renders is the same.
    body = render_scripts(workdir="/home/coder/p")["start.sh"]
    rendered = unpacked_files(body)
    assert rendered["scripts/start.sh"].encode() == shipped(script_files()["start.sh"])
