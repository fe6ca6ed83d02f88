"""The Whoosh index of a generation: opened only once its files check out, built and sealed
before it is published, changed by committing a diff, or copied into memory.

A generation is sealed after every commit: the sizes and checksums of its files are recorded
(``integrity``), so that damage is noticed the next time it is opened.
"""

from __future__ import annotations

import logging
import shutil
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from whoosh.filedb.filestore import FileStorage, RamStorage

from peskovtui.child import Children
from peskovtui.display import counted
from peskovtui.search.build import (
    WRITER_MB,
    Item,
    add_documents,
    build_here,
    build_in_child,
    commit,
    counted_writer,
)
from peskovtui.search.errors import IndexUnavailable
from peskovtui.search.integrity import damage, index_files, prune, seal
from peskovtui.search.manifest import Diff, SavedManifest, stored_manifest
from peskovtui.search.manifest_file import ManifestEntry
from peskovtui.search.progress import ProgressCallback
from peskovtui.search.schema import SCHEMA_VERSION
from peskovtui.search.store import CorpusIndexDir, UnsafeIndexDir

log = logging.getLogger(__name__)


class CountMismatch(IndexUnavailable):
    """An index that holds another number of articles than were committed to it."""


@dataclass(frozen=True, slots=True)
class Opened:
    """A generation's index opened for searching, with its manifest."""

    ix: Any
    searcher: Any
    gen: Path
    manifest: SavedManifest

    def close(self) -> None:
        """Close the searcher and the index."""
        self.searcher.close()
        self.ix.close()


@dataclass(frozen=True, slots=True)
class Unusable:
    """No current generation to search: there is none, it is of another schema version, or it
    is ``damaged`` (and then not worth keeping beside a new one)."""

    damaged: bool


def storage(gen: Path, *, readonly: bool = False) -> Any:
    """Whoosh's storage of the directory ``gen``."""
    return FileStorage(str(gen), readonly=readonly)


def seal_index(directory: Path, ix: Any) -> None:
    """Record the sizes and checksums of the files of ``ix``'s segments in ``directory``."""
    seal(directory, [segment.segment_id() for segment in ix._segments()])


def open_current(
    store: CorpusIndexDir, notices: list[str], *, writable: bool = True
) -> Opened | Unusable:
    """The current generation if it is usable (with a notice when it is not).

    Its files are checked against their sizes and checksums first (``integrity``); in a cache
    this process can write, what a killed refresh left in it is removed.
    """
    try:
        gen = store.current()
    except UnsafeIndexDir as exc:
        notices.append(f"{exc} Building a new index instead.")
        return Unusable(damaged=True)
    if gen is None:
        return Unusable(damaged=False)
    if store.read_meta(gen).get("schema_version") != SCHEMA_VERSION:
        notices.append("The search index was made by another version; rebuilding it.")
        return Unusable(damaged=False)
    problem = damage(gen, restamp=writable)
    if problem is not None:
        notices.append(f"The search index was damaged ({problem}); rebuilding it.")
        return Unusable(damaged=True)
    if writable:
        prune(gen)
    # Whoosh leaves a file open when a damaged table of contents fails to load.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        try:
            ix = storage(gen, readonly=not writable).open_index()
            searcher = ix.searcher()
            return Opened(ix, searcher, gen, _manifest(store, gen, ix, searcher))
        except Exception as exc:  # Whoosh raises many kinds on damaged files
            log.info("index at %s unreadable: %r", gen, exc)
    notices.append("The search index was damaged; rebuilding it.")
    return Unusable(damaged=True)


def _manifest(store: CorpusIndexDir, gen: Path, ix: Any, searcher: Any) -> SavedManifest:
    """The manifest saved for the index's commit, or else the one its stored fields tell."""

    def stored() -> dict[str, ManifestEntry]:
        return stored_manifest(searcher.reader())

    saved = store.read_manifest(gen, ix.latest_generation())
    if saved is not None:
        head, load = saved
        if head.count == ix.doc_count():
            return SavedManifest(head.fingerprint, load, saved=head.current, fallback=stored)
    return SavedManifest(None, stored, saved=False)


