"""A data set kept in the loading cache is read a row at a time: the same articles, texts,
ids, order and warnings as a whole reading gives, without the data set or its texts ever held
whole."""

from __future__ import annotations

import json
import random
import tracemalloc
from pathlib import Path

import pytest

from peskovtui.corpus import LoadCache, load_corpus, loader, readers
from peskovtui.corpus import cache as load_cache
from peskovtui.corpus.streaming import Survey
from peskovtui.errors import CorpusError
from peskovtui.usercache import CacheUnwritable

# Data sets of any size are kept in the loading cache (see conftest.py).
pytestmark = pytest.mark.usefixtures("every_data_set_kept")

# Rows parsed a line at a time must give what the whole text gives: quotation marks left
# open (in the middle, at the end), rows of the wrong width, every kind of line end, a
# byte-order mark, other delimiters, blank rows, more bad rows than are listed.
CSV_CASES = {
    "open_quote_in_the_middle.csv": (
        'id,title,text\n1,T1,"open\n2,T2,Fine.\n3,T3,"ok"\n4,T4,Last.\n'
    ),
    "open_quote_at_the_end.csv": 'id,title,text\n1,T1,Good.\n2,T2,"never\nclosed, at all\n',
    "open_quote_then_short_rows.csv": 'id,title,text\n1,T1,"a\n2,T2\n3,T3,x,y\n4,T4,Fine.\n',
    "crlf.csv": 'id,title,text\r\n1,T1,"One.\r\n\r\nTwo."\r\n2,T2,Three.\r\n',
    "cr_only.csv": "id,title,text\r1,T1,One.\r2,T2,Two.\r",
    "mixed_ends.csv": 'id,title,text\n1,T1,"a\rb\r\nc"\r\n2,T2,d\r3,T3,e\n',
    "bom_semicolon.csv": "\ufeffid;title;text\n1;T1;Body one.\n2;T2;Body two.\n",
    "tabs.tsv": "id\ttitle\ttext\n1\tT1\tBody, with a comma.\n\n  \n2\tT2\tMore.\n",
    "blank_rows.csv": "id,title,text\n\n1,T1,Body.\n , , \n2,T2,More.\n\n",
    "many_bad_rows.csv": "id,title,text\n"
    + "".join(f"{n},T{n},a,b\n" for n in range(30))
    + "99,T,Good.\n",
    "wide_chars.csv": (
        "id,title,text\n1,Тема 😀,Текст « cité » — 中文.\n2,T2,\u2028odd\x0cends\x85here.\n"
    ),
    "no_newline_at_all.csv": "id,title,text",
    "repeated_ids.csv": "id,title,text\n7,A,One.\n7,B,Two.\n,C,Three.\n",
}
JSONL_CASES = {
    "bad_lines.jsonl": '{"text": "One."}\n{"text": \n[1, 2]\n\n{"text": "Two."}\n',
    "keys_met_late.jsonl": '{"id": "a"}\n{"id": "b", "headline": "H", "body": "Text."}\n',
    "surrogates.jsonl": (
        '{"title": "T\\ud800", "text": "Body \\udc80."}\n{"\\ud801": 1, "text": "x"}\n'
    ),
    "raw_line_separators.jsonl": '{"text": "a\u2028b"}\n{"text": "c\x1cd"}\n{"text": "e"}\r\n',
    "no_objects.jsonl": "[1]\n2\n",
    "nested.ndjson": '{"text": "Body.", "authors": [{"name": "Ann"}, "Bo"], "date": 20170102}\n',
}
# Read whole, as before: their whole reading says what is wrong with them.
WHOLE_CASES = {
    "not_utf8.csv": b"id,title,text\n1,T1,caf\xe9.\n",
    "utf16.csv": "id,title,text\n1,T1,Body.\n".encode("utf-16"),
    "binary.csv": b"\x00\x01\x02" * 100,
    "blank.csv": b" \n\n \t\n",
    "document.json": b'[{"text": "One."}, {"text": "Two."}]',
}


