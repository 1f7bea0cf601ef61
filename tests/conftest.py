from __future__ import annotations

from collections.abc import Iterator

import pulumi
import pytest

from tests.pulumi_harness import CoderMocks


@pytest.fixture
def mocks() -> Iterator[CoderMocks]:
    """A fresh mock engine for every test, so no registration leaks between tests."""
    pulumi.runtime.settings.reset_options(project="project", stack="stack", preview=False)
    coder_mocks = CoderMocks()
    pulumi.runtime.set_mocks(coder_mocks, project="project", stack="stack", preview=False)
    yield coder_mocks
    pulumi.runtime.settings.reset_options()
