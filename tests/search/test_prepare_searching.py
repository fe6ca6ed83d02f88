"""The first search's one-time costs paid ahead, once the index is ready."""

from __future__ import annotations

from peskovtui.library import Library
from peskovtui.search.analysis import fold
from peskovtui.search.offsets import WORD_RE, stem_word
from tests.search.articles import SEEDS


def _cached(words: set[str]) -> set[str]:
    """Those of ``words`` whose stems ``stem_word`` already keeps."""
    kept = set()
    for word in words:
        hits = stem_word.cache_info().hits
        stem_word(word)
        if stem_word.cache_info().hits > hits:
            kept.add(word)
    return kept


def test_the_stems_of_the_articles_words_are_learnt_once_the_index_is_ready() -> None:
    library = Library.open([SEEDS])
    words = {fold(form) for article in library.articles for form in WORD_RE.findall(article.text)}
    stem_word.cache_clear()
    library.prepare_searching()  # no index yet: nothing is done
    assert stem_word.cache_info().currsize == 0
    library.refresh_index()
    stem_word.cache_clear()
    library.prepare_searching()
    assert _cached(words) == words
    library.close()


def test_nothing_is_prepared_once_the_library_is_closed() -> None:
    library = Library.open([SEEDS])
    library.refresh_index()
    library.close()
    stem_word.cache_clear()
    library.prepare_searching()
    assert stem_word.cache_info().currsize == 0
