"""A word's postings read a block at a time.

Stepping Whoosh's matcher posting by posting costs three Python calls per article (``id``,
``weight``, ``next``), which was most of the time of a search whose words are common (50,000
articles: ``russia OR china`` reads 57,000 postings). A segment's postings are stored in
blocks of up to 128 whose articles, frequencies and values come out of one unpickled tuple;
here each block is taken whole. This reaches into Whoosh's block reader (``W3LeafMatcher``'s
``_read_ids``, ``_read_weights``, ``_read_values``, ``_next_block``); any other matcher, such
as the list Whoosh keeps a rare word's postings in, is stepped through with its public calls.
"""

from __future__ import annotations

import threading
from array import array
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator, Sequence
from typing import Any, NamedTuple, TypeVar

from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.matching.wrappers import FilterMatcher

from peskovtui.search.errors import CancelCheck, check

T = TypeVar("T")

# Postings read between two asks whether the search is still wanted (a millisecond or so).
CHECK_EVERY = 2048
# Postings kept between searches, 16 bytes each (16 MiB at most): the words of the last few
# dozen queries.
KEPT_POSTINGS = 1_000_000
# Answers worked out from postings (a phrase's articles) kept between searches.
KEPT_ANSWERS = 32


class Block(NamedTuple):
    """Consecutive postings of one word: its articles (ascending), their frequencies and, when
    asked for, their encoded values (``decode`` makes a value the word's positions)."""

    ids: Sequence[int]
    weights: Sequence[float]
    values: Sequence[Any] | None


def blocks(
    postings: Any, values: bool = False, cancel: CancelCheck | None = None
) -> Iterator[Block]:
    """The postings of ``postings`` (a reader's ``postings()``), block by block, the deleted
    articles a reader filters out left out here too."""
    deleted, postings = unfiltered(postings)
    if type(postings) is W3LeafMatcher and _is_block_reader(postings):
        found = _leaf_blocks(postings, values)
    else:
        found = _stepped(postings, values)
    read = 0
    for block in found:
        read += len(block.ids)
        if read >= CHECK_EVERY:
            read = 0
            check(cancel)
        yield _without(block, deleted) if deleted else block


def add_frequencies(sums: dict[int, float], ids: Sequence[int], weights: Sequence[float]) -> None:
    """Add one word's frequencies in articles ``ids`` to ``sums``, the summed frequencies of a
    stem's words in each article (in the order the words are read, as a stemmed field's)."""
    for docnum, weight in zip(ids, weights, strict=True):
        sums[docnum] = sums.get(docnum, 0.0) + weight


def unfiltered(postings: Any) -> tuple[frozenset[int] | set[int], Any]:
    """The articles a reader's ``postings()`` leaves out (a segment's deleted ones, through
    Whoosh's ``FilterMatcher``: see ``SegmentReader.postings``), and the postings unfiltered."""
    if type(postings) is FilterMatcher and postings._exclude:
        return postings._ids, postings.child
    return frozenset(), postings


def decoder(postings: Any) -> Any:
    """What turns one of ``postings``' encoded values into the word's positions."""
    postings = unfiltered(postings)[1]
    form = getattr(postings, "format", None) or postings._format
    return form.decoder("positions")


def _is_block_reader(postings: Any) -> bool:
    return all(
        hasattr(postings, name)
        for name in ("_read_ids", "_read_weights", "_read_values", "_next_block", "_i")
    )


def _leaf_blocks(postings: Any, values: bool) -> Iterator[Block]:
    while postings.is_active():
        if postings._ids is None:
            postings._read_ids()
        if postings._weights is None:
            postings._read_weights()
        if values and postings._values is None:
            postings._read_values()
        start = postings._i
        ids, weights = postings._ids, postings._weights
        found = postings._values if values else None
        if start:
            ids, weights = ids[start:], weights[start:]
            found = found[start:] if found is not None else None
        yield Block(ids, weights, found)
        postings._next_block()


