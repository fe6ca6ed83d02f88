"""The Library: one corpus and everything asked of it, shared by the CLI and the app."""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from importlib import resources
from pathlib import Path

from peskovtui.corpus import Article, Corpus, load_corpus, read_raw
from peskovtui.errors import ArticleNotFound, CorpusError


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
