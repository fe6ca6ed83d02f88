"""``peskovtui show URL``: an article found by its source URL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from peskovtui.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def news(tmp_path: Path) -> Path:
    data = tmp_path / "news.csv"
    data.write_text(
        "article_id,publish_date,article_source_link,title,text\n"
        "a1,2017-01-05,https://www.cnn.com/2017/01/05/politics/a1/,Kremlin,First text.\n"
        "b2,2017-01-06,http://abcnews.go.com/US/story?id=45319196,Story,Second text.\n"
        "c3,2017-01-07,https://tass.com/same,Same one,Third text.\n"
        "d4,2017-01-08,http://www.tass.com/same/,Same two,Fourth text.\n"
        "e5,2017-01-09,,No link,Fifth text.\n",
        encoding="utf-8",
    )
    return data


@pytest.mark.parametrize(
    "url",
    [
        "https://www.cnn.com/2017/01/05/politics/a1/",
        "http://cnn.com/2017/01/05/politics/a1",
        "https://cnn.com/2017/01/05/politics/a1#section",
        "www.cnn.com/2017/01/05/politics/a1",
    ],
)
def test_show_finds_the_article_by_its_url(
    capsys: pytest.CaptureFixture[str], news: Path, url: str
) -> None:
    status, out, err = run(capsys, "show", url, str(news), "--format", "json")
    assert (status, err) == (0, "")
    assert json.loads(out)["id"] == "a1"


def test_a_query_string_is_part_of_the_url(capsys: pytest.CaptureFixture[str], news: Path) -> None:
    status, out, _ = run(
        capsys, "show", "https://abcnews.go.com/US/story?id=45319196", str(news), "--format", "json"
    )
    assert status == 0
    assert json.loads(out)["id"] == "b2"
    status, out, err = run(capsys, "show", "https://abcnews.go.com/US/story?id=4531919", str(news))
    assert (status, out) == (1, "")
    assert err == (
        "peskovtui: No article has the URL 'https://abcnews.go.com/US/story?id=4531919'.\n"
    )


def test_a_url_of_several_articles_lists_their_ids(
    capsys: pytest.CaptureFixture[str], news: Path
) -> None:
    status, out, err = run(capsys, "show", "https://tass.com/same", str(news))
    assert (status, out) == (1, "")
    assert err == (
        "peskovtui: 2 articles have the URL 'https://tass.com/same' (c3, d4); name one by its id.\n"
    )


def test_an_id_is_still_an_id(capsys: pytest.CaptureFixture[str], news: Path) -> None:
    status, out, _ = run(capsys, "show", "e5", str(news), "--format", "json")
    assert status == 0
    assert json.loads(out)["url"] is None
