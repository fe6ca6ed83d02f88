"""The corpus's search index as the Library holds it: opened or built on first use, one build
at a time, searches that stop when the library closes, and a scan of the texts that answers
while the index is being built or when it cannot be had."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from peskovtui.corpus import Article
from peskovtui.library.processes import Processes
from peskovtui.search import (
    IndexBuilding,
    IndexUnavailable,
    ScanUnsupported,
    SearchCancelled,
    SearchResults,
)

if TYPE_CHECKING:
    from peskovtui.search import RefreshReport, SpeakerSource, TextScan, WhooshSearchEngine
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
        self._scan: TextScan | None = None
        self._scan_guard = threading.Lock()
        # Set when the index could not be had without building it in memory (see ``refresh``).
        self._scan_only = False

    def refresh(
        self,
        *,
        rebuild: bool = False,
        progress: ProgressCallback | None = None,
        speakers: SpeakerSource | None = None,
        in_memory: bool = True,
    ) -> RefreshReport:
        """Build or update the index (only what changed is reindexed).

        Without ``in_memory``, an index the cache cannot hold is not built in memory:
        ``IndexUnavailable`` says why, and searches scan the texts from then on.
        """
        # Imported here: opening a corpus should not pay for Whoosh until it is searched.
        from peskovtui.quotes.derived import article_speakers, extractor_version
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
            try:
                self._report = self._engine.refresh(
                    self._articles,
                    speakers=speakers,
                    rebuild=rebuild,
                    progress=progress,
                    in_memory=in_memory,
                )
            except IndexUnavailable:
                self._scan_only = not in_memory
                raise
            self._scan_only = False
            self._scan = None  # the index answers from now on; the scan's words are let go
            return self._report

    def search(
        self, query: str, limit: int | None, cancel: CancelCheck | None, ranged: int | None
    ) -> SearchResults:
        """Ranked hits for ``query``, stopped once ``cancel`` says so or the index is closed."""

        def stop() -> bool:
            return self._processes.closed or (cancel is not None and cancel())

        engine = self._ready_or_scan()
        if engine is not None:
            return engine.search(query, limit, cancel=stop, ranged=ranged)
        with self._scanning():
            return self._text_scan().search(query, limit, cancel=stop, ranged=ranged)

    def prepare_searching(self) -> None:
        """Pay ahead the costs of the first search once the index is ready (nothing before)."""
        engine = self._engine if self._report is not None else None
        if engine is not None:
            with contextlib.suppress(Exception):  # only ever a head start: the search repeats it
                engine.prepare_searching(lambda: self._processes.closed)

    def match_offsets(self, article: Article, query: str) -> tuple[tuple[int, int], ...]:
        """Exact ranges of ``query``'s matches in ``article``'s display text."""
        engine = self._ready_or_scan()
        if engine is not None:
            return engine.match_offsets(article, query)
        with self._scanning():
            return self._text_scan().match_offsets(article, query)

    def prepare_scan(self) -> None:
        """Make the scan's word lists now, so that the first search during a build is quick."""
        if self._report is None:
            with contextlib.suppress(SearchCancelled):  # the index is ready, or closed
                self._text_scan().prepare()

    def _ready_or_scan(self) -> WhooshSearchEngine | None:
        """The engine when the index is ready; None when the texts are to be scanned."""
        if self._scan_only:
            return None
        try:
            return self._ready()
        except IndexBuilding:
            return None

    def _text_scan(self) -> TextScan:
        from peskovtui.search import TextScan

        with self._scan_guard:
            if self._scan is None:
                # Its word lists are not wanted once the index is ready or the library closed.
                self._scan = TextScan(
                    self._articles,
                    stop=lambda: self._processes.closed or self._report is not None,
                )
            return self._scan

    @contextlib.contextmanager
    def _scanning(self) -> Iterator[None]:
        """A query the scan cannot answer waits for the index while it is being built."""
        try:
            yield
        except ScanUnsupported as exc:
            if self._scan_only:
                raise
            raise IndexBuilding(
                f"{exc} It is being built; results follow when it is ready."
            ) from exc

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
