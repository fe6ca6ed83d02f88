"""Giving each quote its speaker: cues around the quote, pronouns, roles and continuations.

For each quote, in text order, the first of these that answers gives the speaker:

1. a cue of the quote's own (``cues.Cues``, in its documented order: a label, a question's
   asker, an inverted verb, the cue after the quote, a possessive owner, the subject of a verb
   before it, ``according to X``); a pronoun there means the sentence's own subject first
   ("The Council ... what it called"), else the most salient entity of its gender;
2. the quote before it in the same sentence, when only "and", "or" or a comma lies between;
3. for a full quote, the speaker of the nearest earlier sentence of its paragraph that has one,
   and, when the quote opens its paragraph, of the previous paragraph (a continuation);
4. for words embedded in a sentence with no verb of saying ("called him a “con artist”"),
   the sentence's subject (cue ``subject``).

``the spokesman`` resolves to the person introduced with that role, and an anonymous ``a top
aide to Putin`` to the one named person the article gives the same kind of role for the same
man. Anything unresolved stays ``unattributed``; no name is ever made up.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from peskovtui.corpus.model import Paragraph
from peskovtui.quotes.cues import Cues
from peskovtui.quotes.entities import ACRONYM, EntityTable, agrees, is_share, singled_out
from peskovtui.quotes.lexicon import ORG_NOUNS
from peskovtui.quotes.mentions import Mention
from peskovtui.quotes.model import UNATTRIBUTED, QuoteSpan
from peskovtui.quotes.reading import Reading
from peskovtui.quotes.salience import Referents
from peskovtui.quotes.scanner import HEADLINE_ROLES, is_heading_quote
from peskovtui.quotes.subjects import leading_subject, plausible_source

# Cues where a name is said to speak: whoever speaks is a person (or a body, which "it" names).
_SPEAKING_CUES = frozenset(["after", "before", "label", "asked-by"])
_STAFF_ROLES = frozenset(
    ["aide", "adviser", "advisor", "assistant", "spokesman", "spokeswoman", "spokesperson", "spox"]
)
# Nothing but a conjunction between two quotes of one sentence: the second is the first's.
_JOINED = re.compile(r"[\s,;]*(?:and|or|but also|but)?[\s,]*")


@dataclass(frozen=True, slots=True)
class Attribution:
    """The speaker found for one quote span."""

    speaker: str = UNATTRIBUTED
    mention: Mention | None = None
    role: str | None = None
    cue: str | None = None
    kind: str | None = None  # "person", "organisation" or "role"


class Attributor:
    """Attributes the quote spans of one text, in text order."""

    def __init__(
        self, text: str, paragraphs: Sequence[Paragraph], spans: Sequence[QuoteSpan]
    ) -> None:
        self.reading = Reading(text, paragraphs, spans)
        self.spans = self.reading.spans
        self.table = EntityTable(self.reading)
        self.entities = self.table.entities
        self.referents = Referents(self.table)
        self.cues = Cues(self.reading, self.entities)
        self._results: list[Attribution] = [Attribution()] * len(self.spans)
        self._done: dict[int, str] = {}

    def attribute(self) -> list[Attribution]:
        """One attribution per span, in span order."""
        reading = self.reading
        by_sentence: dict[int, list[int]] = {}
        for k, span in enumerate(self.spans):
            by_sentence.setdefault(reading.sentence_of(span.open), []).append(k)
        for s_index, (lo, hi, para) in enumerate(reading.sentences):
            headline = reading.paragraphs[para].role in HEADLINE_ROLES
            siblings = by_sentence.get(s_index, [])
            for k in siblings:
                self._results[k] = self._attribute_span(k, s_index, siblings, headline)
            if not siblings:
                self.referents.note_subject(lo, hi, headline)
        return [
            replace(r, kind=self._kind_of(r.speaker)) if r.speaker != UNATTRIBUTED else r
            for r in self._name_anonymous_roles(self._results)
        ]

    def _attribute_span(
        self, k: int, s_index: int, siblings: list[int], headline: bool
    ) -> Attribution:
        """The attribution of span ``k``, the quotes of its sentence before it done."""
        reading = self.reading
        lo = reading.sentences[s_index][0]
        span = self.spans[k]
        prev_close = max((self.spans[j].close + 1 for j in siblings if j < k), default=lo)
        next_open = min((self.spans[j].open for j in siblings if j > k), default=None)
        end_sentence = reading.sentences[reading.sentence_of(span.close)][1]
        limit = end_sentence if next_open is None else min(next_open, end_sentence)
        mention, cue = self.cues.find(span, lo, limit, headline)
        speaker = UNATTRIBUTED
        if mention is not None and mention.kind == "pronoun":
            speaker = self._own_subject(lo, mention)
        if mention is not None and speaker == UNATTRIBUTED:
            speaker = self.referents.resolve(mention)
        elif prev_close > lo and _JOINED.fullmatch(reading.masked[prev_close : span.open]):
            speaker = self._done.get(k - 1, UNATTRIBUTED)
            mention, cue = self._results[k - 1].mention, self._results[k - 1].cue
        full = reading.is_full(span)
        if (
            speaker == UNATTRIBUTED
            and mention is None
            and full
            and not is_heading_quote(reading.text, span, reading.paragraphs[span.paragraph])
        ):
            # The cue that attributes the earlier words attributes these too.
            speaker, mention = self._carry(s_index, span)
            cue = "continuation" if mention is not None else None
        if speaker == UNATTRIBUTED and mention is None and not full and not headline:
            # Words embedded in a sentence with no verb of saying (called him a "con artist",
            # likened it to "burning") belong to the sentence's subject; the cue says so, so a
            # reader can weigh it.
            subject = leading_subject(reading, lo, span.open)
            if subject is not None and plausible_source(reading, self.entities, subject):
                candidate = self.referents.resolve(subject)
                if candidate != UNATTRIBUTED:
                    speaker, mention, cue = candidate, subject, "subject"
        self._done[k] = speaker
        return self._record(speaker, mention, cue)

    def _own_subject(self, lo: int, pronoun: Mention) -> str:
        """The sentence's own subject, when a pronoun cue can mean it ("The Council ... what
        it called"), else ``unattributed``."""
        lead = leading_subject(self.reading, lo, pronoun.start)
        if lead is None or lead.kind == "pronoun":
            return UNATTRIBUTED
        if lead.kind == "role" and lead.definite and self.table.holder(lead) is None:
            return UNATTRIBUTED
        if lead.end > pronoun.start:
            return UNATTRIBUTED
        entity = self.table.entity(lead)
        if entity is None or not agrees(entity, pronoun.gender):
            return UNATTRIBUTED
        if lead.kind == "name" and entity.gender == "u" and pronoun.gender in "mf":
            nearby = self.referents.named_nearby(pronoun)
            return entity.canonical if nearby == UNATTRIBUTED else nearby
        return entity.canonical

    def _record(self, speaker: str, mention: Mention | None, cue: str | None) -> Attribution:
        """The attribution of a speaker found, which also makes the speaker salient."""
        role = mention.role if mention is not None else None
        if speaker != UNATTRIBUTED:
            entity = self.entities.get(speaker)
            if role is None and entity is not None and mention is not None:
                role = mention.text if mention.kind == "role" else None
        if speaker == UNATTRIBUTED:
            cue = None
        if (
            cue in _SPEAKING_CUES
            and speaker in self.entities
            and not self.reading.names.is_place(speaker)
        ):
            self.entities[speaker].person = True
        if not singled_out(mention):
            self.table.make_salient(speaker)
        return Attribution(speaker, mention, role, cue)

    def _sentence_speaker(self, index: int) -> tuple[str, Mention | None] | None:
        """The speaker a sentence gives (with the mention naming them): of its quotes, else the
        subject of its speech verb."""
        lo, hi, para = self.reading.sentences[index]
        for k, span in enumerate(self.spans):
            # A quote opened in an earlier paragraph may close in this sentence, with its cue.
            inside = lo <= span.open < hi or lo <= span.close < hi
            if inside and self._done.get(k, UNATTRIBUTED) != UNATTRIBUTED:
                return self._done[k], self._results[k].mention
        headline = self.reading.paragraphs[para].role in HEADLINE_ROLES
        verbs = self.reading.verbs(lo, hi, headline)
        mention = self.cues.verb_subject(lo, verbs[-1].end(), headline) if verbs else None
        if mention is None:
            mention = self.cues.colon_subject(lo, hi, headline)
        if mention is not None and not is_share(mention):
            # (a share of a crowd, "Some argue ...", speaks only its own sentence's words)
            speaker = self.referents.resolve(mention)
            if speaker != UNATTRIBUTED:
                return speaker, mention
        return None

    def _carry(self, s_index: int, span: QuoteSpan) -> tuple[str, Mention | None]:
        """A full quote without a cue of its own continues an earlier speaker's words."""
        sentences = self.reading.sentences
        para = sentences[s_index][2]
        k = s_index - 1
        while k >= 0 and sentences[k][2] == para:
            found = self._sentence_speaker(k)
            if found is not None:
                return found
            k -= 1
        opens_paragraph = not self.reading.text[
            self.reading.paragraphs[para].start : span.open
        ].strip()
        if opens_paragraph and k >= 0 and sentences[k][2] == para - 1:
            while k >= 0 and sentences[k][2] == para - 1:
                found = self._sentence_speaker(k)
                if found is not None:
                    return found
                k -= 1
        return UNATTRIBUTED, None

    def _kind_of(self, speaker: str) -> str:
        """Whether a speaker is a named person, a named body, or a role (an unnamed person, a
        group or a document the article does not name)."""
        entity = self.entities.get(speaker)
        if entity is None:
            return "person"
        if entity.kind == "group":
            return "organisation" if entity.proper or entity.named else "role"
        if not entity.named:
            return "role"
        if (
            ACRONYM.fullmatch(speaker)
            or speaker.split()[-1].lower() in ORG_NOUNS
            or (not entity.person and self.reading.names.is_place(speaker))  # "North Korea said"
        ):
            return "organisation"
        return "person"

    def _name_anonymous_roles(self, results: list[Attribution]) -> list[Attribution]:
        """An anonymous role ("a top aide to Vladimir Putin") that the article later names
        ("Putin spokesman Dmitry Peskov") is that person: the same kind of role, held for the
        same person, and only one named person fits. Otherwise the role stays as it is."""
        named: dict[str, str] = {}
        for entity in self.entities.values():
            if entity.anchor is None or not entity.roles:
                continue
            head = next(iter(entity.roles))
            fits = [
                other.canonical
                for other in self.entities.values()
                if other is not entity
                and other.descriptions
                and len(other.canonical.split()) > 1
                and any(_same_kind_of_role(head, h) for h in other.roles)
                and any(entity.anchor in d.split() for d in other.descriptions)
            ]
            if len(fits) == 1:
                named[entity.canonical] = fits[0]
        if not named:
            return results
        return [
            Attribution(named[r.speaker], r.mention, r.role, r.cue) if r.speaker in named else r
            for r in results
        ]


def _same_kind_of_role(a: str, b: str) -> bool:
    """Whether two role heads can describe one post: the same noun, or two kinds of staff."""
    return a == b or (a in _STAFF_ROLES and b in _STAFF_ROLES)
