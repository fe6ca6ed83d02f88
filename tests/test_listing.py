"""The document list's orders, filters and outlet counts (``peskovtui.library.listing``)."""

from __future__ import annotations

import pytest

from peskovtui.corpus import Article
from peskovtui.library import (
    NO_OUTLET,
    FilterError,
    ListFilter,
    arrange,
    extended,
    next_order,
    orders,
    outlet_counts,
)
from peskovtui.library.listing import parse_bound, sort_articles
from peskovtui.search import SearchHit, SearchResults
from peskovtui.search.results import Snippet
from tests.search.articles import make_article


def art(article_id: str, title: str, outlet: str | None, date: str | None) -> Article:
    return make_article(article_id, title, ["Body."], outlet=outlet, date=date)


# Load order: a, b, c, d, e, f.
A = art("a", "Sanctions extended", "CNN", "2017-01-05")
B = art("b", "“Quoted” opening", "BBC", "2017-02-01T10:00:00")
C = art("c", "apples and oranges", None, None)
D = art("d", "Brexit talks", "cnn", "2017-01-05")
E = art("e", "", "TASS", "2016-12-31")
F = art("f", "zebra crossing", "BBC", None)
CORPUS = [A, B, C, D, E, F]


def ids(articles: list[Article]) -> list[str]:
    return [a.id for a in articles]


def test_newest_first_ties_keep_their_order_and_undated_come_last() -> None:
    assert ids(sort_articles(CORPUS, "newest")) == ["b", "a", "d", "e", "c", "f"]


def test_oldest_first_undated_still_last() -> None:
    assert ids(sort_articles(CORPUS, "oldest")) == ["e", "a", "d", "b", "c", "f"]


def test_title_order_folds_case_skips_opening_marks_and_puts_untitled_last() -> None:
    # "“Quoted”" sorts as "quoted"; "apples" before "Brexit" whatever the case.
    assert ids(sort_articles(CORPUS, "title")) == ["c", "d", "b", "a", "f", "e"]


def test_outlet_order_folds_case_newest_first_within_and_unnamed_last() -> None:
    # BBC: b (dated) before f (undated); CNN and cnn together, tied on date: load order.
    assert ids(sort_articles(CORPUS, "outlet")) == ["b", "f", "a", "d", "e", "c"]


def test_quote_count_order_most_first_ties_newest_first() -> None:
    counts = {"a": 3, "b": 1, "d": 3, "e": 1}
    assert ids(sort_articles(CORPUS, "quotes", counts)) == ["a", "d", "b", "e", "c", "f"]


def test_quote_count_order_needs_the_counts() -> None:
    with pytest.raises(ValueError, match="quote counts"):
        sort_articles(CORPUS, "quotes")


def test_relevance_keeps_the_rank_given() -> None:
    assert ids(sort_articles([F, C, A], "relevance")) == ["f", "c", "a"]


def test_the_cycle_offers_relevance_only_while_searching() -> None:
    assert "relevance" not in orders(searching=False)
    assert next_order("quotes", searching=False) == "newest"
    assert next_order("quotes", searching=True) == "relevance"
    assert next_order("relevance", searching=True) == "newest"
    # Relevance left behind by a search ends: the corpus's list starts over.
    assert next_order("relevance", searching=False) == "newest"


