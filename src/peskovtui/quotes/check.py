"""Checking a quote: every place in a corpus that reports the words of a pasted text.

The pasted words are compared with the clustering's matcher (``quote_words`` and a word-level
``SequenceMatcher`` held to ``NEAR_RATIO``), so punctuation, quote marks and case never count
as a difference, and a few changed words still match. An ellipsis in the pasted text ("…",
"...") stands for words left out: the words the passage has in its place are no difference.

Candidate articles are found cheaply first (an article's lowercased text must hold most of
the pasted text's longest words and some of its pairs of words); only those are aligned word by
word, and a passage is a quotation when it lies in one of the article's quotes (mostly), else
the article's own words: a reported statement.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from difflib import Match, SequenceMatcher
from itertools import pairwise
from typing import Any, Literal

from peskovtui.citation import paragraph_number
from peskovtui.corpus import Article
from peskovtui.errors import PeskovError
from peskovtui.quotes.clusters import MIN_WORDS, NEAR_RATIO, QUOTE_WORD, quote_words
from peskovtui.quotes.model import Quote

FindingKind = Literal["verbatim", "different wording", "reported"]
Verdict = Literal["found verbatim", "found with different wording", "not found"]

_ELLIPSIS = re.compile(r"…|\.\s*\.\s*\.|\[\s*(?:…|\.\.\.)\s*\]")
# The longest words of the pasted text are looked for in every article; an article holding
# fewer than half of them cannot reach the near ratio in practice and is not aligned.
_PROBE_WORDS = 10
# So are its longest pairs of words; an article must hold a third of them.
_PROBE_PAIRS = 12
# Words of the article between two pasted words found near each other: more than this and
# they are two places (an ellipsis allows a longer stretch of left-out words).
_GAP = 6
_ELLIPSIS_GAP = 60
# Words replaced at either end of a passage that are still taken as part of it.
_WIDEN = 2
# What an ellipsis is in the pasted words (no word has a NUL).
_ELLIPSIS_TOKEN = "\0…"
# Words too common to tie two places of an article together.
_COMMON = frozenset(
    re.split(
        r"\s+",
        "a an the of to in on at and or but is are was were be been it its that this for with "
        "as by from we i you he she they our his her their not",
    )
)

# Words that tell one statement from another are the others: of those, at most a third of the
# pasted ones may be replaced by other words in a place that reports them.
_UNCOUNTED = _COMMON | {
    _ELLIPSIS_TOKEN,
    *re.split(r"\s+", "have has had do does did will would can could so if more most very"),
}


class CheckError(PeskovError):
    """The pasted text cannot be checked (empty, or too short to tell a quote)."""


@dataclass(frozen=True, slots=True)
class Finding:
    """One place reporting the pasted words: ``article.text[start:end]`` is the passage, and
    ``differences`` are the ranges of its words that differ from the pasted text.

    ``kind`` is ``verbatim`` or ``different wording`` for a passage inside quote marks (with its
    ``speaker``), ``reported`` for the article's own words outside them."""

    article_id: str
    title: str
    outlet: str | None
    date: str | None
    url: str | None
    speaker: str | None
    kind: FindingKind
    start: int
    end: int
    passage: str
    paragraph: int
    differences: tuple[tuple[int, int], ...]
    # The pasted words the passage leaves out (not counting those an ellipsis stands for).
    missing: tuple[str, ...]
    # Whether the passage has the pasted words exactly (punctuation, case and the words an
    # ellipsis stands for aside), quoted or not.
    verbatim: bool

    def to_json(self) -> dict[str, Any]:
        """The finding as plain JSON data (what ``check --format json`` prints)."""
        return {
            "article_id": self.article_id,
            "title": self.title,
            "outlet": self.outlet,
            "date": self.date,
            "url": self.url,
            "speaker": self.speaker,
            "kind": self.kind,
            "verbatim": self.verbatim,
            "start": self.start,
            "end": self.end,
            "passage": self.passage,
            "paragraph": self.paragraph,
            "differences": [
                {"start": s, "end": e, "words": self.passage[s - self.start : e - self.start]}
                for s, e in self.differences
            ],
            "missing": list(self.missing),
        }


@dataclass(frozen=True, slots=True)
class CheckResult:
    """The answer to a check: a verdict in plain words and the places, earliest first."""

    text: str
    verdict: Verdict
    findings: tuple[Finding, ...]

    def to_json(self) -> dict[str, Any]:
        """The answer as plain JSON data."""
        return {
            "text": self.text,
            "verdict": self.verdict,
            "findings": [f.to_json() for f in self.findings],
        }


