"""The quote browser's table: every quote of the corpus with its article's outlet, date and
title, sorted by any column and filtered by a short query, as lists of row numbers.

Rows are the corpus's quotes in corpus order (articles as loaded, quotes in text order); a view
is a list of row numbers, so that sorting or filtering 250,000 quotes copies no quote. Each
column's sort key is worked out once, when the column is first sorted by, and each sorted order
is kept: sorting again, or re-filtering a sorted view, is one pass over a list of integers.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal, get_args

from peskovtui.corpus import Article
from peskovtui.library.listing import FilterError
from peskovtui.quotes.model import HIDDEN_KINDS, UNATTRIBUTED, Quote, QuoteKind
from peskovtui.quotes.speakers import speakers_named, suggest_speakers

Column = Literal["speaker", "quote", "outlet", "date", "article"]
COLUMNS: tuple[Column, ...] = get_args(Column)
KINDS: tuple[str, ...] = get_args(QuoteKind)
FIELDS = ("speaker", "outlet", "from", "to", "date", "kind")

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATE_PREFIX = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
# A field and its value (in straight or curly double quotes when it has spaces), a quoted
# phrase, or a word.
_TOKEN = re.compile(r'(?:([A-Za-z]+):)?(?:"([^"]*)"|“([^”]*)”|(\S*))')


@dataclass(frozen=True, slots=True)
class QuoteFilter:
    """Which quotes a view keeps; an empty filter keeps all but fragments and terms.

    Several speakers, outlets or kinds keep a quote that has any of them; the fields and words
    given must all hold. ``start`` and ``end`` are ISO dates or their prefixes (``2017``,
    ``2017-01``), both inclusive; a quote of an undated article is left out by either.
    """

    speakers: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    start: str | None = None
    end: str | None = None
    kinds: frozenset[str] | None = None
    words: tuple[str, ...] = ()


def parse_filter(text: str) -> QuoteFilter:
    """Read a filter such as ``speaker:peskov outlet:cnn from:2017-01 to:2017-01-31
    kind:full words "in marks"``; an unreadable one raises ``FilterError``."""
    if text.count('"') % 2:
        raise FilterError("The filter has an unclosed quotation mark")
    speakers: list[str] = []
    outlets: list[str] = []
    kinds: set[str] = set()
    words: list[str] = []
    start: str | None = None
    end: str | None = None
    for match in _TOKEN.finditer(text):
        field, quoted, curly, bare = match.groups()
        value = " ".join((quoted if quoted is not None else curly or bare or "").split())
        if field is None:
            if value:
                words.append(value.casefold())
            continue
        name = field.lower()
        if name not in FIELDS:
            raise FilterError(
                f"There is no filter {field}:, only speaker:, outlet:, from:, to:, date: and "
                "kind: (other words are looked for in the quotes)"
            )
        if not value:
            raise FilterError(f"{name}: needs a value, as in {_EXAMPLES[name]}")
        if name == "speaker":
            speakers.append(value)
        elif name == "outlet":
            outlets.append(value.casefold())
        elif name == "kind":
            kinds.update(_kinds(value))
        else:
            day = _date_prefix(name, value)
            if name in ("from", "date"):
                start = day
            if name in ("to", "date"):
                end = day
    if start is not None and end is not None and start[: len(end)] > end:
        raise FilterError(f"The dates are the wrong way round: from:{start} is after to:{end}")
    return QuoteFilter(
        tuple(speakers), tuple(outlets), start, end, frozenset(kinds) or None, tuple(words)
    )


_EXAMPLES = {
    "speaker": "speaker:peskov",
    "outlet": "outlet:cnn",
    "from": "from:2017-01-01",
    "to": "to:2017-01-31",
    "date": "date:2017-01",
    "kind": "kind:full",
}


def _kinds(value: str) -> set[str]:
    kinds: set[str] = set()
    for kind in value.lower().split(","):
        if kind == "all":
            kinds.update(KINDS)
        elif kind in KINDS:
            kinds.add(kind)
        else:
            raise FilterError(
                f"There is no kind {kind!r}: the kinds are {', '.join(KINDS)} and all"
            )
    return kinds


def _date_prefix(name: str, value: str) -> str:
    """A date, a month or a year, checked to be one."""
    match = _DATE_PREFIX.fullmatch(value)
    try:
        if match is None:
            raise ValueError
        year, month, day = (int(part) if part else 1 for part in match.groups())
        date(year, month, day)
    except ValueError:
        raise FilterError(
            f"{name}:{value} is not a date: write it 2017-01-31, 2017-01 or 2017"
        ) from None
    return value


def _words(text: str) -> str:
    return " ".join(text.split())


def _day(article: Article | None) -> str | None:
    """The article's ISO date (with its time if it has one), None when undated or unreadable."""
    if article is None or not article.date or not _ISO_DAY.match(article.date):
        return None
    return article.date


