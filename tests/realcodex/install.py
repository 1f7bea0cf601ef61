"""Install pinned releases of the real ``@openai/codex`` into a cache, once.

``python -m tests.realcodex.install [VERSION ...]`` installs each version (default: all
pinned ones) with ``npm install -g --prefix <cache>/<version>``; ``.ci/run`` calls it before
the tests so that parallel test workers never race. Tests call :func:`codex_binary`, which
installs on first use too (under a lock) and explains why when it cannot.

The cache is ``$CODEX_COMPONENT_CODEX_CACHE``, else ``$XDG_CACHE_HOME/codex_component/codex``,
else ``~/.cache/codex_component/codex``. An install is complete once its ``.complete`` file
exists, so an interrupted one is redone.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Final

# The newest release measured in shared/codex-today.md, and the oldest supported one.
CURRENT: Final = "0.169.0"
OLDEST: Final = "0.58.0"
PINNED: Final = (CURRENT, OLDEST)
INSTALL_SECONDS: Final = 300


class CodexUnavailableError(RuntimeError):
    """The real Codex cannot be had here; the message says why."""


def cache_dir() -> Path:
    explicit = os.environ.get("CODEX_COMPONENT_CODEX_CACHE")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "codex_component" / "codex"


def codex_binary(version: str) -> Path:
    """The ``codex`` of the given release, installed into the cache when missing."""
    prefix = cache_dir() / version
    binary = prefix / "bin" / "codex"
    done = prefix / ".complete"
    if done.exists() and binary.exists():
        return binary
    npm = shutil.which("npm")
    if npm is None:
        raise CodexUnavailableError(
            "npm is not on PATH, so the real @openai/codex cannot be installed"
        )
    prefix.parent.mkdir(parents=True, exist_ok=True)
    with (prefix.parent / f".{version}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if done.exists() and binary.exists():
            return binary
        shutil.rmtree(prefix, ignore_errors=True)
        try:
            result = subprocess.run(
                [npm, "install", "-g", "--prefix", str(prefix), f"@openai/codex@{version}"],
                capture_output=True,
                text=True,
                timeout=INSTALL_SECONDS,
                stdin=subprocess.DEVNULL,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise CodexUnavailableError(
                f"npm install @openai/codex@{version} took over {INSTALL_SECONDS}s "
                "(no access to the npm registry?)"
            ) from None
        if result.returncode != 0 or not binary.exists():
            tail = "\n".join((result.stdout + result.stderr).strip().splitlines()[-5:])
            raise CodexUnavailableError(
                f"npm install @openai/codex@{version} failed (exit {result.returncode}; no "
                f"access to the npm registry?):\n{tail}"
            )
        done.write_text(version + "\n")
    return binary


def main(argv: list[str]) -> int:
    for version in argv or PINNED:
        try:
            binary = codex_binary(version)
        except CodexUnavailableError as exc:
            print(f"real Codex {version}: {exc}", file=sys.stderr)
            return 1
        out = subprocess.run(
            [str(binary), "--version"], capture_output=True, text=True, timeout=60, check=False
        )
        print(f"real Codex {version}: {binary} ({out.stdout.strip()})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
