"""Searching the loaded texts directly, for while the index is being built or cannot be opened.

The query is parsed as for the index (``read_query``) and its tree evaluated over the articles:
words with the index's analysis (folded, stemmed), phrases, prefix, wildcard and fuzzy terms,
AND/OR/NOT, and the fields title:, subtitle:, outlet:, author:, date: and url:. Partial terms are
expanded from the corpus's own word list exactly as against the index (``expand_partial_terms``,
same bounds and notices), and match ranges come from the same plan (``offsets``), so a hit and
its ranges are what the index would give.

What the scan cannot do: rank (hits come in corpus order) and the speaker: field (the speakers
are known where an article is indexed); a query naming speaker: raises ``ScanUnsupported``.

The word lists are made once, on the first scan: each word's articles in a compact array;
phrases are then found by a pattern of their words' forms in the texts of the articles that hold
all their words.
"""

from __future__ import annotations

import bisect
import re
import threading
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from whoosh import query as wq

from peskovtui.corpus.model import Article
from peskovtui.corpus.urls import normalise_url
from peskovtui.search.analysis import fold
from peskovtui.search.cancel import CancelCheck, check
from peskovtui.search.errors import QueryError, ScanUnsupported
from peskovtui.search.expansion import Expansion, WordLists, expand_partial_terms
from peskovtui.search.offsets import (
    WORD_ENDS,
    WORD_RE,
    WORD_STARTS,
    Range,
    build_plan,
    plan_offsets,
    stem_word,
)
from peskovtui.search.query import read_query
from peskovtui.search.results import SearchHit, SearchResults, make_snippet
from peskovtui.search.schema import build_schema, date_number

# One line on what a scanned list is not, for the results' notices.
SCAN_NOTICE = (
    "Scanned the texts, not the index: hits are not ranked (listed in corpus order), "
    "and speaker: needs the index."
)
# Articles read between two cancel checks.
_CHECK_EVERY = 64
# The regions of the text a field's words come from: the whole text, its title, its subtitle.
_TEXT_FIELDS = {"text": "text", "title": "title", "subtitle": "subtitle"}
_WORD_FIELDS = {"text_words": "text", "title_words": "title", "subtitle_words": "subtitle"}
_NAME_FIELDS = ("outlet", "authors")


class _Postings:
    """Each word of one region (or name field) with the articles that hold it, in order, and
    the forms it has in the texts beyond its letters in any case (``Zoë`` for ``zoe``)."""

    def __init__(self) -> None:
        self.articles: dict[str, array[int]] = {}
        # Only the forms with letters beyond ASCII: the others are the word in some case.
        self.forms: dict[str, set[str]] = {}
        self._stems: dict[str, list[str]] | None = None
        self._sorted: list[str] | None = None

    def add(self, number: int, text: str) -> None:
        """Record the words of ``text``, article ``number``'s, folded as the index folds them."""
        for form in set(WORD_RE.findall(text)):
            if form.isascii():
                word = form.lower()
            else:
                word = fold(form)
                self.forms.setdefault(word, set()).add(form)
            found = self.articles.get(word)
            if found is None:
                found = self.articles[word] = array("I")
            if not found or found[-1] != number:
                found.append(number)

    def of_word(self, word: str) -> Sequence[int]:
        return self.articles.get(word, ())

    def look_ups(self, stop: CancelCheck | None = None) -> None:
        """Make the stems of the words and their sorted order now (else on first use): the
        stems are most of the time the word lists take (about 1 s for 3,800 articles)."""
        self._stem_map(stop)
        self._sorted_words()

    def _stem_map(self, stop: CancelCheck | None = None) -> dict[str, list[str]]:
        if self._stems is None:
            stems: dict[str, list[str]] = {}
            for n, word in enumerate(self.articles):
                if n % 4096 == 0:
                    check(stop)
                stems.setdefault(stem_word(word), []).append(word)
            self._stems = stems
        return self._stems

    def _sorted_words(self) -> list[str]:
        if self._sorted is None:
            self._sorted = sorted(self.articles)
        return self._sorted

    def words_of_stem(self, stem: str) -> list[str]:
        return self._stem_map().get(stem, [])

    def of_stem(self, stem: str) -> set[int]:
        found: set[int] = set()
        for word in self.words_of_stem(stem):
            found.update(self.articles[word])
        return found

    def phrase_pattern(self, stems: Sequence[str]) -> re.Pattern[str]:
        """A pattern that finds ``stems`` as adjacent words of a text, in any of their forms.

        Each form is a whole word of the texts, so a match is exactly a run of words that
        ``offsets.tokens`` reads: it starts where a word starts (no letter, nor a letter and an
        apostrophe, before it), each form ends where its word ends, and only characters outside
        words separate them. An ASCII word is matched in any ASCII case, which is what folding
        an ASCII form does to it.
        """
        parts = []
        for stem in stems:
            words = self.words_of_stem(stem)
            plain = [re.escape(w) for w in words if w.isascii()]
            forms = [re.escape(f) for w in words for f in self.forms.get(w, ())]
            if plain:
                forms.append(f"(?ai:{'|'.join(plain)})")
            parts.append(f"(?:{'|'.join(forms)}){WORD_ENDS}")
        return re.compile(WORD_STARTS + r"\W+".join(parts))

    def with_prefix(self, prefix: str) -> Iterator[str]:
        words = self._sorted_words()
        for i in range(bisect.bisect_left(words, prefix), len(words)):
            if not words[i].startswith(prefix):
                return
            yield words[i]


