"""``peskovtui clips``: the clip list of the seeds in each export format, exactly."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from peskovtui.cli import main
from peskovtui.library import Library
from peskovtui.library import clips as clips_module

from .conftest import SEEDS

CSL_SCHEMA = Path(__file__).resolve().parent / "data" / "csl" / "csl-data.json"
CNN = f"{SEEDS}/000_8b6f72e4f8395ed9.txt"
MEDIAITE = f"{SEEDS}/002_3d0a4687557009c2.txt"
CNN_TITLE = (
    "A top aide to Russian President Vladimir Putin spoke of points of agreement between the "
    "Kremlin and President-elect Donald Trump in a wide-ranging interview with CNN Friday, even "
    "as he said the relationship with the current White House is “lousy.”"
)
MEDIAITE_TITLE = (
    "Fareed Zakaria Presses Kremlin Spox: Was There Any ‘Serious Communication’ with Team Trump?"
)
ZAKARIA = (
    "Zakaria asked him, “Did the Russian government have any collaboration or serious "
    "communication back and forth with Donald Trump’s campaign during the election campaign "
    "last year?”"
)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def two_clips(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Peskov's quote in paragraph 2 of the CNN article, then paragraph 3 of Mediaite's."""
    monkeypatch.setattr(clips_module, "_now", lambda: "2026-12-04T12:00:00Z")
    assert run(capsys, "clips", "add", "000_8b6", "250", "295") == (
        0,
        "Clip 1 added to the clips of bundled articles.\n",
        "",
    )
    added = run(capsys, "clips", "add", "002", "297", "476", "--note", "ask Mediaite")
    assert added == (0, "Clip 2 added to the clips of bundled articles.\n", "")


EXPECTED = {
    "md": (
        "> “They seem to be very pragmatic, both of them,”\n"
        ">\n"
        f"> — Dmitry Peskov, *{CNN_TITLE}* (paragraph 2, characters 250–295, `{CNN}`)\n"
        "\n"
        f"> {ZAKARIA}\n"
        ">\n"
        f"> — *{MEDIAITE_TITLE}*, Mediaite (paragraph 3, characters 297–476, `{MEDIAITE}`)\n"
        ">\n"
        "> Note: ask Mediaite\n"
    ),
    "text": (
        "“They seem to be very pragmatic, both of them,”\n"
        "\n"
        "— Dmitry Peskov\n"
        f"“{CNN_TITLE}”\n"
        f"Paragraph 2, characters 250–295, of 000_8b6f72e4f8395ed9 ({CNN})\n"
        "\n"
        f"{ZAKARIA}\n"
        "\n"
        f"“{MEDIAITE_TITLE}” (Mediaite)\n"
        f"Paragraph 3, characters 297–476, of 002_3d0a4687557009c2 ({MEDIAITE})\n"
        "Note: ask Mediaite\n"
    ),
    "csv": (
        "clip,passage,quote,speaker,article_id,title,outlet,date,url,authors,paragraph,"
        "last_paragraph,start,end,location,note,added,status\n"
        '1,"They seem to be very pragmatic, both of them,",True,Dmitry Peskov,'
        f'000_8b6f72e4f8395ed9,"{CNN_TITLE}",,,,,2,2,250,295,{CNN},,2026-12-04T12:00:00Z,'
        "current\n"
        f'2,"{ZAKARIA.replace(chr(34), chr(34) * 2)}",False,,002_3d0a4687557009c2,'
        f"{MEDIAITE_TITLE},Mediaite,,,Josh Feldman,3,3,297,476,{MEDIAITE},ask Mediaite,"
        "2026-12-04T12:00:00Z,current\n"
    ),
}


