"""The quote browser's table: sorting by each column (reversed too, rows with nothing in the
column last, ties in corpus order) and the filter syntax, its errors one sentence each."""

from __future__ import annotations

import pytest

from peskovtui.corpus import Article, Paragraph
from peskovtui.library.listing import FilterError
from peskovtui.library.quote_table import (
    QuoteFilter,
    QuoteTable,
    parse_filter,
)
from peskovtui.quotes import UNATTRIBUTED, Quote, QuoteKind


def article(id: str, title: str, outlet: str | None, date: str | None) -> Article:
    text = f"{title}\n\nBody."
    return Article(
        id, title, text, (Paragraph(0, len(title)), Paragraph(len(title) + 2, len(text))),
        outlet=outlet, date=date,
    )  # fmt: skip


ARTICLES = {
    a.id: a
    for a in (
        article("a", "Bravo talks", "CNN", "2017-01-05"),
        article("b", "alpha meets", "BBC", "2017-02-10T08:30:00"),
        article("c", "Charlie undated", None, None),
        article("d", "", "Al Jazeera", "2016-12-31"),
    )
}


def quote(row: int, article_id: str, speaker: str, text: str, kind: QuoteKind = "full") -> Quote:
    return Quote(row, row + len(text), text, kind, 1, speaker=speaker, article_id=article_id)


# Corpus order is the order of this list: row 0 to row 7.
QUOTES = [
    quote(0, "a", "Dmitry Peskov", "zebra crossing"),
    quote(1, "a", "Donald Trump", "Apples and pears"),
    quote(2, "b", UNATTRIBUTED, "middle words"),
    quote(3, "c", "Dmitry Peskov", "apples AND pears"),
    quote(4, "b", "Angela Merkel", "yes", "fragment"),
    quote(5, "d", "Ivanka Trump", "Quiet please"),
    quote(6, "a", "Dmitry Peskov", "the title", "term"),
    quote(7, "b", "Angela Merkel", "Beta   test\nwords", "partial"),
]
ALIASES = {"Dmitri Peskov": "Dmitry Peskov"}


@pytest.fixture
def table() -> QuoteTable:
    return QuoteTable(QUOTES, ARTICLES, ALIASES)


def test_sorted_by_speaker_unattributed_last(table: QuoteTable) -> None:
    assert table.order("speaker") == [4, 7, 0, 3, 6, 1, 5, 2]


def test_sorted_by_speaker_reversed_ties_stay_in_corpus_order(table: QuoteTable) -> None:
    # Peskov's three quotes (rows 0, 3, 6) and Merkel's two (4, 7) keep their order reversed.
    assert table.order("speaker", reverse=True) == [5, 1, 0, 3, 6, 4, 7, 2]


def test_sorted_by_quote_case_and_spacing_aside(table: QuoteTable) -> None:
    # "Apples and pears" and "apples AND pears" tie: corpus order either way.
    assert table.order("quote") == [1, 3, 7, 2, 5, 6, 4, 0]
    assert table.order("quote", reverse=True) == [0, 4, 6, 5, 2, 7, 1, 3]


def test_sorted_by_outlet_articles_without_one_last(table: QuoteTable) -> None:
    assert table.order("outlet") == [5, 2, 4, 7, 0, 1, 6, 3]
    assert table.order("outlet", reverse=True) == [0, 1, 6, 2, 4, 7, 5, 3]


def test_sorted_by_date_undated_last_both_ways(table: QuoteTable) -> None:
    assert table.order("date") == [5, 0, 1, 6, 2, 4, 7, 3]
    assert table.order("date", reverse=True) == [2, 4, 7, 0, 1, 6, 5, 3]


def test_sorted_by_article_title_untitled_last(table: QuoteTable) -> None:
    assert table.order("article") == [2, 4, 7, 0, 1, 6, 3, 5]
    assert table.order("article", reverse=True) == [3, 0, 1, 6, 2, 4, 7, 5]


def test_an_order_is_worked_out_once(table: QuoteTable) -> None:
    assert table.order("date") is table.order("date")


def test_an_empty_filter_leaves_out_fragments_and_terms(table: QuoteTable) -> None:
    assert table.view(QuoteFilter(), "date") == [5, 0, 1, 2, 7, 3]


