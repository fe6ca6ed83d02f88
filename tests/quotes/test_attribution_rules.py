"""Rules of news writing that attribution follows, each on a small fixture of its own."""

from __future__ import annotations

from tests.quotes.texts import quotes_of


def test_a_verb_of_saying_after_an_article_or_possessive_is_a_noun() -> None:
    text = (
        "Title\n\nAnna Berg is describing as “unhinged” a Donald Trump tweet about her. "
        "She says his temper is “dangerous.”\n\n"
        "Mike Pence said Donald Trump’s tweet was only “to mock” her."
    )
    assert [q.speaker for q in quotes_of(text)] == ["Anna Berg", "Anna Berg", "Mike Pence"]


def test_the_subject_before_a_plural_verb_form_still_speaks() -> None:
    text = "Title\n\nThe New York Times reports:\n\n“Small donors gave less this year.”"
    assert [q.speaker for q in quotes_of(text)] == ["New York Times"]


def test_a_cue_after_a_question_mark_belongs_to_the_question() -> None:
    text = (
        "Title\n\n“Banks must change,” Jon Tester said.\n\n"
        "“Why is this bank not too big to fail?” David Vitter demanded."
    )
    assert [q.speaker for q in quotes_of(text)] == ["Jon Tester", "David Vitter"]


def test_a_quote_closing_in_a_sentence_gives_that_sentence_its_speaker() -> None:
    text = (
        "Title\n\n“We are proud of it and of what we have done in this town.\n\n"
        "“And we have been thinking about where we are as a country,”"
        " added Rep. Jim Clyburn, a Democrat. “Dog whistles are one thing. Howls are another.”"
    )
    assert [q.speaker for q in quotes_of(text)] == ["Jim Clyburn", "Jim Clyburn"]


def test_a_misspelt_gaelic_surname_expands_to_the_full_name() -> None:
    text = (
        "Title\n\nTwo voters, Tyresha McClenney and Bryan Anderson, came.\n\n"
        "“It is only when there is a video,” McLenney said."
    )
    assert [q.speaker for q in quotes_of(text)] == ["Tyresha McClenney"]


def test_one_with_a_role_noun_is_an_anonymous_source_not_the_pronoun() -> None:
    text = (
        "Title\n\nDonald Trump spoke at a forum on Monday.\n\n"
        "“They are in a frenzy,” said one Democratic source on the panel.\n\n"
        "One questioner claimed that “social engineering” hurt the army.\n\n"
        "“You’re right, we have a correct military,” he said."
    )
    assert [q.speaker for q in quotes_of(text)] == [
        "One Democratic source",
        "One questioner",
        "Donald Trump",
    ]


def test_two_roles_joined_by_and_are_one_subject() -> None:
    text = (
        "Title\n\nOn a morning show, the former secretary of state and current Democratic "
        "presidential nominee said she wanted to speak “directly to white people”.\n\n"
        "The former first lady and U.S. senator said it was “a mistake” to use private email "
        "while at the State Department, but she denied any wrongdoing."
    )
    assert [q.speaker_mention for q in quotes_of(text)] == [
        "the former secretary of state and current Democratic presidential nominee",
        "The former first lady and U.S. senator",
    ]


def test_initialisms_stay_inside_a_name() -> None:
    text = "Title\n\n“We are looking,” said Public Information Officer T.J. Smith."
    quote = quotes_of(text)[0]
    assert quote.speaker == "T.J. Smith"
    assert quote.role == "Public Information Officer"


def test_an_anonymous_role_later_named_with_a_matching_role_is_that_person() -> None:
    text = (
        "A top aide to Russian President Vladimir Putin spoke on Friday, even as he said the "
        "relationship is “lousy.”\n"
        "“They seem pragmatic,” Putin spokesman Dmitry Peskov told CNN."
    )
    assert [q.speaker for q in quotes_of(text)] == ["Dmitry Peskov", "Dmitry Peskov"]


