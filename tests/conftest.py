"""Shared fixtures: every test runs with its XDG directories inside a temporary folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.processes import Announcements

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"


@pytest.fixture(autouse=True)
def private_xdg(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the cache, config and data dirs at a fresh temporary folder."""
    home = tmp_path_factory.mktemp("xdg")
    for name in ("XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        (home / name).mkdir()
        monkeypatch.setenv(name, str(home / name))
    monkeypatch.setenv("COLUMNS", "160")
    return home


@pytest.fixture
def seeds() -> Path:
    """The bundled seed articles in the source tree."""
    return SEEDS


@pytest.fixture
def announced(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Announcements]:
    """Where the processes a test starts announce that they got where the test waits for."""
    fifo = Announcements(tmp_path_factory.mktemp("announce"))
    yield fifo
    fifo.close()
