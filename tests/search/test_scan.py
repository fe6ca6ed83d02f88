"""Scanning the texts: what it answers like the index, what it says it cannot do, and where the
Library and the CLI use it (the agreement with the index is in the tests parametrized over
``BACKENDS``)."""

from __future__ import annotations

import itertools
import threading
from collections.abc import Iterator
from typing import Any

import pytest

from peskovtui.cli import main
from peskovtui.corpus.model import Article
from peskovtui.library import Library
from peskovtui.search import (
    IndexBuilding,
    ScanUnsupported,
    SearchCancelled,
    TextScan,
    WhooshSearchEngine,
)
from peskovtui.search import scan as scan_module
from peskovtui.search.offsets import tokens
from peskovtui.search.scan import SCAN_NOTICE
from peskovtui.search.store import cache_root
from tests.search.articles import make_article
from tests.search.faults import held_builds, read_only


@pytest.mark.parametrize(
    ("query", "named"),
    [
        ("speaker:peskov", "speaker:"),
        ('trump speaker:"hope hicks"', "speaker:"),
        ("title:[a TO c]", "range of words"),
    ],
)
def test_the_scan_names_what_it_cannot_search(
    seed_list: list[Article], query: str, named: str
) -> None:
    with pytest.raises(ScanUnsupported, match=named):
        TextScan(seed_list).search(query)


def test_scanned_results_say_so_and_keep_corpus_order(seed_list: list[Article]) -> None:
    results = TextScan(seed_list).search("peskov OR trump", limit=None)
    assert results.scanned
    assert results.notices == (SCAN_NOTICE,)
    order = [a.id for a in seed_list]
    ids = [h.article_id for h in results.hits]
    assert ids == sorted(ids, key=order.index)
    assert {h.score for h in results.hits} == {0.0}


def test_a_scan_stops_when_cancelled(seed_list: list[Article]) -> None:
    with pytest.raises(SearchCancelled):
        TextScan(seed_list).search("peskov", cancel=lambda: True)


def test_negations_and_dates_are_evaluated_over_every_article(seed_list: list[Article]) -> None:
    scan = TextScan(seed_list)
    undated = [a.id for a in seed_list if a.date is None]
    assert undated
    every = {a.id for a in seed_list}
    dated = {h.article_id for h in scan.search("date:..2017-12", limit=None).hits}
    assert dated == every - set(undated)
    assert {h.article_id for h in scan.search("NOT zzzz", limit=None).hits} == every
    assert scan.search("NOT peskov", limit=None).total == 0


@pytest.fixture
def held_build(
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[tuple[threading.Event, threading.Event]]:
    with held_builds(monkeypatch) as events:
        yield events


def test_the_library_scans_while_the_index_is_built(
    held_build: tuple[threading.Event, threading.Event],
) -> None:
    started, release = held_build
    library = Library.open()
    build = threading.Thread(target=library.refresh_index)
    build.start()
    try:
        assert started.wait(60)
        scanned = library.search("peskov", limit=None)
        assert scanned.scanned
        hit = scanned.hits[0]
        view = library.reader_view(hit.article_id, "peskov")
        assert view.matches == hit.matches != ()
        with pytest.raises(IndexBuilding, match="speaker:"):
            library.search("speaker:peskov")
        release.set()
        build.join()
        indexed = library.search("peskov", limit=None)
        assert not indexed.scanned
        assert {h.article_id for h in indexed.hits} == {h.article_id for h in scanned.hits}
        assert {h.article_id: h.matches for h in indexed.hits} == {
            h.article_id: h.matches for h in scanned.hits
        }
    finally:
        release.set()
        build.join()
        library.close()


def test_cli_search_scans_when_the_cache_cannot_hold_an_index(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = cache_root()
    root.mkdir(parents=True, exist_ok=True)
    read_only(monkeypatch, root.parent)
    status = main(["search", "peskov", "--format", "json"])
    out, err = capsys.readouterr()
    assert status == 0
    assert "The texts are scanned instead." in err
    assert SCAN_NOTICE in err
    assert out.count('"article_id"') == 5
    assert list(root.iterdir()) == []


def test_phrases_of_adjacent_words_agree_with_the_index(seed_list: list[Article]) -> None:
    """Every pair of adjacent words in the seeds, written as in the text, searched as a phrase
    (apostrophes, capitals and punctuation between the words included)."""
    tricky = make_article(
        "tricky",
        "Prime' minister",
        [
            "He said ’prime minister’ and prime'minister, x'prime minister, d’Prime Minister's "
            "office; PRIME-MINISTER’s aides and the prime ministers’ talks, rock'n'roll band.",
            "Primé Mínister of São Tomé, Zoë's prime-ministerial ambitions.",
        ],
    )
    articles = [*seed_list, tricky]
    pairs: set[str] = {'"prime minister"', '"x prime"', '"minister office"', '"rock n"'}
    for article in articles:
        words = tokens(article.text)
        for first, second in itertools.pairwise(words):
            pairs.add(f'"{article.text[first.start : first.end]} {second.word}"')
    scan = TextScan(articles)
    engine = WhooshSearchEngine(None)
    try:
        engine.refresh(articles)
        for query in sorted(pairs):
            indexed = engine.search(query, limit=None)
            scanned = scan.search(query, limit=None)
            assert [h.article_id for h in scanned.hits] == sorted(
                (h.article_id for h in indexed.hits), key=[a.id for a in articles].index
            ), query
    finally:
        engine.close()
    assert len(pairs) > 1000


def test_making_the_word_lists_stops_when_told(seed_list: list[Article]) -> None:
    with pytest.raises(SearchCancelled):
        TextScan(seed_list, stop=lambda: True).prepare()


def test_the_word_lists_are_made_once_and_only_before_the_index_is_ready(
    held_build: tuple[threading.Event, threading.Event], monkeypatch: pytest.MonkeyPatch
) -> None:
    started, release = held_build
    made: list[int] = []
    words = scan_module._Words

    def counted(articles: list[Article], stop: Any) -> Any:
        made.append(len(articles))
        return words(articles, stop)

    monkeypatch.setattr(scan_module, "_Words", counted)
    library = Library.open()
    build = threading.Thread(target=library.refresh_index)
    build.start()
    try:
        assert started.wait(60)
        library.prepare_scan()
        assert made == [5]
        assert library.search("peskov").scanned
        assert made == [5]
        release.set()
        build.join()
        library.prepare_scan()
        assert not library.search("peskov").scanned
        assert made == [5]
    finally:
        release.set()
        build.join()
        library.close()
