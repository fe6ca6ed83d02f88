"""The records a corpus is made of: articles, their paragraphs and the lines set aside."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any, Literal

from peskovtui.corpus.names import printable_name

ParagraphRole = Literal["title", "subtitle", "byline", "dateline", "heading", "body"]

_WORD = re.compile(r"\w+(?:['’]\w+)*")


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of an article as a character range ``text[start:end]`` and its role."""

    start: int
    end: int
    role: ParagraphRole = "body"


@dataclass(frozen=True, slots=True)
class SetAside:
    """A line of the source that is not part of the article (a credit, a promotion, tags)."""

    line: str
    reason: str


@dataclass(frozen=True, slots=True)
class Article:
    """One news article with a single display ``text`` that every offset indexes.

    ``text`` starts with the title line; paragraphs are separated by a blank line and listed
    in ``paragraphs`` as character ranges. Lines that are not the article are kept in
    ``set_aside``; the untouched original is available from the source (``path``, ``row``).
    """

    id: str
    title: str
    text: str
    paragraphs: tuple[Paragraph, ...]
    subtitle: str = ""
    outlet: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None
    dateline: str | None = None
    url: str | None = None
    path: str | None = None
    row: int | None = None
    set_aside: tuple[SetAside, ...] = ()
    _starts: tuple[int, ...] = field(default=(), repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple(p.start for p in self.paragraphs))

    @property
    def words(self) -> int:
        """Number of words in the display text."""
        return len(_WORD.findall(self.text))

    @property
    def location(self) -> str:
        """Where the article comes from: its file path, with the row for a data set (a byte of
        the path that is not UTF-8 written as ``\\xe9``)."""
        if self.path is None:
            return self.id
        path = printable_name(self.path)
        return f"{path}:{self.row}" if self.row is not None else path

    def summary_json(self) -> dict[str, Any]:
        """The article's metadata as plain JSON data (what ``list`` prints)."""
        return {
            "id": self.id,
            "title": self.title,
            "outlet": self.outlet,
            "date": self.date,
            "words": self.words,
            "authors": list(self.authors),
            "url": self.url,
            "path": self.path,
            "row": self.row,
        }

    def to_json(self) -> dict[str, Any]:
        """Everything known about the article as plain JSON data (what ``show`` prints):
        paragraphs numbered as the reader numbers them, from 1."""
        return {
            **self.summary_json(),
            "subtitle": self.subtitle,
            "dateline": self.dateline,
            "text": self.text,
            "paragraphs": [
                {"paragraph": number, "start": p.start, "end": p.end, "role": p.role}
                for number, p in enumerate(self.paragraphs, start=1)
            ],
            "set_aside": [{"line": s.line, "reason": s.reason} for s in self.set_aside],
        }

    def paragraph_index(self, offset: int) -> int:
        """Index of the paragraph holding ``offset`` (the nearest one before it between two)."""
        return max(0, bisect.bisect_right(self._starts, offset) - 1)


PARAGRAPH_SEPARATOR = "\n\n"


def compose_text(blocks: list[tuple[str, ParagraphRole]]) -> tuple[str, tuple[Paragraph, ...]]:
    """Join paragraph blocks into one display text and their character ranges."""
    parts: list[str] = []
    paragraphs: list[Paragraph] = []
    offset = 0
    for block, role in blocks:
        if parts:
            parts.append(PARAGRAPH_SEPARATOR)
            offset += len(PARAGRAPH_SEPARATOR)
        parts.append(block)
        paragraphs.append(Paragraph(offset, offset + len(block), role))
        offset += len(block)
    return "".join(parts), tuple(paragraphs)
