"""Escape goes back, focus keys show what they focus, and the search bar takes any text."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widget import Widget

from peskovtui.ui.app import PeskovApp
from peskovtui.ui.widgets.article_list import ArticleList
from peskovtui.ui.widgets.quotes_panel import QuotesPanel
from peskovtui.ui.widgets.reader import Reader
from peskovtui.ui.widgets.search_bar import QueryInput

from .conftest import Run, search, wait_for

OTHER = "004_67415639bfef48f7"  # holds no "evidence"


def focused(pilot: Pilot[None]) -> Widget | None:
    """The focused widget now (a call, so that a type checker does not carry it over)."""
    return pilot.app.focused


def parts(pilot: Pilot[None]) -> tuple[PeskovApp, ArticleList, Reader, QuotesPanel]:
    app = pilot.app
    assert isinstance(app, PeskovApp)
    return app, app.query_one(ArticleList), app.query_one(Reader), app.query_one(QuotesPanel)


async def test_escape_from_the_search_bar_returns_to_the_article_and_the_place(
    run_app: Run,
) -> None:
    async with run_app() as pilot:
        app, articles, reader, _ = parts(pilot)
        articles.select_id(OTHER)
        await pilot.press("2", *"jjjjjj")
        await wait_for(pilot, lambda: reader.scroll_offset.y == 6, "the reader scrolled")
        await search(pilot, "evidence")
        assert reader.article is not None
        assert not reader.article.id.startswith("004")  # the reader shows a hit meanwhile
        await pilot.press("escape")
        assert reader.article is not None
        assert reader.article.id == OTHER
        assert reader.scroll_offset.y == 6
        assert app.focused is reader
        assert not articles.searching
        assert articles.current is reader.article


async def test_escape_walks_back_after_enter_n_into_another_article(run_app: Run) -> None:
    async with run_app() as pilot:
        _, articles, reader, _ = parts(pilot)
        origin = reader.article
        assert origin is not None
        await search(pilot, "evidence")
        first = reader.article
        assert first is not None
        assert first is not origin
        await pilot.press("enter", "n")
        assert reader.current_match == 0
        await pilot.press("n")  # past its only match: on to the next article of the results
        second = reader.article
        assert second is not first
        await pilot.press("escape")
        assert reader.article is first
        assert articles.searching  # still in the results
        await pilot.press("escape")
        assert reader.article is origin
        assert not articles.searching
        assert reader.matches == []


async def test_printable_keys_typed_in_the_search_bar_are_text(run_app: Run) -> None:
    async with run_app() as pilot:
        app, _, _, _ = parts(pilot)
        query = app.query_one(QueryInput)
        typed = "9/11 and/or 24/7 2/7/2017 kremlin.ru/events q?"
        await pilot.press("slash", *typed)
        assert query.value == typed
        assert app.focused is query
        assert app.is_running
        await wait_for(pilot, lambda: app.main.search_answered(typed), "the answer")
        await pilot.press("escape")  # a key that is not text leaves the search bar
        assert app.focused is not query


async def test_focus_keys_show_what_they_focus_below_100_columns(run_app: Run) -> None:
    async with run_app(size=(60, 20)) as pilot:
        _, articles, reader, quotes = parts(pilot)
        await pilot.press("3")
        assert focused(pilot) is quotes
        assert quotes.display
        assert not articles.display
        await pilot.press("1")
        assert focused(pilot) is articles
        assert articles.display
        assert articles.region.width > 0
        assert not quotes.display
        await pilot.press("j", "enter")
        assert focused(pilot) is reader
        assert reader.article is articles.current
        assert reader.article is articles.articles[1]


async def test_a_search_that_finds_nothing_says_so(run_app: Run) -> None:
    async with run_app() as pilot:
        app, articles, _, _ = parts(pilot)
        await search(pilot, "zanzibar")
        assert str(app.query_one("#search-status").render()) == "no match"
        assert articles.row_count() == 0
