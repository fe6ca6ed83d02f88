"""The reading pane: an article's paragraphs wrapped to the width, with quotes, matches and
the chosen passage highlighted by their exact character ranges.

The article text is never parsed as markup. The pane lays the text out itself (word wrap with
the character range of every line kept), so that any offset maps to a line and back: that is
how a quote or a match is scrolled into view and how a mouse selection becomes an exact range.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip

from peskovtui.corpus import Article
from peskovtui.display import strip_controls, visible_in_place
from peskovtui.ui.state import CopyTarget

Range = tuple[int, int]

GUTTER = 6
MAX_MEASURE = 96
_TOKEN = re.compile(r"\S+\s*|\s+")


@dataclass(frozen=True, slots=True)
class Line:
    """One rendered line: ``text[start:end]`` of paragraph ``paragraph`` (-1 for a gap)."""

    start: int
    end: int
    paragraph: int
    first: bool


def wrap(text: str, start: int, end: int, width: int) -> list[Range]:
    """Word-wrap ``text[start:end]`` into ranges of at most ``width`` cells each."""
    width = max(1, width)
    lines: list[Range] = []
    line_start = start
    used = 0
    for token in _TOKEN.finditer(text, start, end):
        position = token.start()
        word_end = position + len(token.group().rstrip())
        if used and used + cell_len(text[position:word_end]) > width:
            lines.append((line_start, position))
            line_start, used = position, 0
        # A word longer than the line is cut where the line ends.
        while cell_len(text[position:word_end]) > width - used:
            cut = position + _fit(text[position:word_end], width - used)
            lines.append((line_start, cut))
            line_start, position, used = cut, cut, 0
        used += cell_len(text[position : token.end()])
    lines.append((line_start, end))
    return lines


def _fit(word: str, width: int) -> int:
    cells = 0
    for index, char in enumerate(word):
        cells += cell_len(char)
        if cells > width:
            return max(1, index)
    return len(word)


class Reader(ScrollView, can_focus=True):
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
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "reader--title",
        "reader--subtitle",
        "reader--byline",
        "reader--dateline",
        "reader--heading",
        "reader--gutter",
        "reader--gutter-current",
        "reader--quote",
        "reader--speaker",
        "reader--match",
        "reader--current",
        "reader--marked",
        "reader--diff",
    }

    current_paragraph: reactive[int] = reactive(0, init=False)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: Article | None = None
        # The text as shown: control characters made visible one for one, so that offsets
        # into it are offsets into the article's text.
        self._shown = ""
        self._lines: list[Line] = []
        self._line_starts: list[int] = []
        self._layout_width = 0
        self._quotes: list[Range] = []
        self._speakers: list[Range] = []
        self._matches: list[Range] = []
        self._current_match: int | None = None
        self._marked: Range | None = None
        self._diffs: list[Range] = []
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
        self.article = article
        self._shown = visible_in_place(article.text) if article is not None else ""
        self._quotes = sorted(quotes)
        self._speakers = sorted(speakers)
        self._matches = sorted(matches)
        self._current_match = None
        self._marked = None
        self._diffs = []
        self._layout(force=True)
        self._follow_scroll = True
        self.set_reactive(Reader.current_paragraph, 0)
        self.scroll_to(y=0, animate=False)
        self.refresh()

    def set_quotes(self, quotes: Sequence[Range], speakers: Sequence[Range]) -> None:
        """Highlight these quotes and speaker mentions."""
        self._quotes = sorted(quotes)
        self._speakers = sorted(speakers)
        self.refresh()

    def set_matches(self, matches: Sequence[Range]) -> None:
        """Highlight these search matches; none is current yet."""
        self._matches = sorted(matches)
        self._current_match = None
        self.refresh()

    @property
    def matches(self) -> Sequence[Range]:
        """The highlighted search matches, in text order."""
        return self._matches

    @property
    def current_match(self) -> int | None:
        """Index of the current match, if one was stepped to."""
        return self._current_match

    def go_to_match(self, index: int) -> None:
        """Make match ``index`` current and scroll it into the middle of the view."""
        self._current_match = index
        start, end = self._matches[index]
        self.scroll_to_range(start, end)

    def mark(self, start: int, end: int, *, diffs: Sequence[Range] = ()) -> None:
        """Mark exactly ``text[start:end]`` (a chosen quote) and centre it."""
        self._marked = (start, end)
        self._diffs = sorted(diffs)
        self.scroll_to_range(start, end)

    @property
    def marked(self) -> Range | None:
        """The marked passage, if any."""
        return self._marked

    def scroll_to_range(self, start: int, end: int) -> None:
        """Scroll so that ``text[start:end]`` is in the middle of the view."""
        if not self._lines:
            return
        first = self.line_of(start)
        last = self.line_of(max(start, end - 1))
        height = self.scrollable_content_region.height
        target = max(0, first - max(0, (height - (last - first + 1)) // 2))
        distance = abs(target - self.scroll_offset.y)
        # Short scrolls animate so the eye can follow; long ones jump.
        self.scroll_to(y=target, animate=distance < height, duration=0.15)
        if self.article is not None:
            self._follow_scroll = False
            self.current_paragraph = self.article.paragraph_index(start)
        self.refresh()

    def line_of(self, offset: int) -> int:
        """The layout line that holds character ``offset``."""
        index = bisect.bisect_right(self._line_starts, offset) - 1
        return max(0, min(index, len(self._lines) - 1))

    # -- the current paragraph and the selection ----------------------------------------------

    class ParagraphChanged(Message):
        """The current paragraph (the one ``y`` copies) changed."""

    def watch_current_paragraph(self) -> None:
        self.refresh()
        self.post_message(self.ParagraphChanged())

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if self.article is None or not self._lines or not self._follow_scroll:
            return
        top, bottom = int(new_value), int(new_value) + self.scrollable_content_region.height
        current = self.article.paragraphs[self.current_paragraph]
        if not top <= self.line_of(current.start) < bottom:
            self.current_paragraph = self._first_paragraph_from(top)

    def _first_paragraph_from(self, y: int) -> int:
        for line in self._lines[y:]:
            if line.paragraph >= 0:
                return line.paragraph
        return 0

    def selected_range(self) -> Range | None:
        """The character range of the mouse selection in this pane, if any."""
        selection = self.text_selection
        if selection is None or self.article is None or not self._lines:
            return None
        start = (
            self._offset_at(selection.start.y, selection.start.x)
            if selection.start is not None
            else 0
        )
        end = (
            self._offset_at(selection.end.y, selection.end.x)
            if selection.end is not None
            else len(self.article.text)
        )
        return (start, end) if end > start else None

    def copy_target(self) -> CopyTarget | None:
        """What ``y`` copies here: the mouse selection, else the current paragraph."""
        if self.article is None:
            return None
        selected = self.selected_range()
        if selected is not None:
            return CopyTarget(self.article.id, *selected, "the selection")
        index = self.current_paragraph
        paragraph = self.article.paragraphs[index]
        return CopyTarget(self.article.id, paragraph.start, paragraph.end, f"paragraph {index + 1}")

    def _offset_at(self, y: int, x: int) -> int:
        assert self.article is not None
        y = max(0, min(y, len(self._lines) - 1))
        line = self._lines[y]
        if line.paragraph < 0:
            return line.start
        cells = x - GUTTER
        offset = line.start
        text = self._shown
        while offset < line.end and cells > 0:
            cells -= cell_len(text[offset])
            offset += 1
        return offset

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        selected = self.selected_range()
        if selected is None or self.article is None:
            return None
        return strip_controls(self.article.text[selected[0] : selected[1]]), "\n"

    def selection_updated(self, selection: Selection | None) -> None:
        self.refresh()

    # -- layout and rendering -----------------------------------------------------------------

    def on_resize(self) -> None:
        self._layout()

    def _measure(self) -> int:
        # The scrollbar's width is always set aside, so that its coming and going (which sends
        # no resize) never changes where lines wrap.
        scrollbar = self.styles.scrollbar_size_vertical
        inner = self.size.width - scrollbar
        return max(10, min(MAX_MEASURE, inner - GUTTER - 1))

    def _layout(self, *, force: bool = False) -> None:
        width = self._measure()
        if not force and width == self._layout_width:
            return
        anchor = self._lines[self.scroll_offset.y].start if self._lines and not force else None
        self._layout_width = width
        lines: list[Line] = []
        article = self.article
        if article is not None:
            for index, paragraph in enumerate(article.paragraphs):
                if index:
                    lines.append(Line(paragraph.start, paragraph.start, -1, False))
                for n, (start, end) in enumerate(
                    wrap(self._shown, paragraph.start, paragraph.end, width)
                ):
                    lines.append(Line(start, end, index, n == 0))
        self._lines = lines
        self._line_starts = [line.start for line in lines]
        self.virtual_size = Size(width + GUTTER, len(lines))
        if anchor is not None:
            self.scroll_to(y=self.line_of(anchor), animate=False)
        self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = self.scroll_offset.y + y
        base = self.rich_style
        if self.article is None or index >= len(self._lines):
            return Strip.blank(width, base)
        line = self._lines[index]
        if line.paragraph < 0:
            return Strip.blank(width, base)
        text = Text.assemble(self._gutter(line), self._line_text(line, index), end="")
        # The widget's own style goes under every segment (text without spans has none), and
        # the strip is simplified so that equal styles make equal segments whatever spans
        # produced them.
        strip = (
            Strip(list(text.render(self.app.console)))
            .apply_style(base)
            .crop_extend(0, width, base)
            .simplify()
        )
        return strip.apply_offsets(0, index)

    def _gutter(self, line: Line) -> Text:
        current = line.paragraph == self.current_paragraph
        style = self.get_component_rich_style(
            "reader--gutter-current" if current else "reader--gutter"
        )
        number = f"{line.paragraph + 1:>4}" if line.first else "    "
        return Text(f"{number} {'▎' if current else ' '}", style=style)

    def _line_text(self, line: Line, y: int) -> Text:
        assert self.article is not None
        text = Text(self._shown[line.start : line.end].rstrip("\n"), end="")
        role = self.article.paragraphs[line.paragraph].role
        if role != "body":
            text.stylize(self.get_component_rich_style(f"reader--{role}"))
        layers: list[tuple[Sequence[Range], Style]] = [
            (self._quotes, self.get_component_rich_style("reader--quote")),
            (self._speakers, self.get_component_rich_style("reader--speaker")),
            (self._matches, self.get_component_rich_style("reader--match")),
        ]
        if self._marked is not None:
            layers.append(([self._marked], self.get_component_rich_style("reader--marked")))
            layers.append((self._diffs, self.get_component_rich_style("reader--diff")))
        if self._current_match is not None:
            layers.append(
                (
                    [self._matches[self._current_match]],
                    self.get_component_rich_style("reader--current"),
                )
            )
        for ranges, style in layers:
            for start, end in _overlapping(ranges, line.start, line.end):
                text.stylize(style, start - line.start, end - line.start)
        selection = self.text_selection
        if selection is not None:
            span = selection.get_span(y)
            if span is not None:
                start, end = span
                start = max(0, start - GUTTER)
                end = len(text) if end == -1 else max(0, end - GUTTER)
                text.stylize(self.screen.get_component_rich_style("screen--selection"), start, end)
        return text

    # -- keys ---------------------------------------------------------------------------------

    def action_scroll_lines(self, lines: int) -> None:
        self._follow_scroll = True
        self.scroll_to(y=self.scroll_offset.y + lines, animate=False)

    def action_page(self, direction: int) -> None:
        self._follow_scroll = True
        step = max(1, self.scrollable_content_region.height - 2)
        self.scroll_to(y=self.scroll_offset.y + direction * step, animate=False)

    def action_half_page(self, direction: int) -> None:
        self._follow_scroll = True
        step = max(1, self.scrollable_content_region.height // 2)
        self.scroll_to(y=self.scroll_offset.y + direction * step, animate=False)

    def action_top(self) -> None:
        self._follow_scroll = True
        self.scroll_to(y=0, animate=False)

    def action_bottom(self) -> None:
        self._follow_scroll = True
        self.scroll_to(y=self.max_scroll_y, animate=False)

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


def _overlapping(ranges: Sequence[Range], start: int, end: int) -> list[Range]:
    """The parts of sorted ``ranges`` that fall inside ``[start, end)``."""
    found: list[Range] = []
    index = bisect.bisect_left(ranges, (start, start))
    # A range that starts before the line may still reach into it.
    index = max(0, index - 1)
    while index > 0 and ranges[index - 1][1] > start:
        index -= 1
    for s, e in ranges[index:]:
        if s >= end:
            break
        if e > start:
            found.append((max(s, start), min(e, end)))
    return found
