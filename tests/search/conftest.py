"""Fixtures for search tests: private XDG dirs in tmp, the seed articles, an engine on them."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from peskovtui.corpus.model import Article
from peskovtui.search import TextScan, WhooshSearchEngine
from peskovtui.search.engine import Searcher
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


BACKENDS = ["index", "scan"]


@contextlib.contextmanager
def backend(
    kind: str, articles: list[Article], source: str | None = str(SEEDS)
) -> Iterator[Searcher]:
    """``articles`` searched by the index (kept for ``source``, in memory for None) or by
    scanning their texts."""
    if kind == "scan":
        yield TextScan(articles)
        return
    eng = WhooshSearchEngine([source] if source else None)
    try:
        eng.refresh(articles)
        yield eng
    finally:
        eng.close()


@pytest.fixture(params=BACKENDS)
def searcher(request: pytest.FixtureRequest, seed_list: list[Article]) -> Iterator[Searcher]:
    """The seeds searched by the index, then by scanning their texts."""
    with backend(request.param, seed_list) as found:
        yield found
