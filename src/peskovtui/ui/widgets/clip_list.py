"""The Clips screen's list: three lines a clip (its passage, who and where, its note or that it
is stale), drawn only for the clips in view, so that a long list opens as fast as a short one."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from peskovtui.display import visible_controls
from peskovtui.library import Clip, ClipStatus
from peskovtui.ui.widgets.virtual_list import VirtualList

STALE_MARKS: dict[ClipStatus, str] = {
    "current": "",
    "changed": "stale: the article has changed",
    "missing": "stale: the article is gone",
}


def clip_passage(clip: Clip) -> str:
    """The clip's passage on one line, in quotation marks when it is a quote."""
    citation = clip.citation
    passage = visible_controls(" ".join(citation.passage.split()))
    return f"“{passage}”" if citation.is_quote else passage


def clip_source(clip: Clip) -> str:
    """Who said it and where: speaker, title, outlet, date and paragraph."""
    citation = clip.citation
    who = f"— {citation.speaker} · " if citation.speaker else ""
    return visible_controls(f"{who}{citation.source_line}, {citation.paragraph_label}")


class ClipList(VirtualList):
    """The clips in order, numbered from 1."""

    row_height = 3
    empty_text = "No clips yet: press c on a quote or a paragraph to clip it."

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._clips: Sequence[Clip] = ()
        self._statuses: Sequence[ClipStatus] = ()

    def row_count(self) -> int:
        return len(self._clips)

    def show(self, clips: Sequence[Clip], statuses: Sequence[ClipStatus], cursor: int) -> None:
        """Show ``clips`` (each with its status) with the cursor on ``cursor``."""
        self._clips, self._statuses = clips, statuses
        self.rows_changed(cursor=cursor)

    def render_row(self, index: int, line: int, width: int, cursor: bool) -> Text:
        clip = self._clips[index]
        if line == 0:
            marker = "▌" if cursor else " "
            return Text.assemble((f"{marker}{index + 1:>3}  ", "bold"), clip_passage(clip))
        if line == 1:
            return Text(f"      {clip_source(clip)}", style=self.dim_style())
        mark = STALE_MARKS[self._statuses[index]]
        if mark:
            return Text(f"      {mark}", style="bold red")
        if clip.note:
            return Text(f"      Note: {visible_controls(clip.note)}", style="italic")
        return Text("")
