"""Titles, names and terms in quotation marks: no one's words, hidden like fragments."""

from __future__ import annotations

from tests.quotes.texts import quotes_of


def kinds(text: str) -> list[tuple[str, str, str]]:
    return [(q.text, q.kind, q.speaker) for q in quotes_of(text)]


def test_the_title_of_a_work_is_a_term_without_a_speaker() -> None:
    text = (
        "Title\n\nThe Hollywood Reporter said the film “Beauty and the Beast” took in "
        "$170 million.\n\n“We are thrilled,” Anna Berg said on “Meet the Press.”"
    )
    assert kinds(text) == [
        ("Beauty and the Beast", "term", "unattributed"),
        ("We are thrilled,", "full", "Anna Berg"),
        ("Meet the Press.", "term", "unattributed"),
    ]
    assert all(q.hidden_by_default for q in quotes_of(text) if q.kind == "term")


def test_the_name_of_a_programme_is_a_term() -> None:
    text = "Title\n\nUber used a programme called ‘Greyball’ to evade the authorities."
    assert kinds(text) == [("Greyball", "term", "unattributed")]


def test_a_term_introduced_as_one_is_a_term_in_any_case() -> None:
    text = (
        "Title\n\nVoters rejected the so-called “implementation initiative” on Sunday, "
        "Peter Brand said."
    )
    assert kinds(text) == [("implementation initiative", "term", "unattributed")]


def test_a_name_given_by_a_verb_of_saying_stays_a_quote() -> None:
    text = "Title\n\nDonald Trump dubbed her “Crooked Hillary” at the rally."
    assert kinds(text) == [("Crooked Hillary", "fragment", "Donald Trump")]


def test_a_scare_quote_said_by_someone_stays_a_fragment() -> None:
    text = "Title\n\nThe senator called the plan “extraordinarily unusual,” Anna Berg said."
    assert kinds(text)[0][1:] == ("fragment", "Anna Berg")


def test_a_headline_word_no_one_says_is_a_term() -> None:
    text = (
        "‘Greyball’ dogs Uber as ‘Serious Talks’ begin\n\n"
        "“We are in serious talks with the city,” said Anna Berg."
    )
    assert kinds(text) == [
        ("Greyball", "term", "unattributed"),
        ("Serious Talks", "headline", "Anna Berg"),
        ("We are in serious talks with the city,", "full", "Anna Berg"),
    ]