@pytest.mark.parametrize(
    ("typed", "end", "expected"),
    [
        ("2017", False, "2017"),
        ("2017-1", False, "2017-01"),
        (" 2017-01-05 ", True, "2017-01-05"),
        ("", True, None),
        ("2016-02-29", False, "2016-02-29"),
    ],
)
def test_date_bounds_partial_or_whole(typed: str, end: bool, expected: str | None) -> None:
    assert parse_bound(typed, end=end) == expected


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("yesterday", "The start date “yesterday” is not a date; write it as 2017"),
        ("2017-13", "The start date “2017-13” is not a day of the calendar."),
        ("2017-02-30", "The start date “2017-02-30” is not a day of the calendar."),
        ("2017/01/02", "is not a date"),
        ("0000", "“0000” is not a day of the calendar."),
        ("2017-0", "“2017-0” is not a day of the calendar."),
        ("2017-01-00", "“2017-01-00” is not a day of the calendar."),
    ],
)
def test_a_bad_date_is_one_sentence(typed: str, message: str) -> None:
    with pytest.raises(FilterError) as raised:
        ListFilter.typed((), typed, "")
    assert message in str(raised.value)
    assert str(raised.value).endswith(".")
    assert "\n" not in str(raised.value)


def test_a_range_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(FilterError, match=r"starts \(2017-02\) after it ends \(2017-01-31\)"):
        ListFilter.typed((), "2017-02", "2017-01-31")
    # A month to a day within it is a range.
    assert ListFilter.typed((), "2017-01", "2017-01-15").dated


def test_a_date_range_is_inclusive_by_its_precision_and_drops_the_undated() -> None:
    january = ListFilter.typed((), "2017-01", "2017-01")
    assert ids(arrange(CORPUS, "newest", january)) == ["a", "d"]
    since = ListFilter.typed((), "2017-01-06", "")
    assert ids(arrange(CORPUS, "newest", since)) == ["b"]
    until = ListFilter.typed((), "", "2016")
    assert ids(arrange(CORPUS, "newest", until)) == ["e"]
    # The time of day of a dated article does not put it past its day.
    day = ListFilter.typed((), "2017-02-01", "2017-02-01")
    assert ids(arrange(CORPUS, "newest", day)) == ["b"]


def test_outlets_filter_exactly_and_the_unnamed_have_their_own_facet() -> None:
    assert ids(arrange(CORPUS, "newest", ListFilter(frozenset({"CNN"})))) == ["a"]
    both = ListFilter(frozenset({"BBC", NO_OUTLET}))
    assert ids(arrange(CORPUS, "title", both)) == ["c", "b", "f"]


def test_outlet_counts_most_first_then_by_name_within_the_date_range() -> None:
    assert outlet_counts(CORPUS) == [
        ("BBC", 2),
        (NO_OUTLET, 1),
        ("CNN", 1),
        ("cnn", 1),
        ("TASS", 1),
    ]
    january = ListFilter(frozenset({"TASS"}), "2017-01", "2017-01")
    # The outlets chosen do not narrow the counts; the dates do.
    assert outlet_counts(CORPUS, january) == [("CNN", 1), ("cnn", 1)]


def test_the_filter_describes_itself() -> None:
    assert ListFilter().describe() == ""
    assert not ListFilter().active
    assert ListFilter(frozenset({"cnn", "BBC"}), "2017-01", "2017-02").describe() == (
        "BBC, cnn · 2017-01 to 2017-02"
    )
    assert ListFilter(since="2017").describe() == "from 2017"
    assert ListFilter(until="2017-03").describe() == "to 2017-03"
    assert ListFilter(since="2017-01", until="2017-01").describe() == "2017-01"
    assert ListFilter(since="2017").with_outlet("DW") == ListFilter(frozenset({"DW"}), "2017")


def hit(article_id: str, ranged: bool) -> SearchHit:
    matches = ((0, 3),) if ranged else ()
    return SearchHit(article_id, article_id, 1.0, matches, Snippet("", 0, ()), ranged)


def test_more_hits_extend_the_listed_ones_which_keep_their_ranges() -> None:
    listed = SearchResults("q", (hit("a", True), hit("b", True)), 4)
    fetched = SearchResults("q", (hit("a", False), hit("b", False), hit("c", False)), 4)
    merged = extended(listed, fetched)
    assert [h.article_id for h in merged.hits] == ["a", "b", "c"]
    assert [h.ranged for h in merged.hits] == [True, True, False]
    assert merged.total == 4
