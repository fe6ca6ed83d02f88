"""Clips in the app: c clips what y would copy; the Clips screen reorders, deletes, notes,
copies the list out and leads back to a clip's passage; the list outlives the app."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static

from peskovtui.library import EXPORT_FORMATS
from peskovtui.ui.app import PeskovApp
from peskovtui.ui.screens.clip_export import ExportClipsScreen
from peskovtui.ui.screens.clips import ClipsScreen
from peskovtui.ui.widgets.article_text import GUTTER
from peskovtui.ui.widgets.clip_list import ClipList
from peskovtui.ui.widgets.quotes_panel import QuotesPanel

from .conftest import SEEDS, Run, shown, wait_for
from .test_copy_and_palette import open_palette

MEDIAITE = "002_3d0a4687557009c2"


def the_app(pilot: Pilot[None]) -> PeskovApp:
    app = pilot.app
    assert isinstance(app, PeskovApp)
    return app


async def clip_a_quote_and_a_paragraph(pilot: Pilot[None]) -> None:
    """Clip the first quote of the Mediaite article from the panel, then its title paragraph
    from the reader."""
    app = the_app(pilot)
    app.main.open_article(MEDIAITE)
    await pilot.press("3", "j", "c")
    await pilot.press("2", "c")
    await wait_for(pilot, lambda: len(app.library.clips()) == 2, "two clips")


async def open_clips(pilot: Pilot[None]) -> ClipsScreen:
    await pilot.press("L")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, ClipsScreen), "the Clips screen")
    screen = pilot.app.screen
    assert isinstance(screen, ClipsScreen)
    return screen


async def test_c_clips_the_focused_quote_then_the_current_paragraph(run_app: Run) -> None:
    async with run_app(notifications=True) as pilot:
        app = the_app(pilot)
        app.main.open_article(MEDIAITE)
        await pilot.press("3", "j")
        row = app.query_one(QuotesPanel).current
        assert row is not None
        quote = row.quote
        await pilot.press("c", "2", "c")
        quoted, paragraph = app.library.clips()
        assert quoted.citation == app.library.cite(
            MEDIAITE, quote.start, quote.end, speaker=quote.speaker, quote=True
        )
        assert quoted.citation.is_quote and quoted.citation.speaker == quote.speaker
        title = app.library.article(MEDIAITE).paragraphs[0]
        assert paragraph.citation == app.library.cite(MEDIAITE, title.start, title.end)
        messages = [n.message for n in app._notifications]
        assert f"Clipped the quote by {quote.speaker} (clip 1)." in messages
        assert "Clipped paragraph 1 (clip 2)." in messages


async def test_reorder_note_delete_and_copy_out(run_app: Run) -> None:
    async with run_app() as pilot:
        app = the_app(pilot)
        await clip_a_quote_and_a_paragraph(pilot)
        quote, title = (c.citation.passage for c in app.library.clips())
        screen = await open_clips(pilot)
        options = screen.query_one(ClipList)
        assert options.row_count() == 2
        await pilot.press("J")
        assert [c.citation.passage for c in app.library.clips()] == [title, quote]
        assert options.cursor == 1
        await pilot.press("K")
        assert [c.citation.passage for c in app.library.clips()] == [quote, title]
        assert options.cursor == 0
        await pilot.press("e")
        assert screen.query_one(Input).has_focus
        await pilot.press(*"check the date", "enter")
        assert [c.note for c in app.library.clips()] == ["check the date", ""]
        assert "Note: check the date" in shown(options)
        await pilot.press("Y")
        assert app.clipboard == app.library.export_clips("md")
        await pilot.press("j", "d")
        assert [c.citation.passage for c in app.library.clips()] == [quote]
        assert options.row_count() == 1
        await pilot.press("y")
        assert app.clipboard == app.library.export_clips("text")


async def test_escape_in_the_note_cancels_it(run_app: Run) -> None:
    async with run_app() as pilot:
        app = the_app(pilot)
        await clip_a_quote_and_a_paragraph(pilot)
        screen = await open_clips(pilot)
        await pilot.press("e", *"draft", "escape")
        assert not screen.query_one(Input).display
        assert screen.is_current
        assert [c.note for c in app.library.clips()] == ["", ""]
        await pilot.press("escape")
        assert app.screen is app.main


async def test_enter_goes_back_to_the_passage(run_app: Run) -> None:
    async with run_app() as pilot:
        app = the_app(pilot)
        await clip_a_quote_and_a_paragraph(pilot)
        app.main.open_article("000_8b6f72e4f8395ed9")
        await pilot.pause()
        await open_clips(pilot)
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen is app.main, "back on the main screen")
        first = app.library.clips()[0].citation
        reader = app.main.reader
        assert reader.article is not None and reader.article.id == MEDIAITE
        assert reader.marked == (first.start, first.end)
        await pilot.press("escape")
        assert reader.article.id == "000_8b6f72e4f8395ed9"


async def test_a_restart_keeps_the_clips(run_app: Run) -> None:
    async with run_app() as pilot:
        await clip_a_quote_and_a_paragraph(pilot)
        kept = the_app(pilot).library.clips()
    async with run_app() as pilot:
        assert the_app(pilot).library.clips() == kept
        screen = await open_clips(pilot)
        assert screen.query_one(ClipList).row_count() == 2


async def test_a_stale_clip_is_marked(run_app: Run, tmp_path: Path) -> None:
    corpus = tmp_path / "seeds"
    shutil.copytree(SEEDS, corpus)
    async with run_app(paths=(corpus,)) as pilot:
        await clip_a_quote_and_a_paragraph(pilot)
    article = corpus / f"{MEDIAITE}.txt"
    article.write_text(article.read_text(encoding="utf-8").replace("Zakaria", "Z."), "utf-8")
    async with run_app(paths=(corpus,)) as pilot:
        screen = await open_clips(pilot)
        listed = shown(screen.query_one(ClipList))
        assert listed.count("stale: the article has changed") == 2


async def test_the_palette_opens_the_clips(run_app: Run) -> None:
    async with run_app() as pilot:
        await open_palette(pilot, "clips", "Clips")
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, ClipsScreen), "the Clips screen")


async def test_a_damaged_clips_file_is_set_aside_with_a_notice(run_app: Run) -> None:
    async with run_app(notifications=True) as pilot:
        app = the_app(pilot)
        path = app.library.clip_store.path
        path.parent.mkdir(parents=True)
        path.write_text("[", encoding="utf-8")
        await pilot.press("2", "c")
        messages = [n.message for n in app._notifications]
        assert any(
            m.startswith(f"The clips file {path} is damaged; it was kept as ") for m in messages
        )
        assert "Clipped paragraph 1 (clip 1)." in messages
        assert [p.read_text(encoding="utf-8") for p in path.parent.iterdir() if p != path] == ["["]


async def test_c_after_v_clips_the_version_on_screen(run_app: Run) -> None:
    async with run_app() as pilot:
        app = the_app(pilot)
        reader = app.main.reader
        quotes = app.query_one(QuotesPanel)
        app.main.open_article(MEDIAITE)
        await pilot.press("3", "g")
        while quotes.current is not None and "stable political" not in quotes.current.quote.text:
            await pilot.press("j")
        await pilot.press("enter", "v")
        await wait_for(pilot, lambda: "version 2/2" in str(reader.border_subtitle), "version 2")
        assert reader.article is not None
        version = next(
            q for q in app.library.article_quotes(reader.article.id) if "stable political" in q.text
        )
        await pilot.press("c")
        await wait_for(pilot, lambda: len(app.library.clips()) == 1, "one clip")
        (clip,) = app.library.clips()
        assert clip.citation == app.library.cite(reader.article.id, version.start, version.end)
        assert clip.citation.article_id.startswith("003")
        assert "stable political tradition and you say" in clip.citation.passage
        assert clip.citation.speaker == version.speaker


async def test_c_clips_the_mouse_selection(run_app: Run) -> None:
    async with run_app() as pilot:
        app = the_app(pilot)
        reader = app.main.reader
        app.main.open_article(MEDIAITE)
        await pilot.pause()
        # Drag over the words of the reader's fourth line, from just after the margin.
        row, first, last = 4, GUTTER + 2, GUTTER + 25
        await pilot.mouse_down(reader, offset=(first, row))
        await pilot.hover(reader, offset=(last, row))
        await pilot.mouse_up(reader, offset=(last, row))
        await wait_for(pilot, lambda: reader.selected_range() is not None, "a selection")
        on_screen = shown(reader).splitlines()[row][first : last + 1]
        await pilot.press("c")
        await wait_for(pilot, lambda: len(app.library.clips()) == 1, "one clip")
        (clip,) = app.library.clips()
        citation = clip.citation
        assert citation.article_id == MEDIAITE
        assert citation.passage == on_screen.strip()
        text = app.library.article(MEDIAITE).text
        assert text[citation.start : citation.end] == citation.passage


async def export_from_clips(pilot: Pilot[None], fmt: str, path: str) -> ExportClipsScreen:
    """Open the export box from the Clips screen, choose ``fmt`` and submit ``path``."""
    await pilot.press("x")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, ExportClipsScreen), "export box")
    screen = pilot.app.screen
    assert isinstance(screen, ExportClipsScreen)
    await pilot.press(*["down"] * EXPORT_FORMATS.index(fmt), "enter")
    assert screen.query_one(Input).has_focus
    await pilot.press(*path, "enter")
    return screen


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
async def test_export_each_format_to_a_file(run_app: Run, tmp_path: Path, fmt: str) -> None:
    async with run_app(notifications=True) as pilot:
        app = the_app(pilot)
        await clip_a_quote_and_a_paragraph(pilot)
        clips = await open_clips(pilot)
        target = tmp_path / f"fact-check.{fmt}"
        await export_from_clips(pilot, fmt, str(target))
        await wait_for(pilot, lambda: app.screen is clips, "back on the Clips screen")
        assert target.read_text(encoding="utf-8") == app.library.export_clips(fmt)
        messages = [n.message for n in app._notifications]
        assert f"Wrote 2 clips as {fmt} to {target}." in messages


async def test_export_to_the_clipboard(run_app: Run) -> None:
    async with run_app() as pilot:
        app = the_app(pilot)
        await clip_a_quote_and_a_paragraph(pilot)
        clips = await open_clips(pilot)
        await export_from_clips(pilot, "csljson", "")
        await wait_for(pilot, lambda: app.screen is clips, "back on the Clips screen")
        assert app.clipboard == app.library.export_clips("csljson")


async def test_an_existing_file_is_replaced_only_when_asked(run_app: Run, tmp_path: Path) -> None:
    target = tmp_path / "draft.md"
    target.write_text("my draft\n", encoding="utf-8")
    async with run_app() as pilot:
        app = the_app(pilot)
        await clip_a_quote_and_a_paragraph(pilot)
        await open_clips(pilot)
        box = await export_from_clips(pilot, "md", str(target))
        message = str(box.query_one("#export-message", Static).content)
        assert f"{target} exists: enter replaces it, escape keeps it." in message
        assert target.read_text(encoding="utf-8") == "my draft\n"
        await pilot.press("escape")
        assert target.read_text(encoding="utf-8") == "my draft\n"
        box = await export_from_clips(pilot, "md", str(target))
        await pilot.press("enter")
        await wait_for(pilot, lambda: not box.is_attached, "the export box closed")
        assert target.read_text(encoding="utf-8") == app.library.export_clips("md")


async def test_an_unwritable_file_is_told_and_nothing_is_lost(run_app: Run, tmp_path: Path) -> None:
    async with run_app() as pilot:
        app = the_app(pilot)
        await clip_a_quote_and_a_paragraph(pilot)
        await open_clips(pilot)
        box = await export_from_clips(pilot, "csv", str(tmp_path / "no-such-dir" / "x.csv"))
        message = str(box.query_one("#export-message", Static).content)
        assert "Cannot write" in message and "No such file or directory" in message
        assert box.is_current
        await pilot.press("escape")
        assert len(app.library.clips()) == 2


async def test_the_highlighted_clip_is_shown_whole_below_the_list(run_app: Run) -> None:
    async with run_app(size=(80, 30)) as pilot:
        app = the_app(pilot)
        await clip_a_quote_and_a_paragraph(pilot)
        quote, title = app.library.clips()
        screen = await open_clips(pilot)
        detail = screen.query_one("#clip-detail", Static)
        shown_whole = " ".join(str(detail.content).split())
        assert f"“{' '.join(quote.citation.passage.split())}”" in shown_whole
        assert quote.citation.speaker and f"— {quote.citation.speaker} · " in shown_whole
        await pilot.press("j")
        assert " ".join(str(detail.content).split()).startswith(title.citation.passage)
