"""The document list's orders and filters: sorting articles by date, title, outlet, quote count
or rank, keeping those of chosen outlets and a date range, and counting the outlets of a list.

Plain Python over ``Article`` records, shared by the app's list and anything else that lists
articles. Sorting is stable: articles that tie keep the order they came in (load order for the
corpus, rank for search results), after the tie-breaks each order names.
"""

from __future__ import annotations

import calendar
import dataclasses
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from peskovtui.corpus import Article
from peskovtui.errors import PeskovError
from peskovtui.search import SearchResults

Order = Literal["relevance", "newest", "oldest", "title", "outlet", "quotes"]

# Every order, in the order ``s`` cycles through them; relevance only while searching.
ORDERS: tuple[Order, ...] = ("relevance", "newest", "oldest", "title", "outlet", "quotes")
ORDER_NAMES: dict[Order, str] = {
    "relevance": "relevance",
    "newest": "date, newest first",
    "oldest": "date, oldest first",
    "title": "title",
    "outlet": "outlet",
    "quotes": "quote count",
}
# What the list calls the articles without an outlet, in the facets and the palette.
NO_OUTLET = "(no outlet)"

_BOUND = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_HINT = "write it as 2017, 2017-01 or 2017-01-31"
# Characters a title may open with that say nothing of its order ("‘Putin…", "[Video] …").
_TITLE_LEAD = re.compile(r"^[\W_]+")


class FilterError(PeskovError):
    """A filter the user typed that cannot be read: a date range of the document list that is
    not one, or a line of the quote browser's filter (see ``quote_table.parse_filter``)."""


def orders(*, searching: bool) -> tuple[Order, ...]:
    """The orders on offer: relevance only while searching."""
    return ORDERS if searching else ORDERS[1:]


def next_order(current: Order, *, searching: bool) -> Order:
    """The order after ``current`` in the cycle ``s`` steps through."""
    offered = orders(searching=searching)
    if current not in offered:
        return offered[0]
    return offered[(offered.index(current) + 1) % len(offered)]


def _newest(articles: Iterable[Article]) -> list[Article]:
    """Newest first; undated after the dated, in the order they came."""
    listed = list(articles)
    dated = sorted((a for a in listed if a.date), key=lambda a: a.date or "", reverse=True)
    return dated + [a for a in listed if not a.date]


def title_key(article: Article) -> str:
    """What the title order compares: the title folded, without the marks it opens with."""
    return _TITLE_LEAD.sub("", article.title).casefold()


def _by_title(article: Article) -> tuple[bool, str]:
    key = title_key(article)
    return not key, key


def sort_articles(
    articles: Sequence[Article], order: Order, quote_counts: Mapping[str, int] | None = None
) -> list[Article]:
    """``articles`` in ``order``. Every order but relevance (the order given) breaks ties
    newest first; undated articles come after the dated ones, untitled after the titled, those
    without an outlet after the others. ``quotes`` needs ``quote_counts`` (most first)."""
    if order == "relevance":
        return list(articles)
    newest = _newest(articles)
    if order == "newest":
        return newest
    if order == "oldest":
        dated = sorted((a for a in newest if a.date), key=lambda a: a.date or "")
        return dated + [a for a in newest if not a.date]
    if order == "title":
        return sorted(newest, key=_by_title)
    if order == "outlet":
        return sorted(newest, key=lambda a: (not a.outlet, (a.outlet or "").casefold()))
    if quote_counts is None:
        raise ValueError("Sorting by quote count needs the quote counts.")
    return sorted(newest, key=lambda a: -quote_counts.get(a.id, 0))


def outlet_of(article: Article) -> str:
    """The outlet an article is filtered and counted under."""
    return article.outlet or NO_OUTLET


def parse_bound(text: str, *, end: bool) -> str | None:
    """A date typed as a range's start or end (``2017``, ``2017-1``, ``2017-01-31``) in the
    form the filter compares (``2017``, ``2017-01``, ``2017-01-31``); None when blank."""
    text = text.strip()
    if not text:
        return None
    which = "end" if end else "start"
    m = _BOUND.match(text)
    if not m:
        raise FilterError(f"The {which} date “{text}” is not a date; {_HINT}.")
    year, month, day = (int(part) if part else None for part in m.groups())
    try:
        date(year or 0, 1 if month is None else month, 1 if day is None else day)
    except ValueError:
        raise FilterError(f"The {which} date “{text}” is not a day of the calendar.") from None
    parts = [f"{year:04d}"] + [f"{p:02d}" for p in (month, day) if p is not None]
    return "-".join(parts)


