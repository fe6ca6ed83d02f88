"""Reading a speaker mention out of a noun phrase: a name, a pronoun, a role or a group."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import Literal

from peskovtui.quotes.lexicon import (
    NAME_ABBREVIATIONS,
    ORG_NOUNS,
    PLACES,
    PLURAL_ROLE_NOUNS,
    PRONOUN_GENDER,
    RELATIVE_PRONOUNS,
    ROLE_NOUNS,
    TITLE_WORDS,
    UNRESOLVABLE_PRONOUNS,
    is_first_name,
    words,
)

MentionKind = Literal["name", "pronoun", "role", "group", "relative"]


@dataclass(frozen=True, slots=True)
class Mention:
    """A speaker mention at ``text[start:end]``: what it is and what it says about the speaker."""

    kind: MentionKind
    start: int
    end: int
    text: str
    name: str = ""
    role: str | None = None
    head: str = ""
    gender: str = "u"
    definite: bool = False


# A capitalised plural of people: "Presenters", "Activists", "Historians".
_PLURAL_PERSONS = re.compile(r"[A-Z][a-z]+(?:ers|ists|ants|ents|ians|ors)")
_TOKEN = re.compile(r"[^\s,]+")
# A word cut at a hyphen, where a space was lost ("Garda\ufffd\ufffd-agreed"), is damage, which no
# group's or body's name ends in.
_DAMAGED = re.compile(r"-$")
# A name's words end in a letter or digit ("Sturgeon-said" is damage, not a name) and take a
# full stop only as initials or a title's abbreviation: "Ernie Els. Trump's" is two sentences.
_ABBREVIATION = rf"(?:{'|'.join(NAME_ABBREVIATIONS)})\."
# Arabic names keep their article: "Bashar al-Jaafari", "Nasr al-Hariri".
_ARTICLED = r"(?:al|el|ad|as|an|ash|at|az|ibn|abu|bin)-[A-Z](?:[\w'’\-]*\w)?"
_NAME_TOKEN = rf"(?:[A-Z]\.(?:[A-Z]\.)*|{_ABBREVIATION}|[A-Z](?:[\w'’\-]*\w)?|{_ARTICLED})"
NAME_RUN = re.compile(
    # never from inside a word ("pic.twitter.com/mRqh4", "8-Year-Old") or after a prefix
    # ("anti-EU", "ex-FBI")
    r"(?=[A-Z]|[a-z]{2,3}-[A-Z])(?<![A-Za-z0-9'’.&])(?<!\d-)(?<!\bex-)(?<!\bpro-)(?<!\bnon-)(?<!\banti-)(?<!\bpost-)"
    rf"{_NAME_TOKEN}(?:[ \u00a0]+(?:{_NAME_TOKEN}|(?:de|van|von|bin|al|da|di|del|la|le)\b))*"
    rf"(?:[ \u00a0]+{_NAME_TOKEN})?"
)
# Capitalised at a sentence start or as calendar words, but never part of a person's name.
_NOT_NAME = words(
    """
a about across added advertisement after against all although amid amidst among an and around as
asked at because before behind beside between beyond both but by click december despite during
each every february few follow for friday from her here his if image in into its january july
like many march monday more most my near november october of on other others our over photo read
related said saturday says see send september several share since so some such sunday that the
their then this though through throughout thursday to told toward towards tuesday under unlike
upon via video watch wednesday when while with without wrote your
"""
)
DETERMINERS = words(
    """
a an another both four her his its many my one our several some that the their these this those
three two
"""
)
_PREPOSITIONS = words(
    """
about at by close familiar for from in near of on over to under which who with
"""
)
_LEADING_FILLER = words(
    """
again ahead also although and apart besides beyond but certainly clearly currently earlier even
finally first fortunately further furthermore hence however indeed instead just later meanwhile
moreover next now obviously often once only otherwise perhaps prior rather recently sadly so
still then therefore though thus today together tomorrow tonight too unfortunately within
yesterday yet or
"""
)
_LEADING_REJECT = words(
    """
