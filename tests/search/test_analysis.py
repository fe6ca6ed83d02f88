"""The analyzers: Porter2 stemming, case and accent folding, no stop words, exact positions."""

from __future__ import annotations

from peskovtui.search.analysis import fold, stem_analyzer, word_analyzer


def _stems(text: str) -> list[str]:
    return [t.text for t in stem_analyzer()(text)]


def test_porter2_maps_running_to_run() -> None:
    # Whoosh's default (Porter) stemmer would give "runn" in whoosh3.
    assert _stems("running runs ran") == ["run", "run", "ran"]
    assert _stems("relations relation") == ["relat", "relat"]


def test_case_and_accent_folding() -> None:
    assert _stems("PÉSKOV naïve Zoë") == ["peskov", "naiv", "zoe"]
    assert fold("Zoë MÜLLER") == "zoe muller"


def test_possessive_with_typographic_apostrophe_stems_like_ascii() -> None:
    assert _stems("Trump’s Trump's Trump") == ["trump", "trump", "trump"]


def test_stop_words_are_kept() -> None:
    assert _stems("the output of a test") == ["the", "output", "of", "a", "test"]


def test_token_ranges_index_the_original_text() -> None:
    text = "“Peskov’s” words — naïve, RUNNING!"
    for token in word_analyzer()(text, chars=True):
        surface = text[token.startchar : token.endchar]
        assert fold(surface) == token.text


def test_offset_tokens_equal_the_index_analyzers() -> None:
    from peskovtui.search.offsets import tokens
    from tests.search.articles import seed_articles

    samples = [a.text for a in seed_articles()]
    samples.append("ÉLYSÉE’s “naïve” don't İstanbul ß ﬁnance  Ǆ 2.5% e-mail _under_score ½ ²")
    for text in samples:
        words = [(t.text, t.startchar, t.endchar) for t in word_analyzer()(text, chars=True)]
        stems = [t.text for t in stem_analyzer()(text)]
        ours = tokens(text)
        assert [(t.word, t.start, t.end) for t in ours] == words
        assert [t.stem for t in ours] == stems
