"""A search still running never holds up the next one, nor quitting: the app cancels it.

The slow search is a stand-in for the engine's: it holds the index, as a real search does,
until its cancel check says stop (or a bound that only a broken app reaches).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest

from peskovtui.search import SearchCancelled, WhooshSearchEngine
from peskovtui.ui.app import PeskovApp
from peskovtui.ui.widgets.article_list import ArticleList

from .conftest import BOUND, Run, wait_for


@dataclass
class SlowSearch:
    """Searches for ``slow`` run until cancelled; ``stopped`` says whether the cancel came."""

    started: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)
    stopped: list[bool] = field(default_factory=list)

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        real = WhooshSearchEngine.search

        def search(
            engine: WhooshSearchEngine,
            query: str,
            limit: int | None = 20,
            *,
            cancel: Any = None,
            ranged: int | None = None,
        ) -> Any:
            if query != "slow":
                return real(engine, query, limit, cancel=cancel, ranged=ranged)
            deadline = time.monotonic() + BOUND
            with engine._lock:  # as a real search holds the index while it runs
                self.started.set()
                while not (cancel is not None and cancel()) and time.monotonic() < deadline:
                    self.release.wait(0.005)  # ask the cancel check again shortly
                self.stopped.append(cancel is not None and cancel())
            raise SearchCancelled("The search was cancelled.")

        monkeypatch.setattr(WhooshSearchEngine, "search", search)


@pytest.fixture
def slow(monkeypatch: pytest.MonkeyPatch) -> Iterator[SlowSearch]:
    stand_in = SlowSearch()
    stand_in.install(monkeypatch)
    yield stand_in
    stand_in.release.set()


async def test_a_new_query_does_not_wait_for_a_slow_one(run_app: Run, slow: SlowSearch) -> None:
    async with run_app() as pilot:
        app = pilot.app
        assert isinstance(app, PeskovApp)
        await pilot.press("slash", *"slow")
        await wait_for(pilot, slow.started.is_set, "the slow search running")
        await pilot.press(*["backspace"] * 4, *"kremlin")
        await wait_for(pilot, lambda: app.main.search_answered("kremlin"), "the answer to kremlin")
        assert slow.stopped == [True]
        assert app.query_one(ArticleList).row_count() == 5


async def test_quitting_cancels_a_slow_search(run_app: Run, slow: SlowSearch) -> None:
    async with run_app() as pilot:
        await pilot.press("slash", *"slow")
        await wait_for(pilot, slow.started.is_set, "the slow search running")
        pilot.app.exit()
    # Leaving the block waited for the app to close its library, which waits for the index.
    assert slow.stopped == [True]
