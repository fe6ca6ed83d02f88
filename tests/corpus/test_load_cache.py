"""The loading cache: a reopened data set is read from one file, and never stale (a change of
content with the same size and time, of size, a deleted file, a new loader); a damaged or
unwritable cache is passed over and the corpus loads as without it."""

from __future__ import annotations

import os
import pickle
from collections.abc import Iterator
from pathlib import Path

import pytest

from peskovtui.corpus import Corpus, LoadCache, load_corpus, loader, readers
from peskovtui.corpus import cache as load_cache
from peskovtui.corpus.streaming import Survey
from peskovtui.errors import CorpusError
from peskovtui.library import Library
from peskovtui.usercache import cache_home
from tests.search.faults import read_only

# Data sets of any size are kept in the loading cache (see conftest.py).
pytestmark = pytest.mark.usefixtures("every_data_set_kept")

ROWS = [
    ("a1", "Talks in Moscow", "The spokesman said “we are ready” on Monday."),
    ("a2", "A second story", "Nothing was said.\n\nA new paragraph follows."),
    ("a3", "Bad row", "one,two"),
]


def csv_text(rows: list[tuple[str, str, str]]) -> str:
    lines = ["article_id,title,text"]
    for article_id, title, text in rows:
        quoted = text.replace('"', '""')
        lines.append(f'{article_id},{title},"{quoted}"')
    return "\n".join(lines) + "\n"


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The data sets parsed (rather than read from the cache), in order."""
    parsed: list[Path] = []
    real = readers.dataset_records

    def counted(path: Path, *args: object, **kwargs: object) -> Iterator[object]:
        parsed.append(path)
        return real(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(loader, "dataset_records", counted)
    return parsed


def data_set(tmp_path: Path) -> Path:
    path = tmp_path / "news.csv"
    path.write_text(csv_text(ROWS), encoding="utf-8")
    return path


def entries() -> list[Path]:
    root = cache_home() / "corpora"
    return sorted(root.iterdir()) if root.is_dir() else []


def test_a_reopened_data_set_is_read_from_the_cache(tmp_path: Path, parses: list[Path]) -> None:
    path = data_set(tmp_path)
    plain = load_corpus([path])
    first = load_corpus([path], cache=LoadCache())
    assert len(entries()) == 1
    second = load_corpus([path], cache=LoadCache())
    assert parses == [path, path]  # the plain load and the first cached one, not the second
    assert second == first == plain
    assert [a.id for a in second.articles] == ["a1", "a2", "a3"]


def test_the_warnings_of_a_data_set_are_told_again_from_the_cache(
    tmp_path: Path, parses: list[Path]
) -> None:
    path = tmp_path / "rows.csv"
    path.write_text("id,title,text\n1,T1,Good.\n2,T2,Bad,extra\n", encoding="utf-8")
    first = load_corpus([path], cache=LoadCache())
    second = load_corpus([path], cache=LoadCache())
    assert len(parses) == 1
    assert second.warnings == first.warnings
    assert second.warnings == (f"{path} row 2 has 4 fields but the header has 3; skipped.",)


def test_a_change_of_content_with_the_same_size_and_time_is_seen(
    tmp_path: Path, parses: list[Path]
) -> None:
    path = data_set(tmp_path)
    load_corpus([path], cache=LoadCache())
    before = path.stat()
    path.write_text(csv_text(ROWS).replace("Moscow", "Minsk!"), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size
    assert path.stat().st_mtime_ns == before.st_mtime_ns
    corpus = load_corpus([path], cache=LoadCache())
    assert corpus.articles[0].title == "Talks in Minsk!"
    assert len(parses) == 2
    # The new contents are kept in place of the old, not beside them.
    assert len(entries()) == 1
    assert load_corpus([path], cache=LoadCache()) == corpus
    assert len(parses) == 2


def test_a_change_of_size_is_seen(tmp_path: Path) -> None:
    path = data_set(tmp_path)
    load_corpus([path], cache=LoadCache())
    path.write_text(csv_text([*ROWS, ("a4", "One more", "Added later.")]), encoding="utf-8")
    corpus = load_corpus([path], cache=LoadCache())
    assert [a.id for a in corpus.articles] == ["a1", "a2", "a3", "a4"]


def test_a_deleted_data_set_is_not_served_from_the_cache(tmp_path: Path) -> None:
    path = data_set(tmp_path)
    other = tmp_path / "other.txt"
    other.write_text("Another story\n\nIts text.\n", encoding="utf-8")
    load_corpus([path, other], cache=LoadCache())
    path.unlink()
    with pytest.raises(CorpusError, match="does not exist"):
        load_corpus([path], cache=LoadCache())
    corpus = load_corpus([path, other], cache=LoadCache())
    assert [a.id for a in corpus.articles] == ["other"]
    assert corpus.warnings == (f"{path} does not exist.",)


def test_a_new_loader_version_loads_again(
    tmp_path: Path, parses: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = data_set(tmp_path)
    load_corpus([path], cache=LoadCache())
    monkeypatch.setattr(load_cache, "loader_version", lambda: "a later loader")
    load_corpus([path], cache=LoadCache())
    assert len(parses) == 2


def test_the_loader_version_fingerprints_the_loading_code() -> None:
    version = load_cache.loader_version()
    assert len(version) == 32
    load_cache.loader_version.cache_clear()
    assert load_cache.loader_version() == version


def test_other_column_overrides_are_another_entry(tmp_path: Path, parses: list[Path]) -> None:
    path = tmp_path / "news.csv"
    path.write_text("id,headline,body\n1,Title one,Body one.\n", encoding="utf-8")
    as_body = load_corpus([path], {"text": "body"}, cache=LoadCache())
    as_headline = load_corpus([path], {"text": "headline"}, cache=LoadCache())
    assert as_body.articles[0].text != as_headline.articles[0].text
    assert load_corpus([path], {"text": "body"}, cache=LoadCache()) == as_body
    assert len(parses) == 2
    assert len(entries()) == 2


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data: data[: len(data) // 2], id="truncated"),
        pytest.param(lambda data: data.replace(b"Nothing was", b"Nothing wax"), id="flipped"),
        pytest.param(lambda data: b"", id="empty"),
        pytest.param(lambda data: b"\x80\x05garbage" * 50, id="garbage"),
    ],
)
def test_a_damaged_entry_is_passed_over_and_replaced(
    tmp_path: Path, parses: list[Path], damage: object
) -> None:
    path = data_set(tmp_path)
    load_corpus([path], cache=LoadCache())
    good = load_corpus([path])  # read in full, no entry involved
    (entry,) = entries()
    entry.write_bytes(damage(entry.read_bytes()))  # type: ignore[operator]
    again = load_corpus([path], cache=LoadCache())
    assert again == good  # no warning either: the damage is mended, not reported
    assert len(parses) == 3
    assert load_corpus([path], cache=LoadCache()) == good
    assert len(parses) == 3  # the entry was written anew


def test_a_reopened_data_set_holds_its_texts_in_the_entry(tmp_path: Path) -> None:
    path = data_set(tmp_path)
    plain = load_corpus([path])
    for corpus in (load_corpus([path], cache=LoadCache()), load_corpus([path], cache=LoadCache())):
        for article, read in zip(corpus.articles, plain.articles, strict=True):
            assert article.text == read.text
            # Another process is sent where the text is, and reads it there.
            sent = pickle.dumps(article)
            assert read.text.split()[-1].encode() not in sent
            assert pickle.loads(sent).text == read.text
            assert pickle.loads(sent) == read
            assert article.text_length == len(read.text)
            assert article.encoded_text() == read.text.encode()
            # Offsets are the spine: each paragraph is the same range of the same text.
            assert [article.text[p.start : p.end] for p in article.paragraphs] == [
                read.text[p.start : p.end] for p in read.paragraphs
            ]


def test_an_entry_changed_in_place_under_an_open_corpus_gives_no_other_text(
    tmp_path: Path,
) -> None:
    path = data_set(tmp_path)
    load_corpus([path], cache=LoadCache())
    opened = load_corpus([path], cache=LoadCache())
    (entry,) = entries()
    # Entries are only ever replaced whole; a change in place is refused, not read as text.
    entry.write_bytes(entry.read_bytes().replace(b"Nothing was", b"Nothing wax"))
    assert opened.articles[0].text.startswith("Talks in Moscow")
    with pytest.raises(OSError, match="changed after it was read"):
        _ = opened.articles[1].text


def test_an_unwritable_cache_is_told_once_and_the_corpus_loads(
    tmp_path: Path, parses: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    first = data_set(tmp_path)
    second = tmp_path / "more.csv"
    second.write_text(csv_text([("b1", "More", "More text.")]), encoding="utf-8")
    plain = load_corpus([first, second])
    root = cache_home()
    read_only(monkeypatch, root)
    corpus = load_corpus([first, second], cache=LoadCache())
    assert corpus.articles == plain.articles
    (notice,) = corpus.warnings
    assert notice.startswith(f"The loading cache in {cache_home() / 'corpora'} cannot be written")
    assert notice.endswith("; data sets are read in full each time.")
    monkeypatch.undo()  # the cache dir of the test's own too: it is named by ``root``
    assert not (root / "corpora").exists()


def test_the_library_keeps_a_big_data_set_but_not_the_bundled_articles(tmp_path: Path) -> None:
    Library.open().close()
    assert entries() == []
    path = data_set(tmp_path)
    library = Library.open([path])
    library.close()
    assert len(entries()) == 1
    reopened = Library.open([path])
    assert reopened.articles == library.articles
    reopened.close()


def test_a_small_data_set_is_not_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(load_cache, "MIN_CACHED_BYTES", 1 << 20)
    corpus: Corpus = load_corpus([data_set(tmp_path)], cache=LoadCache())
    assert len(corpus.articles) == 3
    assert entries() == []


def test_a_data_set_of_no_articles_is_named_as_such_with_an_unwritable_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "rows.csv"
    path.write_text("id,title,text\n1,T1,Bad,extra\n", encoding="utf-8")
    with pytest.raises(CorpusError) as plain:
        load_corpus([path])
    read_only(monkeypatch, cache_home())
    with pytest.raises(CorpusError) as cached:
        load_corpus([path], cache=LoadCache())
    assert str(cached.value) == str(plain.value)
    assert "row 1 has 4 fields" in str(plain.value)


def test_a_data_set_changed_between_its_hash_and_its_parse_is_kept_as_parsed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = data_set(tmp_path)
    hashed = path.stat()
    real = readers.survey_dataset

    def changed_meanwhile(source: Path) -> Survey | None:
        surveyed = real(source)  # hashed, then read a row at a time
        source.write_text(csv_text(ROWS).replace("Moscow", "Minsk"), encoding="utf-8")
        return surveyed

    monkeypatch.setattr(loader, "survey_dataset", changed_meanwhile)
    first = load_corpus([path], cache=LoadCache())
    assert first.articles[0].title == "Talks in Minsk"
    monkeypatch.setattr(loader, "survey_dataset", real)
    # The entry stands for the contents parsed, not for those hashed before the change: with
    # the first contents back, size, time and all, they are what is read.
    path.write_text(csv_text(ROWS), encoding="utf-8")
    os.utime(path, ns=(hashed.st_atime_ns, hashed.st_mtime_ns))
    assert load_corpus([path], cache=LoadCache()) == load_corpus([path])


def test_an_article_sent_elsewhere_reads_its_text_only_from_the_entry_it_came_from(
    tmp_path: Path,
) -> None:
    path = data_set(tmp_path)
    load_corpus([path], cache=LoadCache())
    opened = load_corpus([path], cache=LoadCache())
    sent = pickle.dumps(opened.articles[1])  # as to a child process
    assert pickle.loads(sent).text == opened.articles[1].text
    # The entry replaced by the one of other contents: the copy sent before cannot read it.
    path.write_text(csv_text(ROWS).replace("Nothing was", "Nothing were"), encoding="utf-8")
    assert load_corpus([path], cache=LoadCache()).articles[1].text.startswith("A second")
    with pytest.raises(OSError, match="was replaced"):
        _ = pickle.loads(sent).text
    assert opened.articles[1].text.endswith("Nothing was said.\n\nA new paragraph follows.")
