"""Sentences of an article for attribution: quoted words masked, breaks never inside a quote."""

from __future__ import annotations

import re
from collections.abc import Sequence

from peskovtui.corpus.model import Paragraph
from peskovtui.quotes.lexicon import NAME_ABBREVIATIONS
from peskovtui.quotes.model import QuoteSpan
from peskovtui.quotes.speech_verbs import SPEECH_VERBS

_SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*\s+(?=[\"“‘(\[]?[A-Z0-9_“\"‘])")
_ABBREV = re.compile(
    rf"(?:\b(?:{'|'.join(NAME_ABBREVIATIONS)}|No|Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec|Corp|Inc|Co|vs"
    r"|U\.S|U\.N|U\.K|D\.C)|\b[A-Z])\.$"
)
# A verb of saying in the past or third person ("demanded", "says") right after '?"' or '!"'
# with its subject makes the cue part of the quotation's sentence.
_CUE_VERBS = sorted(
    (v for v in SPEECH_VERBS if v.endswith(("ed", "s")) or v in ("said", "told", "wrote")),
    key=len,
    reverse=True,
)
_CUE_AHEAD = re.compile(
    r"(?:(?:[A-Z][\w.'’\-]*|the|a|an)\s+){0,6}?(?:" + "|".join(_CUE_VERBS) + r")\b"
    r"|(?:he|she|they)\s+(?:said|added)\b"
)
_PARTY_TAG = re.compile(
    r"[\s-]?\((?:[DRI]|Dem|Rep|Ind)(?:\s?-\s?[^)]{1,30})?\)|-?\[(?:[DRI])-[^\]]{1,30}\]-?"
    r"|,\s(?:[DRI])-[A-Z][\w.]*(?:\s[A-Z][a-z]+(?=,))?(?:,(?=\s))?"
)


def mask_quotes(text: str, spans: Sequence[QuoteSpan]) -> str:
    """The text with quoted words blanked out, so no cue or sentence break is read inside them."""
    parts: list[str] = []
    pos = 0
    for span in spans:
        for a, b in span.segments:
            if a < pos:
                continue
            keep = b - 1 if b > a and text[b - 1] in ".!?" else b
            parts.append(text[pos:a])
            parts.append("_" * (keep - a))
            parts.append(text[keep:b])
            pos = b
    parts.append(text[pos:])
    masked = "".join(parts)
    # Party-and-state tags ("Rep. Gwen Moore (D-Wis.)", "Paul Ryan, R-Wis.,") sit inside a
    # name phrase; blanking them keeps the phrase whole and every offset unchanged.
    return _PARTY_TAG.sub(_blank_tag, masked)


def _blank_tag(m: re.Match[str]) -> str:
    """A party tag as spaces; a comma opening it stays, so an apposition after it still reads
    as one ("Rep. Justin Amash, R-Mich., a founding member of ...")."""
    tag = m.group()
    return ("," + " " * (len(tag) - 1)) if tag.startswith(",") else " " * len(tag)


def sentence_bounds(masked: str, paragraphs: Sequence[Paragraph]) -> list[tuple[int, int, int]]:
    """Sentences as (start, end, paragraph index), never broken inside a quote."""
    bounds: list[tuple[int, int, int]] = []
    for index, para in enumerate(paragraphs):
        start = para.start
        for m in _SENTENCE_END.finditer(masked, para.start, para.end):
            if _ABBREV.search(masked, max(para.start, m.start() - 6), m.start() + 1):
                continue
            # '...?" Clinton said.' continues the sentence the quotation closed.
            # A quotation closing on a full stop ends its sentence; on ? or ! it may not.
            closed_by_mark = masked[m.start() + 1 : m.end()].strip()
            if (
                closed_by_mark
                and masked[m.start()] in "?!"
                and _CUE_AHEAD.match(masked, m.end(), para.end)
            ):
                continue
            bounds.append((start, m.end(), index))
            start = m.end()
        if start < para.end:
            bounds.append((start, para.end, index))
    return bounds