def _stepped(postings: Any, values: bool) -> Iterator[Block]:
    ids: list[int] = []
    weights: list[float] = []
    found: list[Any] | None = [] if values else None
    while postings.is_active():
        ids.append(postings.id())
        weights.append(postings.weight())
        if found is not None:
            found.append(postings.value())
        postings.next()
    yield Block(ids, weights, found)


def _without(block: Block, deleted: frozenset[int] | set[int]) -> Block:
    keep = [i for i, docnum in enumerate(block.ids) if docnum not in deleted]
    if len(keep) == len(block.ids):
        return block
    values = block.values
    return Block(
        [block.ids[i] for i in keep],
        [block.weights[i] for i in keep],
        [values[i] for i in keep] if values is not None else None,
    )


class WordPostings(NamedTuple):
    """One word's postings in a segment: its articles (ascending), deleted ones included, their
    frequencies, and the segment's deleted articles."""

    ids: Sequence[int]
    weights: Sequence[float]
    deleted: frozenset[int] | set[int]

    def live(self) -> tuple[list[int], list[float]]:
        """The articles that are not deleted, with their frequencies."""
        if not self.deleted:
            return list(self.ids), list(self.weights)
        deleted = self.deleted
        kept = [(d, w) for d, w in zip(self.ids, self.weights, strict=True) if d not in deleted]
        return [d for d, _ in kept], [w for _, w in kept]


class KeptPostings:
    """The postings of the words read lately, kept for the next searches of the same index
    reader: typing a query searches its first words again at every key (``russia OR c``,
    ``russia OR ch``...), and a stem's words are read once for its document frequency and
    again for its articles. A segment is known by its reader's ``id``, the reader kept beside
    its postings so that no other can take that ``id`` meanwhile; a new index reader gets a new
    ``KeptPostings``."""

    def __init__(self, budget: int = KEPT_POSTINGS) -> None:
        self._budget = budget
        self._kept: OrderedDict[tuple[int, str, str], tuple[Any, WordPostings]] = OrderedDict()
        self._size = 0
        self._answers: OrderedDict[tuple[int, Hashable], tuple[Any, Any]] = OrderedDict()
        self._guard = threading.Lock()

    def answer(self, segment: Any, question: Hashable, work_out: Callable[[], T]) -> T:
        """What ``work_out`` gives for ``question`` in ``segment``, worked out once while it is
        kept (the last ``KEPT_ANSWERS``): the keys typed after the opening quote of a phrase
        search the same phrase again (``"prime minister``, then ``"prime minister"``)."""
        key = (id(segment), question)
        with self._guard:
            kept = self._answers.get(key)
            if kept is not None:
                self._answers.move_to_end(key)
                return kept[1]  # type: ignore[no-any-return]
        found = work_out()
        if self._budget:
            with self._guard:
                self._answers[key] = (segment, found)
                while len(self._answers) > KEPT_ANSWERS:
                    self._answers.popitem(last=False)
        return found

    def read(
        self, segment: Any, field: str, word: str, cancel: CancelCheck | None = None
    ) -> WordPostings:
        """``word``'s postings in ``segment`` (a segment's reader, which holds the word)."""
        key = (id(segment), field, word)
        with self._guard:
            kept = self._kept.get(key)
            if kept is not None:
                self._kept.move_to_end(key)
                return kept[1]
        deleted, postings = unfiltered(segment.postings(field, word))
        if deleted:
            # The filter has stepped its child past the deleted articles it starts with.
            postings.reset()
        ids, weights = array("q"), array("d")
        for block in blocks(postings, cancel=cancel):
            _extend(ids, block.ids)
            _extend(weights, block.weights)
        found = WordPostings(ids, weights, deleted)
        if len(ids) <= self._budget:
            with self._guard:
                if key not in self._kept:
                    self._kept[key] = (segment, found)
                    self._size += len(ids)
                while self._size > self._budget:
                    _, (_, dropped) = self._kept.popitem(last=False)
                    self._size -= len(dropped.ids)
        return found


def _extend(kept: array[Any], values: Sequence[Any]) -> None:
    # An array takes another array's items only when they are stored alike.
    if isinstance(values, array) and values.typecode != kept.typecode:
        values = values.tolist()
    kept.extend(values)
