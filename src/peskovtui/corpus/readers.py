"""Reading article files and news data sets into records, before any cleanup.

Each reader yields ``Record``s and reports what it had to skip through ``warn``; it raises
``CorpusError`` only when a whole source is unusable. Nothing here writes anywhere.

The parser of each format (HTML, CSV, JSON) is imported when a file of that format is read: a
folder of text files, or a data set read back from the loading cache, needs none of them.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import BinaryIO

from peskovtui.corpus.rows import Record, Warn, display_name
from peskovtui.corpus.streaming import DELIMITERS, OPEN_FLAGS, Survey, looks_binary, survey

ARTICLE_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".html", ".htm"})
DATASET_SUFFIXES = frozenset({".csv", ".tsv", ".jsonl", ".ndjson", ".json"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
MAX_ARTICLE_BYTES = 20 * 1024 * 1024
MAX_DATASET_BYTES = 1024 * 1024 * 1024
_READ_ON = 1 << 20
_NOT_FILES = (
    (stat.S_ISDIR, "is a directory where a file was expected"),
    (stat.S_ISFIFO, "is a named pipe, not a regular file"),
    (stat.S_ISCHR, "is a device, not a regular file"),
    (stat.S_ISBLK, "is a device, not a regular file"),
)


def decode(data: bytes, path: Path, warn: Warn) -> str | None:
    """Decode a file's bytes as text, or warn and return None for a binary file."""
    name = display_name(path)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            warn(f"{name} is not valid UTF-16 text; skipped.")
            return None
    if looks_binary(data):
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
    try:
        fd = os.open(path, OPEN_FLAGS)
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
                data = _read_capped(fh, size, limit)
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


def _read_capped(fh: BinaryIO, size: int, limit: int) -> bytes:
    """The file's bytes, no more than ``limit + 1`` of them. What the file said it holds is
    read at once, and anything after it (a file that grows, or whose size is not known, as in
    /proc) in pieces: a single read of ``limit + 1`` bytes would reserve that much memory."""
    data = fh.read(size + 1)
    if len(data) <= size:
        return data
    parts, total = [data], len(data)
    while total <= limit:
        part = fh.read(min(_READ_ON, limit + 1 - total))
        if not part:
            break
        parts.append(part)
        total += len(part)
    return b"".join(parts)


def read_article_file(path: Path, warn: Warn) -> Iterator[Record]:
    """Yield the one article a text, Markdown or HTML file holds."""
    data = read_bytes(path, warn, limit=MAX_ARTICLE_BYTES)
    if data is None:
        return
    text = decode(data, path, warn)
    if text is None:
        return
    if path.suffix.lower() in HTML_SUFFIXES:
        from peskovtui.corpus.html import html_to_text

        text = html_to_text(text)
    if not text.strip():
        warn(f"{display_name(path)} is empty; skipped.")
        return
    yield Record(path, {"text": text})


def read_dataset(path: Path, warn: Warn, overrides: Mapping[str, str]) -> Iterator[Record]:
    """Yield one record per row of a CSV, TSV, JSON Lines or JSON data set."""
    data = read_dataset_bytes(path, warn)
    if data is not None:
        yield from dataset_records(path, data, warn, overrides)


def read_dataset_bytes(path: Path, warn: Warn) -> bytes | None:
    """The contents of a data set file, or None (with a warning) when it cannot be read."""
    return read_bytes(path, warn, limit=MAX_DATASET_BYTES, what="a data set")


STREAMED_SUFFIXES = frozenset({".csv", ".tsv", ".jsonl", ".ndjson"})


def survey_dataset(path: Path) -> Survey | None:
    """A data set surveyed to be read a line at a time (see ``streaming``); None when it is to
    be read whole (a JSON document, or a file that a line-by-line reading would not read as a
    whole one does)."""
    if path.suffix.lower() not in STREAMED_SUFFIXES:
        return None
    return survey(path, MAX_DATASET_BYTES)


def dataset_records(
    path: Path, data: bytes | Survey, warn: Warn, overrides: Mapping[str, str]
) -> Iterator[Record]:
    """Yield one record per row of ``data``, the contents of the data set ``path`` (or its
    survey, to read it a line at a time: ``DataSetChanged`` is raised if it changed since)."""
    if isinstance(data, Survey):
        yield from _streamed_records(data, warn, overrides)
        return
    text = decode(data, path, warn)
    if text is None:
        return
    if not text.strip():
        warn(f"{display_name(path)} is empty; skipped.")
        return
    suffix = path.suffix.lower()
    if suffix in (".csv", ".tsv"):
        from peskovtui.corpus.csv_rows import csv_records

        yield from csv_records(path, text, warn, overrides)
    elif suffix in (".jsonl", ".ndjson"):
        from peskovtui.corpus.json_rows import json_lines_records

        yield from json_lines_records(path, text, warn, overrides)
    else:
        from peskovtui.corpus.json_rows import json_records

        yield from json_records(path, text, warn, overrides)


def _streamed_records(
    surveyed: Survey, warn: Warn, overrides: Mapping[str, str]
) -> Iterator[Record]:
    path = surveyed.path
    if path.suffix.lower() not in (".csv", ".tsv"):
        from peskovtui.corpus.json_rows import streamed_json_lines

        yield from streamed_json_lines(path, surveyed.lines, warn, overrides)
        return
    from peskovtui.corpus.csv_rows import csv_line_records

    lines = surveyed.lines()
    counts = dict(zip(DELIMITERS, surveyed.delimiter_counts, strict=True))
    yield from csv_line_records(path, lines, counts, warn, overrides)
    for _ in lines:  # read to the end, so that a change anywhere is seen
        pass
