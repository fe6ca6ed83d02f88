"""The main screen's jump history: opening an article or a quote is a jump, and escape walks
back one step at a time (out of the search bar, the folded quotes panel, the last jump, and
finally the search itself, to where it began). ``ctrl+o`` walks back the jumps alone, and
``ctrl+n`` forward again to where escape or ``ctrl+o`` came from.
"""

from __future__ import annotations

from textual import on
from textual.widgets import Input

from peskovtui.ui.messages import OpenArticle
from peskovtui.ui.screens.reading import ReadingScreen
from peskovtui.ui.state import Jump


class JumpHandlers(ReadingScreen):
    """Jumps to an article, and escape."""

    @on(OpenArticle)
    def go_to_article(self, message: OpenArticle) -> None:
        """Open an article as a jump that escape walks back."""
        here = self.where_now()
        if here is not None and here.article_id != message.article_id:
            self.jumps.push(here)
        self.open_article(message.article_id)

    def _go_back_to(self, jump: Jump) -> None:
        self.browser.forget()
        self.open_article(jump.article_id)
        # Forced: the pane may still have the scrollbar of the article it showed (none for a
        # short one), which would refuse the scroll (see ``Reader.scroll_to_range``).
        self.reader.scroll_to(y=jump.scroll_y, animate=False, force=True)
        self.update_status()

    def _end_search(self) -> None:
        """Clear the search and take the reader back to where it was when the search began."""
        origin = self.jumps.end_search()
        self.clear_search()
        if origin is None:
            return
        if origin.jump is not None:
            self._go_back_to(origin.jump)
        self.focus_now(self.query_one(f"#{origin.focus or 'articles'}"))

    def action_back(self) -> None:
        """One step back: out of the search bar (to where the search began), the folded
        quotes panel, the last jump, and finally the search itself."""
        if isinstance(self.focused, Input):
            self._end_search()
            return
        if self.has_class("-show-quotes") and self.has_class("-narrow"):
            self.remove_class("-show-quotes")
            self.focus_now(self.reader)
            return
        self.action_jump_back(quiet=True)

    def action_jump_back(self, quiet: bool = False) -> None:
        """Back to the place before the last jump, and finally to where the search began."""
        jump = self.jumps.step_back(self.where_now())
        if jump is not None:
            self._go_back_to(jump)
        elif self.search.active or self.jumps.origin is not None:
            self._end_search()
        elif not quiet:
            self.app.notify("There is no earlier place to go back to.", timeout=3)

    def action_jump_forward(self) -> None:
        """Forward again to the place the last step back left."""
        jump = self.jumps.step_forward(self.where_now())
        if jump is None:
            self.app.notify("There is no later place to go forward to.", timeout=3)
            return
        self._go_back_to(jump)
