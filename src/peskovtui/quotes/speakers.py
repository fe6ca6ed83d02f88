"""Speaker names across a corpus: spelling variants merged, and an index of quotes per speaker."""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from difflib import SequenceMatcher, get_close_matches

from peskovtui.quotes.lexicon import (
    ORG_NOUNS,
    PLURAL_ROLE_NOUNS,
    ROLE_NOUNS,
    family_name,
    given_name_only,
)
from peskovtui.quotes.model import UNATTRIBUTED, Quote, SpeakerCount

# The share of a surname's quotes one full name must hold for the surname alone to be that name.
_DOMINANT = 0.9
# The articles a full name must be quoted in for a surname alone elsewhere to join it.
MIN_ARTICLES = 3


def fold(name: str) -> str:
    """A name without accents, case or punctuation, for comparing spellings."""
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join("".join(c for c in bare.lower() if c.isalnum() or c.isspace()).split())


def _similar(a: str, b: str, threshold: float) -> bool:
    return a == b or SequenceMatcher(None, a, b).ratio() >= threshold


def _person_like(name: str) -> bool:
    """A personal name: capitalised words, no article ("A White House official" is not one)."""
    words = name.split()
    if len(words) < 2 or words[0] in ("A", "An", "The") or not all(w[:1].isupper() for w in words):
        return False
    # Bodies ("Senate Intelligence Committee", "Russia's Defense Ministry") and groups ("Trump
    # Officials") are not people.
    last = fold(words[-1])
    return (
        last not in ORG_NOUNS
        and last not in PLURAL_ROLE_NOUNS
        and last not in ROLE_NOUNS
        and "'s" not in name
        and "’s" not in name
    )


def _variants(a: str, b: str) -> bool:
    """Whether two person names are spellings of one name ("Dmitry Peskov", "Dmitri Peskov";
    "Kim Jong Un", "Kim Jong-un"): the family name and the first given name alike, middle
    names and initials aside."""
    if not (_person_like(a) and _person_like(b)) or _suffix(a) != _suffix(b):
        return False  # Donald Trump Jr. is not Donald Trump
    fa, fb = fold(family_name(a)), fold(family_name(b))
    if not _similar(fa, fb, 0.85):
        return False
    ga, gb = _given(a), _given(b)
    if not ga or not gb:
        return False
    if len(ga) == 1 or len(gb) == 1:
        return ga[0] == gb[0]
    return _similar(ga, gb, 0.8)


def _suffix(name: str) -> str:
    """A generation suffix ending a name: "jr" of "Donald Trump Jr.", else ""."""
    last = fold(name.split()[-1])
    return last if last in ("jr", "sr", "ii", "iii", "iv") else ""


def _given(name: str) -> str:
    """The first given name, folded: "Dmitry" of "Dmitry Peskov", "jongun" of "Kim Jong-un"."""
    family = family_name(name)
    tokens = name.split()
    if tokens[0] == family:
        return fold("".join(tokens[1:]))
    return fold(tokens[0])


def speaker_aliases(
    speakers: Iterable[str], articles: Mapping[str, int] | None = None
) -> dict[str, str]:
    """Map each speaker name to the corpus's canonical spelling (the most frequent variant).

    Full names merge when surname and first name are near-identical spellings ("Dmitri
    Peskov", "Dmitry Peskov"; "John F. Kelly", "John Kelly"); a lone surname ("Peskov", when
    an article never gives the full name) joins the one full name with that surname, or the
    one that holds nine in ten of the quotes of all full names with it ("Trump": Donald Trump,
    not Ivanka Trump); otherwise it stays as it is, since guessing would misattribute. An
    acronym ("UN") or a first name ("Kelly") is never taken for one person's surname. With
    ``articles`` (how many articles quote each name), a surname alone joins only a full name
    quoted in ``MIN_ARTICLES`` articles or more: one quoted once elsewhere ("Dionardo Carlos")
    is no evidence for a "Carlos" of another.
    """
    counts = Counter(s for s in speakers if s != UNATTRIBUTED)
    names = sorted(counts, key=lambda n: (-counts[n], -len(n), n))
    by_surname: dict[str, list[list[str]]] = defaultdict(list)
    singles: list[str] = []
    for name in names:
        tokens = fold(name).split()
        if not tokens:
            continue
        if len(tokens) == 1:
            singles.append(name)
            continue
        groups = by_surname[fold(family_name(name))[:4]]
        for group in groups:
            if _variants(group[0], name):
                group.append(name)
                break
        else:
            groups.append([name])
    aliases: dict[str, str] = {}
    owners: dict[str, Counter[str]] = defaultdict(Counter)
    spread: Counter[str] = Counter()
    for groups in by_surname.values():
        for group in groups:
            for name in group:
                aliases[name] = group[0]
                spread[group[0]] += (articles or {}).get(name, 0)
                if _person_like(group[0]):
                    owners[fold(family_name(name))][group[0]] += counts[name]
    for name in singles:
        aliases[name] = name
        candidates = owners.get(fold(name))
        if not candidates or not _surname_like(name) or given_name_only(name):
            continue  # "Kelly" alone may be anyone called Kelly
        (owner, quotes), *_ = candidates.most_common(1)
        if articles is not None and spread[owner] < MIN_ARTICLES:
            continue
        if len(candidates) == 1 or quotes >= _DOMINANT * candidates.total():
            aliases[name] = owner
    return aliases


