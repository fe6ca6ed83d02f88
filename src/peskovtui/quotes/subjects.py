"""The subject at the head of a sentence, and whether it can be a source of words."""

from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import replace

from peskovtui.quotes.entities import role_head
from peskovtui.quotes.lexicon import ORG_NOUNS, PLURAL_ROLE_NOUNS, ROLE_NOUNS, is_first_name, words
from peskovtui.quotes.mentions import Mention, classify
from peskovtui.quotes.reading import Reading

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
# A capitalised word joined to the next by "&" is an abbreviation ("R&D", "M&A"), no name.
_NAME_SUBJECT = re.compile(
    r"\s*((?:(?:The|the)\s+)?(?:[a-z][\w\-]*\s+){0,2}?"
    r"(?:(?:[A-Z][\w'’.\-]*|of|for|" + _ROLE_WORDS + r")\s+){0,6}"
    r"[A-Z][\w'’.\-]*(?:\s+(?:" + "|".join(sorted(ORG_NOUNS)) + r"))?|[Hh]e|[Ss]he|They)\b"
    r"(?!\s+[A-Z]|&)"
)
# A dateline ("MIDWAY ATOLL —") or a rubric ("PHOTO OF THE DAY:") in capitals opens no subject.
_DATELINE = re.compile(r"\s*[A-Z][A-Z.'’ ,]{2,40}(?:\([^)]{1,30}\))?\s*(?:[—–-]{1,2}|:)\s*")
# A role opening a sentence, then the name of the one holding it between commas.
_APPOSED_NAME = re.compile(
    r"\s*([^,.;:“”\"_]{3,60}?),\s+([A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){1,3}),\s+[a-z]"
)
_CONJUNCTION = re.compile(r"\s*(?:And|But|So|Yet|Or)(?:\s+(?:then|now|so|also|yet))?\s+(?=[A-Z])")
_NEXT_WORD = re.compile(r"[ \u00a0]+([a-z][a-z\-]*)\b(?![’'])")
_MEDIA_NOUNS = words("media television tv radio press citizen national state-run state-owned")
# What may follow a lone subject word at a sentence's head: its verb (a past or third-person
# form, an auxiliary, a common irregular past), an adverb, a preposition or a relative word.
# Any other lower-case word makes the capitalised word a modifier of the noun phrase it opens
# ("Russian opposition leader ...", "Vice presidential nominee ...", "State and federal
# officials", "Appreciated joining ...").
_VERB_FORM = re.compile(r"[a-z]+(?:ed|s|ly)")
_MODIFIED_NAME = re.compile(
    r"[A-Z][\w'’\-]*((?:[ \u00a0]+[a-z][\w\-]*){1,4})[ \u00a0]+"
    r"(?:[A-Z][\w'’.\-]*[ \u00a0]+){0,3}[A-Z][\w'’\-]*\b(?!['’])"
)
# "Trump and his aides", "Netanyahu and other leaders": a name joined to people, no modifier.
_PEOPLE_JOINED = re.compile(r"[ \u00a0]+(?:his|her|their|its|other|others|the|a|an|some|many)\b")
_NOT_MODIFYING = words(
    """
a about across after against again ahead all almost alone already also always am among amid an
another any are arose around as at ate awoke became become before began behind being below bent
beside between beyond bit blew bore both bought broke brought built but by came can cannot
caught chose could cut dealt did do does down drank drew drove during each earlier even ever
every fed fell felt fled flew fought forgave forgot found from further gave get got grew had has
have heard held her herself himself his hit hung in into is its itself just kept knew laid last
later led left lent let lost made may meant met might more most must my near nearly never next
no not now of off often on once only onto or our out over paid perhaps put quickly quit quite
ran rather read rose said sang sat saw see seemed sent set shall shook shot should shut slept
sold soon sought spent spoke stole still stood struck swore taught than that the their then
these this those thought threw through thus to today together told too took tore twice under
understood until up upon via was went were what when where which while who whom whose will with
withdrew within without woke won wore would wrote yesterday yet your
"""
)


