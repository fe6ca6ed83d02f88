"""A search may find exact ranges for its best hits only; the others' are found on demand."""

from __future__ import annotations

from peskovtui.corpus.model import Article
from peskovtui.search.engine import Searcher


def test_ranges_for_the_best_hits_only(searcher: Searcher, seed_list: list[Article]) -> None:
    full = searcher.search("peskov", limit=None)
    partial = searcher.search("peskov", limit=None, ranged=2)
    assert [h.article_id for h in partial.hits] == [h.article_id for h in full.hits]
    assert partial.total == full.total == 5
    assert [h.ranged for h in partial.hits] == [True, True, False, False, False]
    assert [h.matches for h in partial.hits[:2]] == [h.matches for h in full.hits[:2]]
    by_id = {a.id: a for a in seed_list}
    for hit in partial.hits[2:]:
        assert hit.matches == ()
        assert searcher.match_offsets(by_id[hit.article_id], "peskov") == next(
            h.matches for h in full.hits if h.article_id == hit.article_id
        )
