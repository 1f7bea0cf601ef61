"""Turn workspace arguments into the text of a ``coder_script`` body, safely.

The body is ``scripts/bootstrap.sh`` with two marked lines filled in. Every value crosses
into the workspace as base64 of gzip data, whose alphabet needs no shell quoting, so no
value is ever pasted into shell text. The bash scripts then read their arguments from an
``*.args`` file (one ``ARG_NAME=<base64>`` line each, decoded by ``lib.sh``).
"""

from __future__ import annotations

import base64
import gzip
import re
from collections.abc import Mapping
from functools import cache
from importlib import resources

DEFAULT_MODULE_DIR_NAME = ".codex-module"

_ARG_NAME = re.compile(r"ARG_[A-Z][A-Z0-9_]*")
_MODULE_DIR_NAME = re.compile(r"[A-Za-z0-9._-]+")
_ENTRY = re.compile(r"[a-z0-9_-]+\.sh")
_MODULE_DIR_LINE = 'CODEX_MODULE_DIR="$HOME/.codex-module" # @MODULE_DIR@'
_PAYLOAD_LINE = "# @PAYLOAD@"


@cache
def script_files() -> dict[str, bytes]:
    """The workspace scripts shipped in ``codex_component/scripts`` (bootstrap excluded)."""
    folder = resources.files("codex_component") / "scripts"
    return {
        entry.name: entry.read_bytes()
        for entry in sorted(folder.iterdir(), key=lambda e: e.name)
        if entry.name.endswith(".sh") and entry.name != "bootstrap.sh"
    }


_SCRIPT_NAME = re.compile(r"\b([a-z0-9_]+\.sh)\b")


@cache
def needed_files(entry: str) -> dict[str, bytes]:
    """The entry script and every script it names, transitively: each body carries only
    what it runs (the agent downloads the bodies on every start)."""
    files = script_files()
    wanted, queue = {entry}, [entry]
    while queue:
        lines = files[queue.pop()].decode("utf-8").splitlines()
        code = "\n".join(line for line in lines if not line.lstrip().startswith("#"))
        for name in _SCRIPT_NAME.findall(code):
            if name in files and name not in wanted:
                wanted.add(name)
                queue.append(name)
    return {name: data for name, data in files.items() if name in wanted}


@cache
def bootstrap_template() -> str:
    folder = resources.files("codex_component") / "scripts"
    return (folder / "bootstrap.sh").read_text(encoding="utf-8")


def pack(data: bytes) -> str:
    """gzip + base64, reproducibly (mtime 0) so that an unchanged input renders unchanged."""
    return base64.b64encode(gzip.compress(data, compresslevel=9, mtime=0)).decode("ascii")


def encode_args(values: Mapping[str, str]) -> bytes:
    """The ``*.args`` file: ``ARG_NAME=<base64 of the UTF-8 value>`` per line, sorted."""
    lines = []
    for name in sorted(values):
        if not _ARG_NAME.fullmatch(name):
            raise ValueError(f"argument name {name!r} must match {_ARG_NAME.pattern}")
        encoded = base64.b64encode(values[name].encode("utf-8")).decode("ascii")
        lines.append(f"{name}={encoded}\n")
    return "".join(lines).encode("ascii")


FILE_MARKER = "#@codex-file "


def bundle(files: Mapping[str, bytes]) -> str:
    """One packed stream of files, each introduced by a ``#@codex-file <path>`` line, as
    bootstrap.sh splits it with awk (which ends every line with a newline)."""
    parts = []
    for path, data in files.items():
        text = data.decode("utf-8")
        if (text and not text.endswith("\n")) or any(
            line.startswith(FILE_MARKER) for line in text.splitlines()
        ):
            raise ValueError(
                f"{path} must be empty or end with a newline, with no {FILE_MARKER!r} line"
            )
        parts.append(f"{FILE_MARKER}{path}\n{text}")
    return pack("".join(parts).encode("utf-8"))


