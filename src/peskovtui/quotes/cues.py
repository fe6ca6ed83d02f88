"""Cues that name a quote's speaker, each one function, tried in a fixed order.

The first cue that answers wins (``Cues.order``):

1. ``label``: a transcript line (``PENCE: Well, "..."``) or a label before the quote in its
   paragraph (``Jeffrey M. Jones, Gallup: "..."``);
2. ``asked-by``: a reported question's asker (``Asked by Zakaria whether "..."``);
3. ``before``, inverted: a verb of saying opening the sentence (``Said Peskov: "..."``);
4. ``after``: the cue right after the quote (``"...," Peskov said`` / ``said Peskov`` / ``he
   added``, a signature ``― Name``, a said closing the sentence, any verb after a quote closing
   on a comma as in ``"...," Trump barked``, a next sentence of nothing but ``Trump said.``),
   unless that cue ends in a colon and introduces the next quote;
5. ``owner``: a possessive owner of a claim (``her claim that she "..."``, ``Obama's "..."
   pledge``);
6. ``before``: the subject of the nearest verb of saying before the quote in its sentence
   (``Peskov said:``, ``Zakaria asked him,``, ``Peskov said the relations were "lousy"``), or
   of a sentence leading up to the quote with a colon or a statement issued;
7. ``according-to``: ``according to X`` or ``as X put it`` in the quote's sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container
from dataclasses import dataclass

from peskovtui.quotes.labels import label_before
from peskovtui.quotes.lexicon import words
from peskovtui.quotes.mentions import Mention, classify
from peskovtui.quotes.model import QuoteSpan
from peskovtui.quotes.phrases import object_after, subject_before
from peskovtui.quotes.reading import Reading
from peskovtui.quotes.speech_verbs import SPEECH_VERBS, VerbMatch
from peskovtui.quotes.subjects import leading_subject, plausible_source

_ASKED_BY = re.compile(r"\s*Asked\s+by\s+(.+?)\s+(?:what|whether|if|about|how|why|when|who|to)\b")
# Verbs of saying that may come before their subject after a quote ("...," declared Ms. Acs):
# past and third-person forms, less those that take an object there ("...," called Trump).
_OBJECT_TAKING = words(
    """
