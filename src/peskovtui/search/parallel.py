"""A full index build spread over worker processes, each writing a segment of its own.

Runs in the build's child process. Workers are forked before that process starts any thread,
so they share the articles without copying them through a pipe. They take small batches in
turn, so they finish analysing at about the same moment, and then write their segments at the
same time: the build reports ``INDEXING`` and then ``WRITING`` for all workers together. The
segments are then committed as one index, unmerged (merging would write every posting again).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from whoosh.filedb.filestore import FileStorage
from whoosh.writing import SegmentWriter

from peskovtui.child import die_with_parent, receive
from peskovtui.search.build import (
    ENTRIES,
    WRITER_MB,
    Item,
    add_documents,
    counted_writer,
    failed,
    failure,
)
from peskovtui.search.errors import IndexUnavailable
from peskovtui.search.progress import INDEXING, WRITING, ProgressCallback, report_progress
from peskovtui.search.schema import build_schema

PROCS = min(2, os.cpu_count() or 1)
_BATCH = 10


def build_parallel(
    directory: Path, items: Sequence[Item], progress: ProgressCallback | None, procs: int = PROCS
) -> int:
    """Create an index in ``directory`` holding ``items``; returns the committed count."""
    ix = FileStorage(str(directory)).create_index(build_schema())
    ctx = multiprocessing.get_context("fork")
    claimed = ctx.Value("q", 0)  # the first article no worker has taken yet
    messages = ctx.Queue()
    workers = [
        ctx.Process(target=_work, args=(n, ix, items, claimed, messages, WRITER_MB // procs))
        for n in range(procs)
    ]
    for worker in workers:
        worker.start()
    try:
        segments = _collect(workers, messages, len(items), progress)
    except BaseException:
        for worker in workers:
            worker.kill()
        raise
    finally:
        for worker in workers:
            worker.join(timeout=30)
            if worker.is_alive():
                worker.kill()
                worker.join()
        messages.close()
    writer = SegmentWriter(ix, compound=False)
    # Only the workers' segments are kept; this writer's own segment is empty.
    writer._close_segment()
    writer._commit_toc([segments[n] for n in sorted(segments) if segments[n] is not None])
    writer._finish()
    count = int(ix.doc_count())
    ix.close()
    return count


def _collect(
    workers: Sequence[Any], messages: Any, total: int, progress: ProgressCallback | None
) -> dict[int, Any]:
    """Relay the workers' progress until each has sent its segment (None if it had no work)."""
    report_progress(progress, INDEXING, 0, total, "articles")
    indexed = 0
    writing: dict[int, tuple[int, int]] = {}
    segments: dict[int, Any] = {}
    reported: tuple[int, int] | None = None
    while len(segments) < len(workers):
        waiting = [w for n, w in enumerate(workers) if n not in segments]
        message = receive(messages, waiting)
        if message is None:
            stopped = next(w for w in waiting if not w.is_alive())
            raise IndexUnavailable(f"an indexing process stopped (exit status {stopped.exitcode})")
        kind, worker, *value = message
        if kind == "indexed":
            indexed += value[0]
            report_progress(progress, INDEXING, indexed, total, "articles")
        elif kind == "writing":
            writing[worker] = value[0], value[1]
        elif kind == "segment":
            segments[worker] = value[0]
        elif kind == "error":
            raise failed(*value[0])
        # Every worker takes articles until none are left before it writes, so once all have
        # started writing (or ended with nothing to write) every article is analysed.
        if all(n in writing or n in segments for n in range(len(workers))):
            state = sum(d for d, _ in writing.values()), sum(t for _, t in writing.values())
            if reported is None:  # the phase starts at 0, whatever a quick worker has done
                reported = 0, state[1]
                report_progress(progress, WRITING, *reported, ENTRIES)
            if state != reported:
                reported = state
                report_progress(progress, WRITING, *state, ENTRIES)
    return segments


def _work(
    number: int, ix: Any, items: Sequence[Item], claimed: Any, messages: Any, limitmb: int
) -> None:
    die_with_parent()
    try:
        writer = counted_writer(
            SegmentWriter(ix, _lk=False, limitmb=limitmb, compound=False), limitmb
        )
        count = 0
        while batch := _claim(claimed, len(items)):
            count += add_documents(writer, items[batch.start : batch.stop], None)
            messages.put(("indexed", number, len(batch)))
        if not count:
            writer._close_segment()
            messages.put(("segment", number, None))
            return
        writer.pool.report = lambda done, total: messages.put(("writing", number, done, total))
        # The segment is finished here but committed by the parent with the others.
        segment = writer._finalize_segment()
    except Exception as exc:  # reported to the parent, which owns the error handling
        messages.put(("error", number, failure(exc)))
        return
    messages.put(("segment", number, segment))


def _claim(claimed: Any, total: int) -> range | None:
    with claimed.get_lock():
        start = claimed.value
        if start >= total:
            return None
        claimed.value = min(start + _BATCH, total)
        return range(start, claimed.value)
