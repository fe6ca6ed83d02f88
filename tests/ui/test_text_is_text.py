"""Titles, article text, speakers and file names are shown as text everywhere in the app:
never read as markup (``[the]`` stays, ``[bold]x[/bold]`` is not bold)."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot
from textual.widgets._header import HeaderTitle
from textual.widgets._toast import Toast

from peskovtui.ui.app import PeskovApp
from peskovtui.ui.widgets.article_list import ArticleList
from peskovtui.ui.widgets.quotes_panel import QuotesPanel
from peskovtui.ui.widgets.reader import Reader

from .conftest import Run, palette_offers, shown, wait_for

TITLE = "Minister quits over [the] leak"
ARTICLE = f"""{TITLE}

The minister, Anna Smith, resigned on Monday after the [bold]x[/bold] affair.

“[bold]x[/bold] and [the] report will be published,” Anna Smith said.
"""


def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "[b]desk"
    folder.mkdir()
    (folder / "[bold]story.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "[red]bad.txt").write_bytes(b"\x00\x01\x02binary")
    return folder


async def test_every_view_shows_brackets_as_text(run_app: Run, tmp_path: Path) -> None:
    async with run_app(paths=(corpus(tmp_path),), notifications=True) as pilot:
        app = pilot.app
        assert isinstance(app, PeskovApp)
        reader = app.query_one(Reader)
        await pilot.press("2")
        assert TITLE in shown(reader).splitlines()[0]  # the border title
        body = shown(reader)
        assert "[bold]x[/bold] affair" in body
        assert "“[bold]x[/bold] and [the] report" in body
        assert TITLE in shown(app.query_one(ArticleList))
        assert "“[bold]x[/bold] and [the]" in shown(app.query_one(QuotesPanel))
        assert "[b]desk" in shown(app.query_one(HeaderTitle))
        toasts = "\n".join(shown(toast) for toast in app.query(Toast))
        assert "[red]bad.txt" in toasts

        await pilot.press("ctrl+p", *"quits over")
        await wait_for(pilot, lambda: palette_offers(pilot, "quits over"), "the article offered")
        assert TITLE in palette_text(pilot)
        await pilot.press("escape", "ctrl+p", *"published")
        await wait_for(pilot, lambda: palette_offers(pilot, "published"), "the quote offered")
        text = palette_text(pilot)
        assert "[bold]x[/bold] and [the] report" in text
        assert TITLE in text  # the quote's article, in its help line


def palette_text(pilot: Pilot[None]) -> str:
    screen = pilot.app.screen
    assert isinstance(screen, CommandPalette)
    return shown(screen.query_one(CommandList))