class QuoteTable:
    """The quotes of a corpus as rows, with sorted orders and filtered views of them."""

    def __init__(
        self,
        quotes: Sequence[Quote],
        articles: Mapping[str, Article],
        aliases: Mapping[str, str],
    ) -> None:
        self.quotes = tuple(quotes)
        self.articles = tuple(articles.get(q.article_id or "") for q in self.quotes)
        self._aliases = aliases
        self._speakers = sorted({q.speaker for q in self.quotes})
        self._outlets = sorted({a.outlet for a in articles.values() if a.outlet}, key=str.casefold)
        self._keys: dict[Column, list[str | None]] = {}
        self._orders: dict[tuple[Column, bool], list[int]] = {}
        self._folded: list[str] | None = None
        self._named_as: dict[str, set[str]] = {}
        self._kept: tuple[QuoteFilter, list[bool]] | None = None

    def __len__(self) -> int:
        return len(self.quotes)

    def article(self, row: int) -> Article | None:
        """The article of row ``row``."""
        return self.articles[row]

    # -- sorting -------------------------------------------------------------------------------

    def order(self, column: Column, *, reverse: bool = False) -> list[int]:
        """Every row sorted by ``column`` (reversed with ``reverse``); rows with nothing in it
        (no speaker found, no outlet, no date, no title) come last either way, and rows that
        tie keep corpus order either way."""
        kept = self._orders.get((column, reverse))
        if kept is None:
            keys = self._sort_keys(column)
            present = [row for row, key in enumerate(keys) if key is not None]
            # Python's sort is stable with reverse too: ties stay in corpus order.
            present.sort(key=lambda row: keys[row] or "", reverse=reverse)
            missing = [row for row, key in enumerate(keys) if key is None]
            kept = self._orders[(column, reverse)] = present + missing
        return kept

    def _sort_keys(self, column: Column) -> list[str | None]:
        keys = self._keys.get(column)
        if keys is None:
            keys = self._keys[column] = self._make_keys(column)
        return keys

    def _make_keys(self, column: Column) -> list[str | None]:
        if column == "speaker":
            folded = {s: s.casefold() for s in self._speakers if s != UNATTRIBUTED}
            return [folded.get(q.speaker) for q in self.quotes]
        if column == "quote":
            return list(self._folded_texts())
        if column == "outlet":
            outlets = {o: o.casefold() for o in self._outlets}
            return [outlets.get(a.outlet or "") if a else None for a in self.articles]
        if column == "date":
            return [_day(a) for a in self.articles]
        return [a.title.casefold() or None if a else None for a in self.articles]

    def _folded_texts(self) -> list[str]:
        if self._folded is None:
            self._folded = [_words(q.text).casefold() for q in self.quotes]
        return self._folded

    # -- filtering -----------------------------------------------------------------------------

    def view(self, wanted: QuoteFilter, column: Column, *, reverse: bool = False) -> list[int]:
        """The rows ``wanted`` keeps, sorted by ``column``; a filter naming a speaker or an
        outlet the corpus does not have raises ``FilterError``."""
        if self._kept is None or self._kept[0] != wanted:
            # Kept for the next view: sorting the same rows again needs no new pass over them.
            self._kept = (wanted, self._keeps(wanted))
        keep = self._kept[1]
        return [row for row in self.order(column, reverse=reverse) if keep[row]]

    def _keeps(self, wanted: QuoteFilter) -> list[bool]:
        kinds = wanted.kinds
        if kinds is None:
            kinds = frozenset(KINDS) - HIDDEN_KINDS
        keep = [q.kind in kinds for q in self.quotes]
        if wanted.speakers:
            speakers = self._named(wanted.speakers)
            keep = [k and q.speaker in speakers for k, q in zip(keep, self.quotes, strict=True)]
        if wanted.outlets:
            outlets = self._outlets_like(wanted.outlets)
            keep = [
                k and a is not None and a.outlet in outlets
                for k, a in zip(keep, self.articles, strict=True)
            ]
        if wanted.start is not None or wanted.end is not None:
            days = self._sort_keys("date")
            keep = [
                k and d is not None and _within(d, wanted.start, wanted.end)
                for k, d in zip(keep, days, strict=True)
            ]
        if wanted.words:
            texts = self._folded_texts()
            keep = [
                k and all(w in t for w in wanted.words) for k, t in zip(keep, texts, strict=True)
            ]
        return keep

    def _named(self, names: Sequence[str]) -> set[str]:
        """The speakers the names stand for, by the rule of ``Library.quotes``."""
        found: set[str] = set()
        for name in names:
            named = self._named_as.get(name)
            if named is None:
                # Kept: the rule compares spellings of every known name, which takes a while.
                named = speakers_named(name, self._speakers, self._aliases)
                self._named_as[name] = named
            if not named:
                close = suggest_speakers(name, self._speakers)
                hint = f" Did you mean {', '.join(close)}?" if close else ""
                raise FilterError(f"No quote is attributed to {name!r}.{hint}")
            found |= named
        return found

    def _outlets_like(self, names: Sequence[str]) -> set[str]:
        """The outlets whose name holds one of ``names`` (case aside)."""
        found = {o for o in self._outlets for n in names if n in o.casefold()}
        if not found:
            some = ", ".join(self._outlets[:12])
            known = f": the outlets are {some}" if some else ": its articles name none"
            more = " and more" if len(self._outlets) > 12 else ""
            raise FilterError(
                f"No outlet of this corpus is named {' or '.join(names)}{known}{more}"
            )
        return found


def _within(day: str, start: str | None, end: str | None) -> bool:
    """Whether an ISO date lies between two date prefixes, both inclusive."""
    if start is not None and day[: len(start)] < start:
        return False
    return end is None or day[: len(end)] <= end
