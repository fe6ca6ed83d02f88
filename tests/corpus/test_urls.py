"""An article's URL in the one form that finds it."""

from __future__ import annotations

import pytest

from peskovtui.corpus.urls import looks_like_url, normalise_url


@pytest.mark.parametrize(
    "written",
    [
        "https://www.cnn.com/2017/01/10/politics/x/",
        "http://cnn.com/2017/01/10/politics/x",
        "HTTPS://WWW.CNN.COM/2017/01/10/politics/x#comments",
        "  www.cnn.com/2017/01/10/politics/x/  ",
        "cnn.com/2017/01/10/politics/x",
    ],
)
def test_the_same_page_written_differently_is_one_url(written: str) -> None:
    assert normalise_url(written) == "cnn.com/2017/01/10/politics/x"


def test_the_path_case_and_the_query_string_are_kept() -> None:
    assert normalise_url("http://abcnews.go.com/US/story?id=45319196") == (
        "abcnews.go.com/US/story?id=45319196"
    )
    assert normalise_url("http://abcnews.go.com/us/story?id=4531919") != (
        normalise_url("http://abcnews.go.com/US/story?id=45319196")
    )
    assert normalise_url("https://x.org/a/?b=1#top") == "x.org/a?b=1"


def test_other_schemes_keep_their_scheme_and_blanks_become_one_word() -> None:
    assert normalise_url("ftp://www.x.org/a/") == "ftp://x.org/a"
    assert normalise_url("https://x.org/a b") == "x.org/a%20b"
    assert normalise_url("   ") == ""


@pytest.mark.parametrize(
    ("text", "url"),
    [
        ("https://tass.com/a1", True),
        ("http://x", True),
        ("www.rt.com/b2", True),
        ("004-peskov", False),
        ("45310061", False),
        ("news/a.txt", False),
    ],
)
def test_what_looks_like_a_url(text: str, url: bool) -> None:
    assert looks_like_url(text) is url