def _first_day(bound: str) -> str:
    return (bound + "-01-01")[:10] if len(bound) == 4 else (bound + "-01")[:10]


def _last_day(bound: str) -> str:
    if len(bound) == 4:
        return f"{bound}-12-31"
    if len(bound) == 7:
        year, month = int(bound[:4]), int(bound[5:])
        return f"{bound}-{calendar.monthrange(year, month)[1]:02d}"
    return bound


@dataclass(frozen=True, slots=True)
class ListFilter:
    """Which articles the list keeps: those of ``outlets`` (any when empty) published from
    ``since`` to ``until`` (each ``2017``, ``2017-01`` or ``2017-01-31``, inclusive, either
    open). An undated article is kept only while no date bound is set."""

    outlets: frozenset[str] = frozenset()
    since: str | None = None
    until: str | None = None

    @classmethod
    def typed(cls, outlets: Iterable[str], since: str, until: str) -> ListFilter:
        """A filter from what the user typed and chose; ``FilterError`` for a date that is not
        one or a range that ends before it starts."""
        low, high = parse_bound(since, end=False), parse_bound(until, end=True)
        if low is not None and high is not None and _first_day(low) > _last_day(high):
            raise FilterError(f"The date range starts ({low}) after it ends ({high}).")
        return cls(frozenset(outlets), low, high)

    @property
    def active(self) -> bool:
        """Whether the filter keeps fewer than every article."""
        return bool(self.outlets) or self.dated

    @property
    def dated(self) -> bool:
        """Whether a date bound is set."""
        return self.since is not None or self.until is not None

    def in_range(self, article: Article) -> bool:
        """Whether ``article`` falls within the date range (every one does without bounds)."""
        if not self.dated:
            return True
        if not article.date:
            return False
        day = article.date[:10]
        if self.since is not None and day[: len(self.since)] < self.since:
            return False
        return self.until is None or day[: len(self.until)] <= self.until

    def keeps(self, article: Article) -> bool:
        """Whether the list keeps ``article``."""
        if self.outlets and outlet_of(article) not in self.outlets:
            return False
        return self.in_range(article)

    def with_outlet(self, outlet: str) -> ListFilter:
        """This filter keeping only ``outlet``'s articles."""
        return ListFilter(frozenset({outlet}), self.since, self.until)

    def describe(self) -> str:
        """What is filtered, for a title: ``CNN, BBC · 2017-01 to 2017-02``; ``""`` for none."""
        parts = []
        if self.outlets:
            parts.append(", ".join(sorted(self.outlets, key=str.casefold)))
        if self.since is not None and self.until is not None:
            same = self.since == self.until
            parts.append(self.since if same else f"{self.since} to {self.until}")
        elif self.since is not None:
            parts.append(f"from {self.since}")
        elif self.until is not None:
            parts.append(f"to {self.until}")
        return " · ".join(parts)


def outlet_counts(
    articles: Iterable[Article], within: ListFilter | None = None
) -> list[tuple[str, int]]:
    """Each outlet of ``articles`` with its number of articles (within ``within``'s date range,
    whatever its outlets), most first, then by name; the articles without one as ``NO_OUTLET``."""
    counts = Counter(outlet_of(a) for a in articles if within is None or within.in_range(a))
    return sorted(counts.items(), key=lambda item: (-item[1], item[0].casefold()))


def arrange(
    articles: Sequence[Article],
    order: Order,
    list_filter: ListFilter,
    quote_counts: Mapping[str, int] | None = None,
) -> list[Article]:
    """The articles the list shows: those ``list_filter`` keeps, in ``order``."""
    kept = [a for a in articles if list_filter.keeps(a)] if list_filter.active else articles
    return sort_articles(kept, order, quote_counts)


def extended(listed: SearchResults, fetched: SearchResults) -> SearchResults:
    """``listed`` with the hits of ``fetched`` (a longer answer to the same query) it lacks,
    after its own in ``fetched``'s order; the hits listed keep the match ranges found for them."""
    known = {hit.article_id for hit in listed.hits}
    more = tuple(hit for hit in fetched.hits if hit.article_id not in known)
    return dataclasses.replace(listed, hits=listed.hits + more, total=fetched.total)
