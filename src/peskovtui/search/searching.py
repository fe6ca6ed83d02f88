"""Searching the open index: a query becomes ranked hits with exact match ranges.

``OpenIndex`` is what a refresh and the searches share: the Whoosh index and searcher in use,
the articles they stand for, and whether reading the index went wrong (the next refresh then
rebuilds it).
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Iterator, Mapping
from typing import Any

from whoosh.query import QueryError as WhooshQueryError

from peskovtui.corpus.model import Article
from peskovtui.search.cancel import CancelCheck, check, search_cancellably
from peskovtui.search.errors import IndexUnavailable, QueryError, SearchError
from peskovtui.search.expansion import WordLists, expand_partial_terms
from peskovtui.search.offsets import MatchPlan, Range, build_plan, learn_stems, plan_offsets
from peskovtui.search.query import read_query
from peskovtui.search.results import SearchHit, SearchResults, make_snippet
from peskovtui.search.stems import StemWords, resolve_stems

log = logging.getLogger(__name__)

# Articles whose words ``OpenIndex.prepare`` stems: about 0.2 s, whatever the corpus's size.
PREPARED_ARTICLES = 200


class OpenIndex:
    """The index searches read, behind ``lock``: Whoosh searchers are not safe to share
    between threads. A refresh swaps in a new index; searches wait only for the swap."""

    def __init__(self, schema: Any) -> None:
        self.schema = schema
        self.lock = threading.RLock()
        self.ix: Any = None
        self.searcher: Any = None
        self.articles: Mapping[str, Article] = {}
        self.damaged = False
        self._word_lists = WordLists()
        self._stem_words = StemWords()

    def swap(self, ix: Any, searcher: Any = None) -> None:
        """Search ``ix`` (with ``searcher``, or a new one) from now on; close what it replaces."""
        searcher = ix.searcher() if searcher is None else searcher
        with self.lock:
            old, self.searcher = self.searcher, searcher
            old_ix, self.ix = self.ix, ix
        if old is not None and old is not searcher:
            old.close()
        if old_ix is not None and old_ix is not ix:
            old_ix.close()

    def close(self) -> None:
        """Release the searcher and the index."""
        with self.lock:
            if self.searcher is not None:
                self.searcher.close()
            if self.ix is not None:
                self.ix.close()
            self.searcher = self.ix = None

    def search(
        self, query: str, limit: int | None, cancel: CancelCheck | None, ranged: int | None
    ) -> SearchResults:
        """Ranked hits for ``query`` with exact match ranges (see ``WhooshSearchEngine``)."""
        parsed, notices = read_query(query, self.schema)
        check(cancel)
        with self.lock:
            searcher = self.searcher
            if searcher is None:
                raise IndexUnavailable("The search index is not open yet.")
            with self._reading_index():
                reader = searcher.reader()
                expansion = expand_partial_terms(parsed, reader, self._word_lists, cancel)
                resolved = resolve_stems(expansion.query, reader, self._stem_words, cancel)
                results = search_cancellably(searcher, resolved, limit, cancel)
                ranked = [(hit["id"], float(hit.score)) for hit in results]
                total = len(results)
                plan = build_plan(expansion.query, reader)
            articles = self.articles
        hits: list[SearchHit] = []
        for doc_id, score in ranked:
            check(cancel)
            article = articles.get(doc_id)
            if article is None:  # indexed by another process, not in this corpus load
                continue
            exact = ranged is None or len(hits) < ranged
            matches = plan_offsets(article, plan) if exact else ()
            snippet = make_snippet(article.text, matches)
            hits.append(SearchHit(doc_id, article.title, score, matches, snippet, exact))
        return SearchResults(query, tuple(hits), total, notices + expansion.notices)

    def prepare(self, stop: CancelCheck) -> None:
        """Pay ahead what the first search pays once: the stems of the words of a sample of
        ``PREPARED_ARTICLES`` articles spread over the corpus (see ``learn_stems``)."""
        articles = list(self.articles.values())
        step = max(1, len(articles) // PREPARED_ARTICLES)
        sample = articles[::step][:PREPARED_ARTICLES]
        learn_stems((article.text for article in sample), stop)

    def match_offsets(self, article: Article, query: str) -> tuple[Range, ...]:
        """Exact character ranges of ``query``'s matches in ``article.text``."""
        parsed, _ = read_query(query, self.schema)
        plan: MatchPlan
        with self.lock:
            if self.searcher is None:
                plan = build_plan(parsed)
            else:
                with self._reading_index():
                    reader = self.searcher.reader()
                    expanded = expand_partial_terms(parsed, reader, self._word_lists).query
                    plan = build_plan(expanded, reader)
        return plan_offsets(article, plan)

    @contextlib.contextmanager
    def _reading_index(self) -> Iterator[None]:
        """Sorts what goes wrong while the index is read: the user's errors and cancellations
        pass, a phrase in a field without positions (Whoosh's own ``QueryError``) is the query's,
        and anything else is damage, which the next refresh repairs by rebuilding."""
        try:
            yield
        except SearchError:
            raise
        except WhooshQueryError as exc:
            log.info("query refused by Whoosh: %r", exc)
            raise QueryError("The query cannot be searched as written") from exc
        except Exception as exc:
            log.info("search failed: %r", exc)
            self.damaged = True
            raise IndexUnavailable(
                "The search index is damaged; run `peskovtui index --rebuild`."
            ) from exc
