"""Writing documents into a Whoosh index, in this process or in a child process.

Whoosh holds the GIL while it indexes, so a big build runs in a separate process (the UI stays
responsive) and writes a new generation directory that is published only once its document
count is checked.
"""

from __future__ import annotations

import os
import pickle
import queue
import tempfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from whoosh.filedb.filestore import FileStorage

from peskovtui.child import Children, lead_own_group, spawn_context
from peskovtui.corpus.model import Article
from peskovtui.search.errors import IndexUnavailable
from peskovtui.search.schema import article_document, build_schema

ProgressCallback = Callable[[int, int], None]
# An article, its speakers (or the function that finds them in its text), its source (path,
# row, size, mtime_ns) and the key that stands for its speakers in the manifest.
Source = tuple[str | None, int | None, int, int]
Speakers = tuple[str, ...] | Callable[[Article], Iterable[str]]
Item = tuple[Article, Speakers, Source, str]

_WRITER_MB = 128
_PROGRESS_EVERY = 100
# Whoosh's multiprocessing writer in the child build; it runs forked workers, which is safe
# there because the child has no other threads.
_PROCS = min(2, os.cpu_count() or 1)


def add_documents(
    writer: Any, items: Iterable[Item], total: int, progress: ProgressCallback | None
) -> int:
    """Add one document per item to an open writer; returns how many were added."""
    count = 0
    for article, speakers, source, key in items:
        names = tuple(speakers(article)) if callable(speakers) else speakers
        writer.add_document(**article_document(article, names, source, key))
        count += 1
        if progress is not None and count % _PROGRESS_EVERY == 0:
            progress(count, total)
    return count


def build_here(
    directory: Path, items: Sequence[Item], progress: ProgressCallback | None, procs: int = 1
) -> int:
    """Create an index in ``directory`` holding ``items``; returns the committed count.

    With ``procs`` > 1 Whoosh's multiprocessing writer is used; its workers can die and leave
    documents out, so callers must compare the returned count with ``len(items)``.
    """
    ix = FileStorage(str(directory)).create_index(build_schema())
    # Plain segment files, not compound ones: on opening, Whoosh copies every file of a compound
    # segment into memory (measured 45-65 ms at 3.8k articles, growing with the index).
    if procs > 1:
        writer = ix.writer(
            procs=procs,
            limitmb=_WRITER_MB // procs,
            multisegment=True,
            compound=False,
            subargs={"compound": False},
        )
    else:
        writer = ix.writer(limitmb=_WRITER_MB, compound=False)
    try:
        add_documents(writer, items, len(items), progress)
    except BaseException:
        writer.cancel()
        raise
    writer.commit()
    count = int(ix.doc_count())
    ix.close()
    if progress is not None:
        progress(len(items), len(items))
    return count


def _child(directory: str, items_file: str, messages: Any) -> None:
    lead_own_group()
    try:
        path = Path(items_file)
        with path.open("rb") as fh:
            items = pickle.load(fh)  # our own file, in our private build directory
        path.unlink()
        count = build_here(
            Path(directory), items, lambda n, t: messages.put(("progress", n)), procs=_PROCS
        )
    except BaseException as exc:  # reported to the parent, which owns the error handling
        messages.put(("error", f"{type(exc).__name__}: {exc}"))
        raise
    messages.put(("done", count))


def build_in_child(
    directory: Path,
    items: Sequence[Item],
    progress: ProgressCallback | None,
    children: Children | None = None,
) -> int:
    """Like ``build_here`` but in a child process (one of ``children``, which can stop it);
    the parent only relays progress."""
    children = children if children is not None else Children()
    ctx = spawn_context()
    # The articles go through a file: a child that dies early cannot block the parent on a
    # half-written pipe.
    with tempfile.NamedTemporaryFile(
        dir=directory.parent, prefix=".items-", suffix=".pickle", delete=False
    ) as fh:
        pickle.dump(list(items), fh, protocol=pickle.HIGHEST_PROTOCOL)
        items_file = fh.name
    messages = ctx.Queue()
    # Not a daemon: Whoosh's multiprocessing writer needs to start workers of its own.
    child = ctx.Process(target=_child, args=(str(directory), items_file, messages))
    try:
        children.start(child)
    except BaseException:
        Path(items_file).unlink(missing_ok=True)
        raise
    count: int | None = None
    error: str | None = None
    total = len(items)
    try:
        while count is None and error is None:
            try:
                kind, value = messages.get(timeout=0.2)
            except queue.Empty:
                if not child.is_alive():
                    break
                continue
            if kind == "progress" and progress is not None:
                progress(int(value), total)
            elif kind == "done":
                count = int(value)
            elif kind == "error":
                error = str(value)
    finally:
        child.join(timeout=30)
        if child.is_alive():
            child.kill()
            child.join()
        children.forget(child)
        messages.close()
        Path(items_file).unlink(missing_ok=True)
    if count is None:
        reason = error or f"the indexing process stopped (exit status {child.exitcode})"
        raise IndexUnavailable(f"Building the search index failed: {reason}.")
    if progress is not None:
        progress(total, total)
    return count
