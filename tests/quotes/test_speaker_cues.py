"""Cues that name a quote's speaker: labels, colons, inverted verbs, and pronouns that agree."""

from __future__ import annotations

from peskovtui.quotes import extract_quotes
from tests.quotes.texts import quotes_of, speakers


def test_a_label_line_names_the_speaker() -> None:
    text = (
        "Title\n\nWHAT THE POLLS SAY - Jeffrey M. Jones, Gallup: “Twenty states are solidly "
        "Republican.”\n\nMaria Lopez: “We saw it coming.”"
    )
    quotes = quotes_of(text)
    assert [q.speaker for q in quotes] == ["Jeffrey M. Jones", "Maria Lopez"]
    assert [q.cue for q in quotes] == ["label", "label"]


def test_a_sentence_ending_in_a_colon_gives_the_quote_to_its_subject() -> None:
    text = (
        "Title\n\nWhen the mayor spoke of a deal, Anna Berg fired back forcefully: “If they sue "
        "us, they will lose.”"
    )
    assert speakers(text) == ["Anna Berg"]


def test_any_verb_of_saying_may_come_before_its_subject() -> None:
    text = "Title\n\n“I’m a voter,” declares Anna Berg, 27, a nurse from Austin."
    assert speakers(text) == ["Anna Berg"]


def test_a_verb_that_takes_an_object_is_no_inverted_cue() -> None:
    text = "Title\n\nShe is “a disgrace,” called Anna Berg by the mayor."
    assert speakers(text) == ["unattributed"]


def test_he_or_she_never_means_a_place() -> None:
    text = (
        "Title\n\nMaria Lopez spoke in Miami on Monday.\n\n"
        "Virginia is one of the swing states.\n\n"
        "“We know we have work to do,” she told the crowd."
    )
    assert speakers(text) == ["Maria Lopez"]


def test_a_phrase_opening_with_like_is_no_subject() -> None:
    text = (
        "Title\n\nTarla Makaeff sued the school.\n\n"
        "Like Makaeff, Marvin Roffman does not want to fight anymore.\n\n"
        "“I'm 76, and I don't feel like going through that again,” he said."
    )
    assert speakers(text) == ["Marvin Roffman"]


def test_a_surname_the_article_names_in_full_is_a_person() -> None:
    text = (
        "Title\n\nRoberta A. Kaplan, a lawyer for the couples, argued the case in June.\n\n"
        "“There can’t be separate but equal marriage,” she told the judge."
    )
    assert speakers(text) == ["Roberta A. Kaplan"]


def test_the_subject_of_the_sentence_before_is_the_next_he() -> None:
    text = (
        "Title\n\n“With an eye to February,” Cruz said.\n\n"
        "Carson defied the question. “I will predict the winner,” he said."
    )
    assert speakers(text) == ["Cruz", "Carson"]


def test_a_surname_that_is_also_a_first_name_tells_no_gender() -> None:
    text = "Title\n\nClinton described the economy. “It is rigged,” she said."
    assert speakers(text) == ["Clinton"]


def test_a_first_name_borne_by_both_sexes_tells_no_gender() -> None:
    text = (
        "Title\n\nWidow Terry Strada spoke to the families.\n\n"
        "“All we are asking for is justice,” she said."
    )
    assert speakers(text) == ["Terry Strada"]


def test_said_closing_the_sentence_a_quote_stands_in_names_its_speaker() -> None:
    text = (
        "Title\n\nThe vote signals “the beginning of the end” for the union, said Anna Berg, "
        "a party founder. “We are ready,” the spokesman for the bank, Tom Hale, said."
    )
    assert speakers(text) == ["Anna Berg", "Tom Hale"]


def test_pointed_out_is_a_verb_of_saying() -> None:
    text = "Title\n\nAs analyst David Byler pointed out in December, “The rules can change.”"
    assert speakers(text) == ["David Byler"]


def test_a_quote_opening_with_dots_continues_the_speaker_before() -> None:
    text = (
        "Title\n\n“It is over,” said Kristan Hawkins, president of the group. “. . . You are "
        "going to want a judge who agrees.”"
    )
    assert speakers(text) == ["Kristan Hawkins", "Kristan Hawkins"]


def test_a_person_introduced_by_an_occupation_is_the_next_he() -> None:
    text = (
        "Title\n\n“It is not viable,” said Ron Weiser, a co-chair.\n\nJust a few months ago, "
        "Florida developer Mel Sembler expressed dismay. “I now fear it may happen,” he said."
    )
    assert speakers(text) == ["Ron Weiser", "Mel Sembler"]


def test_a_role_then_the_name_between_commas_is_the_subject() -> None:
    text = (
        "Title\n\nDossym Satpayev said it was fine.\n\nKazakhstan's foreign minister, Erlan "
        "Idrissov, plays down concerns.\n\n“Our philosophy is simple,” he said."
    )
    assert speakers(text) == ["Erlan Idrissov"]


def test_jan_is_a_name_both_sexes_bear() -> None:
    text = "Title\n\nFormer governor Jan Brewer calls security a priority. “It matters,” she said."
    assert speakers(text) == ["Jan Brewer"]


def test_as_a_source_puts_it_or_noted_gives_the_quote_to_that_source() -> None:
    text = (
        "Title\n\nThe bridge opened on Monday.\n\n"
        "As Ann Berg puts it, the crossing is “the town’s new front door.”\n\n"
        "As the Dayton Herald noted in an editorial, the cost was “a bargain.”"
    )
    assert [q.speaker for q in extract_quotes(text)] == ["Ann Berg", "Dayton Herald"]


