"""A search that is no longer wanted stops while it runs: a cancel from another thread, or the
library closing, takes effect inside the collection of matches, not after it."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from whoosh import collectors
from whoosh.filedb.filestore import RamStorage

from peskovtui.library import Library
from peskovtui.search import SearchCancelled, WhooshSearchEngine
from peskovtui.search import cancel as cancel_module
from peskovtui.search import expansion as expansion_module
from peskovtui.search.build import add_documents
from peskovtui.search.expansion import WordLists, expand_partial_terms
from peskovtui.search.query import read_query
from peskovtui.search.schema import build_schema
from tests.search.articles import SEEDS

SCHEMA = build_schema()
WAIT = 60  # seconds; a safety net that only a broken search reaches


class SlowCollection:
    """Makes Whoosh's collector wait at the first match until ``release`` is set, and counts
    the matches collected."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.collecting = threading.Event()
        self.release = threading.Event()
        self.collected = 0
        real = collectors.UnlimitedCollector.collect

        def collect(collector: Any, sub_docnum: int) -> Any:
            self.collected += 1
            if self.collected == 1:
                self.collecting.set()
                self.release.wait(WAIT)
            return real(collector, sub_docnum)

        monkeypatch.setattr(collectors.UnlimitedCollector, "collect", collect)
        # Ask at every match, so that the first one after the cancel notices it.
        monkeypatch.setattr(cancel_module, "CHECK_EVERY", 1)


def in_thread(search: Any) -> tuple[threading.Thread, list[object]]:
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(search())
        except SearchCancelled as exc:
            outcome.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    return thread, outcome


@pytest.fixture
def engine() -> Iterator[WhooshSearchEngine]:
    eng = WhooshSearchEngine(None)
    eng.refresh(Library.open([SEEDS]).articles)
    yield eng
    eng.close()


def test_a_search_cancelled_from_another_thread_stops_while_collecting(
    engine: WhooshSearchEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    slow = SlowCollection(monkeypatch)
    stop = threading.Event()
    asked: list[bool] = []

    def cancel() -> bool:
        asked.append(stop.is_set())
        return stop.is_set()

    thread, outcome = in_thread(lambda: engine.search("the", limit=None, cancel=cancel))
    assert slow.collecting.wait(WAIT)
    stop.set()
    slow.release.set()
    thread.join(WAIT)
    assert isinstance(outcome[0], SearchCancelled)
    assert asked[-1] is True
    # All five seed articles hold "the": the collection stopped after the first of them.
    assert slow.collected == 1


def test_closing_the_library_stops_a_search_in_flight(monkeypatch: pytest.MonkeyPatch) -> None:
    library = Library.open([SEEDS])
    library.refresh_index()
    slow = SlowCollection(monkeypatch)
    real_close = WhooshSearchEngine.close

    def close(engine: WhooshSearchEngine) -> None:
        slow.release.set()  # the library has marked itself closed and now waits for the index
        real_close(engine)

    monkeypatch.setattr(WhooshSearchEngine, "close", close)
    thread, outcome = in_thread(lambda: library.search("the", limit=None))
    assert slow.collecting.wait(WAIT)
    library.close()
    thread.join(WAIT)
    assert isinstance(outcome[0], SearchCancelled)
    assert slow.collected == 1


def test_reading_a_word_list_stops_when_cancelled(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(expansion_module, "_CHECK_EVERY", 1)
    asked: list[int] = []

    def cancel() -> bool:
        asked.append(1)
        return len(asked) > 1  # the first ask comes before the term, the next while reading

    parsed, _ = read_query("*ussia", SCHEMA)
    ix = RamStorage().create_index(SCHEMA)
    writer = ix.writer()
    articles = Library.open([SEEDS]).articles
    add_documents(writer, [(a, (), (None, None, -1, -1), "") for a in articles], None)
    writer.commit()
    with ix.searcher() as searcher, pytest.raises(SearchCancelled):
        expand_partial_terms(parsed, searcher.reader(), WordLists(), cancel)
    assert len(asked) == 2