def leading_subject(reading: Reading, lo: int, hi: int) -> Mention | None:
    """The subject at the head of a sentence, past an introductory phrase."""
    seg = reading.masked[lo:hi]
    dateline = _DATELINE.match(seg)
    if dateline is not None:
        # "MIDWAY ATOLL — President Obama ...": the dateline is not the subject.
        lo += dateline.end()
        seg = seg[dateline.end() :]
    conjunction = _CONJUNCTION.match(seg)
    if conjunction is not None:
        # "And then Trump went on the attack": the conjunction opens no phrase of its own.
        lo += conjunction.end()
        seg = seg[conjunction.end() :]
    apposed = _APPOSED_NAME.match(seg)
    if apposed is not None and role_head(apposed.group(1)) in ROLE_NOUNS:
        # "Kazakhstan's foreign minister, Erlan Idrissov, plays down ...": the name
        named = classify(reading.masked, lo + apposed.start(2), lo + apposed.end(2))
        if named is not None and named.kind == "name" and " " in named.name:
            return replace(named, role=named.role or apposed.group(1).strip())
    commas = [m.end() for m in re.finditer(r", ", seg)][:3]
    # After an introduction ("Chastened by the analyses, as well as complaints, Trump
    # revised") the subject follows one of the commas that close it.
    starts = commas if _INTRO.match(seg) else [0, *commas[:1]]
    for s in starts:
        m = _ROLE_SUBJECT.match(seg[s:]) or _NAME_SUBJECT.match(seg[s:])
        if m:
            mention = classify(reading.masked, lo + s + m.start(1), lo + s + m.end(1))
            opens = mention is not None and not reading.masked[lo + s : mention.start].strip()
            if mention is not None and _modifier(reading, mention, opens):
                # "Russian citizen Alexander Lapshin", "State media": the name the phrase
                # leads to, if any, is the subject.
                return _modified_name(reading, mention.start, hi) if opens else None
            if mention is not None and mention.kind != "relative":
                return mention
    return _past_open_mark(reading, lo, seg)


def _past_open_mark(reading: Reading, lo: int, seg: str) -> Mention | None:
    """A paragraph of a long excerpt opens with a mark that the excerpt never closes
    ("Melanie thought ...): past it, only a plain person's name is taken."""
    opener = re.match(r"\s*[\"“]", seg)
    if opener is None:
        return None
    m = _NAME_SUBJECT.match(seg, opener.end())
    if m:
        mention = classify(reading.masked, lo + m.start(1), lo + m.end(1))
        if mention is not None and mention.kind == "name":
            first = reading.names.expand(mention.name).split()[0]
            if is_first_name(first):
                return mention
    return None


def _modified_name(reading: Reading, start: int, hi: int) -> Mention | None:
    """The name ending a subject that a capitalised modifier opens ("Democratic presidential
    candidate Bernie Sanders"), when no verb comes between; else no subject."""
    m = _MODIFIED_NAME.match(reading.masked, start, hi)
    between = m.group(1).split() if m is not None else []
    if m is None or any(
        w in _NOT_MODIFYING or w == "and" or _VERB_FORM.fullmatch(w) for w in between
    ):
        return None
    mention = classify(reading.masked, start, m.end())
    if mention is None or mention.kind != "name":
        return None
    # A name in full, or one a role introduces ("opposition leader Navalny"); a lone word
    # after an unknown verb ("Murphy taught English") is its object.
    full = " " in mention.name or any(w in ROLE_NOUNS for w in between)
    return mention if full else None


def _modifier(reading: Reading, mention: Mention, opens: bool) -> bool:
    """Whether a lone capitalised word is only the first word of a longer subject: a noun
    of people or bodies follows it ("Russian citizen", "State media", "Finance ministers"),
    or, opening the phrase, any word that is no verb, adverb or preposition ("Russian
    opposition leader ...", "State and federal officials"); and it is no known first name."""
    if mention.kind not in ("name", "group") or " " in mention.text.strip():
        return False
    if not mention.text[:1].isupper() or is_first_name(mention.text):
        return False
    nxt = _NEXT_WORD.match(reading.masked, mention.end)
    if nxt is None:
        return False
    word = nxt.group(1)
    if (
        opens
        # (a group takes a bare verb, "Critics argue", and a possessive owns: "Rubio's aides")
        and mention.head not in PLURAL_ROLE_NOUNS
        and not reading.names.plural(mention.text.strip())
        and not mention.text.endswith(("'s", "’s", "s'", "s’"))
        and word not in _NOT_MODIFYING
        and not _VERB_FORM.fullmatch(word)
        and not word.endswith("ing")  # "Protesters marching through the streets chanted"
        and not (word == "and" and _PEOPLE_JOINED.match(reading.masked, nxt.end()))
    ):
        return True
    single = word[:-1] if word.endswith("s") else word
    return (
        word in PLURAL_ROLE_NOUNS
        or word in _MEDIA_NOUNS
        or single in ORG_NOUNS
        or single in ROLE_NOUNS
        or single in _MEDIA_NOUNS
    )


def plausible_source(reading: Reading, known: Container[str], mention: Mention) -> bool:
    """Whether a sentence subject can be a source: a person, a role, or a known body."""
    if mention.kind in ("pronoun", "role"):
        return mention.gender != "x"
    if mention.kind == "name":
        full = reading.names.expand(mention.name)
        return len(full.split()) > 1 or full in known
    if mention.kind == "group":
        return mention.head in ORG_NOUNS or mention.head in PLURAL_ROLE_NOUNS
    return False
