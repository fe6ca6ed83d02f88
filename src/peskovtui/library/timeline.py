"""A speaker's quotes over time: counted per week (per day over a short span) and per outlet.

Periods run without gaps from the first dated quote's to the last's, so that a quiet week shows
as an empty bar rather than vanishing. A quote's date is its article's; a quote whose article
has no day (no date, or one given to the month only) is counted apart as undated.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Literal

from peskovtui.corpus import Article
from peskovtui.display import counted
from peskovtui.quotes import Quote

Unit = Literal["day", "week"]

# Spans shorter than this many days are counted per day: three weeks would be three bars.
DAILY_SPAN_DAYS = 21
# The outlet of an article whose source names none.
NO_OUTLET = "unknown outlet"


def article_day(article: Article) -> date | None:
    """The day an article was published, or None when its date is missing or not a day."""
    value = article.date or ""
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def article_outlet(article: Article) -> str:
    """The outlet an article counts for: its own, or ``NO_OUTLET``."""
    return article.outlet or NO_OUTLET


@dataclass(frozen=True, slots=True)
class Period:
    """One bar of a timeline: the days ``start`` to ``end`` (both included), how many quotes
    each outlet gave (every outlet of the timeline, zero included), and those quotes."""

    start: date
    end: date
    counts: tuple[tuple[str, int], ...]
    quotes: tuple[Quote, ...]

    @property
    def total(self) -> int:
        """How many quotes fall in this period."""
        return len(self.quotes)

    def label(self) -> str:
        """``2017-03-06`` for a day, ``2017-03-06 – 2017-03-12`` for a week."""
        if self.start == self.end:
            return self.start.isoformat()
        return f"{self.start.isoformat()} – {self.end.isoformat()}"


@dataclass(frozen=True, slots=True)
class Timeline:
    """A speaker's quotes per period and outlet, with the undated ones apart."""

    speaker: str
    unit: Unit
    outlets: tuple[str, ...]
    periods: tuple[Period, ...]
    undated: tuple[Quote, ...]
    undated_counts: tuple[tuple[str, int], ...] = ()

    @property
    def dated(self) -> int:
        """How many quotes have a day."""
        return sum(p.total for p in self.periods)

    def rows(self) -> list[dict[str, Any]]:
        """One record per period and outlet with quotes there, then the undated quotes per
        outlet (no start, no end): what the CLI prints. An unknown outlet is None."""
        dated = [
            _row(p.start.isoformat(), p.end.isoformat(), outlet, count)
            for p in self.periods
            for outlet, count in p.counts
            if count
        ]
        return dated + [_row(None, None, o, n) for o, n in self.undated_counts]


def _row(start: str | None, end: str | None, outlet: str, count: int) -> dict[str, Any]:
    return {
        "start": start,
        "end": end,
        "outlet": None if outlet == NO_OUTLET else outlet,
        "quotes": count,
    }


def period_start(day: date, unit: Unit) -> date:
    """The first day of the period holding ``day``: itself, or the Monday of its week."""
    return day if unit == "day" else day - timedelta(days=day.weekday())


def build_timeline(
    speaker: str, quotes: Iterable[Quote], article_of: Callable[[str], Article]
) -> Timeline:
    """The timeline of ``quotes`` (a speaker's), each dated and placed by its article."""
    dated: list[tuple[date, str, Quote]] = []
    undated: list[tuple[str, Quote]] = []
    for quote in quotes:
        article = article_of(quote.article_id or "")
        day = article_day(article)
        if day is None:
            undated.append((article_outlet(article), quote))
        else:
            dated.append((day, article_outlet(article), quote))
    undated_totals = Counter(outlet for outlet, _ in undated)
    apart = (
        tuple(q for _, q in undated),
        tuple(sorted(undated_totals.items(), key=lambda kv: (-kv[1], kv[0]))),
    )
    if not dated:
        return Timeline(speaker, "day", (), (), *apart)
    first = min(day for day, _, _ in dated)
    last = max(day for day, _, _ in dated)
    unit: Unit = "day" if (last - first).days < DAILY_SPAN_DAYS else "week"
    # Outlets most quoted first, then by name: the order of the legend and of the stacks.
    totals = Counter(outlet for _, outlet, _ in dated)
    outlets = tuple(sorted(totals, key=lambda o: (-totals[o], o)))
    step = timedelta(days=1 if unit == "day" else 7)
    by_start: dict[date, list[tuple[str, Quote]]] = {}
    for day, outlet, quote in sorted(dated, key=lambda d: (d[0], _place(d[2]))):
        by_start.setdefault(period_start(day, unit), []).append((outlet, quote))
    periods = []
    start = period_start(first, unit)
    while start <= last:
        inside = by_start.get(start, [])
        counted = Counter(outlet for outlet, _ in inside)
        periods.append(
            Period(
                start,
                start + step - timedelta(days=1),
                tuple((o, counted[o]) for o in outlets),
                tuple(q for _, q in inside),
            )
        )
        start += step
    return Timeline(speaker, unit, outlets, tuple(periods), *apart)


def _place(quote: Quote) -> tuple[str, int]:
    return (quote.article_id or "", quote.start)


def timeline_summary(timeline: Timeline) -> str:
    """``165 quotes, per week over 8 weeks (2017-02-06 – 2017-04-02); 3 undated``."""
    total = counted(timeline.dated + len(timeline.undated), "quote")
    undated = f"{len(timeline.undated)} undated" if timeline.undated else "none undated"
    if not timeline.periods:
        return f"{total}, none dated"
    first, last = timeline.periods[0], timeline.periods[-1]
    span = counted(len(timeline.periods), timeline.unit)
    return (
        f"{total}, per {timeline.unit} over {span} "
        f"({first.start.isoformat()} – {last.end.isoformat()}); {undated}"
    )
