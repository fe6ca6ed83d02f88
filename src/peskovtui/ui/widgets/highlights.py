"""What the reader highlights in an article, as exact character ranges: quotes, the speakers'
names, search matches (one of them current) and the chosen passage with its changed words.
Plain Python: the reader paints these layers, and tests check them directly.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

Range = tuple[int, int]


@dataclass
class Highlights:
    """The ranges the reader marks, each kind sorted in text order."""

    quotes: list[Range] = field(default_factory=list)
    speakers: list[Range] = field(default_factory=list)
    matches: list[Range] = field(default_factory=list)
    current_match: int | None = None
    marked: Range | None = None
    diffs: list[Range] = field(default_factory=list)

    @classmethod
    def of(
        cls, quotes: Sequence[Range], speakers: Sequence[Range], matches: Sequence[Range]
    ) -> Highlights:
        """A new article's highlights: nothing marked, no match current."""
        return cls(sorted(quotes), sorted(speakers), sorted(matches))

    def set_quotes(self, quotes: Sequence[Range], speakers: Sequence[Range]) -> None:
        """Quotes and speaker mentions found since."""
        self.quotes = sorted(quotes)
        self.speakers = sorted(speakers)

    def set_matches(self, matches: Sequence[Range]) -> None:
        """New search matches; none is current yet."""
        self.matches = sorted(matches)
        self.current_match = None

    def mark(self, start: int, end: int, diffs: Sequence[Range]) -> None:
        """Mark exactly ``text[start:end]``, with the words where it differs from the version
        left."""
        self.marked = (start, end)
        self.diffs = sorted(diffs)

    def layers(self) -> list[tuple[Sequence[Range], str]]:
        """The ranges to paint and the component class of each, bottom layer first: the chosen
        passage over the quotes and matches, the current match over everything."""
        layers: list[tuple[Sequence[Range], str]] = [
            (self.quotes, "reader--quote"),
            (self.speakers, "reader--speaker"),
            (self.matches, "reader--match"),
        ]
        if self.marked is not None:
            layers.append(([self.marked], "reader--marked"))
            layers.append((self.diffs, "reader--diff"))
        if self.current_match is not None:
            layers.append(([self.matches[self.current_match]], "reader--current"))
        return layers
