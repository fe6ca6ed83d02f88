"""Speaker names as a fact-checker cites them: whole, clean, and never glued across sentences."""

from __future__ import annotations

from peskovtui.quotes import Quote, extract_quotes


def quotes_of(text: str) -> list[Quote]:
    found = extract_quotes(text)
    for q in found:
        assert text[q.start : q.end] == q.text
    return found


def speakers(text: str) -> list[str]:
    return [q.speaker for q in quotes_of(text)]


def test_a_name_never_spans_a_sentence_end() -> None:
    text = (
        "Title\n\nThe course was laid out by the golfer Ernie Els. Trump's company bought it "
        "in 2012.\n\n“It is the best course in the world,” Trump said."
    )
    assert speakers(text) == ["Trump"]


def test_a_hyphen_standing_for_a_lost_space_is_no_part_of_the_name() -> None:
    text = (
        "Title\n\n“This vote is a key test,” Scottish First Minister Nicola Sturgeon-said on "
        "Tuesday."
    )
    assert speakers(text) == ["Nicola Sturgeon"]


def test_titles_and_role_words_stay_out_of_the_name() -> None:
    text = (
        "Title\n\n“We will appeal,” said former Hewlett-Packard CEO Carly Fiorina.\n\n"
        "“We adhere to dialogue,” said Russian Ambassador to Seoul Alexander Timonin."
    )
    quotes = quotes_of(text)
    assert [q.speaker for q in quotes] == ["Carly Fiorina", "Alexander Timonin"]
    assert quotes[0].role == "former Hewlett-Packard CEO"


def test_a_place_before_a_name_is_no_part_of_it() -> None:
    text = "Title\n\n“We are ready,” the envoy to Singapore Yeo Bee Leng said."
    quote = quotes_of(text)[0]
    assert (quote.speaker, quote.role) == ("Yeo Bee Leng", "the envoy to Singapore")


def test_a_participle_opening_the_sentence_is_no_speaker() -> None:
    text = "Title\n\nSpeaking in Riga Anna Berg said: “We are ready.”"
    assert speakers(text) == ["Anna Berg"]


def test_initials_keep_their_stops() -> None:
    text = "Title\n\n“We are looking,” said Public Information Officer T.J. Smith."
    quote = quotes_of(text)[0]
    assert quote.speaker == "T.J. Smith"
    assert quote.role == "Public Information Officer"


def test_a_military_title_is_a_title() -> None:
    text = (
        "Title\n\nRetired Air Force Gen. Norman Hamm spoke to the host.\n\n"
        "“It was demoralizing,” he said."
    )
    assert speakers(text) == ["Norman Hamm"]


def test_a_preposition_opening_the_sentence_is_no_part_of_the_name() -> None:
    text = "Title\n\nDonald Trump spoke in Ohio. Of Clinton, he said: “She has bad judgment.”"
    assert speakers(text) == ["Donald Trump"]


def test_an_arabic_article_stays_in_the_name() -> None:
    text = "Title\n\n“We will not give up,” Syrian envoy Bashar al-Jaafari told reporters."
    assert speakers(text) == ["Bashar al-Jaafari"]


def test_an_abbreviated_title_ends_no_sentence() -> None:
    text = "Title\n\n“We are ready,” Pres. Barack Obama said. “We will win,” Supt. Ann Lee said."
    assert speakers(text) == ["Barack Obama", "Ann Lee"]


def test_the_words_ending_a_title_are_no_part_of_the_name() -> None:
    text = (
        "Title\n\nWhite House Chief of Staff Reince Priebus spoke first. “We are fine,” he said. "
        "Minister for Transport Shane Ross has rejected the idea. “It is unhelpful,” Ross said."
    )
    assert speakers(text) == ["Reince Priebus", "Shane Ross"]


def test_a_title_ending_before_a_name_is_dropped_where_the_article_names_the_person() -> None:
    text = (
        "Title\n\nMinister for Public Expenditure and Reform Paschal Donohoe said the budget is "
        "ready. “We will act,” he said."
    )
    assert speakers(text) == ["Paschal Donohoe"]


def test_a_plural_before_a_name_is_no_part_of_it() -> None:
    text = "Title\n\nPresenters Faye Dunaway and Warren Beatty come on stage. “Go!” Dunaway says."
    assert speakers(text) == ["Faye Dunaway"]


def test_a_common_word_opening_a_sentence_is_no_speaker() -> None:
    text = (
        "Title\n\nProducer Jordan Horowitz began his speech. Behind Horowitz, people saw that "
        "something was amiss. “This is not a joke,” Horowitz said. They stood behind him.\n\n"
        "Minutes later, the crowd was asking: “What happened?” It took minutes to explain."
    )
    assert speakers(text) == ["Jordan Horowitz", "unattributed"]


def test_a_state_speaking_is_an_organisation() -> None:
    text = "Title\n\nNorth Korea said the test was “a great success”."
    assert [(q.speaker, q.speaker_kind) for q in quotes_of(text)] == [
        ("North Korea", "organisation")
    ]
