"""The url: field: an article found by its source URL, written as the user pasted it, by the
index and by the scan alike."""

from __future__ import annotations

import dataclasses

import pytest

from peskovtui.corpus.model import Article
from peskovtui.search import SearchError
from tests.search.articles import make_article
from tests.search.conftest import BACKENDS, backend

URLS = {
    "a": "https://www.cnn.com/2017/01/10/politics/kremlin-talks/",
    "b": "http://abcnews.go.com/Politics/story?id=45310061",
    "c": "https://tass.com/politics/920000",
    "d": None,
}


def url_articles() -> list[Article]:
    made = []
    for n, (key, url) in enumerate(URLS.items()):
        article = make_article(key, f"Title {key}", [f"Peskov said something {n}.", "More."])
        made.append(dataclasses.replace(article, url=url))
    return made


def found(kind: str, query: str) -> list[str]:
    with backend(kind, url_articles(), source=None) as searcher:
        return sorted(h.article_id for h in searcher.search(query, limit=None).hits)


@pytest.mark.parametrize("kind", BACKENDS)
@pytest.mark.parametrize(
    "query",
    [
        "url:https://www.cnn.com/2017/01/10/politics/kremlin-talks/",
        'url:"https://www.cnn.com/2017/01/10/politics/kremlin-talks/"',
        "url:http://cnn.com/2017/01/10/politics/kremlin-talks",
        "URL:cnn.com/2017/01/10/politics/kremlin-talks#comments",
        "url:www.cnn.com/2017/01/10/politics/kremlin-talks/ peskov",
        "(url:https://www.cnn.com/2017/01/10/politics/kremlin-talks OR url:https://x.org/) peskov",
    ],
)
def test_a_url_written_any_way_finds_its_article(kind: str, query: str) -> None:
    assert found(kind, query) == ["a"]


@pytest.mark.parametrize("kind", BACKENDS)
def test_a_query_string_is_matched_exactly_not_as_a_wildcard(kind: str) -> None:
    assert found(kind, "url:http://abcnews.go.com/Politics/story?id=45310061") == ["b"]
    assert found(kind, 'url:"https://abcnews.go.com/Politics/story?id=45310061"') == ["b"]
    assert found(kind, "url:http://abcnews.go.com/Politics/story?id=4531006?") == []
    assert found(kind, "url:http://abcnews.go.com/politics/story?id=45310061") == []


@pytest.mark.parametrize("kind", BACKENDS)
def test_url_combines_with_other_terms(kind: str) -> None:
    assert found(kind, "peskov NOT url:https://tass.com/politics/920000") == ["a", "b", "d"]
    assert found(kind, "url:https://tass.com/politics/920000 title:b") == []
    assert found(kind, "url:https://tass.com/politics") == []


@pytest.mark.parametrize("kind", BACKENDS)
def test_url_inside_a_phrase_is_text(kind: str) -> None:
    assert found(kind, '"url:https://tass.com/politics/920000"') == []


@pytest.mark.parametrize("kind", BACKENDS)
def test_a_url_without_an_address_is_refused(kind: str) -> None:
    with pytest.raises(SearchError, match="names no web address"):
        found(kind, "url:#top")
