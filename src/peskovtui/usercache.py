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
import errno
import glob
import hashlib
import os
import pickle
import stat
import threading
import time
import weakref
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


def private_dir(folder: Path) -> None:
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

    def skip(self, size: int) -> int:
        """Hash the next ``size`` bytes without keeping them; how many there were."""
        done = 0
        while done < size:
            data = self._raw.read(min(size - done, 1 << 20))
            if not data:
                break
            self._digest.update(data)
            done += len(data)
        return done


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
    found = _read(path, key, allowed, with_tail=False)
    return found[0] if found is not None else None


def open_entry(path: Path, key: str, allowed: frozenset[type]) -> tuple[Any, EntryTail] | None:
    """Like ``read_entry``, for an entry written with a ``tail``: its payload, and its tail
    left in the file, to be read a part at a time when asked (checked whole before)."""
    return _read(path, key, allowed, with_tail=True)


def _read(
    path: Path, key: str, allowed: frozenset[type], *, with_tail: bool
) -> tuple[Any, EntryTail] | None:
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
            start = raw.tell()
            info = os.fstat(raw.fileno())
            size = info.st_size - start - _DIGEST_SIZE if with_tail else 0
            if size < 0 or reader.skip(size) != size:
                return None
            trailer = raw.read(_DIGEST_SIZE + 1)
            if trailer != digest.digest():
                return None
            tail = EntryTail(path, (info.st_dev, info.st_ino), start, size)
            if with_tail:
                tail.adopt(os.dup(raw.fileno()))
    except Exception:  # a damaged pickle can raise almost anything; it is refused all the same
        return None
    return payload, tail


class EntryTail:
    """The bytes an entry holds after its payload, read from its file when asked: what a
    process keeps of them is a descriptor, not the bytes.

    The file stays open, so an entry replaced meanwhile (a new one is renamed into place)
    is still read as it was checked. Another process is sent the entry's path and identity
    (device and inode), and reads it only if it is still that very file.
    """

    __slots__ = ("__weakref__", "_base", "_descriptor_of", "_identity", "_lock", "_path", "size")

    def __init__(self, path: Path, identity: tuple[int, int], base: int, size: int) -> None:
        self._path = path
        self._identity = identity
        self._base = base
        self.size = size
        self._descriptor_of: int | None = None
        self._lock = threading.Lock()

    def adopt(self, descriptor: int) -> None:
        """Read from ``descriptor``, closed once this object is let go."""
        self._descriptor_of = descriptor
        weakref.finalize(self, os.close, descriptor)

    def read(self, offset: int, size: int) -> bytes:
        """``size`` bytes of the tail from ``offset``."""
        if offset < 0 or size < 0 or offset + size > self.size:
            raise ValueError(f"bytes {offset}+{size} lie outside a tail of {self.size}")
        data = os.pread(self._descriptor(), size, self._base + offset)
        if len(data) != size:
            raise OSError(errno.EIO, f"the cache entry {self._path} was cut short")
        return data

    def _descriptor(self) -> int:
        with self._lock:
            if self._descriptor_of is None:
                # Sent from another process: the entry is read only if it is the same file.
                descriptor = os.open(self._path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
                info = os.fstat(descriptor)
                if (info.st_dev, info.st_ino) != self._identity:
                    os.close(descriptor)
                    raise OSError(errno.ESTALE, f"the cache entry {self._path} was replaced")
                self.adopt(descriptor)
            assert self._descriptor_of is not None
            return self._descriptor_of

    def __reduce__(self) -> tuple[Any, ...]:
        return (EntryTail, (self._path, self._identity, self._base, self.size))


def write_entry(path: Path, key: str, payload: object, tail: Iterable[bytes] = ()) -> None:
    """Store ``payload`` at ``path`` under ``key``, followed by the bytes of ``tail`` (read
    back with ``open_entry``), replacing what was there at once (a reader sees the old entry
    or the new one); raise ``CacheUnwritable`` and leave nothing behind when it cannot be
    written."""
    private_dir(path.parent)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
    digest = hashlib.sha256()
    try:
        with tmp.open("xb") as raw:
            tmp.chmod(0o600)
            writer = _HashingWriter(raw, digest)
            writer.write(_MAGIC)
            writer.write(key.encode("ascii") + b"\n")
            _RecordPickler(writer).dump(payload)
            for chunk in tail:
                writer.write(chunk)
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
