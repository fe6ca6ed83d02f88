"""Both themes meet WCAG AA contrast (4.5:1) in every text the screen shows; the chosen theme
is kept between runs."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.color import Color
from rich.style import Style
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget

from peskovtui.ui.app import PeskovApp
from peskovtui.ui.themes import DARK, LIGHT

from .conftest import Run, search

AA = 4.5
# Borders, scrollbars and separators are drawn with these: lines, not text.
DRAWING = {chr(c) for c in range(0x2500, 0x25A0)}


def luminance(color: Color) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = color.get_truecolor()
    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def contrast(style: Style) -> float:
    if style.color is None or style.bgcolor is None:
        return 0.0  # the terminal's own colours: no contrast the theme can promise
    foreground, background = style.color, style.bgcolor
    if style.reverse:
        foreground, background = background, foreground
    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def low_contrast(pilot: Pilot[None]) -> list[str]:
    """Every piece of text on screen whose colours fall under AA, with its widget."""
    found: dict[tuple[str, str], str] = {}
    for widget in pilot.app.screen.walk_children(Widget):
        if not widget.display or not widget.region:
            continue
        width, height = widget.outer_size
        for strip in widget.render_lines(Region(0, 0, width, height)):
            for segment in strip:
                text = "".join(c for c in segment.text if not c.isspace() and c not in DRAWING)
                style = segment.style or Style()
                if text and contrast(style) < AA:
                    key = (type(widget).__name__, str(style))
                    found.setdefault(key, f"{key[0]} {text[:20]!r} {contrast(style):.2f}")
    return sorted(found.values())


def test_the_contrast_formula() -> None:
    assert contrast(Style(color="#000000", bgcolor="#ffffff")) == pytest.approx(21)
    assert contrast(Style(color="#777777", bgcolor="#ffffff")) == pytest.approx(4.48, abs=0.01)
    assert contrast(Style()) == 0


@pytest.mark.parametrize("theme", [DARK.name, LIGHT.name])
async def test_every_text_on_screen_meets_aa_contrast(run_app: Run, theme: str) -> None:
    async with run_app() as pilot:
        app = pilot.app
        assert isinstance(app, PeskovApp)
        app.theme = theme
        await pilot.pause()
        assert low_contrast(pilot) == []
        # Matches, the current match and the search status.
        await search(pilot, "peskov")
        await pilot.press("enter", "n")
        assert low_contrast(pilot) == []
        # A marked quote with its wording differences, the quotes panel focused.
        app.main.open_article("002_3d0a4687557009c2")
        panel_quotes = app.library.article_quotes("002_3d0a4687557009c2")
        quote = next(q for q in panel_quotes if "stable political" in q.text)
        app.main.jump_to_quote(quote)
        await pilot.press("3", "v")
        await pilot.pause()
        assert low_contrast(pilot) == []
        # An error in the search bar.
        await search(pilot, "date:2017-99")
        assert low_contrast(pilot) == []


async def test_the_chosen_theme_is_remembered(run_app: Run, private_xdg: Path) -> None:
    async with run_app() as pilot:
        assert pilot.app.theme == DARK.name
        await pilot.press("ctrl+t")
        assert pilot.app.theme == LIGHT.name
    async with run_app() as pilot:
        assert pilot.app.theme == LIGHT.name
        await pilot.press("ctrl+t")
    async with run_app() as pilot:
        assert pilot.app.theme == DARK.name