@dataclass(frozen=True, slots=True)
class _Pasted:
    """The pasted text's words, the word indexes an ellipsis stands before, and its pairs of
    words written with one space between (not both common), longest first."""

    words: tuple[str, ...]
    gaps: frozenset[int]
    pairs: tuple[str, ...]

    @property
    def pattern(self) -> tuple[str, ...]:
        """The words with a token that matches no word where an ellipsis is, so that no run
        of matched words reaches across it."""
        pattern: list[str] = []
        for i, word in enumerate(self.words):
            if i in self.gaps:
                pattern.append(_ELLIPSIS_TOKEN)
            pattern.append(word)
        return tuple(pattern)


def pasted_words(text: str) -> _Pasted:
    """The words of a pasted text and where its ellipses are; a clear error when too short."""
    words: list[str] = []
    gaps: set[int] = set()
    pairs: set[str] = set()
    for n, part in enumerate(_ELLIPSIS.split(text)):
        if n and words:
            gaps.add(len(words))
        words.extend(quote_words(part))
        lowered = _lowered(part)
        found = list(QUOTE_WORD.finditer(lowered))
        for one, two in pairwise(found):
            if lowered[one.end() : two.start()] == " " and {one[0], two[0]} - _COMMON:
                pairs.add(f"{one[0]} {two[0]}")
    if not words:
        raise CheckError("There are no words to check: paste the words of a quote.")
    if len(words) < MIN_WORDS:
        raise CheckError(
            f"{len(words)} word{'s are' if len(words) != 1 else ' is'} too few to check: "
            f"paste at least {MIN_WORDS} words of the quote."
        )
    longest = sorted(pairs, key=lambda p: (-len(p), p))
    return _Pasted(tuple(words), frozenset(gaps - {len(words)}), tuple(longest))


QuotesOf = Callable[[Article], Sequence[Quote]]


class QuoteChecker:
    """Finds the places reporting a pasted text in a fixed list of articles."""

    def __init__(self, articles: Sequence[Article], quotes_of: QuotesOf) -> None:
        self.articles = articles
        self._quotes_of = quotes_of
        self._lowered: list[str] | None = None

    def check(self, text: str) -> CheckResult:
        """Every place that reports the words of ``text``, earliest first, and the verdict."""
        pasted = pasted_words(text)
        findings: list[tuple[tuple[bool, str, int], Finding]] = []
        for order, article in self._candidates(pasted):
            for finding in self._findings(article, pasted):
                findings.append(((article.date is None, article.date or "", order), finding))
        findings.sort(key=lambda pair: (pair[0], pair[1].start))
        found = tuple(f for _, f in findings)
        verdict: Verdict = "not found"
        if any(f.verbatim for f in found):
            verdict = "found verbatim"
        elif found:
            verdict = "found with different wording"
        return CheckResult(text, verdict, found)

    def _candidates(self, pasted: _Pasted) -> list[tuple[int, Article]]:
        """The articles that may report the pasted words: holding most of its longest words,
        and some of its word pairs as they are written (a changed word breaks two pairs)."""
        if self._lowered is None:
            self._lowered = [_lowered(article.text) for article in self.articles]
        distinct = sorted(set(pasted.words) - _COMMON, key=lambda w: (-len(w), w))
        probes = distinct[:_PROBE_WORDS] or sorted(set(pasted.words))[:_PROBE_WORDS]
        needed = (len(probes) + 1) // 2
        pairs = pasted.pairs[:_PROBE_PAIRS]
        needed_pairs = (len(pairs) + 2) // 3
        found = []
        for order, lowered in enumerate(self._lowered):
            if _holds(lowered, probes, needed) and _holds(lowered, pairs, needed_pairs):
                found.append((order, self.articles[order]))
        return found

    def _findings(self, article: Article, pasted: _Pasted) -> list[Finding]:
        spans = [m.span() for m in QUOTE_WORD.finditer(article.text)]
        # Each word lowercased on its own, so that the words and their ranges stay paired.
        words = tuple(_lowered(article.text[a:b]) for a, b in spans)
        n = len(pasted.words)
        aligned: list[_Aligned] = []
        for first, last in _places(words, pasted):
            _align_all(pasted, words, max(0, first - n), min(len(words), last + n), aligned)
        quotes = self._quotes_of(article) if aligned else ()
        findings = []
        for placed in sorted(aligned):
            passage = _within_quotes(pasted, words, spans, quotes, placed)
            if not passage.another_statement:
                findings.append(_finding(article, quotes, spans, passage))
        return findings


