"""A stem searched as the exact words it stands for finds and ranks what a stemmed field would.

The reference is Whoosh searching a stemmed copy of the text (the index as it was before it kept
exact words only); the same documents, in several segments with a deletion, are searched both
ways and must give the same articles with the same scores.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from whoosh import fields
from whoosh.filedb.filestore import RamStorage

from peskovtui.corpus.model import Article
from peskovtui.search import WhooshSearchEngine
from peskovtui.search.analysis import WORD_PATTERN, fold, stem_analyzer, word_analyzer
from peskovtui.search.cancel import search_cancellably
from peskovtui.search.offsets import stem_word
from peskovtui.search.query import parse_query
from peskovtui.search.schema import build_schema
from peskovtui.search.stems import StemWords, candidates_prefix, resolve_stems
from tests.search.articles import SEEDS, make_article

TEXTS = [
    "The president said the presidents met; presidential aides presided over the talks.",
    "President Putin and the president of France. The President's office declined.",
    "Relations between the countries: relational databases relate to the relation.",
    "White House officials said the white houses of the town were housed nearby.",
    "Dying, lying and tying: the dye lies on the tie. Hopping hopes, hoped and hoping.",
    "Possibility and possible abilities; the ability was able and ably shown.",
    "Sanctions sanctioned by the sanctioning body; a sanction on the house.",
    "the white house the white house the white house said the president",
]
QUERIES = [
    "president",
    "presidents",
    "relations",
    "house",
    "white house",
    '"white house"',
    '"the president"',
    '"white house said"~3',
    "president OR relations",
    "house NOT white",
    "president^2 house",
    "dying OR hopes OR ability",
    "sanctions",
    "nosuchword",
    '"white nosuchword"',
]


def _seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]


def _stemmed_schema() -> Any:
    return fields.Schema(
        id=fields.ID(stored=True, unique=True),
        text=fields.TEXT(analyzer=stem_analyzer(), phrase=True),
    )


def _words_schema() -> Any:
    return fields.Schema(
        id=fields.ID(stored=True, unique=True),
        text_words=fields.TEXT(analyzer=word_analyzer(), phrase=True),
    )


def _index(schema: Any, field: str, texts: list[str]) -> Any:
    """The texts in three segments, with one article deleted from the first (not merged)."""
    ix = RamStorage().create_index(schema)
    third = len(texts) // 3
    for chunk in (texts[:third], texts[third : 2 * third], texts[2 * third :]):
        writer = ix.writer()
        for text in chunk:
            writer.add_document(id=f"a{texts.index(text)}", **{field: text})
        writer.commit(merge=False)
    writer = ix.writer()
    writer.delete_by_term("id", "a1")
    writer.commit(merge=False)
    return ix


def _ranked(searcher: Any, query: Any) -> dict[str, float]:
    results = search_cancellably(searcher, query, None, None)
    return {hit["id"]: round(float(hit.score), 6) for hit in results}


@pytest.fixture(scope="module")
def both() -> Any:
    texts = TEXTS + _seed_texts()
    stemmed = _index(_stemmed_schema(), "text", texts)
    words = _index(_words_schema(), "text_words", texts)
    with stemmed.searcher() as s1, words.searcher() as s2:
        assert len(s1.reader().leaf_readers()) == 3
        yield s1, s2


@pytest.mark.parametrize("text", QUERIES)
def test_a_stem_finds_and_ranks_as_a_stemmed_field(both: Any, text: str) -> None:
    stemmed, words = both
    query = parse_query(text, build_schema())
    expected = _ranked(stemmed, query)
    found = _ranked(words, resolve_stems(query, words.reader(), StemWords()))
    assert found == expected
    if text != "nosuchword" and "nosuchword" not in text:
        assert expected


def test_a_stem_stands_for_every_word_it_is_the_stem_of(both: Any) -> None:
    stemmed, words = both
    found, frequency = StemWords().get(words.reader(), "text_words", "presid")
    assert found == ("presided", "president", "president's", "presidents")
    # Counted as Whoosh counts the stem's articles, the deleted one included until merged.
    assert frequency == stemmed.reader().doc_frequency("text", "presid") > 2


def _word_list() -> set[str]:
    words = {fold(w) for text in TEXTS + _seed_texts() for w in re.findall(WORD_PATTERN, text)}
    for path in (Path("/usr/share/dict/words"), Path("/usr/share/dict/american-english")):
        if path.exists():
            words |= {fold(w) for w in re.findall(WORD_PATTERN, path.read_text("utf-8"))}
    # Porter2's exceptions, and suffixes it rewrites rather than removes.
    words |= {"dying", "lying", "tying", "skies", "ugly", "early", "only", "idly", "gently"}
    words |= {"ability", "possibility", "valency", "rational", "hopping", "hoping", "cried"}
    return words


def test_every_word_starts_with_the_prefix_its_stem_is_looked_up_by() -> None:
    words = _word_list()
    misses = [w for w in words if not w.startswith(candidates_prefix(stem_word(w)))]
    assert misses == []


def test_a_refresh_that_brings_a_new_form_of_a_word_finds_it(seed_list: list[Article]) -> None:
    first = make_article("q1", "Marsupials", ["A quokka was seen on the island."])
    second = make_article("q2", "More marsupials", ["Two quokkas were seen on the island."])
    engine = WhooshSearchEngine([str(SEEDS)])
    try:
        engine.refresh([*seed_list, first])
        assert [h.article_id for h in engine.search("quokka").hits] == ["q1"]
        report = engine.refresh([*seed_list, first, second])
        assert not report.rebuilt
        results = engine.search("quokka")
        assert sorted(h.article_id for h in results.hits) == ["q1", "q2"]
        (hit,) = [h for h in results.hits if h.article_id == "q2"]
        assert [second.text[s:e] for s, e in hit.matches] == ["quokkas"]
        assert engine.search('"two quokka"').total == 1
    finally:
        engine.close()


def test_a_stems_article_count_takes_in_the_deleted_articles_a_segment_starts_with() -> None:
    # The second text opens the second segment and is deleted (see ``_index``): Whoosh's count
    # of a term's articles still holds it until the segment is merged.
    texts = ["the presidents met", "the president spoke", "a president and presidents", "none"]
    stemmed = _index(_stemmed_schema(), "text", texts)
    words = _index(_words_schema(), "text_words", texts)
    with stemmed.searcher() as s1, words.searcher() as s2:
        stem = stem_word("presidents")
        expected = s1.reader().doc_frequency("text", stem)
        assert expected == 3
        assert StemWords().get(s2.reader(), "text_words", stem) == (
            ("president", "presidents"),
            expected,
        )
