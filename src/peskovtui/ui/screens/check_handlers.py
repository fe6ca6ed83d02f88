"""The main screen's ``C``: check a quote (``checking``'s screen), then read the chosen place.

The screen's module is imported when it is first opened: the first screen never shows it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from peskovtui.ui.screens.reading import ReadingScreen

if TYPE_CHECKING:
    from peskovtui.quotes import Finding


class CheckHandlers(ReadingScreen):
    """``C``: check a quote, then read the chosen place."""

    def action_check_quote(self) -> None:
        from peskovtui.ui.screens.checking import CheckQuoteScreen

        self.app.push_screen(CheckQuoteScreen(self.library), self.show_place)

    def show_place(self, finding: Finding | None) -> None:
        """Open the place's article, centre the passage and mark it, its differing words apart."""
        if finding is None:
            return
        self.jumps.push(self.where_now())
        self.open_article(finding.article_id)
        self.reader.mark(finding.start, finding.end, diffs=finding.differences)
