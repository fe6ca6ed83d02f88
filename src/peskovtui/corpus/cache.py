"""The loading cache: the articles a big data set was cleaned into, kept in the user cache dir
so that reopening it reads one file instead of parsing and cleaning it again.

An entry belongs to one data set file read with one set of column overrides, and is used only
when the file's size, modification time and content hash and the loader's version are those it
was made from. The content hash is taken of the very bytes that are parsed, so an entry cannot
be stale even when a file changes without its size or time changing.

The articles' texts are kept after the entry's payload, and an article read back holds where
its text is rather than the text: a big corpus reopened holds its metadata and offsets only.
"""

from __future__ import annotations

import hashlib
import os
import stat
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import IO

from peskovtui.corpus.model import (
    Article,
    Paragraph,
    SetAside,
    StoredText,
    encode_text,
    keep_text_stored,
    text_check,
)
from peskovtui.corpus.names import printable_name
from peskovtui.corpus.streaming import OPEN_FLAGS
from peskovtui.usercache import (
    CacheUnwritable,
    cache_home,
    code_version,
    key_digest,
    open_entry,
    private_dir,
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


@dataclass(frozen=True, slots=True)
class _Kept:
    """What an entry's payload holds: the articles with their texts left out, and where each
    text is in the entry's tail (offset and size in bytes, length in characters) and its
    ``text_check``."""

    articles: tuple[Article, ...]
    texts: tuple[tuple[int, int, int, bytes], ...]
    warnings: tuple[str, ...]


_ALLOWED = frozenset({_Kept, Article, Paragraph, SetAside})


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
        return self.slot_for(path, len(data), hashlib.sha256(data).hexdigest(), overrides)

    def slot_of_file(self, path: Path, overrides: Mapping[str, str]) -> CacheSlot | None:
        """Like ``slot``, for the contents of ``path`` as they are now, hashed as they are
        read rather than held (a kept data set is then never in memory whole); None also
        when the file cannot be read so (its reader then says why)."""
        digest = hashlib.sha256()
        size = 0
        # Read into one buffer, unbuffered: no new bytes object per megabyte, and no copy.
        buffer = bytearray(1 << 20)
        view = memoryview(buffer)
        try:
            with os.fdopen(os.open(path, OPEN_FLAGS), "rb", buffering=0) as fh:
                if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                    return None
                while count := fh.readinto(buffer):
                    digest.update(view[:count])
                    size += count
        except OSError:
            return None
        if size < MIN_CACHED_BYTES:
            return None
        return self.slot_for(path, size, digest.hexdigest(), overrides)

    def slot_for(
        self, path: Path, size: int, content: str, overrides: Mapping[str, str]
    ) -> CacheSlot:
        """The slot of the contents of ``path`` of ``size`` bytes and SHA-256 ``content``."""
        # One entry per file and overrides, replaced when the file changes.
        columns = [f"{k}={v}" for k, v in sorted(overrides.items())]
        entry = self.root / f"{key_digest([os.fsencode(path), *columns])}.articles"
        try:
            mtime = path.stat().st_mtime_ns
        except OSError:
            mtime = -1
        key = key_digest([loader_version(), str(size), str(mtime), content])
        return CacheSlot(self, entry, key, content)

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
    content: str  # the SHA-256 of the contents it stands for

    def holds(self, data: bytes) -> bool:
        """Whether ``data`` are the contents this slot stands for."""
        return hashlib.sha256(data).hexdigest() == self.content

    def get(self) -> LoadedFile | None:
        """What the data set was loaded into, if it is kept: its articles read their texts
        from the entry when asked (the process holds their metadata and offsets only)."""
        found = open_entry(self.path, self.key, _ALLOWED)
        if found is None or not isinstance(found[0], _Kept):
            return None
        kept, tail = found
        articles = tuple(
            keep_text_stored(article, StoredText(tail, *text))
            for article, text in zip(kept.articles, kept.texts, strict=True)
        )
        return LoadedFile(articles, kept.warnings)

    def put(self, loaded: LoadedFile) -> bool:
        """Keep what the data set was loaded into; whether it was kept (a cache that cannot
        be written is told of once)."""
        if self.cache.notice is not None:
            return False
        articles = loaded.articles
        texts: list[tuple[int, int, int, bytes]] = []
        offset = 0
        for article in articles:
            # Encoded once here for the sizes and once more as the tail is written, rather
            # than holding every text twice at once.
            encoded = article.encoded_text()
            texts.append((offset, len(encoded), article.text_length, text_check(encoded)))
            offset += len(encoded)
        without = tuple(replace(article, text="") for article in articles)
        kept = _Kept(without, tuple(texts), loaded.warnings)
        try:
            write_entry(self.path, self.key, kept, _encoded(articles))
        except CacheUnwritable as error:
            self.cache.unwritable(error)
            return False
        return True

    def keep(self, articles: Iterable[Article], warnings: Sequence[str]) -> LoadedFile | None:
        """Keep ``articles`` as they are made: each text is written out as its article comes
        and let go, so that the texts are never all held at once; then the entry is written
        and its articles read back from it. ``warnings`` are read once ``articles`` are
        through. None when the texts cannot be written out (the cache cannot be written):
        ``articles`` are then to be made again without it."""
        if self.cache.notice is not None:
            return None
        # Imported here: only a data set being kept needs it, never a start that reads one back.
        import tempfile

        try:
            private_dir(self.cache.root)
            # Unbuffered: a write that fails (a full disk) fails here, not when it is closed.
            spool = tempfile.TemporaryFile(dir=self.cache.root, buffering=0)  # noqa: SIM115
        except OSError as error:
            self.cache.unwritable(_unwritable(error))
            return None
        with spool:
            without: list[Article] = []
            texts: list[tuple[int, int, int, bytes]] = []
            offset = 0
            for article in articles:
                encoded = article.encoded_text()
                try:
                    spool.write(encoded)
                except OSError as error:  # a full disk
                    self.cache.unwritable(_unwritable(error))
                    return None
                texts.append((offset, len(encoded), article.text_length, text_check(encoded)))
                offset += len(encoded)
                without.append(replace(article, text=""))
            kept = _Kept(tuple(without), tuple(texts), tuple(warnings))
            if not without:
                return LoadedFile((), kept.warnings)
            try:
                write_entry(self.path, self.key, kept, _spooled(spool))
            except CacheUnwritable as error:
                self.cache.unwritable(error)
                return _restored(kept, spool)
        del without, kept
        return self.get()


def _unwritable(error: OSError) -> CacheUnwritable:
    if isinstance(error, CacheUnwritable):
        return error
    return CacheUnwritable(error.errno, error.strerror)


def _restored(kept: _Kept, spool: IO[bytes]) -> LoadedFile:
    """The articles of ``kept`` with their texts, read back from ``spool``."""
    articles = []
    for article, (offset, size, _, _) in zip(kept.articles, kept.texts, strict=True):
        spool.seek(offset)
        articles.append(replace(article, text=spool.read(size).decode("utf-8", "surrogatepass")))
    return LoadedFile(tuple(articles), kept.warnings)


def _encoded(articles: tuple[Article, ...]) -> Iterator[bytes]:
    for article in articles:
        yield encode_text(article.text)


def _spooled(spool: IO[bytes]) -> Iterator[bytes]:
    spool.seek(0)
    while chunk := spool.read(1 << 20):
        yield chunk


def release_freed_memory() -> None:
    """Hand the memory freed by a big load back to the system (glibc keeps it otherwise: a
    process that parsed 50,000 articles stayed at twice what it holds once they are read
    back from their entry)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError):  # not glibc
        pass
