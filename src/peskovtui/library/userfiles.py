"""The files the user keeps per corpus (the clip list, the reading places): written whole
through a temporary file beside them, so that a crash never leaves half of one, and set aside
under a new name, never overwritten, when they cannot be read."""

from __future__ import annotations

import contextlib
import itertools
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path


def write_atomically(path: Path, text: str, *, durable: bool = False) -> None:
    """Write ``text`` to ``path`` through a temporary file renamed over it: a reader sees the
    old file or the new one. ``durable`` flushes it to the disk first. Raises ``OSError`` and
    leaves nothing behind when it cannot be written."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", errors="surrogatepass") as file:
            file.write(text)
            if durable:
                file.flush()
                os.fsync(file.fileno())
        Path(temporary).replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
        raise


def set_aside(path: Path) -> Path:
    """Rename an unreadable ``path`` to ``NAME.unreadable-STAMP.EXT`` beside it, never over a
    file set aside before, and return where it went. Raises ``OSError`` when it cannot."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    for n in itertools.count(1):
        again = f"-{n}" if n > 1 else ""
        aside = path.with_name(f"{path.stem}.unreadable-{stamp}{again}{path.suffix}")
        if not aside.exists():
            break
    path.rename(aside)
    return aside