def unbundle(packed: str) -> dict[str, str]:
    """The files of a bundle, as bootstrap.sh writes them."""
    text = gzip.decompress(base64.b64decode(packed)).decode("utf-8")
    files: dict[str, list[str]] = {}
    lines: list[str] = []
    # Split on "\n" only, as awk does (str.splitlines would also split on U+2028 ...).
    for line in text.split("\n")[:-1]:
        if line.startswith(FILE_MARKER):
            lines = files.setdefault(line.removeprefix(FILE_MARKER), [])
        else:
            lines.append(line + "\n")
    return {path: "".join(content) for path, content in files.items()}


def _ends_inside_quotes(line: str, quote: str) -> str:
    """The quote still open after ``line`` (``'``, ``"``, ``$'`` or empty), given the one
    open before it; a comment outside quotes ends the line."""
    i = 0
    while i < len(line):
        char = line[i]
        if quote == "'":
            if char == "'":
                quote = ""
        elif quote in {'"', "$'"}:
            if char == "\\":
                i += 1
            elif char == quote[-1]:
                quote = ""
        elif char == "\\":
            i += 1
        elif char == "#" and (i == 0 or line[i - 1] in " \t;&|()"):
            break
        elif char == "$" and line[i + 1 : i + 2] == "'":
            quote = "$'"
            i += 1
        elif char in {"'", '"'}:
            quote = char
        i += 1
    return quote


def shipped(data: bytes) -> bytes:
    """A script as it is shipped: each comment line left empty, so that the body stays
    small (the agent downloads it on every start) while line numbers in bash's messages
    still match the file in the repository. A line inside a quoted string is kept, whatever
    it starts with."""
    lines = data.decode("utf-8").split("\n")
    quote = ""
    for number, line in enumerate(lines):
        stripped = line.lstrip(" \t")
        if not quote and stripped.startswith("#") and not (number == 0 and line.startswith("#!")):
            lines[number] = ""
            continue
        quote = _ends_inside_quotes(line, quote)
    return "\n".join(lines).encode("utf-8")


@cache
def _scripts_bundle(entry: str) -> str:
    # The scripts are the same for every instance: pack them once per process.
    return bundle({f"scripts/{name}": shipped(data) for name, data in needed_files(entry).items()})


def render_body(
    entry: str,
    args: Mapping[str, str],
    *,
    module_dir_name: str = DEFAULT_MODULE_DIR_NAME,
) -> str:
    """The ``coder_script`` body that unpacks the entry's scripts plus ``<entry stem>.args``
    into ``$HOME/<module_dir_name>`` and runs ``scripts/<entry>`` with bash."""
    if not _ENTRY.fullmatch(entry) or entry not in script_files():
        raise ValueError(f"unknown entry script {entry!r}; have {sorted(script_files())}")
    if not _MODULE_DIR_NAME.fullmatch(module_dir_name) or module_dir_name in {".", ".."}:
        raise ValueError(f"module directory name {module_dir_name!r} must match [A-Za-z0-9._-]+")
    args_file = entry.removesuffix(".sh") + ".args"
    payload = [
        f"unpack '{_scripts_bundle(entry)}'",
        f"unpack '{bundle({args_file: encode_args(args)})}'",
        f"CODEX_ENTRY='{entry}'",
    ]
    template = bootstrap_template()
    for marker in (_MODULE_DIR_LINE, _PAYLOAD_LINE):
        if template.count(marker) != 1:
            raise RuntimeError(f"bootstrap.sh must contain the line {marker!r} exactly once")
    return template.replace(
        _MODULE_DIR_LINE, f'CODEX_MODULE_DIR="$HOME/{module_dir_name}"'
    ).replace(_PAYLOAD_LINE, "\n".join(payload))


_UNPACK = re.compile(r"^unpack '([A-Za-z0-9+/=]+)'$", re.MULTILINE)


def unpacked_files(body: str) -> dict[str, str]:
    """The files a rendered coder_script body writes into the module directory."""
    files: dict[str, str] = {}
    for packed in _UNPACK.findall(body):
        files.update(unbundle(packed))
    return files


def decoded_args(args_file: str) -> dict[str, str]:
    """The values of an ``*.args`` file, as ``load_args`` in lib.sh reads them."""
    values = {}
    for line in args_file.splitlines():
        name, _, encoded = line.partition("=")
        values[name] = base64.b64decode(encoded).decode("utf-8")
    return values
