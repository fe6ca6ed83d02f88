"""Matches worked out in one pass: every article of a segment with its score, in two lists.

A query over many articles (``russia OR china`` matches 35,000 of 50,000) is ranked by
stepping Whoosh's tree of matchers one article at a time, several Python calls per article and
per node. Since every match is counted and scored anyway (see ``cancel.counting_collector``),
the stems' matchers work out their articles and scores at once (see ``stems``), and a union or
intersection of such lists is merged here into one list, with each article's score summed in
the order Whoosh's matcher sums it, so the scores, the order of the hits and the totals stay
exactly Whoosh's. A word's own postings scored by Whoosh's BM25F (the words a prefix or a fuzzy
term stands for) are read and scored at once too. Any other matcher is left to Whoosh.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from whoosh.codec.whoosh3 import LENGTHS_COLUMN
from whoosh.matching import IntersectionMatcher, ListMatcher, NullMatcherClass, UnionMatcher
from whoosh.scoring import BM25FScorer
from whoosh.util.numeric import byte_to_length

from peskovtui.search.postings import blocks, unfiltered


class ScoredList(ListMatcher):  # type: ignore[misc]
    """Articles (``ids``, ascending) with their final ``scores``."""

    def __init__(self, ids: list[int], scores: list[float], i: int = 0) -> None:
        super().__init__(ids, scores, position=i)
        self._scores = scores

    def copy(self) -> ScoredList:
        return ScoredList(self._ids, self._scores, self._i)

    def supports_block_quality(self) -> bool:
        return False

    def score(self) -> float:
        return self._scores[self._i]

    def walk(self) -> Iterator[int]:
        """The articles from the current one on, the matcher moving on to each in turn."""
        ids = self._ids
        while self._i < len(ids):
            yield ids[self._i]
            self._i += 1

    def remaining(self) -> tuple[list[int], list[float]]:
        """The articles and scores from the current one on."""
        i = self._i
        return (self._ids[i:], self._scores[i:]) if i else (self._ids, self._scores)


def scored_list(matcher: Any, searcher: Any = None, cancel: Any = None) -> ScoredList | None:
    """``matcher`` as one list of articles and scores, when it is made of such lists only, or
    (given the segment's ``searcher``) of words' postings scored by BM25F. The matcher is
    used up; one that cannot be merged is left as it was."""
    if not _mergeable(matcher, searcher):
        return None
    return ScoredList(*_lists(matcher, searcher, cancel))


def _mergeable(matcher: Any, searcher: Any) -> bool:
    if isinstance(matcher, ScoredList | NullMatcherClass):
        return True
    if searcher is not None and _word_scorer(matcher) is not None:
        return True
    kind = type(matcher)
    if kind is not UnionMatcher and kind is not IntersectionMatcher:
        return False
    return _mergeable(matcher.a, searcher) and _mergeable(matcher.b, searcher)


def _lists(matcher: Any, searcher: Any, cancel: Any) -> tuple[list[int], list[float]]:
    if isinstance(matcher, ScoredList):
        return matcher.remaining()
    if isinstance(matcher, NullMatcherClass):
        return [], []
    scorer = _word_scorer(matcher)
    if scorer is not None:
        return _word_scores(matcher, scorer, searcher, cancel)
    a = _lists(matcher.a, searcher, cancel)
    b = _lists(matcher.b, searcher, cancel)
    if type(matcher) is UnionMatcher:
        # ``UnionMatcher.score``: a's score, b's, or a's + b's where both match.
        scores = dict(zip(*a, strict=True))
        for docnum, score in zip(*b, strict=True):
            first = scores.get(docnum)
            scores[docnum] = score if first is None else first + score
        ids = sorted(scores)
        return ids, [scores[docnum] for docnum in ids]
    # ``IntersectionMatcher.score``: a's score + b's.
    second = dict(zip(*b, strict=True))
    both = [
        (docnum, score + second[docnum])
        for docnum, score in zip(*a, strict=True)
        if docnum in second
    ]
    return [docnum for docnum, _ in both], [score for _, score in both]


def _word_scorer(matcher: Any) -> Any:
    """The ``BM25FScorer`` of one word's postings (a reader's ``postings``), or None for any
    other matcher."""
    postings = unfiltered(matcher)[1]
    scorer = getattr(postings, "scorer", None) or getattr(postings, "_scorer", None)
    if type(scorer) is not BM25FScorer or getattr(postings, "term", lambda: None)() is None:
        return None
    return scorer


def _word_scores(
    matcher: Any, scorer: Any, searcher: Any, cancel: Any
) -> tuple[list[int], list[float]]:
    """The articles of one word's postings from the current one on, with the scores its
    ``scorer`` gives them (``WeightLengthScorer.score``)."""
    field = unfiltered(matcher)[1].term()[0]
    ids: list[int] = []
    frequencies: list[float] = []
    for block in blocks(matcher, cancel=cancel):
        ids.extend(block.ids)
        frequencies.extend(block.weights)
    model = (scorer.idf, scorer.avgfl, scorer.B, scorer.K1)
    return ids, bm25_scores(searcher, searcher.reader(), field, model, ids, frequencies)


def bm25_scores(
    searcher: Any,
    reader: Any,
    fieldname: str,
    model: tuple[float, float, float, float],
    ids: list[int],
    frequencies: list[float],
) -> list[float]:
    """BM25 (``model``: idf, average field length, B, K1) of a term with ``frequencies`` in
    the articles ``ids`` of a segment's ``reader``, as Whoosh's ``bm25`` gives it at each."""
    idf, avgfl, b, k1 = model
    column = _length_bytes(reader, fieldname)
    if column is None:
        length = searcher.doc_field_length
        lengths = [length(docnum, fieldname, 1) for docnum in ids]
    else:
        table = _LENGTH_OF_BYTE
        lengths = [table[column[docnum]] for docnum in ids]
    # ``whoosh.scoring.bm25`` written out, the same operations in the same order (so the same
    # floats, which a test checks), without a call per article.
    k1_plus_1, one_minus_b = k1 + 1, 1 - b
    return [
        idf * ((tf * k1_plus_1) / (tf + k1 * (one_minus_b + b * fl / avgfl)))
        for tf, fl in zip(frequencies, lengths, strict=True)
    ]


# Whoosh's length of a field from the byte it keeps (a zero byte reads as None, as in Whoosh).
_LENGTH_OF_BYTE = [None, *(byte_to_length(byte) for byte in range(1, 256))]


def _length_bytes(reader: Any, fieldname: str) -> bytes | None:
    """The byte Whoosh keeps for the length of ``fieldname`` in each article of a segment's
    ``reader``, from one read of its column of lengths instead of one read per article; None
    where the reader is not one of Whoosh's own segment readers or the field keeps no lengths
    (the searcher is then asked article by article)."""
    try:
        column = reader._perdoc._cached_reader(f"_{fieldname}_len", LENGTHS_COLUMN)
        if column is None:
            return None
        data = bytes(column._dbfile.get(column._basepos, column._count))
    except AttributeError:
        return None
    # Articles after the last one written hold the column's default, the zero byte.
    return data + bytes(max(0, reader.doc_count_all() - len(data)))