after as because before despite during following he's here how if it's no not she's since
that's there these this those to until what when where while who why
"""
)
_AGE = re.compile(r"\d{1,3}-year-old")
# Words that open a verb's object ("issued a statement", "sent his letter"), which no word of a
# body's name is followed by.
_OBJECT_OPENERS = words("a an his her their its")
# A capitalised adverb opening a sentence ("Affectionately called ...", "Reportedly"), by its
# suffix; names ending in -ly are shorter ("Kelly", "Daly", "Connolly").
_ADVERB = re.compile(
    r"[A-Z][a-z]{2,}(?:ately|ably|ibly|ously|ively|fully|edly|ingly|lessly|ently|antly|ically)"
)
# A capitalised compound whose second part is lower case, no name: "Above-ground", "Co-anchor".
_COMPOUND = re.compile(r"[A-Z][a-z]+-(?:[a-z][\w-]*)?")
# A word opening a phrase before the name, no part of it: a participle in -ed or a compound
# ("Stated Stone", "Texas-based Matt Mackowiak", "Co-anchor Norah O'Donnell").
_COMMON_OPENING = re.compile(rf"[A-Z][a-z]{{2,}}ed|{_COMPOUND.pattern}")
_STOPPED = re.compile(rf"(?:[A-Z]\.)+|{_ABBREVIATION}")
_LOWER_INITIAL = re.compile(r"[a-z]\.")
_POSSESSIVE = re.compile(r"['’]s$")
# Words whose contractions open a clause, never a name: "That's", "They're", "I'm", "We've".
_CONTRACTED = words("i we you they that there what who it")
_NUMBER_WORD = re.compile(
    r"(?:\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|"
    r"fifty|sixty|seventy|eighty|ninety|hundred)(?:-\w+)?$"
)
# A share of people speaking: "Some chanted", "Others said", "those surveyed said".
CROWD_WORDS = words("some others many most several few both")
_POLLED = words("surveyed polled asked questioned interviewed present gathered assembled")
_MID_TITLES = words(
    """
adm adm. capt capt. col col. dr dr. gen gen. gov gov. lt lt. maj maj. mr mr. mrs mrs. ms ms.
president prof prof. rep rep. reps. rev rev. sen sen. senator sens. sgt sgt.
"""
)
_INNER_TITLES = words(
    """
