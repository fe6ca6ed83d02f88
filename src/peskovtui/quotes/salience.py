"""Who a mention means: pronouns by salience and gender, names past common words, and the
subjects of sentences without quotes kept salient for the pronouns after them.

A pronoun resolves to the most recent salient entity of its gender (a speaker, the subject of
a sentence, or a person a sentence ends by introducing with name and role; never a name merely
mentioned, nor "one official" singled out of a crowd).
"""

from __future__ import annotations

import re

from peskovtui.quotes.cues import VERB_FIRST
from peskovtui.quotes.entities import EntityTable, agrees, role_head, singled_out
from peskovtui.quotes.lexicon import (
    ROLE_NOUNS,
    first_name_gender,
    is_first_name,
    words,
)
from peskovtui.quotes.mentions import NAME_RUN, Mention, classify
from peskovtui.quotes.model import UNATTRIBUTED
from peskovtui.quotes.phrases import object_after, subject_before
from peskovtui.quotes.speech_verbs import SPEECH_VERBS
from peskovtui.quotes.subjects import leading_subject

_SAYS_NEXT = re.compile(
    r"\s+(?:[a-z]+ly\s+|also\s+|then\s+|later\s+|went\s+on\s+to\s+|has\s+|had\s+|was\s+)?"
    r"(?:" + "|".join(sorted(SPEECH_VERBS, key=len, reverse=True)) + r"|according|point(?:s|ed)?)\b"
)
_INTRODUCTION = re.compile(
    r"((?:[A-Z][\w'’.\-]*\s+){1,3}[A-Z][\w'’\-]+),\s+((?:the\s+|a\s+|an\s+)?[a-z][^,;:_]{0,80}?)"
    r"[.;]?\s*$"
)
_CLAUSE_WORDS = words(
    """
about after against as at before by during for from in into of on over since than that to under
until when where which while who with
"""
)
# A verb that measures its subject ("Revenue remained around 40 billion", "Sales rose 5%")
# says it is a figure, not a person.
_MEASURED = re.compile(
    r"\s+[a-z]+(?:ed|es)\s+(?:(?:around|about|at|to|by|nearly|almost|some|over|under)\s+)?"
    r"[$€£¥]?\d"
)
# A preposition or a participle right after a sentence's first word ("Reports from the
# ground", "Late in September"): the word heads a common noun phrase.
_QUALIFIED = re.compile(
    r" (?:from|in|on|at|about|across|over|during|without|[a-z]{3,}ing)\b(?! (?:said|says)\b)"
)
# A word after a sentence's first word that reads as its verb ("Carson defied", "Pate has"):
# the first word is then the subject, a name, and not an adverb ("Rather, he ...").
_FINITE_VERB = re.compile(r"\s+(?:[a-z]+(?:ed|es)|has|had|is|was|will|would|could|can|did|does)\b")
# A pronoun, its verb and the name the verb takes: "he told Hannity", "she asked Sanders".
_PRONOUN_OBJECT = re.compile(
    r"(?:\s+(?:[a-z]+ly|also|then|later))?\s+[a-z]+(?:ed|ld|id|ote|ked|es|ls|ks|s)\s+"
    r"((?:[A-Z][\w'’\-]*\s+){0,2}[A-Z][\w'’\-]*)\b(?!['’])"
)


