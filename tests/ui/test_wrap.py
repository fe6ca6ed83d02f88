"""The reader's word wrap keeps the exact character range of every line."""

from __future__ import annotations

import itertools

import pytest
from rich.cells import cell_len

from peskovtui.ui.widgets.reader import wrap

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
