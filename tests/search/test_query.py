"""Query parsing: date ranges, prefix and fuzzy on exact words, field aliases, leniency."""

from __future__ import annotations

from typing import Any

import pytest
from whoosh import query as wq

from peskovtui.search.errors import QueryError
from peskovtui.search.query import parse_query
from peskovtui.search.schema import build_schema

SCHEMA = build_schema()


def parse(text: str) -> Any:
    return parse_query(text, SCHEMA)


def test_words_must_all_match() -> None:
    assert parse("putin trump") == wq.And([wq.Term("text", "putin"), wq.Term("text", "trump")])


def test_phrase_keeps_stop_words() -> None:
    q = parse('"the output"')
    assert isinstance(q, wq.Phrase)
    assert list(q.words) == ["the", "output"]


def test_prefix_and_fuzzy_use_unstemmed_words() -> None:
    assert parse("Presiden*") == wq.Prefix("text_words", "presiden")
    assert parse("Relations*") == wq.Prefix("text_words", "relations")
    fuzzy = parse("peskof~1")
    assert isinstance(fuzzy, wq.FuzzyTerm)
    assert (fuzzy.fieldname, fuzzy.text, fuzzy.maxdist) == ("text_words", "peskof", 1)
    assert parse("title:Pesk*") == wq.Prefix("title_words", "pesk")


def test_field_aliases() -> None:
    assert parse("author:Smith") == wq.Term("authors", "smith")
    assert parse("speaker:Peskov") == wq.Term("speakers", "peskov")
    assert parse("outlet:CNN") == wq.Term("outlet", "cnn")


@pytest.mark.parametrize(
    ("text", "lo", "hi"),
    [
        ("date:2017-01..2017-03", 20170101, 20170331),
        ("date:2017", 20170101, 20171231),
        ("date:2017-02", 20170201, 20170231),
        ("date:2017-02-15", 20170215, 20170215),
        ("date:..2017-02-15", None, 20170215),
        ("date:2016-12..", 20161201, None),
    ],
)
def test_date_ranges(text: str, lo: int | None, hi: int | None) -> None:
    q = parse(text)
    assert isinstance(q, wq.NumericRange)
    assert (q.fieldname, q.start, q.end) == ("date", lo, hi)


@pytest.mark.parametrize(
    "text", ["date:yesterday", "date:2017-13", "date:2017-03..2017-01", "date:"]
)
def test_bad_dates_are_one_clear_sentence(text: str) -> None:
    with pytest.raises(QueryError) as info:
        parse(text)
    message = str(info.value)
    assert message.endswith(".") and "\n" not in message


@pytest.mark.parametrize(
    "text",
    [
        '"unclosed quote',
        "a AND",
        "AND",
        "OR putin",
        "(putin",
        "putin)",
        "putin]",
        "[a TO",
        "foo~x~2^^",
        "NOT",
        "title:",
        "a:b:c",
        "{",
        "putin^",
        '"',
        "*",
        "p?t*n",
        "\\",
        "date:[x TO",
    ],
)
def test_malformed_queries_never_crash(text: str) -> None:
    try:
        parse(text)
    except QueryError as exc:
        assert str(exc).endswith(".")


@pytest.mark.parametrize("text", ["", "   ", ")", "(((", '""'])
def test_queries_without_words_are_refused(text: str) -> None:
    with pytest.raises(QueryError):
        parse(text)
