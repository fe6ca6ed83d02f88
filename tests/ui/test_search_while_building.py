"""While the index is being built, a search scans the texts; when the index is ready the query is
searched again there, and the reader stays where the user was."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from peskovtui.library import Library
from peskovtui.search import Progress
from peskovtui.search.progress import INDEXING, STARTING
from peskovtui.ui.app import PeskovApp
from peskovtui.ui.messages import IndexProgress
from peskovtui.ui.screens import searching
from peskovtui.ui.widgets.article_list import ArticleList
from peskovtui.ui.widgets.reader import Reader
from tests.search.faults import held_builds

from .conftest import wait_for


@pytest.fixture
def held_build(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """The index build waits until the returned event is set."""
    with held_builds(monkeypatch) as (_, release):
        yield release


def status(app: PeskovApp) -> str:
    return str(app.query_one("#search-status").render())


@pytest.mark.parametrize("listed", [200, 2])
async def test_results_while_the_build_is_held_then_from_the_index_in_place(
    private_xdg: Path,
    seed_index: Path,
    held_build: threading.Event,
    monkeypatch: pytest.MonkeyPatch,
    listed: int,
) -> None:
    """With 2 listed, the article read is one the index ranks below the two it lists."""
    monkeypatch.setattr(searching, "SEARCH_LIMIT", listed)
    shutil.copytree(seed_index, private_xdg / "XDG_CACHE_HOME", dirs_exist_ok=True)
    app = PeskovApp(Library.open())
    async with app.run_test(size=(140, 45)) as pilot:
        main = app.main
        articles = app.query_one(ArticleList)
        reader = app.query_one(Reader)
        await pilot.press("slash", *"trump")
        await wait_for(pilot, lambda: main.search_answered("trump"), "the scan's answer")
        results = main.search.results
        assert results is not None
        assert results.scanned
        assert "scanning the texts; the index is being built" in status(app)
        assert not main.background_ended
        scanned_ids = [h.article_id for h in results.hits]
        assert len(scanned_ids) == min(listed, 5)
        # The user moves to the last article of the results and steps to its second match.
        await pilot.press("enter")
        last = scanned_ids[-1]
        articles.select_id(last)
        await wait_for(
            pilot,
            lambda: (
                reader.article is not None and reader.article.id == last and len(reader.matches) > 1
            ),
            "the article shown with the scan's matches",
        )
        scanned_matches = list(reader.matches)
        await pilot.press("n", "n")
        assert reader.current_match == 1
        place = reader.scroll_offset.y

        held_build.set()
        await wait_for(
            pilot,
            lambda: main.search.results is not None and not main.search.results.scanned,
            "the index's results",
        )
        await pilot.pause()
        assert "scanning" not in status(app)
        indexed = main.search.results
        assert indexed is not None
        assert reader.article is not None
        assert reader.article.id == last
        assert articles.current is reader.article
        if listed == 2:
            # Listed after the index's best hits.
            assert last not in [h.article_id for h in indexed.hits]
            assert articles.row_count() == 3
        else:
            assert sorted(h.article_id for h in indexed.hits) == sorted(scanned_ids)
        assert list(reader.matches) == scanned_matches
        assert reader.current_match == 1
        assert reader.scroll_offset.y == place


async def test_the_scan_is_readied_once_articles_are_being_indexed(
    private_xdg: Path, held_build: threading.Event, monkeypatch: pytest.MonkeyPatch
) -> None:
    readied = threading.Event()
    monkeypatch.setattr(Library, "prepare_scan", lambda self: readied.set())
    app = PeskovApp(Library.open())
    async with app.run_test(size=(140, 45)) as pilot:
        main = app.main
        main.post_message(IndexProgress(Progress(STARTING, 0, 1, "")))
        await pilot.pause()
        assert not readied.is_set()
        main.post_message(IndexProgress(Progress(INDEXING, 0, 5, "articles")))
        await wait_for(pilot, readied.is_set, "the scan readied")
        held_build.set()  # the app's exit waits for its build worker
