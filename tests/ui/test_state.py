"""The reader's state holders, without a terminal: the search session, the article in the
reader, the jump history, the quote browser, the background work and the reader's highlights."""

from __future__ import annotations

from peskovtui.library import Library, ReaderView
from peskovtui.quotes import Quote
from peskovtui.search import SearchHit, SearchResults, Snippet
from peskovtui.ui.state import (
    ArticleQuotes,
    CopySource,
    CopyTarget,
    Jump,
    JumpHistory,
    QuoteBrowser,
    Readiness,
    SearchSession,
    by_date,
    copy_notice,
    match_counter,
    match_step,
    reader_status,
    result_status,
)
from peskovtui.ui.widgets.highlights import Highlights
from peskovtui.ui.widgets.layout import overlapping
from peskovtui.ui.widgets.quotes_panel import QuoteRow


def hit(article_id: str, matches: tuple[tuple[int, int], ...], ranged: bool = True) -> SearchHit:
    return SearchHit(article_id, "", 1.0, matches, Snippet("", 0, ()), ranged)


def results(*hits: SearchHit, total: int | None = None) -> SearchResults:
    return SearchResults("x", hits, len(hits) if total is None else total)


def test_a_second_answer_to_the_query_shown_is_left_alone() -> None:
    session = SearchSession()
    assert session.accept("peskov", results(hit("a", ((0, 6),))))
    assert session.active
    assert not session.accept("peskov", results())
    assert session.results is not None
    assert session.results.hits[0].article_id == "a"
    assert session.answered == "peskov"


def test_a_step_waits_for_results_but_not_for_a_refusal() -> None:
    session = SearchSession()
    session.pending_step = 1
    session.accept("peskov", results())
    assert session.take_step() == 1
    assert session.take_step() == 0
    session.pending_step = -1
    session.refuse("(")
    assert session.pending_step == 0
    assert session.answered == "("


def test_known_matches_come_from_ranged_hits_only() -> None:
    session = SearchSession()
    assert session.known_matches("a") == ()  # no search: nothing to find
    session.accept("x", results(hit("a", ((1, 2),)), hit("b", (), ranged=False)))
    assert session.known_matches("a") == ((1, 2),)
    assert session.known_matches("b") is None  # to be found
    assert session.known_matches("c") is None
    session.clear()
    assert not session.active
    assert session.known_matches("a") == ()


def test_escape_walks_back_the_jumps_then_ends_the_search_at_its_origin() -> None:
    history = JumpHistory()
    history.push(Jump("a", 0))
    history.begin_search(Jump("b", 5), "reader")
    history.begin_search(Jump("c", 9), None)  # a search under way keeps its origin
    history.push(Jump("d", 1))
    history.push(Jump("e", 2))
    assert history.step_back() == Jump("e", 2)
    assert history.step_back() == Jump("d", 1)
    assert history.step_back() is None  # the next step back ends the search
    origin = history.end_search()
    assert origin is not None
    assert origin.jump == Jump("b", 5)
    assert origin.focus == "reader"
    assert history.step_back() == Jump("a", 0)
    assert history.step_back() is None


def test_ending_a_search_forgets_the_jumps_made_during_it() -> None:
    history = JumpHistory()
    history.begin_search(Jump("a", 3), None)
    history.push(Jump("b", 0))
    history.end_search()
    assert history.jumps == []
    history.push(None)  # nowhere to remember
    assert history.jumps == []


def test_forward_goes_again_where_back_came_from_until_the_next_jump() -> None:
    history = JumpHistory()
    history.push(Jump("a", 0))
    history.push(Jump("b", 4))
    assert history.step_forward(Jump("c", 7)) is None  # nothing walked back from yet
    assert history.step_back(Jump("c", 7)) == Jump("b", 4)
    assert history.step_back(Jump("b", 4)) == Jump("a", 0)
    assert history.step_back(Jump("a", 0)) is None
    assert history.step_forward(Jump("a", 0)) == Jump("b", 4)
    assert history.step_forward(Jump("b", 4)) == Jump("c", 7)
    assert history.step_forward(Jump("c", 7)) is None
    assert history.step_back(Jump("c", 7)) == Jump("b", 4)
    history.push(Jump("b", 4))  # a new jump from b: the way forward to c is gone
    assert history.step_forward(Jump("d", 0)) is None
    assert history.jumps == [Jump("a", 0), Jump("b", 4)]


