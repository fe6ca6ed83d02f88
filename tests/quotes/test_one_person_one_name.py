"""One person, one name across a corpus: aliases merged where the corpus leaves no doubt,
distinct people kept apart, and a speaker looked up exactly."""

from __future__ import annotations

from peskovtui.quotes import Quote, extract_quotes
from peskovtui.quotes.speakers import (
    normalise_speakers,
    speaker_aliases,
    speaker_index,
    speakers_named,
    suggest_speakers,
)


def quote(speaker: str, article: str, kind: str | None = "person") -> Quote:
    return Quote(0, 4, "a b c d", "full", 0, speaker, article_id=article, speaker_kind=kind)


def corpus_names(**counts: int) -> list[str]:
    return [name.replace("_", " ") for name, n in counts.items() for _ in range(n)]


def test_a_surname_alone_joins_the_full_name_holding_nine_in_ten_of_its_quotes() -> None:
    names = corpus_names(Donald_Trump=95, Ivanka_Trump=4, Trump=30, Eric_Trump=1)
    aliases = speaker_aliases(names)
    assert aliases["Trump"] == "Donald Trump"
    assert aliases["Ivanka Trump"] == "Ivanka Trump"
    assert aliases["Eric Trump"] == "Eric Trump"


def test_a_surname_alone_shared_evenly_stays_as_it_is() -> None:
    aliases = speaker_aliases(corpus_names(Ed_Miliband=6, David_Miliband=5, Miliband=3))
    assert aliases["Miliband"] == "Miliband"


def test_a_junior_is_not_his_father() -> None:
    aliases = speaker_aliases(corpus_names(Donald_Trump=9, Donald_Trump_Jr=3))
    assert aliases["Donald Trump Jr"] == "Donald Trump Jr"


def test_a_middle_initial_and_a_hyphen_are_the_same_name() -> None:
    aliases = speaker_aliases(
        corpus_names(John_Kelly=5, John_F_Kelly=2, Kim_Jong_Un=4, **{"Kim_Jong-un": 2})
    )
    assert aliases["John F Kelly"] == "John Kelly"
    assert aliases["Kim Jong-un"] == "Kim Jong Un"


def test_the_surname_of_a_chinese_or_korean_name_comes_first() -> None:
    aliases = speaker_aliases(corpus_names(Xi_Jinping=5, Xi=3, Jinping=1))
    assert aliases["Xi"] == "Xi Jinping"
    assert aliases["Jinping"] == "Jinping"


def test_an_acronym_or_a_group_is_no_surname() -> None:
    aliases = speaker_aliases(corpus_names(Kim_Jong_Un=5, UN=3, Trump_Officials=2, Officials=4))
    assert aliases["UN"] == "UN"
    assert aliases["Officials"] == "Officials"


def test_the_index_lists_each_person_with_the_names_merged_and_a_kind() -> None:
    quotes = [
        *(quote("Donald Trump", article) for article in "aaaaaaaaab"),
        quote("Trump", "c"),
        quote("Ivanka Trump", "d"),
        quote("Reuters", "d", "organisation"),
        quote("A senior official", "e", "role"),
    ]
    aliases = speaker_aliases(q.speaker for q in quotes)
    index = speaker_index(normalise_speakers(quotes, aliases), aliases)
    assert [(s.speaker, s.kind, s.quotes, s.articles, s.variants) for s in index] == [
        ("Donald Trump", "person", 11, 3, ("Trump",)),
        ("A senior official", "role", 1, 1, ()),
        ("Ivanka Trump", "person", 1, 1, ()),
        ("Reuters", "organisation", 1, 1, ()),
    ]


def test_a_speaker_is_named_exactly_never_by_a_part_of_the_name() -> None:
    known = ["Donald Trump", "Ivanka Trump", "Many Trump supporters", "Fareed Zakaria"]
    aliases = {"Trump": "Donald Trump", "DONALD TRUMP": "Donald Trump"}
    assert speakers_named("trump", known, aliases) == {"Donald Trump"}
    assert speakers_named("donald trump", known, aliases) == {"Donald Trump"}
    assert speakers_named("Ivanka Trump", known, aliases) == {"Ivanka Trump"}
    assert speakers_named("zakaria", known, aliases) == {"Fareed Zakaria"}
    assert speakers_named("Fared Zakaria", known, aliases) == {"Fareed Zakaria"}
    assert speakers_named("supporters", known, aliases) == set()


def test_a_surname_several_people_bear_names_none_of_them() -> None:
    known = ["Ed Miliband", "David Miliband"]
    assert speakers_named("miliband", known, {}) == set()
    assert suggest_speakers("miliband", known) == ["Ed Miliband", "David Miliband"]


def test_the_article_gives_the_surname_of_a_chinese_name_alone() -> None:
    text = (
        "Title\n\nChinese Foreign Minister Wang Yi met Sergey Lavrov. “We agree,” Wang said. "
        "“We will see,” Lavrov said."
    )
    assert [q.speaker for q in extract_quotes(text)] == ["Wang Yi", "Sergey Lavrov"]


def test_a_surname_alone_joins_only_a_full_name_quoted_in_several_articles() -> None:
    names = corpus_names(Dionardo_Carlos=17, Carlos=2, Dmitry_Peskov=9, Peskov=4)
    spread = {"Dionardo Carlos": 1, "Carlos": 1, "Dmitry Peskov": 5, "Peskov": 2}
    aliases = speaker_aliases(names, spread)
    assert aliases["Carlos"] == "Carlos"
    assert aliases["Peskov"] == "Dmitry Peskov"


def test_a_first_name_alone_is_never_one_persons_surname() -> None:
    aliases = speaker_aliases(corpus_names(John_Kelly=50, Kelly=5, Xi_Jinping=5, Xi=3))
    assert aliases["Kelly"] == "Kelly"
    assert aliases["Xi"] == "Xi Jinping"
