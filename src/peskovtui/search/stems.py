"""Stemmed words and phrases searched on the one positional field of exact words.

The index holds each text field once, as exact (folded, unstemmed) words with positions (see
``schema``); a query still reads a word in its stemmed sense (``relations`` finds "relation"),
as the parser gives it: ``Term("text", stem)`` and ``Phrase("text", stems)``. Here each stem
becomes every word of the field's lexicon whose Porter2 stem it is, and a phrase becomes a run
of such alternatives at adjacent positions. Since a word's stem is a function of the word, an
article matches exactly when its stemmed copy would have held the stem.

Scoring stays that of a stemmed field: BM25 of the stem as one term, its frequency in an
article the sum of its words' frequencies (one position each, so the same count), its document
frequency that of the union of its words' postings (deleted articles included until merged, as
Whoosh counts a term's). Summing the BM25 scores of the words instead would rank an article
that writes "president" and "presidents" above one that writes "president" twice.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from math import log
from typing import Any

from whoosh import query as wq
from whoosh.matching import NullMatcher, UnionMatcher, WrappingMatcher
from whoosh.query import SpanNear2
from whoosh.query.spans import Span
from whoosh.scoring import BM25F, BaseScorer, bm25
from whoosh.util import make_binary_tree

from peskovtui.search.cancel import CancelCheck, check
from peskovtui.search.expansion import field_leaves
from peskovtui.search.offsets import stem_word
from peskovtui.search.phrases import phrase_articles
from peskovtui.search.postings import KeptPostings, add_frequencies
from peskovtui.search.schema import WORD_TWINS
from peskovtui.search.scored import ScoredList, bm25_scores


def candidates_prefix(stem: str) -> str:
    """A prefix that every word with Porter2 stem ``stem`` starts with.

    Porter2 keeps a word's first letter and rewrites at most the last two letters of what it
    keeps ("ability" -> "abl", "dying" -> "die", "hopping" -> "hop"; a test checks this over
    the words of the bundled texts and Porter2's exceptions, and it held for all 53,567 words of
    the shared CSV), so the words of a stem are found in a short stretch of the sorted lexicon
    instead of stemming all of it.
    """
    return stem[: max(1, len(stem) - 2)]


class StemWords:
    """The words of each stem in one index reader, looked up on first use, and the postings of
    the words read lately (``KeptPostings``); a new reader starts afresh (its segments, and so
    its words, may differ)."""

    def __init__(self) -> None:
        self._reader: Any = None
        self._found: dict[tuple[str, str], tuple[tuple[str, ...], int]] = {}
        self.kept = KeptPostings()
        self._guard = threading.Lock()

    def get(self, reader: Any, field: str, stem: str) -> tuple[tuple[str, ...], int]:
        """The words of ``field`` whose stem is ``stem``, and how many articles hold any."""
        key = (field, stem)
        with self._guard:
            if reader is not self._reader:
                self._reader, self._found, self.kept = reader, {}, KeptPostings()
            found = self._found.get(key)
            kept = self.kept
        if found is None:
            words = _words_of(reader, field, stem)
            found = (words, _document_frequency(reader, field, words, kept))
            with self._guard:
                if reader is self._reader:
                    self._found[key] = found
        return found


def _words_of(reader: Any, field: str, stem: str) -> tuple[str, ...]:
    words: set[str] = set()
    prefix = candidates_prefix(stem)
    for leaf in field_leaves(reader, field):
        for btext in leaf.expand_prefix(field, prefix):
            word = btext.decode("utf-8")
            if stem_word(word) == stem:
                words.add(word)
    return tuple(sorted(words))


def _document_frequency(reader: Any, field: str, words: tuple[str, ...], kept: KeptPostings) -> int:
    """How many articles hold any of ``words``, counted as Whoosh counts one term's."""
    if len(words) <= 1:
        return sum(reader.doc_frequency(field, w) for w in words)
    total = 0
    for leaf in field_leaves(reader, field):
        ids: set[int] = set()
        for word in words:
            if (field, word) in leaf:
                # Whoosh's document frequency of a term counts deleted articles until their
                # segment is merged; a stemmed field's would have, so these count too.
                ids.update(kept.read(leaf, field, word).ids)
        total += len(ids)
    return total


