"""One numbering of paragraphs everywhere: every output counts them as the reader's margin and
every copied citation do, from 1, the title being paragraph 1."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest

from peskovtui.citation import as_plain, cite
from peskovtui.cli import main
from peskovtui.library import Library


def records(capsys: pytest.CaptureFixture[str], fmt: str) -> list[dict[str, Any]]:
    assert main(["quotes", "--all", "--format", fmt]) == 0
    out = capsys.readouterr().out
    if fmt == "json":
        parsed: list[dict[str, Any]] = json.loads(out)
        return parsed
    if fmt == "jsonl":
        return [json.loads(line) for line in out.splitlines()]
    if fmt == "csv":
        return [dict(row) for row in csv.DictReader(io.StringIO(out))]
    header, _, *rows = out.splitlines()
    names = [cell.strip() for cell in header.strip("|").split(" | ")]
    return [
        dict(zip(names, (c.strip() for c in row.strip("|").split(" | ")), strict=True))
        for row in rows
    ]


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "md"])
def test_a_quotes_paragraph_is_the_one_its_citation_names(
    capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    library = Library.open()
    exported = records(capsys, fmt)
    assert len(exported) == 61
    for record in exported:
        article = library.article(record["article_id"])
        start, end = int(record["start"]), int(record["end"])
        citation = cite(article, start, end, speaker=record["speaker"], quote=True)
        first, _ = citation.paragraphs
        assert int(record["paragraph"]) == first
        assert f"Paragraph {first}," in as_plain(citation) or f"Paragraphs {first}–" in as_plain(
            citation
        )


def test_a_quote_in_the_first_body_paragraph_is_not_numbered_from_0(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # 004 has no subtitle: its title is paragraph 1 and its first body paragraph is 2.
    assert main(["quotes", "--article", "004", "--all", "--format", "json"]) == 0
    exported = json.loads(capsys.readouterr().out)
    article = Library.open().article("004")
    for record in exported:
        index = next(
            i for i, p in enumerate(article.paragraphs) if p.start <= record["start"] < p.end
        )
        assert record["paragraph"] == index + 1 >= 1


def test_the_quotes_table_shows_the_same_paragraph(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["quotes", "--article", "004", "--format", "json"]) == 0
    body = [r for r in json.loads(capsys.readouterr().out) if r["paragraph"] > 1]
    assert main(["quotes", "--article", "004"]) == 0
    table = capsys.readouterr().out
    for record in body:
        at = f"{record['start']}-{record['end']}"
        row = next(line for line in table.splitlines() if f" {at} " in line)
        cells = [cell.strip() for cell in row.split("│")]
        assert cells[cells.index(at) - 1] == str(record["paragraph"])


def test_show_json_numbers_its_paragraphs_from_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "004", "--format", "json"]) == 0
    record = json.loads(capsys.readouterr().out)
    paragraphs = record["paragraphs"]
    assert [p["paragraph"] for p in paragraphs] == list(range(1, len(paragraphs) + 1))
    assert paragraphs[0]["role"] == "title" and paragraphs[0]["start"] == 0
