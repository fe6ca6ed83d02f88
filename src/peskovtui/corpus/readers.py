"""Reading article files and news data sets into records, before any cleanup.

Each reader yields ``Record``s and reports what it had to skip through ``warn``; it raises
``CorpusError`` only when a whole source is unusable. Nothing here writes anywhere.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from peskovtui.corpus.fields import map_columns
from peskovtui.errors import CorpusError

Warn = Callable[[str], None]

ARTICLE_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".html", ".htm"})
DATASET_SUFFIXES = frozenset({".csv", ".tsv", ".jsonl", ".ndjson", ".json"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
MAX_ARTICLE_BYTES = 20 * 1024 * 1024
_BINARY_PROBE = 8192
_MAX_ROW_WARNINGS = 20

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
    """How a path is named in messages: as the user would type it."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


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


def read_bytes(path: Path, warn: Warn, *, limit: int | None = None) -> bytes | None:
    """Read a file, or warn and return None when it cannot be read or is too large."""
    name = display_name(path)
    try:
        size = path.stat().st_size
        if limit is not None and size > limit:
            warn(f"{name} is too large for an article ({size / 2**20:.0f} MiB); skipped.")
            return None
        return path.read_bytes()
    except PermissionError:
        warn(f"{name} cannot be read (permission denied); skipped.")
    except IsADirectoryError:
        warn(f"{name} is a directory where a file was expected; skipped.")
    except OSError as error:
        warn(f"{name} cannot be read ({error.strerror or error}); skipped.")
    return None


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
    data = read_bytes(path, warn)
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
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = next(reader, None)
    if not header:
        warn(f"{name} has no header row; skipped.")
        return
    mapping = map_columns(header, overrides, source=name)
    index = {field: header.index(column) for field, column in mapping.items()}
    warnings = 0
    row_number = 0
    while True:
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
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(header):
            warnings = _row_warning(
                warn,
                warnings,
                f"{name} row {row_number} has {len(row)} fields but the header has "
                f"{len(header)}; skipped.",
            )
            continue
        fields = {f: row[i] if i < len(row) else "" for f, i in index.items()}
        yield Record(path, fields, row_number)


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
            objects.append((line_number, json.loads(line)))
        except json.JSONDecodeError as error:
            warnings = _row_warning(
                warn,
                warnings,
                f"{display_name(path)} line {line_number} is not valid JSON "
                f"({error.msg}); skipped.",
            )
    return objects


def _json_objects(path: Path, text: str) -> list[tuple[int, Any]]:
    name = display_name(path)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise CorpusError(
            f"{name} is not valid JSON ({error.msg} at line {error.lineno})."
        ) from None
    if isinstance(document, dict):
        lists = [v for v in document.values() if isinstance(v, list)]
        document = lists[0] if len(lists) == 1 else None
    if not isinstance(document, list):
        raise CorpusError(f"{name} is JSON but not a list of articles.")
    return list(enumerate(document, start=1))


def _object_records(
    path: Path, objects: list[tuple[int, Any]], warn: Warn, overrides: Mapping[str, str]
) -> Iterator[Record]:
    name = display_name(path)
    keys: dict[str, None] = {}
    for _, obj in objects:
        if isinstance(obj, dict):
            keys.update(dict.fromkeys(str(k) for k in obj))
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
        fields = {field: _text_value(obj.get(column)) for field, column in mapping.items()}
        yield Record(path, fields, number)


def _text_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return ", ".join(_text_value(v) for v in value if v is not None)
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
