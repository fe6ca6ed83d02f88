"""Matches scored in one pass give exactly what stepping Whoosh's matchers gives."""

from __future__ import annotations

import random
import traceback
from collections.abc import Iterator
from typing import Any

import pytest
from whoosh import query as wq

from peskovtui.corpus.model import Article
from peskovtui.search import SearchCancelled, WhooshSearchEngine
from peskovtui.search import cancel as cancel_module
from peskovtui.search import phrases as phrases_module
from peskovtui.search import postings as postings_module
from peskovtui.search import stems as stems_module
from peskovtui.search.scored import scored_list
from peskovtui.search.stems import StemWords, _StemScorer, resolve_stems
from tests.search.articles import make_article

WORDS = ["russia", "russian", "china", "chinese", "talks", "talking", "minister", "ministers"]
FILLER = ["the", "said", "in", "a", "statement", "on", "this", "week", "prime", "house"]
QUERIES = [
    "russia",
    "russia OR china",
    "talks AND minister",
    "(russia OR china) AND talks",
    "russia OR (china AND minister)",
    "russia NOT china",
    '"prime minister"',
    "title:russia OR china",
    # Words a partial term stands for: Whoosh's own term matchers, read and scored at once.
    "russ*",
    "minist* OR talk*",
    "(russ* OR chin*) AND minister",
    "talkin~1",
    # Phrases read at once: more parts, slop, a stem of several words.
    '"prime minister talks"',
    '"russia talks"~3',
    '"talking minister"',
]


def _articles(count: int, seed: int) -> list[Article]:
    rng = random.Random(seed)
    out = []
    for i in range(count):
        words = rng.choices(WORDS, k=rng.randint(0, 6)) + rng.choices(FILLER, k=rng.randint(1, 40))
        rng.shuffle(words)
        title = " ".join(rng.choices(WORDS + FILLER, k=3))
        out.append(make_article(f"a{i:04d}", title, [" ".join(words)]))
    return out


@pytest.fixture
def engine() -> Iterator[WhooshSearchEngine]:
    """An index of three commits (so several segments), one of them replacing articles."""
    eng = WhooshSearchEngine(None)
    first = _articles(300, 1)
    eng.refresh(first)
    second = first + [
        make_article(f"b{i:04d}", a.title, [a.text]) for i, a in enumerate(_articles(200, 2))
    ]
    eng.refresh(second)
    eng.refresh(_articles(40, 3) + second[40:])  # the first 40 changed: deletions in a segment
    yield eng
    eng.close()


def _answers(engine: WhooshSearchEngine, query: str) -> tuple[int, list[tuple[str, float]]]:
    results = engine.search(query, limit=None, ranged=0)
    return results.total, [(hit.article_id, hit.score) for hit in results.hits]


def _step_as_whoosh(monkeypatch: pytest.MonkeyPatch) -> None:
    """Searches from now on step Whoosh's tree of matchers article by article, collecting
    each match with the collector's own call: nothing merged, nothing kept at once."""
    monkeypatch.setattr(cancel_module, "scored_list", lambda *matcher: None)
    monkeypatch.setattr(cancel_module, "ScoredList", type("Unlike", (), {}))