def _finding(
    article: Article, quotes: Sequence[Quote], spans: Sequence[tuple[int, int]], placed: _Aligned
) -> Finding:
    start, end = spans[placed.lo][0], spans[placed.hi - 1][1]
    quote = _quote_holding(quotes, start, end)
    kind: FindingKind = "reported"
    if quote is not None:
        kind = "verbatim" if placed.exact else "different wording"
    return Finding(
        article_id=article.id,
        title=article.title,
        outlet=article.outlet,
        date=article.date,
        url=article.url,
        speaker=quote.speaker if quote is not None else None,
        kind=kind,
        start=start,
        end=end,
        passage=article.text[start:end],
        paragraph=paragraph_number(article, start),
        differences=tuple((spans[a][0], spans[b - 1][1]) for a, b in placed.changed),
        missing=placed.missing,
        verbatim=placed.exact,
    )


def _lowered(text: str) -> str:
    return text.lower().replace("’", "'")


def _holds(text: str, parts: Sequence[str], needed: int) -> bool:
    """Whether ``text`` holds at least ``needed`` of ``parts``; it stops once it cannot."""
    hits = 0
    for tried, part in enumerate(parts, start=1):
        if part in text:
            hits += 1
            if hits >= needed:
                return True
        elif tried - hits > len(parts) - needed:
            return False
    return hits >= needed


