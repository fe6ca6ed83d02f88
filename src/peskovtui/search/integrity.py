"""Noticing a damaged index when it is opened: the size and checksum of each of its files.

Whoosh reads what its files hold without checking it: random bytes in the postings or the
stored fields, or a length column deleted, give wrong results rather than an error. So at each
commit the size and CRC-32 of every file of the committed index (Whoosh's table of contents and
the files of the segments it lists) are saved beside it in ``sums-<generation>.json``, and
opening the index checks them.

Whoosh never changes a file once written (a commit writes new segment files and a new table of
contents), so a file whose size, modification time, change time and inode are the ones
recorded has not been written since. Its checksum is computed again only when one of them
differs: reopening costs a ``stat`` per file instead of reading the whole index (see
BENCHMARKS.md). A write through the file system changes the change time, which no program can
set back; damage from below the file system (a failing disk) is not seen this way.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import zlib
from collections.abc import Iterable
from dataclasses import astuple, dataclass
from pathlib import Path

from peskovtui.search.store import write_atomic

_TOC = re.compile(r"^_MAIN_([0-9]+)\.toc$")
_SUMS = re.compile(r"^sums-([0-9]+)\.json$")
_CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class FileSum:
    """A file of the index as it was written: its size, CRC-32 and stat stamp."""

    size: int
    crc: int
    mtime_ns: int
    ctime_ns: int
    inode: int

    def same_stamp(self, info: os.stat_result) -> bool:
        """Whether ``info`` shows the file unwritten since this was recorded."""
        return (self.size, self.mtime_ns, self.ctime_ns, self.inode) == (
            info.st_size,
            info.st_mtime_ns,
            info.st_ctime_ns,
            info.st_ino,
        )


def latest_generation(directory: Path) -> int | None:
    """The newest Whoosh commit in ``directory`` (by its table of contents), or None."""
    generations = [int(m.group(1)) for name in _names(directory) if (m := _TOC.match(name))]
    return max(generations, default=None)


def seal(directory: Path, segment_ids: Iterable[str]) -> None:
    """Record the files of the newest commit in ``directory``, made of ``segment_ids``.

    Call it holding the writer lock, right after the commit. Files recorded by the previous
    seal and unwritten since keep their checksum instead of being read again.
    """
    generation = latest_generation(directory)
    if generation is None:
        raise FileNotFoundError(f"No index to seal in {directory}.")
    names = _names(directory)
    prefixes = tuple(f"{segment}." for segment in segment_ids)
    wanted = [f"_MAIN_{generation}.toc", *(n for n in names if n.startswith(prefixes))]
    known = _read_sums(directory, _newest_sums(names)) or {}
    sums: dict[str, FileSum] = {}
    for name in wanted:
        info = (directory / name).stat()
        old = known.get(name)
        if old is not None and old.same_stamp(info):
            sums[name] = old
        else:
            sums[name] = _sum(directory / name, info)
    _write_sums(directory, generation, sums)
    for name in names:
        if _SUMS.match(name) and name != f"sums-{generation}.json":
            (directory / name).unlink(missing_ok=True)


def damage(directory: Path, *, restamp: bool = False) -> str | None:
    """Why the newest commit in ``directory`` is not as it was written, or None if it is.

    A file whose stamp changed but whose checksum still matches is fine; with ``restamp`` its
    new stamp is recorded (best effort), so that the next check need not read it again.
    """
    generation = latest_generation(directory)
    if generation is None:
        return "it holds no index"
    sums = _read_sums(directory, generation)
    if sums is None:
        return "its checksums are missing"
    restamped = False
    for name, recorded in sums.items():
        try:
            info = (directory / name).stat()
        except OSError:
            return f"{name} is missing"
        if info.st_size != recorded.size:
            return f"{name} changed size"
        if recorded.same_stamp(info):
            continue
        found = _sum(directory / name, info)
        if found.crc != recorded.crc:
            return f"{name} changed"
        sums[name] = found
        restamped = True
    if restamped and restamp:
        with contextlib.suppress(OSError):  # a read-only cache: read again next time
            _write_sums(directory, generation, sums)
    return None


def index_files(directory: Path) -> list[str]:
    """The files of the newest sealed commit in ``directory`` (none if it has no seal)."""
    generation = latest_generation(directory)
    sums = _read_sums(directory, generation) if generation is not None else None
    return list(sums or ())


def prune(directory: Path) -> None:
    """Remove what a failed or killed write left in ``directory``: segment files and tables
    of contents the sealed commit does not list, and Whoosh's temporary folder. Call it
    holding the writer lock."""
    keep = set(index_files(directory))
    if not keep:  # nothing sealed: nothing is known to be unused
        return
    keep.add("MAIN_WRITELOCK")
    for path in directory.iterdir():
        name = path.name
        if name.endswith(".tmp") and path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        elif (name.startswith("MAIN_") or _TOC.match(name)) and name not in keep:
            path.unlink(missing_ok=True)


def _sum(path: Path, info: os.stat_result) -> FileSum:
    crc = 0
    with path.open("rb") as fh:
        while chunk := fh.read(_CHUNK):
            crc = zlib.crc32(chunk, crc)
    return FileSum(info.st_size, crc, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)


def _names(directory: Path) -> list[str]:
    try:
        return [path.name for path in directory.iterdir()]
    except OSError:
        return []


def _write_sums(directory: Path, generation: int, sums: dict[str, FileSum]) -> None:
    data = {name: astuple(s) for name, s in sums.items()}
    write_atomic(directory / f"sums-{generation}.json", json.dumps(data, separators=(",", ":")))


def _newest_sums(names: list[str]) -> int | None:
    generations = [int(m.group(1)) for name in names if (m := _SUMS.match(name))]
    return max(generations, default=None)


def _read_sums(directory: Path, generation: int | None) -> dict[str, FileSum] | None:
    if generation is None:
        return None
    try:
        data = json.loads((directory / f"sums-{generation}.json").read_text(encoding="utf-8"))
        return {str(name): FileSum(*map(int, value)) for name, value in data.items()}
    except (OSError, ValueError, TypeError, AttributeError):
        return None
