"""Queries that would run away are bounded: edit distance, wildcards without letters, and the
words a prefix, wildcard or fuzzy term (and a whole query) may stand for, each cut with a notice."""

from __future__ import annotations

from collections.abc import Iterator
from string import ascii_lowercase
from typing import Any

import pytest
from whoosh import query as wq
from whoosh.filedb.filestore import RamStorage

from peskovtui.search import QueryError
from peskovtui.search import expansion as expansion_module
from peskovtui.search.build import add_documents
from peskovtui.search.expansion import (
    MAX_QUERY_WORDS,
    MAX_TERM_WORDS,
    Expansion,
    WordLists,
    expand_partial_terms,
    shares,
)
from peskovtui.search.query import MAX_EDIT_DISTANCE, read_query
from peskovtui.search.scan import SCAN_NOTICE
from peskovtui.search.schema import build_schema
from tests.search.articles import make_article
from tests.search.conftest import BACKENDS, backend

SCHEMA = build_schema()
# 1,200 words: the first 100 in three articles, the next 200 in two, the rest in one.
VOCAB = [f"xyz{i:04d}" for i in range(1, 1201)]
# 676 two-letter words, all within two edits of one another.
PAIRS = [a + b for a in ascii_lowercase for b in ascii_lowercase]
ARTICLES = [
    make_article("all", "Every word", [" ".join(VOCAB), " ".join(PAIRS)]),
    make_article("some", "Some words", [" ".join(VOCAB[:300])]),
    make_article("few", "Few words", [" ".join(VOCAB[:100])]),
]


@pytest.fixture(scope="module")
def reader() -> Iterator[Any]:
    ix = RamStorage().create_index(SCHEMA)
    writer = ix.writer()
    add_documents(writer, [(a, (), (None, None, -1, -1), "") for a in ARTICLES], None)
    writer.commit()
    with ix.searcher() as searcher:
        yield searcher.reader()


def expand(text: str, reader: Any, lists: WordLists | None = None) -> Expansion:
    parsed, notices = read_query(text, SCHEMA)
    assert notices == ()
    return expand_partial_terms(parsed, reader, lists)


def words_of(query: Any) -> list[str]:
    return [leaf.text for leaf in query.leaves() if isinstance(leaf, wq.Term)]


# -- edit distance ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("domestic~9", "domestic"),
        ("word~99999999999999999999", "word"),
        ("word~10", "word"),
        ("Peskov~3/1", "peskov"),
    ],
)
def test_an_edit_distance_beyond_two_is_searched_at_two_and_says_so(text: str, word: str) -> None:
    parsed, notices = read_query(text, SCHEMA)
    # One fuzzy term, every digit read as its distance (not a distance of 9 and a word "999…").
    assert isinstance(parsed, wq.FuzzyTerm)
    assert (parsed.text, parsed.maxdist) == (word, MAX_EDIT_DISTANCE)
    assert notices == (
        f"A fuzzy word may differ by 2 letters at most; searched for words within 2 of “{word}”.",
    )


@pytest.mark.parametrize("text", ["peskof~1", "peskof~2", "peskof~", "peskov~1/6"])
def test_an_edit_distance_within_bounds_is_kept(text: str) -> None:
    parsed, notices = read_query(text, SCHEMA)
    assert isinstance(parsed, wq.FuzzyTerm)
    assert notices == ()


@pytest.mark.parametrize("text", ["peskov~1/7", "peskov~/7", "peskov~1/99999999999999999999"])
def test_a_prefix_longer_than_the_fuzzy_word_is_a_query_error(text: str) -> None:
    with pytest.raises(QueryError) as info:
        read_query(text, SCHEMA)
    assert str(info.value) == (
        "“peskov” has 6 letters, fewer than the number after the slash asks to keep unchanged; "
        "write at most /6."
    )


# -- wildcards without letters ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "named"),
    [("*", "*"), ("?*?", "?*?"), ("??", "??"), ("title:*", "*"), ("*:*", "*"), ("trump ?*", "?*")],
)
def test_a_wildcard_without_letters_is_refused(text: str, named: str) -> None:
    with pytest.raises(QueryError) as info:
        read_query(text, SCHEMA)
    assert str(info.value) == (
        f"“{named}” has no letters to search for; a wildcard needs letters or digits beside it, "
        "e.g. peskov* or p?skov."
    )


# -- words a term and a query may stand for --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "matching"),
    [
        ("xyz*", VOCAB),
        ("*z0*", [w for w in VOCAB if "z0" in w]),
        ("xyz?*", VOCAB),
        ("ab~2", PAIRS),
    ],
)
def test_a_term_stands_for_its_most_frequent_words_up_to_the_bound(
    reader: Any, text: str, matching: list[str]
) -> None:
    expanded = expand(text, reader)
    kept = words_of(expanded.query)
    assert len(matching) > MAX_TERM_WORDS
    assert len(kept) == MAX_TERM_WORDS
    assert set(kept) <= set(matching)
    # The words held by more articles come first.
    assert set(kept) >= {w for w in matching if w in VOCAB[:300]}
    assert expanded.notices == (
        f"“{text}” matches {len(matching):,} words; "
        f"searched for the {MAX_TERM_WORDS} most frequent of them.",
    )


def test_a_term_within_the_bound_keeps_every_word_without_notice(reader: Any) -> None:
    expanded = expand("xyz00*", reader)
    assert words_of(expanded.query) == VOCAB[:99]
    assert expanded.notices == ()


def test_the_terms_of_a_query_share_one_bound(reader: Any) -> None:
    expanded = expand("xyz* *z0* ab~2 xyz000*", reader)
    kept = words_of(expanded.query)
    assert len(kept) <= MAX_QUERY_WORDS
    assert sorted(kept[-9:]) == VOCAB[:9]  # the small term is whole
    assert len(expanded.notices) == 3


def test_shares_fill_the_small_terms_first() -> None:
    assert shares([1200, 999, 676]) == [334, 333, 333]
    assert shares([9, 1200, 5]) == [9, 500, 5]
    assert shares([3000, 3000], budget=1000, cap=500) == [500, 500]
    assert sum(shares([676] * 12)) <= MAX_QUERY_WORDS
    assert shares([0, 7]) == [0, 7]


def test_many_fuzzy_terms_read_the_word_list_once(
    reader: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads: list[str] = []
    real = expansion_module._field_counts

    def counted(reader: Any, field: str, cancel: Any) -> dict[str, int]:
        reads.append(field)
        return real(reader, field, cancel)

    monkeypatch.setattr(expansion_module, "_field_counts", counted)
    query = " OR ".join(f"{w}~2" for w in [*VOCAB[::100], *PAIRS[::60]])
    parsed, _ = read_query(query, SCHEMA)
    assert len(expansion_module.partial_terms(parsed)) == 24
    expanded = expand_partial_terms(parsed, reader, WordLists())
    assert reads == ["text_words"]
    assert len(words_of(expanded.query)) <= MAX_QUERY_WORDS
    assert expanded.notices  # the two-letter words alone are more than a share each


@pytest.mark.parametrize("kind", BACKENDS)
def test_a_cut_term_still_finds_the_articles_and_says_so(kind: str) -> None:
    with backend(kind, ARTICLES, None) as searcher:
        results = searcher.search("xyz*", limit=None)
    assert {h.article_id for h in results.hits} == {"all", "some", "few"}
    assert [n for n in results.notices if n != SCAN_NOTICE] == [
        "“xyz*” matches 1,200 words; searched for the 500 most frequent of them.",
    ]
    few = next(h for h in results.hits if h.article_id == "few")
    assert len(few.matches) == 100
