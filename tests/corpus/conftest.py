"""Fixtures shared by the loading tests."""

from __future__ import annotations

import pytest

from peskovtui.corpus import cache as load_cache


@pytest.fixture
def every_data_set_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep data sets of any size in the loading cache, so that small ones stand for big ones."""
    monkeypatch.setattr(load_cache, "MIN_CACHED_BYTES", 0)
