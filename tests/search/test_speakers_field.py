"""The speaker field holds the speakers an article quotes, found only where it is indexed."""

from __future__ import annotations

from collections.abc import Iterable

from peskovtui.corpus.model import Article
from peskovtui.library import Library
from peskovtui.search import DerivedSpeakers, WhooshSearchEngine
from tests.search.articles import SEEDS


def test_speaker_queries_find_the_articles_quoting_him() -> None:
    library = Library.open([SEEDS])
    library.read_quotes()
    quoting = {q.article_id for q in library.quotes() if q.speaker == "Dmitry Peskov"}
    hits = library.search("speaker:peskov", limit=None).hits
    assert {h.article_id for h in hits} == quoting
    hicks = library.search('speaker:"hope hicks"', limit=None).hits
    assert [h.article_id for h in hicks] == ["000_8b6f72e4f8395ed9"]


def test_derived_speakers_are_found_only_for_articles_being_indexed(
    seed_list: list[Article],
) -> None:
    asked: list[str] = []

    def speakers(article: Article) -> Iterable[str]:
        asked.append(article.id)
        return ["Dmitry Peskov"] if article.id.startswith("004") else []

    engine = WhooshSearchEngine([str(SEEDS)])
    engine.refresh(seed_list, speakers=DerivedSpeakers(speakers, "v1"))
    assert sorted(asked) == sorted(a.id for a in seed_list)
    assert [h.article_id for h in engine.search("speaker:peskov").hits] == [seed_list[4].id]

    asked.clear()
    report = engine.refresh(seed_list, speakers=DerivedSpeakers(speakers, "v1"))
    assert asked == []
    assert (report.added, report.changed, report.removed) == (0, 0, 0)

    # A new version of the extraction renews every article's speakers.
    report = engine.refresh(seed_list, speakers=DerivedSpeakers(speakers, "v2"))
    assert sorted(asked) == sorted(a.id for a in seed_list)
    assert report.changed == len(seed_list)
    engine.close()
