"""Reopening an index: the corpus's fingerprint, the manifest's file formats, stale detection."""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from peskovtui.corpus import LoadCache, cache, load_corpus
from peskovtui.corpus.model import Article
from peskovtui.search import WhooshSearchEngine, generations, manifest_file
from peskovtui.search.manifest import fingerprint, make_items
from peskovtui.search.manifest_file import ManifestEntry

ROWS = [
    ("a1", "2017-01-02", "Kremlin talks", "The walrus spoke to the Kremlin about trade."),
    ("a2", "2017-01-03", "Sanctions", "Sanctions were extended for six more months."),
    ("a3", "2017-01-04", "Weather", "Snow fell on Moscow for the third day running."),
    ("a4", "2017-01-05", "Elections", "Voters in France go to the polls in April."),
]


def write_csv(path: Path, rows: list[tuple[str, str, str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["article_id", "publish_date", "article_source_link", "title", "text"])
        for article_id, date, title, text in rows:
            out.writerow([article_id, date, f"https://example.com/{article_id}", title, text])


def load(path: Path) -> list[Article]:
    return list(load_corpus([path]).articles)


def reopen(path: Path) -> tuple[WhooshSearchEngine, tuple[int, int, int, bool]]:
    engine = WhooshSearchEngine([str(path)])
    report = engine.refresh(load(path))
    return engine, (report.added, report.changed, report.removed, report.rebuilt)


def rewrite(path: Path, rows: list[tuple[str, str, str, str]]) -> None:
    """Write ``rows`` to ``path`` and make sure its time differs from the one indexed."""
    before = path.stat().st_mtime_ns
    write_csv(path, rows)
    os.utime(path, ns=(before + 10**9, before + 10**9))


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "news.csv"
    write_csv(path, ROWS)
    engine, report = reopen(path)
    engine.close()
    assert report == (4, 0, 0, True)
    return path


def manifest_files(engine: WhooshSearchEngine) -> list[Path]:
    return sorted(Path(engine.location).glob("manifest-*"))


def assert_fixed(engine: WhooshSearchEngine) -> None:
    """The index finds the word article a1 says now, and no longer the one it replaced."""
    assert [h.article_id for h in engine.search("quokka").hits] == ["a1"]
    assert engine.search("walrus").total == 0


def assert_reindexed(path: Path) -> None:
    """Reopened, the index reindexes article a1 alone and finds what it says now."""
    engine, report = reopen(path)
    assert report == (0, 1, 0, False)
    assert_fixed(engine)
    engine.close()


def never_read(monkeypatch: pytest.MonkeyPatch, *names: tuple[object, str]) -> None:
    """Make reading any of ``names`` (module, function) fail the test."""

    def unread(*args: object) -> None:
        raise AssertionError("read what a reopen must not read")

    for module, name in names:
        monkeypatch.setattr(module, name, unread)


def test_an_unchanged_corpus_is_known_by_its_fingerprint_without_reading_the_entries(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    never_read(monkeypatch, (manifest_file, "read_entries"), (generations, "stored_manifest"))
    engine, report = reopen(corpus)
    assert report == (0, 0, 0, False)
    assert [h.article_id for h in engine.search("walrus").hits] == ["a1"]
    engine.close()


def test_an_article_changed_to_the_same_size_is_reindexed(corpus: Path) -> None:
    size = corpus.stat().st_size
    rewrite(corpus, [(*ROWS[0][:3], ROWS[0][3].replace("walrus", "quokka")), *ROWS[1:]])
    assert corpus.stat().st_size == size
    assert_reindexed(corpus)
    again, report = reopen(corpus)
    assert report == (0, 0, 0, False)
    assert again.search("quokka").total == 1
    again.close()


def test_an_open_index_follows_a_change_after_an_unchanged_refresh(corpus: Path) -> None:
    engine, report = reopen(corpus)
    assert report == (0, 0, 0, False)
    rewrite(corpus, [*ROWS[:3], (*ROWS[3][:3], "Voters in Peru go to the polls in April.")])
    refreshed = engine.refresh(load(corpus))
    assert (refreshed.added, refreshed.changed, refreshed.removed) == (0, 1, 0)
    assert [h.article_id for h in engine.search("peru").hits] == ["a4"]
    assert engine.search("france").total == 0
    engine.close()


def test_articles_added_and_removed_are_seen(corpus: Path) -> None:
    rewrite(corpus, [*ROWS[1:], ("a5", "2017-01-06", "Zanzibar", "Zebras in Zanzibar.")])
    engine, report = reopen(corpus)
    assert report == (1, 0, 1, False)
    assert engine.search("walrus").total == 0
    assert [h.article_id for h in engine.search("zebras").hits] == ["a5"]
    engine.close()


def test_a_manifest_in_the_format_before_is_read_and_saved_anew(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine, _ = reopen(corpus)
    (current,) = manifest_files(engine)
    generation = int(current.name.split("-")[1].split(".")[0])
    entries = manifest_file.read_entries(current.parent, generation)
    assert entries is not None
    engine.close()
    old = manifest_file.old_path_of(current.parent, generation)
    old.write_text(
        json.dumps(
            {
                key: [e.digest, e.path, e.row, e.size, e.mtime_ns, e.text_length, e.speakers]
                for key, e in entries.items()
            }
        ),
        encoding="utf-8",
    )
    current.unlink()

    # Read from the old file, not rebuilt nor read back from the index's stored fields.
    never_read(monkeypatch, (generations, "stored_manifest"))
    engine, report = reopen(corpus)
    assert report == (0, 0, 0, False)
    assert manifest_files(engine) == [current]
    assert manifest_file.read_entries(current.parent, generation) == entries
    head = manifest_file.read_head(current.parent, generation)
    assert head is not None and head.fingerprint is not None and head.count == 4
    engine.close()


def test_the_manifest_file_keeps_every_entry(tmp_path: Path) -> None:
    entries = {
        "a": ManifestEntry("d1", "/x/news.csv", 1, 10, 20, 30, ""),
        "b": ManifestEntry("d2", "/x/news.csv", 2, 10, 20, 31, "Putin\x1ePeskov", "00ff"),
        "c": ManifestEntry("d3", None, None, -1, -1, 5, ""),
        "d": ManifestEntry("d4", "/x/caf\udce9.txt", None, 3, 4, 5, "Putin\x1ePeskov"),
    }
    (tmp_path / "manifest-7.cols").write_text(
        manifest_file.encode(entries, "abc"), encoding="utf-8"
    )
    assert manifest_file.read_head(tmp_path, 7) == manifest_file.ManifestHead(4, "abc")
    assert manifest_file.read_entries(tmp_path, 7) == entries
    assert list(manifest_file.read_entries(tmp_path, 7) or {}) == ["a", "b", "c", "d"]


def test_the_fingerprint_changes_with_anything_the_diff_compares(tmp_path: Path) -> None:
    path = tmp_path / "news.csv"
    write_csv(path, ROWS)
    articles = load(path)
    items = make_items(articles, {"a2": ["Peskov"]})
    key = fingerprint(items)
    assert key is not None and key == fingerprint(make_items(articles, {"a2": ["Peskov"]}))
    first = items[0]
    article, names, (where, row, size, mtime), spoken = first
    variants = [
        (article, names, (where, row, size, mtime + 1), spoken),
        (article, names, (where, row, size + 1, mtime), spoken),
        (article, names, (where, (row or 0) + 1, size, mtime), spoken),
        (article, names, (f"{where}x", row, size, mtime), spoken),
        (article, names, (where, row, size, mtime), spoken + "Putin"),
        (articles[1], names, (where, row, size, mtime), spoken),
    ]
    for variant in variants:
        assert fingerprint([variant, *items[1:]]) != key
    assert fingerprint(items[1:]) != key
    assert fingerprint([items[1], items[0], *items[2:]]) != key
    assert fingerprint([(article, names, (None, row, -1, -1), spoken), *items[1:]]) is None


def rewrite_in_place(path: Path, write: Callable[[], object]) -> None:
    """Run ``write`` on ``path`` and give the file back its size and times to the nanosecond,
    as ``cp -p`` or ``rsync -t`` of another version does."""
    before = path.stat()
    write()
    assert path.stat().st_size == before.st_size
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_mtime_ns == before.st_mtime_ns


def typo_fixed(rows: list[tuple[str, str, str, str]]) -> list[tuple[str, str, str, str]]:
    """``rows`` with the walrus of the first article turned into a quokka (same length: 6)."""
    first = rows[0]
    return [(*first[:3], first[3].replace("walrus", "quokka")), *rows[1:]]


def test_a_data_set_rewritten_with_the_same_size_and_time_is_reindexed(corpus: Path) -> None:
    rewrite_in_place(corpus, lambda: write_csv(corpus, typo_fixed(ROWS)))
    assert_reindexed(corpus)
    again, report = reopen(corpus)
    assert report == (0, 0, 0, False)
    assert again.search("quokka").total == 1 and again.search("walrus").total == 0
    again.close()


def test_stored_texts_rewritten_with_the_same_size_and_time_are_reindexed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Kept in the loading cache whatever its size, so that its articles read their texts (and
    # their checks) from the cache entry, as a big data set's do.
    monkeypatch.setattr(cache, "MIN_CACHED_BYTES", 0)
    path = tmp_path / "news.csv"
    write_csv(path, ROWS)

    def cached_reopen() -> tuple[WhooshSearchEngine, tuple[int, int, int]]:
        articles = list(load_corpus([path], cache=LoadCache(tmp_path / "loaded")).articles)
        assert all(a._stored is not None for a in articles)
        engine = WhooshSearchEngine([str(path)])
        report = engine.refresh(articles)
        return engine, (report.added, report.changed, report.removed)

    engine, report = cached_reopen()
    engine.close()
    assert report == (4, 0, 0)
    rewrite_in_place(path, lambda: write_csv(path, typo_fixed(ROWS)))
    engine, report = cached_reopen()
    assert report == (0, 1, 0)
    assert_fixed(engine)
    engine.close()
    again, report = cached_reopen()
    assert report == (0, 0, 0)
    again.close()


def test_a_file_of_a_folder_rewritten_with_the_same_size_and_time_is_reindexed(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for article_id, _, title, text in ROWS:
        (folder / f"{article_id}.txt").write_text(f"{title}\n\n{text}\n", encoding="utf-8")
    engine, report = reopen(folder)
    engine.close()
    assert report == (4, 0, 0, True)
    first = folder / "a1.txt"
    changed = first.read_text(encoding="utf-8").replace("walrus", "quokka")
    rewrite_in_place(first, lambda: first.write_text(changed, encoding="utf-8"))
    assert_reindexed(folder)


def _as_format_2(current: Path) -> dict[str, ManifestEntry]:
    """Rewrite the manifest file ``current`` as it was saved before texts were checked (format
    2, no column of checks); the entries it held."""
    generation = int(current.name.split("-")[1].split(".")[0])
    entries = manifest_file.read_entries(current.parent, generation)
    assert entries is not None and all(e.text_check for e in entries.values())
    head_line, body_line = current.read_text(encoding="utf-8").splitlines()
    head, body = json.loads(head_line), json.loads(body_line)
    del body["checks"]
    current.write_text(json.dumps({**head, "format": 2}) + "\n" + json.dumps(body) + "\n")
    old = manifest_file.read_entries(current.parent, generation)
    assert old is not None and not any(e.text_check for e in old.values())
    return entries


def test_a_manifest_without_text_checks_is_given_them_without_reindexing(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine, _ = reopen(corpus)
    (current,) = manifest_files(engine)
    engine.close()
    entries = _as_format_2(current)

    never_read(monkeypatch, (generations, "stored_manifest"))
    engine, report = reopen(corpus)
    assert report == (0, 0, 0, False)
    assert manifest_files(engine) == [current]
    generation = int(current.name.split("-")[1].split(".")[0])
    assert manifest_file.read_entries(current.parent, generation) == entries
    head = manifest_file.read_head(current.parent, generation)
    assert head is not None and head.current and head.count == 4
    engine.close()
    # Known by its fingerprint from then on.
    never_read(monkeypatch, (manifest_file, "read_entries"))
    again, report = reopen(corpus)
    assert report == (0, 0, 0, False)
    again.close()


@pytest.mark.parametrize(
    "lose_text_checks",
    [
        pytest.param(_as_format_2, id="a manifest of the format before"),
        # Read back from the index's stored fields, which hold no text checks.
        pytest.param(Path.unlink, id="a manifest read back from the index"),
    ],
)
def test_a_manifest_without_text_checks_still_sees_a_text_changed_in_place(
    corpus: Path, lose_text_checks: Callable[[Path], object]
) -> None:
    engine, _ = reopen(corpus)
    (current,) = manifest_files(engine)
    engine.close()
    lose_text_checks(current)
    rewrite_in_place(corpus, lambda: write_csv(corpus, typo_fixed(ROWS)))
    assert_reindexed(corpus)


def test_the_fingerprint_changes_with_a_text_of_the_same_length(tmp_path: Path) -> None:
    path = tmp_path / "news.csv"
    write_csv(path, ROWS)
    items = make_items(load(path), None)
    key = fingerprint(items)
    rewrite_in_place(path, lambda: write_csv(path, typo_fixed(ROWS)))
    typo = make_items(load(path), None)
    assert [item[2] for item in typo] == [item[2] for item in items]
    assert fingerprint(typo) != key
