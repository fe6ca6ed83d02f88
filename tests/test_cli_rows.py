"""The long tables of the command line (``quotes``, ``speakers``, ``list``): columns that line
up whatever the cell, long cells folded or cut inside their column, colour only on a terminal."""

from __future__ import annotations

import io
import re

import pytest
from rich.cells import cell_len
from rich.console import Console

from peskovtui.cli.rows import Column, RowWriter, cell, cell_lines, cells

COLUMNS = (
    Column("id", style="cyan"),
    Column("n", justify="right"),
    Column("title", overflow="ellipsis", max_width=12),
    Column("quote", flexible=True),
)
LONG_QUOTE = (
    "We have heard the President-elect speak of priorities, and we will wait for his deeds "
    "before we judge them."
)
ROWS = [
    (cell("a1"), cell("7"), cell("Short"), cell("Yes.")),
    (cell("b22"), cell("12"), cell("A title far too long"), cell(LONG_QUOTE)),
    (cell("北京"), cell("3"), cell("北京说了什么话呢"), cell("说了。")),
]


def printed(capsys: pytest.CaptureFixture[str], console: Console) -> list[str]:
    RowWriter(console, COLUMNS).write("corpus: 3 rows", ROWS)
    return capsys.readouterr().out.splitlines()


def piped(width: int = 60) -> Console:
    return Console(file=io.StringIO(), width=width, color_system=None)


def borders(line: str) -> list[int]:
    """The screen columns (in cells) where ``line`` has a column border."""
    found, at = [], 0
    for char in line:
        if char in "│┼":
            found.append(at)
        at += cell_len(char)
    return found


def test_every_line_has_its_borders_in_the_same_cells(capsys: pytest.CaptureFixture[str]) -> None:
    lines = printed(capsys, piped())
    assert lines[0] == "corpus: 3 rows"
    header = borders(lines[1])
    assert len(header) == 3
    for line in lines[2:]:
        # A row's last border goes when its last cell is empty (the line is right-stripped).
        assert borders(line) == header[: len(borders(line))]
        assert len(borders(line)) >= 2
    assert max(cell_len(line) for line in lines) <= 60


def test_a_long_cell_folds_inside_its_column_with_every_word_kept(
    capsys: pytest.CaptureFixture[str],
) -> None:
    lines = printed(capsys, piped())
    start = borders(lines[1])[-1] + 2
    folded = [line[start:].strip() for line in lines if line.startswith(("b22", " "))]
    assert len(folded) > 1
    assert " ".join(folded) == LONG_QUOTE
    # Never cut at a hyphen: "President-elect" stays one word on one line.
    assert any("President-elect" in line for line in folded)


def test_an_ellipsis_column_cuts_to_its_width() -> None:
    assert cell_lines("A title far too long", 12, "ellipsis") == ["A title far…"]
    assert cell_lines("Short", 12, "ellipsis") == ["Short"]
    assert cell_lines("北京说了什么话呢", 12, "ellipsis") == ["北京说了什…"]
    assert cell_lines("北京说了什么话呢", 11, "ellipsis") == ["北京说了什…"]
    # Nine cells before the ellipsis cannot end in half a wide character: it is left out whole.
    assert cell_lines("北京说了什么话呢", 10, "ellipsis") == ["北京说了…"]


def test_wide_characters_fold_by_cells_not_characters() -> None:
    lines = cell_lines("北京说了什么话呢北京说了", 8, "fold")
    assert all(cell_len(line) <= 8 for line in lines)
    assert "".join(lines) == "北京说了什么话呢北京说了"


def test_colour_only_on_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    assert not any("\x1b" in line for line in printed(capsys, piped()))
    terminal = Console(file=io.StringIO(), width=60, force_terminal=True, color_system="standard")
    coloured = printed(capsys, terminal)
    assert any("\x1b[36m" in line for line in coloured)  # the id column's cyan
    plain_again = [line.replace("\x1b[0m", "") for line in coloured]
    assert any("a1" in line for line in plain_again)


def test_no_colour_but_bold_when_no_color_is_set(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    terminal = Console(file=io.StringIO(), width=60, force_terminal=True)
    lines = printed(capsys, terminal)
    assert not any("\x1b[36m" in line for line in lines)
    assert "\x1b[1mid" in lines[1]


def test_folding_keeps_the_spaces_inside_a_line_and_cuts_a_word_too_long() -> None:
    assert cell_lines("two  spaces kept", 12, "fold") == ["two  spaces", "kept"]
    assert cell_lines("abcdefghij end", 4, "fold") == ["abcd", "efgh", "ij", "end"]
    assert cell_lines("first line\nsecond", 20, "fold") == ["first line", "second"]
    assert cell_lines("fits as it is", 13, "fold") == ["fits as it is"]


def test_cells_measures_as_rich_does() -> None:
    for code in range(0x20, 0x3100):
        assert cells(chr(code)) == cell_len(chr(code)), hex(code)
    for text in ("It’s “here” — now…", "Москва, Ελλάδα", "北京说了", "a\u200bb", ""):
        assert cells(text) == cell_len(text)


def test_plain_lines_are_the_coloured_ones_without_colour(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Without colours a row is laid out by one format string; with them, cell by cell.
    rows = [
        *ROWS,
        (cell("c3"), cell("1"), cell("“Quoted” — it’s"), cell(f"“{LONG_QUOTE}” — it’s…")),
        (cell("d4"), cell("22"), cell("Mixed 北京"), cell(f"{LONG_QUOTE} 北京")),
    ]
    writer_lines = []
    for console in (
        piped(),
        Console(file=io.StringIO(), width=60, force_terminal=True, color_system="standard"),
    ):
        RowWriter(console, COLUMNS).write("corpus", rows)
        writer_lines.append(capsys.readouterr().out.splitlines())
    plain, coloured = writer_lines
    assert [re.sub(r"\x1b\[[0-9;]*m", "", line).rstrip() for line in coloured] == plain
    assert len(plain) > len(rows) + 3  # long cells folded
