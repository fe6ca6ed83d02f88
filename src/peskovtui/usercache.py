"""Entries of the user cache dir: what loading and quote extraction produced, kept so that a
reopened corpus need not compute it again.

An entry is one file: a magic line, the line of its key, a pickle of plain records, and a
SHA-256 digest of all of that. It is read back only when its key is the one asked for, its
digest matches (a truncated or damaged file is refused before it is used) and the pickle holds
nothing but the classes its reader allows, so that even a planted file cannot run code. The
key is made by the caller of everything the payload depends on, its code's version included,
so that an entry is either exactly what would be computed now or not used at all.
"""

from __future__ import annotations

import contextlib
import dataclasses
import glob
import hashlib
import os
import pickle
import stat
import time
from collections.abc import Iterable
from io import BufferedReader
from pathlib import Path
from typing import IO, Any

import platformdirs

_MAGIC = b"peskovtui cache 1\n"
# SHA-256 rather than BLAKE2b: with the SHA extensions of today's processors it is three times
# as fast (800 against 240 MB/s on the development machine).
_DIGEST_SIZE = 32
_LEFTOVER_AGE = 3600


class CacheUnwritable(OSError):
    """An entry could not be written (a read-only or full disk, a directory not ours)."""


def cache_home() -> Path:
    """The user cache dir of peskovtui (honours ``XDG_CACHE_HOME``)."""
    return Path(platformdirs.user_cache_dir("peskovtui", appauthor=False))


def key_digest(parts: Iterable[str | bytes]) -> str:
    """One short key made of ``parts``, each kept apart from the next."""
    digest = hashlib.sha256()
    for part in parts:
        data = part if isinstance(part, bytes) else part.encode("utf-8", "surrogatepass")
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()[:40]


def corpus_paths(sources: Iterable[str | Path]) -> list[bytes]:
    """The absolute paths of a corpus's ``sources``, sorted and each once: what names it."""
    return sorted({os.fsencode(Path(source).absolute()) for source in sources})


def corpus_key(sources: Iterable[str | Path]) -> str:
    """One key for the corpus read from ``sources``, whatever their order."""
    return key_digest(corpus_paths(sources))


def code_version(folder: Path, *extra: str) -> str:
    """A fingerprint of the Python sources in ``folder`` (and of ``extra``): it changes
    whenever the code that made a kept result does."""
    sources = sorted(folder.glob("*.py"))
    return key_digest([*extra, *(p.name.encode() + b"\0" + p.read_bytes() for p in sources)])


def _private(path: Path) -> bool:
    """Whether ``path`` is a real directory or file of ours that nobody else can write."""
    try:
        info = path.lstat()
    except OSError:
        return False
    return (
        not stat.S_ISLNK(info.st_mode)
        and info.st_uid == os.getuid()
        and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
    )


def _private_dir(folder: Path) -> None:
    """Create ``folder`` (mode 0700) under the cache home if needed; refuse one not ours."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as error:
        raise CacheUnwritable(error.errno, error.strerror, str(folder)) from error
    if not _private(folder):
        raise CacheUnwritable(f"{folder} is not a private directory of this user")


class _HashingReader:
    """A file that hashes what is read from it (what the unpickler needs of a file)."""

    def __init__(self, raw: BufferedReader, digest: Any) -> None:
        self._raw = raw
        self._digest = digest

    def read(self, size: int = -1) -> bytes:
        data = self._raw.read(size)
        self._digest.update(data)
        return data

    def readline(self, size: int = -1) -> bytes:
        data = self._raw.readline(size)
        self._digest.update(data)
        return data

    def readinto(self, buffer: Any) -> int:
        count = self._raw.readinto(buffer)
        self._digest.update(memoryview(buffer)[:count])
        return count


class _HashingWriter:
    """A file that hashes what is written to it."""

    def __init__(self, raw: IO[bytes], digest: Any) -> None:
        self._raw = raw
        self._digest = digest

    def write(self, data: Any) -> int:
        self._digest.update(data)
        return self._raw.write(data)


class _RecordPickler(pickle.Pickler):
    """A pickler that writes a dataclass record as its class and the arguments that make it:
    read back by one call of the class, much faster than restoring its slots one by one."""

    def __init__(self, file: Any) -> None:
        super().__init__(file, protocol=5)
        self._fields: dict[type, tuple[str, ...] | None] = {}

    def reducer_override(self, obj: Any) -> Any:
        cls = type(obj)
        if cls not in self._fields:
            fields = dataclasses.fields(cls) if dataclasses.is_dataclass(cls) else ()
            made = fields and all(f.init for f in fields)
            self._fields[cls] = tuple(f.name for f in fields) if made else None
        names = self._fields[cls]
        if names is None:
            return NotImplemented
        return cls, tuple(getattr(obj, name) for name in names)


class _AllowedUnpickler(pickle.Unpickler):
    """An unpickler that builds only the classes it is given."""

    def __init__(self, file: Any, allowed: frozenset[type]) -> None:
        super().__init__(file)
        self._allowed = {(cls.__module__, cls.__qualname__): cls for cls in allowed}

    def find_class(self, module: str, name: str) -> Any:
        try:
            return self._allowed[(module, name)]
        except KeyError:
            raise pickle.UnpicklingError(f"{module}.{name} has no place in a cache entry") from None


def read_entry(path: Path, key: str, allowed: frozenset[type]) -> Any | None:
    """The payload stored at ``path`` under ``key``, or None when there is none, it was
    stored under another key, or it is damaged, truncated or not ours."""
    if not (_private(path.parent) and _private(path)):
        return None
    digest = hashlib.sha256()
    try:
        with path.open("rb") as raw:
            reader = _HashingReader(raw, digest)
            if reader.readline(len(_MAGIC)) != _MAGIC:
                return None
            if reader.readline(len(key) + 2) != key.encode("ascii") + b"\n":
                return None
            payload = _AllowedUnpickler(reader, allowed).load()
            trailer = raw.read(_DIGEST_SIZE + 1)
    except Exception:  # a damaged pickle can raise almost anything; it is refused all the same
        return None
    return payload if trailer == digest.digest() else None


def write_entry(path: Path, key: str, payload: object) -> None:
    """Store ``payload`` at ``path`` under ``key``, replacing what was there at once (a
    reader sees the old entry or the new one); raise ``CacheUnwritable`` and leave nothing
    behind when it cannot be written."""
    _private_dir(path.parent)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
    digest = hashlib.sha256()
    try:
        with tmp.open("xb") as raw:
            tmp.chmod(0o600)
            writer = _HashingWriter(raw, digest)
            writer.write(_MAGIC)
            writer.write(key.encode("ascii") + b"\n")
            _RecordPickler(writer).dump(payload)
            raw.write(digest.digest())
        tmp.replace(path)
        _remove_leftovers(path)
    except OSError as error:
        tmp.unlink(missing_ok=True)
        raise CacheUnwritable(error.errno, error.strerror, str(path.parent)) from error
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _remove_leftovers(path: Path) -> None:
    """Remove what writers of ``path`` killed while writing left behind (a write in progress
    takes seconds, not an hour)."""
    now = time.time()
    for leftover in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        with contextlib.suppress(OSError):
            if now - leftover.stat().st_mtime > _LEFTOVER_AGE:
                leftover.unlink()
