"""The app's two themes, dark and light: Textual's own, with the colours that carry text made
dark or light enough for WCAG AA contrast (4.5:1) in every text style of the app."""

from __future__ import annotations

from dataclasses import replace

from textual.theme import BUILTIN_THEMES, Theme

DARK = replace(BUILTIN_THEMES["textual-dark"], name="peskovtui-dark")
# On the light background Textual's orange accent, green and footer keys reach only 1.5:1,
# 3.8:1 and 2.9:1, and the header's dimmed subtitle 4.4:1 on its panel colour.
LIGHT = replace(
    BUILTIN_THEMES["textual-light"],
    name="peskovtui-light",
    accent="#9e4b00",
    panel="#dadada",
    variables={
        **BUILTIN_THEMES["textual-light"].variables,
        "text-success": "#1b6b33",
        "text-error": "#9c2442",
        "footer-key-foreground": "#00528f",
    },
)
THEMES: tuple[Theme, ...] = (DARK, LIGHT)
