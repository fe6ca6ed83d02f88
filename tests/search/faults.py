"""Faults made to order: a disk that fills up, a cache on a read-only file system, and an index
build held up.

Both are simulated at the layer where files are written, never by filling a real disk or
mounting anything: a full disk is ENOSPC from Whoosh's file writes once a budget of bytes is
spent (in this process and in the processes it forks), a read-only file system is EROFS from
every call that would write under a directory.
"""

from __future__ import annotations

import builtins
import errno
import io
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from whoosh.filedb import filestore

from peskovtui.search import WhooshSearchEngine

ENOSPC = OSError(errno.ENOSPC, "No space left on device")


def fill_disk_after(budget: int, monkeypatch: pytest.MonkeyPatch | None = None) -> None:
    """Writes through Whoosh's FileStorage fail with ENOSPC once ``budget`` bytes are written.

    Without ``monkeypatch`` this lasts as long as the process: call it in a process of the
    test's own making.
    """
    left = [budget]
    create_file = filestore.FileStorage.create_file

    def full_create_file(self: Any, name: str, *args: Any, **kwargs: Any) -> Any:
        structfile = create_file(self, name, *args, **kwargs)
        handle = structfile.file
        write = handle.write

        def limited(data: bytes) -> int:
            if len(data) > left[0]:
                raise OSError(ENOSPC.errno, ENOSPC.strerror)
            left[0] -= len(data)
            return int(write(data))

        handle.write = limited
        return structfile

    if monkeypatch is None:
        filestore.FileStorage.create_file = full_create_file
    else:
        monkeypatch.setattr(filestore.FileStorage, "create_file", full_create_file)


def read_only(monkeypatch: pytest.MonkeyPatch, root: Path) -> None:
    """Make ``root`` and everything under it behave as a read-only file system."""

    def under(path: Any) -> bool:
        try:
            resolved = Path(os.fsdecode(path)).absolute()
        except TypeError:  # a file descriptor
            return False
        return resolved == root or root in resolved.parents

    def refuse(path: Any) -> None:
        if under(path):
            raise OSError(errno.EROFS, "Read-only file system", str(path))

    real_open, real_os_open, real_access = builtins.open, os.open, os.access

    def open_(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if any(c in mode for c in "wax+"):
            refuse(file)
        return real_open(file, mode, *args, **kwargs)

    def os_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            refuse(path)
        return real_os_open(path, flags, *args, **kwargs)

    def access(path: Any, mode: int, **kwargs: Any) -> bool:
        if mode & os.W_OK and under(path):
            return False
        return real_access(path, mode, **kwargs)

    def refused(real: Any) -> Any:
        def call(path: Any, *args: Any, **kwargs: Any) -> Any:
            refuse(path)
            return real(path, *args, **kwargs)

        return call

    monkeypatch.setattr(builtins, "open", open_)
    monkeypatch.setattr(io, "open", open_)
    real_rmtree = shutil.rmtree

    def rmtree(path: Any, ignore_errors: bool = False, *args: Any, **kwargs: Any) -> None:
        if under(path):
            if ignore_errors:
                return
            refuse(path)
        real_rmtree(path, ignore_errors, *args, **kwargs)

    monkeypatch.setattr(shutil, "rmtree", rmtree)
    monkeypatch.setattr(os, "open", os_open)
    monkeypatch.setattr(os, "access", access)
    for name in ("mkdir", "rmdir", "unlink", "remove", "rename", "replace", "chmod", "utime"):
        monkeypatch.setattr(os, name, refused(getattr(os, name)))


def snapshot(root: Path) -> dict[str, tuple[int, int]]:
    """Every file under ``root`` with its size and modification time."""
    return {
        str(path.relative_to(root)): (path.stat().st_size, path.stat().st_mtime_ns)
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


@contextmanager
def held_builds(
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[tuple[threading.Event, threading.Event]]:
    """Every index refresh sets the first event once it is under way, then waits for the
    second (bounded, so that a broken test cannot hang); the second is set on leaving."""
    started, release = threading.Event(), threading.Event()
    refresh = WhooshSearchEngine.refresh

    def held(self: WhooshSearchEngine, *args: Any, **kwargs: Any) -> Any:
        started.set()
        release.wait(timeout=60)
        return refresh(self, *args, **kwargs)

    monkeypatch.setattr(WhooshSearchEngine, "refresh", held)
    try:
        yield started, release
    finally:
        release.set()
