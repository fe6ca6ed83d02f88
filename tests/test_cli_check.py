"""``peskovtui check``: the verdict first, each place, JSON for scripts, one-line errors."""

from __future__ import annotations

import json

import pytest
from rich.style import Style

from peskovtui.cli import main
from peskovtui.cli.output import marked

TRADITIONS = "with very, very stable political traditions"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_the_table_gives_the_verdict_then_each_place(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "check", TRADITIONS)
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == f"Found verbatim: 2 places in bundled articles: {TRADITIONS!r}"
    # The seeds have no dates: the first cell of each row is empty.
    rows = [" ".join(line.strip("│ ").split()) for line in lines if "Dmitry Peskov" in line]
    assert rows == [
        "Mediaite │ 002_3d0a4687557009c2 │ Dmitry Peskov │ verbatim │ 5 │ " + TRADITIONS,
        "CNN │ 003_7447ffa13057d1de │ Dmitry Peskov │ different wording │ 11 │ "
        "with a very, very stable political tradition",
    ]


def test_words_left_out_are_listed_under_the_passage(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(
        capsys,
        "check",
        "We have never seen any evidence. And we have never heard anything trustful.",
    )
    assert status == 0
    assert out.splitlines()[0].startswith("Found with different wording: 2 places in ")
    assert "left out: and we have never heard anything trustful" in " ".join(out.split())


def test_not_found_is_said_plainly_and_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "check", "The moon is made of green cheese")
    assert (status, err) == (0, "")
    assert out == "Not found in bundled articles: 'The moon is made of green cheese'\n"
    status, out, _ = run(capsys, "check", "The moon is made of green cheese", "--format", "json")
    assert (status, json.loads(out)) == (
        0,
        {"text": "The moon is made of green cheese", "verdict": "not found", "findings": []},
    )


def test_json_has_every_field_of_each_place(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "check", TRADITIONS, "--format", "json")
    answer = json.loads(out)
    assert (status, answer["text"], answer["verdict"]) == (0, TRADITIONS, "found verbatim")
    cnn = answer["findings"][1]
    assert cnn == {
        "article_id": "003_7447ffa13057d1de",
        "title": "Dmitry Peskov on Trump campaign's Russian ties",
        "outlet": "CNN",
        "date": None,
        "url": None,
        "speaker": "Dmitry Peskov",
        "kind": "different wording",
        "verbatim": False,
        "start": 1385,
        "end": 1429,
        "passage": "with a very, very stable political tradition",
        "paragraph": 11,
        "differences": [
            {"start": 1390, "end": 1391, "words": "a"},
            {"start": 1420, "end": 1429, "words": "tradition"},
        ],
        "missing": [],
    }
    status, out, _ = run(capsys, "check", TRADITIONS, "--format", "jsonl")
    assert [json.loads(line) for line in out.splitlines()] == answer["findings"]


def test_text_too_short_is_one_sentence(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "check", "lousy") == (
        1,
        "",
        "peskovtui: 1 word is too few to check: paste at least 4 words of the quote.\n",
    )
    status, out, err = run(capsys, "check", "")
    assert (status, out) == (1, "")
    assert err == "peskovtui: There are no words to check: paste the words of a quote.\n"


def test_differing_words_are_marked_never_read_as_markup() -> None:
    passage = "with a [bold]very[/bold] stable tradition"
    tradition = (passage.index("tradition"), len(passage))
    text = marked(passage, [(5, 6), tradition])
    assert text.plain == passage
    styled = [(s.start, s.end, s.style) for s in text.spans]
    assert [(a, b) for a, b, _ in styled] == [(5, 6), tradition]
    assert all(Style.parse(str(style)) == Style.parse("bold reverse") for _, _, style in styled)
