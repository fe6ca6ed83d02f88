"""The bundled seed articles load with the right titles, outlets and set-aside lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from peskovtui.corpus import Article, load_corpus


@pytest.fixture(scope="module")
def articles() -> dict[str, Article]:
    seeds = Path(__file__).resolve().parents[2] / "seeds"
    corpus = load_corpus([seeds])
    assert corpus.warnings == ()
    return {a.id[:3]: a for a in corpus.articles}


def test_titles_come_from_the_first_article_line(articles: dict[str, Article]) -> None:
    assert articles["000"].title.startswith("A top aide to Russian President Vladimir Putin")
    assert articles["001"].title == (
        "Peskov has not ruled out the possibility that Putin and Trump could meet prior to "
        "the inauguration"
    )
    assert articles["002"].title == (
        "Fareed Zakaria Presses Kremlin Spox: Was There Any ‘Serious Communication’ with "
        "Team Trump?"
    )
    # The first line of 003 is an image file name, not its title.
    assert articles["003"].title == "Dmitry Peskov on Trump campaign's Russian ties"
    assert articles["004"].title == "Kremlin calls for ‘more mutual respect’ with US"


def test_outlets_only_where_the_text_states_one(articles: dict[str, Article]) -> None:
    # 000 and 004 mention CNN ("told CNN") but never state it as their outlet.
    assert articles["000"].outlet is None
    assert articles["001"].outlet is None
    assert articles["002"].outlet == "Mediaite"
    assert articles["003"].outlet == "CNN"
    assert articles["004"].outlet is None


def test_author_box_gives_the_author(articles: dict[str, Article]) -> None:
    assert articles["002"].authors == ("Josh Feldman",)
    assert all(not articles[k].authors for k in ("000", "001", "003", "004"))


def test_text_starts_with_the_title_line(articles: dict[str, Article]) -> None:
    for article in articles.values():
        assert article.text.startswith(article.title)
        first = article.paragraphs[0]
        assert first.role == "title"
        assert article.text[first.start : first.end] == article.title


def test_paragraph_ranges_cover_the_text(articles: dict[str, Article]) -> None:
    for article in articles.values():
        rebuilt = "\n\n".join(article.text[p.start : p.end] for p in article.paragraphs)
        assert rebuilt == article.text
        for index, p in enumerate(article.paragraphs):
            assert article.paragraph_index(p.start) == index
            assert article.paragraph_index(p.end - 1) == index


def test_lines_that_are_not_the_article_are_set_aside(articles: dict[str, Article]) -> None:
    def aside(key: str) -> dict[str, str]:
        return {s.line: s.reason for s in articles[key].set_aside}

    assert aside("000") == {
        "RELATED: US finds growing evidence Russia feeding emails to WikiLeaks": "promotion",
        "RELATED: Team Trump is already filled with Washington insiders": "promotion",
    }
    assert aside("001") == {"Russia, USA, Putin, Trump, Peskov": "keyword tags"}
    assert aside("002") == {
        "Watch above, via CNN.": "video credit",
        "[image via screengrab]": "image credit",
        "— —": "separator",
        "Follow Josh Feldman on Twitter: @feldmaniac": "promotion",
        "Have a tip we should know? tips@mediaite.com": "promotion",
        "Filed Under:": "promotion",
        "Josh Feldman is a Senior Editor at Mediaite. Email him here: josh@mediaite.com": (
            "author box"
        ),
        "Follow him on Twitter: @feldmaniac": "promotion",
    }
    assert aside("003") == {
        "exp GPS 0312 Peskov Trump Russia_00002601.jpg": "image credit",
        "01:15 - Source: CNN": "video credit",
        "Story highlights": "page furniture",
    }
    assert aside("004") == {"Exit mobile version": "promotion"}
    for article in articles.values():
        for line in article.set_aside:
            assert line.line not in article.text


def test_every_other_line_of_the_source_is_in_the_text(articles: dict[str, Article]) -> None:
    for article in articles.values():
        assert article.path is not None
        aside = " ".join(s.line for s in article.set_aside)
        for line in Path(article.path).read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line and line not in aside:
                assert line in article.text, line


def test_roles_of_story_furniture(articles: dict[str, Article]) -> None:
    cnn = articles["003"]
    roles = [(p.role, cnn.text[p.start : p.end]) for p in cnn.paragraphs[:5]]
    assert roles[1:4] == [
        (
            "subtitle",
            "President Putin's spokesman tells Fareed Zakaria he is sorry for controversies",
        ),
        (
            "subtitle",
            "Dmitry Peskov says America is humiliating itself by accusing Russia of "
            "interfering with the US election",
        ),
        ("dateline", "CNN \xa0—"),
    ]
    assert cnn.dateline == "CNN"
    headings = [
        articles["004"].text[p.start : p.end]
        for p in articles["004"].paragraphs
        if p.role == "heading"
    ]
    assert headings == ["‘Readiness to have a dialogue’", "‘Illegal action’", "‘Witch hunt?’"]


def test_bracketed_words_stay_literal(articles: dict[str, Article]) -> None:
    assert "explaining the matter [to him]" in articles["004"].text
    assert "interfered in [the] electoral process" in articles["002"].text
