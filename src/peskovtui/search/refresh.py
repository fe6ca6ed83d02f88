"""Refreshing the index: bringing it in line with the corpus, on disk or in memory.

On disk, the current generation is updated in place when a few articles changed, and a new one
is built (in a child process when it is big) when most did or the current one is unusable. A
cache this process cannot write is searched as it is, or brought up to date in memory; a cache
that cannot be used at all, or a full disk, leaves an index in memory for the session.
"""

from __future__ import annotations

import errno
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from peskovtui.child import Children
from peskovtui.corpus.model import Article
from peskovtui.search.build import Item
from peskovtui.search.errors import IndexUnavailable
from peskovtui.search.generations import (
    CountMismatch,
    Opened,
    Unusable,
    apply_diff,
    build_generation,
    build_in_memory,
    check_count,
    copy_to_memory,
    open_current,
    open_saved,
    storage,
)
from peskovtui.search.manifest import (
    Diff,
    SavedManifest,
    SpeakerSource,
    diff,
    make_items,
    unique_articles,
)
from peskovtui.search.progress import PUBLISHING, ProgressCallback, report_progress
from peskovtui.search.searching import OpenIndex
from peskovtui.search.store import CorpusIndexDir, UnsafeIndexDir

log = logging.getLogger(__name__)

# Above this many documents to (re)index, a full build runs in a child process.
CHILD_BUILD_THRESHOLD = 1500
# If more than this share of the corpus changed, rebuild rather than update in place.
REBUILD_SHARE = 0.5


@dataclass(frozen=True, slots=True)
class RefreshReport:
    """What a refresh did to the index and anything the user should be told."""

    added: int
    changed: int
    removed: int
    rebuilt: bool
    location: str
    read_only: bool
    notices: tuple[str, ...]


