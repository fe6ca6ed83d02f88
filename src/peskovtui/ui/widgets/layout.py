"""How the reader lays an article out: its paragraphs word-wrapped to a width, each line a
character range of the text, so that any offset maps to a line and back. Plain Python, without
a terminal: the reader draws these lines, and tests check them directly.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len

from peskovtui.corpus import Article

Range = tuple[int, int]

_TOKEN = re.compile(r"\S+\s*|\s+")


@dataclass(frozen=True, slots=True)
class Line:
    """One rendered line: ``text[start:end]`` of paragraph ``paragraph`` (-1 for a gap)."""

    start: int
    end: int
    paragraph: int
    first: bool


def wrap(text: str, start: int, end: int, width: int) -> list[Range]:
    """Word-wrap ``text[start:end]`` into ranges of at most ``width`` cells each."""
    width = max(1, width)
    lines: list[Range] = []
    line_start = start
    used = 0
    for token in _TOKEN.finditer(text, start, end):
        position = token.start()
        word_end = position + len(token.group().rstrip())
        if used and used + cell_len(text[position:word_end]) > width:
            lines.append((line_start, position))
            line_start, used = position, 0
        # A word longer than the line is cut where the line ends.
        while cell_len(text[position:word_end]) > width - used:
            cut = position + _fit(text[position:word_end], width - used)
            lines.append((line_start, cut))
            line_start, position, used = cut, cut, 0
        used += cell_len(text[position : token.end()])
    lines.append((line_start, end))
    return lines


def _fit(word: str, width: int) -> int:
    cells = 0
    for index, char in enumerate(word):
        cells += cell_len(char)
        if cells > width:
            return max(1, index)
    return len(word)


class TextLayout:
    """An article's lines at one width: a blank line between paragraphs, and the character
    range of every line."""

    def __init__(self, article: Article | None = None, shown: str = "", width: int = 0) -> None:
        self.width = width
        # The text as drawn: offsets into it are offsets into the article's text.
        self.shown = shown
        self.lines: list[Line] = []
        if article is not None:
            for index, paragraph in enumerate(article.paragraphs):
                if index:
                    self.lines.append(Line(paragraph.start, paragraph.start, -1, False))
                wrapped = wrap(shown, paragraph.start, paragraph.end, width)
                for n, (start, end) in enumerate(wrapped):
                    self.lines.append(Line(start, end, index, n == 0))
        self._starts = [line.start for line in self.lines]

    def __len__(self) -> int:
        return len(self.lines)

    def line_of(self, offset: int) -> int:
        """The line that holds character ``offset``."""
        index = bisect.bisect_right(self._starts, offset) - 1
        return max(0, min(index, len(self.lines) - 1))

    def offset_at(self, y: int, cells: int) -> int:
        """The character ``cells`` cells into line ``y`` (clamped to the lines there are)."""
        line = self.lines[max(0, min(y, len(self.lines) - 1))]
        if line.paragraph < 0:
            return line.start
        offset = line.start
        while offset < line.end and cells > 0:
            cells -= cell_len(self.shown[offset])
            offset += 1
        return offset

    def first_paragraph_from(self, y: int) -> int:
        """The first paragraph that begins or goes on at line ``y`` or below it."""
        for line in self.lines[y:]:
            if line.paragraph >= 0:
                return line.paragraph
        return 0


def overlapping(ranges: Sequence[Range], start: int, end: int) -> list[Range]:
    """The parts of sorted ``ranges`` that fall inside ``[start, end)``."""
    found: list[Range] = []
    index = bisect.bisect_left(ranges, (start, start))
    # A range that starts before the line may still reach into it.
    index = max(0, index - 1)
    while index > 0 and ranges[index - 1][1] > start:
        index -= 1
    for s, e in ranges[index:]:
        if s >= end:
            break
        if e > start:
            found.append((max(s, start), min(e, end)))
    return found
