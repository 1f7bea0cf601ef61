"""Fixtures of the real-Codex tier (SPEC 10): the pinned ``@openai/codex`` releases,
throw-away workspaces in which the module's own scripts configure them, a fake model and a
sealed Codex environment for the TUI.

Every test here is marked ``realcodex``. Without the npm registry the tier is skipped with
the reason; with ``CODEX_COMPONENT_REQUIRE_REAL_CODEX=1`` (``.ci/run`` sets it) that is a
failure instead, so CI never passes without it. Codex never reaches the internet: every
proxy variable points at a closed port on 127.0.0.1, and the servers the tests start listen
on 127.0.0.1 only.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.realcodex.fake_model import FakeModel
from tests.realcodex.harness import CodexEnv
from tests.realcodex.install import CURRENT, OLDEST, CodexUnavailableError, codex_binary
from tests.scriptenv import ScriptEnv, free_port


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.realcodex)


def _binary(version: str) -> Path:
    try:
        return codex_binary(version)
    except CodexUnavailableError as exc:
        if os.environ.get("CODEX_COMPONENT_REQUIRE_REAL_CODEX") == "1":
            pytest.fail(f"the real-Codex tier is required here, but: {exc}")
        pytest.skip(f"real-Codex tier skipped: {exc}")


@pytest.fixture(scope="session")
def codex_current() -> Path:
    return _binary(CURRENT)


@pytest.fixture(scope="session")
def codex_oldest() -> Path:
    return _binary(OLDEST)


def offline_env() -> dict[str, str]:
    """Every request Codex could make to the internet goes to a closed loopback port."""
    dead = f"http://127.0.0.1:{free_port()}"
    return {
        "HTTP_PROXY": dead,
        "HTTPS_PROXY": dead,
        "ALL_PROXY": dead,
        "http_proxy": dead,
        "https_proxy": dead,
        "all_proxy": dead,
        "NO_PROXY": "127.0.0.1,localhost",
        "no_proxy": "127.0.0.1,localhost",
    }


@pytest.fixture
def real_root() -> Iterator[Path]:
    """A folder outside the system's temporary folder: Codex refuses to set up its helpers
    (and warns) when its home lies under TMPDIR, which a real workspace's never does."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    base = base / "codex_component" / "test-homes"
    base.mkdir(parents=True, exist_ok=True)
    root = Path(tempfile.mkdtemp(dir=base))
    yield root
    shutil.rmtree(root, ignore_errors=True)


def workspace_with(root: Path, codex: Path) -> ScriptEnv:
    """A ScriptEnv whose ``codex`` is the real one (AgentAPI, npm, curl and coder stay
    stand-ins) and whose environment keeps Codex offline."""
    env = ScriptEnv(root)
    (env.standin_bin / "codex").symlink_to(codex)
    env.env.update(offline_env())
    return env


@pytest.fixture
def real_codex(codex_current: Path) -> Path:
    """The real ``codex`` the TUI tests drive: the current pinned release."""
    return codex_current


@pytest.fixture
def fake_model(tmp_path: Path) -> Iterator[FakeModel]:
    """A fake Responses API on 127.0.0.1; requests also logged to ``tmp_path/model.jsonl``."""
    with FakeModel(log_path=tmp_path / "model.jsonl") as model:
        yield model


@pytest.fixture
def codex_env(real_root: Path, real_codex: Path) -> Iterator[CodexEnv]:
    """A HOME/CODEX_HOME, real codex first on PATH, dead proxy, no internet.

    On teardown every process that still carries this environment's mark is killed (by
    pid) and the ~400 MB copy of Codex a daemon launch installs is removed.
    """
    env = CodexEnv(real_root, real_codex)
    try:
        yield env
    finally:
        env.kill_leftovers()
        shutil.rmtree(env.codex_home / "packages", ignore_errors=True)
