"""Two processes on one corpus, threads sharing one engine, and superseded searches."""

from __future__ import annotations

import dataclasses
import multiprocessing
import threading
from pathlib import Path
from typing import Any

import pytest

from peskovtui.corpus.model import Article
from peskovtui.search import (
    IndexUnavailable,
    LatestSearch,
    SearchCancelled,
    WhooshSearchEngine,
)
from peskovtui.search.build import build_here
from peskovtui.search.schema import SCHEMA_VERSION
from peskovtui.search.store import CorpusIndexDir
from tests.search.articles import SEEDS, make_article, seed_articles

CORPUS = [str(SEEDS)]
WAIT = 60  # seconds; only a safety net against a hung child, never reached when things work


def _writer_process(cache_home: str, ready: Any, go: Any, first_build: bool) -> None:
    """Hold the writer lock with an uncommitted Whoosh writer until told to commit; each
    commit is sealed, as the engine's are."""
    import os

    from whoosh.filedb.filestore import FileStorage

    from peskovtui.search.build import add_documents
    from peskovtui.search.generations import seal_index

    os.environ["XDG_CACHE_HOME"] = cache_home
    store = CorpusIndexDir.for_corpus(CORPUS)
    articles = seed_articles()
    extra = make_article("extra", "Quokka news", ["A quokka met Peskov."])
    items = [(a, (), (None, None, -1, -1), "") for a in [*articles, extra]]
    with store.writer_lock(timeout=5) as acquired:
        assert acquired
        if first_build:
            build = store.new_build_dir({"schema_version": SCHEMA_VERSION, "corpus": CORPUS})
            ready.set()
            go.wait(WAIT)
            build_here(build, items, None)
            built = FileStorage(str(build)).open_index()
            seal_index(build, built)
            built.close()
            store.publish(build)
            return
        gen = store.current()
        assert gen is not None
        ix = FileStorage(str(gen)).open_index()
        writer = ix.writer()
        add_documents(writer, items[-1:], None)  # written to disk, not yet committed
        ready.set()
        go.wait(WAIT)
        writer.commit()
        seal_index(gen, ix)


def _run_child(cache_home: Path, first_build: bool) -> tuple[Any, Any, Any]:
    ctx = multiprocessing.get_context("spawn")
    ready, go = ctx.Event(), ctx.Event()
    child = ctx.Process(target=_writer_process, args=(str(cache_home), ready, go, first_build))
    child.start()
    assert ready.wait(WAIT), "the writer process did not start"
    return child, ready, go


def test_second_process_reads_last_commit_while_first_writes(
    seed_list: list[Article], xdg_dirs: Path
) -> None:
    first = WhooshSearchEngine(CORPUS)
    first.refresh(seed_list)
    first.close()
    child, _, go = _run_child(xdg_dirs, first_build=False)
    try:
        reader = WhooshSearchEngine(CORPUS, lock_timeout=0.1)
        extra = make_article("extra", "Quokka news", ["A quokka met Peskov."])
        report = reader.refresh([*seed_list, extra])
        assert report.read_only
        assert any("Another peskovtui process" in n for n in report.notices)
        assert reader.search("peskov").total == 5  # the last committed state
        assert reader.search("quokka").total == 0
    finally:
        go.set()
        child.join(WAIT)
    assert child.exitcode == 0
    # Once the writer has committed, the next refresh sees its work and nothing is damaged.
    report = reader.refresh([*seed_list, extra])
    assert not report.read_only and not report.rebuilt
    assert (report.added, report.changed, report.removed) == (0, 0, 0)
    assert reader.search("quokka").total == 1
    assert reader.search("peskov").total == 6


def test_second_process_during_first_build_gets_a_clear_message(
    seed_list: list[Article], xdg_dirs: Path
) -> None:
    child, _, go = _run_child(xdg_dirs, first_build=True)
    try:
        other = WhooshSearchEngine(CORPUS, lock_timeout=0.1)
        with pytest.raises(IndexUnavailable, match="being built by another peskovtui process"):
            other.refresh(seed_list)
    finally:
        go.set()
        child.join(WAIT)
    assert child.exitcode == 0
    report = other.refresh(seed_list)
    assert not report.rebuilt
    assert report.removed == 1  # the child indexed one article this corpus load lacks
    assert other.search("peskov").total == 5


def test_threads_share_one_engine_safely(engine: WhooshSearchEngine) -> None:
    queries = [
        "peskov",
        '"the kremlin"',
        "presiden*",
        "peskof~1",
        "lousy OR sanctions",
        "title:putin",
    ]
    expected = {q: engine.search(q, limit=None) for q in queries}
    errors: list[BaseException] = []

    def worker(offset: int) -> None:
        try:
            for i in range(30):
                q = queries[(i + offset) % len(queries)]
                assert engine.search(q, limit=None) == expected[q]
        except BaseException as exc:  # collected for the main thread
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
    refresher = threading.Thread(target=lambda: [engine.refresh(seed_articles()) for _ in range(5)])
    for t in [*threads, refresher]:
        t.start()
    for t in [*threads, refresher]:
        t.join()
    assert errors == []


def test_cancelled_search_raises(engine: WhooshSearchEngine) -> None:
    with pytest.raises(SearchCancelled):
        engine.search("peskov", cancel=lambda: True)


def test_a_newer_search_supersedes_an_older_one(engine: WhooshSearchEngine) -> None:
    latest = LatestSearch(engine)
    inner = engine.search
    started = threading.Event()
    release = threading.Event()
    outcome: list[object] = []

    def slow_search(query: str, limit: int | None = 20, *, cancel: Any = None) -> Any:
        if query == "slow":
            started.set()
            release.wait(WAIT)
            return inner("peskov", limit, cancel=cancel)
        return inner(query, limit, cancel=cancel)

    setattr(engine, "search", slow_search)  # noqa: B010 (a method replaced by a slow one)

    def run_slow() -> None:
        try:
            outcome.append(latest.search("slow"))
        except SearchCancelled as exc:
            outcome.append(exc)

    t = threading.Thread(target=run_slow)
    t.start()
    assert started.wait(WAIT)
    newer = latest.search("kremlin")
    release.set()
    t.join()
    assert newer.total == 5
    assert isinstance(outcome[0], SearchCancelled)


def test_results_are_frozen(engine: WhooshSearchEngine) -> None:
    hit = engine.search("peskov").hits[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        hit.score = 0  # type: ignore[misc]
