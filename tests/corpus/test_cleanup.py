"""Each cleanup rule on small fixtures of scraped news text."""

from __future__ import annotations

import pytest

from peskovtui.corpus.cleanup import clean_article, split_paragraphs
from peskovtui.corpus.dates import iso_date
from peskovtui.corpus.outlets import outlet_from_url


def body(text: str, **kwargs: str) -> list[str]:
    return [b for b, role in clean_article(text, **kwargs).blocks if role == "body"]


def reasons(text: str) -> dict[str, str]:
    return {s.line: s.reason for s in clean_article(text).set_aside}


def test_lost_paragraph_breaks_are_restored() -> None:
    text = (
        "First paragraph ends here.     Second one starts.  Third after two spaces. "
        "Same paragraph.   Fourth."
    )
    assert split_paragraphs(text) == [
        "First paragraph ends here.",
        "Second one starts.",
        "Third after two spaces. Same paragraph.",
        "Fourth.",
    ]


def test_two_spaces_inside_a_sentence_are_not_a_break() -> None:
    assert split_paragraphs("Getty  Images shows the scene.") == ["Getty  Images shows the scene."]


def test_hard_wrapped_paragraphs_are_joined() -> None:
    text = (
        "A title\n\n"
        "The first paragraph of a hard-wrapped file goes on for more than one\n"
        "line before it ends.\n\n"
        "The second paragraph is short.\n"
    )
    assert split_paragraphs(text) == [
        "A title",
        "The first paragraph of a hard-wrapped file goes on for more than one line before it ends.",
        "The second paragraph is short.",
    ]


def test_one_paragraph_per_line_when_lines_are_long() -> None:
    long = "word " * 30
    assert split_paragraphs(f"Title\n{long}\n{long}") == ["Title", long.strip(), long.strip()]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("exp GPS 0312 Peskov Trump Russia_00002601.jpg", "image credit"),
        ("[image via screengrab]", "image credit"),
        ("(Photo by Jane Doe/Getty Images)", "image credit"),
        ("Photo: Reuters", "image credit"),
        ("01:15 - Source: CNN", "video credit"),
        ("Watch above, via CNN.", "video credit"),
        ("Follow Josh Feldman on Twitter: @feldmaniac", "promotion"),
        ("Have a tip we should know? tips@mediaite.com", "promotion"),
        ("Exit mobile version", "promotion"),
        ("RELATED: Team Trump is already filled with Washington insiders", "promotion"),
        ("READ MORE: Kremlin says talks are not dead", "promotion"),
        ("Filed Under:", "promotion"),
        ("Advertisement", "promotion"),
        ("Russia, USA, Putin, Trump, Peskov", "keyword tags"),
        ("— —", "separator"),
        ("Source: Al Jazeera", "source credit"),
    ],
)
def test_lines_set_aside(line: str, reason: str) -> None:
    text = f"A headline\n{line}\nThe article says something long enough to be a paragraph."
    assert reasons(text) == {line: reason}
    assert body(text) == ["The article says something long enough to be a paragraph."]


def test_a_long_line_starting_like_a_promotion_is_article_text() -> None:
    glued = "READ MORE: A headline " + "and the paragraph a scrape glued to it " * 5
    assert reasons(f"Title\n{glued}") == {}


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("Title\nCNN  —\nKremlin spokesman Dmitry Peskov said Sunday.", "CNN"),
        ("Title\nMOSCOW, February 7. /TASS/. The Kremlin said.", "TASS"),
        ("Title\nWashington (CNN)Vice President Mike Pence cast a vote.", "CNN"),
        ("Title\nSome text.\nSource: CNN", "CNN"),
        ("Title\nText that ends. Source:-Al Jazeera and news agencies", "Al Jazeera"),
        ("Title\nText.\nJane Roe is a Senior Editor at Mediaite. Email her.", "Mediaite"),
        ("Title\nBy Jane Roe, Reuters\nThe text of the story goes on.", "Reuters"),
        ("Title\nBy Jane Roe | Associated Press\nThe text of the story goes on.", "AP"),
        # Mentions are not statements of the outlet.
        ("Title\nHe told CNN on Friday that he said so.", None),
        ("Title\nInterfax reported the remarks.", None),
        ("Title\nText that ends. Source:-News agencies", None),
        ("Title\nDonald Trump (R) said he would win.", None),
    ],
)
def test_outlet_only_where_stated(text: str, outlet: str | None) -> None:
    assert clean_article(text).outlet == outlet