def test_filter_by_speaker_by_the_rule_of_library_quotes(table: QuoteTable) -> None:
    assert table.view(parse_filter("speaker:peskov"), "date") == [0, 3]
    # An alias, and two speakers at once.
    assert table.view(parse_filter('speaker:"Dmitri Peskov"'), "date") == [0, 3]
    both = parse_filter('speaker:peskov speaker:"angela merkel"')
    assert table.view(both, "date") == [0, 7, 3]
    # "trump" is two people: a part of a name is never enough.
    with pytest.raises(FilterError, match=r"^No quote is attributed to 'trump'\. Did you mean"):
        table.view(parse_filter("speaker:trump"), "date")


def test_filter_by_outlet_case_aside(table: QuoteTable) -> None:
    assert table.view(parse_filter("outlet:cnn"), "date") == [0, 1]
    assert table.view(parse_filter("outlet:jazeera outlet:BBC"), "date") == [5, 2, 7]
    with pytest.raises(FilterError) as raised:
        table.view(parse_filter("outlet:reuters"), "date")
    assert str(raised.value) == (
        "No outlet of this corpus is named reuters: the outlets are Al Jazeera, BBC, CNN."
    )


def test_filter_by_dates_inclusive_and_by_prefix(table: QuoteTable) -> None:
    assert table.view(parse_filter("from:2017-01-05 to:2017-02-10"), "date") == [0, 1, 2, 7]
    assert table.view(parse_filter("from:2017-01-06"), "date") == [2, 7]
    assert table.view(parse_filter("to:2017-01"), "date") == [5, 0, 1]
    assert table.view(parse_filter("date:2016"), "date") == [5]
    # Undated quotes are left out by any date.
    assert 3 not in table.view(parse_filter("to:2099"), "date")


def test_filter_by_kind(table: QuoteTable) -> None:
    assert table.view(parse_filter("kind:partial"), "date") == [7]
    assert table.view(parse_filter("kind:fragment,term"), "date") == [6, 4]
    assert table.view(parse_filter("kind:all"), "date") == table.order("date")


def test_filter_by_words_of_the_quote(table: QuoteTable) -> None:
    assert table.view(parse_filter("pears apples"), "date") == [1, 3]
    assert table.view(parse_filter('"test words"'), "date") == [7]
    assert table.view(parse_filter("“beta test”"), "date") == [7]


def test_fields_and_words_all_hold(table: QuoteTable) -> None:
    wanted = parse_filter("speaker:peskov outlet:cnn kind:all from:2017-01")
    assert table.view(wanted, "quote") == [6, 0]


def test_a_filter_read() -> None:
    assert parse_filter(
        'Speaker:"Dmitry  Peskov" outlet:CNN from:2017 to:2017-01-31 kind:full,partial Hello'
    ) == QuoteFilter(
        speakers=("Dmitry Peskov",),
        outlets=("cnn",),
        start="2017",
        end="2017-01-31",
        kinds=frozenset({"full", "partial"}),
        words=("hello",),
    )
    assert parse_filter("   ") == QuoteFilter()


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("who:putin", "There is no filter who:, only speaker:, outlet:, from:, to:, date: and "
         "kind: (other words are looked for in the quotes)."),
        ("speaker:", "speaker: needs a value, as in speaker:peskov."),
        ('speaker:"dmitry peskov', "The filter has an unclosed quotation mark."),
        ("kind:direct", "There is no kind 'direct': the kinds are full, partial, fragment, "
         "headline, term and all."),
        ("from:2017-02-30", "from:2017-02-30 is not a date: write it 2017-01-31, 2017-01 or 2017."),
        ("to:yesterday", "to:yesterday is not a date: write it 2017-01-31, 2017-01 or 2017."),
        ("from:2017-02 to:2017-01-31",
         "The dates are the wrong way round: from:2017-02 is after to:2017-01-31."),
    ],
)  # fmt: skip
def test_a_filter_that_cannot_be_read_says_why_in_one_sentence(text: str, error: str) -> None:
    with pytest.raises(FilterError) as raised:
        parse_filter(text)
    assert str(raised.value) == error
