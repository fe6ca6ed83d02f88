"""Giving each quote its speaker: cues around the quote, pronouns, roles and continuations.

The cues are tried in a fixed order and the first that answers wins:

1. a reported question's asker (``Asked by Zakaria whether "..."``);
2. the cue right after the quote (``"...," Peskov said`` / ``said Peskov`` / ``he added``),
   unless that cue ends in a colon and introduces the next quote;
3. the subject of the nearest speech verb before the quote in its sentence (``Peskov said:``,
   ``Zakaria asked him,``, ``Peskov said the relations were "lousy"``);
4. ``according to X`` in the quote's sentence;
5. for a full quote, the speaker of the nearest earlier sentence of its paragraph that has one,
   and, when the quote opens its paragraph, of the previous paragraph (a continuation).

Pronouns resolve to the most recent salient entity of their gender (a speaker, the subject of
a sentence, or a person a sentence ends by introducing with name and role; never a name merely
mentioned, nor "one official" singled out of a crowd); ``the spokesman`` resolves to the person
introduced with that role, and an anonymous ``a top aide to Putin`` to the one named person the
article gives the same kind of role for the same man. Anything unresolved stays
``unattributed``; no name is ever made up.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from peskovtui.corpus.model import Paragraph
from peskovtui.quotes.labels import label_before
from peskovtui.quotes.lexicon import (
    DOCUMENTS,
    ORG_NOUNS,
    PLURAL_ROLE_NOUNS,
    ROLE_NOUNS,
    SPEECH_VERBS,
    VerbMatch,
    find_speech_verbs,
    first_name_gender,
    is_first_name,
    words,
)
from peskovtui.quotes.mentions import (
    CROWD_WORDS,
    NAME_RUN,
    Mention,
    classify,
    object_after,
    subject_before,
)
from peskovtui.quotes.model import UNATTRIBUTED, QuoteSpan
from peskovtui.quotes.names import NameTable
from peskovtui.quotes.roles import fits, names_body, qualifiers, role_words
from peskovtui.quotes.scanner import HEADLINE_ROLES, is_heading_quote
from peskovtui.quotes.sentences import mask_quotes, sentence_bounds

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
_VERB_FIRST = (
    frozenset(
        v
        for v in SPEECH_VERBS
        if v.endswith(("ed", "es", "ds", "ks", "ts", "ys", "ns", "ls", "rs"))
        or v in ("said", "told", "wrote", "says", "tells", "writes", "read")
    )
    - _OBJECT_TAKING
)
_INTRO = re.compile(
    r"\s*(?:[A-Z][a-z]+ing|[A-Z][a-z]+ly|[A-Z][a-z]+ed\s+(?:by|with|about|in|at|on|from|for|"
    r"after|over)\b|In|At|On|After|Before|During|Despite|Following|Asked|Answering|"
    r"Speaking|Earlier|Later|However|Meanwhile|Still|Yet|Instead|Since|When|While|As|With|Like|Unlike|"
    r"Without|For|From|Under|Over|Last|This|Then|Now|Today|Yesterday|"
    r"(?:Seconds|Minutes|Hours|Days|Weeks|Months|Years|Moments)\s+(?:after|before|later|earlier))\b"
)
_ROLE_SUBJECT = re.compile(
    r"\s*((?:The|the|A|An|a|an|My|my)\s+(?:[\w'’\-]+\s+){0,4}?(?:"
    + "|".join(sorted(ROLE_NOUNS, key=len, reverse=True))
    + r"))\b"
)
_ROLE_WORDS = "|".join(sorted(ROLE_NOUNS, key=len, reverse=True))
_NAME_SUBJECT = re.compile(
    r"\s*((?:(?:The|the)\s+)?(?:[a-z][\w\-]*\s+){0,2}?"
    r"(?:(?:[A-Z][\w'’.\-]*|of|for|" + _ROLE_WORDS + r")\s+){0,6}"
    r"[A-Z][\w'’.\-]*(?:\s+(?:" + "|".join(sorted(ORG_NOUNS)) + r"))?|[Hh]e|[Ss]he|They)\b"
    r"(?!\s+[A-Z])"
)
_DATELINE = re.compile(r"\s*[A-Z][A-Z.'’ ,]{2,40}(?:\([^)]{1,30}\))?\s*[—–-]{1,2}\s*")
_DASH_CUE = re.compile(r"[\s\u00a0]*[―—–]+[\s\u00a0]*")
_INVERTED = re.compile(
    r"\s*(?:Said|Says|Added|Adds|Asked|Wrote|Writes)\s+([^,:]{1,60}?)\s*[:,]\s*$"
)
# A role opening a sentence, then the name of the one holding it between commas.
_SAYS_NEXT = re.compile(
    r"\s+(?:[a-z]+ly\s+|also\s+|then\s+|later\s+|went\s+on\s+to\s+|has\s+|had\s+|was\s+)?"
    r"(?:" + "|".join(sorted(SPEECH_VERBS, key=len, reverse=True)) + r"|according|point(?:s|ed)?)\b"
)
_APPOSED_NAME = re.compile(
    r"\s*([^,.;:“”\"_]{3,60}?),\s+([A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){1,3}),\s+[a-z]"
)
_NEW_CLAUSE = re.compile(
    r"(?:but|and|or|while|as|because|although|though|when|after|before|so|yet|if|then)\b"
)
_ROLE_ANCHOR = re.compile(
    r"\s+(?:to|of|for)\s+((?:[A-Z][\w'’.\-]*\s+){0,4}[A-Z][\w'’\-]*?)(?:['’]s)?\b"
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
_BOILERPLATE_LABEL = re.compile(
    r"(?:READ|WATCH|RELATED|UPDATE|PHOTOS?|VIDEO|EDITOR|CORRECTION|SOURCE|NOTE|MORE|LISTEN|"
    r"BREAKING|ADVERTISEMENT|ALSO|SEE|CLICK|FOLLOW|SUBSCRIBE|SIGN UP|TRENDING|TOPICS?)\b"
)
_THAT = re.compile(r"\s+that\b")
_ACRONYM = re.compile(r"[A-Z]{2,6}")
# The body a document comes from: "a statement from the White House", "a report by HRW".
_ISSUED_BY = re.compile(
    r"\s+(?:from|by|of|issued by|released by|published by)\s+((?:the\s+)?[A-Z][\w.'’&\-]*"
    r"(?:\s+(?:[A-Z][\w.'’&\-]*|of|for|on|and)){0,6}(?:['’]s\s+[a-z]+)?)"
)
# A group a later "one said" may belong to: officials, voters, users, protesters.
_PLURAL_NOUN = re.compile(
    r"\b(" + "|".join(sorted(PLURAL_ROLE_NOUNS)) + r"|[a-z]+(?:ers|ists|ants|ents|ians|ors))\b"
)
# A message put out ("issued a statement", "sent an email") before a quote that follows a comma.
_ISSUED = re.compile(
    r"\b(?:issued|released|put out|sent(?: out)?|posted|published|shared|tweeted|wrote|"
    r"gave|delivered)\s+(?:a|an|the|his|her|their|its)\s+(?:[\w-]+\s+)?(?:statement|tweet|"
    r"e-?mail|letter|message|post|note|memo|video|speech|response|reply)\b"
)
# A word after a sentence's first word that reads as its verb ("Carson defied", "Pate has"):
# the first word is then the subject, a name, and not an adverb ("Rather, he ...").
_FINITE_VERB = re.compile(r"\s+(?:[a-z]+(?:ed|es)|has|had|is|was|will|would|could|can|did|does)\b")
# Cues where a name is said to speak: whoever speaks is a person (or a body, which "it" names).
_SPEAKING_CUES = frozenset(["after", "before", "label", "asked-by"])
# A pronoun, its verb and the name the verb takes: "he told Hannity", "she asked Sanders".
_PRONOUN_OBJECT = re.compile(
    r"(?:\s+(?:[a-z]+ly|also|then|later))?\s+[a-z]+(?:ed|ld|id|ote|ked|es|ls|ks|s)\s+"
    r"((?:[A-Z][\w'’\-]*\s+){0,2}[A-Z][\w'’\-]*)\b(?!['’])"
)
_MEDIA_NOUNS = words("media television tv radio press citizen national state-run state-owned")
# A definite description that varies a name already given ("the Wisconsin Republican",
# "the 43-year-old former congressman", "the retired neurosurgeon").
_VARIATION = re.compile(r"\b(?:[A-Z][a-z]+|\d+-year-old|former|retired|veteran|longtime)\b")
# Words describing a person whatever office they hold.
_DESCRIPTORS = words("republican democrat billionaire mogul tycoon veteran")
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
_CLOSING_CUE = re.compile(
    r"\w[^_]*,\s+(he|she|they|(?:[A-Z][\w'’.\-]*\s+){0,2}[A-Z][\w'’\-]*)\s+"
    r"(?:said|says|added|adds|wrote|writes|explained|noted|argued|recalled)\.?[\s\"”’]*$"
)
_NEXT_WORD = re.compile(r"[ \u00a0]+([a-z][a-z\-]*)\b(?![’'])")
_SHARES = CROWD_WORDS | {"those", "percent"}
_LABEL = re.compile(r"[\"“]?\s*([A-Z][A-Z.'’\- ]{1,30}[A-Z]):\s")


@dataclass(slots=True)
class Entity:
    """A speaker candidate of one article: a person, an anonymous role, or a group."""

    canonical: str
    gender: str
    kind: str
    roles: set[str] = field(default_factory=set)
    # Role phrases a named person is introduced with ("Putin spokesman"); for an anonymous
    # role, the name it is a role of ("a top aide to Vladimir Putin" → "Putin").
    descriptions: set[str] = field(default_factory=set)
    anchor: str | None = None
    # Evidence that a name is a person's (a first name, a title, a role, words said): "he" and
    # "she" never resolve to a capitalised word that may be a place, a firm or a headline word.
    person: bool = False
    named: bool = False  # met by name, not only by a role or a description
    in_body: bool = False  # met outside the headlines, whose title case passes for names
    proper: bool = False  # a body met by its name ("Reuters", "the Foreign Ministry")


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
        self.text = text
        self.paragraphs = paragraphs
        self.spans = list(spans)
        self.masked = mask_quotes(text, self.spans)
        self.sentences = sentence_bounds(self.masked, paragraphs)
        self._starts = [s[0] for s in self.sentences]
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
        self.entities: dict[str, Entity] = {}
        self.salient: list[str] = []
        self.role_holder: dict[str, str] = {}
        self.issued: dict[str, Entity] = {}  # a document's noun → who issued the last one

    # -- entities -------------------------------------------------------------------------
    def _entity(self, mention: Mention) -> Entity | None:
        """The entity a non-pronoun mention stands for, registering it on first sight."""
        entity = self._register(mention)
        if entity is not None and not entity.in_body:
            para = self.paragraphs[self._paragraph_of(mention.start)]
            entity.in_body = para.role not in HEADLINE_ROLES
        return entity

    def _paragraph_of(self, pos: int) -> int:
        return self.sentences[self._sentence_of(pos)][2]

    def _register(self, mention: Mention) -> Entity | None:
        if mention.kind == "name" and " " not in mention.name and self.names.plural(mention.name):
            # "Muslims", "Democrats": a group of people, whom "he" or "she" never means
            return self.entities.setdefault(mention.name, Entity(mention.name, "p", "group"))
        if mention.kind == "name":
            gender = mention.gender
            canonical = self.names.expand_for(mention.name, gender)
            if gender == "u":
                gender = first_name_gender(canonical.split()[0])
            entity = self.entities.get(canonical)
            if entity is None:
                entity = Entity(canonical, gender, "person")
                self.entities[canonical] = entity
            elif entity.gender == "u":
                entity.gender = gender
            if not entity.person:
                speaks = canonical in self.speaking and not self.names.is_place(canonical)
                entity.person = speaks or self.names.is_person(
                    canonical, mention.gender, bool(mention.role)
                )
            entity.named = True
            if mention.role:
                head = role_head(mention.role)
                entity.roles |= role_words(mention.role) or {head}
                entity.descriptions.add(mention.role)
                self.role_holder[head] = canonical
            return entity
        if mention.kind == "role":
            if mention.definite:
                holder = self._holder(mention)
                if holder is None and mention.head in self.role_holder:
                    holder = self.entities[self.role_holder[mention.head]]
                if holder is None and _VARIATION.search(mention.text, len(mention.text.split()[0])):
                    holder = self._protagonist(mention)
                if holder is not None:
                    return holder
            canonical = _bare(mention.text)
            anchor = None if mention.definite else _ROLE_ANCHOR.match(self.masked, mention.end)
            if anchor is not None:
                # "A spokesman for Platte River": whose role it is belongs to the label
                canonical += self.masked[mention.end : anchor.end()]
            if mention.head in ("one", "another"):
                canonical = self._one_of(mention)
            entity = self.entities.get(canonical)
            if entity is None:
                entity = Entity(canonical, mention.gender, "person", {mention.head}, person=True)
                self.entities[canonical] = entity
                self.role_holder.setdefault(mention.head, canonical)
                if anchor is not None:
                    entity.anchor = anchor.group(1).split()[-1]
            return entity
        if mention.kind == "group":
            if mention.head in DOCUMENTS:
                issuer = self._issuer(mention)
                if issuer is not None:
                    self.issued[mention.head] = issuer
                    return issuer
                if mention.definite and mention.head in self.issued:
                    return self.issued[mention.head]  # "the statement" issued by a body named
            if mention.definite:
                body = self._body(mention)
                if body is not None:
                    return body
            canonical = _bare(mention.text)
            entity = self.entities.get(canonical)
            if entity is None:
                entity = Entity(canonical, mention.gender, "group")
                self.entities[canonical] = entity
            entity.proper = entity.proper or self._proper_body(mention)
            return entity
        return None

    def _proper_body(self, mention: Mention) -> bool:
        """Whether a group is a body met by its name: its head word capitalised, and not only
        as a sentence's first word ("Reuters said", not "Officials said", "Ministry officials")."""
        if mention.head in CROWD_WORDS:
            return False  # "Some", "Others": a share of people, never a body's name
        found = list(re.finditer(rf"\b{re.escape(mention.head)}\b", mention.text, re.IGNORECASE))
        if not found or not found[-1].group()[:1].isupper():
            return False
        word = found[-1].group()
        if _ACRONYM.fullmatch(word) or mention.start + found[-1].start() not in self._starts:
            return True
        return word.lower() not in ORG_NOUNS and word.lower() not in PLURAL_ROLE_NOUNS

    def _issuer(self, mention: Mention) -> Entity | None:
        """Who issued a document a sentence gives as speaking: "the White House's statement",
        "a statement from Sharif's office", "a report by Human Rights Watch"."""
        owner = re.match(r"\s*(?:[Tt]he\s+)?(.+?)['’]s?\s+(?:[\w-]+\s+)?\w+$", mention.text)
        if owner is not None and owner.group(1)[:1].isupper():
            start = mention.start + owner.start(1)
            named = classify(self.masked, start, start + len(owner.group(1)))
        else:
            # "a statement from the White House": in the mention, or just after it.
            after = _ISSUED_BY.search(self.masked, mention.start, mention.end)
            after = after or _ISSUED_BY.match(self.masked, mention.end)
            if after is None:
                return None
            named = classify(self.masked, after.start(1), after.end(1))
        if named is None or named.kind not in ("name", "group") or named.head in DOCUMENTS:
            return None
        return self._entity(named)

    def _one_of(self, mention: Mention) -> str:
        """A label for "one" or "another" who speaks: one of the group the last sentences name
        ("Two officials described the talks. ... one said" is one official)."""
        lo = self.sentences[max(0, self._sentence_of(mention.start) - 2)][0]
        groups = list(_PLURAL_NOUN.finditer(self.masked, lo, mention.start))
        word = mention.text.strip().capitalize()
        if not groups:
            return f"{word} unnamed source"
        plural = groups[-1].group(1).lower()
        single = {"police": "police officer", "people": "person"}.get(plural)
        if single is None:
            single = plural[:-3] + "y" if plural.endswith("ies") else plural.removesuffix("s")
        return f"{word} {single}"

    def _protagonist(self, description: Mention) -> Entity | None:
        """The person a description varying a name means ("the Wisconsin Republican", "the
        54-year-old"): the latest salient person named in full, by a first name, of the
        description's gender if it has one, and holding no office the description's noun
        does not fit ("the Iowa governor" is no senator). Else None: the role stays a role."""
        gender = description.gender
        for key in reversed(self.salient):
            entity = self.entities[key]
            if not (entity.named and " " in key and is_first_name(key.split()[0])):
                continue
            if not any(_agrees(entity, g) for g in ((gender,) if gender in "mf" else ("m", "f"))):
                continue
            if description.head in _DESCRIPTORS or not entity.roles:
                return entity
            return entity if fits(description.head, entity.roles) else None
        return None

    def _by_salience(self) -> list[Entity]:
        """The article's entities, the most recently salient first."""
        recent = list(dict.fromkeys(reversed(self.salient)))
        rest = [k for k in self.entities if k not in recent]
        return [self.entities[k] for k in (*recent, *reversed(rest))]

    def _holder(self, mention: Mention) -> Entity | None:
        """The named person a definite role ("the senator", "the Texas senator") describes:
        the latest one given that role whose descriptions hold its qualifiers."""
        narrowed = qualifiers(mention.text, mention.head)
        for entity in self._by_salience():
            if not entity.named or not fits(mention.head, entity.roles):
                continue
            said = " ".join([entity.canonical, *entity.descriptions])
            if all(q in said for q in narrowed):
                return entity
        for start, name, titles in reversed(self.names.mentioned):
            # A titled name met before, though never as a subject.
            if start >= mention.start or not titles:
                continue
            held = role_words(titles)
            said = f"{titles} {name}"
            if fits(mention.head, held) and all(q in said for q in narrowed):
                named = Mention("name", start, start + len(said), said, name=name, role=titles)
                return self._entity(named)
        return None

    def _body(self, mention: Mention) -> Entity | None:
        """The named body a definite description ("the ministry", "the newspaper") names; its
        capitalised words must be in that name ("the German government" is no UK government),
        and a proper name ("The World Happiness Report") is a body of its own."""
        narrowed = qualifiers(mention.text, mention.head)
        for entity in self._by_salience():
            name = entity.canonical
            tokens = name.split()
            if (
                name.lower() == _bare(mention.text).lower()
                or not (entity.named or entity.kind == "group")
                or not entity.in_body
                or tokens[0] in ("A", "An")
                or len(tokens) > 4
                or not all(q in name for q in narrowed)
            ):
                continue
            if names_body(mention.text, mention.head, name, role_head(name)):
                return entity
        for start, name, titles in reversed(self.names.mentioned):
            # A body's name met before, though never as a subject.
            if start >= mention.start or titles or len(name.split()) > 4:
                continue
            if names_body(mention.text, mention.head, name, role_head(name)):
                entity = self.entities.setdefault(name, Entity(name, "n", "group", named=True))
                entity.in_body = True
                return entity
        return None

    def _resolve(self, mention: Mention) -> str:
        """The canonical speaker for a mention, or ``unattributed``."""
        if mention.kind == "pronoun":
            if mention.gender == "x":
                return UNATTRIBUTED
            own_object = self._object_of(mention)
            for key in reversed(self.salient):
                candidate = self.entities[key]
                if key == own_object:
                    continue  # "he told Hannity" is never Hannity
                if _agrees(candidate, mention.gender):
                    if candidate.gender == "u" and not candidate.roles and mention.gender in "mf":
                        # A person of the pronoun's known gender named earlier in its sentence
                        # comes before one of unknown gender ("Chris Christie described Hillary
                        # Clinton as ... after she").
                        nearby = self._named_nearby(mention)
                        if nearby != UNATTRIBUTED and nearby != key:
                            return nearby
                    latest = key == self.salient[-1]
                    if latest and candidate.gender == "u" and mention.gender in ("m", "f"):
                        # "she" plainly meant the last speaker: a later "he" must look elsewhere.
                        candidate.gender = mention.gender
                    return key
            return self._named_nearby(mention)
        if mention.kind == "name" and self._common_word(mention):
            return UNATTRIBUTED
        entity = self._entity(mention)
        return UNATTRIBUTED if entity is None else entity.canonical

    def _object_of(self, pronoun: Mention) -> str | None:
        """The person a pronoun's own verb takes as its object ("she asked Sanders", "he told
        Hannity"), whom the pronoun cannot mean."""
        m = _PRONOUN_OBJECT.match(self.masked, pronoun.end)
        if m is None:
            return None
        named = classify(self.masked, m.start(1), m.end(1))
        if named is None or named.kind != "name":
            return None
        return self.names.expand_for(named.name, named.gender)

    def _common_word(self, mention: Mention) -> bool:
        """A lone capitalised word opening a sentence that the article also writes in lower
        case ("Minutes after ...", "Behind Horowitz"): a common word, no one's name."""
        word = mention.name
        if (
            " " in word
            or mention.start not in self._starts
            or is_first_name(word)
            or self.names.proper(word)
            or word.isupper()
        ):
            return False
        if self.names.common(word):
            return True
        # Never met but at a sentence start, it names someone only as the subject of a verb
        # ("Politico reported", "Carson defied the question"); "Forget the polls" no one.
        return (
            _SAYS_NEXT.match(self.masked, mention.end) is None
            and _FINITE_VERB.match(self.masked, mention.end) is None
        )

    def _named_nearby(self, pronoun: Mention) -> str:
        """With no salient person of its gender, "she" means the nearest person of that gender
        named just before it ("Christie described Hillary Clinton as a disgrace after she
        attacked ..."), earlier in the same sentence."""
        if pronoun.gender not in ("m", "f"):
            return UNATTRIBUTED
        lo = self.sentences[self._sentence_of(pronoun.start)][0]
        for run in reversed(list(NAME_RUN.finditer(self.masked, lo, pronoun.start))):
            mention = classify(self.masked, run.start(), run.end())
            if mention is None or mention.kind != "name" or len(mention.name.split()) < 2:
                continue
            full = self.names.expand_for(mention.name, mention.gender)
            gender = mention.gender if mention.gender != "u" else first_name_gender(full.split()[0])
            if gender == pronoun.gender:
                entity = self._entity(mention)
                return UNATTRIBUTED if entity is None else entity.canonical
        return UNATTRIBUTED

    def _note_subject(self, lo: int, hi: int, headline: bool) -> None:
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
        if m is None or self._verbs(m.start(2), hi, False):
            return  # ", an official told TASS": the phrase after the comma is a clause
        mention = classify(self.masked, m.start(1), m.end(1))
        if mention is None or mention.kind != "name" or len(mention.name.split()) < 2:
            return
        if self.names.expand(mention.name) in self.entities:
            return
        head = role_head(m.group(2))
        lead = m.group(2).lower().split()[:5]
        if head not in ROLE_NOUNS or head not in lead:
            return
        if any(w in _CLAUSE_WORDS for w in lead[: lead.index(head)]):
            return  # ", over the server she used as secretary of state": no apposition
        entity = self._entity(mention)
        if entity is not None:
            entity.person = True  # introduced with a role that only a person holds
            if entity.gender == "u" and ROLE_NOUNS[head] != "u":
                entity.gender = ROLE_NOUNS[head]
            self._make_salient(entity.canonical)

    def _note_sentence_subject(self, lo: int, hi: int, headline: bool) -> None:
        verbs = self._verbs(lo, hi, headline)
        subject = None
        if verbs and not (
            verbs[0].group().endswith("ing")
            and self.masked[lo : verbs[0].start()].rstrip().endswith(",")
        ):
            subject = subject_before(self.masked, lo, verbs[0].start())
            before = self.masked[lo : verbs[0].start()].rstrip()
            if subject is None and before.endswith(",") and verbs[0].group().lower() in _VERB_FIRST:
                # "..., noted NBC's Dante Chinni."
                subject = object_after(self.masked, verbs[0].end(), hi)
        from_verb = subject is not None and not headline
        if subject is None:
            subject = self._leading_subject(lo, hi)
        if subject is None or (subject.kind == "role" and subject.definite):
            # "The Republican nominee" names someone met before, whom we cannot tell.
            return
        if subject.kind == "name" and subject.name.isupper() and " " in subject.name:
            return  # a dateline such as "MIDWAY ATOLL"
        known = set(self.entities)
        speaker = self._resolve(subject)
        # A lone capitalised word opening a sentence is no evidence of a person, unless it is a
        # known first name ("Melanie thought the whole thing was outrageous.").
        several = len(speaker.split()) > 1 or len(subject.text.split()) > 1
        lone_name = (
            subject.kind == "name"
            and " " not in speaker
            and (
                is_first_name(speaker)
                or self.names.proper(speaker)
                or (
                    _FINITE_VERB.match(self.masked, subject.end) is not None
                    and not self.names.common(speaker)
                    and not self.names.is_place(speaker)
                )
            )
        )
        if _singled_out(subject):
            return
        entity = self.entities.get(speaker)
        # The subject of a verb of saying speaks; a proper name acting as a sentence's subject
        # ("Carson defied the question") is a person unless it is a place.
        if (
            entity is not None
            and subject.kind == "name"
            and not headline
            and (from_verb or (lone_name and not self.names.is_place(speaker)))
        ):
            entity.person = True
        several = several or lone_name
        if from_verb or speaker in known or several or subject.kind != "name":
            self._make_salient(speaker)

    def _make_salient(self, speaker: str) -> None:
        if speaker != UNATTRIBUTED and speaker in self.entities:
            if self.salient and self.salient[-1] == speaker:
                return
            self.salient.append(speaker)

    # -- cues -----------------------------------------------------------------------------
    def _sentence_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self._starts, pos) - 1)

    def _verbs(self, lo: int, hi: int, headline: bool) -> list[VerbMatch]:
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

    def _after_cue(self, span: QuoteSpan, limit: int, headline: bool) -> Mention | None:
        """A cue right after the closing mark: "...," Peskov said / said Peskov / he added."""
        lo = span.close + 1
        masked = self.masked
        seg = masked[lo:limit]
        dash = _DASH_CUE.match(seg)
        if dash is not None:
            # A signature line: "...” ― Pamela Padilla
            m = re.match(r"[^.,;:()\n]*", masked[lo + dash.end() : limit])
            if m is not None and m.end():
                return classify(masked, lo + dash.end(), lo + dash.end() + m.end())
        lead = re.match(r"[\s,]*", seg)
        offset = lo + (lead.end() if lead else 0)
        closing = _CLOSING_CUE.search(masked, offset, limit)
        if closing is not None and limit == self.sentences[self._sentence_of(lo)][1]:
            # "... was “stagnant” as donors waited, he said.": a cue closing the sentence
            # after a clause of the reporter's gives every quote in it to its subject.
            return classify(masked, closing.start(1), closing.end(1))
        for verb in self._verbs(offset, limit, headline):
            if verb.start() - offset > 200:
                break
            low = verb.group().lower()
            tail = masked[verb.end() : verb.end() + 60]
            colon = re.match(r"[^_.]{0,40}:\s*[“\"«‘]", tail)
            if colon is not None and not self._verbs(verb.end(), verb.end() + colon.end(), False):
                return None  # "Peskov said:" introduces the quote that follows
            if verb.start() == offset:
                if low not in _VERB_FIRST:
                    return None
                return object_after(masked, verb.end(), limit)
            if low.startswith("according"):
                return None
            between = masked[offset : verb.start()].rstrip()
            if (
                low in ("said", "says")
                and between[:1].islower()
                and between.endswith(",")
                and between.count(",") == 1
            ):
                # "... “the beginning of the end” for the EU, said Geert Wilders"
                return object_after(masked, verb.end(), limit)
            mention = subject_before(masked, offset, verb.start())
            if mention is not None and _NEW_CLAUSE.match(masked, offset, mention.start):
                return None  # "...," but Zakaria asked: a new clause, not this quote's cue
            if mention is not None and _LATER_CLAUSE.search(masked, offset, mention.start):
                return None  # "a mistake" to use email, but she denied: a later clause's verb
            return mention
        return None

    def _before_cue(self, lo: int, opener: int, headline: bool) -> Mention | None:
        """The subject of the nearest speech verb before the quote in its sentence."""
        verbs = self._verbs(lo, opener, headline)
        for verb in reversed(verbs):
            if verb.group().lower().startswith("according"):
                continue
            if verb.group().endswith("ing") and self.masked[lo : verb.start()].rstrip().endswith(
                ","
            ):
                # "..., arguing that": a participle shares the subject of its sentence.
                lead = self._leading_subject(lo, verb.start())
                if lead is not None and self._plausible_source(lead):
                    return lead
            mention = subject_before(self.masked, lo, verb.start())
            if mention is not None:
                return mention
        if verbs:
            return self._leading_subject(lo, verbs[0].start())
        return None

    def _leading_subject(self, lo: int, hi: int) -> Mention | None:
        """The subject at the head of a sentence, past an introductory phrase."""
        seg = self.masked[lo:hi]
        dateline = _DATELINE.match(seg)
        if dateline is not None:
            # "MIDWAY ATOLL — President Obama ...": the dateline is not the subject.
            lo += dateline.end()
            seg = seg[dateline.end() :]
        apposed = _APPOSED_NAME.match(seg)
        if apposed is not None and role_head(apposed.group(1)) in ROLE_NOUNS:
            # "Kazakhstan's foreign minister, Erlan Idrissov, plays down ...": the name
            named = classify(self.masked, lo + apposed.start(2), lo + apposed.end(2))
            if named is not None and named.kind == "name" and " " in named.name:
                return replace(named, role=named.role or apposed.group(1).strip())
        commas = [m.end() for m in re.finditer(r", ", seg)][:3]
        # After an introduction ("Chastened by the analyses, as well as complaints, Trump
        # revised") the subject follows one of the commas that close it.
        starts = commas if _INTRO.match(seg) else [0, *commas[:1]]
        for s in starts:
            m = _ROLE_SUBJECT.match(seg[s:]) or _NAME_SUBJECT.match(seg[s:])
            if m:
                mention = classify(self.masked, lo + s + m.start(1), lo + s + m.end(1))
                if mention is not None and self._modifier(mention):
                    return None  # "Russian citizen Alexander Lapshin", "State media"
                if mention is not None and mention.kind != "relative":
                    return mention
        opener = re.match(r"\s*[\"“]", seg)
        if opener is not None:
            # A paragraph of a long excerpt opens with a mark that the excerpt never closes
            # ("Melanie thought ...): past it, only a plain person's name is taken.
            m = _NAME_SUBJECT.match(seg, opener.end())
            if m:
                mention = classify(self.masked, lo + m.start(1), lo + m.end(1))
                if mention is not None and mention.kind == "name":
                    first = self.names.expand(mention.name).split()[0]
                    if is_first_name(first):
                        return mention
        return None

    def _modifier(self, mention: Mention) -> bool:
        """Whether a lone capitalised word is only the first word of a longer subject: a noun
        of people or bodies follows it ("Russian citizen", "State media", "Finance ministers"),
        and it is no known first name."""
        if mention.kind not in ("name", "group") or " " in mention.text.strip():
            return False
        if not mention.text[:1].isupper() or is_first_name(mention.text):
            return False
        nxt = _NEXT_WORD.match(self.masked, mention.end)
        if nxt is None:
            return False
        word = nxt.group(1)
        single = word[:-1] if word.endswith("s") else word
        return (
            word in PLURAL_ROLE_NOUNS
            or word in _MEDIA_NOUNS
            or single in ORG_NOUNS
            or single in ROLE_NOUNS
            or single in _MEDIA_NOUNS
        )

    def _plausible_source(self, mention: Mention) -> bool:
        """Whether a sentence subject can be a source: a person, a role, or a known body."""
        if mention.kind in ("pronoun", "role"):
            return mention.gender != "x"
        if mention.kind == "name":
            full = self.names.expand(mention.name)
            return len(full.split()) > 1 or full in self.entities
        if mention.kind == "group":
            return mention.head in ORG_NOUNS or mention.head in PLURAL_ROLE_NOUNS
        return False

    def _according(self, lo: int, hi: int) -> Mention | None:
        m = _ACCORDING.search(self.masked, lo, hi)
        if m is None:
            return None
        if m.group().lower().startswith("as"):
            put = re.search(_AS_PUT, self.masked[m.end() : hi])
            if put is None:
                return None
            return classify(self.masked, m.end(), m.end() + put.start())
        return object_after(self.masked, m.end(), hi)

    def _sentence_speaker(
        self, index: int, done: dict[int, str], results: list[Attribution]
    ) -> tuple[str, Mention | None] | None:
        """The speaker a sentence gives (with the mention naming them): of its quotes, else the
        subject of its speech verb."""
        lo, hi, para = self.sentences[index]
        for k, span in enumerate(self.spans):
            # A quote opened in an earlier paragraph may close in this sentence, with its cue.
            inside = lo <= span.open < hi or lo <= span.close < hi
            if inside and done.get(k, UNATTRIBUTED) != UNATTRIBUTED:
                return done[k], results[k].mention
        headline = self.paragraphs[para].role in HEADLINE_ROLES
        verbs = self._verbs(lo, hi, headline)
        mention = self._before_cue(lo, verbs[-1].end(), headline) if verbs else None
        if mention is None:
            mention = self._colon_subject(lo, hi, headline)
        if mention is not None and not _share(mention):
            # (a share of a crowd, "Some argue ...", speaks only its own sentence's words)
            speaker = self._resolve(mention)
            if speaker != UNATTRIBUTED:
                return speaker, mention
        return None

    # -- main loop ------------------------------------------------------------------------
    def attribute(self) -> list[Attribution]:
        """One attribution per span, in span order."""
        results: list[Attribution] = [Attribution()] * len(self.spans)
        done: dict[int, str] = {}
        by_sentence: dict[int, list[int]] = {}
        for k, span in enumerate(self.spans):
            by_sentence.setdefault(self._sentence_of(span.open), []).append(k)
        for s_index, (lo, hi, para) in enumerate(self.sentences):
            headline = self.paragraphs[para].role in HEADLINE_ROLES
            for k in by_sentence.get(s_index, []):
                span = self.spans[k]
                prev_close = max(
                    (self.spans[j].close + 1 for j in by_sentence[s_index] if j < k), default=lo
                )
                next_open = min(
                    (self.spans[j].open for j in by_sentence[s_index] if j > k), default=None
                )
                end_sentence = self.sentences[self._sentence_of(span.close)][1]
                limit = end_sentence if next_open is None else min(next_open, end_sentence)
                mention, cue = self._find_mention(span, lo, limit, headline)
                speaker = UNATTRIBUTED
                if mention is not None and mention.kind == "pronoun":
                    # "The Council ... what it called": the sentence's own subject comes first.
                    lead = self._leading_subject(lo, mention.start)
                    unknown_role = (
                        lead is not None
                        and lead.kind == "role"
                        and lead.definite
                        and self._holder(lead) is None
                    )
                    if (
                        lead is not None
                        and lead.kind != "pronoun"
                        and not unknown_role
                        and lead.end <= mention.start
                    ):
                        entity = self._entity(lead)
                        if entity is not None and _agrees(entity, mention.gender):
                            speaker = entity.canonical
                            if (
                                lead.kind == "name"
                                and entity.gender == "u"
                                and mention.gender in "mf"
                            ):
                                nearby = self._named_nearby(mention)
                                speaker = speaker if nearby == UNATTRIBUTED else nearby
                if mention is not None and speaker == UNATTRIBUTED:
                    speaker = self._resolve(mention)
                elif prev_close > lo:
                    between = self.masked[prev_close : span.open]
                    if re.fullmatch(r"[\s,;]*(?:and|or|but also|but)?[\s,]*", between):
                        speaker = done.get(k - 1, UNATTRIBUTED)
                        mention, cue = results[k - 1].mention, results[k - 1].cue
                if (
                    speaker == UNATTRIBUTED
                    and mention is None
                    and self._is_full(span)
                    and not is_heading_quote(self.text, span, self.paragraphs[span.paragraph])
                ):
                    # The cue that attributes the earlier words attributes these too.
                    speaker, mention = self._carry(s_index, span, done, results)
                    cue = "continuation" if mention is not None else None
                if speaker == UNATTRIBUTED and mention is None and not self._is_full(span):
                    # Words embedded in a sentence with no verb of saying (called him a "con
                    # artist", likened it to "burning") belong to the sentence's subject; the
                    # cue says so, so a reader can weigh it.
                    subject = self._leading_subject(lo, span.open)
                    if subject is not None and self._plausible_source(subject) and not headline:
                        candidate = self._resolve(subject)
                        if candidate != UNATTRIBUTED:
                            speaker, mention, cue = candidate, subject, "subject"
                done[k] = speaker
                role = mention.role if mention is not None else None
                if speaker != UNATTRIBUTED:
                    entity = self.entities.get(speaker)
                    if role is None and entity is not None and mention is not None:
                        role = mention.text if mention.kind == "role" else None
                if speaker == UNATTRIBUTED:
                    cue = None
                results[k] = Attribution(speaker, mention, role, cue)
                if (
                    cue in _SPEAKING_CUES
                    and speaker in self.entities
                    and not self.names.is_place(speaker)
                ):
                    self.entities[speaker].person = True
                if not _singled_out(mention):
                    self._make_salient(speaker)
            if not by_sentence.get(s_index):
                self._note_subject(lo, hi, headline)
        return [
            replace(r, kind=self._kind_of(r.speaker)) if r.speaker != UNATTRIBUTED else r
            for r in self._name_anonymous_roles(results)
        ]

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
            _ACRONYM.fullmatch(speaker)
            or speaker.split()[-1].lower() in ORG_NOUNS
            or (not entity.person and self.names.is_place(speaker))  # "North Korea said"
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

    def _find_mention(
        self, span: QuoteSpan, lo: int, limit: int, headline: bool
    ) -> tuple[Mention | None, str | None]:
        """The mention that attributes a quote and the kind of cue that gave it."""
        para = self.paragraphs[span.paragraph]
        label = _LABEL.match(self.masked, para.start, para.end)
        if label is not None and not _BOILERPLATE_LABEL.match(label.group(1)):
            # A transcript line: "PENCE: Well, ..." gives every quote in it to the speaker.
            # (an acronym of three letters or fewer stays as it is: "CIA", "UN")
            name = " ".join(w if len(w) <= 3 else w.title() for w in label.group(1).split())
            return Mention("name", label.start(1), label.end(1), label.group(1), name), "label"
        labelled = label_before(self.masked, para.start, span.open)
        if labelled is not None:
            mention = classify(self.masked, *labelled)
            if mention is not None and mention.kind in ("name", "role", "group"):
                return mention, "label"
        asked = _ASKED_BY.match(self.masked, lo, span.open)
        if asked is not None and not self._verbs(asked.end(), span.open, headline):
            return classify(self.masked, asked.start(1), asked.end(1)), "asked-by"
        inverted = _INVERTED.match(self.masked, lo, span.open)
        if inverted is not None:
            return classify(self.masked, inverted.start(1), inverted.end(1)), "before"
        mention = self._after_cue(span, limit, headline)
        if mention is not None:
            return mention, "after"
        mention = self._owner(lo, span)
        if mention is not None:
            return mention, "owner"
        mention = self._before_cue(lo, span.open, headline)
        if mention is not None:
            return mention, "before"
        mention = self._colon_subject(lo, span.open, headline)
        if mention is not None:
            return mention, "before"
        mention = self._according(lo, max(limit, span.open))
        return mention, ("according-to" if mention is not None else None)

    def _owner(self, lo: int, span: QuoteSpan) -> Mention | None:
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
            gender = {"his": "m", "her": "f", "their": "p"}[claim.group(1)]
            return Mention("pronoun", claim.start(1), claim.end(1), claim.group(1), gender=gender)
        mention = classify(self.masked, claim.start(2), claim.end(2))
        if mention is None or mention.kind not in ("name", "pronoun"):
            return None
        return mention

    def _colon_subject(self, lo: int, opener: int, headline: bool) -> Mention | None:
        """A sentence that leads up to a quote with a colon gives it to its subject even with
        no verb of saying ("Rubio fired back: ...", "He also played up his strength: ..."), and
        so does one that issues a statement ("Trump issued a statement, ...")."""
        lead_up = self.masked[lo:opener].rstrip()
        if headline or not (
            lead_up.endswith(":") or (lead_up.endswith(",") and _ISSUED.search(lead_up))
        ):
            return None
        lead = self._leading_subject(lo, opener)
        if lead is None or not self._plausible_source(lead):
            return None
        return lead

    def _is_full(self, span: QuoteSpan) -> bool:
        """Whether a quote reads as a sentence of its own (not a title such as "Fences")."""
        first = self.text[span.start : span.start + 1]
        if not first or not (first.isupper() or first.isdigit() or first in "….'‘"):
            return False
        quoted = self.text[span.start : span.end].rstrip()
        return (
            quoted.endswith((".", ",", "?", "!", "…", ":", ";", "—", "-"))
            or len(quoted.split()) > 6
        )

    def _carry(
        self, s_index: int, span: QuoteSpan, done: dict[int, str], results: list[Attribution]
    ) -> tuple[str, Mention | None]:
        """A full quote without a cue of its own continues an earlier speaker's words."""
        para = self.sentences[s_index][2]
        k = s_index - 1
        while k >= 0 and self.sentences[k][2] == para:
            found = self._sentence_speaker(k, done, results)
            if found is not None:
                return found
            k -= 1
        opens_paragraph = not self.text[self.paragraphs[para].start : span.open].strip()
        if opens_paragraph and k >= 0 and self.sentences[k][2] == para - 1:
            while k >= 0 and self.sentences[k][2] == para - 1:
                found = self._sentence_speaker(k, done, results)
                if found is not None:
                    return found
                k -= 1
        return UNATTRIBUTED, None


