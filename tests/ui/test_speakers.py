"""The speakers screen: ``S`` lists the speakers, typing filters them, enter shows one's
timeline, left and right move across its periods, enter on a quote opens its passage, ``p``
lists their quotes in the main screen's panel; before the corpus's quotes are read it says so
and fills once they are."""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from peskovtui.library import Library
from peskovtui.library.quotebook import QuoteBook
from peskovtui.ui.app import PeskovApp, binding_ids
from peskovtui.ui.screens.help import HelpScreen
from peskovtui.ui.screens.speakers import READING, SpeakersScreen
from peskovtui.ui.widgets.quotes_panel import QuotesPanel
from peskovtui.ui.widgets.reader import Reader
from peskovtui.ui.widgets.speaker_list import SpeakerList
from peskovtui.ui.widgets.timeline_chart import TimelineChart

from ..dated_seeds import write_dated_seeds
from .conftest import Run, shown, wait_for


def speakers_screen(pilot: Pilot[None]) -> SpeakersScreen:
    screen = pilot.app.screen
    assert isinstance(screen, SpeakersScreen)
    return screen


async def open_speakers(pilot: Pilot[None]) -> SpeakersScreen:
    """Press S and wait for the speakers screen."""
    await pilot.press("S")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, SpeakersScreen), "the screen")
    return speakers_screen(pilot)


def held_quotes(
    monkeypatch: pytest.MonkeyPatch,
    cache: Path,
    then: Callable[[Library], QuoteBook],
) -> tuple[PeskovApp, threading.Event]:
    """An app on the bundled articles whose corpus quotes are read (by ``then``) only once
    the returned event is set."""
    shutil.copytree(cache, Path(os.environ["XDG_CACHE_HOME"]), dirs_exist_ok=True)
    release = threading.Event()

    def held(library: Library) -> QuoteBook:
        # Bounded, so that a broken test cannot hang.
        release.wait(timeout=60)
        return then(library)

    monkeypatch.setattr(Library, "read_quotes", held)
    return PeskovApp(Library.open()), release


def listed(screen: SpeakersScreen) -> list[str]:
    speakers = screen.query_one(SpeakerList)
    return [speakers._rows[i].speaker for i in range(speakers.row_count())]


def period_heading(screen: SpeakersScreen) -> str:
    return str(screen.query_one(QuotesPanel).border_title)


async def test_filter_choose_move_across_periods_and_open_a_quote(
    run_app: Run, tmp_path: Path
) -> None:
    async with run_app(paths=(write_dated_seeds(tmp_path),)) as pilot:
        app = pilot.app
        assert isinstance(app, PeskovApp)
        screen = await open_speakers(pilot)
        assert len(listed(screen)) == 6
        title = shown(screen.query_one("#speakers-title"))
        assert "Speakers of seeds.csv: 6 speakers · enter shows one's timeline" in title
        first = shown(screen.query_one(SpeakerList)).splitlines()[1:3]
        assert "Dmitry Peskov" in first[0]
        assert "43 quotes · 4 outlets · 2016-12-01 – 2017-03-13" in first[1]
        await pilot.press(*"zak")
        assert listed(screen) == ["Fareed Zakaria", "Maria Zakharova"]
        await pilot.press("a")
        assert listed(screen) == ["Fareed Zakaria"]
        await pilot.press("enter")
        await wait_for(pilot, lambda: bool(screen.query(TimelineChart)), "the chart drawn")
        timeline = screen.timeline
        assert timeline is not None
        assert (timeline.unit, len(timeline.periods)) == ("day", 2)
        title = shown(screen.query_one("#timeline-title"))
        assert "Fareed Zakaria: 5 quotes, per day over 2 days" in title
        # The latest period with quotes is chosen first; left and right move across them.
        chart = screen.query_one(TimelineChart)
        assert chart.chosen == 1
        assert period_heading(screen) == "Day 2017-03-13: 2 quotes · CNN 2"
        await pilot.press("left")
        assert chart.chosen == 0
        assert period_heading(screen) == "Day 2017-03-12: 3 quotes · Mediaite 3"
        await pilot.pause()
        drawn = shown(chart)
        # The legend names each outlet; the chosen bar is marked and its day labelled.
        assert "Mediaite" in drawn and "CNN" in drawn
        assert drawn.count("▼") == 1 and "03-12" in drawn
        await pilot.press("left")  # the first stays chosen
        assert chart.chosen == 0
        await pilot.press("l", "h")
        assert chart.chosen == 0
        panel = screen.query_one(QuotesPanel)
        assert panel.has_focus
        await pilot.press("j")
        row = panel.current
        assert row is not None
        await pilot.press("enter")
        reader = app.query_one(Reader)
        await wait_for(pilot, lambda: reader.marked is not None, "the quote marked")
        assert app.screen is app.main
        assert reader.article is not None and reader.article.id == row.quote.article_id
        assert reader.marked == (row.quote.start, row.quote.end)
        assert row.quote.speaker == "Fareed Zakaria"


