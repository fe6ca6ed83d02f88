"""What the document list remembers and says of itself, without a terminal."""

from __future__ import annotations

from peskovtui.library import ListFilter
from peskovtui.search import SearchHit, SearchResults
from peskovtui.search.results import Snippet
from peskovtui.ui.listing import DocumentListing, listed_count, results_status


def results(listed: int, total: int, *, scanned: bool = False) -> SearchResults:
    hits = tuple(SearchHit(str(n), "", 1.0, (), Snippet("", 0, ()), False) for n in range(listed))
    return SearchResults("q", hits, total, scanned=scanned)


def test_the_corpus_and_the_results_keep_their_own_orders() -> None:
    listing = DocumentListing()
    assert listing.current(searching=False) == "newest"
    assert listing.current(searching=True) == "relevance"
    listing.choose("title", searching=False)
    listing.choose("outlet", searching=True)
    assert listing.current(searching=False) == "title"
    assert listing.current(searching=True) == "outlet"
    listing.end_search()
    assert listing.current(searching=True) == "relevance"
    assert listing.current(searching=False) == "title"


def test_s_skips_an_order_that_cannot_be_had() -> None:
    listing = DocumentListing(order="outlet")
    assert listing.following(searching=False) == "quotes"
    assert listing.following(searching=False, skip="quotes") == "newest"


def test_every_hit_is_wanted_for_another_order_or_a_filter() -> None:
    listing = DocumentListing()
    assert not listing.wants_every_hit(searching=True)
    listing.filter = ListFilter(frozenset({"CNN"}))
    assert listing.wants_every_hit(searching=True)
    assert not listing.wants_every_hit(searching=False)
    listing.filter = ListFilter()
    listing.choose("oldest", searching=True)
    assert listing.wants_every_hit(searching=True)


def test_the_border_says_the_order_the_filter_and_how_many() -> None:
    listing = DocumentListing(filter=ListFilter(frozenset({"CNN"}), "2017-01"))
    assert listing.title(searching=False) == "Documents · newest first · CNN · from 2017-01"
    assert listed_count(3785, 3785, searching=False, filtered=False) == "3785 articles"
    assert listed_count(1, 1, searching=False, filtered=False) == "1 article"
    assert listed_count(120, 3785, searching=False, filtered=True) == "120 of 3785 articles"
    assert listed_count(200, 1093, searching=True, filtered=False) == "200 of 1093 found"
    assert listed_count(1093, 1093, searching=True, filtered=False) == "1093 found"


def test_the_status_says_more_come_as_the_list_is_scrolled() -> None:
    assert results_status(results(200, 1093), 200, complete=False, filtered="") == (
        "the best 200 of 1093 articles, more as you scroll"
    )
    scanned = results_status(results(200, 1093, scanned=True), 200, complete=False, filtered="")
    assert scanned == (
        "the first 200 of 1093 articles, more as you scroll · scanning the texts; "
        "the index is being built"
    )
    assert results_status(results(1093, 1093), 1093, complete=True, filtered="") == (
        "1093 articles"
    )
    assert results_status(results(1093, 1093), 40, complete=True, filtered="CNN") == (
        "40 of them listed (CNN) · 1093 articles"
    )
    # Hits the index holds that this load of the corpus lacks: the list ends short, and says so.
    assert results_status(results(1090, 1093), 1090, complete=True, filtered="") == (
        "the best 1090 of 1093 articles"
    )
