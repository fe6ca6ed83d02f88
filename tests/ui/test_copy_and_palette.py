"""What is copied is what is marked; the palette finds its commands by their names."""

from __future__ import annotations

from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot

from peskovtui.citation import as_plain, cite
from peskovtui.ui.app import PeskovApp
from peskovtui.ui.widgets.quotes_panel import QuotesPanel
from peskovtui.ui.widgets.reader import Reader

from .conftest import Run, palette_offers, wait_for


def palette_prompts(pilot: Pilot[None]) -> list[str]:
    screen = pilot.app.screen
    assert isinstance(screen, CommandPalette)
    commands = screen.query_one(CommandList)
    return [str(commands.get_option_at_index(i).prompt) for i in range(commands.option_count)]


async def open_palette(pilot: Pilot[None], typed: str, expected: str) -> None:
    await pilot.press("ctrl+p")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, CommandPalette), "the palette")
    await pilot.press(*typed)
    await wait_for(pilot, lambda: palette_offers(pilot, expected), f"{expected!r} offered")


async def test_y_after_v_copies_the_version_on_screen(run_app: Run) -> None:
    async with run_app() as pilot:
        app = pilot.app
        assert isinstance(app, PeskovApp)
        reader = app.query_one(Reader)
        quotes = app.query_one(QuotesPanel)
        app.main.open_article("002_3d0a4687557009c2")
        await pilot.press("3", "g")
        while quotes.current is not None and "stable political" not in quotes.current.quote.text:
            await pilot.press("j")
        assert quotes.current is not None
        await pilot.press("enter", "v")
        await wait_for(pilot, lambda: "version 2/2" in str(reader.border_subtitle), "version 2")
        assert app.focused is quotes
        assert reader.article is not None
        assert reader.article.id.startswith("003")
        version = next(
            q for q in app.library.article_quotes(reader.article.id) if "stable political" in q.text
        )
        assert reader.marked == (version.start, version.end)
        await pilot.press("y")
        expected = cite(
            reader.article, version.start, version.end, speaker=version.speaker, quote=True
        )
        assert app.clipboard == as_plain(expected)
        assert "stable political tradition and you say" in app.clipboard


async def test_the_palette_finds_quotes_by_speaker_by_its_name(run_app: Run) -> None:
    async with run_app() as pilot:
        await open_palette(pilot, "quotes by", "Quotes by speaker: Dmitry Peskov")
        prompts = palette_prompts(pilot)
        assert all(p.startswith("Quotes by speaker: ") for p in prompts)
        await pilot.press("enter")
        app = pilot.app
        assert isinstance(app, PeskovApp)
        panel = app.query_one(QuotesPanel)
        assert panel.corpus_wide
        counted = dict(app.main.speaker_counts())["Dmitry Peskov"]
        assert panel.row_count() == counted


async def test_the_palette_finds_go_to_by_its_name(run_app: Run) -> None:
    async with run_app() as pilot:
        await open_palette(pilot, "go to", "Go to")
        prompts = palette_prompts(pilot)
        assert any(p.startswith("Go to article: ") for p in prompts)
        assert any(p.startswith("Go to quote: ") for p in prompts)


async def test_go_to_quote_names_its_article_and_outlet_and_opens_that_quote(
    run_app: Run,
) -> None:
    async with run_app() as pilot:
        app = pilot.app
        assert isinstance(app, PeskovApp)
        quote = next(q for q in app.library.quotes() if "stable political traditions" in q.text)
        article = app.library.article(quote.article_id or "")
        await open_palette(pilot, "stable political traditions", "stable political traditions")
        screen = app.screen
        assert isinstance(screen, CommandPalette)
        commands = screen.query_one(CommandList)
        option = commands.get_option_at_index(commands.highlighted or 0)
        assert article.title in str(option.prompt)
        assert article.outlet is not None
        assert article.outlet in str(option.prompt)
        await pilot.press("enter")
        reader = app.query_one(Reader)
        await wait_for(pilot, lambda: reader.marked is not None, "the quote marked")
        assert reader.article is article
        assert reader.marked is not None
        assert article.text[reader.marked[0] : reader.marked[1]] == quote.text
