"""One article as attribution reads it: quotes masked, sentences, verbs of saying, names."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from peskovtui.corpus.model import Paragraph
from peskovtui.quotes.model import QuoteSpan
from peskovtui.quotes.names import NameTable
from peskovtui.quotes.scanner import HEADLINE_ROLES
from peskovtui.quotes.sentences import mask_quotes, sentence_bounds
from peskovtui.quotes.speech_verbs import VerbMatch, find_speech_verbs

_THAT = re.compile(r"\s+that\b")
_NAME_BEFORE_VERB = re.compile(r"\b([A-Z][\w'’\-]+)(?:\s+(?:[a-z]+ly|also|again|later|then))?\s+$")
_NAME_AFTER_VERB = re.compile(r"\s+([A-Z][\w'’\-]+)\s*[.,]")


class Reading:
    """The facts about one text that every cue looks up by position."""

    def __init__(
        self, text: str, paragraphs: Sequence[Paragraph], spans: Sequence[QuoteSpan]
    ) -> None:
        self.text = text
        self.paragraphs = paragraphs
        self.spans = list(spans)
        self.masked = mask_quotes(text, self.spans)
        self.sentences = sentence_bounds(self.masked, paragraphs)
        self.starts = [s[0] for s in self.sentences]
        # Verbs of saying found once per article; each cue looks them up by position.
        self._verb_matches = find_speech_verbs(self.masked)
        self._verb_starts = [m.start() for m in self._verb_matches]
        # Title-case headlines ("Derelict Obama And Clinton") would pass for names.
        body = "".join(
            " " * (p.end - p.start) if p.role in HEADLINE_ROLES else text[p.start : p.end]
            for p in _gaps(text, paragraphs)
        )
        self.names = NameTable(body)
        self.speaking = _speaking_names(self.masked, self._verb_matches)

    def sentence_of(self, pos: int) -> int:
        """The index of the sentence holding ``pos``."""
        return max(0, bisect.bisect_right(self.starts, pos) - 1)

    def paragraph_of(self, pos: int) -> int:
        """The index of the paragraph holding ``pos``."""
        return self.sentences[self.sentence_of(pos)][2]

    def verbs(self, lo: int, hi: int, headline: bool) -> list[VerbMatch]:
        """The verbs of saying inside ``[lo, hi)``; outside headlines, only lower-case ones."""
        k = bisect.bisect_left(self._verb_starts, lo)
        found: list[VerbMatch] = []
        while k < len(self._verb_matches) and self._verb_matches[k].end() <= hi:
            m = self._verb_matches[k]
            k += 1
            # "found that" counts only when its "that" lies inside the range too ("according
            # to" and "pointed out" always do).
            if (
                m.lastgroup == "cue"
                and m.group()[0] not in "aApP"
                and not _THAT.match(self.masked, m.end(), hi)
            ):
                continue
            found.append(m)
        if headline:
            return found
        return [m for m in found if m.group()[0].islower()]

    def is_full(self, span: QuoteSpan) -> bool:
        """Whether a quote reads as a sentence of its own (not a title such as "Fences")."""
        first = self.text[span.start : span.start + 1]
        if not first or not (first.isupper() or first.isdigit() or first in "….'‘"):
            return False
        quoted = self.text[span.start : span.end].rstrip()
        return (
            quoted.endswith((".", ",", "?", "!", "…", ":", ";", "—", "-"))
            or len(quoted.split()) > 6
        )


def _speaking_names(masked: str, verbs: Sequence[VerbMatch]) -> frozenset[str]:
    """Single words the article gives as someone speaking ("Calabrese told", "said Pate."):
    evidence of a person, where a capitalised word alone may be a place or a headline word."""
    found = set()
    for verb in verbs:
        if not verb.group()[0].islower():
            continue
        before = _NAME_BEFORE_VERB.search(masked, max(0, verb.start() - 40), verb.start())
        if before is not None:
            found.add(before.group(1))
        after = _NAME_AFTER_VERB.match(masked, verb.end())
        if after is not None:
            found.add(after.group(1))
    return frozenset(found)


def _gaps(text: str, paragraphs: Sequence[Paragraph]) -> list[Paragraph]:
    """The paragraphs with the text between them as body paragraphs, covering all of ``text``."""
    out: list[Paragraph] = []
    pos = 0
    for p in paragraphs:
        if p.start > pos:
            out.append(Paragraph(pos, p.start, "body"))
        out.append(p)
        pos = max(pos, p.end)
    if pos < len(text):
        out.append(Paragraph(pos, len(text), "body"))
    return out
