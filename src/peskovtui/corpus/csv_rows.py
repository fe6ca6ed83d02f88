"""Reading the rows of a CSV or TSV data set, a row that swallowed the lines after it (a
quotation mark left open) set aside and those lines read again as rows."""

from __future__ import annotations

import csv
import io
import sys
from collections import deque
from collections.abc import Iterator, Mapping
from pathlib import Path

from peskovtui.corpus.fields import map_columns
from peskovtui.corpus.rows import Record, RowWarnings, Warn, display_name
from peskovtui.corpus.streaming import DELIMITERS

try:
    csv.field_size_limit(sys.maxsize)
except OverflowError:  # a C long is 32 bits on some platforms
    csv.field_size_limit(2**31 - 1)


def csv_records(
    path: Path, text: str, warn: Warn, overrides: Mapping[str, str]
) -> Iterator[Record]:
    """Yield one record per row of ``text``, the CSV or TSV data set read from ``path``."""
    header_line = text.split("\n", 1)[0]
    counts = {d: header_line.count(d) for d in DELIMITERS}
    lines = io.StringIO(text, newline="").readlines()
    return csv_line_records(path, iter(lines), counts, warn, overrides)


def csv_line_records(
    path: Path,
    lines: Iterator[str],
    delimiter_counts: Mapping[str, int],
    warn: Warn,
    overrides: Mapping[str, str],
) -> Iterator[Record]:
    """Yield one record per row of the CSV or TSV data set ``path`` whose ``lines`` (ends
    kept) are read one at a time; ``delimiter_counts`` are how often each of the
    ``DELIMITERS`` is in its first line. Only the lines of the row being read are held."""
    name = display_name(path)
    delimiter = "\t" if path.suffix.lower() == ".tsv" else _delimiter(delimiter_counts)
    source = _Lines(lines)
    reader = csv.reader(source, delimiter=delimiter)
    header = next(reader, None)
    if not header:
        warn(f"{name} has no header row; skipped.")
        return
    mapping = map_columns(header, overrides, source=name)
    index = {field: header.index(column) for field, column in mapping.items()}
    row_warning = RowWarnings(warn)
    row_number = 0
    skipped = 0  # lines before those ``reader`` reads
    recovered = False  # reading again after a row that took in the lines after it
    while True:
        start = skipped + reader.line_num  # the lines read before this row
        source.taken.clear()
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            row_number += 1
            row_warning(f"{name} row {row_number} is malformed ({error}); skipped.")
            continue
        row_number += 1
        end = skipped + reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        taken = source.taken  # the row's lines, ``start`` to ``end``
        never_closed = source.at_end() and _never_closed(taken, delimiter)
        # After a row that took in others, a short row may be a piece of that row's text.
        wrong_width = len(row) > len(header) or (recovered and len(row) < len(header))
        where = f"{name} row {row_number}"
        if (never_closed or wrong_width) and end > start + 1:
            # A quotation mark left open takes in the lines after it, up to the next one or to
            # the end of the file: the row is skipped and those lines are read again as rows.
            row_warning(
                f"{where} (lines {start + 1}-{end}) {_problem(never_closed, row, header)}; "
                f"it is skipped and the rows after it are read from line {start + 2}."
            )
            skipped = start + 1
            source.read_again(taken[1:])
            reader = csv.reader(source, delimiter=delimiter)
            recovered = True
            continue
        if wrong_width:
            row_warning(f"{where} {_problem(False, row, header)}; skipped.")
            continue
        if never_closed:  # on the last line: nothing after it was taken in
            row_warning(
                f"{where} {_problem(True, row, header)}; it is read to the end of the file."
            )
        yield Record(
            path, {f: row[i] if i < len(row) else "" for f, i in index.items()}, row_number
        )


class _Lines:
    """The lines of a data set, each read once but those given back with ``read_again``;
    ``taken`` keeps those read since it was last cleared."""

    def __init__(self, lines: Iterator[str]) -> None:
        self._lines = lines
        self._again: deque[str] = deque()
        self.taken: list[str] = []

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        line = self._again.popleft() if self._again else next(self._lines)
        self.taken.append(line)
        return line

    def at_end(self) -> bool:
        """Whether no line is left to read."""
        if self._again:
            return False
        line = next(self._lines, None)
        if line is None:
            return True
        self._again.append(line)
        return False

    def read_again(self, lines: list[str]) -> None:
        """Read ``lines`` again, before the lines not read yet."""
        self._again.extendleft(reversed(lines))


def _problem(never_closed: bool, row: list[str], header: list[str]) -> str:
    if never_closed:
        return "opens a quotation mark that is never closed"
    return f"has {len(row)} fields but the header has {len(header)}"


def _never_closed(lines: list[str], delimiter: str) -> bool:
    """Whether the row starting ``lines`` ends inside a quoted field, at the end of the data."""
    try:
        next(csv.reader(lines, delimiter=delimiter, strict=True), None)
    except csv.Error as error:
        return "unexpected end of data" in str(error)
    return False


def _delimiter(counts: Mapping[str, int]) -> str:
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","