async def test_p_lists_the_speakers_quotes_in_the_panel_and_escape_backs_out(
    run_app: Run,
) -> None:
    async with run_app() as pilot:
        app = pilot.app
        assert isinstance(app, PeskovApp)
        screen = await open_speakers(pilot)
        await pilot.press("enter")  # the most quoted: Dmitry Peskov
        # The bundled articles have no dates: every quote is undated, and no chart is drawn.
        assert "Dmitry Peskov: 43 quotes, none dated" in shown(screen.query_one("#timeline-title"))
        assert not screen.query_one("#timeline-chart").display
        assert period_heading(screen) == (
            "Undated: 43 quotes · unknown outlet 30 · CNN 7 · Mediaite 6"
        )
        assert screen.query_one(QuotesPanel).row_count() == 43
        await pilot.press("escape")
        assert screen.query_one(SpeakerList).has_focus
        await pilot.press("down", "enter", "p")
        await wait_for(pilot, lambda: app.screen is app.main, "back on the main screen")
        panel = app.query_one("#quotes", QuotesPanel)
        await wait_for(pilot, lambda: panel.row_count() == 5, "Fareed Zakaria's quotes listed")
        assert {panel._rows[i].quote.speaker for i in range(5)} == {"Fareed Zakaria"}
        await open_speakers(pilot)
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is app.main, "closed by escape")


async def test_before_the_quotes_are_read_the_screen_says_so_then_fills(
    seed_index: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app, release = held_quotes(monkeypatch, seed_index, Library.read_quotes)
    async with app.run_test(size=(140, 45)) as pilot:
        screen = await open_speakers(pilot)
        assert shown(screen.query_one("#speakers-title")).strip() == READING
        assert screen.query_one(SpeakerList).row_count() == 0
        await pilot.press(*"zak")
        release.set()
        await wait_for(pilot, lambda: app.main.ready.corpus_read, "the quotes read")
        # What was typed meanwhile filters the list as soon as it fills.
        await wait_for(pilot, lambda: bool(listed(screen)), "the speakers listed")
        assert listed(screen) == ["Fareed Zakaria", "Maria Zakharova"]
        await app.workers.wait_for_complete()


async def test_when_the_quotes_cannot_be_read_the_screen_says_so(
    seed_index: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing(library: Library) -> QuoteBook:
        raise OSError("disk on fire")

    app, release = held_quotes(monkeypatch, seed_index, failing)
    async with app.run_test(size=(140, 45)) as pilot:
        screen = await open_speakers(pilot)
        release.set()
        title = screen.query_one("#speakers-title")
        await wait_for(pilot, lambda: "disk on fire" in shown(title), "the failure said")
        assert "The quotes of the corpus could not be read" in shown(title)
        assert screen.query_one(SpeakerList).row_count() == 0
        await app.workers.wait_for_complete()


async def test_help_on_the_speakers_screen_lists_its_keys(run_app: Run) -> None:
    async with run_app() as pilot:
        app = pilot.app
        await open_speakers(pilot)
        await pilot.press("enter", "question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen), "the help")
        screen = app.screen
        assert isinstance(screen, HelpScreen)
        keys = {what: (where, keys) for where, keys, what in screen.rows}
        assert keys["Earlier period"] == ("speakers screen", "← h")
        assert keys["Later period"] == ("speakers screen", "→ l")
        assert keys["Quotes in the panel"] == ("speakers screen", "p")
        assert keys["Filter"] == ("speakers screen", "/")


def test_the_screens_keys_can_be_remapped() -> None:
    assert {"app.speakers", "speakers.back", "speakers.earlier", "speakers.later"} <= (
        binding_ids()
    )