def test_an_anonymous_role_without_a_matching_named_person_stays_a_role() -> None:
    text = (
        "A top aide to Russian President Vladimir Putin spoke on Friday, even as he said the "
        "relationship is “lousy.”\n"
        "“They seem pragmatic,” Foreign Minister Sergei Lavrov told CNN."
    )
    assert [q.speaker for q in quotes_of(text)] == [
        "A top aide to Russian President Vladimir Putin",
        "Sergei Lavrov",
    ]


def test_a_relative_named_with_my_is_a_role_in_first_person_writing() -> None:
    text = (
        "Title\n\n“We live in Satan’s kingdom,” my father often said.\n\n"
        "My mother has softened with age, but she still says things such as, "
        "“We’re not all meant to be equal, you know.”"
    )
    assert [q.speaker for q in quotes_of(text)] == ["My father", "My mother"]


def test_a_person_introduced_with_name_and_role_is_the_next_he() -> None:
    text = (
        "Title\n\n“They seem phony,” Bryan Anderson said.\n\n"
        "Songs have not been written for Clinton, which is something that concerns "
        "Henry Crespo, president of the Florida Democratic Black Caucus.\n\n"
        "“No one is writing songs for Hillary,” he said."
    )
    assert [q.speaker for q in quotes_of(text)] == ["Bryan Anderson", "Henry Crespo"]


def test_a_clause_after_a_name_is_no_introduction() -> None:
    text = (
        "Title\n\n“We are ready,” Bryan Anderson said.\n\n"
        "Lynch met Bill Clinton while the department was investigating his wife, "
        "Hillary Clinton, over the server she used as secretary of state.\n\n"
        "“Not yet,” he said."
    )
    assert [q.speaker for q in quotes_of(text)] == ["Bryan Anderson", "Bryan Anderson"]


def test_a_person_named_later_by_first_name_takes_the_next_she() -> None:
    text = (
        "Title\n\nThe Post sent reporter Stephanie McCrummen to a living room. McCrummen "
        "reports:\n\n"
        '"The woman had been in hospital.\n\n'
        '"Melanie thought the whole thing was outrageous.\n\n'
        "“It never crossed my mind that I’m losing it,” she said."
    )
    assert [q.speaker for q in quotes_of(text)] == ["Melanie"]


def test_a_gendered_title_keeps_a_surname_from_the_wrong_full_name() -> None:
    text = (
        "Title\n\nHer husband Joseph Ettedgui ran the shops. Joseph Ettedgui built a chain. "
        "He and Isabel Ettedgui ran the store.\n\n"
        "“Joseph brought in clothes,” Mrs Ettedgui recalls."
    )
    assert [q.speaker for q in quotes_of(text)] == ["Isabel Ettedgui"]


def test_a_pronoun_with_no_salient_person_takes_the_name_earlier_in_its_sentence() -> None:
    text = (
        "Title\n\nNew Jersey Gov. Chris Christie described Democratic nominee Hillary Clinton "
        "as a “disgrace” after she blamed police shootings on “implicit bias” against "
        "minorities."
    )
    assert [q.speaker for q in quotes_of(text)][1] == "Hillary Clinton"


def test_a_pronoun_never_means_the_name_its_own_verb_takes() -> None:
    text = (
        "Title\n\nSean Ford spoke in Dayton.\n\nKurt Olsen asked Ford about the plant.\n\n"
        "“We will keep it open,” he told Olsen."
    )
    assert [q.speaker for q in quotes_of(text)] == ["Sean Ford"]


def test_a_cue_whose_colon_follows_a_second_verb_of_saying_keeps_its_quote() -> None:
    text = (
        "Title\n\nMayor Ann Berg of Tulsa spoke on Monday.\n\n"
        "“The bridge will open in May,” Berg said before adding: “Maybe in June.”"
    )
    assert [q.speaker for q in quotes_of(text)] == ["Ann Berg", "Ann Berg"]
