from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pulumi
import pytest

from tests.pulumi_harness import CoderMocks
from tests.scriptenv import ScriptEnv


@pytest.fixture
def mocks() -> Iterator[CoderMocks]:
    """A fresh mock engine for every test, so no registration leaks between tests."""
    pulumi.runtime.settings.reset_options(project="project", stack="stack", preview=False)
    coder_mocks = CoderMocks()
    pulumi.runtime.set_mocks(coder_mocks, project="project", stack="stack", preview=False)
    yield coder_mocks
    pulumi.runtime.settings.reset_options()


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[ScriptEnv]:
    """A throw-away workspace for running the scripts; ends every process it started."""
    with ScriptEnv(tmp_path) as env:
        yield env
