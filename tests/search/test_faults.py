"""A full disk and a read-only cache: a build that fails cleans up after itself and searching
goes on in memory; an index on a read-only file system is read when it is sound."""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import gc
import multiprocessing
import os
import pickle
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from unittest import mock

import pytest

from peskovtui import child as child_module
from peskovtui.child import spawn_context
from peskovtui.corpus.model import Article
from peskovtui.search import WhooshSearchEngine
from peskovtui.search import store as store_module
from peskovtui.search.integrity import index_files
from peskovtui.search.store import CorpusIndexDir, cache_root
from tests.search.articles import SEEDS, make_article
from tests.search.faults import fill_disk_after, read_only, snapshot

CORPUS = [str(SEEDS)]
IN_MEMORY = (
    "The search index could not be saved (No space left on device). Searching with an index "
    "in memory instead; it is not kept."
)


def articles(count: int) -> list[Article]:
    return [
        make_article(
            f"a{n:03d}", f"Report {n}", [f"The minister said on day {n} that talks go on."]
        )
        for n in range(count)
    ]


def leftovers(corpus: str) -> list[str]:
    """What the corpus's index directory holds besides its fixed files."""
    root = CorpusIndexDir.for_corpus([corpus]).root
    return sorted(p.name for p in root.iterdir() if p.name not in ("corpus.json", "lock"))


def build_on_a_full_disk(cache_home: str, corpus: str, budget: int, results: Any) -> None:
    """In a process of the test's own: build in a child process (forked, so that it and its
    workers inherit the full disk) and send back what the refresh reported."""
    os.environ["XDG_CACHE_HOME"] = cache_home
    fill_disk_after(budget)
    forked = multiprocessing.get_context("fork")
    fork = mock.patch.object(child_module, "spawn_context", lambda: forked)
    engine = WhooshSearchEngine([corpus], child_build_threshold=0)
    try:
        with fork:
            report = engine.refresh(articles(60))
        results.put(("report", report, engine.search("minister").total))
    except BaseException as error:
        results.put(("error", repr(error), 0))


# Out of space at once, while the workers write their segments, or near their end.
@pytest.mark.parametrize("budget", [0, 10_000, 30_000])
def test_a_full_disk_during_a_build_falls_back_to_memory_and_leaves_nothing(
    tmp_path: Path, xdg_dirs: Path, budget: int
) -> None:
    ctx = spawn_context()
    results = ctx.Queue()
    process = ctx.Process(
        target=build_on_a_full_disk, args=(str(xdg_dirs), str(tmp_path), budget, results)
    )
    process.start()
    try:
        kind, report, found = results.get(timeout=120)  # a bound for a hang, not a measure
    finally:
        process.join(timeout=60)
    assert kind == "report", report
    assert (report.location, report.rebuilt, report.notices) == ("memory", True, (IN_MEMORY,))
    assert found == 60
    assert leftovers(str(tmp_path)) == []


def test_a_full_disk_while_handing_the_articles_over_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def half_written(value: object, fh: Any, protocol: int | None = None) -> None:
        fh.write(b"x" * 4096)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(pickle, "dump", half_written)
    engine = WhooshSearchEngine([str(tmp_path)], child_build_threshold=0)
    report = engine.refresh(articles(5))
    assert (report.location, report.notices) == ("memory", (IN_MEMORY,))
    assert engine.search("minister").total == 5
    assert leftovers(str(tmp_path)) == []


# Whoosh leaves a file open when a full disk fails the last write that would close it; the
# warning comes when the file object is collected.
@pytest.mark.filterwarnings(
    r"ignore:Exception ignored in. <_io.FileIO:pytest.PytestUnraisableExceptionWarning"
)
def test_a_full_disk_during_a_refresh_removes_what_it_wrote(
    seed_list: list[Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = WhooshSearchEngine(CORPUS)
    engine.refresh(seed_list)
    gen = Path(engine.location)
    before = set(index_files(gen))
    fill_disk_after(2_000, monkeypatch)
    changed = dataclasses.replace(seed_list[0], text=seed_list[0].text + "\n\nA wombat.")
    report = engine.refresh([changed, *seed_list[1:], *articles(30)])
    assert (report.location, report.notices) == ("memory", (IN_MEMORY,))
    assert engine.search("wombat").total == 1
    on_disk = {p.name for p in gen.iterdir()}
    assert {n for n in on_disk if n.startswith(("MAIN", "_MAIN"))} == before | {"MAIN_WRITELOCK"}
    engine.close()
    gc.collect()  # the files Whoosh left open are collected here, not in a later test


def test_a_failed_atomic_write_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    (tmp_path / "index").mkdir()
    with pytest.raises(OSError, match="No space"):
        store_module.write_atomic(tmp_path / "index" / "CURRENT", "gen-0\n")
    assert list((tmp_path / "index").iterdir()) == []


def built(seed_list: list[Article]) -> Path:
    engine = WhooshSearchEngine(CORPUS)
    engine.refresh(seed_list)
    engine.close()
    return Path(engine.location)


@contextlib.contextmanager
def read_only_cache(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The cache as on a read-only file system, checked to be unchanged afterwards."""
    root = cache_root()
    before = snapshot(root)
    read_only(monkeypatch, root.parent)
    yield
    monkeypatch.undo()
    assert snapshot(root) == before


def test_a_sound_index_in_a_read_only_cache_is_read(
    seed_list: list[Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    gen = built(seed_list)
    with read_only_cache(monkeypatch):
        engine = WhooshSearchEngine(CORPUS)
        report = engine.refresh(seed_list)
        assert (report.rebuilt, report.location, report.notices) == (False, str(gen), ())
        assert engine.search("peskov").total == 5
        engine.close()


def test_a_read_only_index_is_brought_up_to_date_in_memory(
    seed_list: list[Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    built(seed_list)
    changed = dataclasses.replace(seed_list[0], text=seed_list[0].text + "\n\nA wombat.")
    with read_only_cache(monkeypatch):
        engine = WhooshSearchEngine(CORPUS)
        report = engine.refresh([changed, *seed_list[1:], *articles(2)])
        assert (report.added, report.changed, report.removed, report.rebuilt) == (2, 1, 0, False)
        assert report.location == "memory"
        assert report.notices == (
            "The cache directory is read-only: the saved search index is brought up to date in "
            "memory for this session.",
        )
        assert engine.search("wombat").total == 1
        assert engine.search("minister").total == 2
        assert engine.search("peskov").total == 5
        engine.close()


def test_a_damaged_index_in_a_read_only_cache_is_rebuilt_in_memory(
    seed_list: list[Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    gen = built(seed_list)
    (postings,) = gen.glob("*.pst")
    postings.write_bytes(bytes(postings.stat().st_size))
    with read_only_cache(monkeypatch):
        engine = WhooshSearchEngine(CORPUS)
        report = engine.refresh(seed_list)
        assert (report.rebuilt, report.location) == (True, "memory")
        assert report.notices == (
            f"The search index was damaged ({postings.name} changed); rebuilding it.",
            "The search index could not be saved (the cache directory is read-only). Searching "
            "with an index in memory instead; it is not kept.",
        )
        assert engine.search("peskov").total == 5
        engine.close()