def test_as_a_source_has_pointed_out_gives_the_quote_to_that_source() -> None:
    text = (
        "Title\n\nThe plant closed in May.\n\n"
        "As Ann Berg has pointed out, the closure was “a slow disaster.”"
    )
    assert speakers(text) == ["Ann Berg"]


def test_a_possessive_owner_of_a_claim_says_the_quote() -> None:
    text = (
        "Title\n\nMaria Lopez spoke in Miami on Monday.\n\n"
        "Tom Hale questioned her claim that she “never saw the letter.”\n\n"
        "Officials doubted Peter Grant's contention that the budget was “fully funded.”"
    )
    assert speakers(text) == ["Maria Lopez", "Peter Grant"]


def test_a_possessive_before_a_quoted_promise_owns_it() -> None:
    text = "Title\n\nVoters recalled Anna Berg's “no new taxes” pledge in the debate."
    assert speakers(text) == ["Anna Berg"]


def test_remarks_judged_by_the_reporter_are_not_their_owners_words() -> None:
    text = "Title\n\nCritics said Tom Hale's remarks were “hurtful” to the families."
    assert speakers(text) != ["Tom Hale"]


def test_a_cue_closing_the_sentence_after_a_reporters_clause_names_the_speaker() -> None:
    text = (
        "Title\n\nAnna Berg runs the shelter.\n\n"
        "Giving was “stagnant” for months as donors told the banks they would wait, she said."
    )
    assert speakers(text) == ["Anna Berg"]


def test_a_participle_after_said_shares_its_subject() -> None:
    text = (
        "Title\n\nPeter Grant left early, Anna Berg said, adding, “He never stayed long.”\n\n"
        "The plan is bold, Tom Hale said on Tuesday, noting that it would “cost far less.”"
    )
    assert speakers(text) == ["Anna Berg", "Tom Hale"]


def test_a_participle_with_no_verb_before_it_shares_the_sentence_subject() -> None:
    text = "Title\n\nAnna Berg left the meeting early, saying, “We have nothing to add.”"
    assert speakers(text) == ["Anna Berg"]


def test_any_verb_after_a_quote_closing_on_a_comma_names_the_speaker() -> None:
    text = (
        "Title\n\n“Go back to your desk,” Tom Hale barked as the guard led the reporter out.\n\n"
        "“This is fantastic!” beamed Anna Berg of Austin, who came early."
    )
    assert speakers(text) == ["Tom Hale", "Anna Berg"]


def test_a_verb_with_an_object_after_a_quote_quotes_someone_else() -> None:
    text = "Title\n\n“We will be ready by March,” NHK quoted the minister."
    assert speakers(text) != ["NHK"]


def test_a_cue_closing_the_sentence_names_every_quote_in_it() -> None:
    text = (
        "Title\n\nHis endorsements will carry “a great deal of weight” and bring candidates "
        "“grass-roots firepower,” DFA spokesman Neil Sroka said.\n\n"
        "“We are ready,” Ann Berg said, and “we are not,” Tom Hale said."
    )
    assert speakers(text) == ["Neil Sroka", "Neil Sroka", "Ann Berg", "Tom Hale"]


def test_says_is_the_main_verb_of_a_title_case_headline() -> None:
    text = (
        "Anna Berg Says New Museum Will Tell of ‘Suffering and Delight.’\n\n"
        "The museum opens on Saturday in Washington."
    )
    assert speakers(text) == ["Anna Berg"]


def test_a_sentence_of_nothing_but_said_names_the_quote_before_it() -> None:
    text = "Title\n\n“If you are listening, find the emails.” Tom Hale said. Anna Berg laughed."
    assert speakers(text) == ["Tom Hale"]


def test_a_headline_rubric_in_capitals_names_no_speaker() -> None:
    text = (
        "PRESS EXPLAINS: What is the Senate's 'nuclear option'?\n\n"
        "To change the rules or not? The senators disagree."
    )
    assert speakers(text) == ["unattributed"]


def test_a_name_then_its_role_between_commas_before_said_is_the_speaker() -> None:
    text = (
        "Title\n\nThe race went on. “If you look at Iowa, that is the turning point,” Dan "
        "Usher, director of research at Hartwell Polling, said at the time.\n\n"
        "“It is a good day,” Kevin Brand, chairman of the House Ways and Means Committee, said."
    )
    assert speakers(text) == ["Dan Usher", "Kevin Brand"]


def test_a_gerund_of_saying_after_a_preposition_shares_the_sentence_subject() -> None:
    text = (
        "Title\n\nAt the party's meeting in Denver, Chairman Reid Palmer scolded Tom Hale for "
        "suggesting that migrants should “go home on their own.”\n\n"
        "Reprising a favourite line, Anna Berg talked about continuing the “progress we "
        "made together.”"
    )
    assert speakers(text) == ["Reid Palmer", "Anna Berg"]


def test_an_acronym_in_capitals_before_a_title_is_no_pronoun() -> None:
    text = (
        "Title\n\nThe vote began.\n\n“The great state of Alabama is proud to cast its votes!” "
        "US Senator Jim Sellers said as he opened the roll call."
    )
    assert speakers(text) == ["Jim Sellers"]


def test_two_adjectives_parted_by_a_comma_stay_in_one_subject() -> None:
    text = (
        "Title\n\nHe made the climate his focus. “From day one, it was the top priority,” the "
        "bespectacled, 71-year-old diplomat said in an interview."
    )
    assert speakers(text) != ["unattributed"]
    assert "diplomat" in speakers(text)[0]
