"""The Library: one corpus and everything asked of it, shared by the CLI and the app."""

from __future__ import annotations

import difflib
import threading
from collections.abc import Mapping, Sequence
from importlib import resources
from pathlib import Path

from peskovtui.corpus import Article, Corpus, load_corpus, read_raw
from peskovtui.errors import ArticleNotFound, CorpusError
from peskovtui.search import (
    RefreshReport,
    SearchResults,
    SpeakerSource,
    WhooshSearchEngine,
)
from peskovtui.search.build import ProgressCallback
from peskovtui.search.engine import CancelCheck


def bundled_seeds() -> Path:
    """The folder of bundled articles: inside the installed package, or the source checkout."""
    packaged = Path(str(resources.files("peskovtui"))) / "seeds"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "seeds"
    if checkout.is_dir():
        return checkout
    raise CorpusError("The bundled articles are missing from this installation.")


class Library:
    """A loaded corpus with lookups by id; the facade every front end talks to."""

    def __init__(self, corpus: Corpus, *, bundled: bool = False) -> None:
        self.corpus = corpus
        self.bundled = bundled
        self._by_id = {article.id: article for article in corpus.articles}
        self._engine: WhooshSearchEngine | None = None
        self._index_report: RefreshReport | None = None
        self._engine_lock = threading.Lock()

    @classmethod
    def open(
        cls, paths: Sequence[str | Path] = (), fields: Mapping[str, str] | None = None
    ) -> Library:
        """Load the corpus at ``paths``, or the bundled articles when none is given."""
        if paths:
            return cls(load_corpus(paths, fields))
        return cls(load_corpus([bundled_seeds()], fields), bundled=True)

    @property
    def articles(self) -> tuple[Article, ...]:
        """Every article, in the order they were loaded."""
        return self.corpus.articles

    @property
    def warnings(self) -> tuple[str, ...]:
        """What was skipped or repaired while loading, one sentence each."""
        return self.corpus.warnings

    @property
    def name(self) -> str:
        """A short name for the corpus: its folder or file, or ``bundled articles``."""
        if self.bundled:
            return "bundled articles"
        sources = self.corpus.sources
        if len(sources) == 1:
            return sources[0].name or str(sources[0])
        return f"{sources[0].name} and {len(sources) - 1} more"

    def article(self, article_id: str) -> Article:
        """The article with ``article_id``; the error suggests near ids when there is none."""
        try:
            return self._by_id[article_id]
        except KeyError:
            pass
        close = difflib.get_close_matches(article_id, self._by_id, n=3, cutoff=0.6)
        prefixed = [i for i in self._by_id if i.startswith(article_id)]
        if len(prefixed) == 1:
            return self._by_id[prefixed[0]]
        hint = close or prefixed[:3]
        suggestion = f" Did you mean {', '.join(hint)}?" if hint else ""
        raise ArticleNotFound(f"No article has the id {article_id!r}.{suggestion}")

    def raw(self, article_id: str) -> str:
        """The original text of an article as its source holds it."""
        return read_raw(self.article(article_id), self.corpus.fields)

    # -- search ---------------------------------------------------------------------------------

    def refresh_index(
        self,
        *,
        rebuild: bool = False,
        progress: ProgressCallback | None = None,
        speakers: SpeakerSource | None = None,
    ) -> RefreshReport:
        """Build or update the corpus's search index (only what changed is reindexed)."""
        with self._engine_lock:
            if self._engine is None:
                self._engine = WhooshSearchEngine([str(p) for p in self.corpus.sources])
            # Speakers come from the quotes panel once it exists; empty until then.
            self._index_report = self._engine.refresh(
                self.articles, speakers=speakers, rebuild=rebuild, progress=progress
            )
            return self._index_report

    def search(
        self, query: str, limit: int | None = 20, *, cancel: CancelCheck | None = None
    ) -> SearchResults:
        """Ranked hits for ``query`` with exact match ranges; opens the index on first use."""
        if self._engine is None or self._index_report is None:
            self.refresh_index()
        assert self._engine is not None
        return self._engine.search(query, limit, cancel=cancel)

    def match_offsets(self, article_id: str, query: str) -> tuple[tuple[int, int], ...]:
        """Exact ``(start, end)`` ranges of ``query``'s matches in an article's display text."""
        article = self.article(article_id)
        if self._engine is None or self._index_report is None:
            self.refresh_index()
        assert self._engine is not None
        return self._engine.match_offsets(article, query)

    @property
    def index_notices(self) -> tuple[str, ...]:
        """What the last index refresh had to tell the user (a rebuild, a fallback)."""
        return self._index_report.notices if self._index_report is not None else ()

    def close(self) -> None:
        """Release the search index, if it was opened."""
        with self._engine_lock:
            if self._engine is not None:
                self._engine.close()
                self._engine = None
                self._index_report = None
