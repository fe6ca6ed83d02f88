"""Writing documents into a Whoosh index, in this process or in a child process.

Whoosh holds the GIL while it indexes, so a big build runs in a separate process (the UI stays
responsive) and writes a new generation directory that is published only once its document
count is checked.

Every step reports its progress, the commit included: Whoosh writes the sorted postings of a
segment only when it is committed, which takes about as long as analysing the articles, so the
commit is a phase of its own (``WRITING``), counted in postings.
"""

from __future__ import annotations

import heapq
import pickle
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from pathlib import Path
from typing import Any

from whoosh.filedb.filestore import FileStorage
from whoosh.writing import PostingPool

from peskovtui.child import Child, Children, die_with_parent, lead_own_group
from peskovtui.corpus.model import Article
from peskovtui.search.errors import IndexUnavailable
from peskovtui.search.progress import (
    INDEXING,
    STARTING,
    WRITING,
    Progress,
    ProgressCallback,
    report_progress,
)
from peskovtui.search.schema import article_document, build_schema
from peskovtui.search.store import ITEMS_PREFIX

# An article, its speakers (or the function that finds them in its text), its source (path,
# row, size, mtime_ns) and the key that stands for its speakers in the manifest.
Source = tuple[str | None, int | None, int, int]
Speakers = tuple[str, ...] | Callable[[Article], Iterable[str]]
Item = tuple[Article, Speakers, Source, str]

WRITER_MB = 128
ENTRIES = "entries"  # the unit of the writing phase: a posting, one word of one field of an article
_ARTICLES_EVERY = 20
_ENTRIES_EVERY = 20_000


