"""Speaker names as a fact-checker cites them: whole, clean, and never glued across sentences."""

from __future__ import annotations

from peskovtui.quotes import extract_quotes
from peskovtui.quotes.mentions import classify
from peskovtui.quotes.names import NameTable
from tests.quotes.texts import quotes_of, speakers


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
    # (the crowd, a group, asks; "Minutes" is no one)
    assert speakers(text) == ["Jordan Horowitz", "Crowd"]


def test_a_word_a_phrase_qualifies_at_a_sentence_start_is_no_speaker() -> None:
    text = (
        "Title\n\nFans threw stones at the visiting coaches. Dispatches from the scene "
        "confirmed that children were hurt. For the league, enough is enough: “We need calm in "
        "the stands.” “Violence has no place here.”\n\n"
        "The envoy stayed on. Late in September the envoy told the council: “Any sign of my "
        "resigning would be a signal.”"
    )
    found = speakers(text)
    assert "Dispatches" not in found
    assert "Late" not in found


def test_a_letter_of_an_ampersand_abbreviation_is_no_speaker() -> None:
    text = (
        "Title\n\nThe firm makes fridges. Its R&D budget was doubled when it bought a "
        "rival. “We are a key part of the process,” he says."
    )
    assert speakers(text) == ["unattributed"]


def test_a_figure_a_verb_measures_is_never_he() -> None:
    text = (
        "Title\n\nThe firm makes fridges. Turnover stayed around 40 billion yuan last year. "
        "By 2020 it plans to grow, he says. “Exports will remain our priority.”"
    )
    assert speakers(text) == ["unattributed"]


def test_a_state_speaking_is_an_organisation() -> None:
    text = "Title\n\nNorth Korea said the test was “a great success”."
    assert [(q.speaker, q.speaker_kind) for q in quotes_of(text)] == [
        ("North Korea", "organisation")
    ]


def test_a_contraction_or_a_lone_letter_is_no_speaker() -> None:
    text = (
        "Title\n\nThat's what they're saying: “No way.” A few days later I wrote: “I need help.” "
        "S said “fine”."
    )
    assert speakers(text) == ["unattributed", "unattributed", "unattributed"]


def test_a_word_before_the_name_that_no_name_has_is_dropped() -> None:
    text = (
        "Title\n\n“He is done,” said Texas-based Matt Mackowiak. Co-anchor Norah Reyes said the "
        "race was “over”."
    )
    assert speakers(text) == ["Matt Mackowiak", "Norah Reyes"]


def test_a_name_never_starts_inside_a_word() -> None:
    text = (
        "Title\n\nGeert Wilders lost the vote. Nicolas Bay praised the anti-EU Wilders, calling it "
        "a “success”. See pic.twitter.com/mRqh4 Craig said the match was “one component”."
    )
    assert speakers(text) == ["Nicolas Bay", "Craig"]


def test_the_plural_of_a_word_the_article_writes_is_a_group_never_he() -> None:
    text = (
        "Title\n\nChechen leader Ramzan Kadyrov, a Muslim, spoke. Muslims in Europe say they "
        "will resist.\n\n“They want the entire world to change,” he said."
    )
    assert speakers(text)[-1] == "Ramzan Kadyrov"


def test_a_possessive_before_a_gerund_is_no_subject() -> None:
    text = (
        "Title\n\nChris Christie spoke on Sunday. Asked about Trump’s calling Hillary Clinton a "
        "bigot, Christie blamed Clinton.\n\n“She started it,” he said."
    )
    assert speakers(text) == ["Chris Christie"]


def test_a_party_tag_is_no_part_of_the_name_nor_of_the_role_after_it() -> None:
    text = (
        "Title\n\n“We are a yes,” said Rep. Mark Walker, R-N.C., leader of the Republican Study "
        "Committee. Sen. Chuck Schumer, D-New York, called the order “mean spirited”. House "
        "Speaker Paul Ryan-[R-Wis.]-told reporters he wants “some improvements”."
    )
    assert speakers(text) == ["Mark Walker", "Chuck Schumer", "Paul Ryan"]


def test_a_preposition_opening_a_sentence_is_no_name() -> None:
    text = (
        "Title\n\nAmid calls for a list, analyst Matt Walsh gave a reason, saying it is needed "
        "to “identify the traitors.”"
    )
    assert speakers(text) == ["Matt Walsh"]


def test_a_party_tag_keeps_the_apposition_after_it_apart() -> None:
    text = (
        "Title\n\n“It is constructive in fifth grade,” Rep. Justin Amash, R-Mich., a founder of "
        "the caucus, told reporters. Host Samantha Bee took aim at Rep. Steve King-(R-Iowa) over "
        "his “racist” tweet. Schumer and Sen. Richard Blumenthal (D-Conn.) introduced people who "
        "called him “very judicious”."
    )
    assert speakers(text) == ["Justin Amash", "Samantha Bee", "unattributed"]


def test_a_sentence_adverb_or_a_time_opening_is_no_speaker() -> None:
    text = (
        "Title\n\nMinutes after the vote, the PLO slammed the law as a means to “legalise "
        "theft”. Often dubbed the “home of winter sports,” the town hosted the games. Sadly, "
        "politicians vowed to put “true” residents first."
    )
    assert speakers(text) == ["PLO", "unattributed", "unattributed"]


