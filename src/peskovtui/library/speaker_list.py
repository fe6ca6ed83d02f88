"""The speakers of a corpus as the speakers screen lists them: each person once (aliases merged
into one name), with their quotes, outlets and the first and last day they were quoted."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from peskovtui.corpus import Article
from peskovtui.library.timeline import article_day
from peskovtui.quotes import Quote, SpeakerCount
from peskovtui.quotes.speakers import fold


@dataclass(frozen=True, slots=True)
class SpeakerSummary:
    """One speaker: their quotes and articles (as ``speakers`` counts them), the outlets that
    quote them (of the articles that name theirs), and the first and last day of those quotes
    (None when none is dated)."""

    speaker: str
    kind: str
    quotes: int
    articles: int
    outlets: int
    first: date | None
    last: date | None
    variants: tuple[str, ...] = ()
    # The name and its variants as ``fold`` writes them, one a line: what typing filters on.
    folded: str = ""

    def matches(self, words: Sequence[str]) -> bool:
        """Whether each of ``words`` (folded) is in the name or in one of its variants."""
        return all(w in self.folded for w in words)


def speaker_summaries(
    counts: Sequence[SpeakerCount],
    quotes: Iterable[Quote],
    article_of: Callable[[str], Article],
) -> list[SpeakerSummary]:
    """``counts`` (from ``Library.speakers``, in its order) with the outlets and days of the
    same ``quotes`` (those it counted)."""
    outlets: dict[str, set[str]] = defaultdict(set)
    days: dict[str, list[date]] = defaultdict(list)
    for quote in quotes:
        article = article_of(quote.article_id or "")
        if article.outlet:
            outlets[quote.speaker].add(article.outlet)
        day = article_day(article)
        if day is not None:
            days[quote.speaker].append(day)
    return [
        SpeakerSummary(
            c.speaker,
            c.kind,
            c.quotes,
            c.articles,
            len(outlets[c.speaker]),
            min(days[c.speaker], default=None),
            max(days[c.speaker], default=None),
            c.variants,
            "\n".join(fold(name) for name in (c.speaker, *c.variants)),
        )
        for c in counts
    ]


def filter_speakers(summaries: Sequence[SpeakerSummary], words: str) -> list[SpeakerSummary]:
    """The speakers whose name (or a variant) holds every word typed, compared as ``fold``
    compares names (without case, accents or punctuation), in their order."""
    wanted = fold(words).split()
    if not wanted:
        return list(summaries)
    return [s for s in summaries if s.matches(wanted)]


class SpeakerDirectory:
    """The speakers of a corpus whose quotes are read: made once (the quotes do not change
    once read), so that the speakers screen opens at once. Each one's quotes are asked of
    ``quotes_named`` (the quotes given to exactly a name) rather than held: a big corpus's
    quotes are read an article at a time."""

    def __init__(
        self,
        counts: Sequence[SpeakerCount],
        quotes: Iterable[Quote],
        article_of: Callable[[str], Article],
        quotes_named: Callable[[str], list[Quote]],
    ) -> None:
        self.summaries = speaker_summaries(counts, quotes, article_of)
        self._quotes_named = quotes_named

    def quotes_of(self, speaker: str) -> list[Quote] | None:
        """The quotes given to exactly this name, or None when no speaker has it."""
        return self._quotes_named(speaker) or None