ambassador chair chairman chairwoman chancellor commissioner director governor minister pm
premier president secretary senator
"""
)
_FEMALE_TITLES = frozenset({"mrs", "mrs.", "ms", "ms.", "madam", "dame", "lady", "queen"})
_MALE_TITLES = frozenset({"mr", "mr.", "sir", "lord", "king", "prince"})
_MAX_WORDS = 10


def _strip_possessive(tokens: list[str]) -> list[str]:
    """Keep the tokens after the last possessive: "CNN's Fareed Zakaria" names Fareed Zakaria."""
    for k in range(len(tokens) - 1, -1, -1):
        if tokens[k].endswith(("'s", "’s", "s'", "s’")):
            if k == len(tokens) - 1:
                # "Vladimir Putin's" names Vladimir Putin.
                return [*_strip_possessive(tokens[:k]), tokens[k].rstrip("s").rstrip("'’")]
            return tokens[k + 1 :]
    return tokens


@lru_cache(maxsize=65536)
def _not_name(token: str) -> bool:
    """A word never part of a name, a possessive included ("Thursday's")."""
    low = token.lower().strip(".,:")
    return low in _NOT_NAME or ("s" in low[-1:] and _POSSESSIVE.sub("", low) in _NOT_NAME)


@lru_cache(maxsize=65536)
def _plural_of_persons(token: str) -> bool:
    """A capitalised plural of people ("Presenters", "Activists"), which starts no name."""
    return token.lower() in PLURAL_ROLE_NOUNS or _PLURAL_PERSONS.fullmatch(token) is not None


@lru_cache(maxsize=16384)
def person_name(run: str) -> tuple[str, str, str]:
    """Split a capitalised run into (name, title words before it, gender from the title)."""
    tokens = _strip_possessive(run.split())
    gender = "u"
    # A title inside the run starts the name: "West Virginia Mr. Clarke" is Mr. Clarke; the
    # words before it qualify the role ("Brexit Minister David Davis").
    start = cut = 0
    for j, tok in enumerate(tokens):
        low = tok.lower()
        if low.strip(".") in _NOT_NAME and not _LOWER_INITIAL.fullmatch(low):
            start = cut = j + 1
        elif j == start and len(tokens) - j >= 3 and _plural_of_persons(tok):
            start = cut = j + 1  # "Presenters Faye Dunaway"
        elif j == start < len(tokens) - 1 and _COMPOUND.fullmatch(tok):
            start = cut = j + 1  # "Texas-based Matt Mackowiak"
        elif j > 0 and low in _MID_TITLES:
            cut = j
        elif 0 < j < len(tokens) - 1 and (low in ROLE_NOUNS or low in _INNER_TITLES):
            # "Brexit Minister David Davis": a role word inside the run ends the qualifiers.
            cut = max(cut, j)
        elif (
            cut == start < j < len(tokens) - 1
            and is_first_name(tok)
            and not any(is_first_name(t) for t in tokens[start:j])
            and (j - start >= 2 or tokens[j - 1].lower() in PLACES | ORG_NOUNS)
        ):
            # A first name after a place or two other capitalised words starts the name:
            # "Harkness Tower Chris Rabb"; "Mary Kay Henry" keeps both first names.
            cut = j
    last = tokens[-1].lower().strip(".") if tokens else ""
    while (
        cut < len(tokens) - 1
        and tokens[cut].lower() in PLACES
        and not is_first_name(tokens[cut])  # "Jordan Horowitz"
        and last not in TITLE_WORDS | PLURAL_ROLE_NOUNS
        and last not in ROLE_NOUNS
    ):
        cut += 1  # "Singapore Yeo": a place before a surname is no part of it
    qualifiers = tokens[start:cut]
    tokens = tokens[cut:]
    k = 0
    # Titles and role words before the name ("CEO Carly Fiorina"), the last word kept.
    while k < len(tokens) - 1 and (
        tokens[k].lower() in TITLE_WORDS or tokens[k].lower().strip(".") in ROLE_NOUNS
    ):
        low = tokens[k].lower()
        if low in _FEMALE_TITLES:
            gender = "f"
        elif low in _MALE_TITLES:
            gender = "m"
        k += 1
    # Initials and abbreviations keep their stops ("T.J. Smith", "George W. Bush", "St. Regis");
    # other words lose a stray one.
    name_tokens = [t if _STOPPED.fullmatch(t) else t.rstrip(".,") for t in tokens[k:]]
    name_tokens = [t for t in name_tokens if t]
    titles = " ".join(qualifiers + tokens[:k])
    if name_tokens and name_tokens[-1].lower() in ORG_NOUNS | PLURAL_ROLE_NOUNS:
        return "", titles, gender
    return " ".join(name_tokens), titles, gender


def _head(tokens: list[str]) -> str:
    """The head noun of a phrase: the last word before a preposition or participle."""
    head = tokens[-1]
    for k, tok in enumerate(tokens):
        if k > 0 and tok.lower() in _PREPOSITIONS:
            head = tokens[k - 1]
            break
    return head.lower().strip(".,'’")


def object_dropped(run: str) -> str:
    """A run of three words or more after a title and its preposition, without the words that
    end the title ("Staff" of "Chief of Staff Reince Priebus", "Transport" of "Minister for
    Transport Shane Ross"): from the first known first name, else from the second word."""
    tokens = run.split()
    if len(tokens) < 3 or is_first_name(tokens[0]):
        return run
    first = next((j for j, t in enumerate(tokens) if j > 0 and is_first_name(t)), 1)
    first = min(first, len(tokens) - 2)
    return run[run.index(tokens[first], len(" ".join(tokens[:first]))) :]


def classify(text: str, start: int, end: int, shares: bool = False) -> Mention | None:
    """Read ``text[start:end]``, a noun phrase before or after a speech verb, as a mention.

    With ``shares``, the phrase is a verb's whole subject, and an unnamed share of people
    ("Some", "14 percent") is read as a group; elsewhere such words open a longer phrase.
    """
    phrase = text[start:end]
    lead = len(phrase) - len(phrase.lstrip())
    phrase = phrase.strip()
    start += lead
    end = start + len(phrase)
    if not phrase or "_" in phrase or any(c in phrase for c in '“”"«»'):
        return None
    blank = re.search(r"\s{3,}", phrase)
    if blank is not None:
        # A blanked party tag ends the phrase, as its commas did ("Richard Blumenthal (D-Conn.)
        # introduced ...")
        phrase = phrase[: blank.start()]
        end = start + len(phrase)
    tokens = phrase.split()
    if len(tokens) > _MAX_WORDS:
        return None
    while tokens and (
        tokens[0].lower() in _LEADING_FILLER
        or _ADVERB.fullmatch(tokens[0])
        or (
            len(tokens) > 1
            and _COMMON_OPENING.fullmatch(tokens[0])
            and not is_first_name(tokens[0])
        )
    ):
        # Sentence adverbs and conjunctions are capitalised at a sentence start but name no one.
        start = text.index(tokens[0], start) + len(tokens[0])
        tokens = tokens[1:]
    crowd = _crowd(tokens) if shares else None
    if crowd is not None:
        start = text.index(tokens[0], start)
        return Mention("group", start, end, text[start:end], head=crowd, gender="p")
    if not tokens or all(_not_name(t) for t in tokens):
        return None
    while text[start].isspace():
        start += 1
    return _read(text, start, end, tokens)


def _read(text: str, start: int, end: int, tokens: list[str]) -> Mention | None:
    """A trimmed phrase's mention: no one, a pronoun, one of a crowd, or a name, role or group."""
    phrase = text[start:end]
    first = tokens[0].lower()
    if len(tokens) == 1 and first[:-2] in PRONOUN_GENDER and first.endswith(("’s", "'s")):
        first = first[:-2]  # "He’s claiming"
    bare = re.split(r"['’]", first)[0]
    if (
        first in _PREPOSITIONS
        or first in _LEADING_REJECT
        or bare in _LEADING_REJECT
        or _NUMBER_WORD.match(first)
        or (bare != first and bare in _CONTRACTED)
    ):
        return None  # "That's", "They're", "I'm" name no one
    if len(tokens) == 1 and len(re.sub(r"\W", "", tokens[0])) < 2:
        return None  # a single letter ("S", "I" glued to a dash) is no name
    if len(tokens) == 1 and _COMPOUND.fullmatch(tokens[0]):
        return None  # "Above-ground", "Half-way"
    if first in ("one", "another") and len(tokens) == 2 and re.fullmatch(r"[a-z]{3,}", tokens[1]):
        # "one user wrote", "another voter said": an unnamed person described by a noun
        return Mention("role", start, end, phrase, head=tokens[1], definite=False)
    # "one questioner", "one Democratic source": an indefinite role, not the pronoun "one".
    one_role = first == "one" and len(tokens) > 1 and _head(tokens) in ROLE_NOUNS
    # ("US Senator Jeff Sessions": an acronym in capitals is no pronoun)
    acronym = len(tokens[0]) > 1 and tokens[0].isupper()
    pronoun_led = (first in PRONOUN_GENDER or first in UNRESOLVABLE_PRONOUNS) and not acronym
    if len(tokens) > 1 and pronoun_led and not one_role:
        return None
    if len(tokens) == 1 and first in ("one", "another"):
        # "one said", "said another": an unnamed member of a group the article has named.
        return Mention("role", start, end, phrase, head=first, definite=False)
    if len(tokens) == 1 and first in PRONOUN_GENDER:
        return Mention("pronoun", start, end, phrase, gender=PRONOUN_GENDER[first])
    if len(tokens) == 1 and first in UNRESOLVABLE_PRONOUNS:
        return Mention("pronoun", start, end, phrase, gender="x")
    if len(tokens) == 1 and first in RELATIVE_PRONOUNS:
        return Mention("relative", start, end, phrase)
    return _named(text, start, end, tokens, first)


def _named(text: str, start: int, end: int, tokens: list[str], first: str) -> Mention | None:
    """A name after a title, a placed role or an opening participle, else a plain phrase."""
    phrase = text[start:end]
    head = _head(tokens)
    full_runs = list(NAME_RUN.finditer(phrase))
    ends_in_run = bool(full_runs) and full_runs[-1].end() == len(phrase)
    tail = full_runs[-1].group() if ends_in_run else ""
    # "Secretary of State John F. Kerry": a title with a preposition, then the name; "the envoy
    # to Singapore Yeo Bee Leng": a role whose place ends it, then the name ("a spokesman for
    # Vladimir Putin" is no one's name); "Speaking in Ohio Jim Ford": a phrase before it.
    leading_participle = tokens[0].endswith("ing") and tokens[0][0].isupper()
    placed = head in ROLE_NOUNS and tail.split()[0].lower() in PLACES if tail else False
    if ends_in_run and (head in TITLE_WORDS or placed or leading_participle):
        if head in TITLE_WORDS and not placed and not leading_participle:
            tail = object_dropped(tail)  # "Chief of Staff Reince Priebus"
        name, titles, gender = person_name(tail)
        # (a run ending in a role noun describes someone: "the Wisconsin Republican")
        if name and len(name.split()) > 1 and name.split()[-1].lower() not in ROLE_NOUNS:
            role = f"{phrase[: full_runs[-1].start()].strip()} {titles}".strip() or None
            if leading_participle:
                start, role = start + full_runs[-1].start(), None
                phrase = text[start:end]
            return Mention("name", start, end, phrase, name=name, role=role, gender=gender)
    if leading_participle and len(tokens) > 1 and tokens[1].lower() in _PREPOSITIONS:
        return None  # "Speaking in Riga" names no one
    return _plain(text, start, end, tokens, first, head)


def _plain(
    text: str, start: int, end: int, tokens: list[str], first: str, head: str
) -> Mention | None:
    """A name ending the phrase's noun part, else a role, else a group or body."""
    phrase = text[start:end]
    cut = next((k for k, t in enumerate(tokens) if k > 0 and t.lower() in _PREPOSITIONS), None)
    np_tokens = tokens if cut is None else tokens[:cut]
    # A capitalised run ending the phrase's noun part names a person, unless it is a group.
    core = " ".join(np_tokens)
    runs = list(NAME_RUN.finditer(core))
    if (
        runs
        and runs[-1].end() == len(core)
        and head not in ROLE_NOUNS
        and head not in PLURAL_ROLE_NOUNS
    ):
        run = runs[-1].group()
        name, titles, gender = person_name(run)
        last = name.split()[-1].lower() if name else ""
        if (
            name
            and last not in TITLE_WORDS
            and last not in PRONOUN_GENDER
            and last not in UNRESOLVABLE_PRONOUNS  # "I", "We" close no name
        ):
            role_text = core[: runs[-1].start()].strip() + (" " + titles if titles else "")
            role = role_text.strip() or None
            if role is not None and role.lower() in DETERMINERS:
                role = None
            for word in (role or "").lower().split():
                if ROLE_NOUNS.get(word, "u") != "u":
                    gender = ROLE_NOUNS[word]
            return Mention("name", start, end, phrase, name=name, role=role, gender=gender)
    definite = first in ("the", "this", "that") or first.endswith(("'s", "’s"))
    if first == "the" and len(np_tokens) == 2 and _AGE.fullmatch(np_tokens[1]):
        # "said the 46-year-old": an age alone describes a person the article has named.
        return Mention("role", start, end, phrase, head="year-old", definite=True)
    if head in ROLE_NOUNS:
        if first not in DETERMINERS and not tokens[0][0].isupper() and not definite:
            return None
        return Mention(
            "role", start, end, phrase, head=head, gender=ROLE_NOUNS[head], definite=definite
        )
    if len(np_tokens) > 6 or np_tokens[-1].lower() in DETERMINERS:
        return None
    if head in PLURAL_ROLE_NOUNS or head in ORG_NOUNS or tokens[0][0].isupper():
        if not (tokens[0][0].isupper() or first in DETERMINERS):
            return None
        if any(_DAMAGED.search(t) for t in np_tokens):
            return None  # damaged text ("Garda\ufffd\ufffd-agreed") names no body
        if any(
            t.islower() and t not in _PREPOSITIONS and n.lower() in _OBJECT_OPENERS
            for t, n in pairwise(np_tokens)
        ):
            return None  # a verb and its object: "Ryan issued a statement" is a clause
        plain = all(t[0].isupper() or t.lower() in DETERMINERS | _PREPOSITIONS for t in np_tokens)
        if not plain and head not in PLURAL_ROLE_NOUNS and head not in ORG_NOUNS:
            return None
        gender = "p" if head in PLURAL_ROLE_NOUNS or head.endswith("s") else "n"
        return Mention("group", start, end, phrase, head=head, gender=gender, definite=definite)
    return None


def _crowd(tokens: list[str]) -> str | None:
    """The head of a phrase that names an unnamed share of people ("Some", "Others", "those
    surveyed", "14 percent"), or None."""
    low = [t.lower().strip(".,") for t in tokens]
    if len(low) == 1 and low[0] in CROWD_WORDS and tokens[0][0].isupper():
        return low[0]
    if len(low) == 2 and low[0] == "those" and low[1] in _POLLED:
        return "those"
    if 2 <= len(low) <= 6 and _NUMBER_WORD.match(low[0]) and low[1] in ("percent", "%"):
        return "percent"
    if len(low) == 1 and re.fullmatch(r"\d[\d.]*%", low[0]):
        return "percent"
    return None