class StemTerm(wq.Query):  # type: ignore[misc]
    """The words of ``fieldname`` whose stem is ``stem``, scored as the stem in a stemmed field
    would be (see the module's doc)."""

    def __init__(
        self,
        fieldname: str,
        stem: str,
        words: Iterable[str],
        frequency: int,
        boost: float = 1.0,
        cancel: CancelCheck | None = None,
        kept: KeptPostings | None = None,
    ) -> None:
        self.fieldname = fieldname
        self.text = stem
        self.words = tuple(words)
        self.frequency = frequency
        self.boost = boost
        # Asked while the articles are read and scored, which is most of a long search.
        self.cancel = cancel
        # Where the words' postings are read from, kept for the next searches.
        self.kept = kept if kept is not None else KeptPostings(budget=0)

    def __repr__(self) -> str:
        return f"StemTerm({self.fieldname!r}, {self.text!r}, {self.words!r})"

    def __str__(self) -> str:
        return f"{self.fieldname}:{self.text}"

    def _key(self) -> tuple[Any, ...]:
        return (self.fieldname, self.text, self.words, self.boost)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, StemTerm) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(("StemTerm", *self._key()))

    def is_leaf(self) -> bool:
        return True

    def field(self) -> str:
        return self.fieldname

    def terms(self, phrases: bool = True) -> Iterator[tuple[str, str]]:
        for word in self.words:
            yield self.fieldname, word

    def estimate_size(self, ixreader: Any) -> int:
        return self.frequency

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        reader = searcher.reader()
        field = self.fieldname
        present = [w for w in self.words if (field, w) in reader]
        if not present:
            return NullMatcher()
        weighting = context.weighting if context is not None else None
        # As Whoosh's Term does: an unscored context still scores with the searcher's model.
        weighting = weighting or searcher.weighting
        if not isinstance(weighting, BM25F):  # not the project's: the words' own scores, summed
            children = [searcher.postings(field, w, weighting=weighting) for w in present]
            matcher = make_binary_tree(UnionMatcher, children)
        else:
            scorer = _StemScorer(searcher, field, self.frequency, weighting)
            matcher = _merged(reader, field, present, scorer, self.kept, self.cancel)
        return WrappingMatcher(matcher, boost=self.boost) if self.boost != 1.0 else matcher


def _merged(
    reader: Any,
    field: str,
    words: list[str],
    scorer: _StemScorer,
    kept: KeptPostings,
    cancel: CancelCheck | None,
) -> Any:
    """The words' postings merged into one list of articles with summed frequencies and their
    scores: read once, a block at a time, instead of a tree of unions stepped through at every
    article (which made a phrase about 1.5 times as slow as on a stemmed field), and scored in
    one pass."""
    ids, frequencies = _frequencies(reader, field, words, kept, cancel)
    return _MergedMatcher(
        ids,
        frequencies,
        scorer.scores(reader, ids, frequencies),
        lambda: _postings(reader, field, words),
    )


def _frequencies(
    reader: Any, field: str, words: list[str], kept: KeptPostings, cancel: CancelCheck | None
) -> tuple[list[int], list[float]]:
    """The articles holding any of ``words`` (ascending) and the sum of the words' frequencies
    in each."""
    if len(words) == 1:
        # One word's postings are already in order, each article once.
        return kept.read(reader, field, words[0], cancel).live()
    weights: dict[int, float] = {}
    for word in words:
        add_frequencies(weights, *kept.read(reader, field, word, cancel).live())
    check(cancel)
    ids = sorted(weights)
    return ids, [weights[i] for i in ids]


def _postings(reader: Any, field: str, words: list[str]) -> list[Any]:
    return [reader.postings(field, word) for word in words]


class _MergedMatcher(ScoredList):
    """A stem's articles with summed frequencies and scores; the positions of the current
    article (for a phrase) are read from its words' postings when asked for."""

    def __init__(
        self,
        ids: list[int],
        weights: list[float],
        scores: list[float],
        open_postings: Any,
        i: int = 0,
    ) -> None:
        super().__init__(ids, scores, i)
        self._weights = weights
        self._open_postings = open_postings
        self._words: list[Any] | None = None

    def copy(self) -> _MergedMatcher:
        return _MergedMatcher(self._ids, self._weights, self._scores, self._open_postings, self._i)

    def reset(self) -> None:
        super().reset()
        self._words = None  # the words' postings only move forward

    def supports(self, astype: str) -> bool:
        return astype == "positions"

    def spans(self) -> list[Span]:
        if self._words is None:
            self._words = self._open_postings()
        docnum = self.id()
        spans: list[Span] = []
        for postings in self._words:
            if postings.is_active() and postings.id() < docnum:
                postings.skip_to(docnum)
            if postings.is_active() and postings.id() == docnum:
                spans.extend(Span(pos) for pos in postings.value_as("positions"))
        return sorted(spans)


class _StemScorer(BaseScorer):  # type: ignore[misc]
    """BM25 of a stem in one segment, from its words' summed frequency and the field's length."""

    def __init__(self, searcher: Any, fieldname: str, frequency: int, weighting: Any) -> None:
        top = searcher.get_parent()
        # The same inverse document frequency as Whoosh's ``WeightingModel.idf`` of one term.
        self.idf = log(top.doc_count_all() / (frequency + 1)) + 1
        self.avgfl = top.avg_field_length(fieldname) or 1
        self.B = weighting._field_B.get(fieldname, weighting.B)
        self.K1 = weighting.K1
        self._searcher = searcher
        self._fieldname = fieldname

    def supports_block_quality(self) -> bool:
        # The words' block bounds are not the stem's; every posting is scored.
        return False

    def score(self, matcher: Any) -> float:
        length = self._searcher.doc_field_length(matcher.id(), self._fieldname, 1)
        return float(bm25(self.idf, matcher.weight(), length, self.avgfl, self.B, self.K1))

    def scores(self, reader: Any, ids: list[int], frequencies: list[float]) -> list[float]:
        """The scores of the articles ``ids`` of ``reader`` (a segment's), as ``score`` gives
        them, worked out at once."""
        return bm25_scores(
            self._searcher,
            reader,
            self._fieldname,
            (self.idf, self.avgfl, self.B, self.K1),
            ids,
            frequencies,
        )


