"""The document list sorted (``s``, the palette), filtered by outlet and date range (``F``, the
palette), and search results fetched page after page as the list is scrolled."""

from __future__ import annotations

import csv
import threading
from datetime import date, timedelta
from functools import partial
from pathlib import Path

import pytest
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import Input, SelectionList

from peskovtui.library import Library
from peskovtui.ui.app import PeskovApp
from peskovtui.ui.screens import listing
from peskovtui.ui.screens.facets import FacetsScreen
from peskovtui.ui.widgets.article_list import ArticleList
from peskovtui.ui.widgets.reader import Reader
from tests.search.faults import held_builds

from .conftest import Run, palette_offers, search, settle, wait_for

# (id, date, outlet, title): the load order is not the order of any sort.
ROWS = [
    ("1", "2017/1/10", "CNN", "Moscow answers"),
    ("2", "2017/2/3", "BBC", "Brexit talks resume"),
    ("3", "2016/12/20", "TASS", "Kremlin comments"),
    ("4", "2017/2/20", "CNN", "Another day of sanctions"),
    ("5", "", "DW", "Undated report"),
    ("6", "2017/1/25", "BBC", "Zagreb summit"),
]


def write_corpus(path: Path, rows: list[tuple[str, str, str, str]], text: str) -> Path:
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["article_id", "publish_date", "source", "title", "text"])
        for article_id, day, outlet, title in rows:
            body = f"{text} Report number {article_id}. “We will see,” Dmitry Peskov said."
            writer.writerow([article_id, day, outlet, title, body])
    return path


@pytest.fixture
def small_corpus(tmp_path: Path) -> Path:
    return write_corpus(tmp_path / "news.csv", ROWS, "The officials met again this week.")


def app_of(pilot: Pilot[None]) -> PeskovApp:
    app = pilot.app
    assert isinstance(app, PeskovApp)
    return app


def titles(pilot: Pilot[None]) -> list[str]:
    return [a.title for a in pilot.app.query_one(ArticleList).articles]


def border(pilot: Pilot[None]) -> tuple[str, str]:
    articles = pilot.app.query_one(ArticleList)
    return str(articles.border_title), str(articles.border_subtitle)


async def palette(pilot: Pilot[None], typed: str) -> None:
    await pilot.press("ctrl+p")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, CommandPalette), "the palette")
    await pilot.press(*typed)
    await wait_for(pilot, lambda: palette_offers(pilot, typed), f"{typed!r} offered")
    await pilot.press("enter")
    await wait_for(pilot, lambda: not isinstance(pilot.app.screen, CommandPalette), "closed")
    await pilot.pause()


async def test_s_cycles_the_orders_and_the_border_says_which(
    run_app: Run, small_corpus: Path
) -> None:
    async with run_app(paths=(small_corpus,)) as pilot:
        assert titles(pilot) == [
            "Another day of sanctions",
            "Brexit talks resume",
            "Zagreb summit",
            "Moscow answers",
            "Kremlin comments",
            "Undated report",
        ]
        assert border(pilot) == ("Documents · newest first", "6 articles")
        await pilot.press("s")
        assert titles(pilot)[:2] == ["Kremlin comments", "Moscow answers"]
        assert titles(pilot)[-1] == "Undated report"
        assert border(pilot)[0] == "Documents · oldest first"
        await pilot.press("s")
        assert titles(pilot) == sorted(titles(pilot), key=str.casefold)
        assert border(pilot)[0] == "Documents · by title"
        await pilot.press("s")
        assert [a.outlet for a in app_of(pilot).query_one(ArticleList).articles] == [
            "BBC",
            "BBC",
            "CNN",
            "CNN",
            "DW",
            "TASS",
        ]
        assert titles(pilot)[:2] == ["Brexit talks resume", "Zagreb summit"]  # newest first
        await pilot.press("s")
        assert border(pilot)[0] == "Documents · most quotes first"
        await pilot.press("s")
        assert border(pilot)[0] == "Documents · newest first"


async def test_the_palette_sorts_by_name(run_app: Run, small_corpus: Path) -> None:
    async with run_app(paths=(small_corpus,)) as pilot:
        await palette(pilot, "Sort: title")
        assert border(pilot)[0] == "Documents · by title"
        assert titles(pilot)[0] == "Another day of sanctions"


