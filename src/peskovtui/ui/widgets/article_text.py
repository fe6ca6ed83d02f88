"""How the reading pane draws an article: Textual's line API over the pane's own layout, a
margin of paragraph numbers, and the highlights painted by their exact character ranges.

The article text is never parsed as markup: every line is a ``Text`` made from a range of it.
Where the reader goes (keys, jumps, the current paragraph as the user sees it) is
``peskovtui.ui.widgets.reader``'s business.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.geometry import Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from peskovtui.corpus import Article
from peskovtui.display import visible_in_place
from peskovtui.ui.widgets.highlights import Highlights
from peskovtui.ui.widgets.layout import Line, TextLayout, overlapping

GUTTER = 6
MAX_MEASURE = 96


class ArticleText(ScrollView):
    """Draws one article, wrapped to the width, with its highlights and paragraph numbers."""

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

    # The paragraph the margin marks (and ``y`` copies).
    current_paragraph: reactive[int] = reactive(0, init=False)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: Article | None = None
        # The text as shown: control characters made visible one for one, so that offsets
        # into it are offsets into the article's text.
        self.shown = ""
        self.text_layout = TextLayout()
        self.highlights = Highlights()

    def _set_article(self, article: Article | None, highlights: Highlights) -> None:
        """Lay out ``article`` afresh with ``highlights``."""
        self.article = article
        self.shown = visible_in_place(article.text) if article is not None else ""
        self.highlights = highlights
        self._layout(force=True)

    def line_of(self, offset: int) -> int:
        """The layout line that holds character ``offset``."""
        return self.text_layout.line_of(offset)

    def on_resize(self) -> None:
        self._layout()

    def _measure(self) -> int:
        # The scrollbar's width is always set aside, so that its coming and going (which sends
        # no resize) never changes where lines wrap.
        scrollbar = self.styles.scrollbar_size_vertical
        inner = self.size.width - scrollbar
        return max(10, min(MAX_MEASURE, inner - GUTTER - 1))

    def _layout(self, *, force: bool = False) -> None:
        """Lay the article out again if the width changed (or ``force``), keeping the line at
        the top of the view there."""
        if not self.size.width:
            # Not laid out on screen yet: the first resize lays the article out at its width
            # (a layout at a guessed width would be thrown away at once).
            self.text_layout = TextLayout()
            return
        width = self._measure()
        old = self.text_layout
        if not force and width == old.width:
            return
        anchor = old.lines[self.scroll_offset.y].start if old.lines and not force else None
        self.text_layout = TextLayout(self.article, self.shown, width)
        self.virtual_size = Size(width + GUTTER, len(self.text_layout))
        if anchor is not None:
            self.scroll_to(y=self.line_of(anchor), animate=False)
        self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = self.scroll_offset.y + y
        base = self.rich_style
        lines = self.text_layout.lines
        if self.article is None or index >= len(lines):
            return Strip.blank(width, base)
        line = lines[index]
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
        text = Text(self.shown[line.start : line.end].rstrip("\n"), end="")
        role = self.article.paragraphs[line.paragraph].role
        if role != "body":
            text.stylize(self.get_component_rich_style(f"reader--{role}"))
        for ranges, component in self.highlights.layers():
            style = self.get_component_rich_style(component)
            for start, end in overlapping(ranges, line.start, line.end):
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
