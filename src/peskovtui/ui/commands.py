"""Command palette providers: go to an article, go to a quote, quotes by a speaker."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from peskovtui.ui.app import PeskovApp

# The palette stays quick on a 50,000-article corpus by scoring only this many candidates.
MAX_CANDIDATES = 300
DISCOVERED = 12


def _candidates(query: str, items: Iterator[tuple[str, str]]) -> Iterator[tuple[str, str]]:
    """Items whose text holds every word of ``query`` (a cheap filter before fuzzy scoring)."""
    words = query.lower().split()
    found = 0
    for key, text in items:
        lowered = text.lower()
        if all(word in lowered for word in words):
            yield key, text
            found += 1
            if found >= MAX_CANDIDATES:
                return


class _AppProvider(Provider):
    @property
    def peskov(self) -> PeskovApp:
        from peskovtui.ui.app import PeskovApp

        app = self.app
        assert isinstance(app, PeskovApp)
        return app

    def _hits(
        self,
        query: str,
        items: Iterator[tuple[str, str]],
        prefix: str,
        action: Callable[[str], None],
        help_text: Callable[[str], str],
    ) -> Iterator[Hit]:
        matcher = self.matcher(query)
        for key, text in _candidates(query, items):
            label = f"{prefix}{text}"
            score = matcher.match(label)
            if score > 0:
                yield Hit(
                    score, matcher.highlight(label), partial(action, key), help=help_text(key)
                )


class ArticleCommands(_AppProvider):
    """Go to article…: every article by title."""

    def _items(self) -> Iterator[tuple[str, str]]:
        for article in self.peskov.library.articles:
            yield article.id, article.title or article.id

    def _help(self, article_id: str) -> str:
        article = self.peskov.library.article(article_id)
        return " · ".join(p for p in (article.outlet, article.date, article.id) if p)

    async def search(self, query: str) -> Hits:
        for hit in self._hits(
            query, self._items(), "Go to article: ", self.peskov.open_article, self._help
        ):
            yield hit

    async def discover(self) -> Hits:
        for key, text in list(self._items())[:DISCOVERED]:
            yield DiscoveryHit(
                f"Go to article: {text}",
                partial(self.peskov.open_article, key),
                help=self._help(key),
            )


class QuoteCommands(_AppProvider):
    """Go to quote…: every quote by its words and speaker (once quotes are known)."""

    def _items(self) -> Iterator[tuple[str, str]]:
        for index, row in enumerate(self.peskov.quote_rows_for_palette()):
            quote = row.quote
            yield str(index), f"{quote.speaker}: {' '.join(quote.text.split())[:120]}"

    async def search(self, query: str) -> Hits:
        for hit in self._hits(
            query, self._items(), "Go to quote: ", self.peskov.open_palette_quote, lambda _: "quote"
        ):
            yield hit


class SpeakerCommands(_AppProvider):
    """Quotes by speaker…: filter the quotes panel to one speaker."""

    def _items(self) -> Iterator[tuple[str, str]]:
        for speaker, count in self.peskov.speaker_counts():
            yield speaker, f"{speaker} ({count})"

    async def search(self, query: str) -> Hits:
        for hit in self._hits(
            query,
            self._items(),
            "Quotes by speaker: ",
            self.peskov.filter_speaker,
            lambda speaker: f"show only quotes of {speaker}",
        ):
            yield hit

    async def discover(self) -> Hits:
        for speaker, text in list(self._items())[:DISCOVERED]:
            yield DiscoveryHit(
                f"Quotes by speaker: {text}", partial(self.peskov.filter_speaker, speaker)
            )
