"""Exact match offsets: re-analyse an article's display text against a query's terms.

Every range ``(start, end)`` indexes ``article.text`` so that ``text[start:end]`` is the matched
surface form (``relations`` for a stemmed ``relation``); a phrase yields its own whole span.
Nothing here depends on rendered lines or on Whoosh's highlighter (which stops at 32K chars).
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, NamedTuple

from whoosh import query as wq
from whoosh.lang.porter2 import stem as porter2_stem
from whoosh.support.levenshtein import distance

from peskovtui.corpus.model import Article
from peskovtui.search.analysis import WORD_PATTERN, fold

Range = tuple[int, int]
# None is the whole display text; "title"/"subtitle" restrict matches to those paragraphs.
Region = str | None

_STEMMED_FIELDS: dict[str, Region] = {"text": None, "title": "title", "subtitle": "subtitle"}
_WORD_FIELDS: dict[str, Region] = {
    "text_words": None,
    "title_words": "title",
    "subtitle_words": "subtitle",
}

WORD_RE = re.compile(WORD_PATTERN)


@lru_cache(maxsize=200_000)
def stem_word(word: str) -> str:
    return str(porter2_stem(word))


def learn_stems(texts: Iterable[str], stop: Callable[[], bool]) -> None:
    """Stem the words of ``texts`` now (``stem_word`` keeps them), until ``stop`` says so.

    Finding the ranges of the first hits of the first search stems every word of their texts,
    most of them common words that every later search finds stemmed: about 40 ms of the first
    search at 3,800 articles, paid here ahead of it instead.
    """
    for text in texts:
        if stop():
            return
        # Not ``_forms``: a text its cache already holds would stem nothing, and these texts
        # would push the hits' own out of its 128.
        for form in set(WORD_RE.findall(text)):
            stem_word(fold(form))


@dataclass(slots=True)
class MatchPlan:
    """What to look for in a display text, region by region, taken from a parsed query."""

    stems: dict[Region, set[str]] = field(default_factory=dict)
    words: dict[Region, set[str]] = field(default_factory=dict)
    predicates: dict[Region, list[Callable[[str], bool]]] = field(default_factory=dict)
    phrases: dict[Region, list[tuple[tuple[str, ...], int]]] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        """True when the query names nothing that can be found in the text."""
        return not (self.stems or self.words or self.predicates or self.phrases)


def _fuzzy_predicate(text: str, maxdist: int, prefixlength: int) -> Callable[[str], bool]:
    prefix = text[:prefixlength]
    return lambda w: w.startswith(prefix) and distance(w, text, limit=maxdist) <= maxdist


def _multiterm_predicate(q: Any) -> Callable[[str], bool] | None:
    if isinstance(q, wq.Prefix):
        prefix = q.text
        return lambda w: w.startswith(prefix)
    if isinstance(q, wq.FuzzyTerm):
        return _fuzzy_predicate(q.text, q.maxdist, q.prefixlength)
    if isinstance(q, wq.Wildcard):
        pattern = re.compile(fnmatch.translate(q.text))
        return lambda w: pattern.match(w) is not None
    return None


def build_plan(query: Any, reader: Any = None) -> MatchPlan:
    """Collect the terms of ``query`` that can match text, skipping negated parts.

    With an index ``reader``, prefix/wildcard/fuzzy terms are expanded to the words the index
    matched; without one they are matched by predicate against each word of the text.
    """
    plan = MatchPlan()

    def visit(q: Any) -> None:
        if isinstance(q, wq.Not):
            return
        if isinstance(q, wq.AndNot):
            visit(q.a)
            return
        name = getattr(q, "fieldname", None)
        if isinstance(q, wq.Phrase):
            if name in _STEMMED_FIELDS or name in _WORD_FIELDS:
                region = _STEMMED_FIELDS.get(name, _WORD_FIELDS.get(name))
                words = tuple(q.words)
                if name in _WORD_FIELDS:
                    words = tuple(stem_word(w) for w in words)
                plan.phrases.setdefault(region, []).append((words, max(1, int(q.slop))))
            return
        if isinstance(q, wq.Term) and not isinstance(q, wq.MultiTerm):
            if name in _STEMMED_FIELDS:
                plan.stems.setdefault(_STEMMED_FIELDS[name], set()).add(str(q.text))
            elif name in _WORD_FIELDS:
                plan.words.setdefault(_WORD_FIELDS[name], set()).add(str(q.text))
            return
        if isinstance(q, wq.MultiTerm) and (name in _WORD_FIELDS or name in _STEMMED_FIELDS):
            stemmed = name in _STEMMED_FIELDS
            region = _STEMMED_FIELDS[name] if stemmed else _WORD_FIELDS[name]
            if reader is not None:
                target = plan.stems if stemmed else plan.words
                bucket = target.setdefault(region, set())
                for _, btext in q.expanded_terms(reader):
                    bucket.add(btext.decode("utf-8") if isinstance(btext, bytes) else btext)
            else:
                predicate = _multiterm_predicate(q)
                if predicate is not None:
                    if stemmed:
                        inner = predicate
                        predicate = lambda w, inner=inner: inner(stem_word(w))  # noqa: E731
                    plan.predicates.setdefault(region, []).append(predicate)
            return
        if q.is_leaf():
            return
        for child in q.children():
            visit(child)

    visit(query)
    return plan


def _region_ranges(article: Article, region: Region) -> list[Range]:
    if region is None:
        return [(0, article.text_length)]
    ranges = [(p.start, p.end) for p in article.paragraphs if p.role == region]
    if ranges:
        return ranges
    value = article.title if region == "title" else article.subtitle
    if value:
        at = article.text.find(value)
        if at >= 0:
            return [(at, at + len(value))]
    return []


class _Token(NamedTuple):
    word: str  # folded, as in the unstemmed fields
    stem: str  # as in the stemmed fields
    start: int
    end: int


@lru_cache(maxsize=128)
def tokens(text: str) -> tuple[_Token, ...]:
    """The words of ``text`` as the index sees them, with their character ranges.

    This is ``analysis.word_analyzer`` + Porter2 spelled out without Whoosh's generator chain
    (five times faster); a test checks that both give the same tokens. Cached because a
    type-ahead search asks again and again for the same top articles.
    """
    stem = stem_word
    return tuple(
        _Token(word, stem(word), m.start(), m.end())
        for m in WORD_RE.finditer(text)
        for word in (fold(m.group()),)
    )


def _inside(ranges: list[Range], start: int, end: int) -> bool:
    return any(lo <= start and end <= hi for lo, hi in ranges)


def _phrase_spans(toks: tuple[_Token, ...], words: tuple[str, ...], slop: int) -> Iterator[Range]:
    if not words:
        return
    n = len(toks)
    for i in range(n):
        if toks[i].stem != words[0]:
            continue
        last = i
        for w in words[1:]:
            for j in range(last + 1, min(n, last + slop + 1)):
                if toks[j].stem == w:
                    last = j
                    break
            else:
                break
        else:
            yield (toks[i].start, toks[last].end)


def merge(ranges: Iterable[Range]) -> tuple[Range, ...]:
    """Sort ranges and merge the ones that overlap (a term inside a matched phrase)."""
    out: list[Range] = []
    for start, end in sorted(ranges):
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return tuple(out)


# Where a word starts and ends as ``WORD_PATTERN`` reads words: not after a letter (nor after a
# letter and an apostrophe), and not before one (nor before an apostrophe and a letter).
WORD_STARTS = r"(?<!\w)(?<!\w['’])"
WORD_ENDS = r"(?!\w)(?!['’]\w)"


@lru_cache(maxsize=128)
def _forms(text: str) -> dict[str, tuple[str, str]]:
    """Each distinct word of ``text`` as written, with its folded word and its stem."""
    forms: dict[str, tuple[str, str]] = {}
    for form in set(WORD_RE.findall(text)):
        word = fold(form)
        forms[form] = (word, stem_word(word))
    return forms


def _forms_pattern(alternatives: Iterable[str]) -> str:
    """A pattern of whole words written as one of ``alternatives``."""
    ordered = sorted(alternatives, key=len, reverse=True)
    return f"(?:{'|'.join(re.escape(a) for a in ordered)}){WORD_ENDS}"


def _form_spans(text: str, forms: list[str]) -> list[Range]:
    if not forms:
        return []
    pattern = re.compile(WORD_STARTS + _forms_pattern(forms))
    return [m.span() for m in pattern.finditer(text)]


def _adjacent_spans(
    text: str, forms: dict[str, tuple[str, str]], stems: tuple[str, ...]
) -> list[Range]:
    """Every run of adjacent words with ``stems`` in ``text``, overlapping runs included."""
    parts = []
    for stem in stems:
        written = [f for f, (_, s) in forms.items() if s == stem]
        if not written:
            return []
        parts.append(_forms_pattern(written))
    # A lookahead finds a run at every word it starts at, as reading the words one by one does.
    pattern = re.compile(WORD_STARTS + "(?=(" + r"\W+".join(parts) + "))")
    return [m.span(1) for m in pattern.finditer(text)]


def plan_offsets(article: Article, plan: MatchPlan) -> tuple[Range, ...]:
    """The character ranges in ``article.text`` that ``plan`` matches, sorted and merged.

    The words of the text are told apart once (each written form with its folded word and
    stem); the forms that match are then found by a pattern of whole words, which is four
    times faster than reading the text word by word. A phrase whose words may be apart
    (``"a b"~3``) is read word by word.
    """
    if plan.empty:
        return ()
    text = article.text
    forms = _forms(text)
    found: list[Range] = []
    regions = set(plan.stems) | set(plan.words) | set(plan.predicates) | set(plan.phrases)
    for region in regions:
        bounds = _region_ranges(article, region)
        if not bounds:
            continue
        stems = plan.stems.get(region, set())
        words = plan.words.get(region, set())
        predicates = plan.predicates.get(region, [])
        matching = [
            form
            for form, (word, stem) in forms.items()
            if stem in stems or word in words or any(p(word) for p in predicates)
        ]
        hits = _form_spans(text, matching)
        for words_, slop in plan.phrases.get(region, []):
            if slop == 1:
                hits.extend(_adjacent_spans(text, forms, words_))
            else:
                hits.extend(_phrase_spans(tokens(text), words_, slop))
        if region is None:
            found.extend(hits)
        else:
            found.extend(h for h in hits if _inside(bounds, *h))
    return merge(found)


def match_offsets(article: Article, query: Any, reader: Any = None) -> tuple[Range, ...]:
    """Exact character ranges in ``article.text`` matched by a parsed Whoosh ``query``."""
    return plan_offsets(article, build_plan(query, reader))
