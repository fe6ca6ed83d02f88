"""The persistent index: location, privacy, incremental refresh, rebuilds and fallbacks."""

from __future__ import annotations

import dataclasses
import os
import stat
from pathlib import Path

import pytest

from peskovtui.corpus.model import Article
from peskovtui.search import IndexUnavailable, RefreshReport, WhooshSearchEngine, manifest_file
from peskovtui.search import generations as generations_module
from peskovtui.search.refresh import Refresher
from peskovtui.search.schema import SCHEMA_VERSION
from peskovtui.search.store import CorpusIndexDir, cache_root, corpus_key
from tests.search.articles import SEEDS, make_article

CORPUS = [str(SEEDS)]


def open_engine(
    articles: list[Article], child_build_threshold: int = 1500
) -> tuple[WhooshSearchEngine, RefreshReport]:
    eng = WhooshSearchEngine(CORPUS, child_build_threshold=child_build_threshold)
    return eng, eng.refresh(articles)


def edited(article: Article, extra: str) -> Article:
    return dataclasses.replace(article, text=article.text + "\n\n" + extra)


def test_index_lives_privately_in_the_xdg_cache(seed_list: list[Article], xdg_dirs: Path) -> None:
    eng, report = open_engine(seed_list)
    root = cache_root()
    assert root.is_relative_to(xdg_dirs)
    key_dir = root / corpus_key(CORPUS)
    gen = Path(eng.location)
    assert gen.parent == key_dir
    for path in (root.parent, root, key_dir, gen):
        assert stat.S_IMODE(path.stat().st_mode) == 0o700
    assert report.rebuilt and report.added == len(seed_list)


def test_one_index_per_corpus(seed_list: list[Article], tmp_path: Path) -> None:
    a = WhooshSearchEngine(CORPUS)
    a.refresh(seed_list)
    b = WhooshSearchEngine([str(tmp_path)])
    b.refresh(seed_list[:2])
    assert Path(a.location).parent != Path(b.location).parent
    assert a.search("peskov").total == 5
    assert b.search("peskov").total == 2


def test_reopen_changes_nothing(seed_list: list[Article]) -> None:
    first, _ = open_engine(seed_list)
    first.close()
    second, report = open_engine(seed_list)
    assert report == RefreshReport(0, 0, 0, False, second.location, False, ())
    assert second.search("kremlin").total == 5


def test_incremental_refresh_touches_only_what_changed(seed_list: list[Article]) -> None:
    eng, _ = open_engine(seed_list)
    gen = eng.location
    new = make_article("new", "Zanzibar news", ["Nothing about the Kremlin here."])
    changed = edited(seed_list[1], "A quokka appeared.")
    articles = [seed_list[0], changed, *seed_list[3:], new]  # seed 2 removed
    report = eng.refresh(articles)
    assert (report.added, report.changed, report.removed, report.rebuilt) == (1, 1, 1, False)
    assert eng.location == gen
    assert [h.article_id for h in eng.search("quokka").hits] == [changed.id]
    assert [h.article_id for h in eng.search("zanzibar").hits] == ["new"]
    assert seed_list[2].id not in {h.article_id for h in eng.search("trump", limit=None).hits}
    # Another process opening the corpus later sees the same committed state.
    other, again = open_engine(articles)
    assert (again.added, again.changed, again.removed) == (0, 0, 0)
    assert other.search("quokka").total == 1


def test_touched_file_with_same_content_is_not_reindexed(
    seed_list: list[Article], tmp_path: Path
) -> None:
    source = tmp_path / "a.txt"
    source.write_text("x", encoding="utf-8")
    article = dataclasses.replace(seed_list[0], path=str(source))
    eng, _ = open_engine([article])
    os.utime(source, ns=(1, 1))
    report = eng.refresh([article])
    assert (report.added, report.changed, report.removed) == (0, 0, 0)


