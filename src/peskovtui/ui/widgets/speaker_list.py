"""The speakers screen's list: one speaker a row, with their quotes, outlets and dates."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from peskovtui.display import counted, visible_controls
from peskovtui.library import SpeakerSummary
from peskovtui.ui.widgets.virtual_list import VirtualList


class SpeakerList(VirtualList):
    """Speakers, most quoted first, two lines each: the name, then their quotes, outlets and
    first – last day."""

    row_height = 2
    empty_text = "No speaker has that name."

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._rows: Sequence[SpeakerSummary] = ()

    def row_count(self) -> int:
        return len(self._rows)

    @property
    def current(self) -> SpeakerSummary | None:
        """The speaker under the cursor."""
        return self._rows[self.cursor] if self._rows else None

    def show(self, rows: Sequence[SpeakerSummary]) -> None:
        """List ``rows``, the cursor on the first."""
        self._rows = rows
        self.border_subtitle = f"{len(rows)} speaker{'s' * (len(rows) != 1)}"
        self.rows_changed()

    def render_row(self, index: int, line: int, width: int, cursor: bool) -> Text:
        row = self._rows[index]
        if line == 0:
            name = visible_controls(row.speaker)
            return Text.assemble(("▌" if cursor else " ", "bold"), (name, "bold"))
        days = (
            f"{row.first.isoformat()} – {row.last.isoformat()}"
            if row.first is not None and row.last is not None
            else "undated"
        )
        details = [counted(row.quotes, "quote"), counted(row.outlets, "outlet"), days]
        return Text("  " + " · ".join(details), style=self.dim_style())