def open_saved(store: CorpusIndexDir) -> tuple[Path, Any]:
    """The current generation and its index, as another process that is writing it last
    saved it; ``IndexUnavailable`` if it cannot be read."""
    gen = store.current()
    ix = None
    # Checked, not repaired: the other process may be between a commit and its seal.
    if (
        gen is not None
        and store.read_meta(gen).get("schema_version") == SCHEMA_VERSION
        and damage(gen) is None
    ):
        try:
            ix = storage(gen, readonly=True).open_index()
            ix.doc_count()
        except Exception:
            ix = None
    if gen is None or ix is None:
        raise IndexUnavailable(
            "The search index is being built by another peskovtui process; "
            "try again when it finishes."
        )
    return gen, ix


def build_generation(
    store: CorpusIndexDir,
    items: list[Item],
    progress: ProgressCallback | None,
    children: Children | None,
) -> Path:
    """A new build directory holding ``items``, sealed, ready to publish: built by a child
    process (one of ``children``), or in this process if ``children`` is None. A failed build
    leaves nothing behind."""
    meta = {"schema_version": SCHEMA_VERSION, "corpus": list(store.corpus_paths)}
    build = store.new_build_dir(meta)
    try:
        if children is not None:
            count = build_in_child(build, items, progress, children)
        else:
            count = build_here(build, items, progress)
        if count != len(items):
            raise IndexUnavailable(
                f"Building the search index saved {count} of {counted(len(items), 'article')}."
            )
        built = storage(build).open_index()
        try:
            seal_index(build, built)  # a generation is published sealed
        finally:
            built.close()
    except BaseException:
        shutil.rmtree(build, ignore_errors=True)
        raise
    return build


def build_in_memory(schema: Any, items: list[Item], progress: ProgressCallback | None) -> Any:
    """A new index in memory holding ``items``."""
    ix = RamStorage().create_index(schema)
    writer = counted_writer(ix.writer(limitmb=WRITER_MB), WRITER_MB)
    add_documents(writer, items, progress)
    commit(writer, progress)
    check_count(ix, len(items))
    return ix


def copy_to_memory(gen: Path) -> Any:
    """The index of ``gen`` (its checked files only) as an index in memory."""
    ram = RamStorage()
    for name in index_files(gen):
        with (gen / name).open("rb") as source, ram.create_file(name) as target:
            shutil.copyfileobj(source, target)
    return ram.open_index()


def apply_diff(
    ix: Any,
    diff: Diff,
    expected: int,
    progress: ProgressCallback | None,
    gen: Path | None = None,
) -> None:
    """Commit ``diff`` to ``ix``, which then holds ``expected`` articles; an index on disk (in
    ``gen``) is sealed after it, and what a failed commit wrote there is removed."""
    if diff.empty:
        return
    writer = counted_writer(ix.writer(limitmb=WRITER_MB, compound=False), WRITER_MB)
    try:
        try:
            for doc_id in diff.removed:
                writer.delete_by_term("id", doc_id)
            for article, *_ in diff.todo:
                writer.delete_by_term("id", article.id)
            add_documents(writer, diff.todo, progress)
        except BaseException:
            writer.cancel()
            raise
        commit(writer, progress)
    except BaseException:
        if gen is not None:  # a full disk: the new segment's files would keep it full
            prune(gen)
        raise
    check_count(ix, expected)
    if gen is not None:
        seal_index(gen, ix)


def check_count(ix: Any, expected: int) -> None:
    """``CountMismatch`` unless ``ix`` holds ``expected`` articles."""
    count = int(ix.doc_count())
    if count != expected:
        raise CountMismatch(
            f"The search index holds {counted(count, 'article')} instead of {expected}; "
            "run `peskovtui index --rebuild`."
        )