def _places(words: Sequence[str], pasted: _Pasted) -> list[tuple[int, int]]:
    """Stretches of an article's words where the pasted words gather, as word ranges."""
    wanted = set(pasted.words) - _COMMON or set(pasted.words)
    gap = _ELLIPSIS_GAP if pasted.gaps else _GAP
    hits = [i for i, w in enumerate(words) if w in wanted]
    places: list[tuple[int, int]] = []
    group: list[int] = []
    for i in hits:
        if group and i - group[-1] > gap:
            places.append((group[0], group[-1] + 1))
            group = []
        group.append(i)
    if group:
        places.append((group[0], group[-1] + 1))
    needed = max(2, (len(wanted) + 1) // 2)
    return [(a, b) for a, b in places if len({words[i] for i in range(a, b)} & wanted) >= needed]


@dataclass(frozen=True, slots=True, order=True)
class _Aligned:
    """A passage as a range of the article's words: the word ranges that differ from the
    pasted text, the pasted words it leaves out, and whether it has them all exactly."""

    lo: int
    hi: int
    changed: tuple[tuple[int, int], ...]
    missing: tuple[str, ...]
    exact: bool
    # Whether it says something else with some of the same words (see ``_align``).
    another_statement: bool = False


def _align_all(
    pasted: _Pasted, words: Sequence[str], lo: int, hi: int, found: list[_Aligned]
) -> None:
    """Every passage of ``words[lo:hi]`` matching the pasted words, added to ``found``: the
    best one, then those before and after it."""
    placed = _align(pasted, words, lo, hi)
    if placed is None:
        return
    found.append(placed)
    if placed.lo - lo >= MIN_WORDS:
        _align_all(pasted, words, lo, placed.lo, found)
    if hi - placed.hi >= MIN_WORDS:
        _align_all(pasted, words, placed.hi, hi, found)


def _align(pasted: _Pasted, words: Sequence[str], lo: int, hi: int) -> _Aligned | None:
    """The passage of ``words[lo:hi]`` that best matches the pasted words; None when it falls
    short of the near ratio."""
    pattern = pasted.pattern
    n = len(pattern)
    window = words[lo:hi]
    blocks = [
        b
        for b in SequenceMatcher(None, pattern, window, autojunk=False).get_matching_blocks()
        if b.size
    ]
    blocks = _densest(blocks, pattern)
    if not blocks:
        return None
    # The passage runs from the first matched word to the last, widened over a word or two
    # replaced at either end, so that a changed first or last word is part of it.
    head = min(blocks[0].a, blocks[0].b, _WIDEN)
    end_a, end_b = blocks[-1].a + blocks[-1].size, blocks[-1].b + blocks[-1].size
    tail = min(n - end_a, len(window) - end_b, _WIDEN)
    a0, b0 = blocks[0].a - head, blocks[0].b - head
    a1, b1 = end_a + tail, end_b + tail
    ours, theirs = pattern[a0:a1], window[b0:b1]
    matcher = SequenceMatcher(None, ours, theirs, autojunk=False)
    changed: list[tuple[int, int]] = []
    missing = [*pattern[:a0]]
    left_out = replaced = 0
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        if ours[i1:i2] and set(ours[i1:i2]) == {_ELLIPSIS_TOKEN}:
            left_out += j2 - j1  # the words an ellipsis stands for
            continue
        if j2 > j1:  # words in place of the pasted ones, or added
            changed.append((lo + b0 + j1, lo + b0 + j2))
            replaced += _counted(ours[i1:i2])
        else:
            missing.extend(ours[i1:i2])
    missing.extend(pattern[a1:])
    missing = [word for word in missing if word != _ELLIPSIS_TOKEN]
    same = sum(b.size for b in matcher.get_matching_blocks())
    if same < MIN_WORDS or 2 * same < NEAR_RATIO * (len(pasted.words) + len(theirs) - left_out):
        return None
    # A passage that shares the common words of a short text and puts others in place of the
    # rest ("I have never seen anything like it" for "I have never seen more dishonest media")
    # is another statement, however alike the two look by the ratio; one that shares as many
    # telling words as a quote must have is the same statement reworded, and one that only
    # stops short of the pasted words is a shorter report of them.
    telling, lost = _counted(pattern), replaced + _counted(missing)
    other = bool(replaced) and 3 * lost > telling and telling - lost < MIN_WORDS
    exact = not changed and not missing
    return _Aligned(lo + b0, lo + b1, tuple(changed), tuple(missing), exact, other)


def _counted(words: Sequence[str]) -> int:
    """How many of ``words`` tell one statement from another."""
    return sum(word not in _UNCOUNTED for word in words)


def _densest(blocks: Sequence[Match], pattern: Sequence[str]) -> list[Match]:
    """The run of matched blocks with the most words, a run ending where the article has more
    words between two blocks than the pasted text (a stray match of a common word far off)."""
    runs: list[list[Match]] = []
    for block in blocks:
        if runs:
            last = runs[-1][-1]
            after = last.a + last.size
            between = block.b - (last.b + last.size) - (block.a - after)
            ellipsis = _ELLIPSIS_TOKEN in pattern[after : block.a]
            if between <= (_ELLIPSIS_GAP if ellipsis else _GAP):
                runs[-1].append(block)
                continue
        runs.append([block])
    return max(runs, key=lambda run: sum(b.size for b in run), default=[])


def _within_quotes(
    pasted: _Pasted,
    words: Sequence[str],
    spans: Sequence[tuple[int, int]],
    quotes: Sequence[Quote],
    placed: _Aligned,
) -> _Aligned:
    """A passage that reaches out of the quotes it overlaps and is not exact, narrowed to them
    (all together, else the one it overlaps most) when the quoted words alone still match:
    what the article quotes is told apart from its own words around it ("... evidence," he
    said. "What we have seen")."""
    start, end = spans[placed.lo][0], spans[placed.hi - 1][1]
    overlapping = [q for q in quotes if q.start < end and start < q.end]
    if not overlapping or placed.exact:
        return placed

    def overlap(quote: Quote) -> int:
        return min(end, quote.end) - max(start, quote.start)

    narrower = [(min(q.start for q in overlapping), max(q.end for q in overlapping))]
    if len(overlapping) > 1:
        narrower += [(q.start, q.end) for q in sorted(overlapping, key=overlap, reverse=True)]
    for first, last in narrower:
        first, last = max(start, first), min(end, last)
        if (first, last) == (start, end):
            continue
        lo = bisect_left(spans, first, key=lambda span: span[0])
        hi = bisect_right(spans, last, key=lambda span: span[1])
        if hi - lo >= MIN_WORDS and (found := _align(pasted, words, lo, hi)) is not None:
            return found
    return placed


def _quote_holding(quotes: Sequence[Quote], start: int, end: int) -> Quote | None:
    """The quote holding most of ``text[start:end]`` (at least half of it), if any."""
    best, most = None, 0
    for quote in quotes:
        overlap = min(end, quote.end) - max(start, quote.start)
        if overlap > most:
            best, most = quote, overlap
    return best if best is not None and 2 * most >= end - start else None
