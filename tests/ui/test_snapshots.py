"""A few SVG snapshots guard the layout (regenerate with ``pytest --snapshot-update``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input

from peskovtui.library import Library
from peskovtui.library.places import Bookmark, Place, with_bookmark
from peskovtui.ui.app import PeskovApp

from ..dated_seeds import write_dated_seeds
from .conftest import search, settle

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def make_app() -> PeskovApp:
    return PeskovApp(Library.open([SEEDS]))


async def steady(pilot: Pilot[None]) -> None:
    """Settle, with the input cursor frozen so that the frame does not blink."""
    await settle(pilot)
    for widget in pilot.app.query(Input):
        widget.cursor_blink = False
    pilot.app.clear_notifications()
    await pilot.pause()


def test_first_screen(snap_compare: Any) -> None:
    assert snap_compare(make_app(), terminal_size=(140, 45), run_before=steady)


def test_search_and_quote(snap_compare: Any) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await steady(pilot)
        await search(pilot, "stable political")
        await steady(pilot)
        await pilot.press("enter", "n", "3", "j", "enter")
        await steady(pilot)

    assert snap_compare(make_app(), terminal_size=(140, 45), run_before=run_before)


def test_narrow_terminal(snap_compare: Any) -> None:
    assert snap_compare(make_app(), terminal_size=(60, 20), run_before=steady)


def test_help_screen(snap_compare: Any, monkeypatch: Any) -> None:
    # The help names the keymap file; a fixed (never written) config dir keeps the frame steady.
    monkeypatch.setenv("XDG_CONFIG_HOME", "/nonexistent/config")

    async def run_before(pilot: Pilot[None]) -> None:
        await steady(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=(100, 40), run_before=run_before)


def test_clips_screen(snap_compare: Any) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await steady(pilot)
        app = pilot.app
        assert isinstance(app, PeskovApp)
        library = app.library
        quote = library.article_quotes("000_8b6f72e4f8395ed9")[1]
        library.clip_quote(quote)
        paragraph = library.article("002_3d0a4687557009c2").paragraphs[2]
        library.clip_range("002_3d0a4687557009c2", paragraph.start, paragraph.end, "ask Mediaite")
        await pilot.press("L")
        await steady(pilot)

    assert snap_compare(make_app(), terminal_size=(100, 30), run_before=run_before)


def test_facets_screen(snap_compare: Any) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await steady(pilot)
        await pilot.press("F")
        await steady(pilot)
        await pilot.press("down", "space")
        await steady(pilot)

    assert snap_compare(make_app(), terminal_size=(100, 30), run_before=run_before)


def test_quote_browser_screen(snap_compare: Any) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await steady(pilot)
        await pilot.press("Q")
        await steady(pilot)
        await pilot.press("s", "s", "j", "j", "j")
        await steady(pilot)

    assert snap_compare(make_app(), terminal_size=(120, 36), run_before=run_before)


def test_bookmarks_screen(snap_compare: Any) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await steady(pilot)
        app = pilot.app
        assert isinstance(app, PeskovApp)
        library = app.library
        mediaite = library.article("002_3d0a4687557009c2")
        library.add_bookmark(mediaite.id, mediaite.paragraphs[3].start)
        library.add_bookmark("000_8b6f72e4f8395ed9", 0)
        gone = Bookmark(
            Place("005_gone", 120), "A paragraph of an article removed since", "Gone", ""
        )
        library.place_store.change(with_bookmark(gone))
        await pilot.press("apostrophe")
        await steady(pilot)

    assert snap_compare(make_app(), terminal_size=(100, 24), run_before=run_before)


def test_speakers_screen(snap_compare: Any, tmp_path: Path) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await steady(pilot)
        await pilot.press("S")
        await steady(pilot)
        await pilot.press("enter", "left")
        await steady(pilot)

    app = PeskovApp(Library.open([write_dated_seeds(tmp_path)]))
    assert snap_compare(app, terminal_size=(140, 40), run_before=run_before)
