"""A search's total counts every matching article, however many there are past the best hits.

Whoosh's collector of the best N hits replaces its matcher as it goes with one that leaves out
what can no longer reach the best N: once the lowest kept hit scores above what either branch
of an OR can score alone, the OR becomes an AND and the articles with only one branch are
never seen. It takes a full list of best hits and then a better hit raising the lowest kept
score, so the corpora here put 20 middling articles first, better ones next, and the many
articles that hold one word only after them. An OR of two queries uses the tree of matchers
that is replaced at any size; an OR of three or more (what a prefix expands to) only above
5,000 documents in the index, below that Whoosh reads all of its matches into an array first.
"""

from __future__ import annotations

import pytest
from whoosh import fields
from whoosh import query as wq
from whoosh.filedb.filestore import RamStorage

from peskovtui.corpus.model import Article
from peskovtui.search.cancel import search_cancellably
from tests.search import oracle as o
from tests.search.articles import make_article
from tests.search.conftest import BACKENDS, backend

FILLER = ["the", "minister", "said", "in", "a", "statement", "on", "the", "talks", "this", "week"]
WORDS = ("russia", "china")


def _corpus(words: tuple[str, ...], strong: int, weak: int) -> list[str]:
    """Texts: 20 with each word once, ``strong`` with each three times, then ``weak`` with one
    word each among more and more filler."""
    texts = [" ".join([*FILLER, *words]) for _ in range(20)]
    texts += [" ".join(words * 3) for _ in range(strong)]
    texts += [" ".join([*FILLER * (1 + i % 4), words[i % len(words)]]) for i in range(weak)]
    return texts


def _articles(texts: list[str]) -> list[Article]:
    return [make_article(f"a{i:05d}", f"Report {i}", [text]) for i, text in enumerate(texts)]


@pytest.mark.parametrize(
    ("query", "words", "node"),
    [
        ("russia OR china", WORDS, o.Any_(tuple(o.term(w) for w in WORDS))),
        ("presiden*", ("president", "presidency"), o.prefix("presiden")),
    ],
)
@pytest.mark.parametrize("kind", BACKENDS)
def test_total_counts_articles_past_the_best_hits(
    kind: str, query: str, words: tuple[str, ...], node: o.Node
) -> None:
    articles = _articles(_corpus(words, strong=5, weak=100))
    expected = sum(node.matches(a) for a in articles)
    with backend(kind, articles, None) as searcher:
        results = searcher.search(query, limit=20, ranged=0)
        everything = searcher.search(query, limit=None, ranged=0)
    assert results.total == expected == len(everything.hits)
    # The best hits are the same as those of a search that keeps every hit.
    assert [h.article_id for h in results.hits] == [h.article_id for h in everything.hits[:20]]


def test_total_of_a_many_branched_or_in_a_big_index() -> None:
    words = ("president", "presidency", "presidential")
    texts = _corpus(words, strong=25, weak=5000)
    schema = fields.Schema(id=fields.ID(stored=True), text=fields.TEXT())
    ix = RamStorage().create_index(schema)
    with ix.writer() as writer:
        for i, text in enumerate(texts):
            writer.add_document(id=str(i), text=text)
    expected = sum(any(w in text.split() for w in words) for text in texts)
    query = wq.Or([wq.Term("text", w) for w in words])
    with ix.searcher() as searcher:
        best = search_cancellably(searcher, query, 20, None)
        every = search_cancellably(searcher, query, None, None)
        assert len(best) == expected == len(every)
        assert [hit["id"] for hit in best] == [hit["id"] for hit in every][:20]
