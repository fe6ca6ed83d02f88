"""The loading cache: the articles a big data set was cleaned into, kept in the user cache dir
so that reopening it reads one file instead of parsing and cleaning it again.

An entry belongs to one data set file read with one set of column overrides, and is used only
when the file's size, modification time and content hash and the loader's version are those it
was made from. The content hash is taken of the very bytes that are parsed, so an entry cannot
be stale even when a file changes without its size or time changing.
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from peskovtui.corpus.model import Article, Paragraph, SetAside
from peskovtui.corpus.names import printable_name
from peskovtui.usercache import (
    CacheUnwritable,
    cache_home,
    code_version,
    key_digest,
    read_entry,
    write_entry,
)

# Bump when loading produces something else from the same code (the code is fingerprinted too).
LOADER_VERSION = "1"
# Smaller data sets load faster than an entry would be written; they are not kept.
MIN_CACHED_BYTES = 1 << 20


@cache
def loader_version() -> str:
    """A fingerprint of the loading code and the interpreter that ran it."""
    # Cut to the 32 characters the entries' keys have always been made with.
    return code_version(Path(__file__).parent, LOADER_VERSION, sys.version)[:32]


@dataclass(frozen=True, slots=True)
class LoadedFile:
    """What loading one data set produced: its articles (ids not yet made unique across the
    corpus) and the warnings met on the way."""

    articles: tuple[Article, ...]
    warnings: tuple[str, ...]


_ALLOWED = frozenset({LoadedFile, Article, Paragraph, SetAside})


@dataclass(slots=True)
class LoadCache:
    """Entries under ``root`` (by default in the user cache dir). One that cannot be written is
    told of once, in ``notice``; one that cannot be read is recomputed."""

    root: Path = field(default_factory=lambda: cache_home() / "corpora")
    notice: str | None = None

    def slot(self, path: Path, data: bytes, overrides: Mapping[str, str]) -> CacheSlot | None:
        """Where what ``data`` (the contents of ``path``) loads into is kept; None for a data
        set too small to be worth it."""
        if len(data) < MIN_CACHED_BYTES:
            return None
        # One entry per file and overrides, replaced when the file changes.
        columns = [f"{k}={v}" for k, v in sorted(overrides.items())]
        entry = self.root / f"{key_digest([os.fsencode(path), *columns])}.articles"
        try:
            mtime = path.stat().st_mtime_ns
        except OSError:
            mtime = -1
        content = hashlib.sha256(data).hexdigest()
        key = key_digest([loader_version(), str(len(data)), str(mtime), content])
        return CacheSlot(self, entry, key)

    def unwritable(self, error: CacheUnwritable) -> None:
        """Tell once that entries cannot be written, and write none after."""
        reason = error.strerror or str(error)
        self.notice = (
            f"The loading cache in {printable_name(str(self.root))} cannot be written "
            f"({reason}); data sets are read in full each time."
        )


@dataclass(frozen=True, slots=True)
class CacheSlot:
    """The entry of one data set's current contents."""

    cache: LoadCache
    path: Path
    key: str

    def get(self) -> LoadedFile | None:
        """What the data set was loaded into, if it is kept."""
        found = read_entry(self.path, self.key, _ALLOWED)
        return found if isinstance(found, LoadedFile) else None

    def put(self, loaded: LoadedFile) -> None:
        """Keep what the data set was loaded into (told of once when it cannot be)."""
        if self.cache.notice is not None:
            return
        try:
            write_entry(self.path, self.key, loaded)
        except CacheUnwritable as error:
            self.cache.unwritable(error)
