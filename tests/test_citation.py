"""Citations carry the passage verbatim and say exactly where it comes from."""

from __future__ import annotations

from typing import Any

import pytest

from peskovtui.citation import as_markdown, as_plain, cite, cite_paragraph
from peskovtui.corpus import Article, compose_text


def article(**extra: Any) -> Article:
    text, paragraphs = compose_text(
        [
            ("A headline", "title"),
            ("First *para*.", "body"),
            ("“We are not dreamers,” he said.", "body"),
        ]
    )
    return Article(
        id="a1", title="A headline", text=text, paragraphs=paragraphs, path="/news/a1.txt", **extra
    )


def test_the_passage_is_the_exact_range() -> None:
    a = article()
    start = a.text.index("We are")
    end = a.text.index(",” he")
    c = cite(a, start, end, speaker="Dmitry Peskov", quote=True)
    assert c.passage == a.text[start:end] == "We are not dreamers"
    assert c.paragraphs == (3, 3)


def test_plain_citation() -> None:
    a = article(outlet="TASS", date="2016-11-20", url="http://tass.com/x")
    start = a.text.index("We are")
    text = as_plain(cite(a, start, start + 19, speaker="Dmitry Peskov", quote=True))
    assert text == (
        "“We are not dreamers”\n"
        "\n"
        "— Dmitry Peskov\n"
        "“A headline” (TASS, 2016-11-20)\n"
        "http://tass.com/x\n"
        f"Paragraph 3, characters {start}–{start + 19}, of a1 (/news/a1.txt)\n"
    )


def test_paragraph_citation_without_metadata() -> None:
    text = as_plain(cite_paragraph(article(), 1))
    assert text == (
        "First *para*.\n\n“A headline”\nParagraph 2, characters 12–25, of a1 (/news/a1.txt)\n"
    )


def test_markdown_citation_spanning_paragraphs() -> None:
    a = article(url="http://x.org/a", outlet="CNN")
    text = as_markdown(cite(a, 12, len(a.text)))
    assert text == (
        "> First *para*.\n"
        ">\n"
        "> “We are not dreamers,” he said.\n"
        ">\n"
        f"> — [A headline](http://x.org/a), CNN (paragraphs 2–3, characters 12–{len(a.text)}, "
        "`/news/a1.txt`)\n"
    )


def test_markdown_escapes_the_title_but_never_the_passage() -> None:
    a = Article(
        id="b",
        title="The *real* [story]",
        text="The *real* [story]\n\nx [y]",
        paragraphs=compose_text([("The *real* [story]", "title"), ("x [y]", "body")])[1],
    )
    md = as_markdown(cite(a, 20, 25, speaker="A_B", quote=True))
    assert md.startswith("> “x [y]”\n")
    assert "— A\\_B, *The \\*real\\* \\[story\\]*" in md


def test_a_range_outside_the_article_is_refused() -> None:
    with pytest.raises(ValueError):
        cite(article(), 5, 500)
