"""Prefix, wildcard and fuzzy terms replaced by the words of the index they stand for, bounded.

A partial term can stand for most of the vocabulary (``*e*``, ``a~2``), and Whoosh would score
every posting of every word: seconds to minutes for one query. So a term stands for at most
``MAX_TERM_WORDS`` words, and all the partial terms of a query for ``MAX_QUERY_WORDS``
together; where a term matches more, its most frequent words are kept (they hold most of the
articles the term finds) and a notice says so. The search, the hit count and the match
ranges then share one expansion.

Fuzzy terms, and wildcards with no letters before the first ``*`` or ``?``, look at the whole
word list of a field. They look at an in-memory copy (``WordLists``), read once per index
reader: Whoosh's own walk seeks on disk at every step (0.7 s for one ``word~2`` at 3.8k
articles, against 20 ms in memory). A prefix reads only its own stretch of the list on disk.
"""

from __future__ import annotations

import bisect
import fnmatch
import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from whoosh import query as wq
from whoosh.automata.lev import levenshtein_automaton

from peskovtui.search.cancel import CancelCheck, check
from peskovtui.search.errors import QueryError
from peskovtui.search.schema import WORD_TWINS

# Words one partial term may stand for, and all the partial terms of a query together. At
# 3.8k articles ``*e*`` cut to its 500 most frequent words searches in about 0.3 s; a prefix a
# reader types (``immigra*``, ``presiden*``) stands for a few dozen words.
MAX_TERM_WORDS = 500
MAX_QUERY_WORDS = 1000
# Words looked at between two cancel checks.
_CHECK_EVERY = 2048
_WILDCARD_MARKS = frozenset("*?[")
_FIELD_NAMES = {twin: name for name, twin in WORD_TWINS.items()}
PARTIAL_TERMS = (wq.FuzzyTerm, wq.Prefix, wq.Wildcard)


@dataclass(frozen=True, slots=True)
class Expansion:
    """A query whose partial terms are exact words, and what was cut (one sentence each)."""

    query: Any
    notices: tuple[str, ...] = ()


class WordList:
    """The words of one field in sorted order, with how many articles hold each."""

    def __init__(self, counts: dict[str, int]) -> None:
        self.words = sorted(counts)
        self.counts = counts

    def at_or_after(self, text: str) -> str | None:
        """The first word not before ``text``, if any."""
        i = bisect.bisect_left(self.words, text)
        return self.words[i] if i < len(self.words) else None


class WordLists:
    """The word lists of one index reader, each read on first use; a new reader starts afresh."""

    def __init__(self) -> None:
        self._reader: Any = None
        self._lists: dict[str, WordList] = {}
        self._guard = threading.Lock()

    def get(self, reader: Any, field: str, cancel: CancelCheck | None = None) -> WordList:
        """The word list of ``field`` in ``reader``'s index."""
        with self._guard:
            if reader is not self._reader:
                self._reader, self._lists = reader, {}
            found = self._lists.get(field)
        if found is None:
            found = WordList(_field_counts(reader, field, cancel))
            with self._guard:
                if reader is self._reader:
                    self._lists[field] = found
        return found


def field_leaves(reader: Any, field: str) -> Iterator[Any]:
    """The segments of ``reader``'s index that hold ``field``."""
    for leaf, _ in reader.leaf_readers():
        if field in leaf.indexed_field_names():
            yield leaf


def _counts(
    reader: Any,
    field: str,
    cancel: CancelCheck | None,
    prefix: str = "",
    keep: Callable[[str], bool] | None = None,
) -> dict[str, int]:
    """The words of ``field`` that start with ``prefix`` (and pass ``keep``), read from the
    index on disk, with how many articles hold each."""
    counts: dict[str, int] = {}
    for leaf in field_leaves(reader, field):
        for n, (btext, info) in enumerate(leaf.iter_prefix(field, prefix), 1):
            if n % _CHECK_EVERY == 0:
                check(cancel)
            word = btext.decode("utf-8")
            if keep is None or keep(word):
                counts[word] = counts.get(word, 0) + info.doc_frequency()
    return counts


def _field_counts(reader: Any, field: str, cancel: CancelCheck | None) -> dict[str, int]:
    """Every word of ``field``, with how many articles hold each."""
    return _counts(reader, field, cancel)


def _within_distance(dfa: Any, words: WordList, cancel: CancelCheck | None) -> Iterator[str]:
    """The words ``dfa`` accepts, skipping from one candidate to the next as Whoosh does on disk."""
    term = words.at_or_after("")
    steps = 0
    while term is not None:
        match = dfa.next_valid_string(term)
        if not match:
            return
        term = words.at_or_after(match)
        if term is None:
            return
        if term == match:
            yield term
            term += "\0"
        steps += 1
        if steps % _CHECK_EVERY == 0:
            check(cancel)


def written(q: Any) -> str:
    """A partial term as a user would write it, e.g. ``title:pesk*`` or ``peskof~2``."""
    field = _FIELD_NAMES.get(q.fieldname, q.fieldname)
    where = "" if field == "text" else f"{field}:"
    if isinstance(q, wq.FuzzyTerm):
        slash = f"/{q.prefixlength}" if q.prefixlength else ""
        return f"{where}{q.text}~{q.maxdist}{slash}"
    if isinstance(q, wq.Prefix):
        return f"{where}{q.text}*"
    return f"{where}{q.text}"