async def test_quote_count_waits_for_the_quotes_and_says_so(
    private_xdg: Path, small_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    read_quotes = Library.read_quotes

    def held(self: Library) -> object:
        release.wait(timeout=60)
        return read_quotes(self)

    monkeypatch.setattr(Library, "read_quotes", held)
    app = PeskovApp(Library.open([small_corpus]))
    async with app.run_test(size=(140, 45), notifications=True) as pilot:
        await pilot.press("s", "s", "s")
        assert border(pilot)[0] == "Documents · by outlet"
        await pilot.press("s")  # past quote count, which cannot be had yet
        assert border(pilot)[0] == "Documents · newest first"
        said = [n.message for n in app._notifications]
        assert (
            "Sorting by quote count is passed over: the corpus's quotes are still being read."
            in said
        )
        await palette(pilot, "Sort: quote count")
        assert border(pilot)[0] == "Documents · newest first"
        assert any("The list stays by date, newest first." in n.message for n in app._notifications)
        release.set()
        await settle(pilot)
        await palette(pilot, "Sort: quote count")
        assert border(pilot)[0] == "Documents · most quotes first"


async def choose_outlet(pilot: Pilot[None], outlet: str) -> None:
    outlets = pilot.app.screen.query_one(SelectionList)
    index = next(
        i for i in range(outlets.option_count) if outlets.get_option_at_index(i).value == outlet
    )
    outlets.highlighted = index
    await pilot.press("space")


async def test_facets_filter_by_outlet_with_counts_then_clear(
    run_app: Run, small_corpus: Path
) -> None:
    async with run_app(paths=(small_corpus,)) as pilot:
        await pilot.press("F")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, FacetsScreen), "the facets")
        outlets = pilot.app.screen.query_one(SelectionList)
        prompts = [str(outlets.get_option_at_index(i).prompt) for i in range(outlets.option_count)]
        assert [p.split() for p in prompts] == [
            ["BBC", "2"],
            ["CNN", "2"],
            ["DW", "1"],
            ["TASS", "1"],
        ]
        await choose_outlet(pilot, "CNN")
        await pilot.press("enter")
        await wait_for(pilot, lambda: not isinstance(pilot.app.screen, FacetsScreen), "closed")
        assert titles(pilot) == ["Another day of sanctions", "Moscow answers"]
        assert border(pilot) == ("Documents · newest first · CNN", "2 of 6 articles")
        # A second outlet, and the sort still applies to what is kept.
        await pilot.press("F")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, FacetsScreen), "the facets")
        await choose_outlet(pilot, "TASS")
        await pilot.press("enter")
        await pilot.pause()
        assert border(pilot) == ("Documents · newest first · CNN, TASS", "3 of 6 articles")
        await pilot.press("F")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, FacetsScreen), "the facets")
        await pilot.press("x", "enter")
        await pilot.pause()
        assert border(pilot) == ("Documents · newest first", "6 articles")


async def test_a_date_range_typed_and_a_bad_date_said_in_one_sentence(
    run_app: Run, small_corpus: Path
) -> None:
    async with run_app(paths=(small_corpus,), notifications=True) as pilot:
        app = app_of(pilot)
        await pilot.press("F")
        await wait_for(pilot, lambda: isinstance(app.screen, FacetsScreen), "the facets")
        app.screen.query_one("#since", Input).focus()
        await pilot.press(*"2017-13", "enter")
        await pilot.pause()
        assert isinstance(app.screen, FacetsScreen)  # stays, to be corrected
        assert [n.message for n in app._notifications][-1] == (
            "The start date “2017-13” is not a day of the calendar."
        )
        await pilot.press("backspace", "backspace", "2", "tab", *"2017-02")
        # The counts follow the range typed.
        outlets = app.screen.query_one(SelectionList)
        await wait_for(pilot, lambda: outlets.option_count == 2, "the counts of February")
        await pilot.press("enter")
        await wait_for(pilot, lambda: not isinstance(app.screen, FacetsScreen), "closed")
        assert titles(pilot) == ["Another day of sanctions", "Brexit talks resume"]
        assert border(pilot) == ("Documents · newest first · 2017-02", "2 of 6 articles")


async def test_the_palette_filters_by_outlet_and_clears(run_app: Run, small_corpus: Path) -> None:
    async with run_app(paths=(small_corpus,)) as pilot:
        await palette(pilot, "Filter: outlet BBC")
        assert titles(pilot) == ["Brexit talks resume", "Zagreb summit"]
        assert border(pilot) == ("Documents · newest first · BBC", "2 of 6 articles")
        await palette(pilot, "Clear filters")
        assert border(pilot) == ("Documents · newest first", "6 articles")


async def test_filters_apply_to_search_results(run_app: Run, small_corpus: Path) -> None:
    async with run_app(paths=(small_corpus,)) as pilot:
        app = app_of(pilot)
        await palette(pilot, "Filter: outlet CNN")
        await search(pilot, "officials")
        assert sorted(titles(pilot)) == ["Another day of sanctions", "Moscow answers"]
        assert border(pilot) == ("Documents · by relevance · CNN", "2 of 6 found")
        status = str(app.query_one("#search-status").render())
        assert status.startswith("2 of them listed (CNN) · ")