def test_schema_change_rebuilds_with_a_notice(
    seed_list: list[Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    open_engine(seed_list)[0].close()
    monkeypatch.setattr(generations_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    eng, report = open_engine(seed_list)
    assert report.rebuilt
    assert any("another version" in n for n in report.notices)
    assert eng.search("peskov").total == 5


@pytest.mark.parametrize("damage", ["garbage", "truncate", "delete"])
def test_corrupt_index_is_rebuilt_with_a_notice(seed_list: list[Article], damage: str) -> None:
    eng, _ = open_engine(seed_list)
    gen = Path(eng.location)
    eng.close()
    for f in gen.iterdir():
        if f.name == "peskovtui.json":
            continue
        if damage == "garbage":
            f.write_bytes(b"\x80not an index" * 50)
        elif damage == "truncate":
            f.write_bytes(f.read_bytes()[:10])
        else:
            f.unlink()
    eng, report = open_engine(seed_list)
    assert report.rebuilt
    assert any("damaged" in n for n in report.notices)
    assert Path(eng.location) != gen
    assert eng.search("peskov").total == 5


def test_unwritable_cache_falls_back_to_memory(
    seed_list: list[Article], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker / "cache"))  # cannot be created
    eng, report = open_engine(seed_list)
    assert eng.location == "memory"
    assert any("not writable" in n and "memory" in n for n in report.notices)
    assert eng.search("peskov").total == 5
    # Later refreshes stay in memory and stay incremental.
    again = eng.refresh([*seed_list, make_article("z", "Zanzibar", ["zebra"])])
    assert (again.added, again.rebuilt) == (1, False)
    assert eng.search("zebra").total == 1


def test_read_only_cache_dir_falls_back_to_memory(
    seed_list: list[Article], xdg_dirs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    xdg_dirs.chmod(0o500)
    if os.geteuid() == 0:
        # Root writes anywhere whatever the mode, so the kernel's refusal is simulated: creating
        # anything inside the read-only directory is denied.
        real_mkdir = Path.mkdir

        def denied(self: Path, *args: object, **kwargs: object) -> None:
            if self == xdg_dirs or xdg_dirs in self.parents:
                raise PermissionError(13, "Permission denied", str(self))
            real_mkdir(self, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(Path, "mkdir", denied)
    try:
        eng, report = open_engine(seed_list)
    finally:
        xdg_dirs.chmod(0o700)
    assert eng.location == "memory"
    assert any("memory" in n for n in report.notices)
    assert eng.search("peskov").total == 5
    assert not any(xdg_dirs.iterdir())  # nothing was written


def test_index_dir_writable_by_others_is_refused(seed_list: list[Article]) -> None:
    first, _ = open_engine(seed_list)
    key_dir = Path(first.location).parent
    first.close()
    key_dir.chmod(0o777)
    eng, report = open_engine(seed_list)
    assert eng.location == "memory"
    assert any("other users can write" in n for n in report.notices)
    assert eng.search("peskov").total == 5


def test_generation_file_writable_by_others_is_refused(seed_list: list[Article]) -> None:
    first, _ = open_engine(seed_list)
    gen = Path(first.location)
    first.close()
    next(p for p in gen.iterdir() if p.suffix == ".toc").chmod(0o666)
    eng, report = open_engine(seed_list)
    # The corpus dir is still private, so a fresh generation replaces the suspect one.
    assert report.rebuilt
    assert any("other users can write" in n for n in report.notices)
    assert Path(eng.location) != gen
    assert not gen.exists()


def test_build_in_a_child_process(seed_list: list[Article]) -> None:
    eng, report = open_engine(seed_list, child_build_threshold=2)
    assert report.rebuilt
    assert eng.search("peskov").total == 5
    progress: list[tuple[str, int, int]] = []
    eng.refresh(
        seed_list, rebuild=True, progress=lambda p: progress.append((p.phase, p.done, p.total))
    )
    assert ("Indexing articles", 5, 5) in progress


def test_a_short_build_is_not_published(
    seed_list: list[Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    eng, _ = open_engine(seed_list)
    good = eng.location
    monkeypatch.setattr(generations_module, "build_here", lambda d, items, p: len(items) - 1)
    with pytest.raises(IndexUnavailable, match="saved 4 of 5"):
        eng.refresh(seed_list, rebuild=True)
    store = CorpusIndexDir(Path(good).parent, CORPUS)
    assert store.current() == Path(good)
    assert not [p for p in Path(good).parent.iterdir() if p.name.startswith(".build-")]


def test_duplicate_ids_are_reported(seed_list: list[Article]) -> None:
    eng = WhooshSearchEngine(None)
    report = eng.refresh([seed_list[0], seed_list[0]])
    assert report.added == 1
    assert any("share the id" in n for n in report.notices)


def test_a_broken_manifest_file_falls_back_to_the_stored_fields(seed_list: list[Article]) -> None:
    eng, _ = open_engine(seed_list)
    gen = Path(eng.location)
    eng.close()
    (manifest,) = gen.glob("manifest-*")
    manifest.write_text("{not json", encoding="utf-8")
    eng, report = open_engine(seed_list)
    assert (report.added, report.changed, report.removed, report.rebuilt) == (0, 0, 0, False)
    assert eng.search("peskov").total == 5
    (manifest,) = gen.glob("manifest-*")
    generation = int(manifest.name.split("-")[1].split(".")[0])
    saved = manifest_file.read_entries(gen, generation)
    assert saved is not None and len(saved) == 5


def test_a_failed_save_falls_back_to_memory(
    seed_list: list[Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    eng, _ = open_engine(seed_list)

    def disk_full(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(CorpusIndexDir, "write_manifest", disk_full)
    report = eng.refresh([*seed_list, make_article("z", "Zanzibar", ["zebra"])])
    assert eng.location == "memory"
    assert report.rebuilt and report.added == len(seed_list) + 1
    assert any("could not be saved" in n for n in report.notices)
    assert eng.search("zebra").total == 1
    assert eng.search("peskov").total == 5


def test_refresh_reuses_the_open_index_until_another_process_commits(
    seed_list: list[Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    eng, _ = open_engine(seed_list)
    opened: list[object] = []
    original = Refresher._open_current

    def spy(self: Refresher, *args: object) -> object:
        opened.append(args)
        return original(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(Refresher, "_open_current", spy)
    changed = edited(seed_list[0], "A wombat.")
    report = eng.refresh([changed, *seed_list[1:]])
    assert (report.changed, opened) == (1, [])
    assert eng.search("wombat").total == 1
    # Another engine (as another process would) commits a change: the next refresh notices.
    other, _ = open_engine([changed, *seed_list[1:]])
    other.refresh([edited(changed, "A numbat."), *seed_list[1:]])
    before = len(opened)
    report = eng.refresh([edited(changed, "A numbat."), *seed_list[1:]])
    assert len(opened) == before + 1
    assert (report.added, report.changed, report.removed) == (0, 0, 0)
    assert eng.search("numbat").total == 1
