"""Malformed queries say what is wrong in one sentence; text with ``/`` and ``:`` is searchable."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from whoosh import query as wq

from peskovtui.search import QueryError
from peskovtui.search.engine import Searcher
from peskovtui.search.query import read_query
from peskovtui.search.schema import QUERY_FIELDS, build_schema
from tests.search.articles import make_article
from tests.search.conftest import BACKENDS, backend

SCHEMA = build_schema()


def error(text: str) -> str:
    with pytest.raises(QueryError) as info:
        read_query(text, SCHEMA)
    message = str(info.value)
    assert message.endswith(".") and "\n" not in message
    return message


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("site:bbc", "“site:”"),
        ("link:x", "“link:”"),
        ("peskov Site:bbc", "“Site:”"),
        ("mailto:x", "“mailto:”"),
    ],
)
def test_an_unknown_field_is_named_with_the_fields_there_are(text: str, named: str) -> None:
    message = error(text)
    assert message.startswith(f"There is no field {named}")
    for field in QUERY_FIELDS:
        assert f"{field}:" in message
    assert "quotation marks" in message


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("foo OR", "“OR” has nothing after it"),
        ("foo AND", "“AND” has nothing after it"),
        ("foo NOT", "“NOT” has nothing after it to exclude"),
        ("OR foo", "“OR” has nothing before it"),
        ("AND", "“AND” has nothing before it"),
        ("NOT", "“NOT” has nothing after it"),
        ("(peskov OR) lavrov", "“OR” has nothing after it"),
        ("(OR peskov)", "“OR” has nothing before it"),
        ("peskov OR OR lavrov", "“OR” has nothing after it"),
    ],
)
def test_a_dangling_operator_is_named(text: str, start: str) -> None:
    message = error(text)
    assert message.startswith(start)
    assert "lower case" in message


@pytest.mark.parametrize("text", ["title:(", "title:", "title: peskov", "title:()", 'title:""'])
def test_an_empty_field_is_named(text: str) -> None:
    assert error(text).startswith("“title:” has nothing to search for")


@pytest.mark.parametrize(("text", "after"), [("putin)", " after “putin”"), (")", "")])
def test_a_stray_closing_parenthesis_is_named(text: str, after: str) -> None:
    assert error(text) == f"The “)”{after} closes no “(”."


def test_an_unclosed_quotation_mark_searches_the_phrase_and_says_so() -> None:
    parsed, notices = read_query('"unclosed words here', SCHEMA)
    assert parsed == wq.Phrase("text", ["unclos", "word", "here"], slop=1)
    assert notices == (
        "The quotation mark before “unclosed words here” is never closed; "
        "searched for the rest of the query as a phrase.",
    )


def test_an_unclosed_parenthesis_is_closed_at_the_end_and_says_so() -> None:
    parsed, notices = read_query("(peskov OR lavrov", SCHEMA)
    assert parsed == wq.Or([wq.Term("text", "peskov"), wq.Term("text", "lavrov")])
    assert notices == ("A “(” is never closed; searched as if closed at the end of the query.",)
    parsed, notices = read_query("title:(peskov", SCHEMA)
    assert parsed == wq.Term("title", "peskov")
    assert len(notices) == 1


def test_a_well_formed_query_has_no_notices() -> None:
    for text in ['"the output" (peskov OR lavrov) NOT trump', "title:peskov date:2017"]:
        assert read_query(text, SCHEMA)[1] == ()


def test_operators_are_operators_next_to_parentheses() -> None:
    assert read_query("peskov NOT(trump OR putin)", SCHEMA)[0] == wq.And(
        [
            wq.Term("text", "peskov"),
            wq.Not(wq.Or([wq.Term("text", "trump"), wq.Term("text", "putin")])),
        ]
    )
    assert read_query("(peskov)OR(lavrov)", SCHEMA)[0] == wq.Or(
        [wq.Term("text", "peskov"), wq.Term("text", "lavrov")]
    )


def test_field_names_are_read_whatever_their_case() -> None:
    assert read_query("Title:Peskov", SCHEMA)[0] == wq.Term("title", "peskov")
    assert read_query("SPEAKER:peskov", SCHEMA)[0] == wq.Term("speakers", "peskov")


@pytest.mark.parametrize(
    "text",
    ["10:30", "https://www.bbc.com/news", "Update: Peskov said", '"site:bbc"', "peskov:"],
)
def test_a_colon_in_text_is_not_a_field(text: str) -> None:
    parsed, notices = read_query(text, SCHEMA)
    assert notices == ()
    assert all(getattr(leaf, "fieldname", "text") == "text" for leaf in parsed.leaves())


SLASHED = make_article(
    "slashed",
    "After 9/11",
    [
        "Open 24/7, and/or shut on 2/7/2017; see https://www.bbc.com/news/world-europe-38873960.",
        "Nothing else here: 11 September, 24 hours, 7 days.",
    ],
)
OTHER = make_article("other", "Elsewhere", ["Nine eleven, eleven nine and twenty four seven."])


@pytest.fixture(params=BACKENDS)
def slashed_engine(request: pytest.FixtureRequest) -> Iterator[Searcher]:
    with backend(request.param, [SLASHED, OTHER], "slashed-corpus") as searcher:
        yield searcher


@pytest.mark.parametrize(
    "text",
    [
        "9/11",
        "24/7",
        "and/or",
        "2/7/2017",
        "/news/world-europe-38873960",
        "https://www.bbc.com/news/world-europe-38873960",
    ],
)
def test_text_with_slashes_finds_itself(slashed_engine: Searcher, text: str) -> None:
    results = slashed_engine.search(text)
    assert [hit.article_id for hit in results.hits] == ["slashed"]
    surfaces = [SLASHED.text[s:e] for s, e in results.hits[0].matches]
    assert surfaces == [text.lstrip("/")]