@pytest.mark.parametrize("query", QUERIES)
def test_the_same_hits_scores_and_totals_as_stepping_the_matchers(
    engine: WhooshSearchEngine, query: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    merged = _answers(engine, query)
    top = engine.search(query, limit=5, ranged=0)
    _step_as_whoosh(monkeypatch)
    stepped = _answers(engine, query)
    assert merged == stepped
    assert merged[0] > 0
    again = engine.search(query, limit=5, ranged=0)
    assert [(h.article_id, h.score) for h in top.hits] == [
        (h.article_id, h.score) for h in again.hits
    ]
    assert top.total == again.total == merged[0]


def test_scores_worked_out_at_once_are_the_scorers_own(engine: WhooshSearchEngine) -> None:
    searcher = engine._index.searcher
    parsed = resolve_stems(wq.Term("text", "russia"), searcher.reader(), StemWords())
    checked = 0
    for sub, _ in searcher.leaf_searchers():
        matcher: Any = parsed.matcher(sub)
        scorer = _StemScorer(sub, "text_words", parsed.frequency, searcher.weighting)
        while matcher.is_active():
            assert matcher.score() == scorer.score(matcher)
            checked += 1
            matcher.next()
    assert checked > 100


@pytest.mark.parametrize("query", ["russia OR china", "(russia OR china) AND talks"])
def test_unions_and_intersections_of_stems_are_merged(
    engine: WhooshSearchEngine, query: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    merged: list[object] = []
    real = scored_list

    def spy(matcher: Any, *context: Any) -> Any:
        found = real(matcher, *context)
        merged.append(found)
        return found

    monkeypatch.setattr(cancel_module, "scored_list", spy)
    assert engine.search(query, limit=5).total > 0
    assert len(merged) == len(engine._index.searcher.leaf_searchers()) > 1
    assert all(found is not None for found in merged)


@pytest.mark.parametrize(
    ("query", "reading"),
    [
        pytest.param("russia OR china", "_merged", id="its stems"),
        pytest.param('"prime minister"', "phrase_articles", id="a phrase's positions"),
    ],
)
def test_a_search_is_cancelled_while_its_postings_are_read(
    engine: WhooshSearchEngine, monkeypatch: pytest.MonkeyPatch, query: str, reading: str
) -> None:
    monkeypatch.setattr(postings_module, "CHECK_EVERY", 1)

    def cancel() -> bool:
        return any(frame.name == reading for frame in traceback.extract_stack())

    with pytest.raises(SearchCancelled) as raised:
        engine.search(query, limit=5, cancel=cancel)
    assert any(entry.name == reading for entry in raised.traceback)


def _top(engine: WhooshSearchEngine, query: str, limit: int) -> tuple[int, list[tuple[str, float]]]:
    results = engine.search(query, limit=limit, ranged=0)
    return results.total, [(hit.article_id, hit.score) for hit in results.hits]


@pytest.mark.parametrize("query", ["russia OR china", "said", "minist*", '"prime minister"'])
def test_the_best_hits_kept_at_once_are_those_whoosh_keeps(
    engine: WhooshSearchEngine, query: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Short texts of a few words: many articles share a score, so which of them stay in the
    # best ``limit`` (the earlier article) is decided on every cut.
    limits = (1, 7, 50)
    merged = [_top(engine, query, limit) for limit in limits]
    _step_as_whoosh(monkeypatch)
    stepped = [_top(engine, query, limit) for limit in limits]
    assert merged == stepped
    scores = [score for _, score in _answers(engine, query)[1]]
    assert len(scores) > len(set(scores))  # ties there are


@pytest.mark.parametrize(
    "query",
    [
        '"prime minister"',
        '"prime minister talks"',
        '"russia talks"~3',
        '"talking minister"',
        'title:"russia china"',
        '"prime minister" OR russia',
        '"nosuchword minister"',
    ],
)
def test_a_phrase_read_at_once_matches_and_scores_as_whooshs_span_query(
    engine: WhooshSearchEngine, query: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    at_once = _answers(engine, query)
    monkeypatch.setattr(stems_module.StemPhrase, "_read_at_once", lambda self, reader: False)
    _step_as_whoosh(monkeypatch)
    assert at_once == _answers(engine, query)
    if "nosuchword" not in query:
        assert at_once[0] > 0


def test_a_phrase_typed_on_is_worked_out_once_per_index_reader(
    engine: WhooshSearchEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[object] = []
    real = phrases_module.phrase_articles

    def counted(*args: Any) -> Any:
        calls.append(args[0])
        return real(*args)

    monkeypatch.setattr(stems_module, "phrase_articles", counted)
    segments = len(engine._index.searcher.leaf_searchers())
    first = _answers(engine, '"prime minister')
    assert len(calls) == segments
    assert _answers(engine, '"prime minister"') == first  # the closing quote: the same phrase
    assert len(calls) == segments
    # A new reader (the corpus changed) works the phrase out again, on its own postings.
    changed = [*_articles(300, 1), make_article("z0001", "new", ["the prime minister said"])]
    engine.refresh(changed)
    again = _answers(engine, '"prime minister"')
    assert len(calls) > segments
    fresh = WhooshSearchEngine(None)
    fresh.refresh(changed)
    assert again[0] == _answers(fresh, '"prime minister"')[0] != first[0]
    fresh.close()
