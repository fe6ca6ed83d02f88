"""The quote browser's table: a header line and one line per quote in fixed-width columns, only
the lines in view drawn, so that 250,000 quotes cost no more than 50."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len, set_cell_size
from rich.text import Text
from textual import events
from textual.message import Message
from textual.widget import Widget

from peskovtui.display import visible_controls
from peskovtui.library import COLUMNS, Column, QuoteTable
from peskovtui.ui.widgets.virtual_list import VirtualList

HEADINGS: dict[Column, str] = {
    "speaker": "Speaker",
    "quote": "Quote",
    "outlet": "Outlet",
    "date": "Date",
    "article": "Article",
}
GAP = 1


def column_widths(width: int) -> tuple[int, ...]:
    """The width of each column (in ``COLUMNS`` order) for a table ``width`` cells wide: the
    date whole, the speaker, outlet and title a share each, and the quote what is left."""

    def share(part: float, least: int, most: int) -> int:
        return max(least, min(most, int(width * part)))

    speaker, outlet, date, article = (
        share(0.16, 10, 26),
        share(0.09, 6, 14),
        10,
        share(0.2, 10, 44),
    )
    quote = max(8, width - speaker - outlet - date - article - GAP * (len(COLUMNS) - 1))
    return speaker, quote, outlet, date, article


def fitted(value: str, width: int) -> str:
    """``value`` on one line, controls shown, cut with an ellipsis (measured in cells, so that
    wide characters count twice) and padded to exactly ``width`` cells."""
    # Cut before measuring: a row never shows more than its width, and a quote can be long.
    line = " ".join(visible_controls(value[: width * 4 + 8]).split())
    if cell_len(line) > width:
        return set_cell_size(line, max(0, width - 1)) + "…" if width else ""
    return set_cell_size(line, width)


def header_line(widths: Sequence[int], column: Column, reverse: bool) -> Text:
    """The column headings, the sorted column's with an arrow."""
    line = Text(no_wrap=True)
    for index, (name, width) in enumerate(zip(COLUMNS, widths, strict=True)):
        heading = HEADINGS[name] + ((" ▼" if reverse else " ▲") if name == column else "")
        line.append(fitted(heading, width), "bold underline" if name == column else "bold")
        if index < len(COLUMNS) - 1:
            line.append(" " * GAP)
    return line


def column_at(widths: Sequence[int], x: int) -> Column | None:
    """The column under cell ``x`` of a row."""
    left = 0
    for name, width in zip(COLUMNS, widths, strict=True):
        if left <= x < left + width:
            return name
        left += width + GAP
    return None


@dataclass(frozen=True, slots=True)
class Sorting:
    """The column the table is sorted by, and whether reversed."""

    column: Column = "date"
    reverse: bool = True


class QuoteTableHeader(Widget):
    """The column headings; a click on one sorts by it."""

    DEFAULT_CSS = "QuoteTableHeader { height: 1; }"

    class Clicked(Message):
        """A heading was clicked."""

        def __init__(self, column: Column) -> None:
            super().__init__()
            self.column = column

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.widths: tuple[int, ...] = column_widths(80)
        self.sorting = Sorting()

    def show(self, widths: tuple[int, ...], sorting: Sorting) -> None:
        """Draw the headings for these widths and this sorting."""
        self.widths, self.sorting = widths, sorting
        self.refresh()

    def render(self) -> Text:
        return header_line(self.widths, self.sorting.column, self.sorting.reverse)

    def on_click(self, event: events.Click) -> None:
        # Measured from the headings themselves, the padding aside.
        column = column_at(self.widths, event.screen_x - self.content_region.x)
        if column is not None:
            self.post_message(self.Clicked(column))


class QuoteTableView(VirtualList):
    """The quotes of a view of a ``QuoteTable``, one line each."""

    empty_text = "No quote matches the filter."

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.table: QuoteTable | None = None
        self.rows: Sequence[int] = ()

    @property
    def widths(self) -> tuple[int, ...]:
        """The widths of the columns at the table's width now."""
        return column_widths(self.scrollable_content_region.width)

    def row_count(self) -> int:
        return len(self.rows)

    @property
    def current(self) -> int | None:
        """The table row under the cursor."""
        return self.rows[self.cursor] if self.rows else None

    def show(self, table: QuoteTable, rows: Sequence[int], *, keep: int | None = None) -> None:
        """List ``rows`` of ``table``, the cursor on row ``keep`` if it is among them."""
        self.table, self.rows = table, rows
        cursor = 0
        if keep is not None:
            try:
                cursor = rows.index(keep)
            except ValueError:
                cursor = 0
        self.rows_changed(cursor=cursor)

    def render_row(self, index: int, line: int, width: int, cursor: bool) -> Text:
        table = self.table
        if table is None:
            return Text()
        row = self.rows[index]
        quote = table.quotes[row]
        article = table.article(row)
        values = (
            quote.speaker,
            quote.text,
            (article.outlet or "") if article else "",
            (article.date or "")[:10] if article else "",
            (article.title or article.id) if article else quote.article_id or "",
        )
        dim = self.dim_style()
        text = Text(no_wrap=True)
        for position, (value, cells) in enumerate(zip(values, self.widths, strict=True)):
            if position:
                text.append(" " * GAP)
            # Where the quote comes from is dimmed: who and what said stand out.
            text.append(fitted(value, cells), dim if position > 1 else None)
        return text