class Referents:
    """Resolves mentions to the entities of one article, keeping pronoun salience."""

    def __init__(self, table: EntityTable) -> None:
        self.table = table
        self.reading = table.reading
        self.masked = table.reading.masked

    def resolve(self, mention: Mention) -> str:
        """The canonical speaker for a mention, or ``unattributed``."""
        if mention.kind == "pronoun":
            return self._pronoun(mention)
        if mention.kind == "name" and self._common_word(mention):
            return UNATTRIBUTED
        entity = self.table.entity(mention)
        return UNATTRIBUTED if entity is None else entity.canonical

    def _pronoun(self, mention: Mention) -> str:
        if mention.gender == "x":
            return UNATTRIBUTED
        own_object = self._object_of(mention)
        salient = self.table.salient
        for key in reversed(salient):
            candidate = self.table.entities[key]
            if key == own_object:
                continue  # "he told Hannity" is never Hannity
            if agrees(candidate, mention.gender):
                if candidate.gender == "u" and not candidate.roles and mention.gender in "mf":
                    # A person of the pronoun's known gender named earlier in its sentence
                    # comes before one of unknown gender ("Chris Christie described Hillary
                    # Clinton as ... after she").
                    nearby = self.named_nearby(mention)
                    if nearby != UNATTRIBUTED and nearby != key:
                        return nearby
                latest = key == salient[-1]
                if latest and candidate.gender == "u" and mention.gender in ("m", "f"):
                    # "she" plainly meant the last speaker: a later "he" must look elsewhere.
                    candidate.gender = mention.gender
                return key
        return self.named_nearby(mention)

    def _object_of(self, pronoun: Mention) -> str | None:
        """The person a pronoun's own verb takes as its object ("she asked Sanders", "he told
        Hannity"), whom the pronoun cannot mean."""
        m = _PRONOUN_OBJECT.match(self.masked, pronoun.end)
        if m is None:
            return None
        named = classify(self.masked, m.start(1), m.end(1))
        if named is None or named.kind != "name":
            return None
        return self.reading.names.expand_for(named.name, named.gender)

    def _common_word(self, mention: Mention) -> bool:
        """A lone capitalised word opening a sentence that the article also writes in lower
        case ("Minutes after ...", "Behind Horowitz"): a common word, no one's name."""
        word = mention.name
        names = self.reading.names
        if (
            " " in word
            or mention.start not in self.reading.starts
            or is_first_name(word)
            or names.proper(word)
            or word.isupper()
        ):
            return False
        if names.common(word):
            return True
        # A word a place, a time or a participle qualifies at once ("Reports from the ground
        # confirmed", "Late in September ...") heads a common noun phrase; a name alone at a
        # sentence start is followed by its verb or a comma.
        if self.masked.startswith(word, mention.start) and _QUALIFIED.match(
            self.masked, mention.start + len(word)
        ):
            return True
        # Never met but at a sentence start, it names someone only as the subject of a verb
        # ("Politico reported", "Carson defied the question"); "Forget the polls" no one.
        return (
            _SAYS_NEXT.match(self.masked, mention.end) is None
            and _FINITE_VERB.match(self.masked, mention.end) is None
        )

    def named_nearby(self, pronoun: Mention) -> str:
        """With no salient person of its gender, "she" means the nearest person of that gender
        named just before it ("Christie described Hillary Clinton as a disgrace after she
        attacked ..."), earlier in the same sentence."""
        if pronoun.gender not in ("m", "f"):
            return UNATTRIBUTED
        lo = self.reading.sentences[self.reading.sentence_of(pronoun.start)][0]
        for run in reversed(list(NAME_RUN.finditer(self.masked, lo, pronoun.start))):
            mention = classify(self.masked, run.start(), run.end())
            if mention is None or mention.kind != "name" or len(mention.name.split()) < 2:
                continue
            full = self.reading.names.expand_for(mention.name, mention.gender)
            gender = mention.gender if mention.gender != "u" else first_name_gender(full.split()[0])
            if gender == pronoun.gender:
                entity = self.table.entity(mention)
                return UNATTRIBUTED if entity is None else entity.canonical
        return UNATTRIBUTED

    def note_subject(self, lo: int, hi: int, headline: bool) -> None:
        """Make the subject of a sentence without quotes salient for later pronouns, and then
        a person the sentence ends by introducing."""
        self._note_sentence_subject(lo, hi, headline)
        if not headline:
            self._note_introduction(lo, hi)

    def _note_introduction(self, lo: int, hi: int) -> None:
        """A person first met at the end of a sentence with a full name and a role ("...
        concerns Henry Crespo, president of the Florida Democratic Black Caucus.") is being
        introduced as the next source: the next "he" or "she" most likely means them."""
        m = _INTRODUCTION.search(self.masked, lo, hi)
        if m is None or self.reading.verbs(m.start(2), hi, False):
            return  # ", an official told TASS": the phrase after the comma is a clause
        mention = classify(self.masked, m.start(1), m.end(1))
        if mention is None or mention.kind != "name" or len(mention.name.split()) < 2:
            return
        if self.reading.names.expand(mention.name) in self.table.entities:
            return
        head = role_head(m.group(2))
        lead = m.group(2).lower().split()[:5]
        if head not in ROLE_NOUNS or head not in lead:
            return
        if any(w in _CLAUSE_WORDS for w in lead[: lead.index(head)]):
            return  # ", over the server she used as secretary of state": no apposition
        entity = self.table.entity(mention)
        if entity is not None:
            entity.person = True  # introduced with a role that only a person holds
            if entity.gender == "u" and ROLE_NOUNS[head] != "u":
                entity.gender = ROLE_NOUNS[head]
            self.table.make_salient(entity.canonical)

    def _verb_subject(self, lo: int, hi: int, headline: bool) -> Mention | None:
        """The subject of a sentence's first verb of saying ("..., noted NBC's Dante Chinni"
        after it), unless the verb is a participle after a comma."""
        verbs = self.reading.verbs(lo, hi, headline)
        if not verbs or (
            verbs[0].group().endswith("ing")
            and self.masked[lo : verbs[0].start()].rstrip().endswith(",")
        ):
            return None
        subject = subject_before(self.masked, lo, verbs[0].start())
        before = self.masked[lo : verbs[0].start()].rstrip()
        if subject is None and before.endswith(",") and verbs[0].group().lower() in VERB_FIRST:
            subject = object_after(self.masked, verbs[0].end(), hi)
        return subject

    def _note_sentence_subject(self, lo: int, hi: int, headline: bool) -> None:
        subject = self._verb_subject(lo, hi, headline)
        from_verb = subject is not None and not headline
        if subject is None:
            subject = leading_subject(self.reading, lo, hi)
        if subject is None or (subject.kind == "role" and subject.definite):
            # "The Republican nominee" names someone met before, whom we cannot tell.
            return
        if subject.kind == "name" and subject.name.isupper() and " " in subject.name:
            return  # a dateline such as "MIDWAY ATOLL"
        known = set(self.table.entities)
        speaker = self.resolve(subject)
        # A lone capitalised word opening a sentence is no evidence of a person, unless it is a
        # known first name ("Melanie thought the whole thing was outrageous.").
        several = len(speaker.split()) > 1 or len(subject.text.split()) > 1
        lone_name = (
            subject.kind == "name" and " " not in speaker and self._lone_name(speaker, subject)
        )
        if singled_out(subject):
            return
        entity = self.table.entities.get(speaker)
        # The subject of a verb of saying speaks; a proper name acting as a sentence's subject
        # ("Carson defied the question") is a person unless it is a place.
        if (
            entity is not None
            and subject.kind == "name"
            and not headline
            and (from_verb or (lone_name and not self.reading.names.is_place(speaker)))
        ):
            entity.person = True
        several = several or lone_name
        if from_verb or speaker in known or several or subject.kind != "name":
            self.table.make_salient(speaker)

    def _lone_name(self, speaker: str, subject: Mention) -> bool:
        """Whether a one-word subject is evidence of a name: a known first name, a word the
        article writes only capitalised, or a word a verb follows that is no common word or
        place."""
        names = self.reading.names
        return (
            is_first_name(speaker)
            or names.proper(speaker)
            or (
                _FINITE_VERB.match(self.masked, subject.end) is not None
                and _MEASURED.match(self.masked, subject.end) is None
                and not names.common(speaker)
                and not names.is_place(speaker)
            )
        )