class Refresher:
    """Keeps ``index`` in line with a corpus, in the user cache dir or else in memory."""

    def __init__(
        self,
        index: OpenIndex,
        corpus_paths: Sequence[str],
        *,
        cache_dir: Path | None,
        lock_timeout: float,
        child_threshold: int,
        children: Children,
    ) -> None:
        self._index = index
        self._corpus_paths = tuple(corpus_paths)
        self._cache_dir = cache_dir
        self._lock_timeout = lock_timeout
        self._child_threshold = child_threshold
        self._children = children
        self._dir: CorpusIndexDir | None = None
        self._memory = not self._corpus_paths
        self._discard_current = False
        self._memory_manifest = SavedManifest.none()
        self._in_ram = False  # whether the open index is the in-memory one
        self._build_in_memory = True  # whether this refresh may build an index in memory
        self._memory_reason = "The search index has no place in the cache."
        # The generation dir, Whoosh commit and manifest this engine last wrote or read.
        self._known: tuple[Path, int, SavedManifest] | None = None
        self.location = "memory"  # where the index lives: a directory, or ``memory``

    def refresh(
        self,
        articles: Sequence[Article],
        *,
        speakers: SpeakerSource | None,
        rebuild: bool,
        progress: ProgressCallback | None,
        in_memory: bool = True,
    ) -> RefreshReport:
        """Bring the index in line with ``articles`` (only what changed is reindexed).

        Without ``in_memory``, an index that could only be built in memory (the cache cannot
        hold it) is not built: ``IndexUnavailable`` says why, and the caller scans the texts.
        """
        notices: list[str] = []
        self._build_in_memory = in_memory
        by_id = unique_articles(articles, notices)
        items = make_items(by_id.values(), speakers)
        # Set first: while a long rebuild runs, searches still compute exact offsets against
        # the current texts (hits of articles that are gone are skipped).
        with self._index.lock:
            self._index.articles = by_id
        try:
            report = self._refresh(items, rebuild, progress, notices)
        except CountMismatch:
            self._index.damaged = True
            raise
        # The caller shows the notices; a warning record would reach stderr a second time
        # through logging's last-resort handler.
        for notice in report.notices:
            log.info("%s", notice)
        return report

    def _refresh(
        self,
        items: list[Item],
        rebuild: bool,
        progress: ProgressCallback | None,
        notices: list[str],
    ) -> RefreshReport:
        store = self._store(notices)
        if store is not None:
            try:
                return self._refresh_disk(store, items, rebuild, progress, notices)
            except UnsafeIndexDir as exc:
                self._fall_back_to_memory(notices, str(exc))
            except OSError as exc:  # a full disk, a cache dir made read-only meanwhile
                self._fall_back_to_memory(
                    notices, f"The search index could not be saved ({exc.strerror or exc})."
                )
        return self._refresh_memory(items, rebuild, progress, notices)

    def _store(self, notices: list[str]) -> CorpusIndexDir | None:
        """The corpus's index directory, or None when the index lives in memory."""
        if not self._memory and self._dir is None:
            try:
                self._dir = CorpusIndexDir.for_corpus(self._corpus_paths, self._cache_dir)
            except UnsafeIndexDir as exc:
                self._fall_back_to_memory(notices, str(exc))
            except OSError as exc:
                self._fall_back_to_memory(
                    notices, f"The cache directory is not writable ({exc.strerror or exc})."
                )
        return self._dir

    def _fall_back_to_memory(self, notices: list[str], reason: str) -> None:
        self._memory_reason = reason
        self._memory = True
        self._dir = None
        self._known = None
        self.location = "memory"
        notices.append(f"{reason} Searching with an index in memory instead; it is not kept.")

    def _refresh_memory(
        self,
        items: list[Item],
        rebuild: bool,
        progress: ProgressCallback | None,
        notices: list[str],
        changes: Diff | None = None,
    ) -> RefreshReport:
        """Refresh the index held in memory; ``changes``: the diff of the corpus against
        ``self._memory_manifest`` when it is known already."""
        if not self._in_ram or rebuild or self._index.damaged:
            if not self._build_in_memory:
                # The next refresh looks at the cache afresh, and says why it builds in memory.
                self._memory = not self._corpus_paths
                raise IndexUnavailable(self._memory_reason)
            self._index.swap(build_in_memory(self._index.schema, items, progress))
            self._memory_manifest = diff(SavedManifest.none(), items).manifest
            self._in_ram = True
            self._index.damaged = False
            return RefreshReport(len(items), 0, 0, True, "memory", False, tuple(notices))
        if changes is None:
            changes = diff(self._memory_manifest, items)
        apply_diff(self._index.ix, changes, len(items), progress)
        self._memory_manifest = changes.manifest
        if not changes.empty:
            self._index.swap(self._index.ix)
        return _report(changes, "memory", notices)

    def _refresh_disk(
        self,
        store: CorpusIndexDir,
        items: list[Item],
        rebuild: bool,
        progress: ProgressCallback | None,
        notices: list[str],
    ) -> RefreshReport:
        if not store.writable():
            return self._refresh_unwritable(store, items, rebuild, progress, notices)
        with store.writer_lock(self._lock_timeout) as writer:
            if not writer:
                return self._open_read_only(store, notices)
            store.remove_leftovers()
            if not rebuild and not self._index.damaged:
                report = self._update(store, items, progress, notices)
                if report is not None:
                    return report
            self._build(store, items, progress)
            return RefreshReport(len(items), 0, 0, True, self.location, False, tuple(notices))

    def _update(
        self,
        store: CorpusIndexDir,
        items: list[Item],
        progress: ProgressCallback | None,
        notices: list[str],
    ) -> RefreshReport | None:
        """Commit what changed to the current generation; None if it is to be built afresh."""
        opened = self._still_current(store)
        reused = opened is not None
        if opened is None:
            opened = self._open_current(store, notices)
            if opened is None:
                return None
        changes = diff(opened.manifest, items)
        big = len(changes.todo) > self._child_threshold
        if big and len(changes.todo) > REBUILD_SHARE * len(items):
            # Updating most of a big corpus in place is slower than building it afresh.
            if not reused:
                opened.close()
            return None
        ix, searcher, gen = opened.ix, opened.searcher, opened.gen
        if not changes.empty:
            apply_diff(ix, changes, len(items), progress, gen)
            # A live searcher keeps serving until the swap closes it.
            stale, searcher = searcher, ix.searcher()
            if not reused:
                stale.close()
        self._index.swap(ix, searcher)
        generation = ix.latest_generation()
        if not changes.manifest.saved:
            store.write_manifest(
                gen, generation, changes.manifest.entries(), changes.manifest.fingerprint
            )
            changes.manifest.saved = True
        self._known = (gen, generation, changes.manifest)
        self.location = str(gen)
        return _report(changes, self.location, notices)

    def _still_current(self, store: CorpusIndexDir) -> Opened | None:
        """The index this engine has open, if nobody has committed to it since it was read.

        Saves reopening the index and rereading the manifest on every refresh.
        """
        ix = self._index.ix
        if self._known is None or ix is None or self._in_ram:
            return None
        gen, generation, manifest = self._known
        try:
            if store.current_name() != gen.name or ix.latest_generation() != generation:
                return None
        except Exception:  # an index that cannot say its generation is opened afresh
            return None
        return Opened(ix, self._index.searcher, gen, manifest)

    def _open_current(
        self, store: CorpusIndexDir, notices: list[str], *, writable: bool = True
    ) -> Opened | None:
        """The current generation if it is usable; None (with a notice) if it must be rebuilt."""
        current = open_current(store, notices, writable=writable)
        if isinstance(current, Unusable):
            if current.damaged:
                self._discard_current = True
            return None
        return current

    def _refresh_unwritable(
        self,
        store: CorpusIndexDir,
        items: list[Item],
        rebuild: bool,
        progress: ProgressCallback | None,
        notices: list[str],
    ) -> RefreshReport:
        """A cache this process cannot write (a read-only mount or folder): its index is
        searched as it is when it is sound and matches the corpus; when articles changed it is
        copied into memory and brought up to date there. Nothing is written."""
        opened = None if rebuild else self._open_current(store, notices, writable=False)
        if opened is None:
            raise OSError(errno.EROFS, "the cache directory is read-only")
        changes = diff(opened.manifest, items)
        self._known = None  # never reused: another process may write it meanwhile
        if changes.empty:
            self._index.swap(opened.ix, opened.searcher)
            self.location = str(opened.gen)
            return _report(changes, self.location, notices)
        opened.close()
        self._index.swap(copy_to_memory(opened.gen))
        self._memory, self._dir, self.location = True, None, "memory"
        self._in_ram, self._memory_manifest = True, opened.manifest
        notices.append(
            "The cache directory is read-only: the saved search index is brought up to date "
            "in memory for this session."
        )
        # Against the saved manifest, as just compared.
        return self._refresh_memory(items, False, progress, notices, changes)

    def _open_read_only(self, store: CorpusIndexDir, notices: list[str]) -> RefreshReport:
        gen, ix = open_saved(store)
        self._index.swap(ix)
        self.location = str(gen)
        notices.append(
            "Another peskovtui process is updating the search index; "
            "results come from its last saved state."
        )
        return RefreshReport(0, 0, 0, False, self.location, True, tuple(notices))

    def _build(
        self, store: CorpusIndexDir, items: list[Item], progress: ProgressCallback | None
    ) -> None:
        children = self._children if len(items) > self._child_threshold else None
        build = build_generation(store, items, progress, children)
        report_progress(progress, PUBLISHING, 0, 1, "")
        keep = not (self._discard_current or self._index.damaged)
        gen = store.publish(build, keep_previous=keep)
        self._discard_current = False
        self.location = str(gen)
        ix = storage(gen).open_index()
        check_count(ix, len(items))
        manifest = diff(SavedManifest.none(), items).manifest
        generation = ix.latest_generation()
        store.write_manifest(gen, generation, manifest.entries(), manifest.fingerprint)
        manifest.saved = True
        self._known = (gen, generation, manifest)
        self._index.swap(ix)
        self._index.damaged = False
        report_progress(progress, PUBLISHING, 1, 1, "")


def _report(changes: Diff, location: str, notices: list[str]) -> RefreshReport:
    """What a refresh that committed ``changes`` (and built nothing) reports."""
    return RefreshReport(
        changes.added, changes.changed, len(changes.removed), False, location, False, tuple(notices)
    )
