"""The main screen's clips: ``c`` adds what ``y`` would copy (the quote under the panel's
cursor, the reader's selection or current paragraph) to the clip list, and ``L`` opens the
Clips screen, whose enter comes back here to the clip's passage."""

from __future__ import annotations

from typing import TYPE_CHECKING

from peskovtui.citation import Citation
from peskovtui.ui.screens.copying import CopyHandlers

if TYPE_CHECKING:
    from peskovtui.ui.screens.clips import Passage

# The Clips screen's module is imported when a clip is first added or the screen first opened:
# the first screen shows neither.


class ClipHandlers(CopyHandlers):
    """``c`` and ``L``."""

    def action_clip(self) -> None:
        found = self.focused_citation()
        if found is None:
            self.app.notify("Nothing to clip here.", severity="warning", timeout=3)
            return
        self.add_clip(*found)

    def add_clip(self, citation: Citation, what: str) -> None:
        """Add ``citation`` to the clip list and say so, calling it ``what``."""
        from peskovtui.ui.screens.clips import change_clips

        clips = change_clips(self, self.library, self.library.clip_citation, citation)
        if clips is None:
            return
        self.app.notify(f"Clipped {what} (clip {len(clips)}).", timeout=4, markup=False)

    def action_clips(self) -> None:
        from peskovtui.ui.screens.clips import ClipsScreen

        self.app.push_screen(ClipsScreen(self.library, self.copy_text), self._back_from_clips)

    def _back_from_clips(self, passage: Passage | None) -> None:
        if passage is None:
            return
        article_id, start, end = passage
        self.jumps.push(self.where_now())
        self.open_article(article_id)
        length = len(self.library.article(article_id).text)
        # A changed article may be shorter now: the mark stays inside its text.
        self.reader.mark(min(start, length), min(end, length))
        self.focus_now(self.reader)
        self.update_status()
