"""Match offsets index the display text exactly, whatever the query and the article length."""

from __future__ import annotations

import itertools

from peskovtui.corpus.model import Article
from peskovtui.search import WhooshSearchEngine
from peskovtui.search.offsets import (
    MatchPlan,
    Range,
    _inside,
    _phrase_spans,
    _region_ranges,
    build_plan,
    match_offsets,
    merge,
    plan_offsets,
    tokens,
)
from peskovtui.search.query import parse_query
from peskovtui.search.results import make_snippet
from peskovtui.search.schema import build_schema
from tests.search.articles import make_article

SCHEMA = build_schema()

ARTICLE = make_article(
    "a1",
    "Peskov on relations with the Kremlin",
    [
        "The output of the talks: Peskov’s relation to the press is running smoothly.",
        "Presidential aides said the president-elect was “naïve”. The output was clear.",
    ],
    subtitle="Putin spokesman speaks",
)


def surfaces(query: str) -> list[str]:
    return [ARTICLE.text[s:e] for s, e in match_offsets(ARTICLE, parse_query(query, SCHEMA))]


def test_stemmed_terms_give_the_surface_form() -> None:
    assert surfaces("relation") == ["relations", "relation"]
    assert surfaces("runs") == ["running"]


def test_possessive_and_accents() -> None:
    assert surfaces("peskov") == ["Peskov", "Peskov’s"]
    assert surfaces("naive") == ["naïve"]


def test_phrase_gives_its_own_span_with_stop_words() -> None:
    assert surfaces('"the output"') == ["The output", "The output"]
    assert surfaces("president-elect") == ["president-elect"]


def test_prefix_wildcard_and_fuzzy_without_an_index() -> None:
    assert surfaces("presiden*") == ["Presidential", "president"]
    assert surfaces("peskof~1") == ["Peskov"]  # "peskov’s" is two edits away
    assert surfaces("r*ing") == ["running"]


def test_field_terms_only_match_in_their_region() -> None:
    assert surfaces("title:peskov") == ["Peskov"]
    assert ARTICLE.text.index("Peskov") == 0
    assert surfaces("subtitle:putin") == ["Putin"]
    assert surfaces("title:putin") == []


def test_negated_terms_are_not_highlighted() -> None:
    assert surfaces("peskov NOT putin") == ["Peskov", "Peskov’s"]
    assert surfaces("relation -whatever") == ["relations", "relation"]


def test_metadata_fields_have_no_text_offsets() -> None:
    assert surfaces("outlet:cnn author:smith date:2017") == []


def test_matches_beyond_32k_characters() -> None:
    filler = "Nothing to see in this sentence. " * 2000  # 66,000 characters
    long = make_article("long", "A long article", [filler, "At the very end Peskov spoke."])
    ranges = match_offsets(long, parse_query("peskov", SCHEMA))
    assert len(ranges) == 1
    start, end = ranges[0]
    assert start > 65_000
    assert long.text[start:end] == "Peskov"


def test_matches_beyond_32k_characters_through_the_engine() -> None:
    filler = "Nothing to see in this sentence. " * 2000
    long = make_article("long", "A long article", [filler, "At the very end Peskov spoke."])
    engine = WhooshSearchEngine(None)
    engine.refresh([long])
    for query in ("peskov", "pesk*", "peskof~1", '"end peskov"'):
        (hit,) = engine.search(query).hits
        assert [long.text[s:e] for s, e in hit.matches] in (["Peskov"], ["end Peskov"])
        assert "Peskov" in hit.snippet.text
        for s, e in hit.snippet.highlights:
            assert hit.snippet.text[s:e] in ("Peskov", "end Peskov")


def test_snippet_highlights_index_the_snippet() -> None:
    ranges = match_offsets(ARTICLE, parse_query("output", SCHEMA))
    snippet = make_snippet(ARTICLE.text, ranges, width=60)
    assert "\n" not in snippet.text
    assert snippet.highlights
    for s, e in snippet.highlights:
        assert snippet.text[s:e].lower() == "output"


def _read_word_by_word(article: Article, plan: MatchPlan) -> tuple[Range, ...]:
    """What ``plan_offsets`` finds, read one word of the text at a time (the way it was done
    before it found written forms by pattern)."""
    toks = tokens(article.text)
    found: list[Range] = []
    regions = set(plan.stems) | set(plan.words) | set(plan.predicates) | set(plan.phrases)
    for region in regions:
        bounds = _region_ranges(article, region)
        stems = plan.stems.get(region, set())
        words = plan.words.get(region, set())
        predicates = plan.predicates.get(region, [])
        hits = [
            (t.start, t.end)
            for t in toks
            if t.stem in stems or t.word in words or any(p(t.word) for p in predicates)
        ]
        for phrase, slop in plan.phrases.get(region, []):
            hits.extend(_phrase_spans(toks, phrase, slop))
        found.extend(h for h in hits if region is None or _inside(bounds, *h))
    return merge(found)


TRICKY = make_article(
    "tricky",
    "Prime' minister",
    [
        "He said ’prime minister’ and prime'minister, x'prime minister, d’Prime Minister's "
        "office; PRIME-MINISTER’s aides, the prime ministers’ talks; minister minister minister.",
        "Primé Mínister of São Tomé, Zoë's prime-ministerial ambitions, rock'n'roll band.",
    ],
    subtitle="The minister’s day",
)


def test_patterns_of_written_forms_find_what_reading_word_by_word_finds(
    seed_list: list[Article],
) -> None:
    articles = [*seed_list, TRICKY]
    queries: set[str] = {'"minister minister"', '"prime minister"~3', "title:minister"}
    for article in articles:
        words = tokens(article.text)
        for n, (first, second) in enumerate(itertools.pairwise(words)):
            if n % 7 == 0:
                queries |= {first.word, f"{first.word[:3]}*", f'"{first.word} {second.word}"'}
                queries |= {f"title:{first.word}", f"subtitle:{second.word}"}
    plans = [build_plan(parse_query(q, SCHEMA)) for q in sorted(queries)]
    compared = 0
    for article in articles:
        for plan in plans:
            assert plan_offsets(article, plan) == _read_word_by_word(article, plan)
            compared += bool(plan_offsets(article, plan))
    assert len(queries) > 500
    assert compared > 1000
