"""Extracting quotes from a text or an article: scan, classify, attribute."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from peskovtui.corpus.model import Article, Paragraph
from peskovtui.quotes.attribution import Attribution, Attributor
from peskovtui.quotes.model import Quote, QuoteKind, QuoteSpan
from peskovtui.quotes.scanner import is_heading_quote, scan_quotes, split_paragraphs
from peskovtui.quotes.terms import is_term

FRAGMENT_MAX_WORDS = 3
_WORD = re.compile(r"\w+(?:['’]\w+)*")
_SENTENCE_LEAD = frozenset(".!?:;—–-(")
_SPOKEN_END = (".", ",", "?", "!", "…", ":", ";", "—", "-")
# Cues where a verb of saying or a label gives the speaker, not mere proximity.
_SPEAKING_CUES = frozenset(["after", "before", "label", "asked-by", "according-to"])


def classify_kind(
    text: str, span: QuoteSpan, paragraph: Paragraph, previous: Quote | None
) -> QuoteKind:
    """Headline, fragment (three words or fewer), full (a sentence of its own) or partial."""
    if is_heading_quote(text, span, paragraph):
        return "headline"
    quoted = text[span.start : span.end]
    short = len(_WORD.findall(quoted)) <= FRAGMENT_MAX_WORDS
    before = text[paragraph.start : span.open].rstrip()
    first = quoted[:1]
    starts_sentence = first.isupper() or first.isdigit() or first in "…'‘\"“"
    if short and not quoted.rstrip().endswith(_SPOKEN_END):
        # A short capitalised quote without its own punctuation is a title ("Lion", "Fences").
        starts_sentence = False
    # A full sentence stays full however short ("Not yet," he said); only words embedded in
    # the reporter's sentence can be fragments.
    if not before or before[-1] in _SENTENCE_LEAD or before[-1] in '”"’':
        if starts_sentence:
            return "full"
    elif before[-1] == ",":
        # "A," he said, "b." continues a full sentence; "told CNN, "This..." opens one.
        if starts_sentence:
            return "full"
        if (
            previous is not None
            and previous.kind == "full"
            and previous.paragraph == span.paragraph
        ):
            return "full"
    return "fragment" if short else "partial"


def extract_quotes(
    text: str, paragraphs: Sequence[Paragraph] | None = None, article_id: str | None = None
) -> list[Quote]:
    """Every quotation in ``text`` with its speaker; ``text[q.start:q.end] == q.text``."""
    paras = split_paragraphs(text) if paragraphs is None else list(paragraphs)
    spans = scan_quotes(text, paras)
    attributions = Attributor(text, paras, spans).attribute()
    quotes: list[Quote] = []
    for span, attribution in zip(spans, attributions, strict=True):
        previous = quotes[-1] if quotes else None
        kind = classify_kind(text, span, paras[span.paragraph], previous)
        verb_cue = attribution.cue in _SPEAKING_CUES
        if kind != "headline" and is_term(text, span.open, span.start, span.end, verb_cue):
            # A title, a name or a term: nobody's words, so no speaker by proximity.
            kind, attribution = "term", Attribution()
        mention = attribution.mention
        quotes.append(
            Quote(
                start=span.start,
                end=span.end,
                text=text[span.start : span.end],
                kind=kind,
                paragraph=span.paragraph,
                speaker=attribution.speaker,
                speaker_mention=mention.text if mention is not None else None,
                mention_start=mention.start if mention is not None else None,
                mention_end=mention.end if mention is not None else None,
                role=attribution.role,
                segments=span.segments,
                article_id=article_id,
                cue=attribution.cue,
                speaker_kind=attribution.kind,
            )
        )
    return _echo_headlines(quotes)


def _echo_headlines(quotes: list[Quote]) -> list[Quote]:
    """A headline quoting words that a body quote attributes takes that quote's speaker; a
    headline's words in marks that no one is said to say, or a single word a body quote happens
    to contain, are the headline's own terms."""
    body = [q for q in quotes if q.kind not in ("headline", "term") and q.attributed]
    out: list[Quote] = []
    for q in quotes:
        if q.kind == "headline" and not q.attributed:
            words = _WORD.findall(q.text.lower())
            joined = " ".join(words)
            source = next(
                (b for b in body if joined and joined in " ".join(_WORD.findall(b.text.lower()))),
                None,
            )
            if source is not None and len(words) > 1:
                q = replace(q, speaker=source.speaker, cue="headline")
            else:
                q = replace(q, kind="term")
        out.append(q)
    return out


def article_quotes(article: Article) -> list[Quote]:
    """The quotes of an article, located in its display text."""
    paragraphs = article.paragraphs or None
    return extract_quotes(article.text, paragraphs, article.id)
