"""The corpus's search index as the Library holds it: opened or built on first use, one build
at a time, searches that stop when the library closes."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING

from peskovtui.corpus import Article
from peskovtui.library.processes import Processes
from peskovtui.search import IndexBuilding, IndexUnavailable, SearchResults

if TYPE_CHECKING:
    from peskovtui.search import RefreshReport, SpeakerSource, WhooshSearchEngine
    from peskovtui.search.cancel import CancelCheck
    from peskovtui.search.progress import ProgressCallback


class SearchIndex:
    """One corpus's index: ``sources`` name it, ``articles`` fill it, the library's
    ``processes`` build it when it is big, and nothing is searched or built once the library is
    closed."""

    def __init__(
        self, sources: Sequence[str], articles: Sequence[Article], processes: Processes
    ) -> None:
        self._sources = list(sources)
        self._articles = articles
        self._processes = processes
        self._engine: WhooshSearchEngine | None = None
        self._report: RefreshReport | None = None
        self._lock = threading.Lock()

    def refresh(
        self,
        *,
        rebuild: bool = False,
        progress: ProgressCallback | None = None,
        speakers: SpeakerSource | None = None,
    ) -> RefreshReport:
        """Build or update the index (only what changed is reindexed)."""
        # Imported here: opening a corpus should not pay for Whoosh until it is searched.
        from peskovtui.quotes.corpus import article_speakers, extractor_version
        from peskovtui.search import DerivedSpeakers, WhooshSearchEngine

        if speakers is None:
            speakers = DerivedSpeakers(article_speakers, extractor_version())
        with self._lock:
            if self._processes.closed:
                raise IndexUnavailable("The library is closed.")
            if self._engine is None:
                self._engine = WhooshSearchEngine(
                    self._sources, children=self._processes.children()
                )
            self._report = self._engine.refresh(
                self._articles, speakers=speakers, rebuild=rebuild, progress=progress
            )
            return self._report

    def search(
        self, query: str, limit: int | None, cancel: CancelCheck | None, ranged: int | None
    ) -> SearchResults:
        """Ranked hits for ``query``, stopped once ``cancel`` says so or the index is closed."""

        def stop() -> bool:
            return self._processes.closed or (cancel is not None and cancel())

        return self._ready().search(query, limit, cancel=stop, ranged=ranged)

    def match_offsets(self, article: Article, query: str) -> tuple[tuple[int, int], ...]:
        """Exact ranges of ``query``'s matches in ``article``'s display text."""
        return self._ready().match_offsets(article, query)

    def _ready(self) -> WhooshSearchEngine:
        """The engine, refreshed once; ``IndexBuilding`` rather than wait while another thread
        builds it."""
        engine = self._engine
        if engine is not None and self._report is not None:
            return engine
        if self._processes.closed:
            raise IndexUnavailable("The library is closed.")
        if not self._lock.acquire(blocking=False):
            raise IndexBuilding("The search index is being built; results follow when it is ready.")
        self._lock.release()
        self.refresh()
        engine = self._engine
        if engine is None:  # closed meanwhile
            raise IndexUnavailable("The library is closed.")
        return engine

    @property
    def notices(self) -> tuple[str, ...]:
        """What the last refresh had to tell the user (a rebuild, a fallback)."""
        return self._report.notices if self._report is not None else ()

    def close(self) -> None:
        """Release the index, once a build in progress has ended."""
        with self._lock:
            if self._engine is not None:
                self._engine.close()
                self._engine = None
                self._report = None
