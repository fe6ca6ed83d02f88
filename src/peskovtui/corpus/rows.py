"""What every reader yields and how it names its problems: records, the warning callback, the
name of a path in messages, and a cap on how many bad rows of one source are listed."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from peskovtui.corpus.names import printable_name

Warn = Callable[[str], None]

_MAX_ROW_WARNINGS = 20


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


class RowWarnings:
    """Passes on the warnings about one source's rows, the first ones only, then one line
    saying that more were skipped."""

    def __init__(self, warn: Warn) -> None:
        self._warn = warn
        self._count = 0

    def __call__(self, message: str) -> None:
        if self._count < _MAX_ROW_WARNINGS:
            self._warn(message)
        elif self._count == _MAX_ROW_WARNINGS:
            self._warn("More malformed rows were skipped; only the first ones are listed.")
        self._count += 1
