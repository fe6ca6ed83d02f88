"""Clusters of one quote's versions: repeated in an article or reported by several articles.

Two quotes are versions of each other when their words are equal after normalisation (case,
punctuation, curly or straight marks), when one is contained in the other, or when they are
nearly equal (a word-level similarity of at least ``NEAR_RATIO``, as with two translations of
the same answer). Candidates are found through shared word 4-grams, so the work grows with the
number of quotes, not with its square.

Versions whose known speakers are different people are never one quote, and a short wording
(fewer than ``SHORT_WORDS`` words: "a matter of time") in two articles is a version of another
only when one known speaker says both: otherwise it is a common phrase, not a quote repeated.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from difflib import SequenceMatcher

from peskovtui.quotes.lexicon import family_name
from peskovtui.quotes.model import UNATTRIBUTED, Quote, QuoteCluster, QuoteVersion, Relation

MIN_WORDS = 4
SHORT_WORDS = 7
NEAR_RATIO = 0.6
_SHINGLE = 4
_COMMON_SHINGLE = 40  # a 4-gram in this many distinct quotes is boilerplate, not evidence
QUOTE_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def quote_words(text: str) -> tuple[str, ...]:
    """The words of a quote, lowercased, with apostrophes made straight."""
    return tuple(w.replace("’", "'") for w in QUOTE_WORD.findall(text.lower()))


def _contains(big: tuple[str, ...], small: tuple[str, ...]) -> bool:
    return f" {' '.join(small)} " in f" {' '.join(big)} "


def relation(a: tuple[str, ...], b: tuple[str, ...]) -> Relation | None:
    """How quote ``b`` relates to ``a``: equal, contained (b in a), contains, near, or None."""
    if a == b:
        return "equal"
    if len(b) < len(a) and _contains(a, b):
        return "contained"
    if len(a) < len(b) and _contains(b, a):
        return "contains"
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < NEAR_RATIO or matcher.quick_ratio() < NEAR_RATIO:
        return None
    return "near" if matcher.ratio() >= NEAR_RATIO else None


def word_diff(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    """Word-level edits turning ``a`` into ``b``: "-words", "+words", "old → new"."""
    return _edits(a, b, SequenceMatcher(None, a, b, autojunk=False))


def _version(ref: tuple[str, ...], w: tuple[str, ...]) -> tuple[Relation, tuple[str, ...]]:
    """How a version relates to its cluster's reference, and its word-level differences, with
    one matcher for both."""
    if ref == w:
        return "equal", ()
    matcher = SequenceMatcher(None, ref, w, autojunk=False)
    if len(w) < len(ref) and _contains(ref, w):
        rel: Relation = "contained"
    elif len(ref) < len(w) and _contains(w, ref):
        rel = "contains"
    else:
        rel = "near"
    return rel, _edits(ref, w, matcher)


def _edits(
    a: tuple[str, ...], b: tuple[str, ...], matcher: SequenceMatcher[str]
) -> tuple[str, ...]:
    edits: list[str] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "delete":
            edits.append("-" + " ".join(a[i1:i2]))
        elif op == "insert":
            edits.append("+" + " ".join(b[j1:j2]))
        elif op == "replace":
            edits.append(f"{' '.join(a[i1:i2])} → {' '.join(b[j1:j2])}")
    return tuple(edits)


def differing_words(reference: str, version: str) -> list[tuple[int, int]]:
    """Where ``version``'s words differ from ``reference``'s, as ranges into ``version``."""
    spans = [m.span() for m in QUOTE_WORD.finditer(version)]
    theirs = quote_words(version)
    ours = quote_words(reference)
    if len(spans) != len(theirs):  # lowercasing changed the word count: no reliable ranges
        return []
    ranges: list[tuple[int, int]] = []
    for op, _, _, j1, j2 in SequenceMatcher(None, ours, theirs, autojunk=False).get_opcodes():
        if op in ("replace", "insert") and j2 > j1:
            ranges.append((spans[j1][0], spans[j2 - 1][1]))
    return ranges


def _may_relate(
    counts: dict[int, Counter[str]], words: Sequence[tuple[str, ...]], i: int, j: int
) -> bool:
    """A cheap bound before the matcher: the words two quotes have in common (as a multiset)
    must make up the shorter quote, or reach the near ratio."""
    a = counts.get(i)
    if a is None:
        a = counts[i] = Counter(words[i])
    b = counts.get(j)
    if b is None:
        b = counts[j] = Counter(words[j])
    common = sum((a & b).values())
    la, lb = len(words[i]), len(words[j])
    return common == min(la, lb) or 2 * common >= NEAR_RATIO * (la + lb)


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _known(quote: Quote) -> str | None:
    """The speaker of a quote if it is a person or a body by name (a role is anyone)."""
    if quote.speaker == UNATTRIBUTED or quote.speaker_kind == "role":
        return None
    return quote.speaker


def same_person(a: str, b: str) -> bool:
    """Whether two speaker names may be one person: equal, or one the other's surname alone
    ("Trump", "Donald Trump")."""
    if a == b:
        return True
    if " " in a and " " in b:
        return False
    return family_name(a) == family_name(b)


class _Components:
    """Union-find over quotes that never joins two components with different known speakers."""

    def __init__(self, quotes: Sequence[Quote], words: Sequence[tuple[str, ...]]) -> None:
        self.parent = list(range(len(quotes)))
        self.words = words
        self.articles = [q.article_id for q in quotes]
        self.speakers: dict[int, set[str]] = {
            i: {k} for i, q in enumerate(quotes) if (k := _known(q)) is not None
        }

    def find(self, i: int) -> int:
        return _find(self.parent, i)

    def join(self, i: int, j: int) -> bool:
        """Join the components of ``i`` and ``j`` if one person may say both."""
        ri, rj = self.find(i), self.find(j)
        if ri == rj:
            return True
        a, b = self.speakers.get(ri, set()), self.speakers.get(rj, set())
        if any(not same_person(x, y) for x in a for y in b):
            return False
        short = min(len(self.words[i]), len(self.words[j])) < SHORT_WORDS
        if short and not (a and b) and self.articles[i] != self.articles[j]:
            return False  # a short phrase in two articles, said by whom we cannot tell
        self.parent[rj] = ri
        if b:
            self.speakers[ri] = a | b
        return True


def cluster_quotes(quotes: Sequence[Quote], min_words: int = MIN_WORDS) -> list[QuoteCluster]:
    """Clusters of two or more versions, in order of first appearance, with ids ``q0001``...."""
    words = [quote_words(q.text) for q in quotes]
    eligible = [
        i
        for i, w in enumerate(words)
        if len(w) >= min_words and quotes[i].kind not in ("fragment", "term")
    ]
    parts = _Components(quotes, words)
    # Equal wordings are one version however often they are reported: only one of them (the
    # representative) takes part in the search for near versions; one more is kept for each
    # speaker who cannot say the same words as the others.
    first_of: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i in eligible:
        same = first_of[words[i]]
        if not any(parts.join(rep, i) for rep in same):
            same.append(i)
    reps = [i for same in first_of.values() for i in same]
    _join_near_versions(_shingle_index(reps, words), parts, words)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in eligible:
        groups[parts.find(i)].append(i)
    members = sorted((m for m in groups.values() if len(m) > 1), key=lambda m: min(m))
    return [_cluster(f"q{n:04d}", m, quotes, words) for n, m in enumerate(members, start=1)]


def _shingle_index(
    reps: Sequence[int], words: Sequence[tuple[str, ...]]
) -> dict[tuple[str, ...], list[int]]:
    """The quotes of ``reps`` under each of their word 4-grams."""
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i in reps:
        w = words[i]
        # The 4-grams of the words (a quote shorter than that is its own single gram).
        shifted = (w[k:] for k in range(_SHINGLE))
        for gram in set(zip(*shifted, strict=False)) if len(w) >= _SHINGLE else {w}:
            index[gram].append(i)
    return index


def _join_near_versions(
    index: dict[tuple[str, ...], list[int]], parts: _Components, words: Sequence[tuple[str, ...]]
) -> None:
    """Join the quotes that are versions of one another."""
    # Candidates are the quotes sharing a 4-gram that few quotes have (an inverted index with
    # blocking), so the work grows with the number of quotes, never with its square.
    checked: set[tuple[int, int]] = set()
    counts: dict[int, Counter[str]] = {}
    for members in index.values():
        if len(members) < 2 or len(members) > _COMMON_SHINGLE:
            continue
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                pair = (members[x], members[y])
                if pair in checked:
                    continue
                checked.add(pair)
                if parts.find(pair[0]) == parts.find(pair[1]):
                    continue
                if not _may_relate(counts, words, pair[0], pair[1]):
                    continue
                if relation(words[pair[0]], words[pair[1]]):
                    parts.join(pair[0], pair[1])


def _cluster(
    cluster_id: str, members: list[int], quotes: Sequence[Quote], words: Sequence[tuple[str, ...]]
) -> QuoteCluster:
    """One cluster, its longest version the reference the others are compared with."""
    ref = max(members, key=lambda i: (len(words[i]), -i))
    versions = []
    for i in sorted(members):
        q = quotes[i]
        rel, diff = _version(words[ref], words[i]) if i != ref else ("reference", ())
        versions.append(QuoteVersion(q.article_id, q.start, q.end, q.text, q.speaker, rel, diff))
    return QuoteCluster(cluster_id, quotes[ref].text, tuple(versions))


def cluster_ids(quotes: Sequence[Quote], clusters: Sequence[QuoteCluster]) -> list[str | None]:
    """For each quote, the id of its cluster (or None), matched by article and range."""
    where = {(v.article_id, v.start, v.end): c.id for c in clusters for v in c.versions}
    return [where.get((q.article_id, q.start, q.end)) for q in quotes]
