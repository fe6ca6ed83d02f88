"""The Library's search: the index of the corpus, its hits and an article's matches."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from peskovtui.corpus import Article
from peskovtui.library.index import SearchIndex
from peskovtui.library.view import Range, ReaderView
from peskovtui.quotes import Quote
from peskovtui.search import IndexBuilding, SearchError, SearchHit, SearchResults

if TYPE_CHECKING:
    from peskovtui.search import RefreshReport, SpeakerSource
    from peskovtui.search.cancel import CancelCheck
    from peskovtui.search.progress import ProgressCallback


class SearchMixin:
    """The search index of the corpus: refreshed, searched, and its matches in an article."""

    _index: SearchIndex

    if TYPE_CHECKING:

        def article(self, article_id: str) -> Article: ...
        def article_quotes(
            self, article_id: str, *, include_fragments: bool = True
        ) -> list[Quote]: ...

    def refresh_index(
        self,
        *,
        rebuild: bool = False,
        progress: ProgressCallback | None = None,
        speakers: SpeakerSource | None = None,
        in_memory: bool = True,
    ) -> RefreshReport:
        """Build or update the corpus's search index (only what changed is reindexed).

        The ``speaker:`` field holds the speakers each article quotes, found in its own text
        where the article is indexed (in the child process of a big build). Without
        ``in_memory``, an index the cache cannot hold is not built in memory:
        ``IndexUnavailable`` says why, and searches scan the texts instead.
        """
        return self._index.refresh(
            rebuild=rebuild, progress=progress, speakers=speakers, in_memory=in_memory
        )

    def search(
        self,
        query: str,
        limit: int | None = 20,
        *,
        cancel: CancelCheck | None = None,
        ranged: int | None = None,
    ) -> SearchResults:
        """Ranked hits for ``query`` with exact match ranges; opens the index on first use.

        While another thread builds the index, or when it could not be had (see
        ``refresh_index``), the texts are scanned instead: the results say so (``scanned``);
        a query the scan cannot answer raises ``IndexBuilding`` meanwhile. The search stops
        with ``SearchCancelled`` once ``cancel`` says so or the library is closed.
        """
        return self._index.search(query, limit, cancel, ranged)

    def prepare_scan(self) -> None:
        """Ready the scan of the texts that answers searches while the index is being built
        (its word lists: about 2 s for 3,800 articles); nothing once the index is ready."""
        self._index.prepare_scan()

    def prepare_searching(self) -> None:
        """Pay ahead, once the index is ready, what the first search would pay once (stems of
        common words: about 40 ms at 3,800 articles); call it off the UI thread."""
        self._index.prepare_searching()

    def match_offsets(self, article_id: str, query: str) -> tuple[tuple[int, int], ...]:
        """Exact ``(start, end)`` ranges of ``query``'s matches in an article's display text."""
        return self._index.match_offsets(self.article(article_id), query)

    @property
    def index_notices(self) -> tuple[str, ...]:
        """What the last index refresh had to tell the user (a rebuild, a fallback)."""
        return self._index.notices

    def hit_json(self, hit: SearchHit) -> dict[str, Any]:
        """A search hit as plain JSON data, with where its article comes from."""
        article = self.article(hit.article_id)
        return {
            **hit.to_json(),
            "outlet": article.outlet,
            "date": article.date,
            "location": article.location,
        }

    def reader_view(self, article_id: str, query: str = "") -> ReaderView:
        """Everything the reader shows of an article for ``query``, in one call: meant for a
        worker thread, since finding an article's quotes or matches can take a while."""
        article = self.article(article_id)
        quotes = tuple(self.article_quotes(article.id))
        matches: tuple[Range, ...] | None = ()
        if query:
            try:
                matches = self.match_offsets(article.id, query)
            except IndexBuilding:
                matches = None
            except SearchError:
                matches = ()
        return ReaderView(article, query, quotes, matches)
