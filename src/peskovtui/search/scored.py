"""Matches worked out in one pass: every article of a segment with its score, in two lists.

A query over many articles (``russia OR china`` matches 35,000 of 50,000) is ranked by
stepping Whoosh's tree of matchers one article at a time, several Python calls per article and
per node. Since every match is counted and scored anyway (see ``cancel.counting_collector``),
the stems' matchers work out their articles and scores at once (see ``stems``), and a union or
intersection of such lists is merged here into one list, with each article's score summed in
the order Whoosh's matcher sums it, so the scores, the order of the hits and the totals stay
exactly Whoosh's. Any other matcher is left to Whoosh.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from whoosh.matching import IntersectionMatcher, ListMatcher, NullMatcherClass, UnionMatcher


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


def scored_list(matcher: Any) -> ScoredList | None:
    """``matcher`` as one list of articles and scores, when it is made of such lists only."""
    found = _lists(matcher)
    return ScoredList(*found) if found is not None else None


def _lists(matcher: Any) -> tuple[list[int], list[float]] | None:
    if isinstance(matcher, ScoredList):
        return matcher.remaining()
    if isinstance(matcher, NullMatcherClass):
        return [], []
    kind = type(matcher)
    if kind is not UnionMatcher and kind is not IntersectionMatcher:
        return None
    a = _lists(matcher.a)
    b = _lists(matcher.b) if a is not None else None
    if a is None or b is None:
        return None
    if kind is UnionMatcher:
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
