"""Checking a quote against the seeds: the verdict, every place, and the words that differ."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest

from peskovtui.library import Library
from peskovtui.quotes.check import CheckError, CheckResult, Finding

FIRST = "000_8b6f72e4f8395ed9"
MEDIAITE = "002_3d0a4687557009c2"
CNN = "003_7447ffa13057d1de"


@pytest.fixture(scope="module")
def library() -> Iterator[Library]:
    library = Library.open()
    yield library
    library.close()


def places(result: CheckResult) -> list[tuple[str, str, str | None, int, str, list[str]]]:
    """Each place as (article, kind, speaker, paragraph, passage, differing words)."""
    return [
        (f.article_id, f.kind, f.speaker, f.paragraph, f.passage, marked(f))
        for f in result.findings
    ]


def marked(finding: Finding) -> list[str]:
    return [finding.passage[s - finding.start : e - finding.start] for s, e in finding.differences]


def test_every_passage_is_its_range_of_the_article_text(library: Library) -> None:
    result = library.check("with very, very stable political traditions")
    assert result.findings
    for finding in result.findings:
        text = library.article(finding.article_id).text
        assert text[finding.start : finding.end] == finding.passage
        for start, end in finding.differences:
            assert finding.start <= start < end <= finding.end


def test_a_quote_reported_verbatim_twice_in_one_article(library: Library) -> None:
    result = library.check("Because what we have currently is a very lousy relationship.")
    assert result.verdict == "found verbatim"
    passage = "Because what we have currently is a very lousy relationship"
    assert places(result) == [
        (FIRST, "verbatim", "Dmitry Peskov", 5, passage, []),
        (FIRST, "verbatim", "Dmitry Peskov", 19, passage, []),
    ]
    assert [(f.start, f.end) for f in result.findings] == [(1230, 1289), (3817, 3876)]
    assert all(f.verbatim and not f.missing for f in result.findings)


def test_a_changed_word_is_marked_in_the_other_outlet(library: Library) -> None:
    result = library.check("with very, very stable political traditions")
    assert result.verdict == "found verbatim"
    assert places(result) == [
        (
            MEDIAITE,
            "verbatim",
            "Dmitry Peskov",
            5,
            "with very, very stable political traditions",
            [],
        ),
        (
            CNN,
            "different wording",
            "Dmitry Peskov",
            11,
            "with a very, very stable political tradition",
            ["a", "tradition"],
        ),
    ]
    cnn = result.findings[1]
    assert (cnn.outlet, cnn.verbatim, cnn.missing) == ("CNN", False, ())


def test_only_a_reworded_version_gives_different_wording(library: Library) -> None:
    result = library.check(
        "We have never seen any evidence. And we have never heard anything trustful."
    )
    assert result.verdict == "found with different wording"
    assert places(result) == [
        (
            MEDIAITE,
            "different wording",
            "Dmitry Peskov",
            10,
            "We have never seen any evidence. And we have never heard something trustful",
            ["something"],
        ),
        (CNN, "different wording", "Dmitry Peskov", 15, "We have never seen any evidence", []),
    ]
    assert result.findings[1].missing == (
        "and",
        "we",
        "have",
        "never",
        "heard",
        "anything",
        "trustful",
    )


def test_an_ellipsis_matches_the_words_left_out(library: Library) -> None:
    result = library.check(
        "It's a normal exchange of views … I want to repeat that we cannot speak about any "
        "official contact"
    )
    assert result.verdict == "found verbatim"
    assert places(result) == [
        (
            FIRST,
            "verbatim",
            "Dmitry Peskov",
            10,
            "It’s a normal exchange of views.”\n\nHe added, “I want to repeat that we cannot "
            "speak about any official contact",
            [],
        ),
        (
            FIRST,
            "verbatim",
            "Dmitry Peskov",
            17,
            "It’s a normal exchange of views … But again I want to repeat that we cannot speak "
            "about any official contact",
            [],
        ),
    ]


def test_three_dots_are_an_ellipsis_too(library: Library) -> None:
    dots = library.check("America, a huge country... the most powerful country in the world")
    assert dots.verdict == "found verbatim"
    assert places(dots) == [
        (
            MEDIAITE,
            "verbatim",
            "Dmitry Peskov",
            5,
            "America, a huge country…the most powerful country in the world",
            [],
        ),
        (
            CNN,
            "different wording",
            "Dmitry Peskov",
            11,
            "a huge country, a country number one, the most powerful country in the world",
            [],
        ),
    ]
    assert dots.findings[1].missing == ("america",)


def test_a_paraphrase_outside_quote_marks_is_reported(library: Library) -> None:
    result = library.check("it was impossible for Russia to have interfered with the 2016 election")
    assert result.verdict == "found with different wording"
    assert places(result) == [
        (
            CNN,
            "reported",
            None,
            5,
            "it was impossible for his country to have interfered with the 2016 election",
            ["his country"],
        )
    ]


def test_text_not_in_the_corpus(library: Library) -> None:
    result = library.check("The moon is made of green cheese, the minister said on Tuesday.")
    assert (result.verdict, result.findings) == ("not found", ())


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "There are no words to check: paste the words of a quote."),
        ("   \n\t", "There are no words to check: paste the words of a quote."),
        ("“…!?”", "There are no words to check: paste the words of a quote."),
        ("lousy", "1 word is too few to check: paste at least 4 words of the quote."),
        (
            "a lousy relationship",
            "3 words are too few to check: paste at least 4 words of the quote.",
        ),
    ],
)
def test_bad_input_is_one_sentence(library: Library, text: str, message: str) -> None:
    with pytest.raises(CheckError) as raised:
        library.check(text)
    assert str(raised.value) == message


def test_places_are_listed_earliest_first(tmp_path: Path) -> None:
    data = tmp_path / "news.csv"
    words = "we will never let anyone put his nose in our domestic affairs"
    with data.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["article_id", "publish_date", "title", "text"])
        writer.writerow(["late", "2017-03-02", "Later", f'"{words.capitalize()}," Peskov said.'])
        writer.writerow(["early", "2017-01-15", "Earlier", f'"{words.capitalize()}," he said.'])
        writer.writerow(["none", "2017-02-01", "Other", "Nothing of the kind was said here."])
    library = Library.open([data])
    try:
        result = library.check(words)
    finally:
        library.close()
    assert [(f.article_id, f.date, f.kind) for f in result.findings] == [
        ("early", "2017-01-15", "verbatim"),
        ("late", "2017-03-02", "verbatim"),
    ]
    assert [f.to_json()["passage"] for f in result.findings] == [words.capitalize()] * 2


def test_no_matched_words_reach_across_an_ellipsis(tmp_path: Path) -> None:
    # "real" ends the words before the ellipsis and also stands just before the words after
    # it in the article: the match must not join them and leave "the leaks are" behind.
    said = (
        "The leaks are real. The leaks are absolutely real. The news is fake because so much "
        "of the news is fake"
    )
    (tmp_path / "leaks.txt").write_text(
        f"Press conference\n\n“{said},” the president said.\n", encoding="utf-8"
    )
    library = Library.open([tmp_path])
    try:
        result = library.check(
            "The leaks are real … the news is fake because so much of the news is fake"
        )
    finally:
        library.close()
    assert result.verdict == "found verbatim"
    assert [(f.kind, f.passage, f.differences, f.missing) for f in result.findings] == [
        ("verbatim", said, (), ())
    ]


def test_a_passage_sharing_only_the_common_words_is_another_statement(tmp_path: Path) -> None:
    # "I have never seen" opens both; the words that make the statement differ.
    (tmp_path / "briefing.txt").write_text(
        "Briefing\n\n"
        "“I have never seen more dishonest media,” the president said.\n\n"
        "“I have never seen anything like it,” the senator said.\n\n"
        "“I have never seen such dishonest media,” an aide said.\n",
        encoding="utf-8",
    )
    library = Library.open([tmp_path])
    try:
        result = library.check("I have never seen more dishonest media")
    finally:
        library.close()
    assert [(f.kind, f.passage, marked(f)) for f in result.findings] == [
        ("verbatim", "I have never seen more dishonest media", []),
        ("different wording", "I have never seen such dishonest media", ["such"]),
    ]


def test_a_statement_reworded_keeps_its_telling_words(tmp_path: Path) -> None:
    # More than a third of the pasted words are replaced or left out, but seven of the words
    # that tell what it says are there: the same statement, reworded.
    (tmp_path / "bank.txt").write_text(
        "Bank\n\n“Its executives met with representatives of leading financial institutes in "
        "Europe, Asia and America,” the bank said.\n",
        encoding="utf-8",
    )
    library = Library.open([tmp_path])
    try:
        result = library.check(
            "The bank's management repeatedly met with representatives of the world's leading "
            "financial institutions in Europe, Asia and America"
        )
    finally:
        library.close()
    assert result.verdict == "found with different wording"
    assert [(f.passage, marked(f)) for f in result.findings] == [
        (
            "Its executives met with representatives of leading financial institutes in "
            "Europe, Asia and America",
            ["Its executives", "institutes"],
        )
    ]


def test_a_short_quote_of_common_words_is_found(tmp_path: Path) -> None:
    # Only "deny" is uncommon here: the words that tie a place together must not be so few
    # that the quote cannot be found at all.
    (tmp_path / "denial.txt").write_text(
        "Denial\n\n“I do not deny that,” the minister said.\n", encoding="utf-8"
    )
    library = Library.open([tmp_path])
    try:
        result = library.check("I do not deny that")
    finally:
        library.close()
    assert [(f.kind, f.passage) for f in result.findings] == [("verbatim", "I do not deny that")]
