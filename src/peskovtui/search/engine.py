"""The search engine: a small interface, and its Whoosh implementation with a persistent index.

``WhooshSearchEngine`` joins the two halves of the work: ``refresh`` (bringing the index in line
with the corpus, see ``refresh``) and ``searching`` (queries against the open index).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from peskovtui.child import Children
from peskovtui.corpus.model import Article
from peskovtui.search.cancel import CancelCheck
from peskovtui.search.manifest import SpeakerSource
from peskovtui.search.offsets import Range
from peskovtui.search.progress import ProgressCallback
from peskovtui.search.refresh import CHILD_BUILD_THRESHOLD, Refresher, RefreshReport
from peskovtui.search.results import SearchResults
from peskovtui.search.schema import build_schema
from peskovtui.search.searching import OpenIndex


class Searcher(Protocol):
    """What the index and the scan of the texts (``scan.TextScan``) both answer."""

    def search(
        self,
        query: str,
        limit: int | None = 20,
        *,
        cancel: CancelCheck | None = None,
        ranged: int | None = None,
    ) -> SearchResults:
        """Hits for ``query`` with exact match ranges (for the first ``ranged`` hits)."""
        ...

    def match_offsets(self, article: Article, query: str) -> tuple[Range, ...]:
        """Exact character ranges of ``query``'s matches in ``article.text``."""
        ...


class SearchEngine(Searcher, Protocol):
    """What the Library, CLI and UI need from a search engine (Whoosh today)."""

    def refresh(
        self,
        articles: Sequence[Article],
        *,
        speakers: SpeakerSource | None = None,
        rebuild: bool = False,
        progress: ProgressCallback | None = None,
    ) -> RefreshReport:
        """Bring the index in line with ``articles`` (only what changed is reindexed)."""
        ...

    def close(self) -> None:
        """Release the index."""
        ...


class LatestSearch:
    """Runs searches so that starting a new one cancels any still running (type-ahead)."""

    def __init__(self, engine: SearchEngine) -> None:
        self._engine = engine
        self._ticket = 0
        self._guard = threading.Lock()

    def search(self, query: str, limit: int | None = 20) -> SearchResults:
        """Search, raising ``SearchCancelled`` if a newer search starts before this one ends."""
        with self._guard:
            self._ticket += 1
            mine = self._ticket
        return self._engine.search(query, limit, cancel=lambda: self._ticket != mine)


class WhooshSearchEngine:
    """A Whoosh index of one corpus, persisted in the user cache dir (or in memory).

    One long-lived searcher serves every search behind a lock: Whoosh searchers are not safe to
    share between threads. ``refresh`` may be called from a worker thread; searches in other
    threads wait for its commit only while the searcher is swapped.
    """

    def __init__(
        self,
        corpus_paths: Sequence[str] | None,
        *,
        cache_dir: Path | None = None,
        lock_timeout: float = 0.5,
        child_build_threshold: int = CHILD_BUILD_THRESHOLD,
        children: Children | None = None,
    ) -> None:
        self._index = OpenIndex(build_schema())
        self._lock = self._index.lock  # held by a search while it reads the index
        self._refresher = Refresher(
            self._index,
            corpus_paths or (),
            cache_dir=cache_dir,
            lock_timeout=lock_timeout,
            child_threshold=child_build_threshold,
            children=children if children is not None else Children(),
        )

    def refresh(
        self,
        articles: Sequence[Article],
        *,
        speakers: SpeakerSource | None = None,
        rebuild: bool = False,
        progress: ProgressCallback | None = None,
        in_memory: bool = True,
    ) -> RefreshReport:
        """Bring the index in line with ``articles`` (only what changed is reindexed); without
        ``in_memory``, ``IndexUnavailable`` rather than build an index the cache cannot hold."""
        return self._refresher.refresh(
            articles, speakers=speakers, rebuild=rebuild, progress=progress, in_memory=in_memory
        )

    def search(
        self,
        query: str,
        limit: int | None = 20,
        *,
        cancel: CancelCheck | None = None,
        ranged: int | None = None,
    ) -> SearchResults:
        """Ranked hits for ``query`` with exact match ranges.

        ``cancel`` is asked throughout (expanding partial words, collecting matches, finding
        ranges); once it says yes, the search stops with ``SearchCancelled``.

        ``ranged`` limits the hits whose ranges are found (the best ones; about a millisecond
        each); the others come back with ``ranged`` False.
        """
        return self._index.search(query, limit, cancel, ranged)

    def match_offsets(self, article: Article, query: str) -> tuple[Range, ...]:
        """Exact character ranges of ``query``'s matches in ``article.text``."""
        return self._index.match_offsets(article, query)

    def prepare_searching(self, stop: CancelCheck) -> None:
        """Pay ahead the costs of the first search (see ``OpenIndex.prepare``)."""
        self._index.prepare(stop)

    @property
    def location(self) -> str:
        """Where the index lives: a directory, or ``memory``."""
        return self._refresher.location

    def __del__(self) -> None:
        # Whoosh's readers hold open files and never close them when garbage-collected.
        with contextlib.suppress(Exception):
            self.close()

    def close(self) -> None:
        """Release the searcher and the index."""
        self._index.close()
