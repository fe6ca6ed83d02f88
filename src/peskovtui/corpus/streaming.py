"""Reading a big data set a line at a time rather than whole: first surveyed (hashed, its
encoding and first line checked), then read line by line as its rows are parsed, every byte
hashed again, so that what is parsed is known to be what was surveyed.

Only what a line-by-line reading gives exactly as a whole one would is streamed: a UTF-8 data
set (a byte-order mark allowed) that is neither binary nor blank. Anything else (UTF-16, bytes
that are not UTF-8, a file that is not a regular one or is too big) is left to the whole
reading, which says what is wrong with it in the words it always has.
"""

from __future__ import annotations

import codecs
import hashlib
import io
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DELIMITERS = (",", ";", "\t", "|")
_CHUNK = 1 << 18
_BINARY_PROBE = 8192


class DataSetChanged(Exception):
    """The data set read is not the one surveyed (it changed meanwhile)."""


@dataclass(frozen=True, slots=True)
class Survey:
    """A data set as it was surveyed: its size, its SHA-256 and how often each of the
    ``DELIMITERS`` is in its first line (up to the first ``\\n``, as a whole reading takes it)."""

    path: Path
    size: int
    digest: str
    delimiter_counts: tuple[int, ...]

    def lines(self) -> Iterator[str]:
        """The data set's lines as decoded text, their ends kept (as ``io.StringIO(text,
        newline="").readlines()`` gives them); raise ``DataSetChanged`` once it is seen not
        to be the data set surveyed (at the latest after the last line)."""
        try:
            with _open(self.path) as raw:
                hashing = _HashingFile(raw, self.size)
                text = io.TextIOWrapper(
                    io.BufferedReader(hashing, _CHUNK), encoding="utf-8-sig", newline=""
                )
                yield from text
        except (OSError, UnicodeDecodeError):  # gone, unreadable or changed since
            raise DataSetChanged from None
        if hashing.size != self.size or hashing.digest.hexdigest() != self.digest:
            raise DataSetChanged


def survey(path: Path, limit: int) -> Survey | None:
    """The survey of the data set ``path``; None when it is to be read whole (see above), or
    cannot be read (the whole reading then says why)."""
    digest = hashlib.sha256()
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    counts = [0] * len(DELIMITERS)
    first_line = True  # still in the first line
    blank = True
    size = 0
    try:
        with _open(path) as raw:
            if not stat.S_ISREG(os.fstat(raw.fileno()).st_mode):
                return None
            # Buffered, so that each read is a whole chunk until the last (the first bytes
            # are the whole reading's probe for a binary file).
            chunks = io.BufferedReader(raw, _CHUNK)
            while chunk := chunks.read(_CHUNK):
                if size == 0 and not _plain_utf8(chunk):
                    return None
                size += len(chunk)
                if size > limit:
                    return None
                digest.update(chunk)
                text = decoder.decode(chunk)
                blank = blank and not text.strip()
                if first_line:
                    head, newline, _ = text.partition("\n")
                    counts = [n + head.count(d) for n, d in zip(counts, DELIMITERS, strict=True)]
                    first_line = not newline
            blank = blank and not decoder.decode(b"", final=True).strip()
    except (OSError, UnicodeDecodeError):
        return None
    if blank:
        return None
    return Survey(path, size, digest.hexdigest(), tuple(counts))


def _plain_utf8(head: bytes) -> bool:
    """Whether a data set starting with ``head`` is decoded as UTF-8 by the whole reading: not
    UTF-16 (by its byte-order mark), not binary (by its first bytes)."""
    return not head.startswith((b"\xff\xfe", b"\xfe\xff")) and not looks_binary(head)


def looks_binary(data: bytes) -> bool:
    """Whether a file starting with ``data`` is binary rather than text."""
    probe = data[:_BINARY_PROBE]
    return b"\x00" in probe or _control_ratio(probe) > 0.1


def _control_ratio(probe: bytes) -> float:
    if not probe:
        return 0.0
    controls = sum(1 for b in probe if b < 32 and b not in (9, 10, 12, 13))
    return controls / len(probe)


# How a file of the corpus is opened for reading: never waiting on a pipe, never a terminal.
OPEN_FLAGS = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)


def _open(path: Path) -> io.FileIO:
    return io.FileIO(os.open(path, OPEN_FLAGS), "rb", closefd=True)


class _HashingFile(io.RawIOBase):
    """A file that hashes what is read from it, and stops at ``limit`` bytes and one more (a
    data set grown since it was surveyed is another one)."""

    def __init__(self, raw: io.FileIO, limit: int) -> None:
        super().__init__()
        self._raw = raw
        self._limit = limit
        self.digest = hashlib.sha256()
        self.size = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer)[: max(0, self._limit + 1 - self.size)]
        count = self._raw.readinto(view) or 0
        self.digest.update(view[:count])
        self.size += count
        return count
