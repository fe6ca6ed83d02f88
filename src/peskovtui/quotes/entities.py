"""The speaker candidates of one article: people, anonymous roles, groups and bodies.

Each mention that names, describes or issues for someone is registered once under a canonical
label; a role ("the senator") or a body ("the ministry") resolves to the one the article names
that fits it, a document ("the statement") to who issued it. ``salient`` keeps the order in
which entities last spoke or led a sentence, for pronouns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from peskovtui.quotes.lexicon import (
    DOCUMENTS,
    ORG_NOUNS,
    PLURAL_ROLE_NOUNS,
    first_name_gender,
    is_first_name,
    words,
)
from peskovtui.quotes.mentions import CROWD_WORDS, Mention, classify
from peskovtui.quotes.model import UNATTRIBUTED
from peskovtui.quotes.reading import Reading
from peskovtui.quotes.roles import fits, names_body, qualifiers, role_words
from peskovtui.quotes.scanner import HEADLINE_ROLES

_ROLE_ANCHOR = re.compile(
    r"\s+(?:to|of|for)\s+((?:[A-Z][\w'’.\-]*\s+){0,4}[A-Z][\w'’\-]*?)(?:['’]s)?\b"
)
ACRONYM = re.compile(r"[A-Z]{2,6}")
# The body a document comes from: "a statement from the White House", "a report by HRW".
_ISSUED_BY = re.compile(
    r"\s+(?:from|by|of|issued by|released by|published by)\s+((?:the\s+)?[A-Z][\w.'’&\-]*"
    r"(?:\s+(?:[A-Z][\w.'’&\-]*|of|for|on|and)){0,6}(?:['’]s\s+[a-z]+)?)"
)
# A group a later "one said" may belong to: officials, voters, users, protesters.
_PLURAL_NOUN = re.compile(
    r"\b(" + "|".join(sorted(PLURAL_ROLE_NOUNS)) + r"|[a-z]+(?:ers|ists|ants|ents|ians|ors))\b"
)
_ONE_OF = re.compile(
    r"\s+of\s+(?:the|his|her|their|its|our|those|these)\s+(?:[a-z\-]+\s+){0,2}?"
    r"([a-z]{2,}(?<![su])s)\b"  # a plural noun, no "obvious" or "class"
)
_COUNTED = re.compile(
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|several|both|\d+)\s+(?:[a-z\-]+\s+){0,2}$",
    re.IGNORECASE,
)
# A definite description that varies a name already given ("the Wisconsin Republican",
# "the 43-year-old former congressman", "the retired neurosurgeon").
_VARIATION = re.compile(r"\b(?:[A-Z][a-z]+|\d+-year-old|former|retired|veteran|longtime)\b")
# Words describing a person whatever office they hold.
_DESCRIPTORS = words("republican democrat billionaire mogul tycoon veteran year-old")
_SHARES = CROWD_WORDS | {"those", "percent"}


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


class EntityTable:
    """The entities of one article, registered as their mentions are met, in text order."""

    def __init__(self, reading: Reading) -> None:
        self.reading = reading
        self.entities: dict[str, Entity] = {}
        self.salient: list[str] = []
        self.role_holder: dict[str, str] = {}
        self.issued: dict[str, Entity] = {}  # a document's noun → who issued the last one

    def entity(self, mention: Mention) -> Entity | None:
        """The entity a non-pronoun mention stands for, registering it on first sight."""
        if mention.kind == "name":
            entity = self._register_name(mention)
        elif mention.kind == "role":
            entity = self._register_role(mention)
        elif mention.kind == "group":
            entity = self._register_group(mention)
        else:
            return None
        if not entity.in_body:
            para = self.reading.paragraphs[self.reading.paragraph_of(mention.start)]
            entity.in_body = para.role not in HEADLINE_ROLES
        return entity

    def make_salient(self, speaker: str) -> None:
        """Make a speaker the latest referent of pronouns."""
        if speaker != UNATTRIBUTED and speaker in self.entities:
            if self.salient and self.salient[-1] == speaker:
                return
            self.salient.append(speaker)

    def _register_name(self, mention: Mention) -> Entity:
        names = self.reading.names
        if " " not in mention.name and names.plural(mention.name):
            # "Muslims", "Democrats": a group of people, whom "he" or "she" never means
            return self.entities.setdefault(mention.name, Entity(mention.name, "p", "group"))
        gender = mention.gender
        canonical = names.expand_for(mention.name, gender)
        if gender == "u":
            gender = first_name_gender(canonical.split()[0])
        entity = self.entities.get(canonical)
        if entity is None:
            entity = Entity(canonical, gender, "person")
            self.entities[canonical] = entity
        elif entity.gender == "u":
            entity.gender = gender
        if not entity.person:
            speaks = canonical in self.reading.speaking and not names.is_place(canonical)
            entity.person = speaks or names.is_person(canonical, mention.gender, bool(mention.role))
        entity.named = True
        if mention.role:
            head = role_head(mention.role)
            entity.roles |= role_words(mention.role) or {head}
            entity.descriptions.add(mention.role)
            self.role_holder[head] = canonical
        return entity

    def _register_role(self, mention: Mention) -> Entity:
        if mention.definite:
            holder = self.holder(mention)
            if holder is None and mention.head in self.role_holder:
                holder = self.entities[self.role_holder[mention.head]]
            if holder is None and _VARIATION.search(mention.text, len(mention.text.split()[0])):
                holder = self._protagonist(mention)
            if holder is not None:
                return holder
        canonical = bare(mention.text)
        masked = self.reading.masked
        anchor = None if mention.definite else _ROLE_ANCHOR.match(masked, mention.end)
        if anchor is not None:
            # "A spokesman for Platte River": whose role it is belongs to the label
            canonical += masked[mention.end : anchor.end()]
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

    def _register_group(self, mention: Mention) -> Entity:
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
        canonical = bare(mention.text)
        entity = self.entities.get(canonical)
        if entity is None:
            entity = Entity(canonical, mention.gender, "group")
            self.entities[canonical] = entity
        entity.proper = entity.proper or self._proper_body(mention)
        return entity

    def _proper_body(self, mention: Mention) -> bool:
        """Whether a group is a body met by its name: its head word capitalised, and not only
        as a sentence's first word ("Reuters said", not "Officials said", "Ministry officials")."""
        if mention.head in CROWD_WORDS:
            return False  # "Some", "Others": a share of people, never a body's name
        found = list(re.finditer(rf"\b{re.escape(mention.head)}\b", mention.text, re.IGNORECASE))
        if not found or not found[-1].group()[:1].isupper():
            return False
        word = found[-1].group()
        if ACRONYM.fullmatch(word) or mention.start + found[-1].start() not in self.reading.starts:
            return True
        return word.lower() not in ORG_NOUNS and word.lower() not in PLURAL_ROLE_NOUNS

    def _issuer(self, mention: Mention) -> Entity | None:
        """Who issued a document a sentence gives as speaking: "the White House's statement",
        "a statement from Sharif's office", "a report by Human Rights Watch"."""
        masked = self.reading.masked
        owner = re.match(r"\s*(?:[Tt]he\s+)?(.+?)['’]s?\s+(?:[\w-]+\s+)?\w+$", mention.text)
        if owner is not None and owner.group(1)[:1].isupper():
            start = mention.start + owner.start(1)
            named = classify(masked, start, start + len(owner.group(1)))
        else:
            # "a statement from the White House": in the mention, or just after it.
            after = _ISSUED_BY.search(masked, mention.start, mention.end)
            after = after or _ISSUED_BY.match(masked, mention.end)
            if after is None:
                return None
            named = classify(masked, after.start(1), after.end(1))
        if named is None or named.kind not in ("name", "group") or named.head in DOCUMENTS:
            return None
        return self.entity(named)

    def _one_of(self, mention: Mention) -> str:
        """A label for "one" or "another" who speaks: one of the group the last sentences name
        ("Two officials described the talks. ... one said" is one official)."""
        reading = self.reading
        lo = reading.sentences[max(0, reading.sentence_of(mention.start) - 2)][0]
        groups = list(_PLURAL_NOUN.finditer(reading.masked, lo, mention.start))
        word = mention.text.strip().capitalize()
        named = _ONE_OF.match(reading.masked, mention.end)
        if named is not None:
            # "One of the banners read": the group is the one named after it.
            plural = named.group(1).lower()
            return f"{word} {plural[:-3] + 'y' if plural.endswith('ies') else plural[:-1]}"
        if not groups:
            return f"{word} unnamed source"
        # A group counted out ("Two officials", "several aides") is the set "one" is taken
        # from, before a plural merely mentioned later ("... spoke to reporters").
        counted = [g for g in groups if _COUNTED.search(reading.masked, lo, g.start())]
        plural = (counted or groups)[-1].group(1).lower()
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
            if not any(agrees(entity, g) for g in ((gender,) if gender in "mf" else ("m", "f"))):
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

    def holder(self, mention: Mention) -> Entity | None:
        """The named person a definite role ("the senator", "the Texas senator") describes:
        the latest one given that role whose descriptions hold its qualifiers."""
        narrowed = qualifiers(mention.text, mention.head)
        for entity in self._by_salience():
            if not entity.named or not fits(mention.head, entity.roles):
                continue
            said = " ".join([entity.canonical, *entity.descriptions])
            if all(q in said for q in narrowed):
                return entity
        for start, name, titles in reversed(self.reading.names.mentioned):
            # A titled name met before, though never as a subject.
            if start >= mention.start or not titles:
                continue
            held = role_words(titles)
            said = f"{titles} {name}"
            if fits(mention.head, held) and all(q in said for q in narrowed):
                named = Mention("name", start, start + len(said), said, name=name, role=titles)
                return self.entity(named)
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
                name.lower() == bare(mention.text).lower()
                or not (entity.named or entity.kind == "group")
                or not entity.in_body
                or tokens[0] in ("A", "An")
                or len(tokens) > 4
                or not all(q in name for q in narrowed)
            ):
                continue
            if names_body(mention.text, mention.head, name, role_head(name)):
                return entity
        for start, name, titles in reversed(self.reading.names.mentioned):
            # A body's name met before, though never as a subject.
            if start >= mention.start or titles or len(name.split()) > 4:
                continue
            if names_body(mention.text, mention.head, name, role_head(name)):
                entity = self.entities.setdefault(name, Entity(name, "n", "group", named=True))
                entity.in_body = True
                return entity
        return None


def singled_out(mention: Mention | None) -> bool:
    """Whether a mention singles out one anonymous member of a crowd ("one questioner") or an
    unnamed share of it ("Some", "14 percent"), whom a later pronoun hardly ever means: the
    story's protagonists stay the referents."""
    if is_share(mention):
        return True
    if mention is None or mention.kind != "role":
        return False
    text = mention.text.lower()
    return text.startswith(("one ", "another ")) or text in ("one", "another")


def is_share(mention: Mention | None) -> bool:
    """Whether a mention is an unnamed share of a crowd ("Some", "Others", "14 percent")."""
    return mention is not None and mention.kind == "group" and mention.head in _SHARES


def agrees(entity: Entity, gender: str) -> bool:
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


def bare(phrase: str) -> str:
    """A phrase without its leading article and trailing punctuation."""
    words = phrase.strip().rstrip(".,;:").split()
    if words and words[0].lower() == "the":
        words = words[1:]
    text = " ".join(words)
    return text[:1].upper() + text[1:] if text else text
