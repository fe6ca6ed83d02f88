"""Index builds report labelled phases, each counted from 0 to its total, the commit included."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import Any

import pytest
from whoosh.filedb.filestore import FileStorage

from peskovtui.child import spawn_context
from peskovtui.corpus.model import Article
from peskovtui.search import DerivedSpeakers, IndexUnavailable, Progress, WhooshSearchEngine
from peskovtui.search import parallel as parallel_module
from peskovtui.search.build import add_documents, commit, counted_writer
from peskovtui.search.manifest import make_items
from peskovtui.search.progress import INDEXING, PUBLISHING, STARTING, WRITING
from peskovtui.search.schema import build_schema
from tests.search.articles import SEEDS, make_article


def check_phases(reports: list[Progress], expected: list[str]) -> dict[str, list[Progress]]:
    """Assert the phases come in ``expected`` order, never interleaved, each counted from 0
    up to its total without going back; returns the reports by phase."""
    order: list[str] = []
    for progress in reports:
        if not order or order[-1] != progress.phase:
            assert progress.phase not in order, f"{progress.phase} came back after another phase"
            order.append(progress.phase)
    assert order == expected
    by_phase = {phase: [p for p in reports if p.phase == phase] for phase in expected}
    for phase, seen in by_phase.items():
        assert seen[0].done == 0, phase
        assert seen[-1].done == seen[-1].total, phase
        assert seen[-1].finished
        assert len({p.total for p in seen}) == 1, f"{phase} changed its total"
        assert all(0 <= p.done <= p.total for p in seen), phase
        assert [p.done for p in seen] == sorted(p.done for p in seen), phase
    return by_phase


def postings_in(engine: WhooshSearchEngine) -> int:
    """How many postings the engine's index holds: one per (field, word, document)."""
    reader = engine._index.searcher.reader()
    return sum(reader.doc_frequency(field, word) for field, word in reader.all_terms())


def many_articles(count: int) -> list[Article]:
    """``count`` small distinct articles, enough for several batches of a parallel build."""
    return [
        make_article(
            f"a{n:03d}",
            f"Report number {n}",
            [f"The minister said on day {n} that talks would go on.", f"Word{n} appears once."],
        )
        for n in range(count)
    ]


def rebuild(
    engine: WhooshSearchEngine, articles: list[Article], expected: list[str]
) -> dict[str, list[Progress]]:
    """Rebuild with ``articles``, checking the phases; returns the reports by phase."""
    reports: list[Progress] = []
    engine.refresh(articles, rebuild=True, progress=reports.append)
    phases = check_phases(reports, expected)
    assert phases[INDEXING][-1].total == len(articles)
    # The commit is counted in what it writes: every posting of the index.
    assert phases[WRITING][-1].total == postings_in(engine)
    return phases


def test_a_build_in_this_process_reports_each_phase(seed_list: list[Article]) -> None:
    engine = WhooshSearchEngine([str(SEEDS)])
    rebuild(engine, seed_list, [INDEXING, WRITING, PUBLISHING])
    engine.close()


def test_a_build_in_a_child_process_reports_each_phase(seed_list: list[Article]) -> None:
    engine = WhooshSearchEngine([str(SEEDS)], child_build_threshold=2)
    rebuild(engine, seed_list, [STARTING, INDEXING, WRITING, PUBLISHING])
    assert engine.search("peskov").total == 5
    engine.close()


def test_a_child_build_of_many_batches_keeps_every_article(tmp_path: Path) -> None:
    # Batches of ten articles: both workers of the child take part.
    articles = many_articles(45)
    engine = WhooshSearchEngine([str(tmp_path)], child_build_threshold=2)
    rebuild(engine, articles, [STARTING, INDEXING, WRITING, PUBLISHING])
    for n in (0, 17, 44):
        assert [h.article_id for h in engine.search(f"word{n}").hits] == [f"a{n:03d}"]
    engine.close()


def test_a_refresh_in_place_reports_what_it_indexes_and_writes(seed_list: list[Article]) -> None:
    engine = WhooshSearchEngine([str(SEEDS)])
    engine.refresh(seed_list)
    changed = dataclasses.replace(seed_list[0], text=seed_list[0].text + " Quokka.")
    reports: list[Progress] = []
    report = engine.refresh([changed, *seed_list[1:]], progress=reports.append)
    assert report.changed == 1
    phases = check_phases(reports, [INDEXING, WRITING])
    assert phases[INDEXING][-1].total == 1
    engine.close()


