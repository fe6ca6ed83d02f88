"""Versions of one quote: a short common phrase is no version, and two people never say one
quote."""

from __future__ import annotations

from peskovtui.quotes import Quote
from peskovtui.quotes.clusters import cluster_quotes

LONG = "We will never accept the annexation of Crimea by anyone."


def quote(text: str, speaker: str, article: str, kind: str | None = "person") -> Quote:
    if speaker == "unattributed":
        kind = None
    return Quote(0, len(text), text, "full", 0, speaker, article_id=article, speaker_kind=kind)


def versions(*quotes: Quote) -> list[list[tuple[str | None, str]]]:
    return [[(v.article_id, v.speaker) for v in c.versions] for c in cluster_quotes(quotes)]


def test_a_short_common_phrase_in_two_articles_is_no_version() -> None:
    found = versions(
        quote("It is a matter of time.", "Bob Johnson", "a"),
        quote("It is a matter of time.", "Recep Tayyip Erdogan", "b"),
        quote("There are a number of options.", "Kevin Brady", "c"),
        quote("There are a number of options on the table, Tillerson says.", "unattributed", "d"),
    )
    assert found == []


def test_a_short_phrase_one_person_says_twice_is_one_quote() -> None:
    found = versions(
        quote("It is a matter of time.", "Bob Johnson", "a"),
        quote("It is a matter of time.", "Bob Johnson", "b"),
        quote("A matter of time.", "unattributed", "c"),
    )
    assert found == [[("a", "Bob Johnson"), ("b", "Bob Johnson")]]


def test_a_short_phrase_repeated_in_one_article_is_one_quote() -> None:
    found = versions(
        quote("A matter of time.", "unattributed", "a"),
        quote("It is a matter of time.", "Bob Johnson", "a"),
    )
    assert found == [[("a", "unattributed"), ("a", "Bob Johnson")]]


def test_two_people_never_say_one_quote() -> None:
    found = versions(
        quote(LONG, "Sean Spicer", "a"),
        quote(LONG, "Donald Trump", "b"),
        quote(LONG, "Trump", "c"),
        quote(LONG, "unattributed", "d"),
        quote(LONG, "A senior official", "e", "role"),
    )
    assert found == [
        [("a", "Sean Spicer"), ("d", "unattributed"), ("e", "A senior official")],
        [("b", "Donald Trump"), ("c", "Trump")],
    ]
