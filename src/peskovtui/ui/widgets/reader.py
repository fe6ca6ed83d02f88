"""The reading pane: where the reader goes in an article. Keys scroll it and step through
its paragraphs, a jump centres a quote or a match, the current paragraph follows the scroll, and
a mouse selection becomes an exact character range.

How the article is laid out and drawn (the line API, the highlights, the margin) is
``peskovtui.ui.widgets.article_text``'s business; this module decides where to be.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.selection import Selection

from peskovtui.corpus import Article
from peskovtui.display import strip_controls
from peskovtui.ui.state import CopyTarget
from peskovtui.ui.widgets.article_text import GUTTER, ArticleText
from peskovtui.ui.widgets.highlights import Highlights

Range = tuple[int, int]


class Reader(ArticleText, can_focus=True):
    """Reads one article; knows where every character is on screen."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "scroll_lines(1)", "Down", show=False, id="reader.down"),
        Binding("k,up", "scroll_lines(-1)", "Up", show=False, id="reader.up"),
        Binding("space,pagedown,ctrl+f", "page(1)", "Page down", show=False, id="reader.page_down"),
        Binding("b,pageup,ctrl+b", "page(-1)", "Page up", show=False, id="reader.page_up"),
        Binding("ctrl+d", "half_page(1)", "Half page down", show=False, id="reader.half_down"),
        Binding("ctrl+u", "half_page(-1)", "Half page up", show=False, id="reader.half_up"),
        Binding("g,home", "top", "Top", show=False, id="reader.top"),
        Binding("G,end", "bottom", "Bottom", show=False, id="reader.bottom"),
        Binding(
            "right_square_bracket", "paragraph(1)", "Next ¶", show=False, id="reader.next_paragraph"
        ),
        Binding(
            "left_square_bracket",
            "paragraph(-1)",
            "Previous ¶",
            show=False,
            id="reader.previous_paragraph",
        ),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        # After a jump the current paragraph is the jump's target, until the reader scrolls.
        self._follow_scroll = True

    # -- what is shown ------------------------------------------------------------------------

    def show_article(
        self,
        article: Article | None,
        *,
        quotes: Sequence[Range] = (),
        speakers: Sequence[Range] = (),
        matches: Sequence[Range] = (),
    ) -> None:
        """Show ``article`` from its top, with its quotes, speaker mentions and matches."""
        self._set_article(article, Highlights.of(quotes, speakers, matches))
        self._follow_scroll = True
        self.set_reactive(Reader.current_paragraph, 0)
        self.scroll_to(y=0, animate=False)
        self.refresh()

    def set_quotes(self, quotes: Sequence[Range], speakers: Sequence[Range]) -> None:
        """Highlight these quotes and speaker mentions."""
        self.highlights.set_quotes(quotes, speakers)
        self.refresh()

    def set_matches(self, matches: Sequence[Range]) -> None:
        """Highlight these search matches; none is current yet."""
        self.highlights.set_matches(matches)
        self.refresh()

    @property
    def matches(self) -> Sequence[Range]:
        """The highlighted search matches, in text order."""
        return self.highlights.matches

    @property
    def current_match(self) -> int | None:
        """Index of the current match, if one was stepped to."""
        return self.highlights.current_match

    def go_to_match(self, index: int) -> None:
        """Make match ``index`` current and scroll it into the middle of the view."""
        self.highlights.current_match = index
        start, end = self.highlights.matches[index]
        self.scroll_to_range(start, end)

    def mark(self, start: int, end: int, *, diffs: Sequence[Range] = ()) -> None:
        """Mark exactly ``text[start:end]`` (a chosen quote) and centre it."""
        self.highlights.mark(start, end, diffs)
        self.scroll_to_range(start, end)

    @property
    def marked(self) -> Range | None:
        """The marked passage, if any."""
        return self.highlights.marked

    def scroll_to_range(self, start: int, end: int) -> None:
        """Scroll so that ``text[start:end]`` is in the middle of the view."""
        if not self.text_layout.lines:
            return
        first = self.line_of(start)
        last = self.line_of(max(start, end - 1))
        height = self.scrollable_content_region.height
        target = max(0, first - max(0, (height - (last - first + 1)) // 2))
        distance = abs(target - self.scroll_offset.y)
        # Short scrolls animate so the eye can follow; long ones jump. Forced: right after
        # another article is shown, the pane still has that one's scrollbar (none for a short
        # one) until the next refresh, and without one a scroll is refused.
        self.scroll_to(y=target, animate=distance < height, duration=0.15, force=True)
        if self.article is not None:
            self._follow_scroll = False
            self.current_paragraph = self.article.paragraph_index(start)
        self.refresh()

    # -- where the reader is, at any width ----------------------------------------------------

    @property
    def top_offset(self) -> int:
        """The character at the start of the top line of the view."""
        lines = self.text_layout.lines
        if not lines:
            return 0
        return lines[max(0, min(self.scroll_offset.y, len(lines) - 1))].start

    def reading_offset(self) -> int:
        """Where the user reads: the start of the current paragraph (the one the margin marks)
        when it begins in the view, else the top line's."""
        top = self.top_offset
        if self.article is None or not self.article.paragraphs:
            return top
        start = self.article.paragraphs[self.current_paragraph].start
        first = self.scroll_offset.y
        visible = first <= self.line_of(start) < first + self.scrollable_content_region.height
        return start if visible else top

    def show_from(self, offset: int) -> None:
        """Scroll so that the line holding character ``offset`` is the top line of the view."""
        self._follow_scroll = True
        # Forced, as in ``scroll_to_range``.
        self.scroll_to(y=self.line_of(offset), animate=False, force=True)

    # -- the current paragraph and the selection ----------------------------------------------

    class ParagraphChanged(Message):
        """The current paragraph (the one ``y`` copies) changed."""

    def watch_current_paragraph(self) -> None:
        self.refresh()
        self.post_message(self.ParagraphChanged())

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if self.article is None or not self.text_layout.lines or not self._follow_scroll:
            return
        top, bottom = int(new_value), int(new_value) + self.scrollable_content_region.height
        current = self.article.paragraphs[self.current_paragraph]
        if not top <= self.line_of(current.start) < bottom:
            self.current_paragraph = self.text_layout.first_paragraph_from(top)

    def selected_range(self) -> Range | None:
        """The character range of the mouse selection in this pane, if any."""
        selection = self.text_selection
        if selection is None or self.article is None or not self.text_layout.lines:
            return None
        layout = self.text_layout
        start = (
            layout.offset_at(selection.start.y, selection.start.x - GUTTER)
            if selection.start is not None
            else 0
        )
        end = (
            layout.offset_at(selection.end.y, selection.end.x - GUTTER)
            if selection.end is not None
            else self.article.text_length
        )
        return (start, end) if end > start else None

    def copy_target(self) -> CopyTarget | None:
        """What ``y`` copies here: the mouse selection, else the marked passage (a quote or a
        place jumped to) while it begins in the current paragraph, else that paragraph."""
        if self.article is None:
            return None
        selected = self.selected_range()
        if selected is not None:
            return CopyTarget(self.article.id, *selected, "the selection")
        index = self.current_paragraph
        paragraph = self.article.paragraphs[index]
        marked = self.marked
        if marked is not None and paragraph.start <= marked[0] < paragraph.end:
            return CopyTarget(self.article.id, *marked, "the marked passage")
        return CopyTarget(self.article.id, paragraph.start, paragraph.end, f"paragraph {index + 1}")

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        selected = self.selected_range()
        if selected is None or self.article is None:
            return None
        return strip_controls(self.article.text[selected[0] : selected[1]]), "\n"

    def selection_updated(self, selection: Selection | None) -> None:
        self.refresh()

    # -- keys ---------------------------------------------------------------------------------

    def _scroll_by_key(self, y: float) -> None:
        # A key or the wheel moves the view: the current paragraph follows it again.
        self._follow_scroll = True
        self.scroll_to(y=y, animate=False)

    def action_scroll_lines(self, lines: int) -> None:
        self._scroll_by_key(self.scroll_offset.y + lines)

    def action_page(self, direction: int) -> None:
        step = max(1, self.scrollable_content_region.height - 2)
        self._scroll_by_key(self.scroll_offset.y + direction * step)

    def action_half_page(self, direction: int) -> None:
        step = max(1, self.scrollable_content_region.height // 2)
        self._scroll_by_key(self.scroll_offset.y + direction * step)

    def action_top(self) -> None:
        self._scroll_by_key(0)

    def action_bottom(self) -> None:
        self._scroll_by_key(self.max_scroll_y)

    def on_mouse_scroll_down(self) -> None:
        self._follow_scroll = True

    def on_mouse_scroll_up(self) -> None:
        self._follow_scroll = True

    def action_paragraph(self, step: int) -> None:
        if self.article is None:
            return
        self._follow_scroll = False
        index = max(0, min(self.current_paragraph + step, len(self.article.paragraphs) - 1))
        self.current_paragraph = index
        paragraph = self.article.paragraphs[index]
        line = self.line_of(paragraph.start)
        height = self.scrollable_content_region.height
        if not self.scroll_offset.y <= line < self.scroll_offset.y + height - 1:
            self.scroll_to(y=max(0, line - 2), animate=False)
