"""The search engine: a small interface, and its Whoosh implementation with a persistent index."""

from __future__ import annotations

import contextlib
import errno
import logging
import shutil
import threading
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from whoosh.filedb.filestore import FileStorage, RamStorage
from whoosh.query import QueryError as WhooshQueryError

from peskovtui.child import Children
from peskovtui.corpus.model import Article
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
from peskovtui.search.cancel import CancelCheck, check, search_cancellably
from peskovtui.search.errors import IndexUnavailable, QueryError, SearchError
from peskovtui.search.expansion import WordLists, expand_partial_terms
from peskovtui.search.integrity import damage, index_files, prune, seal
from peskovtui.search.offsets import MatchPlan, Range, build_plan, plan_offsets
from peskovtui.search.progress import PUBLISHING, ProgressCallback, report_progress
from peskovtui.search.query import read_query
from peskovtui.search.results import SearchHit, SearchResults, make_snippet
from peskovtui.search.schema import SCHEMA_VERSION, article_digest, build_schema, speakers_key
from peskovtui.search.store import CorpusIndexDir, ManifestEntry, UnsafeIndexDir

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class DerivedSpeakers:
    """Speakers found in an article's own text by ``function`` (a module-level function, so
    that a child build can call it): only articles being (re)indexed need them, and a new
    ``version`` of the function reindexes every article."""

    function: Callable[[Article], Iterable[str]]
    version: str


SpeakerSource = Callable[[Article], Iterable[str]] | Mapping[str, Iterable[str]] | DerivedSpeakers


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


class SearchEngine(Protocol):
    """What the Library, CLI and UI need from a search engine (Whoosh today)."""

    def refresh(
        self,
        articles: Sequence[Article],
        *,
        speakers: SpeakerSource | None = None,
        rebuild: bool = False,
        progress: ProgressCallback | None = None,
    ) -> RefreshReport:
        """Bring the index in line with ``articles`` (only what changed is reindexed)."""
        ...

    def search(
        self,
        query: str,
        limit: int | None = 20,
        *,
        cancel: CancelCheck | None = None,
        ranged: int | None = None,
    ) -> SearchResults:
        """Ranked hits for ``query`` with exact match ranges (for the best ``ranged`` hits)."""
        ...

    def match_offsets(self, article: Article, query: str) -> tuple[Range, ...]:
        """Exact character ranges of ``query``'s matches in ``article.text``."""
        ...

    def close(self) -> None:
        """Release the index."""
        ...


class LatestSearch:
    """Runs searches so that starting a new one cancels any still running (type-ahead)."""

    def __init__(self, engine: SearchEngine) -> None:
        self._engine = engine
        self._ticket = 0
        self._guard = threading.Lock()

    def search(self, query: str, limit: int | None = 20) -> SearchResults:
        """Search, raising ``SearchCancelled`` if a newer search starts before this one ends."""
        with self._guard:
            self._ticket += 1
            mine = self._ticket
        return self._engine.search(query, limit, cancel=lambda: self._ticket != mine)


# Above this many documents to (re)index, a full build runs in a child process.
CHILD_BUILD_THRESHOLD = 1500
# If more than this share of the corpus changed, rebuild rather than update in place.
REBUILD_SHARE = 0.5


