"""What the command line says about itself: usage lines as the README gives them, counts in
words that agree with their number."""

from __future__ import annotations

from pathlib import Path

import pytest

from peskovtui.cli import USAGE, main

README = Path(__file__).resolve().parents[1] / "README.md"


def test_show_says_path_is_optional(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["show"])
    err = capsys.readouterr().err
    assert err.startswith("usage: peskovtui show ID|URL [PATH...] ")
    required = "peskovtui show: error: the following arguments are required: ID|URL"
    assert err.splitlines()[-1] == required


@pytest.mark.parametrize("command", sorted(USAGE))
def test_each_usage_line_is_the_readmes(capsys: pytest.CaptureFixture[str], command: str) -> None:
    with pytest.raises(SystemExit):
        main([command, "--help"])
    assert capsys.readouterr().out.startswith(f"usage: {USAGE[command]}\n")
    assert f"\n{USAGE[command]}\n" in README.read_text(encoding="utf-8")


def test_one_of_a_thing_is_singular(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "only.txt").write_text(
        "Only one\n\n“We will answer every one of these steps in kind,” said Ivan Petrov.\n",
        encoding="utf-8",
    )
    outputs = []
    folder = str(tmp_path)
    for args in (
        ["list", folder],
        ["quotes", folder],
        ["speakers", folder],
        ["search", "answer", folder],
        ["index", folder],
    ):
        assert main(args) == 0
        outputs.append(" ".join(capsys.readouterr().out.split()))
    listed, quotes, speakers, found, index = outputs
    assert f"{tmp_path.name}: 1 article " in listed
    assert f"{tmp_path.name}: 1 quote " in quotes
    assert f"{tmp_path.name}: 1 speaker " in speakers
    assert f"{tmp_path.name}: 1 article matches 'answer'" in found
    assert "built with 1 article " in index or "up to date" in index