def test_ending_a_search_forgets_the_way_forward_made_in_it() -> None:
    history = JumpHistory()
    history.begin_search(Jump("a", 3), None)
    history.push(Jump("b", 0))
    assert history.step_back(Jump("c", 0)) == Jump("b", 0)
    history.end_search()
    assert history.step_forward(Jump("a", 3)) is None


def quotes() -> list[Quote]:
    library = Library.open()
    library.read_quotes()
    quote = next(q for q in library.quotes() if "stable political traditions" in q.text)
    return library.other_versions(quote, include_self=True)


def test_the_browser_steps_through_versions_and_knows_the_one_on_screen() -> None:
    versions = quotes()
    assert len(versions) == 2
    browser = QuoteBrowser()
    browser.choose(versions[0], versions)
    assert browser.counter() == "version 1/2 (v/V)"
    previous, current = browser.step(1)
    assert (previous, current) == (versions[0], versions[1])
    assert browser.on_screen(versions[0]) == versions[1]
    assert browser.counter() == "version 2/2 (v/V)"
    assert browser.step(1)[1] == versions[0]  # round and round
    browser.forget()
    assert not browser.stepping
    assert browser.counter() == ""
    assert browser.on_screen(versions[0]) == versions[0]


def test_the_browser_heading_and_speaker_filter() -> None:
    browser = QuoteBrowser()
    assert browser.heading() == "Quotes here"
    assert browser.heading(finding=True) == "Quotes here (finding…)"
    browser.show_speaker("Dmitry Peskov")
    assert browser.heading() == "Quotes of Dmitry Peskov"
    assert browser.heading(reading=True) == "All quotes (still reading…)"
    browser.toggle_corpus()
    assert browser.speaker is None
    assert browser.heading() == "Quotes here"


def test_statuses_and_counters() -> None:
    assert result_status(results(), 0) == "no match"
    assert result_status(results(hit("a", ((0, 1),))), 1) == "1 match in 1 article"
    assert result_status(results(hit("a", ((0, 1), (2, 3)))), 1) == "2 matches in 1 article"
    assert result_status(results(hit("a", ()), total=300), 1) == "the best 1 of 300 articles"
    assert result_status(results(hit("a", (), ranged=False)), 1) == "1 article"
    # A query of the url: or date: field alone finds articles with no words to mark.
    assert result_status(results(hit("a", ()), hit("b", ())), 2) == "2 articles"
    assert match_counter([(0, 1), (2, 3)], None) == "match -/2"
    assert match_counter([(0, 1), (2, 3)], 1) == "match 2/2"


def test_newest_first_then_the_undated() -> None:
    library = Library.open()
    ordered = by_date(library.articles)
    dates = [a.date for a in ordered if a.date]
    assert dates == sorted(dates, reverse=True)
    assert {a.id for a in ordered} == {a.id for a in library.articles}


def test_the_speakers_of_a_paragraph() -> None:
    library = Library.open()
    article = library.article("004")
    target = article.paragraph_index(article.text.index("much more"))
    here = ArticleQuotes()
    here.open(None)  # still being found: nobody is named yet
    assert here.speakers_in(article, target) == []
    assert here.take(ReaderView(article, "", tuple(library.article_quotes(article.id)), ()))
    assert here.speakers_in(article, target) == ["Dmitry Peskov"]
    assert not here.take(ReaderView(article, "", (), ()))  # known quotes stay
    assert here.quotes


def test_a_step_into_an_article_waits_for_its_matches() -> None:
    here = ArticleQuotes()
    here.step_on_view = -1
    assert here.take_step() == -1
    assert here.take_step() == 0
    here.step_on_view = 1
    here.open([])  # another article: the step was for the one left
    assert here.take_step() == 0