class WhooshSearchEngine:
    """A Whoosh index of one corpus, persisted in the user cache dir (or in memory).

    One long-lived searcher serves every search behind a lock: Whoosh searchers are not safe to
    share between threads. ``refresh`` may be called from a worker thread; searches in other
    threads wait for its commit only while the searcher is swapped.
    """

    def __init__(
        self,
        corpus_paths: Sequence[str] | None,
        *,
        cache_dir: Path | None = None,
        lock_timeout: float = 0.5,
        child_build_threshold: int = CHILD_BUILD_THRESHOLD,
        children: Children | None = None,
    ) -> None:
        self._corpus_paths = tuple(corpus_paths) if corpus_paths else ()
        self._cache_dir = cache_dir
        self._lock_timeout = lock_timeout
        self._child_threshold = child_build_threshold
        self._children = children if children is not None else Children()
        self._schema = build_schema()
        self._lock = threading.RLock()
        self._ix: Any = None
        self._searcher: Any = None
        self._word_lists = WordLists()
        self._dir: CorpusIndexDir | None = None
        self._memory = not self._corpus_paths
        self._damaged = False
        self._discard_current = False
        self._articles: dict[str, Article] = {}
        self._memory_manifest: dict[str, ManifestEntry] = {}
        self._in_ram = False  # whether self._ix is the in-memory index
        # The generation dir, Whoosh commit and manifest this engine last wrote or read.
        self._known: tuple[Path, int, dict[str, ManifestEntry]] | None = None
        self._location = "memory"

    # -- refreshing ---------------------------------------------------------------------------

    def refresh(
        self,
        articles: Sequence[Article],
        *,
        speakers: SpeakerSource | None = None,
        rebuild: bool = False,
        progress: ProgressCallback | None = None,
    ) -> RefreshReport:
        """Bring the index in line with ``articles`` (only what changed is reindexed)."""
        notices: list[str] = []
        by_id: dict[str, Article] = {}
        for article in articles:
            if article.id in by_id:
                notices.append(
                    f"Two articles share the id {article.id}; only the first is searchable."
                )
                continue
            by_id[article.id] = article
        items = _items(by_id.values(), speakers)
        # Set first: while a long rebuild runs, searches still compute exact offsets against
        # the current texts (hits of articles that are gone are skipped).
        with self._lock:
            self._articles = by_id
        if not self._memory and self._dir is None:
            try:
                self._dir = CorpusIndexDir.for_corpus(self._corpus_paths, self._cache_dir)
            except UnsafeIndexDir as exc:
                self._fall_back_to_memory(notices, str(exc))
            except OSError as exc:
                self._fall_back_to_memory(
                    notices, f"The cache directory is not writable ({exc.strerror or exc})."
                )
        report = None
        if self._dir is not None:
            try:
                report = self._refresh_disk(self._dir, items, rebuild, progress, notices)
            except UnsafeIndexDir as exc:
                self._fall_back_to_memory(notices, str(exc))
            except OSError as exc:  # a full disk, a cache dir made read-only meanwhile
                self._fall_back_to_memory(
                    notices, f"The search index could not be saved ({exc.strerror or exc})."
                )
        if report is None:
            report = self._refresh_memory(items, rebuild, progress, notices)
        # The caller shows the notices; a warning record would reach stderr a second time
        # through logging's last-resort handler.
        for notice in report.notices:
            log.info("%s", notice)
        return report

    def _fall_back_to_memory(self, notices: list[str], reason: str) -> None:
        self._memory = True
        self._dir = None
        self._known = None
        self._location = "memory"
        notices.append(f"{reason} Searching with an index in memory instead; it is not kept.")

    def _refresh_memory(
        self,
        items: list[Item],
        rebuild: bool,
        progress: ProgressCallback | None,
        notices: list[str],
    ) -> RefreshReport:
        if not self._in_ram or rebuild or self._damaged:
            ix = RamStorage().create_index(self._schema)
            writer = counted_writer(ix.writer(limitmb=WRITER_MB), WRITER_MB)
            add_documents(writer, items, progress)
            commit(writer, progress)
            self._check_count(ix, len(items))
            self._swap(ix)
            self._memory_manifest = _diff({}, items).entries
            self._in_ram = True
            self._damaged = False
            return RefreshReport(len(items), 0, 0, True, "memory", False, tuple(notices))
        diff = _diff(self._memory_manifest, items)
        self._apply(self._ix, diff, len(items), progress)
        self._memory_manifest = diff.entries
        if diff.todo or diff.removed:
            self._swap(self._ix)
        return RefreshReport(
            diff.added, diff.changed, len(diff.removed), False, "memory", False, tuple(notices)
        )

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
            opened = None
            reused = False
            if not rebuild and not self._damaged:
                opened = self._still_current(store)
                reused = opened is not None
                if opened is None:
                    opened = self._open_current(store, notices)
            if opened is not None:
                ix, searcher, gen, manifest = opened
                diff = _diff(manifest, items)
                big = len(diff.todo) > self._child_threshold
                if not (big and len(diff.todo) > REBUILD_SHARE * len(items)):
                    if diff.todo or diff.removed:
                        self._apply(ix, diff, len(items), progress, gen)
                        # A live searcher keeps serving until the swap closes it.
                        stale, searcher = searcher, ix.searcher()
                        if not reused:
                            stale.close()
                    self._swap(ix, searcher)
                    generation = ix.latest_generation()
                    if diff.todo or diff.removed or diff.restat or not diff.from_file:
                        store.write_manifest(gen, generation, diff.entries)
                    self._known = (gen, generation, diff.entries)
                    self._location = str(gen)
                    return RefreshReport(
                        diff.added,
                        diff.changed,
                        len(diff.removed),
                        False,
                        self._location,
                        False,
                        tuple(notices),
                    )
                # Updating most of a big corpus in place is slower than building it afresh.
                if not reused:
                    searcher.close()
                    ix.close()
            self._build(store, items, progress)
            return RefreshReport(len(items), 0, 0, True, self._location, False, tuple(notices))

    def _still_current(self, store: CorpusIndexDir) -> tuple[Any, Any, Path, _Manifest] | None:
        """The index this engine has open, if nobody has committed to it since it was read.

        Saves reopening the index and rereading the manifest on every refresh.
        """
        if self._known is None or self._ix is None or self._in_ram:
            return None
        gen, generation, entries = self._known
        try:
            if store.current_name() != gen.name or self._ix.latest_generation() != generation:
                return None
        except Exception:  # an index that cannot say its generation is opened afresh
            return None
        return self._ix, self._searcher, gen, _Manifest(entries, from_file=True)

    def _open_current(
        self, store: CorpusIndexDir, notices: list[str], *, writable: bool = True
    ) -> tuple[Any, Any, Path, _Manifest] | None:
        """The current generation if it is usable; None (with a notice) if it must be rebuilt.

        Its files are checked against their sizes and checksums first (``integrity``); in a
        cache this process can write, what a killed refresh left in it is removed.
        """
        try:
            gen = store.current()
        except UnsafeIndexDir as exc:
            notices.append(f"{exc} Building a new index instead.")
            self._discard_current = True
            return None
        if gen is None:
            return None
        meta = store.read_meta(gen)
        if meta.get("schema_version") != SCHEMA_VERSION:
            notices.append("The search index was made by another version; rebuilding it.")
            return None
        problem = damage(gen, restamp=writable)
        if problem is not None:
            notices.append(f"The search index was damaged ({problem}); rebuilding it.")
            self._discard_current = True
            return None
        if writable:
            prune(gen)
        opened = None
        # Whoosh leaves a file open when a damaged table of contents fails to load.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ResourceWarning)
            try:
                ix = _storage(gen, readonly=not writable).open_index()
                searcher = ix.searcher()
                saved = store.read_manifest(gen, ix.latest_generation())
                if saved is not None and len(saved) == ix.doc_count():
                    manifest = _Manifest(saved, from_file=True)
                else:
                    manifest = _Manifest(_stored_manifest(searcher.reader()), from_file=False)
                opened = (ix, searcher, gen, manifest)
            except Exception as exc:  # Whoosh raises many kinds on damaged files
                log.info("index at %s unreadable: %r", gen, exc)
        if opened is None:
            notices.append("The search index was damaged; rebuilding it.")
            self._discard_current = True
        return opened

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
        ix, searcher, gen, manifest = opened
        diff = _diff(manifest, items)
        self._known = None  # never reused: another process may write it meanwhile
        if not diff.todo and not diff.removed:
            self._swap(ix, searcher)
            self._location = str(gen)
            return RefreshReport(0, 0, 0, False, self._location, False, tuple(notices))
        searcher.close()
        ix.close()
        self._swap(_copy_to_memory(gen))
        self._memory, self._dir, self._location = True, None, "memory"
        self._in_ram, self._memory_manifest = True, dict(manifest)
        notices.append(
            "The cache directory is read-only: the saved search index is brought up to date "
            "in memory for this session."
        )
        return self._refresh_memory(items, False, progress, notices)

    def _open_read_only(self, store: CorpusIndexDir, notices: list[str]) -> RefreshReport:
        gen = store.current()
        ix = None
        # Checked, not repaired: the other process may be between a commit and its seal.
        if (
            gen is not None
            and store.read_meta(gen).get("schema_version") == SCHEMA_VERSION
            and damage(gen) is None
        ):
            try:
                ix = _storage(gen, readonly=True).open_index()
                ix.doc_count()
            except Exception:
                ix = None
        if ix is None:
            raise IndexUnavailable(
                "The search index is being built by another peskovtui process; "
                "try again when it finishes."
            )
        self._swap(ix)
        self._location = str(gen)
        notices.append(
            "Another peskovtui process is updating the search index; "
            "results come from its last saved state."
        )
        return RefreshReport(0, 0, 0, False, self._location, True, tuple(notices))

    def _build(
        self, store: CorpusIndexDir, items: list[Item], progress: ProgressCallback | None
    ) -> None:
        meta = {"schema_version": SCHEMA_VERSION, "corpus": list(store.corpus_paths)}
        build = store.new_build_dir(meta)
        try:
            if len(items) > self._child_threshold:
                count = build_in_child(build, items, progress, self._children)
            else:
                count = build_here(build, items, progress)
            if count != len(items):
                raise IndexUnavailable(
                    f"Building the search index saved {count} of {counted(len(items), 'article')}."
                )
            built = _storage(build).open_index()
            try:
                _seal(build, built)  # a generation is published sealed
            finally:
                built.close()
        except BaseException:
            shutil.rmtree(build, ignore_errors=True)
            raise
        report_progress(progress, PUBLISHING, 0, 1, "")
        gen = store.publish(build, keep_previous=not (self._discard_current or self._damaged))
        self._discard_current = False
        self._location = str(gen)
        ix = _storage(gen).open_index()
        self._check_count(ix, len(items))
        entries = _diff({}, items).entries
        generation = ix.latest_generation()
        store.write_manifest(gen, generation, entries)
        self._known = (gen, generation, entries)
        self._swap(ix)
        self._damaged = False
        report_progress(progress, PUBLISHING, 1, 1, "")

    def _apply(
        self,
        ix: Any,
        diff: _Diff,
        expected: int,
        progress: ProgressCallback | None,
        gen: Path | None = None,
    ) -> None:
        """Commit ``diff`` to ``ix``; an index on disk (in ``gen``) is sealed after it, and
        what a failed commit wrote there is removed."""
        if not diff.todo and not diff.removed:
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
        self._check_count(ix, expected)
        if gen is not None:
            _seal(gen, ix)

    def _check_count(self, ix: Any, expected: int) -> None:
        count = int(ix.doc_count())
        if count != expected:
            self._damaged = True
            raise IndexUnavailable(
                f"The search index holds {counted(count, 'article')} instead of {expected}; "
                "run `peskovtui index --rebuild`."
            )

    def _swap(self, ix: Any, searcher: Any = None) -> None:
        searcher = ix.searcher() if searcher is None else searcher
        with self._lock:
            old, self._searcher = self._searcher, searcher
            old_ix, self._ix = self._ix, ix
        if old is not None and old is not searcher:
            old.close()
        if old_ix is not None and old_ix is not ix:
            old_ix.close()

    # -- searching ----------------------------------------------------------------------------

    def search(
        self,
        query: str,
        limit: int | None = 20,
        *,
        cancel: CancelCheck | None = None,
        ranged: int | None = None,
    ) -> SearchResults:
        """Ranked hits for ``query`` with exact match ranges.

        ``cancel`` is asked throughout (expanding partial words, collecting matches, finding
        ranges); once it says yes, the search stops with ``SearchCancelled``.

        ``ranged`` limits the hits whose ranges are found (the best ones; about a millisecond
        each); the others come back with ``ranged`` False.
        """
        parsed, notices = read_query(query, self._schema)
        check(cancel)
        with self._lock:
            searcher = self._searcher
            if searcher is None:
                raise IndexUnavailable("The search index is not open yet.")
            with self._reading_index():
                reader = searcher.reader()
                expansion = expand_partial_terms(parsed, reader, self._word_lists, cancel)
                results = search_cancellably(searcher, expansion.query, limit, cancel)
                ranked = [(hit["id"], float(hit.score)) for hit in results]
                total = len(results)
                plan = build_plan(expansion.query, reader)
            articles = self._articles
        hits: list[SearchHit] = []
        for doc_id, score in ranked:
            check(cancel)
            article = articles.get(doc_id)
            if article is None:  # indexed by another process, not in this corpus load
                continue
            exact = ranged is None or len(hits) < ranged
            matches = plan_offsets(article, plan) if exact else ()
            snippet = make_snippet(article.text, matches)
            hits.append(SearchHit(doc_id, article.title, score, matches, snippet, exact))
        return SearchResults(query, tuple(hits), total, notices + expansion.notices)

    @contextlib.contextmanager
    def _reading_index(self) -> Iterator[None]:
        """Sorts what goes wrong while the index is read: the user's errors and cancellations
        pass, a phrase in a field without positions (Whoosh's own ``QueryError``) is the query's,
        and anything else is damage, which the next refresh repairs by rebuilding."""
        try:
            yield
        except SearchError:
            raise
        except WhooshQueryError as exc:
            log.info("query refused by Whoosh: %r", exc)
            raise QueryError("The query cannot be searched as written") from exc
        except Exception as exc:
            log.info("search failed: %r", exc)
            self._damaged = True
            raise IndexUnavailable(
                "The search index is damaged; run `peskovtui index --rebuild`."
            ) from exc

    def match_offsets(self, article: Article, query: str) -> tuple[Range, ...]:
        """Exact character ranges of ``query``'s matches in ``article.text``."""
        parsed, _ = read_query(query, self._schema)
        plan: MatchPlan
        with self._lock:
            if self._searcher is None:
                plan = build_plan(parsed)
            else:
                with self._reading_index():
                    reader = self._searcher.reader()
                    expanded = expand_partial_terms(parsed, reader, self._word_lists).query
                    plan = build_plan(expanded, reader)
        return plan_offsets(article, plan)

    @property
    def location(self) -> str:
        """Where the index lives: a directory, or ``memory``."""
        return self._location

    def __del__(self) -> None:
        # Whoosh's readers hold open files and never close them when garbage-collected.
        with contextlib.suppress(Exception):
            self.close()

    def close(self) -> None:
        """Release the searcher and the index."""
        with self._lock:
            if self._searcher is not None:
                self._searcher.close()
            if self._ix is not None:
                self._ix.close()
            self._searcher = self._ix = None