accused blamed blasted branded called cited condemned criticised criticized denounced
described dubbed hailed labeled labelled lauded mocked praised rated ridiculed slammed
termed thanked urged
"""
)
VERB_FIRST = (
    frozenset(
        v
        for v in SPEECH_VERBS
        if v.endswith(("ed", "es", "ds", "ks", "ts", "ys", "ns", "ls", "rs"))
        or v in ("said", "told", "wrote", "says", "tells", "writes", "read")
    )
    - _OBJECT_TAKING
)
_DASH_CUE = re.compile(r"[\s\u00a0]*[―—–]+[\s\u00a0]*")
_INVERTED = re.compile(
    r"\s*(?:Said|Says|Added|Adds|Asked|Wrote|Writes)\s+([^,:]{1,60}?)\s*[:,]\s*$"
)
_NEW_CLAUSE = re.compile(
    r"(?:but|and|or|while|as|because|although|though|when|after|before|so|yet|if|then)\b"
)
_LATER_CLAUSE = re.compile(
    r"\w[^_]*[,;]\s*(?:but|and|while|although|though|because|yet|whereas)\s+$"
)
_AS_PUT = (
    r"\s+(?:(?:has|had)\s+)?(?:puts?\s+it\b|(?:noted|notes|wrote|writes|observed|explained|said|"
    r"says|pointed\s+out|points\s+out)\b"
    r"[^,.;“”\"]{0,40},)"
)
_ACCORDING = re.compile(
    r"\b(?:according\s+to|per)\s+|\bas\s+(?=[^,.;“”\"]{1,60}?" + _AS_PUT + ")", re.IGNORECASE
)
# A preposition that takes a gerund of saying ("scolded him for suggesting").
_GERUND_AFTER = re.compile(r"\b(?:for|about|by|after|before|without|of|while|when|since)$")
_BOILERPLATE_LABEL = re.compile(
    r"(?:READ|WATCH|RELATED|UPDATE|PHOTOS?|VIDEO|EDITOR|CORRECTION|SOURCE|NOTE|MORE|LISTEN|"
    r"BREAKING|ADVERTISEMENT|ALSO|SEE|CLICK|FOLLOW|SUBSCRIBE|SIGN UP|TRENDING|TOPICS?)\b"
)
# A message put out ("issued a statement", "sent an email") before a quote that follows a comma.
_ISSUED = re.compile(
    r"\b(?:issued|released|put out|sent(?: out)?|posted|published|shared|tweeted|wrote|"
    r"gave|delivered)\s+(?:a|an|the|his|her|their|its)\s+(?:[\w-]+\s+)?(?:statement|tweet|"
    r"e-?mail|letter|message|post|note|memo|video|speech|response|reply)\b"
)
# A possessive before a noun of saying that governs a quote: "her claim that she “...”".
_CLAIM_NOUNS = (
    r"(?:claim|claims|assertion|contention|conclusion|insistence|argument|promise|pledge|vow|"
    r"warning|remark|remarks|comment|comments|words|description|charge|accusation|suggestion|"
    r"statement|boast|complaint|admission|assessment|prediction|view|belief)"
)
_POSSESSOR = r"(?:\b(his|her|their)|((?:[A-Z][\w.'’\-]*\s+){0,3}[A-Z][\w\-]*)['’]s?)"
# (the claim's content follows "that": "his claim that ... “...”"; "Trump's remarks were
# “hurtful”" judges the remarks, in someone else's words)
_OWNED_CLAIM = re.compile(
    _POSSESSOR + r"\s+(?:[a-z\-]+\s+){0,2}?" + _CLAIM_NOUNS + r"\s+that\s+[^_.;:!?]{0,80}$"
)
_OWNER_BEFORE = re.compile(_POSSESSOR + r"\s*[“\"‘]?$")
_CLAIM_AFTER = re.compile(r"[”\"’]?\s+" + _CLAIM_NOUNS + r"\b")
_POSSESSIVE_GENDER = {"his": "m", "her": "f", "their": "p"}
# A said closing a sentence: "..., he said." (found from the sentence's end: a pattern that
# also matched the words before it would be tried again from every word of the sentence)
_CLOSING_CUE = re.compile(
    r"(?:,|_[”\"’])\s+(he|she|they|(?:[A-Z][\w'’.\-]*\s+|[a-z]+\s+(?=[A-Z])){0,3}[A-Z][\w'’\-]*)\s+"
    r"(?:said|says|added|adds|wrote|writes|explained|noted|argued|recalled)\.?[\s\"”’]*$"
)
# A sentence of nothing but a speaker and a verb of saying: "Trump said."
_SAID_ALONE = re.compile(
    r"\s*(he|she|they|(?:[A-Z][\w'’.\-]*\s+){0,2}[A-Z][\w'’\-]*)\s+"
    r"(?:said|says|added|adds|wrote|writes)\.[\s\"”’]*$"
)
# A subject and a past tense ("Trump barked", "he surmised"), or the reverse ("beamed Donald
# Hartley of Madison"), right after a quote's closing mark.
_MANNER_AFTER = re.compile(
    r"(?:(?P<subject>[Hh]e|[Ss]he|[Tt]hey|(?:[Tt]he\s+)?(?:[A-Z][\w'’.\-]*\s+){0,3}[A-Z][\w'’\-]*|"
    r"[Tt]he\s+[a-z]+)\s+(?P<verb>[a-z]{3,}ed)|(?P<verb2>[a-z]{3,}ed)(?=\s+[A-Z]))(?=[\s.,;]|$)"
    # (a verb with an object quotes someone else: "NHK quoted the minister")
    r"(?!\s+(?:(?:the|a|an|his|her|him|them|its|their)\b|[A-Z]\w*\s+(?:as|that)\b))"
)
_LABEL = re.compile(r"[\"“]?\s*([A-Z][A-Z.'’\- ]{1,30}[A-Z]):\s")
_OPENS_AT = re.compile(r"\s*[\"“‘']$")


@dataclass(frozen=True, slots=True)
class Cue:
    """What a cue found: its kind, and the mention naming the speaker (None when the cue
    holds the quote but names no one the text can resolve)."""

    kind: str
    mention: Mention | None


class Cues:
    """The cues of one article. ``known`` holds the labels of the entities met so far."""

    def __init__(self, reading: Reading, known: Container[str]) -> None:
        self.reading = reading
        self.masked = reading.masked
        self.known = known
        # The documented order: the first cue that answers wins.
        self.order: tuple[Callable[[QuoteSpan, int, int, bool], Cue | None], ...] = (
            self.label,
            self.asked_by,
            self.inverted,
            self.after,
            self.owner,
            self.before,
            self.according,
        )

    def find(
        self, span: QuoteSpan, lo: int, limit: int, headline: bool
    ) -> tuple[Mention | None, str | None]:
        """The mention that attributes a quote in the sentence from ``lo``, and its cue."""
        for cue in self.order:
            found = cue(span, lo, limit, headline)
            if found is not None:
                return found.mention, found.kind
        return None, None

    def label(self, span: QuoteSpan, lo: int, limit: int, headline: bool) -> Cue | None:
        """A transcript line ("PENCE: Well, ...") gives every quote in it to the speaker; a
        label before the quote ("Name, Outlet: “...”") gives it that quote."""
        para = self.reading.paragraphs[span.paragraph]
        label = _LABEL.match(self.masked, para.start, para.end)
        if (
            label is not None
            and headline
            and not _OPENS_AT.match(self.masked, label.end(), span.open + 1)
        ):
            # A headline's capitals before a colon are its rubric ("AP EXPLAINS: What is the
            # 'nuclear option'?"), which names no speaker, not even by the verb inside it;
            # unless the quote follows at once ("PUTIN: “We will answer”").
            return Cue("label", None)
        if label is not None and not _BOILERPLATE_LABEL.match(label.group(1)):
            # (an acronym of three letters or fewer stays as it is: "CIA", "UN")
            name = " ".join(w if len(w) <= 3 else w.title() for w in label.group(1).split())
            return Cue("label", Mention("name", label.start(1), label.end(1), label.group(1), name))
        labelled = label_before(self.masked, para.start, span.open)
        if labelled is not None:
            mention = classify(self.masked, *labelled)
            if mention is not None and mention.kind in ("name", "role", "group"):
                return Cue("label", mention)
        return None

    def asked_by(self, span: QuoteSpan, lo: int, limit: int, headline: bool) -> Cue | None:
        """A reported question's asker: "Asked by Zakaria whether “...”"."""
        asked = _ASKED_BY.match(self.masked, lo, span.open)
        if asked is None or self.reading.verbs(asked.end(), span.open, headline):
            return None
        return Cue("asked-by", classify(self.masked, asked.start(1), asked.end(1)))

    def inverted(self, span: QuoteSpan, lo: int, limit: int, headline: bool) -> Cue | None:
        """A verb of saying opening the sentence before its subject: "Said Peskov: “...”"."""
        inverted = _INVERTED.match(self.masked, lo, span.open)
        if inverted is None:
            return None
        return Cue("before", classify(self.masked, inverted.start(1), inverted.end(1)))

    def after(self, span: QuoteSpan, lo: int, limit: int, headline: bool) -> Cue | None:
        """A cue right after the closing mark: "...," Peskov said / said Peskov / he added."""
        dash = _DASH_CUE.match(self.masked, span.close + 1, limit)
        if dash is not None:
            # A signature line: "...” ― Pamela Padilla
            m = re.match(r"[^.,;:()\n]*", self.masked[dash.end() : limit])
            if m is not None and m.end():
                mention = classify(self.masked, dash.end(), dash.end() + m.end())
                return None if mention is None else Cue("after", mention)
        mention = self._after_verb(span, limit, headline) or self._said_alone(span, limit)
        return None if mention is None else Cue("after", mention)

    def _said_alone(self, span: QuoteSpan, limit: int) -> Mention | None:
        """A quote closing its sentence, then a sentence of nothing but "Trump said.": a stop
        written where the comma belongs (“... missing.” Trump said.)."""
        reading = self.reading
        index = reading.sentence_of(span.close)
        if limit != reading.sentences[index][1] or self.masked[span.close + 1 : limit].strip():
            return None
        if index + 1 >= len(reading.sentences):
            return None
        lo, hi, para = reading.sentences[index + 1]
        if para != reading.sentences[index][2]:
            return None
        m = _SAID_ALONE.match(self.masked, lo, hi)
        return None if m is None else classify(self.masked, m.start(1), m.end(1))

    def _after_verb(self, span: QuoteSpan, limit: int, headline: bool) -> Mention | None:
        masked = self.masked
        lo = span.close + 1
        lead = re.match(r"[\s,]*", masked[lo:limit])
        offset = lo + (lead.end() if lead else 0)
        verbs = self.reading.verbs(offset, limit, headline)
        start, end, _ = self.reading.sentences[self.reading.sentence_of(lo)]
        if limit == end:
            closing = self._closing_cue(offset, limit, across_quotes=False)
        elif verbs or self.reading.verbs(start, span.open, headline):
            closing = None  # a verb of saying nearer the quote speaks for it
        else:
            # (past later quotes of the sentence: "... carry “weight” and bring “firepower”,
            # DFA spokesman Neil Sroka said.")
            closing = self._closing_cue(offset, end, across_quotes=True)
        mention = None if closing is None else classify(masked, closing.start(1), closing.end(1))
        if mention is not None:
            # "... was “stagnant” as donors waited, he said.": a cue closing the sentence
            # after a clause of the reporter's gives every quote in it to its subject.
            return mention
        if not verbs or verbs[0].start() > offset + 40:
            manner = self._manner_cue(span, offset, limit)
            if manner is not None:
                return manner
        for verb in verbs:
            if verb.start() - offset > 200:
                break
            low = verb.group().lower()
            tail = masked[verb.end() : verb.end() + 60]
            colon = re.match(r"[^_.]{0,40}:\s*[“\"«‘]", tail)
            if colon is not None and not self.reading.verbs(
                verb.end(), verb.end() + colon.end(), False
            ):
                return None  # "Peskov said:" introduces the quote that follows
            if verb.start() == offset:
                return object_after(masked, verb.end(), limit) if low in VERB_FIRST else None
            if low.startswith("according"):
                return None
            return self._subject_after(offset, verb.start(), verb.end(), low, limit)
        return None

    def _manner_cue(self, span: QuoteSpan, offset: int, limit: int) -> Mention | None:
        """A quote closing on a comma goes on to say who spoke, whatever the verb tells of the
        manner: "“Go back,” Trump barked", "“This is fantastic!” beamed Ann Berg"."""
        quoted = self.reading.text[span.start : span.end].rstrip()
        if not quoted.endswith((",", "!", "?")):
            return None
        m = _MANNER_AFTER.match(self.masked, offset, limit)
        if m is None:
            return None
        if m.group("subject"):
            mention = classify(self.masked, m.start("subject"), m.end("subject"))
        else:
            mention = object_after(self.masked, m.end("verb2"), limit)
        if mention is None or mention.kind not in ("name", "pronoun", "role"):
            return None
        return mention

    def _closing_cue(self, lo: int, hi: int, across_quotes: bool) -> re.Match[str] | None:
        """A said closing ``[lo, hi)`` after some words of the reporter's, which lie in one
        line and, unless ``across_quotes``, hold no other quote."""
        m = _CLOSING_CUE.search(self.masked, lo, hi)
        if m is None:
            return None
        before = self.masked[lo : m.start()].rsplit("\n" if across_quotes else "_", 1)[-1]
        return m if re.search(r"\w", before) else None

    def _subject_after(
        self, offset: int, verb_start: int, verb_end: int, low: str, limit: int
    ) -> Mention | None:
        """The speaker of a verb of saying some words after a quote's closing mark."""
        masked = self.masked
        between = masked[offset:verb_start].rstrip()
        if (
            low in ("said", "says")
            and between[:1].islower()
            and between.endswith(",")
            and between.count(",") == 1
        ):
            # "... “the beginning of the end” for the EU, said Geert Wilders"
            return object_after(masked, verb_end, limit)
        mention = subject_before(masked, offset, verb_start)
        if mention is not None and _NEW_CLAUSE.match(masked, offset, mention.start):
            return None  # "...," but Zakaria asked: a new clause, not this quote's cue
        if mention is not None and _LATER_CLAUSE.search(masked, offset, mention.start):
            return None  # "a mistake" to use email, but she denied: a later clause's verb
        return mention

    def owner(self, span: QuoteSpan, lo: int, limit: int, headline: bool) -> Cue | None:
        """Whose words a possessive says they are: "her claim that she “never sent ...”",
        "Comey's conclusion that her actions were “extremely careless”", "Obama's “if you
        like your plan” promise"."""
        claim = _OWNED_CLAIM.search(self.masked, lo, span.open)
        if claim is None:
            owner = _OWNER_BEFORE.search(self.masked, lo, span.open)
            if owner is None or _CLAIM_AFTER.match(self.masked, span.close + 1) is None:
                return None
            claim = owner
        if claim.group(1):
            # (a possessive pronoun is no subject classify reads, so its gender is set here)
            gender = _POSSESSIVE_GENDER[claim.group(1)]
            pronoun = Mention(
                "pronoun", claim.start(1), claim.end(1), claim.group(1), gender=gender
            )
            return Cue("owner", pronoun)
        mention = classify(self.masked, claim.start(2), claim.end(2))
        if mention is None or mention.kind not in ("name", "pronoun"):
            return None
        return Cue("owner", mention)

    def before(self, span: QuoteSpan, lo: int, limit: int, headline: bool) -> Cue | None:
        """The subject of the nearest verb of saying before the quote in its sentence, or of a
        sentence leading up to the quote with a colon or a statement issued."""
        mention = self.verb_subject(lo, span.open, headline)
        if mention is None:
            mention = self.colon_subject(lo, span.open, headline)
        return None if mention is None else Cue("before", mention)

    def verb_subject(self, lo: int, opener: int, headline: bool) -> Mention | None:
        """The subject of the nearest speech verb before ``opener`` in its sentence."""
        verbs = self.reading.verbs(lo, opener, headline)
        says = [k for k, v in enumerate(verbs) if v.group() in ("Says", "Say")]
        if headline and says:
            # "Obama Says Museum Will Tell of '...'": a title-case headline's "Says" is its
            # main verb; a verb after it belongs to what is said.
            verbs = verbs[: says[0] + 1]
        for k in range(len(verbs) - 1, -1, -1):
            verb = verbs[k]
            if verb.group().lower().startswith("according"):
                continue
            lead_in = self.masked[lo : verb.start()].rstrip()
            if verb.group().endswith("ing") and (
                lead_in.endswith(",") or _GERUND_AFTER.search(lead_in)
            ):
                # "..., arguing that": a participle shares the subject of the verb of saying
                # before it ("Nefzi said, adding, “...”"), else of its sentence; so does a
                # gerund after a preposition ("Priebus scolded Romney for suggesting", "she
                # talked about continuing").
                lead = self._finite_subject(lo, verbs[:k]) or leading_subject(
                    self.reading, lo, verb.start()
                )
                if lead is not None and plausible_source(self.reading, self.known, lead):
                    return lead
            mention = subject_before(self.masked, lo, verb.start())
            if mention is not None:
                return mention
        if verbs:
            return leading_subject(self.reading, lo, verbs[0].start())
        return None

    def _finite_subject(self, lo: int, verbs: list[VerbMatch]) -> Mention | None:
        """The subject of the last verb of saying in ``verbs`` that is no participle."""
        for verb in reversed(verbs):
            low = verb.group().lower()
            if low.endswith("ing") or low.startswith("according"):
                continue
            return subject_before(self.masked, lo, verb.start())
        return None

    def colon_subject(self, lo: int, opener: int, headline: bool) -> Mention | None:
        """A sentence that leads up to a quote with a colon gives it to its subject even with
        no verb of saying ("Rubio fired back: ...", "He also played up his strength: ..."), and
        so does one that issues a statement ("Trump issued a statement, ...")."""
        lead_up = self.masked[lo:opener].rstrip()
        if headline or not (
            lead_up.endswith(":") or (lead_up.endswith(",") and _ISSUED.search(lead_up))
        ):
            return None
        lead = leading_subject(self.reading, lo, opener)
        if lead is None or not plausible_source(self.reading, self.known, lead):
            return None
        return lead

    def according(self, span: QuoteSpan, lo: int, limit: int, headline: bool) -> Cue | None:
        """``according to X`` or ``as X put it`` in the quote's sentence."""
        hi = max(limit, span.open)
        m = _ACCORDING.search(self.masked, lo, hi)
        if m is None:
            return None
        if m.group().lower().startswith("as"):
            put = re.search(_AS_PUT, self.masked[m.end() : hi])
            if put is None:
                return None
            mention = classify(self.masked, m.end(), m.end() + put.start())
        else:
            mention = object_after(self.masked, m.end(), hi)
        return None if mention is None else Cue("according-to", mention)
