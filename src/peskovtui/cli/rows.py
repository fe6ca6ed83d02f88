"""Long tables printed row by row: ``quotes``, ``speakers`` and ``list`` of a big corpus.

A Rich ``Table`` measures and renders every cell through its whole layout machinery (about half
a millisecond a row), and prints nothing until every row is laid out: 20,000 quotes took ten
seconds before the first line. Here the column widths are found once from the plain cell text,
each cell is wrapped on its own, and each row is written as soon as it is laid out, so the first
lines appear at once and ``| head`` stops the work. Colours come from Rich's own ``Style``, for
the console's colour system, and only on a terminal.

Every cell is plain text whose control characters were made visible (``display``): nothing in
a cell is read as markup or sent to the terminal as a control.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import Literal

from rich.cells import cell_len, get_character_cell_size, set_cell_size
from rich.console import COLOR_SYSTEMS, Console
from rich.style import Style
from rich.text import Text

# Between two columns, and where the rule under the header crosses it.
GAP = " │ "
CROSSING = "─┼─"
# A column that takes the width left over is never made narrower than this.
MIN_FLEXIBLE = 12


@dataclass(frozen=True, slots=True)
class Column:
    """How one column is laid out.

    ``fold`` wraps a long cell onto more lines (at spaces, or inside a word longer than the
    column); ``ellipsis`` cuts it to one line ending in "…". A ``flexible`` column takes the
    width the others leave on the console.
    """

    header: str
    justify: Literal["left", "right"] = "left"
    overflow: Literal["fold", "ellipsis"] = "fold"
    max_width: int | None = None
    style: str = ""
    flexible: bool = False


# Characters one cell wide, as Rich measures them: Latin, Greek, Cyrillic, and the punctuation
# of news text (’ “ ” – — …), which Rich's ``cell_len`` measures a character at a time.
_ONE_CELL = frozenset(
    ch
    for ch in map(chr, chain(range(0x20, 0x7F), range(0xA0, 0x483), range(0x2000, 0x2070)))
    if get_character_cell_size(ch) == 1
)


def cells(text: str) -> int:
    """How many cells ``text`` takes on a terminal (Rich's ``cell_len``, sooner)."""
    return len(text) if _ONE_CELL.issuperset(text) else cell_len(text)


# A cell: its text, and a style of its own (or "" for the column's).
Cell = tuple[str, str]


def cell(text: str | None, style: str = "") -> Cell:
    """A cell of ``text`` (None is empty)."""
    return (text or "", style)


def widths(columns: Sequence[Column], rows: Sequence[Sequence[Cell]], total: int) -> list[int]:
    """The width of each column: its widest cell or header, within its ``max_width``; the
    flexible columns share what is left of ``total``."""
    found = [cell_len(c.header) for c in columns]
    for row in rows:
        for i, (text, _) in enumerate(row):
            width = len(text) if text.isascii() else cells(text)
            if width > found[i]:
                found[i] = width
    for i, column in enumerate(columns):
        if column.max_width is not None:
            found[i] = min(found[i], column.max_width)
    flexible = [i for i, c in enumerate(columns) if c.flexible]
    if flexible:
        fixed = sum(w for i, w in enumerate(found) if i not in flexible)
        left = total - fixed - len(GAP) * (len(columns) - 1)
        share = max(MIN_FLEXIBLE, left // len(flexible))
        for i in flexible:
            found[i] = max(1, min(found[i], share))
    return found


def cell_lines(text: str, width: int, overflow: str) -> list[str]:
    """``text`` laid out in ``width`` cells: folded onto lines, or cut with an ellipsis."""
    size = len(text) if text.isascii() else cells(text)
    exact = size == len(text)
    fits = size <= width
    if overflow == "ellipsis":
        if fits:
            return [text]
        # A wide character that does not fit is left out whole (set_cell_size pads for it).
        return [set_cell_size(text, width - 1).rstrip() + "…"]
    if fits and "\n" not in text and "\t" not in text:
        return [text]  # most cells: nothing to fold
    lines: list[str] = []
    for line in text.split("\n"):
        if exact:
            lines.extend(_fold(line, width))
        else:
            # Wide characters: Rich's own wrapping counts cells, not characters.
            wrapped = Text(line).wrap(Console(width=width), width, overflow="fold")
            lines.extend(part.plain.rstrip() for part in wrapped)
    return lines


def _fold(line: str, width: int) -> list[str]:
    """``line`` (one cell per character) broken at spaces into lines of at most ``width``; a
    word longer than that is cut. Spaces inside a line are kept as they are."""
    lines: list[str] = []
    words: list[str] = []  # the line being filled, and its length once joined by spaces
    size = 0
    for word in line.split(" "):
        length = len(word)
        while length > width:
            if size:
                lines.append(" ".join(words))
                size = 0
            lines.append(word[:width])
            word = word[width:]
            length -= width
        if not size:
            words = [word]
            size = length
        elif size + 1 + length <= width:
            words.append(word)
            size += 1 + length
        else:
            lines.append(" ".join(words).rstrip())
            words = [word]
            size = length
    lines.append(" ".join(words).rstrip())
    return lines


def _padded(text: str, width: int, right: bool) -> str:
    """``text`` padded with spaces to ``width`` cells, on the left when ``right``."""
    gap = width - cells(text)
    return " " * gap + text if right else text + " " * gap


class RowWriter:
    """Writes a title, a header and rows, one row at a time, in the console's width."""

    def __init__(self, console: Console, columns: Sequence[Column]) -> None:
        self.console = console
        self.columns = columns
        system = console.color_system
        # No colour when piped, when NO_COLOR is set, or on a terminal without colours.
        self._colours = COLOR_SYSTEMS.get(system) if system and console.is_terminal else None
        self._styles: dict[str, Style] = {}
        self._gap = self._styled(GAP, "dim")

    def _styled(self, text: str, style: str) -> str:
        if not style or self._colours is None or not text.strip():
            return text
        parsed = self._styles.get(style)
        if parsed is None:
            parsed = Style.parse(style)
            # NO_COLOR takes the colours away and leaves bold, dim and italic, as in Rich.
            if self.console.no_color:
                parsed = parsed.without_color
            self._styles[style] = parsed
        return parsed.render(text, color_system=self._colours)

    def write(self, title: str, rows: Sequence[Sequence[Cell]]) -> None:
        """Print ``title``, the header and ``rows`` to stdout."""
        sizes = widths(self.columns, rows, self.console.width)
        write = sys.stdout.write
        write(self._styled(title, "italic") + "\n")
        header = [(c.header, "bold") for c in self.columns]
        self._write_row(header, sizes)
        rule = CROSSING.join("─" * w for w in sizes)
        write(self._styled(rule, "dim") + "\n")
        # Without colours, a line whose cells take one cell a character is laid out by one
        # format string, every cell padded at once.
        last = len(self.columns) - 1
        plain = None
        if self._colours is None:
            plain = GAP.join(
                f"{{:>{w}}}" if c.justify == "right" else f"{{:<{w}}}" if i < last else "{}"
                for i, (c, w) in enumerate(zip(self.columns, sizes, strict=True))
            ).format
        for row in rows:
            self._write_row(row, sizes, plain)

    def _write_row(
        self,
        row: Sequence[Cell],
        sizes: Sequence[int],
        plain: Callable[..., str] | None = None,
    ) -> None:
        columns = self.columns
        narrow = plain is not None
        laid = []
        for (text, _), width, column in zip(row, sizes, columns, strict=True):
            if text.isascii():
                # Most cells: short ASCII text that fits, one line as it is.
                fits = len(text) <= width and "\n" not in text and "\t" not in text
                laid.append([text] if fits else cell_lines(text, width, column.overflow))
            else:
                narrow = narrow and cells(text) == len(text)
                laid.append(cell_lines(text, width, column.overflow))
        height = max(map(len, laid))
        if plain is not None and narrow:
            sys.stdout.write(
                "".join(
                    plain(*[lines[n] if n < len(lines) else "" for lines in laid]).rstrip() + "\n"
                    for n in range(height)
                )
            )
            return
        last = len(columns) - 1
        out = []
        for n in range(height):
            parts = []
            for i, lines in enumerate(laid):
                column = columns[i]
                text = lines[n] if n < len(lines) else ""
                right = column.justify == "right"
                if i < last or right:
                    if text.isascii():
                        text = text.rjust(sizes[i]) if right else text.ljust(sizes[i])
                    else:
                        text = _padded(text, sizes[i], right)
                style = row[i][1] or column.style
                parts.append(self._styled(text, style) if style else text)
            out.append(self._gap.join(parts).rstrip() + "\n")
        sys.stdout.write("".join(out))
