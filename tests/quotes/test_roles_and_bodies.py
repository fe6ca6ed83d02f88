"""A role or a body named by a description resolves to the one the article names, if any."""

from __future__ import annotations

from peskovtui.quotes import extract_quotes
from tests.quotes.texts import quotes_of, speakers


def test_a_role_resolves_to_the_person_introduced_with_a_fitting_role() -> None:
    text = (
        "Title\n\nRussian Ambassador to Cairo Sergey Kirpichenko told TASS on Thursday that "
        "talks went well.\n\n“A major step forward was taken,” the diplomat said."
    )
    quote = quotes_of(text)[0]
    assert (quote.speaker, quote.speaker_mention) == ("Sergey Kirpichenko", "the diplomat")


def test_a_qualified_role_picks_the_person_it_qualifies() -> None:
    text = (
        "Title\n\nTexas Sen. Ted Cruz and Florida Sen. Marco Rubio met voters.\n\n"
        "“We will win Florida,” the Florida senator said.\n\n"
        "“We will win Texas,” the Texas senator said."
    )
    assert speakers(text) == ["Marco Rubio", "Ted Cruz"]


def test_a_role_nobody_named_holds_stays_a_role() -> None:
    text = "Title\n\nTexas Sen. Ted Cruz met voters.\n\n“He will lose,” the Iowa governor said."
    assert speakers(text) == ["Iowa governor"]


def test_a_body_resolves_to_the_named_body_of_its_kind() -> None:
    text = (
        "Title\n\nThe Washington Post reported on Friday that the Russian Foreign Ministry "
        "had summoned the envoy.\n\n“We regret the decision,” the ministry said.\n\n"
        "“The envoy left at noon,” the newspaper said."
    )
    assert speakers(text) == ["Russian Foreign Ministry", "Washington Post"]


def test_a_body_is_never_another_one_of_its_kind() -> None:
    text = (
        "Title\n\nThe UK government said it would act.\n\n"
        "“We will not act,” the German government said."
    )
    assert speakers(text) == ["German government"]


def test_a_vice_president_is_not_the_president() -> None:
    text = (
        "Title\n\nPresident Donald Trump and Vice President Mike Pence spoke.\n\n"
        "“It is fake news,” the president said."
    )
    assert speakers(text) == ["Donald Trump"]


def test_each_speaker_is_a_person_a_named_body_or_a_role() -> None:
    text = (
        "Title\n\n“Good,” Vladimir Putin said. “We have the files,” CNN said. "
        "“Wrong,” the Foreign Ministry said. “Bad,” the ministry said. "
        "“It is fine,” said a senior official. Officials said: “No.”"
    )
    found = [(q.speaker, q.speaker_kind) for q in extract_quotes(text)]
    assert found == [
        ("Vladimir Putin", "person"),
        ("CNN", "organisation"),
        ("Foreign Ministry", "organisation"),
        ("Foreign Ministry", "organisation"),
        ("A senior official", "role"),
        ("Officials", "role"),
    ]


def test_a_described_protagonist_is_the_person_the_story_is_about() -> None:
    text = (
        "Title\n\nSpeaker Carl Brandt spoke to reporters on Monday about the budget.\n\n"
        "The Ohio Republican said the plan was “not ready.”\n\n"
        "“We need more time,” the former mayor added.\n\n"
        "“It is late,” the 54-year-old Republican said."
    )
    # (a speaker is no mayor: that description stays a role; a Republican may be)
    assert speakers(text) == ["Carl Brandt", "Former mayor", "Carl Brandt"]


def test_a_bare_role_no_one_fits_stays_a_role() -> None:
    text = (
        "Title\n\nSpeaker Carl Brandt spoke to reporters on Monday.\n\n"
        "“It was a long day,” the judge said."
    )
    assert [(q.speaker, q.speaker_kind) for q in quotes_of(text)] == [("Judge", "role")]


def test_a_role_after_according_to_is_the_name_in_apposition() -> None:
    text = (
        "Title\n\nThe vote was held on Monday.\n\n"
        "According to the envoy for the peace talks, Mira Novak, the law is “a red line.”"
    )
    quote = quotes_of(text)[0]
    assert (quote.speaker, quote.role) == ("Mira Novak", "the envoy for the peace talks")


def test_a_bare_party_tag_stays_out_of_the_apposition() -> None:
    text = (
        "Title\n\nState Rep. Wendy Arle (R), a leader of the farm caucus, suggested that the "
        "vote came early.\n\n“Voters have not looked yet,” she said."
    )
    assert speakers(text) == ["Wendy Arle"]


def test_insiders_employees_and_protesters_are_roles_that_speak() -> None:
    text = (
        "Title\n\n“Nobody seems worried about it,” the insider said.\n\n"
        "“It's hard to come back to work,” said the designer, who asked not to be named.\n\n"
        "“We will be back tomorrow,” one protester shouted."
    )
    quotes = quotes_of(text)
    assert [q.speaker for q in quotes] == ["Insider", "Designer", "One protester"]
    assert {q.speaker_kind for q in quotes} == {"role"}


def test_an_age_alone_describes_the_person_just_named() -> None:
    text = (
        "Title\n\nWith millions watching, Melinda Hart delivered a defense of her husband.\n\n"
        "“Tom is, and always has been, a great leader,” said the 46-year-old."
    )
    assert speakers(text) == ["Melinda Hart"]