def test_an_index_in_memory_reports_indexing_and_writing(seed_list: list[Article]) -> None:
    engine = WhooshSearchEngine(None)
    reports: list[Progress] = []
    engine.refresh(seed_list, progress=reports.append)
    check_phases(reports, [INDEXING, WRITING])
    assert engine.search("peskov").total == 5


def test_counts_read_as_words() -> None:
    assert Progress(INDEXING, 1200, 3785, "articles").count == "1,200 of 3,785 articles"
    assert Progress(PUBLISHING, 0, 1, "").count == ""
    assert Progress(INDEXING, 0, 1, "articles").count == "0 of 1 article"
    assert Progress(WRITING, 1, 1, "entries").amount == "1 entry"


def refuse_a007(article: Article) -> tuple[str, ...]:
    if article.id == "a007":
        raise ValueError("no speakers in a007")
    return ()


def test_a_worker_that_fails_fails_the_build_with_its_reason(tmp_path: Path) -> None:
    engine = WhooshSearchEngine([str(tmp_path)], child_build_threshold=2)
    engine.refresh(many_articles(3))
    good = engine.location
    failed = "^Building the search index failed: ValueError: no speakers in a007[.]$"
    with pytest.raises(IndexUnavailable, match=failed):
        engine.refresh(many_articles(20), speakers=DerivedSpeakers(refuse_a007, "1"), rebuild=True)
    assert not [p for p in Path(good).parent.iterdir() if p.name.startswith(".build-")]
    assert (Path(good).parent / "CURRENT").read_text().strip() == Path(good).name


def build_with_a_worker_that_dies(directory: str, results: Any) -> None:
    """In a child process (as in the app), build with the second worker ending at once."""
    work = parallel_module._work

    def die_or_work(number: int, *args: Any) -> None:
        if number == 1:
            os._exit(3)
        work(number, *args)

    setattr(parallel_module, "_work", die_or_work)  # noqa: B010 (a module's function, replaced)
    try:
        parallel_module.build_parallel(
            Path(directory), make_items(many_articles(30), None), None, 2
        )
    except IndexUnavailable as error:
        results.put(str(error))
    else:
        results.put("built")


def test_a_worker_that_dies_fails_the_build(tmp_path: Path) -> None:
    (tmp_path / "index").mkdir()
    ctx = spawn_context()
    results = ctx.Queue()
    # Not a daemon, like the build's child: it starts processes of its own.
    builder = ctx.Process(
        target=build_with_a_worker_that_dies, args=(str(tmp_path / "index"), results)
    )
    builder.start()
    try:
        assert results.get(timeout=120) == "an indexing process stopped (exit status 3)."
    finally:
        builder.join(timeout=30)
    assert builder.exitcode == 0


def build_with_pool_limit(
    directory: Path, articles: list[Article], limit: int
) -> tuple[Any, int, list[Progress]]:
    """Index ``articles`` with the pool of postings held to ``limit`` bytes in memory; returns
    the index, how many runs were written to disk before the commit, and its reports."""
    directory.mkdir()
    ix = FileStorage(str(directory)).create_index(build_schema())
    writer = counted_writer(ix.writer(compound=False), 128)
    writer.pool.limit = limit
    add_documents(writer, make_items(articles, None), None)
    runs = len(writer.pool.runs)
    reports: list[Progress] = []
    commit(writer, reports.append)
    return ix, runs, reports


def terms_of(ix: Any) -> list[tuple[str, bytes, list[int]]]:
    with ix.reader() as reader:
        return [
            (field, word, list(reader.postings(field, word).all_ids()))
            for field, word in reader.all_terms()
        ]


def test_postings_written_to_disk_are_merged_with_those_in_memory(
    seed_list: list[Article], tmp_path: Path
) -> None:
    in_memory, runs, _ = build_with_pool_limit(tmp_path / "memory", seed_list, 10**9)
    assert runs == 0
    spilled, runs, reports = build_with_pool_limit(tmp_path / "spilled", seed_list, 20_000)
    assert runs >= 2
    assert terms_of(spilled) == terms_of(in_memory)
    phases = check_phases(reports, [WRITING])
    assert phases[WRITING][-1].total == sum(len(ids) for *_, ids in terms_of(spilled))
