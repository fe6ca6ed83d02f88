"""``peskovtui speakers --speaker NAME [--timeline]``: one speaker, named as ``quotes --speaker``
takes a name, and their quotes per period and outlet, exactly, in each format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from peskovtui.cli import main

from .dated_seeds import write_dated_seeds


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def dated(tmp_path: Path) -> str:
    return str(write_dated_seeds(tmp_path))


def test_the_timeline_as_json_per_week_with_the_undated_apart(
    capsys: pytest.CaptureFixture[str], dated: str
) -> None:
    # A spelling of the name is resolved as ``quotes --speaker`` resolves it.
    status, out, err = run(
        capsys, "speakers", dated, "--speaker", "Dmitri Peskov", "--timeline", "--format", "json"
    )
    assert (status, err) == (0, "")
    assert json.loads(out) == [
        {"start": "2016-11-28", "end": "2016-12-04", "outlet": "TASS", "quotes": 15},
        {"start": "2016-11-28", "end": "2016-12-04", "outlet": "RT", "quotes": 6},
        {"start": "2017-03-06", "end": "2017-03-12", "outlet": "Mediaite", "quotes": 6},
        {"start": "2017-03-13", "end": "2017-03-19", "outlet": "CNN", "quotes": 7},
        {"start": None, "end": None, "outlet": "TASS", "quotes": 9},
    ]


def test_the_timeline_as_csv_per_day_over_a_short_span(
    capsys: pytest.CaptureFixture[str], dated: str
) -> None:
    status, out, _ = run(
        capsys, "speakers", dated, "--speaker", "zakaria", "--timeline", "--format", "csv"
    )
    assert status == 0
    assert out == (
        "start,end,outlet,quotes\n2017-03-12,2017-03-12,Mediaite,3\n2017-03-13,2017-03-13,CNN,2\n"
    )


def test_the_undated_seeds_have_only_undated_rows(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "speakers", "--speaker", "peskov", "--timeline", "--format", "csv")
    assert status == 0
    assert out.splitlines() == ["start,end,outlet,quotes", ",,,30", ",,CNN,7", ",,Mediaite,6"]


def test_the_timeline_as_a_table_says_the_period_and_the_undated(
    capsys: pytest.CaptureFixture[str], dated: str
) -> None:
    status, out, _ = run(capsys, "speakers", dated, "--speaker", "peskov", "--timeline")
    assert status == 0
    lines = out.splitlines()
    assert lines[0] == (
        "Dmitry Peskov: 43 quotes, per week over 16 weeks (2016-11-28 – 2017-03-19); 9 undated"
    )
    assert any(line.split() == ["undated", "│", "│", "TASS", "│", "9"] for line in lines)


def test_one_speaker_alone(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "speakers", "--speaker", "zakaria", "--format", "json")
    assert status == 0
    assert json.loads(out) == [
        {
            "speaker": "Fareed Zakaria",
            "kind": "person",
            "quotes": 5,
            "articles": 2,
            "variants": [],
        }
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("--speaker", "Farid Zakarov", "--timeline"),
            "peskovtui: No quote is attributed to 'Farid Zakarov'. Did you mean Maria Zakharova, "
            "Fareed Zakaria?\n",
        ),
        (
            ("--timeline",),
            "peskovtui: --timeline needs --speaker NAME: the speaker whose quotes to count.\n",
        ),
    ],
)
def test_an_unknown_speaker_or_no_speaker_is_one_sentence_and_non_zero(
    capsys: pytest.CaptureFixture[str], args: tuple[str, ...], message: str
) -> None:
    status, out, err = run(capsys, "speakers", *args)
    assert status != 0
    assert (out, err) == ("", message)