def test_a_word_met_only_at_sentence_starts_names_someone_only_saying_something() -> None:
    text = (
        "Title\n\nForget the polls, the race is “wide open”. Politico reported that he "
        "“fabricated” the story."
    )
    assert speakers(text) == ["unattributed", "Politico"]


def test_a_name_never_starts_after_a_stop_or_an_ampersand() -> None:
    text = (
        "Title\n\nAngela Merkel spoke. The U.S. budgets 3 percent for defense. As Merkel said on "
        "Friday, the nation will meet the threshold.\n\n“We committed to this goal,” she said. "
        "AT&T said the outage was “resolved”."
    )
    assert speakers(text) == ["Angela Merkel", "AT&T"]


def test_a_capitalised_word_before_a_noun_of_people_or_bodies_is_no_subject() -> None:
    text = (
        "Title\n\nRussian citizen Oleg Lapin was flown to Baku, the news portal reported.\n\n"
        "“The flight landed in Baku.”\n\n"
        "State media said the talks had ended. “No deal was reached.”"
    )
    assert "Russian" not in speakers(text) and "State" not in speakers(text)
    assert speakers(text)[1] == "unattributed"


def test_a_conjunction_opening_a_sentence_is_no_name() -> None:
    text = (
        "Title\n\nAnna Berg spoke first.\n\n"
        "And then Tom Hale went fully on the attack, saying, “It is time to go.”"
    )
    assert [q.speaker for q in extract_quotes(text)] == ["Tom Hale"]
    or_name = classify("Or Tom Hale", 0, 11)
    assert or_name is not None and or_name.name == "Tom Hale"
    assert classify("Or", 0, 2) is None


def test_a_capitalised_word_opening_a_longer_noun_phrase_is_no_speaker() -> None:
    text = (
        "Title\n\nThousands marched through the city. Russian opposition leader Pavel Orlov "
        "was held for a night. Though it does say: “The marches will go on.”\n\n"
        "Premiums are rising. State and federal officials can help families. It is a "
        "“stability fund” that states can use.\n\n"
        "The record was reassessed. Vice presidential nominee Sara Lind was the first sign. "
        "The magazine went further. It called the term “a success.”"
    )
    found = speakers(text)
    assert not {"Russian", "State", "Vice"} & set(found)


def test_the_name_a_capitalised_modifier_leads_to_is_the_subject() -> None:
    text = (
        "Title\n\nDemocratic presidential candidate Ben Ostrow spoke in Ohio. “The plan is a "
        "gift to the banks,” he said."
    )
    assert speakers(text) == ["Ben Ostrow"]


def test_a_word_opening_a_line_is_at_a_sentence_start() -> None:
    text = (
        "Title\n\nThe senator backed the bill. pic.twitter.com/Ab12Cd\n\n"
        "Appreciated joining the caucus for lunch again today. This is it.\n\n"
        "The talks went on for hours. “We are close to a deal,” he said."
    )
    assert "Appreciated" not in speakers(text)


def test_damaged_text_names_no_body() -> None:
    text = (
        "Title\n\nRecords show she phoned his home. Garda\ufffd\ufffd-agreed with counsel this "
        "was her “preferred method of contact” but that calls were rare."
    )
    assert speakers(text) == ["unattributed"]


def test_an_adverb_opening_a_sentence_is_no_speaker() -> None:
    text = (
        "Title\n\n“He was an inspiration to millions,” the foundation said in a statement. "
        "Affectionately called “Uncle Kay” by his supporters, Kadri gave his life to the "
        "struggle.\n\nThe vote was close. Reportedly told “the deal is off” by aides, the "
        "minister left."
    )
    found = speakers(text)
    assert "Affectionately" not in found and "Reportedly" not in found


def test_a_verb_and_its_object_are_no_speaker_name() -> None:
    text = (
        "Title\n\nThe meeting ended. Hale and Ryan issued a statement describing their talks "
        "as a “very positive step toward unity” on Thursday."
    )
    assert "Ryan issued a statement" not in speakers(text)


def test_a_subject_before_an_irregular_or_plural_verb_is_no_modifier() -> None:
    text = (
        "Title\n\nThe minister spoke of his past. In the early 2000s, Murphy taught English to "
        "migrants at a school in Dublin. “It changed my life,” he said.\n\n"
        "Some on both sides are loose with facts. Republicans are overlooking President Tom "
        "Hale's promise to deliver “insurance for everybody,” which will not happen."
    )
    assert speakers(text) == ["Murphy", "Republicans"]


def test_a_rubric_in_capitals_opens_no_subject() -> None:
    text = (
        "Title\n\nThe vote is near. PHOTO OF THE DAY: Thousands of people marched in the "
        "capital. It said the marches were “peaceful.”"
    )
    assert speakers(text) == ["unattributed"]


def test_a_place_before_an_apposed_role_is_no_part_of_it() -> None:
    text = (
        "Title\n\nThe storm hit the city. Four people died in the city, an official at the "
        "city's civil defense department said, calling it “the worst in years.”"
    )
    assert speakers(text) == ["An official at the city's civil defense department"]


def test_a_word_after_a_sentence_closed_in_brackets_is_at_a_sentence_start() -> None:
    text = (
        "Title\n\nThe site added new filters. (So, this helps when your feed is busy.) Tweets "
        "coming from new accounts can be hidden. Later, Maria Lind said so."
    )
    names = NameTable(text)
    assert not names.proper("Tweets")
    assert names.proper("Lind")
