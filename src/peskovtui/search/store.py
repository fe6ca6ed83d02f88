"""Where indexes live: a private cache dir, one directory per corpus, atomic generations.

Layout under ``<user cache dir>/peskovtui/indexes/<corpus key>/``::

    corpus.json    the corpus paths the key was made from (for people, not for code)
    lock           advisory lock held by the one process writing (refresh or rebuild)
    CURRENT        the name of the generation to read, replaced atomically
    gen-<hex>/     a complete Whoosh index plus peskovtui.json (schema version), the
                   manifest of its articles (manifest-<commit>.cols, see ``manifest_file``)
                   and the sizes and checksums of its files (sums-<commit>.json, see
                   ``integrity``)
    .build-<hex>/  a generation being built; renamed to gen-<hex> only when complete
    .items-*       the articles handed to a build's child process

Readers never take the lock: Whoosh commits by renaming its table of contents, so a reader
sees the last committed state while another process writes.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import re
import shutil
import stat
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import platformdirs

from peskovtui.search import manifest_file
from peskovtui.search.errors import IndexUnavailable
from peskovtui.search.manifest_file import ManifestEntry, ManifestHead

META_FILE = "peskovtui.json"
ITEMS_PREFIX = ".items-"
_BUILD_PREFIX = ".build-"
_GEN_NAME = re.compile(r"^gen-[0-9a-f]{16}$")


class UnsafeIndexDir(IndexUnavailable):
    """An index directory that someone else could write (the index holds pickles)."""


def cache_root() -> Path:
    """The directory holding every corpus index (honours ``XDG_CACHE_HOME``)."""
    return Path(platformdirs.user_cache_dir("peskovtui", appauthor=False)) / "indexes"


def corpus_key(paths: Sequence[str]) -> str:
    """A stable directory name for the corpus made of ``paths`` (absolute, order-free)."""
    normal = sorted({str(Path(p).absolute()) for p in paths})
    return hashlib.sha256("\0".join(normal).encode("utf-8", "surrogatepass")).hexdigest()[:24]


def check_private(path: Path) -> None:
    """Refuse ``path`` unless it is a real directory or file of ours that nobody else can write."""
    try:
        st = path.lstat()
    except OSError as exc:
        raise IndexUnavailable(
            f"Cannot inspect the index directory {path}: {exc.strerror}."
        ) from exc
    if stat.S_ISLNK(st.st_mode):
        raise UnsafeIndexDir(f"Refusing the index at {path}: it is a symbolic link.")
    if st.st_uid != os.getuid():
        raise UnsafeIndexDir(f"Refusing the index at {path}: it belongs to another user.")
    if st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        raise UnsafeIndexDir(f"Refusing the index at {path}: other users can write to it.")


def ensure_private_dir(path: Path) -> None:
    """Create ``path`` (mode 0700) if needed and check that it is private."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    check_private(path)
    if stat.S_IMODE(path.stat().st_mode) != 0o700:
        # Readable by others is not a danger to us, but the index holds the user's corpus.
        path.chmod(0o700)