@pytest.mark.parametrize(
    ("first_line", "dateline"),
    [
        ("MOSCOW, February 7. /TASS/. Russian citizen was extradited.", "MOSCOW, February 7"),
        ("MURMANSK. February 7. /TASS/. Development goes on.", "MURMANSK. February 7"),
        ("Washington (CNN)Vice President Mike Pence cast a vote.", "Washington"),
        ("MOSCOW, June 4 (Wire) - The Kremlin said on Tuesday.", "MOSCOW, June 4"),
        ('WASHINGTON "?Hundreds of groups sent a letter.', "WASHINGTON"),
        ("WASHINGTON — The Senate voted on Tuesday.", "WASHINGTON"),
        ("The Senate voted on Tuesday.", None),
    ],
)
def test_datelines(first_line: str, dateline: str | None) -> None:
    cleaned = clean_article(f"Title\n{first_line}")
    assert cleaned.dateline == dateline
    # The dateline stays in the text: it is part of the paragraph as published.
    assert body(f"Title\n{first_line}") == [first_line]


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("By Jane Roe and John Doe", ["Jane Roe", "John Doe"]),
        ("By Jane Roe, John Doe and Ann Lee", ["Jane Roe", "John Doe", "Ann Lee"]),
        ("By Jane Roe, Reuters", ["Jane Roe"]),
        ("By Jane Roe | Associated Press", ["Jane Roe"]),
    ],
)
def test_bylines(line: str, authors: list[str]) -> None:
    cleaned = clean_article(f"Title\n{line}\nThe text of the story.")
    assert cleaned.authors == authors
    assert [role for _, role in cleaned.blocks] == ["title", "byline", "body"]


def test_trailers_glued_to_the_end_are_set_aside() -> None:
    text = "Title\nThe last sentence. (China Daily European Weekly 01/27/2017 page32)"
    cleaned = clean_article(text)
    assert body(text) == ["The last sentence."]
    assert [s.line for s in cleaned.set_aside] == [
        "(China Daily European Weekly 01/27/2017 page32)"
    ]
    assert cleaned.outlet == "China Daily"


def test_data_set_rows_take_title_and_subtitle_from_their_columns() -> None:
    cleaned = clean_article("The body.", title="  A   headline ", subtitle=" a dek")
    assert cleaned.blocks == [("A headline", "title"), ("a dek", "subtitle"), ("The body.", "body")]


def test_headings_inside_the_body() -> None:
    text = "Title\nA first paragraph.\n‘Witch hunt?’\nAnother paragraph.\nThe end line"
    roles = [role for _, role in clean_article(text).blocks]
    # The last short line is not a heading: nothing follows it.
    assert roles == ["title", "body", "heading", "body", "body"]


def test_markdown_headings() -> None:
    cleaned = clean_article("# The title\n\nText of the body here.\n\n## A section\n\nMore text.")
    assert cleaned.blocks == [
        ("The title", "title"),
        ("Text of the body here.", "body"),
        ("A section", "heading"),
        ("More text.", "body"),
    ]


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2017/2/7", "2017-02-07"),
        ("2016/12/30 7:11", "2016-12-30T07:11:00"),
        ("2017-02-07", "2017-02-07"),
        ("2017-02-07T10:00:00Z", "2017-02-07T10:00:00+00:00"),
        ("Feb 7, 2017", "2017-02-07"),
        ("7 February 2017", "2017-02-07"),
        ("Tue, 07 Feb 2017 10:00:00 +0000", "2017-02-07T10:00:00+00:00"),
        ("   ", None),
        ("sometime in spring", "sometime in spring"),
        ("2017/13/40", "2017/13/40"),
    ],
)
def test_dates(value: str, iso: str | None) -> None:
    assert iso_date(value) == iso


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("http://www.cnn.com/2017/03/12/politics/peskov/", "CNN"),
        ("http://europe.chinadaily.com.cn/a/b.html", "China Daily"),
        ("http://abcnews.go.com/Politics/x", "ABC News"),
        ("https://www.example-news.org/story", "example-news.org"),
        ("not a url", None),
    ],
)
def test_outlet_from_url(url: str, outlet: str | None) -> None:
    assert outlet_from_url(url) == outlet