def _storage(gen: Path, *, readonly: bool = False) -> Any:
    return FileStorage(str(gen), readonly=readonly)


def _seal(directory: Path, ix: Any) -> None:
    seal(directory, [segment.segment_id() for segment in ix._segments()])


def _copy_to_memory(gen: Path) -> Any:
    """The index of ``gen`` (its checked files only) as an index in memory."""
    ram = RamStorage()
    for name in index_files(gen):
        with (gen / name).open("rb") as source, ram.create_file(name) as target:
            shutil.copyfileobj(source, target)
    return ram.open_index()


def _speakers_for(
    article: Article,
    speakers: Callable[[Article], Iterable[str]] | Mapping[str, Iterable[str]] | None,
) -> tuple[str, ...]:
    if speakers is None:
        return ()
    if callable(speakers):
        return tuple(speakers(article))
    return tuple(speakers.get(article.id, ()))


def _source(
    article: Article, stats: dict[str, tuple[int, int]]
) -> tuple[str | None, int | None, int, int]:
    if article.path is None:
        return (None, article.row, -1, -1)
    if article.path not in stats:
        try:
            st = Path(article.path).stat()
            stats[article.path] = (st.st_size, st.st_mtime_ns)
        except OSError:
            stats[article.path] = (-1, -1)
    size, mtime = stats[article.path]
    return (article.path, article.row, size, mtime)


