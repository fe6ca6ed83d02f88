"""The quotes of a corpus are read back an article at a time from their store: a reopened
corpus holds none of them until asked, gives the same answers as the quotes held whole, and an
entry changed under an open corpus gives an error, never other quotes."""

from __future__ import annotations

import dataclasses
import gc
import shutil
from array import array
from collections.abc import Iterator
from pathlib import Path

import pytest

from peskovtui.library import Library
from peskovtui.library import quoting as library_module
from peskovtui.library.quotestore import KeptQuotesChanged, QuoteStore, stored_parts
from peskovtui.quotes import Quote
from peskovtui.quotes.corpus import read_corpus_quotes
from peskovtui.usercache import cache_home

ARTICLE = "004_67415639bfef48f7"


@pytest.fixture(autouse=True)
def every_corpus_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep the quotes of corpora of any size, so that small ones stand for big ones."""
    monkeypatch.setattr(library_module, "QUOTE_CACHE_MIN_ARTICLES", 0)


@pytest.fixture
def corpus(tmp_path: Path, seeds: Path) -> Path:
    """The seed articles as a corpus of the user's (the bundled one is not kept)."""
    folder = tmp_path / "corpus"
    shutil.copytree(seeds, folder)
    return folder


@pytest.fixture
def reopened(corpus: Path) -> Iterator[Library]:
    """The corpus with its quotes read once before (kept) and read again from the cache."""
    first = Library.open([corpus])
    first.read_quotes()
    first.close()
    library = Library.open([corpus])
    library.read_quotes()
    yield library
    library.close()


def entry() -> Path:
    (found,) = (cache_home() / "quotes").rglob("corpus.quotes")
    return found


def quotes_held() -> int:
    gc.collect()
    return sum(type(o) is Quote for o in gc.get_objects())


def test_a_reopened_corpus_holds_no_quote_until_one_is_asked_for(corpus: Path) -> None:
    first = Library.open([corpus])
    first.read_quotes()
    first.close()
    del first
    held = quotes_held()
    library = Library.open([corpus])
    library.read_quotes()
    assert quotes_held() == held
    quotes = library.article_quotes(ARTICLE)
    assert quotes
    assert quotes_held() - held == len(quotes)
    library.close()


def test_the_questions_asked_of_kept_quotes_answer_as_the_quotes_held_whole(
    reopened: Library,
) -> None:
    whole = read_corpus_quotes(reopened.articles)
    book = reopened.read_quotes()
    assert book.whole() == whole
    assert reopened.quotes(include_fragments=True) == list(whole.quotes)
    shown = [q for q in whole.quotes if not q.hidden_by_default]
    assert reopened.quotes() == shown
    assert reopened.quote_clusters() == list(whole.clusters)
    cluster_of = {(v.article_id, v.start, v.end): c.id for c in whole.clusters for v in c.versions}
    for quote in whole.quotes:
        assert reopened.cluster_id(quote) == cluster_of.get(
            (quote.article_id, quote.start, quote.end)
        )
        others = reopened.other_versions(quote)
        assert reopened.version_articles(quote) == [o.article_id for o in others]
    repeated = next(q for q in whole.quotes if reopened.cluster_id(q) is not None)
    others = reopened.other_versions(repeated)
    assert others and all(reopened.cluster_id(o) == reopened.cluster_id(repeated) for o in others)
    assert repeated not in others
    for article in reopened.articles:
        mine = [q for q in whole.quotes if q.article_id == article.id]
        assert reopened.article_quotes(article.id) == mine
        assert reopened.quote_counts()[article.id] == sum(not q.hidden_by_default for q in mine)
    peskov = [q for q in shown if q.speaker == "Dmitry Peskov"]
    assert peskov and reopened.quotes(speaker="peskov") == peskov
    assert reopened.quotes(ARTICLE, "peskov") == [q for q in peskov if q.article_id == ARTICLE]


def test_an_entry_changed_in_place_under_an_open_corpus_is_an_error(corpus: Path) -> None:
    first = Library.open([corpus])
    first.read_quotes()
    first.close()
    said = first.article_quotes(ARTICLE)[0].text.encode()
    library = Library.open([corpus])
    library.read_quotes()
    path = entry()
    data = bytearray(path.read_bytes())
    # A byte of the article's first quote: its quotes are the first place its words are in.
    at = data.find(said)
    assert at > 0
    data[at] ^= 1
    with path.open("r+b") as raw:  # in place: the open corpus reads this very file
        raw.write(data)
    with pytest.raises(KeptQuotesChanged, match="changed since it was opened"):
        library.article_quotes(ARTICLE)
    library.close()


def test_an_entry_replaced_under_an_open_corpus_is_read_as_it_was_opened(corpus: Path) -> None:
    first = Library.open([corpus])
    whole = first.read_quotes().whole()
    first.close()
    library = Library.open([corpus])
    library.read_quotes()
    path = entry()
    replacement = path.with_name("other")
    replacement.write_bytes(b"not an entry")
    replacement.replace(path)
    assert library.read_quotes().whole() == whole
    library.close()


def test_quotes_kept_as_another_article_s_are_an_error(reopened: Library) -> None:
    ids = [article.id for article in reopened.articles]
    index, parts = stored_parts(read_corpus_quotes(reopened.articles), ids)
    assert parts[0] != parts[1]
    # The first article's place holds the second's quotes, with their own (true) digest.
    data = b"".join(parts)
    checks = index.checks[16:32] + index.checks[16:]
    bounds = array("q")
    bounds.frombytes(index.bounds)

    class Other:
        def read(self, offset: int, size: int) -> bytes:
            if offset == 0:
                return parts[1]
            return data[offset : offset + size]

    store = QuoteStore(dataclasses.replace(index, checks=checks), Other())
    with pytest.raises(KeptQuotesChanged, match="another's"):
        store.quotes(0, ids[0])
    assert store.quotes(1, ids[1])


def test_the_quote_browser_s_quotes_are_those_listed_after_it(reopened: Library) -> None:
    table = reopened.quote_table
    listed = reopened.quotes(include_fragments=True)
    assert listed == list(table.quotes)
    assert all(a is b for a, b in zip(listed, table.quotes, strict=True))


def test_quotes_changed_under_the_command_line_are_one_sentence(
    corpus: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from peskovtui.cli import main

    first = Library.open([corpus])
    first.read_quotes()
    first.close()

    def changed(store: QuoteStore, at: int, article_id: str) -> None:
        raise KeptQuotesChanged("The quotes kept for this corpus were changed.")

    monkeypatch.setattr(QuoteStore, "quotes", changed)
    assert main(["quotes", str(corpus)]) == 1
    err = capsys.readouterr().err
    assert "peskovtui: The quotes kept for this corpus were changed." in err
    assert "Traceback" not in err