@dataclass(frozen=True, slots=True)
class _TermInfo:
    count: int

    def doc_frequency(self) -> int:
        return self.count


class _WordReader:
    """The word lists of the scan as ``expand_partial_terms`` reads an index's: one leaf whose
    fields are the unstemmed twins, each word with the number of articles holding it."""

    def __init__(self, regions: dict[str, _Postings]) -> None:
        self._fields = {name: regions[region] for name, region in _WORD_FIELDS.items()}

    def leaf_readers(self) -> list[tuple[_WordReader, int]]:
        return [(self, 0)]

    def indexed_field_names(self) -> Iterable[str]:
        return self._fields.keys()

    def iter_prefix(self, field: str, prefix: str) -> Iterator[tuple[bytes, _TermInfo]]:
        postings = self._fields[field]
        for word in postings.with_prefix(prefix):
            yield word.encode("utf-8"), _TermInfo(len(postings.articles[word]))


class _Words:
    """The corpus's words, region by region and name field by name field."""

    def __init__(self, articles: Sequence[Article], stop: CancelCheck | None) -> None:
        self.regions = {"text": _Postings(), "title": _Postings(), "subtitle": _Postings()}
        self.names = {name: _Postings() for name in _NAME_FIELDS}
        self.dates: list[int | None] = []
        self.urls: dict[str, list[int]] = {}
        for number, article in enumerate(articles):
            if number % _CHECK_EVERY == 0:
                check(stop)
            self.regions["text"].add(number, article.text)
            self.regions["title"].add(number, article.title)
            self.regions["subtitle"].add(number, article.subtitle)
            self.names["outlet"].add(number, article.outlet or "")
            self.names["authors"].add(number, " ".join(article.authors))
            self.dates.append(date_number(article.date))
            url = normalise_url(article.url or "")
            if url:
                self.urls.setdefault(url, []).append(number)
        self.reader = _WordReader(self.regions)
        self.lists = WordLists()


class TextScan:
    """A search over ``articles``' texts that answers like the index, unranked (see module).

    Making the word lists stops with ``SearchCancelled`` once ``stop`` says so (the library
    is closing); a search's own ``cancel`` does not stop them, since the next search needs them.
    """

    def __init__(self, articles: Sequence[Article], stop: CancelCheck | None = None) -> None:
        self._articles = list(articles)
        self._stop = stop
        self._schema = build_schema()
        self._words: _Words | None = None
        self._guard = threading.Lock()

    def prepare(self) -> None:
        """Make the word lists now (the first scan makes them otherwise)."""
        self._word_lists().regions["text"].look_ups(self._stop)

    def _word_lists(self) -> _Words:
        with self._guard:
            if self._words is None:
                self._words = _Words(self._articles, self._stop)
            return self._words

    def _expanded(self, query: str, cancel: CancelCheck | None) -> tuple[Expansion, _Words]:
        parsed, notices = read_query(query, self._schema)
        unsupported = _unsupported(parsed)
        if unsupported:
            raise ScanUnsupported(unsupported)
        words = self._word_lists()
        expansion = expand_partial_terms(parsed, words.reader, words.lists, cancel)
        return Expansion(expansion.query, notices + expansion.notices), words

    def search(
        self,
        query: str,
        limit: int | None = 20,
        *,
        cancel: CancelCheck | None = None,
        ranged: int | None = None,
    ) -> SearchResults:
        """The articles matching ``query`` in corpus order, each with score 0, with exact match
        ranges for the first ``ranged`` (all when None)."""
        expansion, words = self._expanded(query, cancel)
        found = sorted(_Evaluation(self._articles, words, cancel).matching(expansion.query))
        plan = build_plan(expansion.query)
        hits: list[SearchHit] = []
        for number in found[:limit]:
            check(cancel)
            article = self._articles[number]
            exact = ranged is None or len(hits) < ranged
            matches = plan_offsets(article, plan) if exact else ()
            snippet = make_snippet(article.text, matches)
            hits.append(SearchHit(article.id, article.title, 0.0, matches, snippet, exact))
        notices = (*expansion.notices, SCAN_NOTICE)
        return SearchResults(query, tuple(hits), len(found), notices, scanned=True)

    def match_offsets(self, article: Article, query: str) -> tuple[Range, ...]:
        """Exact character ranges of ``query``'s matches in ``article.text``."""
        expansion, _ = self._expanded(query, None)
        return plan_offsets(article, build_plan(expansion.query))


def _unsupported(parsed: Any) -> str:
    """What in ``parsed`` the scan cannot answer, as one sentence, or ``""``."""
    for leaf in parsed.leaves():
        field = getattr(leaf, "fieldname", None)
        if field == "speakers":
            return "speaker: needs the search index (speakers are found as articles are indexed)."
        if isinstance(leaf, wq.TermRange):
            return "A range of words needs the search index."
    return ""


