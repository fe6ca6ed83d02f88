"""The quotes and speakers subcommands in each format, and their one-line errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from peskovtui.cli import main
from peskovtui.library import Library


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_quotes_json_is_verbatim_and_complete(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "quotes", "--format", "json", "--all")
    assert (status, err) == (0, "")
    records = json.loads(out)
    library = Library.open()
    assert len(records) == 61
    for r in records:
        assert set(r) >= {
            "article_id",
            "start",
            "end",
            "text",
            "speaker",
            "speaker_mention",
            "kind",
            "cluster",
        }
        assert library.article(r["article_id"]).text[r["start"] : r["end"]] == r["text"]
    assert any(r["cluster"] for r in records)


def test_quotes_filters(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "quotes", "--format", "jsonl")
    visible = [json.loads(line) for line in out.splitlines()]
    assert visible and all(r["kind"] not in ("fragment", "term") for r in visible)
    _, out, _ = run(capsys, "quotes", "--format", "jsonl", "--all")
    terms = [json.loads(line) for line in out.splitlines() if '"term"' in line]
    assert [(r["text"], r["speaker"]) for r in terms] == [("Kompromat", "unattributed")]
    _, out, _ = run(capsys, "quotes", "--speaker", "zakaria", "--format", "json")
    assert {r["speaker"] for r in json.loads(out)} == {"Fareed Zakaria"}
    _, out, _ = run(capsys, "quotes", "--speaker", "PESKOV", "--format", "json")
    assert {r["speaker"] for r in json.loads(out)} == {"Dmitry Peskov"}
    _, out, _ = run(
        capsys, "quotes", "--article", "004", "--speaker", "Dmitri Peskov", "--format", "json"
    )
    records = json.loads(out)
    assert records and {r["article_id"][:3] for r in records} == {"004"}


def test_quotes_csv_md_and_table(capsys: pytest.CaptureFixture[str], seeds: Path) -> None:
    _, out, _ = run(capsys, "quotes", str(seeds), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows[0].keys() >= {"article_id", "start", "end", "text", "speaker", "kind", "cluster"}
    _, out, _ = run(capsys, "quotes", "--format", "md")
    assert out.startswith("| article_id | start | end | text |")
    status, out, _ = run(capsys, "quotes")
    assert status == 0
    assert "Dmitry Peskov" in out and "quotes" in out


def test_speakers(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "speakers", "--format", "json")
    assert status == 0
    speakers = json.loads(out)
    assert speakers[0]["speaker"] == "Dmitry Peskov"
    assert speakers[0]["kind"] == "person"
    assert speakers[0]["quotes"] > 40 and speakers[0]["articles"] == 5
    assert {s["kind"] for s in speakers} <= {"person", "organisation", "role"}
    status, out, _ = run(capsys, "speakers")
    assert status == 0 and "Fareed Zakaria" in out


def test_errors_are_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, out, err = run(capsys, "quotes", "--speaker", "Nobody Atall")
    assert (status, out) == (1, "")
    assert err.startswith("peskovtui: No quote is attributed to 'Nobody Atall'.")
    status, _, err = run(capsys, "quotes", "--article", "999")
    assert status == 1 and err.startswith("peskovtui: No article has the id")
    status, _, err = run(capsys, "speakers", str(tmp_path / "missing"))
    assert status == 1 and err.startswith("peskovtui: ") and "Traceback" not in err


@pytest.mark.parametrize("everything", [[], ["--all"]])
def test_speakers_counts_what_quotes_speaker_lists(
    capsys: pytest.CaptureFixture[str], everything: list[str]
) -> None:
    status, out, _ = run(capsys, "speakers", "--format", "json", *everything)
    assert status == 0
    speakers = json.loads(out)
    assert speakers
    for speaker in speakers:
        _, out, _ = run(
            capsys, "quotes", "--speaker", speaker["speaker"], "--format", "json", *everything
        )
        listed = [r for r in json.loads(out) if r["speaker"] == speaker["speaker"]]
        assert len(listed) == speaker["quotes"]
        assert len({r["article_id"] for r in listed}) == speaker["articles"]


def test_speakers_leaves_fragments_out_unless_all() -> None:
    library = Library.open()
    library.read_quotes()
    counted = {s.speaker: s.quotes for s in library.speakers()}
    everything = {s.speaker: s.quotes for s in library.speakers(include_fragments=True)}
    fragments = [q for q in library.quotes(include_fragments=True) if q.kind == "fragment"]
    assert sum(everything.values()) - sum(counted.values()) == sum(q.attributed for q in fragments)
    assert counted["Dmitry Peskov"] < everything["Dmitry Peskov"]
