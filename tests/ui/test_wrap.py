"""The reader's word wrap and layout keep the exact character range of every line."""

from __future__ import annotations

import itertools

import pytest
from rich.cells import cell_len

from peskovtui.display import visible_in_place
from peskovtui.library import Library
from peskovtui.ui.widgets.layout import TextLayout, wrap

TEXT = (
    "“They seem to be very pragmatic, both of them,” Putin spokesman Dmitry Peskov told "
    "Christiane Amanpour. Supercalifragilisticexpialidocious-and-then-some-more words."
)


@pytest.mark.parametrize("width", [1, 5, 12, 20, 33, 80, 500])
def test_lines_cover_the_text_in_order_within_the_width(width: int) -> None:
    lines = wrap(TEXT, 0, len(TEXT), width)
    assert lines[0][0] == 0
    assert lines[-1][1] == len(TEXT)
    for (_, end), (start, _) in itertools.pairwise(lines):
        assert end == start
    for start, end in lines:
        assert cell_len(TEXT[start:end].rstrip()) <= width


def test_wrap_inside_a_larger_text_keeps_absolute_offsets() -> None:
    text = "Title\n\n" + TEXT
    lines = wrap(text, 7, len(text), 30)
    assert "".join(text[s:e] for s, e in lines) == TEXT
    assert lines[0] == (7, 7 + len("“They seem to be very "))


def test_wide_characters_count_as_two_cells() -> None:
    text = "北京 上海 广州 深圳"
    lines = wrap(text, 0, len(text), 5)
    assert [text[s:e].rstrip() for s, e in lines] == ["北京", "上海", "广州", "深圳"]


def test_the_layout_maps_offsets_to_lines_and_back() -> None:
    article = Library.open().article("004")
    shown = visible_in_place(article.text)
    layout = TextLayout(article, shown, 40)
    first, second = article.paragraphs[0], article.paragraphs[1]
    # Paragraphs are parted by a blank line that belongs to none of them.
    gap = layout.line_of(second.start) - 1
    assert layout.lines[gap].paragraph == -1
    assert layout.line_of(first.start) == 0
    assert layout.lines[layout.line_of(second.start)].first
    for y, line in enumerate(layout.lines):
        assert layout.line_of(line.start) == y or line.start == line.end
        assert layout.offset_at(y, 0) == line.start
        if line.paragraph >= 0:
            assert layout.offset_at(y, 3) == line.start + 3 or line.end - line.start < 3
    assert layout.offset_at(len(layout) + 10, 1000) == layout.lines[-1].end
    assert layout.first_paragraph_from(gap) == 1
    assert layout.first_paragraph_from(len(layout)) == 0


def test_an_empty_layout() -> None:
    layout = TextLayout()
    assert len(layout) == 0
    assert layout.line_of(10) == 0