@pytest.mark.parametrize("fmt", sorted(EXPECTED))
@pytest.mark.usefixtures("two_clips")
def test_each_text_format_exactly(capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    assert run(capsys, "clips", "--format", fmt) == (0, EXPECTED[fmt], "")


@pytest.mark.usefixtures("two_clips")
def test_json_holds_every_field(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "clips", "--format", "json")
    assert status == 0
    common = {"outlet": None, "date": None, "url": None, "added": "2026-12-04T12:00:00Z"}
    assert json.loads(out) == [
        {
            "clip": 1,
            "passage": "They seem to be very pragmatic, both of them,",
            "quote": True,
            "speaker": "Dmitry Peskov",
            "article_id": "000_8b6f72e4f8395ed9",
            "title": CNN_TITLE,
            **common,
            "paragraph": 2,
            "last_paragraph": 2,
            "start": 250,
            "end": 295,
            "location": CNN,
            "authors": [],
            "note": "",
            "status": "current",
        },
        {
            "clip": 2,
            "passage": ZAKARIA,
            "quote": False,
            "speaker": None,
            "article_id": "002_3d0a4687557009c2",
            "title": MEDIAITE_TITLE,
            **common,
            "outlet": "Mediaite",
            "paragraph": 3,
            "last_paragraph": 3,
            "start": 297,
            "end": 476,
            "location": MEDIAITE,
            "authors": ["Josh Feldman"],
            "note": "ask Mediaite",
            "status": "current",
        },
    ]


@pytest.mark.usefixtures("two_clips")
def test_csljson_is_one_item_per_article(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "clips", "--format", "csljson")
    assert status == 0
    items = json.loads(out)
    assert items == [
        {
            "id": "000_8b6f72e4f8395ed9",
            "type": "article-newspaper",
            "title": CNN_TITLE,
            "locator": "2",
            "note": "“They seem to be very pragmatic, both of them,” — Dmitry Peskov "
            "(paragraph 2, characters 250–295)",
        },
        {
            "id": "002_3d0a4687557009c2",
            "type": "article-newspaper",
            "title": MEDIAITE_TITLE,
            "container-title": "Mediaite",
            "author": [{"literal": "Josh Feldman"}],
            "locator": "3",
            "note": f"{ZAKARIA} (paragraph 3, characters 297–476)\nNote: ask Mediaite",
        },
    ]
    validate_csl(items)


def validate_csl(items: Any) -> None:
    schema = json.loads(CSL_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    jsonschema.validate(items, schema, cls=jsonschema.Draft7Validator)


@pytest.mark.parametrize(
    "item",
    [
        {"id": "a1", "type": "newspaper-article"},
        {"id": "a1", "type": "article-newspaper", "label": "paragraph"},
        {"id": "a1", "type": "article-newspaper", "issued": {"date-parts": [["2017", 1, 5, 9]]}},
    ],
)
def test_the_schema_refuses_what_is_not_csl(item: dict[str, Any]) -> None:
    with pytest.raises(jsonschema.ValidationError):
        validate_csl([item])


def test_csljson_with_dates_urls_and_several_clips_is_valid_csl(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = tmp_path / "news.csv"
    data.write_text(
        "article_id,publish_date,article_source_link,title,author,text\n"
        'a1,2017-01-05,https://tass.com/a1,Kremlin on talks,Ivan Petrov; Anna Ivanova,"First.\n\n'
        '“We are ready,” Peskov said.\n\nSecond part."\n'
        "b2,2017-02,https://www.rt.com/b2,Undated day,,Only text here.\n",
        encoding="utf-8",
    )
    library = Library.open([data])
    a1 = library.article("a1")
    library.clip_range("a1", a1.paragraphs[1].start, a1.paragraphs[1].end)
    library.clip_range("b2", 0, 4)
    library.clip_range("a1", a1.paragraphs[2].start, a1.paragraphs[2].end, note="later")
    status, out, _ = run(capsys, "clips", str(data), "--format", "csljson")
    assert status == 0
    items = json.loads(out)
    validate_csl(items)
    first, second = items
    assert first["issued"] == {"date-parts": [[2017, 1, 5]]}
    assert first["URL"] == "https://tass.com/a1"
    assert first["author"] == [{"literal": "Ivan Petrov"}, {"literal": "Anna Ivanova"}]
    assert first["container-title"] == library.article("a1").outlet
    assert "locator" not in first  # two paragraphs: each clip's place is in the note
    assert first["note"].count("\n\n") == 1 and first["note"].endswith("Note: later")
    assert second["issued"] == {"date-parts": [[2017, 2]]}
    assert second["locator"] == "1"


@pytest.mark.usefixtures("two_clips")
def test_a_file_is_never_replaced_without_force(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "draft.md"
    assert run(capsys, "clips", "--output", str(target)) == (
        0,
        f"2 clips written to {target}.\n",
        "",
    )
    assert target.read_text(encoding="utf-8") == EXPECTED["md"]
    target.write_text("my draft", encoding="utf-8")
    status, out, err = run(capsys, "clips", "--format", "csv", "--output", str(target))
    assert (status, out) == (1, "")
    assert err == f"peskovtui: {target} exists; add --force to replace it.\n"
    assert target.read_text(encoding="utf-8") == "my draft"
    assert run(capsys, "clips", "--format", "csv", "--output", str(target), "--force")[0] == 0
    assert target.read_text(encoding="utf-8") == EXPECTED["csv"]


@pytest.mark.usefixtures("two_clips")
def test_remove_and_errors_are_one_sentence(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "clips", "remove", "3") == (
        1,
        "",
        "peskovtui: There is no clip 3: the list has 2 clips.\n",
    )
    assert run(capsys, "clips", "remove", "1") == (0, "Clip 1 removed; 1 clip left.\n", "")
    status, out, _ = run(capsys, "clips", "--format", "json")
    assert status == 0
    assert [c["article_id"] for c in json.loads(out)] == ["002_3d0a4687557009c2"]


def test_an_empty_list_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "clips") == (
        0,
        "",
        "peskovtui: warning: There are no clips of bundled articles yet.\n",
    )


def test_a_damaged_list_is_reported_and_kept(capsys: pytest.CaptureFixture[str]) -> None:
    path = Library.open().clip_store.path
    path.parent.mkdir(parents=True)
    path.write_text("{", encoding="utf-8")
    status, out, err = run(capsys, "clips", "add", "000", "0", "5")
    assert (status, out) == (0, "Clip 1 added to the clips of bundled articles.\n")
    assert err.startswith(f"peskovtui: warning: The clips file {path} is damaged; it was kept as ")
    assert [p.read_text(encoding="utf-8") for p in path.parent.iterdir() if p != path] == ["{"]


def test_a_clip_added_from_a_script_names_its_speaker_as_quotes_does(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Across a corpus a speaker can be named otherwise than within one article (aliases
    merged): the clip takes the corpus's name, the one ``quotes`` prints."""
    from dataclasses import replace

    from peskovtui.quotes.corpus import CorpusQuotes, read_corpus_quotes

    def renamed(articles: Any) -> CorpusQuotes:
        found = read_corpus_quotes(articles)
        quotes = tuple(
            replace(q, speaker="Dmitry S. Peskov") if q.speaker == "Dmitry Peskov" else q
            for q in found.quotes
        )
        return CorpusQuotes(quotes, found.aliases, found.clusters)

    monkeypatch.setattr("peskovtui.quotes.corpus.read_corpus_quotes", renamed)
    assert run(capsys, "clips", "add", "000_8b6", "250", "295")[0] == 0
    status, out, _ = run(capsys, "clips", "--format", "json")
    assert status == 0
    assert [clip["speaker"] for clip in json.loads(out)] == ["Dmitry S. Peskov"]