def _matcher(q: Any) -> tuple[str, Callable[[str], bool] | None, Any]:
    """What to read for ``q`` (a prefix of the words, or the whole list when ``""``), a test
    for each word there, and for a fuzzy term its automaton; built from the query alone, so a
    failure here is the query's."""
    try:
        if isinstance(q, wq.Prefix):
            return q.text, None, None
        if isinstance(q, wq.FuzzyTerm):
            return "", None, levenshtein_automaton(q.text, q.maxdist, q.prefixlength).to_dfa()
        text = q.text
        cut = next((i for i, c in enumerate(text) if c in _WILDCARD_MARKS), len(text))
        pattern = re.compile(fnmatch.translate(text))
        return text[:cut], lambda w: pattern.match(w) is not None, None
    except Exception as exc:  # an automaton or pattern Whoosh cannot make of these letters
        raise QueryError(f"“{written(q)}” cannot be searched as written") from exc


def _matches(q: Any, reader: Any, lists: WordLists, cancel: CancelCheck | None) -> dict[str, int]:
    """Every word of the index ``q`` stands for, with how many articles hold it."""
    prefix, keep, dfa = _matcher(q)
    field = q.fieldname
    if dfa is not None:
        words = lists.get(reader, field, cancel)
        return {w: words.counts[w] for w in _within_distance(dfa, words, cancel)}
    if prefix or keep is None:
        return _counts(reader, field, cancel, prefix, keep)
    # A wildcard with no letters before its first mark: the whole list, in memory.
    words = lists.get(reader, field, cancel)
    found: dict[str, int] = {}
    for n, word in enumerate(words.words, 1):
        if n % _CHECK_EVERY == 0:
            check(cancel)
        if keep(word):
            found[word] = words.counts[word]
    return found


def shares(sizes: list[int], budget: int = MAX_QUERY_WORDS, cap: int = MAX_TERM_WORDS) -> list[int]:
    """How many words each of several terms keeps: all of its own up to ``cap``, and never more
    than an even share of what the smaller terms left of ``budget`` (at least one)."""
    kept = [0] * len(sizes)
    left = budget
    order = sorted(range(len(sizes)), key=sizes.__getitem__)
    for n, i in enumerate(order):
        kept[i] = min(sizes[i], cap, max(1, left // (len(sizes) - n)))
        left -= kept[i]
    return kept


def _most_frequent(counts: dict[str, int], keep: int) -> list[str]:
    if len(counts) <= keep:
        return sorted(counts)
    ranked = sorted(counts, key=lambda w: (-counts[w], w))
    return sorted(ranked[:keep])


def partial_terms(query: Any) -> list[Any]:
    """The prefix, wildcard and fuzzy terms of ``query``, in order."""
    return [leaf for leaf in query.leaves() if isinstance(leaf, PARTIAL_TERMS)]


def expand_partial_terms(
    query: Any,
    reader: Any,
    lists: WordLists | None = None,
    cancel: CancelCheck | None = None,
) -> Expansion:
    """Replace prefix, wildcard and fuzzy terms by the words of the index they match, within
    ``MAX_TERM_WORDS`` per term and ``MAX_QUERY_WORDS`` per query (see the module's doc)."""
    terms = partial_terms(query)
    if not terms:
        return Expansion(query)
    lists = lists if lists is not None else WordLists()
    found: list[dict[str, int]] = []
    for term in terms:
        check(cancel)
        found.append(_matches(term, reader, lists, cancel))
    notices: list[str] = []
    replacement: dict[int, Any] = {}
    for term, counts, keep in zip(terms, found, shares([len(c) for c in found]), strict=True):
        words = _most_frequent(counts, keep)
        words_query = _any_of(term, words)
        if len(words) < len(counts):
            words_query = Unranked(words_query)
            notices.append(
                f"“{written(term)}” matches {len(counts):,} words; "
                f"searched for the {len(words):,} most frequent of them."
            )
        replacement[id(term)] = words_query
    return Expansion(query.accept(lambda q: replacement.get(id(q), q)), tuple(notices))


class Unranked(wq.WrappingQuery):  # type: ignore[misc]
    """Matches what its child matches, every article with the same score.

    For a term cut to its most frequent words: scoring every posting of hundreds of common
    words takes five times as long as finding them (0.5 s against 0.1 s for the 100 most
    frequent words at 3.8k articles), and a term that stands for much of the vocabulary says
    little about rank.
    """

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        context = context if context is not None else searcher.context()
        return self.child.matcher(searcher, context.set(weighting=None))


def _any_of(term: Any, words: list[str]) -> Any:
    if len(words) > 1:
        return wq.Or([wq.Term(term.fieldname, w) for w in words], boost=term.boost)
    # A term that is never indexed stays a term that matches nothing: And([]) / NullQuery
    # would be dropped by Whoosh's normalisation and turn "nosuchword~1 trump" into "trump".
    return wq.Term(term.fieldname, words[0] if words else "", boost=term.boost)
