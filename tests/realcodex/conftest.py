"""Fixtures of the real-Codex tier: the binary, a fake model, a sealed Codex environment."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.realcodex.fake_model import FakeModel
from tests.realcodex.harness import CodexEnv, real_codex_bin, skip_reason


@pytest.fixture
def real_codex() -> Path:
    """The real ``codex`` binary from REAL_CODEX_BIN; skips the test, saying why, without it."""
    reason = skip_reason()
    if reason is not None:
        pytest.skip(reason)
    path = real_codex_bin()
    assert path is not None
    return path


@pytest.fixture
def fake_model(tmp_path: Path) -> Iterator[FakeModel]:
    """A fake Responses API on 127.0.0.1; requests also logged to ``tmp_path/model.jsonl``."""
    with FakeModel(log_path=tmp_path / "model.jsonl") as model:
        yield model


@pytest.fixture
def codex_env(tmp_path: Path, real_codex: Path) -> Iterator[CodexEnv]:
    """A temp HOME/CODEX_HOME, real codex first on PATH, dead proxy, no internet.

    On teardown every process that still carries this environment's mark is killed (by
    pid) and the ~400 MB copy of Codex a daemon launch installs is removed.
    """
    env = CodexEnv(tmp_path, real_codex)
    try:
        yield env
    finally:
        env.kill_leftovers()
        shutil.rmtree(env.codex_home / "packages", ignore_errors=True)
