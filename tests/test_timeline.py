"""A speaker's timeline: quotes per week (per day over a short span) and per outlet, without
gaps, with the undated ones counted apart; and the speakers screen's list of speakers."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from peskovtui.corpus import Article
from peskovtui.errors import QuotesNotRead, SpeakerNotFound
from peskovtui.library import Library
from peskovtui.library.speaker_list import filter_speakers, speaker_summaries
from peskovtui.library.timeline import (
    NO_OUTLET,
    Timeline,
    article_day,
    build_timeline,
    timeline_summary,
)
from peskovtui.quotes import Quote, SpeakerCount

from .dated_seeds import write_dated_seeds

ARTICLES = {
    "a": Article("a", "A", "A", (), outlet="TASS", date="2017-02-06"),
    "b": Article("b", "B", "B", (), outlet="CNN", date="2017-02-08T10:30:00"),
    "c": Article("c", "C", "C", (), outlet="TASS", date="2017-02-22"),
    "d": Article("d", "D", "D", (), outlet="BBC", date="2017-03-05"),
    "month": Article("month", "M", "M", (), outlet="BBC", date="2017-02"),
    "none": Article("none", "N", "N", (), date=None),
    "nameless": Article("nameless", "X", "X", (), date="2017-02-07"),
}


def quote(article: str, start: int = 0, speaker: str = "Sergey Lavrov") -> Quote:
    return Quote(start, start + 5, "words", "full", 1, speaker=speaker, article_id=article)


def timeline(*quotes: Quote) -> Timeline:
    return build_timeline("Sergey Lavrov", quotes, ARTICLES.__getitem__)


def test_a_day_is_the_dates_first_ten_characters_else_none() -> None:
    assert article_day(ARTICLES["b"]) == date(2017, 2, 8)
    assert article_day(ARTICLES["month"]) is None
    assert article_day(ARTICLES["none"]) is None


def test_a_span_of_three_weeks_or_more_is_counted_per_week_from_monday_without_gaps() -> None:
    found = timeline(quote("d"), quote("a"), quote("b"), quote("a", 9), quote("c"))
    assert found.unit == "week"
    assert found.outlets == ("TASS", "BBC", "CNN")
    assert [(p.start, p.end) for p in found.periods] == [
        (date(2017, 2, 6), date(2017, 2, 12)),
        (date(2017, 2, 13), date(2017, 2, 19)),
        (date(2017, 2, 20), date(2017, 2, 26)),
        (date(2017, 2, 27), date(2017, 3, 5)),
    ]
    first, empty, third, fourth = found.periods
    assert first.counts == (("TASS", 2), ("BBC", 0), ("CNN", 1))
    # Within a period the quotes are in date order, then article and place.
    assert [(q.article_id, q.start) for q in first.quotes] == [("a", 0), ("a", 9), ("b", 0)]
    assert (empty.total, empty.counts) == (0, (("TASS", 0), ("BBC", 0), ("CNN", 0)))
    assert third.counts == (("TASS", 1), ("BBC", 0), ("CNN", 0))
    assert fourth.counts == (("TASS", 0), ("BBC", 1), ("CNN", 0))
    assert fourth.label() == "2017-02-27 – 2017-03-05"
    assert found.dated == 5 and found.undated == ()


def test_a_span_under_three_weeks_is_counted_per_day() -> None:
    found = timeline(quote("b"), quote("a"))
    assert found.unit == "day"
    assert [p.start for p in found.periods] == [date(2017, 2, d) for d in (6, 7, 8)]
    assert all(p.start == p.end for p in found.periods)
    assert [p.total for p in found.periods] == [1, 0, 1]
    assert found.periods[0].label() == "2017-02-06"


def test_undated_quotes_are_counted_apart_per_outlet_and_said() -> None:
    found = timeline(quote("a"), quote("month"), quote("none"), quote("none", 7))
    assert found.dated == 1
    assert [q.article_id for q in found.undated] == ["month", "none", "none"]
    assert found.undated_counts == ((NO_OUTLET, 2), ("BBC", 1))
    assert timeline_summary(found) == (
        "4 quotes, per day over 1 day (2017-02-06 – 2017-02-06); 3 undated"
    )
    assert found.rows() == [
        {"start": "2017-02-06", "end": "2017-02-06", "outlet": "TASS", "quotes": 1},
        {"start": None, "end": None, "outlet": None, "quotes": 2},
        {"start": None, "end": None, "outlet": "BBC", "quotes": 1},
    ]


def test_an_article_without_an_outlet_counts_for_the_unknown_outlet() -> None:
    found = timeline(quote("nameless"), quote("a"))
    assert found.outlets == ("TASS", NO_OUTLET)  # as many quotes each: by name
    assert found.rows()[0]["outlet"] == "TASS"
    assert found.rows()[1] == {
        "start": "2017-02-07",
        "end": "2017-02-07",
        "outlet": None,
        "quotes": 1,
    }


def test_no_quote_or_none_dated_makes_no_period() -> None:
    empty = timeline()
    assert (empty.periods, empty.undated, empty.outlets) == ((), (), ())
    assert timeline_summary(empty) == "0 quotes, none dated"
    assert empty.rows() == []
    undated = timeline(quote("none"))
    assert undated.periods == () and len(undated.undated) == 1
    assert timeline_summary(undated) == "1 quote, none dated"


def test_speaker_summaries_count_outlets_named_and_first_and_last_days() -> None:
    counts = [
        SpeakerCount("Sergey Lavrov", 4, 4, ("Sergei Lavrov",)),
        SpeakerCount("Maria Zakharova", 1, 1),
    ]
    quotes = [
        quote("c"),
        quote("a"),
        quote("nameless"),
        quote("none"),
        quote("none", speaker="Maria Zakharova"),
    ]
    lavrov, zakharova = speaker_summaries(counts, quotes, ARTICLES.__getitem__)
    assert (lavrov.quotes, lavrov.articles, lavrov.outlets) == (4, 4, 1)
    assert (lavrov.first, lavrov.last) == (date(2017, 2, 6), date(2017, 2, 22))
    assert (zakharova.outlets, zakharova.first, zakharova.last) == (0, None, None)
    summaries = [lavrov, zakharova]
    # Typed words match names and variants without case or accents, in the list's order.
    assert filter_speakers(summaries, "") == summaries
    assert filter_speakers(summaries, "ZAKH") == [zakharova]
    assert filter_speakers(summaries, "sergei lav") == [lavrov]
    assert filter_speakers(summaries, "a") == summaries
    assert filter_speakers(summaries, "lavrov maria") == []


def test_the_library_takes_a_listed_name_as_it_is_and_resolves_any_other(tmp_path: Path) -> None:
    library = Library.open([write_dated_seeds(tmp_path)])
    with pytest.raises(QuotesNotRead):
        library.speaker_summaries()
    library.read_quotes()
    summaries = library.speaker_summaries()
    assert [s.speaker for s in summaries] == [s.speaker for s in library.speakers()]
    assert [(s.quotes, s.outlets, str(s.first), str(s.last)) for s in summaries[:2]] == [
        (43, 4, "2016-12-01", "2017-03-13"),
        (5, 2, "2017-03-12", "2017-03-13"),
    ]
    listed = library.speaker_timeline("Dmitry Peskov")
    assert library.speaker_timeline("peskov") == listed
    assert listed.dated + len(listed.undated) == 43
    with pytest.raises(SpeakerNotFound):
        library.speaker_timeline("Nobody Here")
