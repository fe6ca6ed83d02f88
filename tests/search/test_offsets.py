"""Match offsets index the display text exactly, whatever the query and the article length."""

from __future__ import annotations

from peskovtui.search import WhooshSearchEngine
from peskovtui.search.offsets import match_offsets
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
