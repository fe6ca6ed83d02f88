"""Reading article files and news data sets into records, before any cleanup.

Each reader yields ``Record``s and reports what it had to skip through ``warn``; it raises
``CorpusError`` only when a whole source is unusable. Nothing here writes anywhere.
"""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from peskovtui.corpus.fields import map_columns
from peskovtui.corpus.names import has_surrogates, printable_name, without_surrogates
from peskovtui.errors import CorpusError

Warn = Callable[[str], None]

ARTICLE_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".html", ".htm"})
DATASET_SUFFIXES = frozenset({".csv", ".tsv", ".jsonl", ".ndjson", ".json"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
MAX_ARTICLE_BYTES = 20 * 1024 * 1024
MAX_DATASET_BYTES = 1024 * 1024 * 1024
_BINARY_PROBE = 8192
_MAX_ROW_WARNINGS = 20
# How deep a JSON value is searched for text (a list of authors, an object with a "name").
_MAX_VALUE_DEPTH = 4
_NOT_FILES = (
    (stat.S_ISDIR, "is a directory where a file was expected"),
    (stat.S_ISFIFO, "is a named pipe, not a regular file"),
    (stat.S_ISCHR, "is a device, not a regular file"),
    (stat.S_ISBLK, "is a device, not a regular file"),
)

try:
    csv.field_size_limit(sys.maxsize)
except OverflowError:  # a C long is 32 bits on some platforms
    csv.field_size_limit(2**31 - 1)


@dataclass(frozen=True, slots=True)
class Record:
    """One article as read from its source: a file's text, or a data-set row's fields."""

    source: Path
    fields: Mapping[str, str]
    row: int | None = None


def display_name(path: Path) -> str:
    """How a path is named in messages: as the user would type it (a byte of a name that is
    not UTF-8 written as ``\\xe9``)."""
    try:
        return printable_name(str(path.relative_to(Path.cwd())))
    except (ValueError, OSError):  # elsewhere, or the working directory is gone
        return printable_name(str(path))


def decode(data: bytes, path: Path, warn: Warn) -> str | None:
    """Decode a file's bytes as text, or warn and return None for a binary file."""
    name = display_name(path)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            warn(f"{name} is not valid UTF-16 text; skipped.")
            return None
    probe = data[:_BINARY_PROBE]
    if b"\x00" in probe or _control_ratio(probe) > 0.1:
        warn(f"{name} is a binary file, not text; skipped.")
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        text = data.decode("utf-8-sig", errors="replace")
        warn(
            f"{name} is not valid UTF-8 (first bad byte at offset {error.start}); "
            "undecodable bytes are shown as �."
        )
        return text


def _control_ratio(probe: bytes) -> float:
    if not probe:
        return 0.0
    controls = sum(1 for b in probe if b < 32 and b not in (9, 10, 12, 13))
    return controls / len(probe)


def unreadable(path: Path, error: OSError) -> str:
    """The warning for a file or folder that cannot be read."""
    reason = "permission denied" if isinstance(error, PermissionError) else error.strerror
    return f"{display_name(path)} cannot be read ({reason or error}); skipped."


def read_bytes(
    path: Path, warn: Warn, *, limit: int | None = None, what: str = "an article"
) -> bytes | None:
    """Read a regular file of at most ``limit`` bytes (``what`` it should hold: an article by
    default), or warn and return None.

    Only regular files are read: a named pipe would wait forever for a writer, and a device
    such as ``/dev/zero`` never ends. The file is opened without waiting (``O_NONBLOCK``) and
    checked before anything is read, and never more than ``limit`` bytes are read, even from a
    file that grows meanwhile.
    """
    name = display_name(path)
    limit = MAX_ARTICLE_BYTES if limit is None else limit
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as error:
        warn(unreadable(path, error))
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            what_it_is = next(
                (said for test, said in _NOT_FILES if test(info.st_mode)), "is not a regular file"
            )
            warn(f"{name} {what_it_is}; skipped.")
            return None
        size, data = info.st_size, b""
        if size <= limit:
            with open(fd, "rb", closefd=False) as fh:
                data = fh.read(limit + 1)
    except OSError as error:
        warn(unreadable(path, error))
        return None
    finally:
        os.close(fd)
    size = max(size, len(data))
    if size > limit:
        warn(f"{name} is too large for {what} ({size / 2**20:.0f} MiB); skipped.")
        return None
    return data


def read_article_file(path: Path, warn: Warn) -> Iterator[Record]:
    """Yield the one article a text, Markdown or HTML file holds."""
    data = read_bytes(path, warn, limit=MAX_ARTICLE_BYTES)
    if data is None:
        return
    text = decode(data, path, warn)
    if text is None:
        return
    if path.suffix.lower() in HTML_SUFFIXES:
        text = html_to_text(text)
    if not text.strip():
        warn(f"{display_name(path)} is empty; skipped.")
        return
    yield Record(path, {"text": text})


def read_dataset(path: Path, warn: Warn, overrides: Mapping[str, str]) -> Iterator[Record]:
    """Yield one record per row of a CSV, TSV, JSON Lines or JSON data set."""
    data = read_bytes(path, warn, limit=MAX_DATASET_BYTES, what="a data set")
    if data is None:
        return
    text = decode(data, path, warn)
    if text is None:
        return
    if not text.strip():
        warn(f"{display_name(path)} is empty; skipped.")
        return
    suffix = path.suffix.lower()
    if suffix in (".csv", ".tsv"):
        yield from _csv_records(path, text, warn, overrides)
    elif suffix in (".jsonl", ".ndjson"):
        yield from _object_records(path, _jsonl_objects(path, text, warn), warn, overrides)
    else:
        yield from _object_records(path, _json_objects(path, text), warn, overrides)


def _csv_records(
    path: Path, text: str, warn: Warn, overrides: Mapping[str, str]
) -> Iterator[Record]:
    name = display_name(path)
    header_line = text.split("\n", 1)[0]
    delimiter = "\t" if path.suffix.lower() == ".tsv" else _delimiter(header_line)
    lines = io.StringIO(text, newline="").readlines()
    reader = csv.reader(lines, delimiter=delimiter)
    header = next(reader, None)
    if not header:
        warn(f"{name} has no header row; skipped.")
        return
    mapping = map_columns(header, overrides, source=name)
    index = {field: header.index(column) for field, column in mapping.items()}
    warnings = 0
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
            warnings = _row_warning(
                warn, warnings, f"{name} row {row_number} is malformed ({error}); skipped."
            )
            continue
        row_number += 1
        end = skipped + reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        never_closed = end == len(lines) and _never_closed(lines[start:], delimiter)
        # After a row that took in others, a short row may be a piece of that row's text.
        wrong_width = len(row) > len(header) or (recovered and len(row) < len(header))
        if (never_closed or wrong_width) and end > start + 1:
            # A quotation mark left open takes in the lines after it, up to the next one or to
            # the end of the file: the row is skipped and those lines are read again as rows.
            problem = (
                "opens a quotation mark that is never closed"
                if never_closed
                else f"has {len(row)} fields but the header has {len(header)}"
            )
            warnings = _row_warning(
                warn,
                warnings,
                f"{name} row {row_number} (lines {start + 1}-{end}) {problem}; it is skipped "
                f"and the rows after it are read from line {start + 2}.",
            )
            skipped = start + 1
            reader = csv.reader(lines[skipped:], delimiter=delimiter)
            recovered = True
            continue
        if wrong_width:
            warnings = _row_warning(
                warn,
                warnings,
                f"{name} row {row_number} has {len(row)} fields but the header has "
                f"{len(header)}; skipped.",
            )
            continue
        if never_closed:  # on the last line: nothing after it was taken in
            warnings = _row_warning(
                warn,
                warnings,
                f"{name} row {row_number} opens a quotation mark that is never closed; "
                "it is read to the end of the file.",
            )
        fields = {f: row[i] if i < len(row) else "" for f, i in index.items()}
        yield Record(path, fields, row_number)


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


def _row_warning(warn: Warn, count: int, message: str) -> int:
    if count < _MAX_ROW_WARNINGS:
        warn(message)
    elif count == _MAX_ROW_WARNINGS:
        warn("More malformed rows were skipped; only the first ones are listed.")
    return count + 1


def _jsonl_objects(path: Path, text: str, warn: Warn) -> list[tuple[int, Any]]:
    objects: list[tuple[int, Any]] = []
    warnings = 0
    for line_number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            objects.append((line_number, _parse_json(line)))
        except _BadJSON as error:
            warnings = _row_warning(
                warn,
                warnings,
                f"{display_name(path)} line {line_number} is not valid JSON "
                f"({error.reason}); skipped.",
            )
    return objects


def _json_objects(path: Path, text: str) -> list[tuple[int, Any]]:
    name = display_name(path)
    try:
        document = _parse_json(text)
    except _BadJSON as error:
        where = f" at line {error.line}" if error.line else ""
        raise CorpusError(f"{name} is not valid JSON ({error.reason}{where}).") from None
    if isinstance(document, dict):
        lists = [v for v in document.values() if isinstance(v, list)]
        document = lists[0] if len(lists) == 1 else None
    if not isinstance(document, list):
        raise CorpusError(f"{name} is JSON but not a list of articles.")
    return list(enumerate(document, start=1))


class _BadJSON(Exception):
    def __init__(self, reason: str, line: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.line = line


def _parse_json(text: str) -> Any:
    """A JSON document, or ``_BadJSON`` saying why it cannot be read.

    Besides malformed JSON, Python's parser fails on nesting deeper than its recursion limit
    and on integers of more than 4,300 digits; both are reported as malformed.
    """
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise _BadJSON(error.msg, error.lineno) from None
    except RecursionError:
        raise _BadJSON("nested too deeply") from None
    except ValueError:  # an integer too long to convert
        raise _BadJSON("a number with too many digits") from None


def _object_records(
    path: Path, objects: list[tuple[int, Any]], warn: Warn, overrides: Mapping[str, str]
) -> Iterator[Record]:
    name = display_name(path)
    keys: dict[str, None] = {}
    for _, obj in objects:
        if isinstance(obj, dict):
            keys.update(dict.fromkeys(without_surrogates(str(k)) for k in obj))
    if not keys:
        warn(f"{name} holds no JSON objects; skipped.")
        return
    mapping = map_columns(keys, overrides, source=name)
    warnings = 0
    for number, obj in objects:
        if not isinstance(obj, dict):
            warnings = _row_warning(
                warn, warnings, f"{name} row {number} is not a JSON object; skipped."
            )
            continue
        if any(has_surrogates(str(k)) for k in obj):
            obj = {without_surrogates(str(k)): v for k, v in obj.items()}
        fields = {field: _text_value(obj.get(column)) for field, column in mapping.items()}
        broken = [field for field, value in fields.items() if has_surrogates(value)]
        if broken:
            # An escaped lone surrogate ("\ud800") is valid JSON but not text: no encoding
            # can write it, so it would fail the index, the terminal and the clipboard.
            fields = {field: without_surrogates(value) for field, value in fields.items()}
            warnings = _row_warning(
                warn,
                warnings,
                f"{name} row {number} has an invalid character (a lone surrogate) in its "
                f"{', '.join(broken)}; shown as \ufffd.",
            )
        yield Record(path, fields, number)


def _text_value(value: Any, depth: int = 0) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if depth >= _MAX_VALUE_DEPTH:  # deeper is not an article's field; nothing is made of it
        return ""
    if isinstance(value, list):
        return ", ".join(_text_value(v, depth + 1) for v in value if v is not None)
    if isinstance(value, dict):
        for key in ("name", "title", "text", "value"):
            if isinstance(value.get(key), str):
                return str(value[key])
        return ""
    return str(value)


class _HTMLText(HTMLParser):
    """Collects an HTML page's readable text, one block element per paragraph."""

    _BLOCKS = frozenset(
        [
            "p",
            "div",
            "br",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "li",
            "blockquote",
            "section",
            "article",
            "header",
            "footer",
            "tr",
            "pre",
            "figcaption",
            "title",
            "dd",
            "dt",
        ]
    )
    _SKIPPED = frozenset(["script", "style", "noscript", "template", "svg", "head", "nav"])

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self.has_h1 = False
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        elif tag in self._SKIPPED:
            self._skip += 1
        if tag == "h1":
            self.has_h1 = True
        if tag in self._BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in self._SKIPPED and self._skip:
            self._skip -= 1
        if tag in self._BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self._skip:
            self.parts.append(data.replace("\n", " "))


def html_to_text(markup: str) -> str:
    """The readable text of an HTML page with tags stripped, one paragraph per block."""
    parser = _HTMLText()
    parser.feed(markup)
    parser.close()
    body = "".join(parser.parts)
    title = " ".join("".join(parser.title).split())
    if title and not parser.has_h1:
        body = title + "\n\n" + body
    return "\n\n".join(" ".join(block.split()) for block in body.split("\n\n") if block.strip())
