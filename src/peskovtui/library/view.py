"""What the reader shows of one article for one query, gathered in one call."""

from __future__ import annotations

from dataclasses import dataclass

from peskovtui.corpus import Article
from peskovtui.quotes import Quote

Range = tuple[int, int]


@dataclass(frozen=True, slots=True)
class ReaderView:
    """Everything the reader shows of one article for one query: its quotes (with where their
    speakers are named) and the query's matches, as ranges of ``article.text``.

    ``matches`` is None when they could not be found yet (the index is still being built).
    """

    article: Article
    query: str
    quotes: tuple[Quote, ...]
    matches: tuple[Range, ...] | None

    @property
    def quote_ranges(self) -> list[Range]:
        """Where the quotes are."""
        return [(q.start, q.end) for q in self.quotes]

    @property
    def mention_ranges(self) -> list[Range]:
        """Where the quotes' speakers are named, in text order."""
        return sorted(
            {
                (q.mention_start, q.mention_end)
                for q in self.quotes
                if q.mention_start is not None and q.mention_end is not None
            }
        )

    def speakers_in(self, paragraph: int) -> list[str]:
        """Who speaks in ``paragraph`` (counting from 0), by name even where it says "he"."""
        return list(
            dict.fromkeys(
                q.speaker
                for q in self.quotes
                if q.attributed and self.article.paragraph_index(q.start) == paragraph
            )
        )
