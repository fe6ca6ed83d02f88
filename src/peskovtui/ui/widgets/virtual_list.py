"""A list that renders only the rows in view, so that 50,000 rows cost no more than 50."""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip


class VirtualList(ScrollView, can_focus=True):
    """A keyboard-driven list of rows of fixed height, drawn with Textual's line API.

    Subclasses say how many rows there are (``row_count``) and render one (``render_row``).
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor_down", "Down", show=False, id="list.down"),
        Binding("k,up", "cursor_up", "Up", show=False, id="list.up"),
        Binding("g,home", "cursor_first", "First", show=False, id="list.first"),
        Binding("G,end", "cursor_last", "Last", show=False, id="list.last"),
        Binding("ctrl+f,pagedown", "page_down", "Page down", show=False, id="list.page_down"),
        Binding("ctrl+b,pageup", "page_up", "Page up", show=False, id="list.page_up"),
        Binding("enter", "choose", "Open", id="list.choose"),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "virtual-list--cursor",
        "virtual-list--dim",
        "virtual-list--accent",
        "virtual-list--empty",
    }

    cursor: reactive[int] = reactive(0, always_update=False, init=False)
    row_height: int = 1

    class RowMessage(Message):
        """A message about row ``index`` of a list."""

        def __init__(self, source: VirtualList, index: int) -> None:
            super().__init__()
            self.source = source
            self.index = index

        @property
        def control(self) -> VirtualList:
            """The list the message is about (what ``@on`` selectors match)."""
            return self.source

    class Highlighted(RowMessage):
        """The cursor moved to row ``index``."""

    class Chosen(RowMessage):
        """Row ``index`` was chosen with enter or a click."""

    empty_text = "Nothing here."

    def row_count(self) -> int:
        """How many rows the list holds."""
        raise NotImplementedError

    def render_row(self, index: int, line: int, width: int, cursor: bool) -> Text:
        """Line ``line`` of row ``index``, at most ``width`` cells wide."""
        raise NotImplementedError

    def rows_changed(self, *, cursor: int = 0) -> None:
        """Re-read the rows after they changed, placing the cursor on ``cursor``."""
        count = self.row_count()
        self.virtual_size = Size(self.scrollable_content_region.width, count * self.row_height)
        self.set_reactive(VirtualList.cursor, max(0, min(cursor, count - 1)))
        self.scroll_to(y=0, animate=False)
        self._scroll_cursor_into_view(animate=False)
        self.refresh()
        if count:
            self.post_message(self.Highlighted(self, self.cursor))

    def on_resize(self) -> None:
        self.virtual_size = Size(
            self.scrollable_content_region.width, self.row_count() * self.row_height
        )
        # A cursor placed before the list had its size (an article reopened at launch) or that
        # a smaller list would hide stays in view.
        self._scroll_cursor_into_view(animate=False)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        count = self.row_count()
        absolute = self.scroll_offset.y + y
        if count == 0:
            if y == 0:
                style = self.get_component_rich_style("virtual-list--empty")
                return Strip([Segment(self.empty_text[:width].ljust(width), style)], width)
            return Strip.blank(width, base)
        index, line = divmod(absolute, self.row_height)
        if index >= count:
            return Strip.blank(width, base)
        is_cursor = index == self.cursor
        text = self.render_row(index, line, width, is_cursor)
        text.truncate(width, overflow="ellipsis", pad=True)
        style = base + self.get_component_rich_style("virtual-list--cursor") if is_cursor else base
        text.stylize_before(style)
        segments = list(text.render(self.app.console))
        return Strip(segments, width).simplify()

    def watch_cursor(self, old: int, new: int) -> None:
        self._refresh_row(old)
        self._refresh_row(new)
        self._scroll_cursor_into_view()
        self.post_message(self.Highlighted(self, new))

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, self.row_count() - 1))

    def _refresh_row(self, index: int) -> None:
        top = index * self.row_height - self.scroll_offset.y
        if top + self.row_height >= 0 and top < self.size.height:
            self.refresh_lines(max(0, top), self.row_height)

    def _scroll_cursor_into_view(self, animate: bool = False) -> None:
        top = self.cursor * self.row_height
        height = self.scrollable_content_region.height
        if top < self.scroll_offset.y:
            self.scroll_to(y=top, animate=animate)
        elif top + self.row_height > self.scroll_offset.y + height:
            # Whole rows only: the top of the view stays on a row boundary.
            rows_in_view = max(1, height // self.row_height)
            first = self.cursor - rows_in_view + 1
            self.scroll_to(y=max(0, first * self.row_height), animate=animate)

    @property
    def _page_rows(self) -> int:
        return max(1, self.scrollable_content_region.height // self.row_height - 1)

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_cursor_first(self) -> None:
        self.cursor = 0

    def action_cursor_last(self) -> None:
        self.cursor = self.row_count() - 1

    def action_page_down(self) -> None:
        self.cursor += self._page_rows

    def action_page_up(self) -> None:
        self.cursor -= self._page_rows

    def action_choose(self) -> None:
        if self.row_count():
            self.post_message(self.Chosen(self, self.cursor))

    def on_click(self, event: events.Click) -> None:
        index = (event.y + self.scroll_offset.y) // self.row_height
        if 0 <= index < self.row_count():
            self.cursor = index
            self.post_message(self.Chosen(self, index))

    def dim_style(self) -> Style:
        """The style for secondary details in a row."""
        return self.get_component_rich_style("virtual-list--dim")