_NAME_BEFORE_VERB = re.compile(r"\b([A-Z][\w'’\-]+)(?:\s+(?:[a-z]+ly|also|again|later|then))?\s+$")
_NAME_AFTER_VERB = re.compile(r"\s+([A-Z][\w'’\-]+)\s*[.,]")


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


_STAFF_ROLES = frozenset(
    ["aide", "adviser", "advisor", "assistant", "spokesman", "spokeswoman", "spokesperson", "spox"]
)


def _same_kind_of_role(a: str, b: str) -> bool:
    """Whether two role heads can describe one post: the same noun, or two kinds of staff."""
    return a == b or (a in _STAFF_ROLES and b in _STAFF_ROLES)


def _singled_out(mention: Mention | None) -> bool:
    """Whether a mention singles out one anonymous member of a crowd ("one questioner") or an
    unnamed share of it ("Some", "14 percent"), whom a later pronoun hardly ever means: the
    story's protagonists stay the referents."""
    if _share(mention):
        return True
    if mention is None or mention.kind != "role":
        return False
    text = mention.text.lower()
    return text.startswith(("one ", "another ")) or text in ("one", "another")


def _share(mention: Mention | None) -> bool:
    """Whether a mention is an unnamed share of a crowd ("Some", "Others", "14 percent")."""
    return mention is not None and mention.kind == "group" and mention.head in _SHARES


def _agrees(entity: Entity, gender: str) -> bool:
    """Whether a pronoun of ``gender`` can refer to ``entity``."""
    if gender in ("m", "f"):
        return entity.kind == "person" and entity.person and entity.gender in (gender, "u")
    if gender == "n":
        return entity.kind == "group" and entity.gender == "n"
    return entity.kind == "group" or entity.gender == "p"


def role_head(role: str) -> str:
    """The noun a role phrase is about: "Vladimir Putin's spokesman" is about a spokesman."""
    words = role.lower().replace("’s", "'s").split()
    stops = {"for", "of", "in", "at", "to", "with", "on", "from"}
    for k, word in enumerate(words):
        if k > 0 and word in stops:
            return words[k - 1].strip(".,")
    return words[-1].strip(".,") if words else ""


def _bare(phrase: str) -> str:
    """A phrase without its leading article and trailing punctuation."""
    words = phrase.strip().rstrip(".,;:").split()
    if words and words[0].lower() == "the":
        words = words[1:]
    text = " ".join(words)
    return text[:1].upper() + text[1:] if text else text
