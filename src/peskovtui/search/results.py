"""Search results: ranked hits with exact match ranges and a highlighted snippet."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

Range = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Snippet:
    """A one-line excerpt of the display text; ``highlights`` index ``text`` (the excerpt)."""

    text: str
    start: int
    highlights: tuple[Range, ...]


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One matching article: ``matches`` index the article's display text exactly."""

    article_id: str
    title: str
    score: float
    matches: tuple[Range, ...]
    snippet: Snippet
    # False when the search was asked to find ranges for fewer hits (``matches`` is empty).
    ranged: bool = True

    @property
    def match_count(self) -> int:
        """Number of matched ranges in the display text."""
        return len(self.matches)

    def to_json(self) -> dict[str, Any]:
        """The hit as plain JSON data."""
        return {
            "article_id": self.article_id,
            "title": self.title,
            "score": round(self.score, 6),
            "match_count": self.match_count,
            "matches": [[s, e] for s, e in self.matches],
            "snippet": self.snippet.text,
            "snippet_start": self.snippet.start,
            "snippet_matches": [[s, e] for s, e in self.snippet.highlights],
        }


@dataclass(frozen=True, slots=True)
class SearchResults:
    """Ranked hits for a query; ``total`` counts every matching article, not just ``hits``."""

    query: str
    hits: tuple[SearchHit, ...]
    total: int
    notices: tuple[str, ...] = ()
    # True when the texts were scanned because the index was not ready: hits are not ranked.
    scanned: bool = False

    def __len__(self) -> int:
        return len(self.hits)


_WHITESPACE = str.maketrans({"\n": " ", "\r": " ", "\t": " ", "\f": " ", "\v": " "})
_ELLIPSIS = "…"


def make_snippet(text: str, matches: tuple[Range, ...], width: int = 200) -> Snippet:
    """An excerpt of about ``width`` characters around the first match, on one line."""
    if matches:
        first = matches[0][0]
        start = max(0, first - width // 4)
    else:
        start = 0
    end = min(len(text), start + width)
    # Snap to word boundaries so the excerpt does not start or end mid-word.
    if start > 0:
        space = text.find(" ", start, matches[0][0] if matches else end)
        if space >= 0:
            start = space + 1
    if end < len(text):
        space = text.rfind(" ", start, end)
        if space > start and (not matches or space >= matches[0][1]):
            end = space
    lead = _ELLIPSIS if start > 0 else ""
    tail = _ELLIPSIS if end < len(text) else ""
    body = text[start:end].translate(_WHITESPACE)
    shift = len(lead) - start
    highlights = tuple(
        (max(s, start) + shift, min(e, end) + shift) for s, e in matches if s < end and e > start
    )
    return Snippet(lead + body + tail, start, highlights)
