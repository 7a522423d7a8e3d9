"""Fixtures shared by the unit tests."""

from __future__ import annotations

import pytest

from tests.unit.synth_sites import Sites


@pytest.fixture(scope="session")
def synth_sites(tmp_path_factory: pytest.TempPathFactory) -> Sites:
    """The measurement sites of archmodel.synth.schemes, each generated once per session on first use."""
    return Sites(tmp_path_factory)
