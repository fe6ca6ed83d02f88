"""Keys typed faster than the screen updates never crash the app; an unexpected error ends it
with one line and a non-zero status, the details kept in a file."""

from __future__ import annotations

import random
from functools import partial
from pathlib import Path

import pytest
from textual import events
from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot

from peskovtui.library import Library
from peskovtui.ui.app import PeskovApp, run
from peskovtui.ui.widgets.search_bar import QueryInput
from tests.search.test_query_fuzz import QUERIES

from .conftest import Run, settle, wait_for

# Every key the app binds, and some it does not; q (quit) is left out so the burst runs on.
KEYS = [
    *"jkgGnNvVyYaf123/[]bx9 ",
    "enter",
    "escape",
    "tab",
    "pagedown",
    "pageup",
    "up",
    "down",
    "ctrl+p",
    "ctrl+d",
    "ctrl+u",
    "ctrl+t",
    "question_mark",
    "backspace",
]


def burst(pilot: Pilot[None], keys: list[str]) -> None:
    """Hand ``keys`` to the app at once, as a fast typist or a paste would."""
    for key in keys:
        character = key if len(key) == 1 else None
        pilot.app.post_message(events.Key(key, character))


@pytest.mark.parametrize(
    "keys",
    [
        ["ctrl+p", "enter", "enter"],
        ["ctrl+p", "a", "pagedown"],
        ["ctrl+p", "a", "pageup"],
        ["ctrl+p", "a", "escape"],
        ["ctrl+p", "a", "enter"],
    ],
    ids=["enter-enter", "pagedown", "pageup", "type-escape", "type-enter"],
)
async def test_fast_keys_in_the_palette(run_app: Run, keys: list[str]) -> None:
    async with run_app() as pilot:
        burst(pilot, keys)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        # Keys are handled in order: once the escape after the burst has closed the palette,
        # the burst has been handled too.
        burst(pilot, ["escape"])
        await wait_for(pilot, lambda: not isinstance(pilot.app.screen, CommandPalette), "closed")
        assert pilot.app.is_running
        assert len(pilot.app.screen_stack) == 1
    # Leaving the block re-raises any error the app met.


async def test_a_seeded_burst_of_keys(run_app: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    # The palette offers Quit among its commands: which one a burst's enter runs depends on
    # how far the palette has filled its list by then, so a loaded machine may quit cleanly.
    # Quitting is not what this test is about; it stays in the app.
    monkeypatch.setattr(PeskovApp, "action_quit", lambda self: None)
    generator = random.Random(20261204)
    async with run_app() as pilot:
        for _ in range(15):
            burst(pilot, [generator.choice(KEYS) for _ in range(20)])
            await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert pilot.app.is_running


async def test_an_unexpected_error_ends_the_app_with_one_line(
    monkeypatch: pytest.MonkeyPatch, private_xdg: Path
) -> None:
    def boom(self: PeskovApp) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(PeskovApp, "action_toggle_dark", boom)
    app = PeskovApp(Library.open())
    with pytest.raises(RuntimeError, match="boom"):
        async with app.run_test() as pilot:
            await settle(pilot)
            await pilot.press("ctrl+t")
            await pilot.pause()
    assert app.return_code == 1
    message = app.crash_message
    assert "\n" not in message
    assert message.startswith("peskovtui stopped on an unexpected error (RuntimeError: boom)")
    report = private_xdg / "XDG_STATE_HOME" / "peskovtui" / "crash.log"
    assert message.endswith(f"the details are in {report}.")
    details = report.read_text(encoding="utf-8")
    assert "Traceback" in details
    assert "boom" in details


def test_run_prints_the_one_line_and_exits_non_zero(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def stopped(self: PeskovApp) -> None:
        self.crash_message = "peskovtui stopped on an unexpected error (RuntimeError: boom)."
        self._return_code = 1

    monkeypatch.setattr(PeskovApp, "run", stopped)
    assert run(Library.open()) == 1
    assert capsys.readouterr().err == (
        "peskovtui stopped on an unexpected error (RuntimeError: boom).\n"
    )


async def test_random_queries_pasted_into_the_search_bar(run_app: Run) -> None:
    async with run_app() as pilot:
        app = pilot.app
        assert isinstance(app, PeskovApp)
        await pilot.press("slash")
        query_input = app.query_one(QueryInput)
        for query in QUERIES[:40]:
            query_input.value = query
            await wait_for(pilot, partial(app.main.search_answered, query), f"{query!r} answered")
        assert app.is_running


async def test_a_palette_search_that_finds_its_list_gone_ends_quietly(run_app: Run) -> None:
    # As when a key typed just before escape starts a search while the palette closes.
    async with run_app() as pilot:
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, CommandPalette), "opened")
        palette = pilot.app.screen
        assert isinstance(palette, CommandPalette)
        await palette.query_one(CommandList).remove()
        worker = palette._gather_commands("a")
        await worker.wait()
        assert pilot.app.is_running
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(pilot.app.screen, CommandPalette), "closed")
