"""What the quote tests ask of a short text written for them."""

from __future__ import annotations

from peskovtui.quotes import Quote, extract_quotes


def quotes_of(text: str) -> list[Quote]:
    """The quotes found in ``text``, each checked to be its exact passage."""
    found = extract_quotes(text)
    for q in found:
        assert text[q.start : q.end] == q.text
    return found


def speakers(text: str) -> list[str]:
    """Who says each quote of ``text``, in text order."""
    return [q.speaker for q in quotes_of(text)]