# --- search results walked to the end -----------------------------------------------------------

MANY = 260  # more than the first page (200), fewer than a corpus whose quotes go to a child


@pytest.fixture
def big_corpus(tmp_path: Path) -> Path:
    start = date(2017, 1, 1)
    rows = [
        (str(n), (start + timedelta(days=n)).strftime("%Y/%m/%d"), "CNN", f"Sanctions day {n}")
        for n in range(MANY)
    ]
    return write_corpus(tmp_path / "many.csv", rows, "New sanctions were announced.")


def rows_are(articles: ArticleList, count: int) -> bool:
    return articles.row_count() == count


def status_of(app: PeskovApp) -> str:
    return str(app.query_one("#search-status").render())


async def test_results_are_fetched_page_after_page_to_the_end(
    run_app: Run, big_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(listing, "SEARCH_PAGE", 25)
    async with run_app(paths=(big_corpus,)) as pilot:
        app = app_of(pilot)
        articles = app.query_one(ArticleList)
        await search(pilot, "sanctions")
        assert articles.row_count() == 200
        assert status_of(app) == f"the best 200 of {MANY} articles, more as you scroll"
        assert border(pilot)[1] == f"200 of {MANY} found"
        await pilot.press("enter")  # to the list
        for listed in (225, 250, MANY):
            await pilot.press("G")
            await wait_for(pilot, partial(rows_are, articles, listed), f"{listed} listed")
        assert status_of(app) == f"{MANY} articles"
        assert border(pilot)[1] == f"{MANY} found"
        assert len({a.id for a in articles.articles}) == MANY
        # A hit fetched without its ranges has them found when it is opened.
        await pilot.press("G")
        reader = app.query_one(Reader)
        last = articles.articles[-1]
        await wait_for(
            pilot,
            lambda: reader.article is last and len(reader.matches) >= 2,
            "the last hit shown with its matches",
        )
        assert [last.text[s:e].lower() for s, e in reader.matches][:2] == ["sanctions"] * 2


async def test_sorting_results_by_date_sorts_every_hit(run_app: Run, big_corpus: Path) -> None:
    async with run_app(paths=(big_corpus,)) as pilot:
        app = app_of(pilot)
        articles = app.query_one(ArticleList)
        await search(pilot, "sanctions")
        assert articles.row_count() == 200
        await pilot.press("enter", "s")
        await wait_for(pilot, lambda: articles.row_count() == MANY, "every hit listed")
        dates = [a.date or "" for a in articles.articles]
        assert dates == sorted(dates, reverse=True)
        assert articles.articles[0].title == f"Sanctions day {MANY - 1}"
        assert border(pilot) == ("Documents · newest first", f"{MANY} found")
        assert status_of(app) == f"{MANY} articles"


async def test_the_scan_pages_too_while_the_index_is_built(
    private_xdg: Path, big_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(listing, "SEARCH_PAGE", 30)
    with held_builds(monkeypatch) as (_, release):
        app = PeskovApp(Library.open([big_corpus]))
        async with app.run_test(size=(140, 45)) as pilot:
            main = app.main
            articles = app.query_one(ArticleList)
            await pilot.press("slash", *"sanctions")
            await wait_for(pilot, lambda: main.search_answered("sanctions"), "the scan's answer")
            assert main.search.results is not None and main.search.results.scanned
            assert status_of(app).startswith(
                f"the first 200 of {MANY} articles, more as you scroll"
            )
            await pilot.press("enter", "G")
            await wait_for(pilot, lambda: articles.row_count() == 230, "the scan's next page")
            results = main.search.results
            assert results is not None and results.scanned
            # The scan lists in corpus order: the page is the next 30 articles.
            assert [a.id for a in articles.articles] == [str(n) for n in range(230)]
            release.set()


async def test_facets_of_search_results_count_every_hit(run_app: Run, big_corpus: Path) -> None:
    async with run_app(paths=(big_corpus,)) as pilot:
        app = app_of(pilot)
        await search(pilot, "sanctions")
        assert app.query_one(ArticleList).row_count() == 200
        await pilot.press("enter", "F")
        await wait_for(pilot, lambda: isinstance(app.screen, FacetsScreen), "the facets")
        outlets = app.screen.query_one(SelectionList)
        assert [str(outlets.get_option_at_index(0).prompt).split()] == [["CNN", str(MANY)]]
        assert str(app.screen.query_one("#facets-title").render()) == (
            f"Filter the search results ({MANY} articles)"
        )
