"""Command palette providers: go to an article, go to a quote, quotes by a speaker.

Every label and help text here holds article text, titles or speakers: they are shown as plain
text, never read as markup.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import partial
from typing import Any, Protocol, runtime_checkable

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

from peskovtui.corpus import looks_like_url
from peskovtui.display import counted, visible_controls
from peskovtui.library import ORDER_NAMES, Library, ListFilter, orders
from peskovtui.ui.messages import FilterList, OpenArticle, OpenQuote, ShowSpeaker, SortList
from peskovtui.ui.widgets.quotes_panel import QuoteRow

# The palette stays quick on a 50,000-article corpus by scoring only this many candidates.
MAX_CANDIDATES = 300
DISCOVERED = 12

# What a provider offers: the thing to act on, its label and its help line.
Item = tuple[Any, str, str]


def _candidates(query: str, prefix: str, items: Iterator[Item]) -> Iterator[Item]:
    """Items whose label (with the command's name) holds every word of ``query``: a cheap
    filter before fuzzy scoring, so that "quotes by" finds every "Quotes by speaker" entry."""
    words = query.lower().split()
    found = 0
    lowered_prefix = prefix.lower()
    for item in items:
        lowered = lowered_prefix + item[1].lower()
        if all(word in lowered for word in words):
            yield item
            found += 1
            if found >= MAX_CANDIDATES:
                return


def highlight(matcher: Matcher, label: str) -> Content:
    """``label`` as plain text with the letters ``matcher`` matched highlighted."""
    content = Content(label)
    score, offsets = matcher.fuzzy_search.match(matcher.query, label)
    if not score:
        return content
    for offset in offsets:
        if not label[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


def plain(text: str) -> str:
    """``text`` escaped, for the palette's help line (which Textual reads as markup), its
    control characters shown."""
    return Content(visible_controls(text)).markup


@runtime_checkable
class PaletteSource(Protocol):
    """What the palette's providers read from the screen it was opened on."""

    library: Library

    def quote_rows_for_palette(self) -> Sequence[QuoteRow]:
        """The quotes to offer, with their articles."""
        ...

    def speaker_counts(self) -> list[tuple[str, int]]:
        """The speakers to offer, with their number of quotes."""
        ...


class _AppProvider(Provider):
    """A provider reading from the screen below the palette and posting its choice to it."""

    prefix = ""

    @property
    def source(self) -> PaletteSource:
        screen = self.screen
        assert isinstance(screen, PaletteSource)
        return screen

    def items(self) -> Iterator[Item]:
        """What this provider offers."""
        raise NotImplementedError

    def act(self, key: Any) -> None:
        """Run the command for ``key``."""
        raise NotImplementedError

    def hits(self, query: str) -> Iterator[Hit]:
        matcher = self.matcher(query)
        for key, text, help_text in _candidates(query, self.prefix, self.items()):
            label = visible_controls(f"{self.prefix}{text}")
            score = matcher.match(label)
            if score > 0:
                yield Hit(
                    score, highlight(matcher, label), partial(self.act, key), help=plain(help_text)
                )

    async def search(self, query: str) -> Hits:
        for hit in self.hits(query):
            yield hit

    def discovered(self) -> Iterator[DiscoveryHit]:
        for number, (key, text, help_text) in enumerate(self.items()):
            if number >= DISCOVERED:
                return
            yield DiscoveryHit(
                Content(visible_controls(f"{self.prefix}{text}")),
                partial(self.act, key),
                help=plain(help_text),
            )


class ArticleCommands(_AppProvider):
    """Go to article…: every article by title, or the article at a URL pasted whole."""

    prefix = "Go to article: "

    def items(self) -> Iterator[Item]:
        for article in self.source.library.articles:
            details = " · ".join(p for p in (article.outlet, article.date, article.id) if p)
            yield article.id, article.title or article.id, details

    def hits(self, query: str) -> Iterator[Hit]:
        if not looks_like_url(query):
            yield from super().hits(query)
            return
        for article in self.source.library.articles_at_url(query):
            label = visible_controls(f"{self.prefix}{article.title or article.id}")
            details = " · ".join(p for p in (article.outlet, article.date, article.id) if p)
            help_text = f"at {article.url} · {details}"
            yield Hit(1.0, Content(label), partial(self.act, article.id), help=plain(help_text))

    def act(self, key: Any) -> None:
        self.screen.post_message(OpenArticle(str(key)))

    async def discover(self) -> Hits:
        for hit in self.discovered():
            yield hit


class QuoteCommands(_AppProvider):
    """Go to quote…: every quote by its words and speaker (the whole corpus once read)."""

    prefix = "Go to quote: "

    def items(self) -> Iterator[Item]:
        for row in self.source.quote_rows_for_palette():
            quote, article = row.quote, row.article
            words = " ".join(quote.text.split())[:120]
            where = " · ".join(p for p in (article.title or article.id, article.outlet) if p)
            yield quote, f"{quote.speaker}: {words}", where

    def act(self, key: Any) -> None:
        self.screen.post_message(OpenQuote(key))


class SpeakerCommands(_AppProvider):
    """Quotes by speaker…: filter the quotes panel to one speaker."""

    prefix = "Quotes by speaker: "

    def items(self) -> Iterator[Item]:
        for speaker, count in self.source.speaker_counts():
            noun = "quote" if count == 1 else "quotes"
            yield speaker, f"{speaker} ({count})", f"show only the {count} {noun} of {speaker}"

    def act(self, key: Any) -> None:
        self.screen.post_message(ShowSpeaker(str(key)))

    async def discover(self) -> Hits:
        for hit in self.discovered():
            yield hit


@runtime_checkable
class ListingSource(Protocol):
    """What the palette's sort and filter commands read from the screen."""

    def listing_state(self) -> tuple[bool, ListFilter]:
        """Whether search results are listed, and the filter now."""
        ...

    def listing_outlets(self) -> list[tuple[str, int]]:
        """The outlets of what the list holds, with their counts."""
        ...


class ListingCommands(Provider):
    """Sort: each order; Filter: outlet X, for each outlet listed; Clear filters."""

    def items(self) -> Iterator[Item]:
        """What this provider offers."""
        screen = self.screen
        if not isinstance(screen, ListingSource):
            return
        searching, current = screen.listing_state()
        for order in orders(searching=searching):
            yield SortList(order), f"Sort: {ORDER_NAMES[order]}", "order the document list"
        for outlet, count in screen.listing_outlets():
            found = counted(count, "result" if searching else "article")
            help_text = f"list only the {found} of {outlet}"
            yield FilterList(current.with_outlet(outlet)), f"Filter: outlet {outlet}", help_text
        if current.active:
            described = current.describe()
            yield FilterList(ListFilter()), "Clear filters", f"list everything again ({described})"

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for message, text, help_text in _candidates(query, "", self.items()):
            label = visible_controls(text)
            score = matcher.match(label)
            if score > 0:
                yield Hit(
                    score,
                    highlight(matcher, label),
                    partial(self.screen.post_message, message),
                    help=plain(help_text),
                )