class StemPhrase(wq.Query):  # type: ignore[misc]
    """Stems at adjacent positions (within ``slop``), as Whoosh's ``Phrase`` matches words."""

    def __init__(self, parts: list[StemTerm], slop: int = 1, boost: float = 1.0) -> None:
        self.parts = parts
        self.slop = slop
        self.boost = boost

    def __repr__(self) -> str:
        return f"StemPhrase({self.parts!r}, slop={self.slop})"

    def _key(self) -> tuple[Any, ...]:
        return (tuple(self.parts), self.slop, self.boost)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, StemPhrase) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(("StemPhrase", *self._key()))

    def is_leaf(self) -> bool:
        return True

    def terms(self, phrases: bool = True) -> Iterator[tuple[str, str]]:
        if phrases:
            for part in self.parts:
                yield from part.terms()

    def estimate_size(self, ixreader: Any) -> int:
        return min((p.frequency for p in self.parts), default=0)

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        reader = searcher.reader()
        # Whoosh's Phrase gives up at once where a word is missing from the segment.
        if not all(any((p.fieldname, w) in reader for w in p.words) for p in self.parts):
            return NullMatcher()
        weighting = (context.weighting if context is not None else None) or searcher.weighting
        if isinstance(weighting, BM25F) and self._read_at_once(reader):
            matcher = self._scored(searcher, reader, weighting)
        else:
            near = SpanNear2(self.parts, slop=self.slop, ordered=True, mindist=1)
            matcher = near.matcher(searcher, context)
        return WrappingMatcher(matcher, boost=self.boost) if self.boost != 1.0 else matcher

    def _read_at_once(self, reader: Any) -> bool:
        """Whether ``phrase_articles`` gives what ``SpanNear2`` over the parts would: parts
        scored as they are, on fields that keep positions (Whoosh refuses the others)."""
        return all(
            part.boost == 1.0 and reader.schema[part.fieldname].format.supports("positions")
            for part in self.parts
        )

    def _scored(self, searcher: Any, reader: Any, weighting: Any) -> ScoredList:
        """The phrase's articles with the scores ``SpanNear2`` gives them: the parts' BM25
        summed as its tree of intersections sums them."""
        cancel = next((part.cancel for part in self.parts if part.cancel is not None), None)
        parts = tuple((part.fieldname, part.words) for part in self.parts)
        ids, frequencies = self.parts[0].kept.answer(
            reader,
            ("phrase", parts, self.slop),
            lambda: phrase_articles(reader, parts, self.slop, cancel),
        )
        columns = [
            _StemScorer(searcher, part.fieldname, part.frequency, weighting).scores(
                reader, ids, counts
            )
            for part, counts in zip(self.parts, frequencies, strict=True)
        ]
        return ScoredList(ids, _summed_as_tree(columns) if columns else [])


def _summed_as_tree(columns: list[list[float]]) -> list[float]:
    """Each article's scores summed as ``make_binary_tree(IntersectionMatcher, ...)`` sums
    its matchers' (a + b at every node, the first half of the list on the left), so the total
    is the same float."""
    if len(columns) == 1:
        return columns[0]
    half = len(columns) // 2
    left, right = _summed_as_tree(columns[:half]), _summed_as_tree(columns[half:])
    return [a + b for a, b in zip(left, right, strict=True)]


def resolve_stems(
    query: Any, reader: Any, stems: StemWords, cancel: CancelCheck | None = None
) -> Any:
    """``query`` with each term and phrase of a stemmed field (``text``, ``title``,
    ``subtitle``) made a ``StemTerm`` or ``StemPhrase`` over the field's exact words."""

    def stem_term(field: str, stem: str, boost: float = 1.0) -> StemTerm:
        words, frequency = stems.get(reader, WORD_TWINS[field], stem)
        return StemTerm(WORD_TWINS[field], stem, words, frequency, boost, cancel, stems.kept)

    def resolve(q: Any) -> Any:
        field = getattr(q, "fieldname", None)
        if field not in WORD_TWINS:
            return q
        if isinstance(q, wq.Phrase):
            parts = [stem_term(field, s) for s in q.words]
            return StemPhrase(parts, slop=int(q.slop), boost=q.boost)
        if type(q) is wq.Term:
            return stem_term(field, q.text, q.boost)
        return q

    return query.accept(resolve)
