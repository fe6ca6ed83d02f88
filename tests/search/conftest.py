"""Fixtures for search tests: private XDG dirs in tmp, the seed articles, an engine on them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from peskovtui.corpus.model import Article
from peskovtui.search import WhooshSearchEngine
from tests.search.articles import SEEDS, seed_articles


@pytest.fixture(autouse=True)
def xdg_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point every XDG base dir into tmp so no test touches the real cache."""
    for name in ("XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME"):
        target = tmp_path / "xdg" / name.lower()
        target.mkdir(parents=True)
        monkeypatch.setenv(name, str(target))
    return tmp_path / "xdg" / "xdg_cache_home"


@pytest.fixture(scope="session")
def seed_list() -> list[Article]:
    """The five seed articles."""
    return seed_articles()


@pytest.fixture
def engine(seed_list: list[Article]) -> Iterator[WhooshSearchEngine]:
    """An engine with the seeds indexed in the tmp cache dir."""
    eng = WhooshSearchEngine([str(SEEDS)])
    eng.refresh(seed_list)
    yield eng
    eng.close()