class CountedPool(PostingPool):  # type: ignore[misc]  # Whoosh is untyped
    """Whoosh's pool of postings, counting them as the commit writes them out.

    ``report(done, total)`` is called as the sorted postings are consumed; Whoosh itself says
    nothing between the start and the end of a commit.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.report: Callable[[int, int], None] | None = None
        self._spilled = 0  # postings already sorted into run files on disk

    def save(self) -> None:
        self._spilled += len(self.current)
        super().save()

    def items(self, maxfiles: int = 128) -> Iterator[Any]:
        """The postings in order. Whoosh would first write the postings still in memory to a
        run file and read them back to merge them with the others; they are merged from
        memory instead (at 3.8k articles Whoosh's way spent 5-17 s before the first posting
        was written; see BENCHMARKS.md)."""
        if not self.runs or len(self.runs) >= maxfiles:
            return iter(super().items(maxfiles))
        current = sorted(self.current)
        runs = list(self.runs)
        self.current.clear()
        self.runs.clear()
        return heapq.merge(current, *(self._read_run(path) for path in runs))

    def iter_postings(self) -> Iterator[Any]:
        total = self._spilled + len(self.current)
        if self.report is not None:
            self.report(0, total)
        postings = iter(self.items())
        done = 0
        while chunk := list(islice(postings, _ENTRIES_EVERY)):
            yield from chunk
            done += len(chunk)
            if self.report is not None:
                self.report(done, total)
        if self.report is not None and done < total:
            self.report(total, total)


def counted_writer(writer: Any, limitmb: int) -> Any:
    """``writer`` with a pool that counts its postings (install before adding documents)."""
    writer.pool = CountedPool(writer._tempstorage, writer.newsegment, limitmb=limitmb)
    return writer


def add_documents(writer: Any, items: Sequence[Item], progress: ProgressCallback | None) -> int:
    """Add one document per item to an open writer, reporting ``INDEXING``; returns the count."""
    total = len(items)
    report_progress(progress, INDEXING, 0, total, "articles")
    for count, (article, speakers, source, key) in enumerate(items, 1):
        names = tuple(speakers(article)) if callable(speakers) else speakers
        writer.add_document(**article_document(article, names, source, key))
        if count % _ARTICLES_EVERY == 0 or count == total:
            report_progress(progress, INDEXING, count, total, "articles")
    return total


def commit(writer: Any, progress: ProgressCallback | None) -> None:
    """Commit a writer made by ``counted_writer``, reporting ``WRITING`` as postings are written.

    A commit that merges older segments first spends that time before its first report.
    """
    pool = writer.pool
    if progress is not None and isinstance(pool, CountedPool):
        pool.report = lambda done, total: progress(Progress(WRITING, done, total, ENTRIES))
    writer.commit()


def build_here(directory: Path, items: Sequence[Item], progress: ProgressCallback | None) -> int:
    """Create an index in ``directory`` holding ``items``; returns the committed count."""
    ix = FileStorage(str(directory)).create_index(build_schema())
    # Plain segment files, not compound ones: on opening, Whoosh copies every file of a compound
    # segment into memory (measured 45-65 ms at 3.8k articles, growing with the index).
    writer = counted_writer(ix.writer(limitmb=WRITER_MB, compound=False), WRITER_MB)
    try:
        add_documents(writer, items, progress)
    except BaseException:
        writer.cancel()
        raise
    commit(writer, progress)
    count = int(ix.doc_count())
    ix.close()
    return count


def _child(directory: str, items_file: str, messages: Any) -> None:
    die_with_parent()
    lead_own_group()
    # Imported here: only the child process needs it.
    from peskovtui.search.parallel import build_parallel

    def relay(progress: Progress) -> None:
        messages.put(("progress", (progress.phase, progress.done, progress.total, progress.unit)))

    try:
        path = Path(items_file)
        with path.open("rb") as fh:
            items = pickle.load(fh)  # our own file, in our private build directory
        path.unlink()
        count = build_parallel(Path(directory), items, relay)
    except Exception as exc:  # reported to the parent, which owns the error handling
        messages.put(("error", failure(exc)))
        return
    messages.put(("done", count))


def failure(exc: Exception) -> tuple[str, int | None]:
    """An error as another process can be told it: its message, and its ``errno`` if it is an
    OSError (a full disk stays a full disk in the parent, which then builds in memory)."""
    if isinstance(exc, IndexUnavailable):  # already one sentence for the user
        return str(exc), None
    if isinstance(exc, OSError) and exc.errno is not None:
        return exc.strerror or str(exc), exc.errno
    return f"{type(exc).__name__}: {exc}", None


def failed(message: str, errno: int | None) -> Exception:
    """The error a ``failure`` stands for: an OSError again, else ``IndexUnavailable``."""
    return OSError(errno, message) if errno is not None else IndexUnavailable(message)


def build_in_child(
    directory: Path,
    items: Sequence[Item],
    progress: ProgressCallback | None,
    children: Children | None = None,
) -> int:
    """Like ``build_here`` but in a child process (one of ``children``, which can stop it);
    the parent only relays progress."""
    children = children if children is not None else Children()
    report_progress(progress, STARTING, 0, 1, "")
    items_file = _hand_over(directory, items)
    try:
        # Not a daemon: it starts worker processes of its own.
        with children.started(_child, str(directory), str(items_file)) as child:
            outcome = _relay(child, progress)
    finally:
        items_file.unlink(missing_ok=True)
    if isinstance(outcome, int):
        return outcome
    message, errno = outcome or (
        f"the indexing process stopped (exit status {child.process.exitcode})",
        None,
    )
    if errno is None:
        message = f"Building the search index failed: {message.rstrip('.')}."
    raise failed(message, errno)


def _hand_over(directory: Path, items: Sequence[Item]) -> Path:
    """A file beside ``directory`` holding ``items`` for the child. The articles go through a
    file: a child that dies early cannot block the parent on a half-written pipe."""
    with tempfile.NamedTemporaryFile(
        dir=directory.parent, prefix=ITEMS_PREFIX, suffix=".pickle", delete=False
    ) as fh:
        items_file = Path(fh.name)
        try:
            pickle.dump(list(items), fh, protocol=pickle.HIGHEST_PROTOCOL)
            fh.flush()
        except BaseException:  # a full disk: the part written would keep it full
            fh.close()
            items_file.unlink(missing_ok=True)
            raise
    return items_file


def _relay(child: Child, progress: ProgressCallback | None) -> int | tuple[str, int | None] | None:
    """Relay the child's progress until it ends: the count it built, why it failed, or None
    if it stopped without a word."""
    started = False
    while (message := child.receive()) is not None:
        kind, value = message
        if kind == "progress" and progress is not None:
            if not started:
                started = True
                report_progress(progress, STARTING, 1, 1, "")
            progress(Progress(*value))
        elif kind == "done":
            return int(value)
        elif kind == "error":
            return (str(value[0]), value[1])
    return None
