"""Sources the article does not name: one of a group, documents, and text cleanup around them."""

from __future__ import annotations

from peskovtui.corpus.cleanup import clean_article
from peskovtui.corpus.model import compose_text
from peskovtui.quotes import extract_quotes
from tests.quotes.texts import quotes_of, speakers


def test_one_of_a_group_named_before_is_given_that_role() -> None:
    text = (
        "Title\n\nTwo officials described the talks. “It was tense,” one said. "
        "“It went nowhere,” said another."
    )
    assert speakers(text) == ["One official", "Another official"]


def test_one_of_no_named_group_is_an_unnamed_source() -> None:
    text = "Title\n\n“It was tense,” one said."
    assert speakers(text) == ["One unnamed source"]


def test_one_is_never_the_next_he() -> None:
    text = (
        "Title\n\nPeter Brand met two officials. “It was tense,” one said.\n\n“We go on,” he said."
    )
    assert speakers(text) == ["One official", "Peter Brand"]


def test_a_document_speaks_for_the_body_that_issued_it() -> None:
    text = (
        "Title\n\nA statement from the White House said Trump wrote to Xi. "
        "“The president looks forward to working with him,” the statement said.\n\n"
        "“We regret it,” read a statement by Human Rights Watch."
    )
    assert speakers(text) == ["White House", "Human Rights Watch"]


def test_a_document_with_no_issuer_keeps_its_role() -> None:
    text = "Title\n\nThe report found problems. According to the report, “the hull was damaged.”"
    quote = quotes_of(text)[0]
    assert (quote.speaker, quote.cue) == ("Report", "according-to")


def test_he_is_never_the_name_of_a_place() -> None:
    text = "Title\n\nSt. Louis is a city that saw protests.\n\n“We will win,” he said."
    assert speakers(text) == ["unattributed"]


def test_cleanup_never_splits_a_quotation_at_a_double_space() -> None:
    cleaned = clean_article(
        'The mayor spoke. She said: "We will win.  And we will keep winning." Then she left.  '
        "The crowd cheered.",
        title="Title",
    )
    assert [b for b, _ in cleaned.blocks] == [
        "Title",
        'The mayor spoke. She said: "We will win.  And we will keep winning." Then she left.',
        "The crowd cheered.",
    ]
    text, paragraphs = compose_text(cleaned.blocks)
    quote = extract_quotes(text, paragraphs)[0]
    assert quote.text == "We will win.  And we will keep winning."


def test_a_share_bar_scraped_into_a_paragraph_is_set_aside_and_names_no_one() -> None:
    cleaned = clean_article(
        "The agency will check every file. Send Facebook Twitter Google+ Whatsapp Tumblr "
        "linkedin Permalink http://example.org/p/2X1 Jutta Cordt, who runs the agency, told "
        'the paper that "it is now up to the states."',
        title="Title",
    )
    assert [s.reason for s in cleaned.set_aside] == ["promotion"]
    text, paragraphs = compose_text(cleaned.blocks)
    assert [q.speaker for q in extract_quotes(text, paragraphs)] == ["Jutta Cordt"]


def test_one_described_by_a_noun_is_that_unnamed_person() -> None:
    text = (
        "Title\n\nUsers mocked the race. “He is very cute,” one user wrote. “I hope he wins.”"
        " “It is a circus,” said another voter."
    )
    assert speakers(text) == ["One user", "One user", "Another voter"]


def test_whose_spokesman_it_is_belongs_to_the_label() -> None:
    text = (
        "Title\n\nA spokesman for Platte River declined to address the report but said in a "
        "statement that “the firm did not act wrongly.”"
    )
    assert speakers(text) == ["A spokesman for Platte River"]


def test_a_share_of_a_crowd_that_speaks_is_that_share() -> None:
    text = (
        "Title\n\nThe rally in Dayton ran late.\n\n"
        "Some chanted “Build the bridge!” as the mayor spoke.\n\n"
        "Asked about the plan, 21 percent said “not too likely” in the poll.\n\n"
        "As the mayor left, the attendees shouted, “Come back soon!”"
    )
    found = extract_quotes(text)
    assert [(q.speaker, q.speaker_kind) for q in found] == [
        ("Some", "role"),
        ("21 percent", "role"),
        ("Attendees", "role"),
    ]


def test_a_share_of_a_crowd_is_no_referent_and_carries_no_later_quote() -> None:
    text = (
        "Title\n\nMayor Ann Berg spoke in Dayton.\n\n"
        "Some argue that the bridge is too costly. “We will build it,” she said.\n\n"
        "Others would wait. “It costs less than a road.”"
    )
    found = extract_quotes(text)
    assert [q.speaker for q in found] == ["Ann Berg", "unattributed"]


def test_a_word_opening_a_longer_subject_is_no_share() -> None:
    text = (
        "Title\n\nSome lawmakers shouted “shame on you!” at the mayor.\n\n"
        "Most voters said the bridge was “a bargain.”"
    )
    assert [q.speaker for q in extract_quotes(text)] == ["Some lawmakers", "Most voters"]


def test_one_is_one_of_the_group_counted_out_not_a_plural_mentioned_later() -> None:
    text = (
        "Title\n\nTwo officials spoke to reporters on Friday. “It was a mistake,” one said. "
        "“We will fix it,” said another."
    )
    assert speakers(text) == ["One official", "Another official"]


def test_one_of_a_named_group_is_one_of_that_group() -> None:
    text = (
        "Title\n\nThousands of people marched on Sunday. One of the marchers said: “We are "
        "here for our families.”"
    )
    assert speakers(text) == ["One marcher"]


def test_one_of_a_group_an_adjective_qualifies_is_one_of_that_group() -> None:
    text = (
        "Title\n\nThousands of people marched. One of the obvious signs said: “We are here "
        "for good.”"
    )
    assert speakers(text) == ["One sign"]
