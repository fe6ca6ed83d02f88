"""Each hard case of quote extraction and attribution, on a small hand-written fixture."""

from __future__ import annotations

import pytest

from peskovtui.quotes import Quote
from tests.quotes.texts import quotes_of


def only(text: str) -> Quote:
    found = quotes_of(text)
    assert len(found) == 1, found
    return found[0]


def test_cue_after_the_quote() -> None:
    q = only("Title\n\n“We are ready,” Ivanov said.")
    assert (q.text, q.speaker, q.speaker_mention, q.kind) == (
        "We are ready,",
        "Ivanov",
        "Ivanov",
        "full",
    )


def test_inverted_cue_and_apposition_after_it() -> None:
    q = only('Title\n\n"Prices will fall," said Tom Baker, an analyst at a bank in London.')
    assert q.speaker == "Tom Baker"
    assert q.role == "an analyst at a bank in London"


def test_colon_before_the_quote() -> None:
    q = only("Title\n\nThe minister, Oleg Ivanov, said: “Nothing has changed.”")
    assert q.speaker == "Oleg Ivanov"


def test_titles_and_possessives_before_the_name() -> None:
    text = (
        "Title\n\n“It is so,” Russian President Vladimir Putin's spokesman Dmitry Peskov "
        "told reporters."
    )
    q = only(text)
    assert q.speaker == "Dmitry Peskov"
    assert q.role == "Russian President Vladimir Putin's spokesman"
    assert text[q.mention_start : q.mention_end] == q.speaker_mention


def test_surname_expands_to_the_full_name_given_anywhere() -> None:
    found = quotes_of("Title\n\nKremlin spokesman Dmitry Peskov spoke.\n\n“Yes,” Peskov said.")
    assert found[0].speaker == "Dmitry Peskov"


def test_pronoun_takes_the_salient_speaker_not_the_last_name() -> None:
    text = (
        "Title\n\n“We talk,” Dmitry Peskov said.\n\n"
        "Peskov declined to say whether Putin would call the president. “Not yet,” he said."
    )
    assert [q.speaker for q in quotes_of(text)] == ["Dmitry Peskov", "Dmitry Peskov"]


def test_pronoun_respects_gender() -> None:
    text = (
        "Title\n\nA UN spokeswoman, Maria Lopez, said staff were “ready to resume work”. "
        "Officials from Ankara met John Smith. She added: “Our staff have not left.”"
    )
    assert [q.speaker for q in quotes_of(text)] == ["Maria Lopez", "Maria Lopez"]


def test_role_noun_resolves_to_the_person_introduced_with_it() -> None:
    text = (
        "Title\n\nKremlin spokesman Dmitry Peskov spoke on Monday.\n\n"
        "Asked about sanctions, the Kremlin spokesman said: “That is our position.”"
    )
    assert quotes_of(text)[0].speaker == "Dmitry Peskov"


def test_anonymous_official_stays_anonymous() -> None:
    text = (
        "Title\n\nA senior Turkish official, speaking on condition of anonymity, said talks "
        "went on. “Nothing is agreed,” the official said."
    )
    assert quotes_of(text)[0].speaker == "A senior Turkish official"


def test_continuation_in_the_same_paragraph_and_the_next() -> None:
    text = (
        "Title\n\n“We are in contact,” Peskov told reporters. “But there are conditions.”\n\n"
        "“And we said so many times.”"
    )
    assert [q.speaker for q in quotes_of(text)] == ["Peskov"] * 3


def test_split_quote_is_two_quotes_with_one_speaker() -> None:
    found = quotes_of("Title\n\n“We sent proposals,” Peskov said, “and we are waiting.”")
    assert [q.text for q in found] == ["We sent proposals,", "and we are waiting."]
    assert [q.speaker for q in found] == ["Peskov", "Peskov"]
    assert [q.kind for q in found] == ["full", "full"]


def test_multi_paragraph_quote_reopens_and_closes_once() -> None:
    text = (
        "Title\n\nSpeaking in Ankara, Hakan Aydin said a deal was near.\n\n"
        "“We are closer than people think.\n\n“The ships can move within days.”\n\nEnd."
    )
    q = only(text)
    assert q.text == "We are closer than people think.\n\n“The ships can move within days."
    assert [text[a:b] for a, b in q.segments] == [
        "We are closer than people think.",
        "The ships can move within days.",
    ]
    assert q.speaker == "Hakan Aydin"


def test_unclosed_quote_without_continuation_is_dropped() -> None:
    assert quotes_of("Title\n\n“This never closes, he said.\n\nNext paragraph.") == []