def _surname_like(name: str) -> bool:
    """A single word spelled as a surname: capitalised, not an acronym, no full stop."""
    return name[:1].isupper() and not name.isupper() and "." not in name


def normalise_speakers(
    quotes: Sequence[Quote], aliases: Mapping[str, str] | None = None
) -> list[Quote]:
    """The quotes with speaker names made consistent across the corpus."""
    if aliases is None:
        aliases = speaker_aliases(q.speaker for q in quotes)
    return [
        replace(q, speaker=aliases.get(q.speaker, q.speaker))
        if aliases.get(q.speaker, q.speaker) != q.speaker
        else q
        for q in quotes
    ]


def speaker_index(
    quotes: Iterable[Quote],
    aliases: Mapping[str, str] | None = None,
    include_unattributed: bool = False,
) -> list[SpeakerCount]:
    """Speakers with their number of quotes and articles, most quoted first.

    ``aliases`` (spelling → canonical, from ``speaker_aliases``) supplies each speaker's variants;
    a speaker's kind (person, organisation, role) is the one most of its quotes give it.
    """
    variants: dict[str, set[str]] = defaultdict(set)
    for name, canonical in (aliases or {}).items():
        if name != canonical:
            variants[canonical].add(name)
    quote_counts: Counter[str] = Counter()
    articles: dict[str, set[str | None]] = defaultdict(set)
    kinds: dict[str, Counter[str]] = defaultdict(Counter)
    for q in quotes:
        if q.speaker == UNATTRIBUTED and not include_unattributed:
            continue
        quote_counts[q.speaker] += 1
        articles[q.speaker].add(q.article_id)
        kinds[q.speaker][q.speaker_kind or "person"] += 1
    return [
        SpeakerCount(
            name,
            n,
            len(articles[name]),
            tuple(sorted(variants[name])),
            kinds[name].most_common(1)[0][0],
        )
        for name, n in sorted(quote_counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ]


def speakers_named(query: str, speakers: Iterable[str], aliases: Mapping[str, str]) -> set[str]:
    """The speakers a name a reader types stands for, compared without case, accents or
    punctuation: the speaker of that name or with it as an alias; else the one person whose
    surname it is ("zakaria": Fareed Zakaria); else a spelling of one name ("Dmitri Peskov"
    for Dmitry Peskov). Never a part of a name: "trump" is not Ivanka Trump."""
    wanted = fold(query)
    known = set(speakers)
    if not wanted:
        return set()
    named = {s for s in known if fold(s) == wanted}
    named |= {c for a, c in aliases.items() if c in known and fold(a) == wanted}
    if named:
        return named
    if " " not in wanted:
        owners = {s for s in known if _person_like(s) and fold(family_name(s)) == wanted}
        return owners if len(owners) == 1 else set()
    return {
        aliases.get(s, s)
        for s in known | set(aliases)
        if aliases.get(s, s) in known and _spelled_alike(wanted, fold(s))
    }


def suggest_speakers(query: str, speakers: Sequence[str]) -> list[str]:
    """Up to three speakers a reader may have meant: those with that surname, or names alike."""
    wanted = fold(query)
    owners = [s for s in speakers if _person_like(s) and fold(family_name(s)) == wanted]
    return owners[:3] or get_close_matches(query, list(speakers), n=3, cutoff=0.6)


def _spelled_alike(a: str, b: str) -> bool:
    """Whether two folded names have as many words, each spelled nearly alike."""
    ta, tb = a.split(), b.split()
    return len(ta) == len(tb) and all(_similar(x, y, 0.8) for x, y in zip(ta, tb, strict=True))
