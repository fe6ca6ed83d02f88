"""Reading the rows of a CSV or TSV data set, a row that swallowed the lines after it (a
quotation mark left open) set aside and those lines read again as rows."""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path

from peskovtui.corpus.fields import map_columns
from peskovtui.corpus.rows import Record, RowWarnings, Warn, display_name

try:
    csv.field_size_limit(sys.maxsize)
except OverflowError:  # a C long is 32 bits on some platforms
    csv.field_size_limit(2**31 - 1)


def csv_records(
    path: Path, text: str, warn: Warn, overrides: Mapping[str, str]
) -> Iterator[Record]:
    """Yield one record per row of ``text``, the CSV or TSV data set read from ``path``."""
    name = display_name(path)
    delimiter = "\t" if path.suffix.lower() == ".tsv" else _delimiter(text.split("\n", 1)[0])
    lines = io.StringIO(text, newline="").readlines()
    reader = csv.reader(lines, delimiter=delimiter)
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
        never_closed = end == len(lines) and _never_closed(lines[start:], delimiter)
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
            reader = csv.reader(lines[skipped:], delimiter=delimiter)
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


def _delimiter(header_line: str) -> str:
    counts = {d: header_line.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","
