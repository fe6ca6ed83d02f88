"""Speakers named in a label before a quotation: "Jeffrey M. Jones: "…"" or "Name, Outlet: "…""."""

from __future__ import annotations

import re

_NAME_WORD = r"[A-Z][\w.'’\-]*"
# The label is all that stands between the start of its line (or a dash, or a sentence's end)
# and the colon before the opening mark; an outlet may follow the name after a comma.
_LABEL_LINE = re.compile(
    r"(?:^|[—–-]\s+|[.!?]\s+|\|\s*)"
    rf"(?P<who>{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|of|the|de|van|von|al|bin|la|le)){{0,5}})"
    rf"(?:\s*,\s*(?P<outlet>{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|of|the|for)){{0,5}}))?"
    r"\s*:\s*$"
)


def label_before(text: str, lo: int, opener: int) -> tuple[int, int] | None:
    """The range of the speaker's name in a label line that ends just before the quote mark at
    ``opener``, looking back to ``lo`` (the start of the line); None when there is none."""
    if not text[lo:opener].rstrip().endswith(":"):
        return None
    # A label is short: the line's last 160 characters hold it. A cut line starts with a word
    # that can open no label.
    start = max(lo, opener - 160)
    prefix = "" if start == lo else "x "
    m = _LABEL_LINE.search(prefix + text[start:opener])
    if m is None:
        return None
    shift = start - len(prefix)
    return shift + m.start("who"), shift + m.end("who")
