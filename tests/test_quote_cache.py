"""The quotes of a corpus are found once and kept: a reopened corpus extracts nothing, a changed
article is extracted again alone, and nothing stale is ever served (an edited article, a new
extractor, a damaged or unwritable cache, an article gone)."""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

from peskovtui.child import Children
from peskovtui.corpus import Article, Paragraph, SetAside
from peskovtui.library import Library, quotecache
from peskovtui.library import quoting as library_module
from peskovtui.quotes import Quote, extract
from peskovtui.quotes.corpus import CorpusQuotes, read_corpus_quotes
from peskovtui.usercache import cache_home
from tests.search.faults import read_only

EDITED = "004_67415639bfef48f7"
SAID = "“There should be more mutual respect in Russia-US ties, from our viewpoint, much more,”"


@pytest.fixture(autouse=True)
def every_corpus_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep the quotes of corpora of any size, so that small ones stand for big ones."""
    monkeypatch.setattr(library_module, "QUOTE_CACHE_MIN_ARTICLES", 0)


@pytest.fixture
def extracted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the articles whose quotes were extracted (not read from the cache)."""
    ids: list[str] = []
    real = extract.article_quotes

    def counted(article: Article) -> list[Quote]:
        ids.append(article.id)
        return real(article)

    monkeypatch.setattr(quotecache, "article_quotes", counted)
    return ids


@pytest.fixture
def corpus(tmp_path: Path, seeds: Path) -> Path:
    """The seed articles as a corpus of the user's (the bundled one is not kept)."""
    folder = tmp_path / "corpus"
    shutil.copytree(seeds, folder)
    return folder


def read(paths: Sequence[Path]) -> CorpusQuotes:
    library = Library.open(paths)
    try:
        return library.read_quotes().whole()
    finally:
        library.close()


def fresh(paths: Sequence[Path]) -> CorpusQuotes:
    """The quotes as found without any cache."""
    library = Library.open(paths)
    try:
        return read_corpus_quotes(library.articles)
    finally:
        library.close()


def entries() -> list[Path]:
    root = cache_home() / "quotes"
    return sorted(root.rglob("*.quotes")) if root.is_dir() else []


def test_a_reopened_corpus_extracts_nothing(corpus: Path, extracted: list[str]) -> None:
    first = read([corpus])
    assert len(extracted) == 5
    assert [p.name for p in entries()] == ["articles.quotes", "corpus.quotes"]
    second = read([corpus])
    assert len(extracted) == 5
    assert second == first == fresh([corpus])
    assert first.quotes and first.clusters


def test_an_edited_article_alone_is_extracted_again(corpus: Path, extracted: list[str]) -> None:
    read([corpus])
    path = corpus / f"{EDITED}.txt"
    path.write_text(
        path.read_text(encoding="utf-8").replace(SAID, f"{SAID} said Ivan Petrov. “And more.”"),
        encoding="utf-8",
    )
    extracted.clear()
    after = read([corpus])
    assert extracted == [EDITED]
    assert after == fresh([corpus])
    assert any(q.text == "And more." and q.article_id == EDITED for q in after.quotes)
    extracted.clear()
    assert read([corpus]) == after
    assert extracted == []


def test_an_article_gone_is_gone_from_the_quotes(corpus: Path, extracted: list[str]) -> None:
    read([corpus])
    (corpus / f"{EDITED}.txt").unlink()
    extracted.clear()
    after = read([corpus])
    assert extracted == []
    assert after == fresh([corpus])
    assert not any(q.article_id == EDITED for q in after.quotes)


def test_a_new_extractor_extracts_every_article_again(
    corpus: Path, extracted: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    read([corpus])
    monkeypatch.setattr(quotecache, "extractor_version", lambda: "a later extractor")
    extracted.clear()
    assert read([corpus]) == fresh([corpus])
    assert len(extracted) == 5


@pytest.mark.parametrize("damaged", ["articles.quotes", "corpus.quotes"])
def test_a_damaged_entry_is_passed_over(corpus: Path, extracted: list[str], damaged: str) -> None:
    first = read([corpus])
    (entry,) = [p for p in entries() if p.name == damaged]
    data = entry.read_bytes()
    entry.write_bytes(data[: len(data) // 2])
    assert read([corpus]) == first
    assert read([corpus]) == first


def test_an_unwritable_cache_still_gives_the_quotes(
    corpus: Path, extracted: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = cache_home()
    read_only(monkeypatch, root)
    assert read([corpus]) == fresh([corpus])
    assert read([corpus]) == fresh([corpus])
    assert len(extracted) == 10
    monkeypatch.undo()  # the cache dir of the test's own too: it is named by ``root``
    assert not (root / "quotes").exists()


@pytest.fixture
def children_ran(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The functions run in child processes, in order; every corpus is read in a child."""
    monkeypatch.setattr(library_module, "CHILD_QUOTES_THRESHOLD", 2)
    ran: list[str] = []
    real_run = Children.run

    def run(self: Children, function: Callable[..., Any], *args: Any) -> Any:
        ran.append(function.__name__)
        return real_run(self, function, *args)

    monkeypatch.setattr(Children, "run", run)
    return ran


def test_a_big_corpus_is_read_in_a_child_and_reopened_without_one(
    corpus: Path, children_ran: list[str]
) -> None:
    first = read([corpus])  # the child loads the corpus itself and keeps what it found
    assert children_ran == ["quotes_from_sources"]
    assert len(entries()) == 2
    assert read([corpus]) == first == fresh([corpus])
    assert children_ran == ["quotes_from_sources"]  # reopened: no child process


def test_a_child_that_loads_other_articles_is_sent_the_library_s_own(
    corpus: Path, children_ran: list[str]
) -> None:
    library = Library.open([corpus])
    path = corpus / f"{EDITED}.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("respect", "RESPECT"), "utf-8")
    try:
        read = library.read_quotes().whole()
        # The quotes are those of the articles the library shows, not of the file as it is now.
        assert read == read_corpus_quotes(library.articles)
        assert children_ran == ["quotes_from_sources", "kept_corpus_quotes"]
    finally:
        library.close()


def test_the_bundled_articles_are_not_kept() -> None:
    library = Library.open()
    library.read_quotes()
    library.close()
    assert entries() == []


def test_the_article_key_holds_everything_but_where_the_article_is() -> None:
    article = Article(
        id="a",
        title="T",
        text="T\n\nBody.",
        paragraphs=(Paragraph(0, 1, "title"), Paragraph(3, 8)),
        subtitle="S",
        outlet="O",
        authors=("A",),
        date="2017-01-01",
        dateline="MOSCOW",
        url="https://example.org",
        path="/x.txt",
        row=3,
        set_aside=(SetAside("line", "credit"),),
    )
    key = quotecache.article_key(article)
    assert quotecache.article_key(dataclasses.replace(article, path="/y.txt", row=4)) == key
    others: dict[str, Any] = {
        "id": "b",
        "title": "U",
        "text": "T\n\nBodY.",
        "paragraphs": (Paragraph(0, 1, "title"), Paragraph(3, 8, "heading")),
        "subtitle": "",
        "outlet": None,
        "authors": ("A", "B"),
        "date": None,
        "dateline": None,
        "url": None,
        "set_aside": (),
    }
    # Where the article is, and where its text is kept (the text itself is keyed).
    location = {"path", "row", "_starts", "_stored"}
    fields = {f.name for f in dataclasses.fields(Article)}
    assert set(others) == fields - location  # a new field of Article must be keyed, or placed
    for name, value in others.items():
        assert quotecache.article_key(dataclasses.replace(article, **{name: value})) != key, name
