"""Damage is noticed: a file of the index that is not as it was written is found when the index
is opened, and the index is rebuilt with a notice."""

from __future__ import annotations

import dataclasses
import json
import os
import random
import zlib
from pathlib import Path

import pytest

from peskovtui.cli import main
from peskovtui.corpus.model import Article
from peskovtui.search import RefreshReport, WhooshSearchEngine
from peskovtui.search import integrity as integrity_module
from peskovtui.search.integrity import damage, index_files
from tests.search.articles import SEEDS

CORPUS = [str(SEEDS)]


def built(articles: list[Article]) -> Path:
    """Build the seeds' index and close it; its generation directory."""
    engine = WhooshSearchEngine(CORPUS)
    engine.refresh(articles)
    engine.close()
    return Path(engine.location)


def scramble(path: Path, seed: int = 7) -> None:
    """Overwrite the middle of ``path`` with random bytes, its size unchanged."""
    data = bytearray(path.read_bytes())
    rng = random.Random(seed)
    start = len(data) // 3
    for i in range(start, min(len(data), start + 64)):
        data[i] = rng.randrange(256)
    path.write_bytes(bytes(data))


def reopened(articles: list[Article]) -> tuple[WhooshSearchEngine, RefreshReport]:
    engine = WhooshSearchEngine(CORPUS)
    return engine, engine.refresh(articles)


@pytest.mark.parametrize("suffix", [".pst", "._stored.col", ".trm"])
def test_random_bytes_in_a_file_of_the_index_are_noticed(
    seed_list: list[Article], suffix: str
) -> None:
    gen = built(seed_list)
    (damaged,) = [p for p in gen.iterdir() if p.name.endswith(suffix)]
    scramble(damaged)
    engine, report = reopened(seed_list)
    assert report.rebuilt
    assert report.notices == (
        f"The search index was damaged ({damaged.name} changed); rebuilding it.",
    )
    assert Path(engine.location) != gen
    assert engine.search("peskov").total == 5
    engine.close()


def test_a_deleted_length_column_is_noticed_and_the_ranking_restored(
    seed_list: list[Article],
) -> None:
    gen = built(seed_list)
    engine, _ = reopened(seed_list)
    ranking = [(h.article_id, h.score) for h in engine.search("kremlin peskov").hits]
    engine.close()
    (column,) = [p for p in gen.iterdir() if p.name.endswith("._text_words_len.col")]
    column.unlink()
    engine, report = reopened(seed_list)
    assert report.rebuilt
    assert report.notices == (
        f"The search index was damaged ({column.name} is missing); rebuilding it.",
    )
    assert [(h.article_id, h.score) for h in engine.search("kremlin peskov").hits] == ranking
    engine.close()


def test_index_no_longer_calls_a_damaged_index_up_to_date(
    seeds: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["index", str(seeds)]) == 0
    out = capsys.readouterr().out
    gen = Path(out[out.rindex("(") + 1 : out.rindex(")")])
    (postings,) = [p for p in gen.iterdir() if p.suffix == ".pst"]
    scramble(postings)
    assert main(["index", str(seeds)]) == 0
    captured = capsys.readouterr()
    assert "built with 5 articles" in captured.out
    assert f"The search index was damaged ({postings.name} changed)" in captured.err


def test_an_index_without_its_checksums_is_rebuilt(seed_list: list[Article]) -> None:
    gen = built(seed_list)
    for sums in gen.glob("sums-*.json"):
        sums.unlink()  # as an index written before checksums were kept
    engine, report = reopened(seed_list)
    assert report.rebuilt
    assert report.notices == (
        "The search index was damaged (its checksums are missing); rebuilding it.",
    )
    assert damage(Path(engine.location)) is None
    engine.close()


def test_every_commit_is_sealed(seed_list: list[Article]) -> None:
    engine, _ = reopened(seed_list)
    gen = Path(engine.location)
    assert damage(gen) is None
    changed = dataclasses.replace(seed_list[0], text=seed_list[0].text + "\n\nA wombat.")
    engine.refresh([changed, *seed_list[1:]])  # a commit of its own in the same generation
    engine.close()
    assert damage(gen) is None
    assert [p.name for p in gen.glob("sums-*.json")] == ["sums-2.json"]
    listed = set(index_files(gen))
    on_disk = {p.name for p in gen.iterdir() if p.name.startswith(("MAIN_", "_MAIN_"))}
    assert on_disk - listed == {"MAIN_WRITELOCK"}
    scramble(next(gen / name for name in sorted(listed) if name.endswith(".pst")))
    _, report = reopened([changed, *seed_list[1:]])
    assert report.rebuilt


def test_a_file_touched_but_unchanged_is_read_once_then_trusted(
    seed_list: list[Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    gen = built(seed_list)
    for path in gen.iterdir():
        os.utime(path)  # a new modification and change time, the same bytes
    summed: list[str] = []
    real_sum = integrity_module._sum

    def counting(path: Path, info: os.stat_result) -> integrity_module.FileSum:
        summed.append(path.name)
        return real_sum(path, info)

    monkeypatch.setattr(integrity_module, "_sum", counting)
    engine, report = reopened(seed_list)
    engine.close()
    assert not report.rebuilt
    assert sorted(summed) == sorted(index_files(gen))  # each read once, to check it
    summed.clear()
    engine, report = reopened(seed_list)
    engine.close()
    assert not report.rebuilt and summed == []


def test_the_checksums_are_the_files_crc32(seed_list: list[Article]) -> None:
    gen = built(seed_list)
    (sums,) = gen.glob("sums-*.json")
    recorded = json.loads(sums.read_text(encoding="utf-8"))
    for name, (size, crc, *_) in recorded.items():
        data = (gen / name).read_bytes()
        assert (len(data), zlib.crc32(data)) == (size, crc)
    assert any(name.endswith(".toc") for name in recorded)
