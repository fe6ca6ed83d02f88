"""Checking a quote in the app: ``C`` or the palette asks for the words, lists the places, and
``enter`` reads the chosen one with its differing words marked."""

from __future__ import annotations

from textual.command import CommandPalette
from textual.widgets import Input, Label, OptionList

from peskovtui.ui.app import PeskovApp
from peskovtui.ui.screens.checking import CheckQuoteScreen

from .conftest import Run, palette_offers, wait_for

CNN = "003_7447ffa13057d1de"


async def test_check_a_quote_and_read_the_reworded_place(run_app: Run) -> None:
    async with run_app() as pilot:
        app = pilot.app
        assert isinstance(app, PeskovApp)
        await pilot.press("C")
        await wait_for(pilot, lambda: isinstance(app.screen, CheckQuoteScreen), "the check")
        screen = app.screen
        assert isinstance(screen, CheckQuoteScreen)
        screen.query_one(Input).value = "with very, very stable political traditions"
        await pilot.press("enter")
        places = screen.query_one("#check-places", OptionList)
        await wait_for(pilot, lambda: places.option_count == 2, "the places listed")
        verdict = screen.query_one("#check-verdict", Label)
        assert str(verdict.render()) == "Found verbatim: 2 places"
        first, second = (str(places.get_option_at_index(i).prompt) for i in range(2))
        assert first == (
            "Mediaite · 002_3d0a4687557009c2 · Dmitry Peskov, verbatim, ¶5\n"
            "with very, very stable political traditions"
        )
        assert second == (
            "CNN · 003_7447ffa13057d1de · Dmitry Peskov, different wording, ¶11\n"
            "with a very, very stable political tradition"
        )
        await pilot.press("down", "enter")
        await wait_for(pilot, lambda: app.screen is app.main, "back on the main screen")
        reader = app.main.reader
        await wait_for(
            pilot,
            lambda: reader.article is not None and reader.article.id == CNN,
            "the CNN article in the reader",
        )
        assert reader.marked == (1385, 1429)
        assert reader.highlights.diffs == [(1390, 1391), (1420, 1429)]
        # What was found is what c clips (and y copies) while it is the paragraph read.
        await pilot.press("2", "c")
        await wait_for(pilot, lambda: len(app.library.clips()) == 1, "the place clipped")
        found = app.library.clips()[0].citation
        assert (found.article_id, found.start, found.end) == (CNN, 1385, 1429)
        assert found.passage == "with a very, very stable political tradition"
        await pilot.press("]", "c")
        await wait_for(pilot, lambda: len(app.library.clips()) == 2, "the next paragraph clipped")
        paragraph = app.library.article(CNN).paragraphs[reader.current_paragraph]
        after = app.library.clips()[1].citation
        assert (after.start, after.end) == (paragraph.start, paragraph.end)
        assert after.start > found.end


async def test_too_few_words_are_one_notification(run_app: Run) -> None:
    async with run_app(notifications=True) as pilot:
        app = pilot.app
        await pilot.press("C")
        await wait_for(pilot, lambda: isinstance(app.screen, CheckQuoteScreen), "the check")
        app.screen.query_one(Input).value = "lousy"
        await pilot.press("enter")
        expected = "1 word is too few to check: paste at least 4 words of the quote."
        await wait_for(
            pilot,
            lambda: [n.message for n in app._notifications] == [expected],
            "the notification",
        )
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, CheckQuoteScreen), "closed")


async def test_the_palette_offers_check_a_quote(run_app: Run) -> None:
    async with run_app() as pilot:
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, CommandPalette), "the palette")
        await pilot.press(*"check a quote")
        await wait_for(pilot, lambda: palette_offers(pilot, "Check a quote"), "offered")
        await pilot.press("enter")
        await wait_for(
            pilot, lambda: isinstance(pilot.app.screen, CheckQuoteScreen), "the check opened"
        )