def _items(articles: Iterable[Article], speakers: SpeakerSource | None) -> list[Item]:
    stats: dict[str, tuple[int, int]] = {}
    if isinstance(speakers, DerivedSpeakers):
        key = f"derived {speakers.version}"
        return [(a, speakers.function, _source(a, stats), key) for a in articles]
    items: list[Item] = []
    for article in articles:
        names = _speakers_for(article, speakers)
        items.append((article, names, _source(article, stats), speakers_key(names)))
    return items


class _Manifest(dict[str, ManifestEntry]):
    """Manifest entries by article id, remembering whether they came from the manifest file."""

    def __init__(self, entries: dict[str, ManifestEntry], *, from_file: bool) -> None:
        super().__init__(entries)
        self.from_file = from_file


def _stored_manifest(reader: Any) -> dict[str, ManifestEntry]:
    out: dict[str, ManifestEntry] = {}
    for fields in reader.all_stored_fields():
        out[fields["id"]] = ManifestEntry(fields["digest"], *fields["source"])
    return out


@dataclass(slots=True)
class _Diff:
    todo: list[Item]  # added or changed, to (re)index
    removed: list[str]
    added: int
    changed: int
    entries: dict[str, ManifestEntry]  # the manifest once the diff is applied
    restat: bool  # only file sizes/times changed: the manifest file needs rewriting
    from_file: bool


def _diff(manifest: dict[str, ManifestEntry], items: list[Item]) -> _Diff:
    """What to reindex. Unchanged path, row, size, mtime, length and speakers mean unchanged;
    otherwise the content hash decides (a touched file with the same text is not reindexed)."""
    entries: dict[str, ManifestEntry] = {}
    todo: list[Item] = []
    changed = 0
    restat = False
    for item in items:
        article, _, (path, row, size, mtime), spoken = item
        old = manifest.get(article.id)
        if (
            old is not None
            and size >= 0
            and old.path == path
            and old.row == row
            and old.size == size
            and old.mtime_ns == mtime
            and old.text_length == len(article.text)
            and old.speakers == spoken
        ):
            entries[article.id] = old
            continue
        digest = article_digest(article, spoken)
        new = ManifestEntry(digest, path, row, size, mtime, len(article.text), spoken)
        entries[article.id] = new
        if old is None or old.digest != digest:
            todo.append(item)
            changed += old is not None
        elif old != new:
            restat = True
    removed = [doc_id for doc_id in manifest if doc_id not in entries]
    return _Diff(
        todo,
        removed,
        len(todo) - changed,
        changed,
        entries,
        restat,
        getattr(manifest, "from_file", False),
    )