def test_curly_and_straight_marks_pair_by_type() -> None:
    text = 'Title\n\n“It is a ”test,” she said. "Another one," Ann Lee said.'
    assert [q.text for q in quotes_of(text)][-1] == "Another one,"


def test_nested_single_quotes_and_apostrophes() -> None:
    text = "Title\n\n\"We were told 'next week' and it didn't come,\" said Olena Kovalenko."
    q = only(text)
    assert q.text == "We were told 'next week' and it didn't come,"
    assert q.speaker == "Olena Kovalenko"


def test_apostrophes_are_not_quotes() -> None:
    assert quotes_of("Title\n\nRussia’s leaders’ views didn’t change, Peskov’s aide said.") == []


def test_scraped_straight_quote_standing_for_an_apostrophe() -> None:
    text = 'Title\n\n"I don"t know him," Trump said. The senators"?votes "?all of them "?counted.'
    q = only(text)
    assert (q.text, q.speaker) == ('I don"t know him,', "Trump")


def test_scraped_quote_mark_before_a_lost_space_closes() -> None:
    q = only('Title\n\n"It is over,"?Sen. Elizabeth Warren said.')
    assert q.text == "It is over,"


def test_ellipsis_inside_a_quote() -> None:
    q = only("Title\n\n“Nobody benefits … not the farmers,” Hakan Aydin said.")
    assert q.text == "Nobody benefits … not the farmers,"


def test_headline_quote_in_single_marks() -> None:
    found = quotes_of(
        "Kremlin says talks are ‘not dead’\n\nThe Kremlin said talks were “not dead”."
    )
    assert [(q.kind, q.speaker) for q in found] == [
        ("headline", "Kremlin"),
        ("fragment", "Kremlin"),
    ]


def test_partial_quote_and_two_quotes_in_one_sentence() -> None:
    text = (
        "Title\n\nAt a meeting, Putin said Russia was “open to dialogue with everyone”, but he "
        "also warned that “nobody should expect us to act against our interests”."
    )
    found = quotes_of(text)
    assert [q.kind for q in found] == ["partial", "partial"]
    assert [q.speaker for q in found] == ["Putin", "Putin"]


def test_scare_quotes_are_fragments_of_the_subject() -> None:
    text = "Title\n\nOfficials in Ankara described the plan as “lousy” and “a step backwards”."
    found = quotes_of(text)
    assert [q.kind for q in found] == ["fragment", "fragment"]
    assert [q.speaker for q in found] == ["Officials in Ankara"] * 2


def test_interviewer_question() -> None:
    q = only("Title\n\nCNN’s Fareed Zakaria met him. Zakaria asked him, “Did you meet them?”")
    assert q.speaker == "Fareed Zakaria"


def test_asked_by_gives_the_question_to_the_asker() -> None:
    text = (
        "Title\n\nAsked by Zakaria whether “all agencies are wrong,” Peskov said he had not "
        "seen anything “trustful.”"
    )
    assert [q.speaker for q in quotes_of(text)] == ["Zakaria", "Peskov"]


def test_according_to() -> None:
    q = only("Title\n\nThe deal is “very close to done”, according to Maria Lopez.")
    assert q.speaker == "Maria Lopez"


def test_signature_dash_after_the_quote() -> None:
    q = only("Title\n\n“He is ignorant of our culture.” ― Pamela Padilla")
    assert q.speaker == "Pamela Padilla"


def test_colon_cue_belongs_to_the_next_quote() -> None:
    text = (
        "Title\n\nAnswering whether there will be a president who “will be a friend,” "
        "Peskov said: “We are not dreamers.”"
    )
    assert [q.speaker for q in quotes_of(text)] == ["unattributed", "Peskov"]


def test_unresolvable_speaker_is_unattributed() -> None:
    q = only("Title\n\n“It was a mistake,” he said.")
    assert (q.speaker, q.speaker_mention) == ("unattributed", "he")


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("“Yes,” Anna Berg said.", "Anna Berg"),
        ("“Yes,” said Anna Berg.", "Anna Berg"),
        ("Anna Berg said: “Yes.”", "Anna Berg"),
        ("Anna Berg said, “Yes.”", "Anna Berg"),
        ("“Yes,” Anna Berg, the trade chief, said.", "Anna Berg"),
        ("“Yes,” the trade chief, Anna Berg, said.", "Anna Berg"),
        ("“Yes,” Rep. Anna Berg (D-Wis.) said Friday.", "Anna Berg"),
        ("Said Berg: “Yes.”", "Berg"),
    ],
)
def test_cue_shapes(sentence: str, speaker: str) -> None:
    assert only(f"Title\n\n{sentence}").speaker == speaker
