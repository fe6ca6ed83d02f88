"""On the seeds, the engine's hits and match ranges agree with a brute-force oracle."""

from __future__ import annotations

import pytest

from peskovtui.corpus.model import Article
from peskovtui.search import WhooshSearchEngine
from peskovtui.search.engine import Searcher
from tests.search import oracle as o

CASES: list[tuple[str, o.Node]] = [
    ("peskov", o.term("peskov")),
    ("Kremlin", o.term("kremlin")),
    ("relation", o.term("relation")),
    ("meetings", o.term("meetings")),
    ("interfered", o.term("interfered")),
    ("hoping", o.term("hoping")),
    ("agreed", o.term("agreed")),
    ("peskov trump", o.All((o.term("peskov"), o.term("trump")))),
    ("lousy OR sanctions", o.Any_((o.term("lousy"), o.term("sanctions")))),
    ("trump NOT lousy", o.All((o.term("trump"), o.Not(o.term("lousy"))))),
    (
        "peskov AND (lousy OR wikileaks)",
        o.All((o.term("peskov"), o.Any_((o.term("lousy"), o.term("wikileaks"))))),
    ),
    ('"the kremlin"', o.Phrase("the kremlin")),
    ('"President-elect Donald Trump"', o.Phrase("President-elect Donald Trump")),
    ('"mutual respect"', o.Phrase("mutual respect")),
    ("presiden*", o.prefix("presiden")),
    ("kreml*", o.prefix("kreml")),
    ("peskof~1", o.fuzzy("peskof", 1)),
    ("kremlim~1", o.fuzzy("kremlim", 1)),
    ("title:peskov", o.term("peskov", "title")),
    ("title:kremlin putin", o.All((o.term("kremlin", "title"), o.term("putin")))),
    ("outlet:cnn", o.Meta(lambda a: "cnn" in o.name_words(a.outlet))),
    (
        'outlet:"al jazeera" trump',
        o.All((o.Meta(lambda a: a.outlet == "Al Jazeera"), o.term("trump"))),
    ),
    ("author:smith", o.Meta(lambda a: "smith" in o.name_words(a.authors))),
    ("author:zoe", o.Meta(lambda a: "zoe" in o.name_words(a.authors))),
    (
        "date:2017-01..2017-03",
        o.Meta(lambda a: a.date is not None and "2017-01" <= a.date[:7] <= "2017-03"),
    ),
    (
        "date:2016 peskov",
        o.All((o.Meta(lambda a: (a.date or "").startswith("2016")), o.term("peskov"))),
    ),
]


@pytest.mark.parametrize(("query", "node"), CASES, ids=[c[0] for c in CASES])
def test_engine_agrees_with_oracle(
    searcher: Searcher, seed_list: list[Article], query: str, node: o.Node
) -> None:
    expected = {a.id for a in seed_list if node.matches(a)}
    results = searcher.search(query, limit=None)
    assert {h.article_id for h in results.hits} == expected
    assert results.total == len(expected)
    by_id = {a.id: a for a in seed_list}
    for hit in results.hits:
        article = by_id[hit.article_id]
        assert hit.matches == o.merged(node.spans(article))
        assert hit.match_count == len(hit.matches)
        for start, end in hit.matches:
            assert 0 <= start < end <= len(article.text)
        assert searcher.match_offsets(article, query) == hit.matches


def test_scores_are_ranked(engine: WhooshSearchEngine) -> None:
    scores = [h.score for h in engine.search("peskov kremlin", limit=None).hits]
    assert scores == sorted(scores, reverse=True)
    assert all(s > 0 for s in scores)


def test_limit_bounds_hits_not_total(searcher: Searcher) -> None:
    results = searcher.search("peskov", limit=2)
    assert len(results.hits) == 2
    assert results.total == 5


def test_speakers_field_is_filled_from_the_caller(seed_list: list[Article]) -> None:
    engine = WhooshSearchEngine(None)
    engine.refresh(seed_list)
    assert engine.search("speaker:peskov").total == 0
    first = seed_list[0].id
    engine.refresh(seed_list, speakers={first: ["Dmitry Peskov"]})
    assert [h.article_id for h in engine.search("speaker:peskov").hits] == [first]
    engine.refresh(seed_list, speakers=lambda a: ["Vladimir Putin"] if a.id != first else [])
    assert engine.search('speaker:"vladimir putin"').total == len(seed_list) - 1
