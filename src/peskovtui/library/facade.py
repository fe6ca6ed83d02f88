"""The Library: one corpus with its articles by id, and every concern asked of it, each from
the mixin of its own module."""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from peskovtui.corpus import Article, Corpus, LoadCache, load_corpus, read_raw
from peskovtui.corpus.names import printable_name
from peskovtui.errors import ArticleNotFound, CorpusError
from peskovtui.library.by_url import ByUrlMixin
from peskovtui.library.checking import CheckMixin
from peskovtui.library.citing import CitingMixin
from peskovtui.library.clipping import ClipsMixin
from peskovtui.library.index import SearchIndex
from peskovtui.library.processes import Processes
from peskovtui.library.quote_browser import QuoteBrowserMixin
from peskovtui.library.quoting import QuotesMixin
from peskovtui.library.reading_places import PlacesMixin
from peskovtui.library.searching import SearchMixin
from peskovtui.library.speakers_over_time import SpeakersOverTimeMixin
from peskovtui.quotes import Quote

if TYPE_CHECKING:
    from peskovtui.library.quotebook import QuoteBook
    from peskovtui.quotes.check import QuoteChecker


def bundled_seeds() -> Path:
    """The folder of bundled articles: inside the installed package, or the source checkout."""
    # Imported here: a corpus named on the command line needs no package resources.
    from importlib import resources

    packaged = Path(str(resources.files("peskovtui"))) / "seeds"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[3] / "seeds"
    if checkout.is_dir():
        return checkout
    raise CorpusError("The bundled articles are missing from this installation.")


class Library(
    QuotesMixin,
    SearchMixin,
    CitingMixin,
    ClipsMixin,
    CheckMixin,
    QuoteBrowserMixin,
    ByUrlMixin,
    PlacesMixin,
    SpeakersOverTimeMixin,
):
    """A loaded corpus with lookups by id; the facade every front end talks to."""

    def __init__(self, corpus: Corpus, *, bundled: bool = False) -> None:
        self.corpus = corpus
        self.bundled = bundled
        self._by_id = {article.id: article for article in corpus.articles}
        self._extracted_by_id: dict[str, list[Quote]] = {}
        self._book: QuoteBook | None = None
        self._checker: QuoteChecker | None = None
        self._processes = Processes()
        self._index = SearchIndex(
            [str(p) for p in corpus.sources],
            corpus.articles,
            self._processes,
        )

    @classmethod
    def open(
        cls, paths: Sequence[str | Path] = (), fields: Mapping[str, str] | None = None
    ) -> Library:
        """Load the corpus at ``paths``, or the bundled articles when none is given."""
        if paths:
            return cls(load_corpus(paths, fields, cache=LoadCache()))
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
        first = printable_name(sources[0].name or str(sources[0]))
        return first if len(sources) == 1 else f"{first} and {len(sources) - 1} more"

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

    def close(self) -> None:
        """Stop this library's child processes and its searches at once, and release the
        search index."""
        self._processes.close()
        self._index.close()