@pytest.fixture
def whole_reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The data sets the loader read whole."""
    read: list[Path] = []
    real = readers.read_dataset_bytes

    def counted(path: Path, *args: object) -> bytes | None:
        read.append(path)
        return real(path, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(loader, "read_dataset_bytes", counted)
    return read


def outcome(path: Path, cache: LoadCache | None) -> object:
    """What loading ``path`` gives: its corpus, or the sentence it is refused with."""
    try:
        corpus = load_corpus([path], cache=cache)
    except CorpusError as error:
        return str(error)
    return corpus.articles, corpus.warnings


@pytest.mark.parametrize("name", [*CSV_CASES, *JSONL_CASES])
def test_a_data_set_read_a_row_at_a_time_loads_as_read_whole(
    tmp_path: Path, name: str, whole_reads: list[Path]
) -> None:
    path = tmp_path / name
    path.write_bytes({**CSV_CASES, **JSONL_CASES}[name].encode("utf-8"))
    whole = outcome(path, None)
    assert whole_reads == [path]
    assert outcome(path, LoadCache()) == whole  # read a row at a time, kept
    assert whole_reads == [path]
    assert outcome(path, LoadCache()) == whole  # read back from the entry


@pytest.mark.parametrize("name", WHOLE_CASES)
def test_a_data_set_a_line_by_line_reading_would_misread_is_read_whole(
    tmp_path: Path, name: str, whole_reads: list[Path]
) -> None:
    path = tmp_path / name
    path.write_bytes(WHOLE_CASES[name])
    whole = outcome(path, None)
    assert outcome(path, LoadCache()) == whole
    assert whole_reads == [path, path]


def test_lines_ends_and_characters_across_the_reading_buffers_load_as_read_whole(
    tmp_path: Path,
) -> None:
    # Enough rows for the survey's and the reader's buffers to split a line end ("\r\n") or a
    # character of several bytes between two reads, somewhere.
    rng = random.Random(13)
    pieces = ["word", "mot", "слово", "词", "😀", "a,b", '""quoted""', "\r\n", "\n", "\r"]
    rows = ["id,title,text"]
    for n in range(6000):
        text = "".join(rng.choice(pieces) + " " for _ in range(rng.randrange(5, 60)))
        rows.append(f'{n},T{n},"{text}"')
    path = tmp_path / "buffers.csv"
    path.write_bytes(("\r\n".join(rows) + "\r\n").encode("utf-8"))
    assert path.stat().st_size > 1 << 20  # four times the buffers of 256 KiB
    assert outcome(path, LoadCache()) == outcome(path, None)


def big_data_set(tmp_path: Path, suffix: str) -> Path:
    rng = random.Random(5)
    words = [
        "the",
        "spokesman",
        "said",
        "Moscow",
        "was",
        "ready",
        "for",
        "talks",
        "on",
        "Monday",
        "officials",
        "said",
    ]
    path = tmp_path / f"big{suffix}"
    with path.open("w", encoding="utf-8") as out:
        out.write("id,title,text\n" if suffix == ".csv" else "")
        for n in range(120):
            text = "\n\n".join(" ".join(rng.choices(words, k=600)) + "." for _ in range(15))
            if suffix == ".csv":
                out.write(f'{n},Title {n},"{text}"\n')
            else:
                out.write(json.dumps({"id": n, "title": f"Title {n}", "text": text}) + "\n")
    return path


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
def test_a_cold_load_never_holds_the_data_set_or_its_texts_whole(
    tmp_path: Path, suffix: str
) -> None:
    path = big_data_set(tmp_path, suffix)
    small = tmp_path / f"small{suffix}"
    small.write_text(
        "id,title,text\n1,T,Said.\n" if suffix == ".csv" else '{"id": 1, "text": "Said."}\n'
    )
    load_corpus([small], cache=LoadCache())  # what a first load imports and compiles

    tracemalloc.start()
    try:
        load_corpus([path], cache=LoadCache())
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    texts = sum(a.text_length for a in load_corpus([path], cache=LoadCache()).articles)
    assert texts > 6 << 20
    # Its metadata (15 paragraphs an article), a row and a buffer or two at a time.
    assert peak < texts / 2


def test_an_entry_that_cannot_be_written_after_the_rows_are_read_leaves_the_texts_loaded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, whole_reads: list[Path]
) -> None:
    path = tmp_path / "news.csv"
    path.write_text(CSV_CASES["crlf.csv"] + '3,T3,"A ""quoted"" text."\r\n', encoding="utf-8")
    plain = load_corpus([path])

    def disk_full(*args: object) -> None:
        raise CacheUnwritable(28, "No space left on device")

    monkeypatch.setattr(load_cache, "write_entry", disk_full)
    corpus = load_corpus([path], cache=LoadCache())
    assert corpus.articles == plain.articles
    assert [a.text for a in corpus.articles] == [a.text for a in plain.articles]
    (notice,) = corpus.warnings
    assert "cannot be written (No space left on device)" in notice
    assert whole_reads == [path]  # the texts came back from where they were written out


def test_the_warnings_before_a_data_set_is_found_unusable_are_told_as_read_whole(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    # A bad line is told of before the data set is found to hold no text.
    (folder / "a.jsonl").write_text('{"foo": 1}\n{bad\n', encoding="utf-8")
    (folder / "b.csv").write_text("id,title,text\n1,T1,Body.\n", encoding="utf-8")
    whole = outcome(folder, None)
    assert outcome(folder, LoadCache()) == whole
    assert len(whole[1]) == 2  # type: ignore[index]


def test_a_data_set_gone_between_its_survey_and_its_rows_is_told_of_as_read_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    gone = folder / "a.csv"
    gone.write_text("id,title,text\n1,T1,Body.\n", encoding="utf-8")
    (folder / "b.csv").write_text("id,title,text\n2,T2,More.\n", encoding="utf-8")
    real = readers.survey_dataset

    def then_deleted(path: Path) -> Survey | None:
        surveyed = real(path)
        if path == gone:
            path.unlink()
        return surveyed

    monkeypatch.setattr(loader, "survey_dataset", then_deleted)
    corpus = load_corpus([folder], cache=LoadCache())
    assert [a.id for a in corpus.articles] == ["2"]
    (warning,) = corpus.warnings
    assert warning.endswith("a.csv cannot be read (No such file or directory); skipped.")
