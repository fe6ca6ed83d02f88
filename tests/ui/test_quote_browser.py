"""The quote browser: Q opens every quote of the corpus in a table that sorts by each column and
filters by speaker, outlet, dates and kind; the quote under the cursor is shown whole below, and
enter reads it in its article with its words marked."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input

from peskovtui.citation import as_markdown, as_plain
from peskovtui.library import Library
from peskovtui.quotes import Quote
from peskovtui.ui.app import PeskovApp
from peskovtui.ui.messages import QuotesReady
from peskovtui.ui.screens.quote_table import QuoteBrowserScreen
from peskovtui.ui.widgets.quote_table import QuoteTableHeader, QuoteTableView, fitted
from peskovtui.ui.widgets.reader import Reader

from .conftest import Run, shown, wait_for

# Four articles of two outlets over three months, one undated; Peskov's "nonsense" is a fragment.
ARTICLES = [
    (
        "1",
        "2017-01-05 10:00:00",
        "http://edition.cnn.com/2017/01/05/politics/a.html",
        "Kremlin answers on sanctions",
        'Dmitry Peskov said on Thursday: "We will respond to these sanctions in due course, and '
        'our answer will be measured." Later he added: "Nobody in Moscow wants a new cold war."',
    ),
    (
        "2",
        "2017-02-10 08:00:00",
        "http://www.bbc.com/news/world-europe-2.html",
        "Merkel speaks in Berlin",
        '"Europe must stand together in these difficult times," Angela Merkel told reporters. '
        '"We will not give up on the rule of law," she said.',
    ),
    (
        "3",
        "",
        "http://www.aljazeera.com/news/3.html",
        "An undated report",
        '"The talks were useful but long," Sergei Lavrov said after the meeting in Geneva.',
    ),
    (
        "4",
        "2016-12-20 12:00:00",
        "http://edition.cnn.com/2016/12/20/world/4.html",
        "Peskov on the election",
        '"We have nothing to do with the hacking of any servers, that is absolutely clear," '
        'Dmitry Peskov said. He called the claims "nonsense".',
    ),
]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "articles.csv"
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(["article_id", "publish_date", "article_source_link", "title", "text"])
        writer.writerows(ARTICLES)
    return path


def the_app(pilot: Pilot[None]) -> PeskovApp:
    app = pilot.app
    assert isinstance(app, PeskovApp)
    return app


async def open_browser(pilot: Pilot[None]) -> QuoteBrowserScreen:
    await pilot.press("Q")
    await wait_for(
        pilot, lambda: isinstance(pilot.app.screen, QuoteBrowserScreen), "the quote browser"
    )
    screen = pilot.app.screen
    assert isinstance(screen, QuoteBrowserScreen)
    await pilot.pause()
    return screen


def listed(screen: QuoteBrowserScreen) -> list[Quote]:
    view = screen.table_view
    assert view.table is not None
    return [view.table.quotes[row] for row in view.rows]


def sorted_by(screen: QuoteBrowserScreen) -> str:
    return screen.sorting.column


def focus_of(screen: QuoteBrowserScreen) -> Widget | None:
    return screen.focused


def dates(screen: QuoteBrowserScreen) -> list[str | None]:
    view = screen.table_view
    assert view.table is not None
    return [(a.date if (a := view.table.article(row)) else None) for row in view.rows]


async def filter_by(pilot: Pilot[None], text: str) -> None:
    """Type ``text`` as the whole filter (``/`` first unless the filter has the focus)."""
    if not isinstance(pilot.app.screen.focused, Input):
        await pilot.press("slash")
    await pilot.press("ctrl+u", *text, "enter")
    await pilot.pause()


async def test_q_lists_every_quote_newest_first_undated_last(run_app: Run, corpus: Path) -> None:
    async with run_app(paths=(corpus,)) as pilot:
        screen = await open_browser(pilot)
        assert [q.text[:20] for q in listed(screen)] == [
            "Europe must stand to",
            "We will not give up ",
            "We will respond to t",
            "Nobody in Moscow wan",
            "We have nothing to d",
            "The talks were usefu",
        ]
        assert dates(screen)[-1] is None
        table = shown(screen.table_view)
        assert "Angela Merkel" in table and "BBC" in table and "2017-02-10" in table
        assert "Merkel speaks in Berlin" in table
        assert "Date ▼" in shown(screen.query_one(QuoteTableHeader))
        assert "6 of 7 quotes · sorted by date, newest first" in shown(
            screen.query_one("#qb-status")
        )


async def test_r_sorts_by_date_oldest_first_and_s_by_the_next_column(
    run_app: Run, corpus: Path
) -> None:
    async with run_app(paths=(corpus,)) as pilot:
        screen = await open_browser(pilot)
        await pilot.press("r")
        assert dates(screen) == [
            "2016-12-20T12:00:00",
            "2017-01-05T10:00:00",
            "2017-01-05T10:00:00",
            "2017-02-10T08:00:00",
            "2017-02-10T08:00:00",
            None,
        ]
        assert "Date ▲" in shown(screen.query_one(QuoteTableHeader))
        await pilot.press("s")
        assert sorted_by(screen) == "article"
        assert [q.article_id for q in listed(screen)] == ["3", "1", "1", "2", "2", "4"]
        await pilot.press("s")
        assert sorted_by(screen) == "speaker"
        assert [q.speaker for q in listed(screen)] == [
            "Angela Merkel",
            "Angela Merkel",
            "Dmitry Peskov",
            "Dmitry Peskov",
            "Dmitry Peskov",
            "Sergei Lavrov",
        ]


async def test_the_cursor_stays_on_its_quote_when_the_order_changes(
    run_app: Run, corpus: Path
) -> None:
    async with run_app(paths=(corpus,)) as pilot:
        screen = await open_browser(pilot)
        await pilot.press("j", "j")
        chosen = screen.table_view.current
        await pilot.press("r")
        assert screen.table_view.current == chosen
        assert screen.table_view.cursor == 1


async def test_a_click_on_a_heading_sorts_by_it(run_app: Run, corpus: Path) -> None:
    async with run_app(paths=(corpus,)) as pilot:
        screen = await open_browser(pilot)
        header = screen.query_one(QuoteTableHeader)
        # The first cell of the "Quote" heading (after the padding, the speaker's and the gap).
        await pilot.click(QuoteTableHeader, offset=(1 + header.widths[0] + 1, 0))
        assert sorted_by(screen) == "quote"
        assert listed(screen)[0].text.startswith("Europe must")
        await pilot.click(QuoteTableHeader, offset=(1 + header.widths[0] + 1, 0))
        assert screen.sorting.reverse
        assert listed(screen)[0].text.startswith("We will respond")
        # The last cell of the speaker's heading.
        await pilot.click(QuoteTableHeader, offset=(header.widths[0], 0))
        assert sorted_by(screen) == "speaker"


async def test_filters_by_speaker_outlet_dates_and_kind(run_app: Run, corpus: Path) -> None:
    async with run_app(paths=(corpus,)) as pilot:
        screen = await open_browser(pilot)
        await filter_by(pilot, "speaker:peskov")
        assert {q.speaker for q in listed(screen)} == {"Dmitry Peskov"}
        assert len(listed(screen)) == 3
        assert screen.focused is screen.table_view
        await filter_by(pilot, "outlet:cnn from:2017-01 to:2017-01-31")
        assert [q.article_id for q in listed(screen)] == ["1", "1"]
        await filter_by(pilot, "speaker:peskov kind:fragment")
        assert [q.text for q in listed(screen)] == ["nonsense"]
        await filter_by(pilot, "kind:all")
        assert len(listed(screen)) == 7
        assert "7 of 7 quotes" in shown(screen.query_one("#qb-status"))


async def test_a_filter_that_cannot_be_read_says_why_and_keeps_the_list(
    run_app: Run, corpus: Path
) -> None:
    async with run_app(paths=(corpus,), notifications=True) as pilot:
        app = the_app(pilot)
        screen = await open_browser(pilot)
        before = listed(screen)
        await filter_by(pilot, "from:2017-02-30")
        await filter_by(pilot, "outlet:reuters")
        messages = [n.message for n in app._notifications]
        assert messages == [
            "from:2017-02-30 is not a date: write it 2017-01-31, 2017-01 or 2017.",
            "No outlet of this corpus is named reuters: the outlets are Al Jazeera, BBC, CNN.",
        ]
        assert listed(screen) == before
        assert isinstance(focus_of(screen), Input)
        await pilot.press("escape")
        assert focus_of(screen) is screen.table_view
        assert app.screen is screen


async def test_the_quote_under_the_cursor_is_shown_whole_with_its_citation(
    run_app: Run, corpus: Path
) -> None:
    async with run_app(paths=(corpus,), size=(80, 30)) as pilot:
        screen = await open_browser(pilot)
        await pilot.press("r", "g", "j")
        detail = shown(screen.query_one("#qb-quote"))
        words = " ".join(detail.split())
        assert (
            "“We will respond to these sanctions in due course, and our answer will be "
            "measured.”" in words
        )
        assert "— Dmitry Peskov (full)" in words
        assert "“Kremlin answers on sanctions” (CNN, 2017-01-05T10:00:00), paragraph 2 · 1" in words
        # The row itself is cut to its column.
        assert "measured." not in shown(screen.table_view)


async def test_enter_reads_the_quote_in_its_article_marked(run_app: Run, corpus: Path) -> None:
    async with run_app(paths=(corpus,)) as pilot:
        app = the_app(pilot)
        before = app.main.reader.article
        screen = await open_browser(pilot)
        await pilot.press("r", "g", "j", "j")
        quote = listed(screen)[2]
        assert before is not None and before.id != quote.article_id
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen is app.main, "the main screen")
        reader = app.main.reader
        await wait_for(pilot, lambda: reader.marked == (quote.start, quote.end), "the mark")
        assert reader.article is not None and reader.article.id == quote.article_id
        assert app.main.focused is app.main.query_one(Reader)
        # Escape walks back from the jump, to the article read before.
        await pilot.press("escape")
        await wait_for(pilot, lambda: reader.article is before, "the article read before")


async def test_escape_and_q_close_the_browser(run_app: Run, corpus: Path) -> None:
    async with run_app(paths=(corpus,)) as pilot:
        app = the_app(pilot)
        for key in ("escape", "q"):
            await open_browser(pilot)
            await pilot.press(key)
            await wait_for(pilot, lambda: app.screen is app.main, f"{key} closed the browser")


async def test_before_the_quotes_are_read_the_browser_says_so_then_fills(
    run_app: Run, corpus: Path
) -> None:
    async with run_app(paths=(corpus,)) as pilot:
        app = the_app(pilot)
        unread = Library.open([corpus])
        screen = QuoteBrowserScreen(unread, app.main)
        await app.push_screen(screen)
        await pilot.pause()
        assert "Reading the quotes of the corpus" in shown(screen.table_view)
        await pilot.press("r", "s")  # nothing to sort yet: no error
        app.main.post_message(QuotesReady(unread.read_quotes()))
        await wait_for(pilot, lambda: len(screen.table_view.rows) == 6, "the quotes listed")
        assert "6 of 7 quotes" in shown(screen.query_one("#qb-status"))
        unread.close()


async def test_quotes_are_text_never_markup_and_controls_show(run_app: Run, tmp_path: Path) -> None:
    path = tmp_path / "hostile.csv"
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(["article_id", "publish_date", "article_source_link", "title", "text"])
        writer.writerow(
            [
                "1",
                "2017-01-05",
                "http://edition.cnn.com/1.html",
                "[bold]Title[/bold]",
                '"We say [red]this[/red] and \x1b[2J that, plainly," Dmitry Peskov said.',
            ]
        )
    async with run_app(paths=(path,)) as pilot:
        screen = await open_browser(pilot)
        table = shown(screen.table_view)
        detail = shown(screen.query_one("#qb-quote"))
        for text in (table, detail):
            assert "[bold]Title[/bold]" in text
            assert "\x1b" not in text
        assert "We say [red]this[/red] and ␛[2J that, plainly," in detail
        view = screen.table_view
        assert isinstance(view, QuoteTableView) and len(view.rows) == 1


def test_a_cell_is_cut_and_padded_by_its_width_in_cells() -> None:
    assert fitted("Dmitry Peskov", 8) == "Dmitry …"
    assert fitted("Peskov", 8) == "Peskov  "
    # Wide characters take two cells each: the cut never splits one.
    assert fitted("北京欢迎你", 5) == "北京…"
    assert fitted("北京欢迎你", 6) == "北京 …"
    assert cell_len(fitted("北京欢迎你 and more", 9)) == 9
    # One line, controls shown, never sent.
    assert fitted("a\nb\x1bc", 8) == "a b␛c   "


async def test_when_the_quotes_could_not_be_read_the_browser_says_so(
    run_app: Run, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(library: Library) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(Library, "read_quotes", broken)
    async with run_app(paths=(corpus,)) as pilot:
        screen = await open_browser(pilot)
        assert "The quotes of the corpus could not be read" in shown(screen.table_view)
        assert "Reading" not in shown(screen.table_view)


async def test_y_and_c_copy_and_clip_the_quote_under_the_cursor(run_app: Run, corpus: Path) -> None:
    async with run_app(paths=(corpus,)) as pilot:
        app = the_app(pilot)
        screen = await open_browser(pilot)
        await wait_for(pilot, lambda: bool(screen.table_view.rows), "the quotes listed")
        await pilot.press("j")
        quote = listed(screen)[1]
        cited = app.library.cite(
            quote.article_id or "", quote.start, quote.end, speaker=quote.speaker, quote=True
        )
        await pilot.press("y")
        assert app.clipboard == as_plain(cited)
        await pilot.press("Y")
        assert app.clipboard == as_markdown(cited)
        await pilot.press("c")
        await wait_for(pilot, lambda: len(app.library.clips()) == 1, "the quote clipped")
        assert app.library.clips()[0].citation == cited
        assert app.screen is screen