class _Evaluation:
    """One query's tree evaluated to the numbers of the articles it matches."""

    def __init__(
        self, articles: Sequence[Article], words: _Words, cancel: CancelCheck | None
    ) -> None:
        self._articles = articles
        self._words = words
        self._cancel = cancel
        self._every = range(len(articles))

    def matching(self, q: Any) -> set[int]:
        check(self._cancel)
        if isinstance(q, wq.Not):
            return set(self._every) - self.matching(q.query)
        if isinstance(q, wq.AndNot):
            return self.matching(q.a) - self.matching(q.b)
        if isinstance(q, wq.AndMaybe):
            return self.matching(q.a)
        if isinstance(q, wq.Require):
            return self.matching(q.a) & self.matching(q.b)
        if isinstance(q, wq.And):
            return self._all(q.subqueries)
        if isinstance(q, (wq.Or, wq.DisjunctionMax)):
            found: set[int] = set()
            for sub in q.subqueries:
                found |= self.matching(sub)
            return found
        if isinstance(q, wq.WrappingQuery):
            return self.matching(q.child)
        if isinstance(q, wq.Phrase):
            return self._phrase(q)
        if isinstance(q, wq.NumericRange) and q.fieldname == "date":
            return self._dates(q)
        if isinstance(q, wq.Term) and not isinstance(q, wq.MultiTerm):
            return self._term(q.fieldname, str(q.text))
        if isinstance(q, type(wq.NullQuery)):
            return set()
        raise QueryError(f"“{q}” cannot be searched by scanning the texts.")

    def _all(self, parts: Sequence[Any]) -> set[int]:
        # Negations last: each then takes away from what the others found.
        ordered = sorted(parts, key=lambda p: isinstance(p, wq.Not))
        found: set[int] | None = None
        for part in ordered:
            if found is not None and isinstance(part, wq.Not):
                found -= self.matching(part.query)
            else:
                matched = self.matching(part)
                found = matched if found is None else found & matched
            if not found:
                return set()
        return found if found is not None else set()

    def _term(self, field: str, text: str) -> set[int]:
        words = self._words
        if field in _TEXT_FIELDS:
            return words.regions[_TEXT_FIELDS[field]].of_stem(text)
        if field in _WORD_FIELDS:
            return set(words.regions[_WORD_FIELDS[field]].of_word(text))
        if field in words.names:
            return set(words.names[field].of_word(text))
        if field == "url":
            return set(words.urls.get(text, ()))
        return set()  # the id or a stored field: nothing a query names

    def _phrase(self, q: Any) -> set[int]:
        field = q.fieldname
        phrase = [str(w) for w in q.words]
        candidates: set[int] | None = None
        for word in phrase:
            holding = self._term(field, word)
            candidates = holding if candidates is None else candidates & holding
            if not candidates:
                return set()
        if candidates is None:
            return set()
        if field in _NAME_FIELDS:
            return {n for n in candidates if _names_hold(self._names(n, field), phrase, q.slop)}
        if q.slop != 1 or field not in _TEXT_FIELDS:
            plan = build_plan(q)
            return self._confirmed(candidates, lambda a: bool(plan_offsets(a, plan)))
        # Adjacent words: a pattern of their forms finds them fifty times faster than reading
        # each candidate's words.
        region = _TEXT_FIELDS[field]
        pattern = self._words.regions[region].phrase_pattern(phrase)
        return self._confirmed(candidates, lambda a: bool(pattern.search(_region(a, region))))

    def _confirmed(self, candidates: set[int], holds: Callable[[Article], bool]) -> set[int]:
        confirmed: set[int] = set()
        for count, number in enumerate(sorted(candidates), 1):
            if count % _CHECK_EVERY == 0:
                check(self._cancel)
            if holds(self._articles[number]):
                confirmed.add(number)
        return confirmed

    def _names(self, number: int, field: str) -> str:
        article = self._articles[number]
        return article.outlet or "" if field == "outlet" else " ; ".join(article.authors)

    def _dates(self, q: Any) -> set[int]:
        lo, hi = q.start, q.end
        found: set[int] = set()
        for number, date in enumerate(self._words.dates):
            if date is None:
                continue
            if lo is not None and (date < lo or (q.startexcl and date == lo)):
                continue
            if hi is not None and (date > hi or (q.endexcl and date == hi)):
                continue
            found.add(number)
        return found


def _region(article: Article, region: str) -> str:
    """The text a region's field holds in the index."""
    if region == "title":
        return article.title
    return article.subtitle if region == "subtitle" else article.text


def _names_hold(names: str, phrase: list[str], slop: int) -> bool:
    """Whether the words of ``names`` hold ``phrase``, each word within ``slop`` of the last."""
    words = [fold(w) for w in WORD_RE.findall(names)]
    for i, word in enumerate(words):
        if word != phrase[0]:
            continue
        last = i
        for wanted in phrase[1:]:
            window = words[last + 1 : last + slop + 1]
            if wanted not in window:
                break
            last += 1 + window.index(wanted)
        else:
            return True
    return False
