"""Finding pairs of quotation marks in an article's text.

Marks pair by type, never by sequence: a curly opening mark closes only with a curly closing
mark, a straight mark with a straight one (its role read from the characters around it), and
single marks count only at the top level of headlines or as curly pairs outside double quotes,
because inside a double quote they are nested quotes and elsewhere mostly apostrophes.

A multi-paragraph quote follows the newspaper rule: a paragraph that ends inside a quote without
closing it continues when the next paragraph re-opens with a mark of the same type; the quote
then closes wherever that paragraph's quote closes. An opening mark never closed nor continued
is dropped rather than stretched over text that is not a quotation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from peskovtui.corpus.model import Paragraph, ParagraphRole
from peskovtui.quotes.model import QuoteSpan

HEADLINE_ROLES = frozenset({"title", "subtitle", "heading"})

_DOUBLE_MARK = re.compile(r"[“”\"«»]")
_SINGLE_MARK = re.compile(r"[‘’']")
_LINE = re.compile(r"[^\n]+")
_OPEN_BEFORE = frozenset("([{—–-/‘'\u00a0")
_CLOSE_AFTER = frozenset(".,;:!?)]}—–-…'’\u00a0")
_CURLY_OPEN = {"“": "curly", "«": "guillemet"}
_CURLY_CLOSE = {"”": "curly", "»": "guillemet"}
_REOPEN = {"curly": "“", "guillemet": "«", "straight": '"'}


def split_paragraphs(text: str) -> list[Paragraph]:
    """Paragraphs of a plain text: each non-blank line, the first one taken as the title."""
    paragraphs: list[Paragraph] = []
    for m in _LINE.finditer(text):
        line = m.group()
        stripped = line.strip()
        if not stripped:
            continue
        start = m.start() + (len(line) - len(line.lstrip()))
        role: ParagraphRole = "title" if not paragraphs else "body"
        paragraphs.append(Paragraph(start, start + len(stripped), role))
    return paragraphs


def _straight_role(text: str, i: int, lo: int, hi: int) -> str:
    """Whether a straight double mark at ``i`` can open, close, either, or is no mark at all."""
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    if nxt == "?" and (i + 2 >= hi or not text[i + 2].isspace()):
        # Scraped damage: '"?' stands for a lost dash after a space, else a closing mark or an
        # apostrophe followed by a lost space.
        return "none" if prev.isspace() else "close"
    if prev.isalnum() and nxt.isalnum():
        return "none"  # a lost apostrophe: don"t
    can_open = not nxt.isspace() and (prev.isspace() or prev in _OPEN_BEFORE or prev in ",:;")
    can_close = not prev.isspace() and (nxt.isspace() or nxt in _CLOSE_AFTER)
    if can_open and can_close:
        return "either"
    if can_open:
        return "open"
    return "close" if can_close else "none"


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class QuoteScanner:
    """Scans a text paragraph by paragraph for quotation-mark pairs."""

    def __init__(self, text: str, paragraphs: Sequence[Paragraph]) -> None:
        self.text = text
        self.paragraphs = paragraphs

    def _reopens(self, index: int, kind: str) -> int | None:
        """Position of the mark re-opening the quote at the start of paragraph ``index``."""
        if index >= len(self.paragraphs):
            return None
        p = self.paragraphs[index]
        pos = p.start
        while pos < p.end and self.text[pos].isspace():
            pos += 1
        if pos < p.end and self.text[pos] == _REOPEN[kind]:
            return pos
        return None

    def scan(self) -> list[QuoteSpan]:
        """All quote spans in text order."""
        spans: list[QuoteSpan] = []
        text = self.text
        carry: tuple[int, str, int, list[tuple[int, int]], int] | None = None
        for index, para in enumerate(self.paragraphs):
            lo, hi = para.start, para.end
            # pending: (open position, type, paragraph, finished segments, segment start)
            pending = carry
            carry = None
            skip = -1
            if pending is not None:
                skip = pending[4] - 1
            doubles: list[tuple[int, int]] = []
            for m in _DOUBLE_MARK.finditer(text, lo, hi):
                i = m.start()
                if i == skip:
                    continue
                ch = text[i]
                if ch in _CURLY_OPEN:
                    pending = (i, _CURLY_OPEN[ch], index, [], i + 1)
                elif ch in _CURLY_CLOSE:
                    if pending is not None and pending[1] in (_CURLY_CLOSE[ch], "straight"):
                        # A straight opening mark closed by a curly one is damage, still a pair.
                        spans.append(self._close(pending, i, index))
                        doubles.append((pending[0], i))
                        pending = None
                else:
                    role = _straight_role(text, i, lo, hi)
                    if pending is not None and pending[1] in ("straight", "curly"):
                        # A stray mark between spaces inside an open quote can only close it.
                        if role in ("close", "either") or (
                            role == "none"
                            and text[i - 1].isspace()
                            and i + 1 < hi
                            and text[i + 1].isspace()
                        ):
                            spans.append(self._close(pending, i, index))
                            doubles.append((pending[0], i))
                            pending = None
                        elif role == "open" and pending[1] == "straight":
                            pending = (i, "straight", index, [], i + 1)
                    elif role in ("open", "either"):
                        pending = (i, "straight", index, [], i + 1)
            if pending is not None:
                reopen = self._reopens(index + 1, pending[1])
                if reopen is not None:
                    segs = [*pending[3], _trim(text, pending[4], hi)]
                    carry = (pending[0], pending[1], pending[2], segs, reopen + 1)
                if pending[2] == index:
                    doubles.append((pending[0], hi))
            spans.extend(self._singles(index, para, doubles))
        spans.sort(key=lambda s: s.open)
        return spans

    def _close(
        self, pending: tuple[int, str, int, list[tuple[int, int]], int], close: int, index: int
    ) -> QuoteSpan:
        segs = [*pending[3], _trim(self.text, pending[4], close)]
        segs = [s for s in segs if s[1] > s[0]]
        first = segs[0] if segs else (pending[0] + 1, pending[0] + 1)
        last = segs[-1] if segs else first
        return QuoteSpan(
            open=pending[0],
            close=close,
            start=first[0],
            end=last[1],
            paragraph=pending[2],
            last_paragraph=index,
            segments=tuple(segs),
        )

    def _singles(
        self, index: int, para: Paragraph, doubles: list[tuple[int, int]]
    ) -> list[QuoteSpan]:
        """Top-level single-mark quotes: curly pairs anywhere, straight pairs in headlines only."""
        text = self.text
        lo, hi = para.start, para.end
        headline = para.role in HEADLINE_ROLES
        found: list[QuoteSpan] = []
        opened: int | None = None
        for m in _SINGLE_MARK.finditer(text, lo, hi):
            i = m.start()
            if any(a < i < b for a, b in doubles):
                continue  # nested inside a double quote
            ch = text[i]
            if ch == "'" and not headline:
                continue
            prev = text[i - 1] if i > lo else " "
            nxt = text[i + 1] if i + 1 < hi else " "
            if ch in "‘'" and opened is None:
                if (prev.isspace() or prev in _OPEN_BEFORE or prev in ":") and not nxt.isspace():
                    opened = i
                continue
            if opened is not None and ch in "’'" and not prev.isspace() and not nxt.isalnum():
                if text[opened] == "'" and ch != "'":
                    continue
                start, end = _trim(text, opened + 1, i)
                if end > start:
                    found.append(QuoteSpan(opened, i, start, end, index, index, ((start, end),)))
                opened = None
        return found


def is_heading_quote(text: str, span: QuoteSpan, paragraph: Paragraph) -> bool:
    """Whether a quote is a paragraph of its own that reads as a heading: short, no full stop."""
    if paragraph.role in HEADLINE_ROLES:
        return True
    if text[paragraph.start : span.open].strip() or text[span.close + 1 : paragraph.end].strip():
        return False
    quoted = text[span.start : span.end]
    return len(quoted.split()) <= 8 and not quoted.rstrip().endswith((".", ",", ":", ";"))


def scan_quotes(text: str, paragraphs: Sequence[Paragraph] | None = None) -> list[QuoteSpan]:
    """Find the quotation-mark pairs of ``text`` (paragraphs default to its non-blank lines)."""
    paras = split_paragraphs(text) if paragraphs is None else paragraphs
    return QuoteScanner(text, paras).scan()
