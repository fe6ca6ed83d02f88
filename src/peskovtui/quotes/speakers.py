"""Speaker names across a corpus: spelling variants merged, and an index of quotes per speaker."""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from difflib import SequenceMatcher

from peskovtui.quotes.lexicon import ORG_NOUNS
from peskovtui.quotes.model import UNATTRIBUTED, Quote, SpeakerCount


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
    # Bodies ("Senate Intelligence Committee", "Russia's Defense Ministry") are not people.
    return fold(words[-1]) not in ORG_NOUNS and "'s" not in name and "’s" not in name


def _variants(a: str, b: str) -> bool:
    """Whether two person names are spellings of one name ("Dmitry Peskov", "Dmitri Peskov")."""
    if not (_person_like(a) and _person_like(b)):
        return False
    ta, tb = fold(a).split(), fold(b).split()
    if len(ta) < 2 or len(tb) < 2:
        return False
    if not _similar(ta[-1], tb[-1], 0.85):
        return False
    fa, fb = ta[0], tb[0]
    if len(fa) == 1 or len(fb) == 1:
        return fa[0] == fb[0]
    return _similar(fa, fb, 0.8)


def speaker_aliases(speakers: Iterable[str]) -> dict[str, str]:
    """Map each speaker name to the corpus's canonical spelling (the most frequent variant).

    Full names merge when surname and first name are near-identical spellings; a lone surname
    ("Peskov", when an article never gives the full name) joins the one full name that ends in
    it, and stays as it is when there are several candidates, since guessing would misattribute.
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
        groups = by_surname[tokens[-1][:4]]
        for group in groups:
            if _variants(group[0], name):
                group.append(name)
                break
        else:
            groups.append([name])
    aliases: dict[str, str] = {}
    owners: dict[str, set[str]] = defaultdict(set)
    for groups in by_surname.values():
        for group in groups:
            for name in group:
                aliases[name] = group[0]
                if _person_like(group[0]):
                    owners[fold(name).split()[-1]].add(group[0])
    for name in singles:
        candidates = owners.get(fold(name), set())
        aliases[name] = next(iter(candidates)) if len(candidates) == 1 else name
    return aliases


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

    ``aliases`` (spelling → canonical, from ``speaker_aliases``) supplies each speaker's variants.
    """
    variants: dict[str, set[str]] = defaultdict(set)
    for name, canonical in (aliases or {}).items():
        if name != canonical:
            variants[canonical].add(name)
    quote_counts: Counter[str] = Counter()
    articles: dict[str, set[str | None]] = defaultdict(set)
    for q in quotes:
        if q.speaker == UNATTRIBUTED and not include_unattributed:
            continue
        quote_counts[q.speaker] += 1
        articles[q.speaker].add(q.article_id)
    return [
        SpeakerCount(name, n, len(articles[name]), tuple(sorted(variants[name])))
        for name, n in sorted(quote_counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