def test_matches_of_a_view_count_for_the_listed_query_only() -> None:
    article = Library.open().article("004")
    session = SearchSession()
    session.accept("peskov", results(hit("004", ((0, 6),))))
    assert session.view_matches(ReaderView(article, "peskov", (), ((3, 9),))) == ((3, 9),)
    assert session.view_matches(ReaderView(article, "kremlin", (), ((3, 9),))) is None
    assert session.view_matches(ReaderView(article, "peskov", (), None)) is None  # not yet found
    session.clear()
    assert session.view_matches(ReaderView(article, "", (), ())) is None


def test_n_and_N_step_through_the_matches_then_on_to_the_next_article() -> None:
    assert match_step(None, 3, 1) == 0
    assert match_step(None, 3, -1) == 2
    assert match_step(0, 3, 1) == 1
    assert match_step(2, 3, 1) is None  # past the last: the next article
    assert match_step(0, 3, -1) is None
    assert match_step(None, 0, 1) is None
    assert match_step(None, 0, -1) is None


def test_the_reader_status_line() -> None:
    assert reader_status(None, "", None, []) == ""
    assert reader_status(None, "", 3, []) == "¶ 4"
    assert reader_status("match 1/2", "", 0, ["A", "B"]) == "match 1/2 · ¶ 1: A, B"
    assert (
        reader_status("match -/2", "version 1/2 (v/V)", 4, ["Dmitry Peskov"])
        == "match -/2 · version 1/2 (v/V) · ¶ 5: Dmitry Peskov"
    )


def test_what_a_copy_says_and_who_says_what_to_copy() -> None:
    assert copy_notice("paragraph 3", markdown=False, characters=1) == (
        "Copied paragraph 3 with its citation (1 character)."
    )
    assert copy_notice("the selection", markdown=True, characters=120) == (
        "Copied the selection as Markdown with its citation (120 characters)."
    )

    class View:
        def copy_target(self) -> CopyTarget | None:
            return CopyTarget("a", 0, 1, "this")

    assert isinstance(View(), CopySource)
    assert not isinstance(object(), CopySource)


def test_background_work_ends_when_both_passes_end() -> None:
    ready = Readiness()
    ready.quotes_done(None)  # failed
    assert not ready.corpus_read
    assert not ready.ended
    ready.index_done()
    assert ready.ended
    ready.quotes_done(Library.open().read_quotes())
    assert ready.corpus_read


def test_a_quote_row_counts_its_versions_elsewhere() -> None:
    library = Library.open()
    library.read_quotes()
    quote = next(q for q in library.quotes() if "stable political traditions" in q.text)
    article = library.article(quote.article_id or "")
    row = QuoteRow.with_versions(quote, article, library.other_versions(quote))
    assert (row.also_in, row.repeated) == (1, False)
    again = next(q for q in library.quotes() if "very lousy relationship" in q.text)
    row = QuoteRow.with_versions(
        again, library.article(again.article_id or ""), library.other_versions(again)
    )
    assert row.repeated


def test_highlights_paint_the_chosen_passage_and_the_current_match_on_top() -> None:
    highlights = Highlights.of([(30, 40), (0, 10)], [(12, 14)], [(50, 55), (5, 7)])
    assert highlights.quotes == [(0, 10), (30, 40)]
    assert highlights.matches == [(5, 7), (50, 55)]
    names = [name for _, name in highlights.layers()]
    assert names == ["reader--quote", "reader--speaker", "reader--match"]
    highlights.current_match = 1
    highlights.mark(30, 40, [(33, 35)])
    assert highlights.layers()[-3:] == [
        ([(30, 40)], "reader--marked"),
        ([(33, 35)], "reader--diff"),
        ([(50, 55)], "reader--current"),
    ]
    highlights.set_matches([(1, 2)])
    assert highlights.current_match is None  # new matches: none is current yet
    assert highlights.layers()[-1][1] == "reader--diff"


def test_the_parts_of_ranges_on_a_line() -> None:
    ranges = [(0, 12), (14, 16), (18, 30)]
    assert overlapping(ranges, 10, 20) == [(10, 12), (14, 16), (18, 20)]
    assert overlapping(ranges, 12, 14) == []
    assert overlapping([(0, 100), (2, 3)], 50, 60) == [(50, 60)]