class CorpusIndexDir:
    """The directory of one corpus's index: generations, the CURRENT pointer and the lock."""

    def __init__(self, root: Path, corpus_paths: Sequence[str]) -> None:
        self.root = root
        self.corpus_paths = tuple(sorted({str(Path(p).absolute()) for p in corpus_paths}))

    @classmethod
    def for_corpus(cls, corpus_paths: Sequence[str], base: Path | None = None) -> CorpusIndexDir:
        """Prepare (create and check) the private directory for a corpus's index."""
        base = base if base is not None else cache_root()
        ensure_private_dir(base.parent)
        ensure_private_dir(base)
        root = base / corpus_key(corpus_paths)
        ensure_private_dir(root)
        self = cls(root, corpus_paths)
        info = root / "corpus.json"
        if not info.exists():
            write_atomic(info, json.dumps({"paths": list(self.corpus_paths)}, indent=2))
        return self

    def current(self) -> Path | None:
        """The generation CURRENT names, checked to be private, or None if there is none."""
        try:
            name = (self.root / "CURRENT").read_text(encoding="ascii").strip()
        except (OSError, UnicodeDecodeError):
            return None
        if not _GEN_NAME.match(name):
            return None
        gen = self.root / name
        if not gen.is_dir():
            return None
        check_private(gen)
        for child in gen.iterdir():
            check_private(child)
        return gen

    def read_meta(self, gen: Path) -> dict[str, Any]:
        """The peskovtui metadata of a generation ({} if missing or unreadable)."""
        try:
            data = json.loads((gen / META_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def new_build_dir(self, meta: dict[str, Any]) -> Path:
        """A fresh private directory to build a generation in."""
        build = Path(tempfile.mkdtemp(prefix=_BUILD_PREFIX, dir=self.root))
        write_atomic(build / META_FILE, json.dumps(meta, indent=2))
        return build

    def publish(self, build: Path, *, keep_previous: bool = True) -> Path:
        """Rename a complete build into place and point CURRENT at it.

        The previous generation is kept (unless it is damaged or unsafe) for processes that
        still read it; older ones are removed.
        """
        previous = self.current_name() if keep_previous else None
        gen = self.root / f"gen-{os.urandom(8).hex()}"
        build.rename(gen)
        write_atomic(self.root / "CURRENT", gen.name + "\n")
        for child in self.root.iterdir():
            if child.name in (gen.name, previous):
                continue
            if _GEN_NAME.match(child.name) or child.name.startswith(_BUILD_PREFIX):
                # Only the lock holder publishes, so no build in progress is removed here.
                shutil.rmtree(child, ignore_errors=True)
        return gen

    def writable(self) -> bool:
        """Whether this process may write the index (not on a read-only mount or directory)."""
        gen = self.current_name()
        dirs = [self.root, *([self.root / gen] if gen and _GEN_NAME.match(gen) else [])]
        return all(os.access(d, os.W_OK) for d in dirs if d.is_dir())

    def remove_leftovers(self) -> None:
        """Remove what a build that died left behind (call it holding the writer lock: no
        build is under way then)."""
        for child in self.root.iterdir():
            if child.name.startswith(_BUILD_PREFIX):
                shutil.rmtree(child, ignore_errors=True)
            elif child.name.startswith(ITEMS_PREFIX):
                child.unlink(missing_ok=True)

    def current_name(self) -> str | None:
        """The name in CURRENT, unchecked."""
        try:
            return (self.root / "CURRENT").read_text(encoding="ascii").strip() or None
        except (OSError, UnicodeDecodeError):
            return None

    def read_manifest(self, gen: Path, generation: int) -> tuple[ManifestHead, Any] | None:
        """The head of the manifest saved for Whoosh commit ``generation`` of ``gen``, and a
        function that reads its entries (None when unreadable); None if there is none.

        A manifest in the format before is read whole at once, with no fingerprint.
        """
        head = manifest_file.read_head(gen, generation)
        if head is not None:
            return head, lambda: manifest_file.read_entries(gen, generation)
        entries = manifest_file.read_old(gen, generation)
        if entries is None:
            return None
        return ManifestHead(len(entries), None, current=False), lambda: entries

    def write_manifest(
        self,
        gen: Path,
        generation: int,
        entries: dict[str, ManifestEntry],
        fingerprint: str | None,
    ) -> None:
        """Save the manifest of Whoosh commit ``generation`` (a cache of the stored fields),
        for the corpus whose articles have ``fingerprint``.

        Reading it is much faster than unpickling every stored document; when it is missing
        or belongs to another commit, the stored fields are read instead.
        """
        path = manifest_file.path_of(gen, generation)
        write_atomic(path, manifest_file.encode(entries, fingerprint))
        for old in gen.glob("manifest-*"):
            if old.name != path.name:
                old.unlink(missing_ok=True)

    @contextlib.contextmanager
    def writer_lock(self, timeout: float) -> Iterator[bool]:
        """Try for ``timeout`` seconds to become the one writer; yields whether that worked."""
        fd = os.open(self.root / "lock", os.O_RDWR | os.O_CREAT, 0o600)
        try:
            acquired = False
            deadline = time.monotonic() + timeout
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    acquired = True
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        break
                    time.sleep(0.05)
            yield acquired
        finally:
            os.close(fd)  # closing the descriptor releases the lock


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` (mode 0600) so that a reader sees the old file or the new;
    on failure (a full disk) nothing is left behind."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with tmp.open("w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        tmp.chmod(0o600)
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
