"""Input that once crashed or hung: names that are not UTF-8, lone surrogates, deep JSON,
huge numbers, pipes and devices, a quotation mark never closed, unreadable folders."""

from __future__ import annotations

import json
import os
import resource
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from peskovtui.cli import main
from peskovtui.corpus import load_corpus
from peskovtui.corpus import loader as loader_module
from peskovtui.corpus import readers as readers_module
from peskovtui.errors import CorpusError
from peskovtui.library import Library

ARTICLE = "The Kremlin answers\n\nThe Kremlin said nothing more.\n"


def non_utf8_name(folder: Path, stem: bytes = b"caf\xe9") -> Path:
    """A file in ``folder`` whose name holds a byte that is not UTF-8 (Latin-1 é)."""
    path = folder / os.fsdecode(stem + b".txt")
    try:
        path.write_text(ARTICLE, encoding="utf-8")
    except (OSError, UnicodeEncodeError):  # a file system that takes UTF-8 names only
        pytest.skip("this file system refuses names that are not UTF-8")
    return path


def test_a_file_name_that_is_not_utf8_gives_a_printable_id_and_is_searchable(
    tmp_path: Path,
) -> None:
    path = non_utf8_name(tmp_path)
    library = Library.open([tmp_path])
    (article,) = library.articles
    assert article.id == "caf\\xe9"
    assert article.path == str(path)  # the real name, which opens the file
    assert article.location == f"{tmp_path}/caf\\xe9.txt"
    assert library.warnings == (
        f"{tmp_path}/caf\\xe9.txt: the file name is not UTF-8; the article's id is caf\\xe9.",
    )
    assert [hit.article_id for hit in library.search("kremlin").hits] == ["caf\\xe9"]
    assert "Kremlin" in library.raw("caf")
    library.close()


@pytest.mark.parametrize("command", ["list", "search"])
def test_json_output_of_a_name_that_is_not_utf8_is_valid_utf8(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    path = non_utf8_name(tmp_path)
    args = ["search", "kremlin"] if command == "search" else ["list"]
    assert main([*args, str(tmp_path), "--format", "json"]) == 0
    out = capsys.readouterr().out
    out.encode("utf-8")  # no lone surrogate left to write
    (record,) = json.loads(out)
    if command == "list":
        assert record["path"] == str(path)  # JSON's \udce9 escape gives the name back exactly
        assert os.fsencode(record["path"]).endswith(b"caf\xe9.txt")
    else:
        assert record["location"] == f"{tmp_path}/caf\\xe9.txt"


def test_the_table_names_a_folder_that_is_not_utf8(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / os.fsdecode(b"d\xe9p\xeaches")
    try:
        folder.mkdir()
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system refuses names that are not UTF-8")
    non_utf8_name(folder)
    assert main(["list", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "d\\xe9p\\xeaches: 1 article" in out


def test_lone_surrogates_in_json_are_replaced_with_a_warning(tmp_path: Path) -> None:
    data = tmp_path / "feed.jsonl"
    data.write_text(
        '{"id": "a\\ud800", "title": "T", "text": "The Kremlin \\udc00 said."}\n'
        '{"id": "b", "title": "U", "text": "Pairs are text: \\ud83d\\ude00."}\n',
        encoding="utf-8",
    )
    library = Library.open([data])
    first, second = library.articles
    assert (first.id, first.text) == ("a\ufffd", "T\n\nThe Kremlin \ufffd said.")
    assert second.text.endswith("Pairs are text: \U0001f600.")
    assert library.warnings == (
        f"{data} row 1 has an invalid character (a lone surrogate) in its id, text; "
        "shown as \ufffd.",
    )
    assert [hit.article_id for hit in library.search("kremlin").hits] == ["a\ufffd"]
    library.close()


def test_json_nested_too_deep_is_malformed_not_a_crash(tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(CorpusError, match=r"deep.json is not valid JSON \(nested too deeply\)"):
        load_corpus([deep])
    lines = tmp_path / "deep.jsonl"
    lines.write_text(
        '{"text": "fine"}\n' + '{"text": ' + "[" * 100_000 + "]" * 100_000 + "}\n",
        encoding="utf-8",
    )
    corpus = load_corpus([lines])
    assert [a.text for a in corpus.articles] == ["fine"]
    assert corpus.warnings == (f"{lines} line 2 is not valid JSON (nested too deeply); skipped.",)


def test_a_deep_value_within_the_parser_limit_is_read_to_a_bounded_depth(tmp_path: Path) -> None:
    # Deep enough to fail a recursive reader of the field, shallow enough for the parser.
    lines = tmp_path / "field.jsonl"
    nested = "[" * 900 + '"x"' + "]" * 900
    lines.write_text(
        f'{{"text": "Body.", "author": {nested}}}\n{{"text": "Two.", "author": [["A", "B"]]}}\n',
        encoding="utf-8",
    )
    first, second = load_corpus([lines]).articles
    assert first.authors == ()
    assert second.authors == ("A", "B")


def test_an_integer_of_too_many_digits_is_malformed(tmp_path: Path) -> None:
    lines = tmp_path / "numbers.jsonl"
    lines.write_text(
        '{"text": "kept", "id": 7}\n{"text": "dropped", "id": ' + "9" * 5000 + "}\n",
        encoding="utf-8",
    )
    corpus = load_corpus([lines])
    assert [(a.id, a.text) for a in corpus.articles] == [("7", "kept")]
    assert corpus.warnings == (
        f"{lines} line 2 is not valid JSON (a number with too many digits); skipped.",
    )
    document = tmp_path / "numbers.json"
    document.write_text('[{"text": "x", "id": ' + "9" * 5000 + "}]", encoding="utf-8")
    with pytest.raises(CorpusError, match="a number with too many digits"):
        load_corpus([document])


def test_a_named_pipe_is_skipped_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (tmp_path / "story.txt").write_text(ARTICLE, encoding="utf-8")
    outcome: list[object] = []

    def load() -> None:
        try:
            outcome.append(load_corpus([fifo, tmp_path / "story.txt"]))
        except BaseException as error:
            outcome.append(error)

    thread = threading.Thread(target=load, daemon=True)
    thread.start()
    thread.join(timeout=60)  # a bound for a hang, not a measure of speed
    if thread.is_alive():  # let the blocked open end before failing
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        thread.join()
        pytest.fail("loading waited for a writer of the named pipe")
    (corpus,) = outcome
    assert isinstance(corpus, loader_module.Corpus)
    assert [a.id for a in corpus.articles] == ["story"]
    assert corpus.warnings == (f"{fifo} is a named pipe, not a regular file; skipped.",)


def _limit_memory() -> None:
    # Should a device be read again, the child fails on this limit rather than take the
    # machine's memory.
    resource.setrlimit(resource.RLIMIT_AS, (2 * 2**30, 2 * 2**30))


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_is_not_read(device: str) -> None:
    if not Path(device).exists() or not stat.S_ISCHR(Path(device).stat().st_mode):
        pytest.skip(f"no {device} here")
    result = subprocess.run(
        [sys.executable, "-m", "peskovtui", "list", device],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,  # a bound for a hang, not a measure of speed
        preexec_fn=_limit_memory,
    )
    assert (result.returncode, result.stderr) == (
        1,
        f"peskovtui: {device} is a device, not a regular file.\n",
    )


def test_a_file_larger_than_it_said_is_read_no_further_than_the_cap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A file whose size is not known beforehand (as in /proc) or that grows while it is read.
    monkeypatch.setattr(readers_module, "MAX_ARTICLE_BYTES", 100)
    path = tmp_path / "growing.txt"
    path.write_text("Title\n\n" + "word " * 100, encoding="utf-8")
    real_fstat = os.fstat

    class Unsized:
        def __init__(self, info: os.stat_result) -> None:
            self.st_mode, self.st_size = info.st_mode, 0

    monkeypatch.setattr(os, "fstat", lambda fd: Unsized(real_fstat(fd)))
    warnings: list[str] = []
    read = readers_module.read_bytes(path, warnings.append)
    assert read is None
    assert warnings == [f"{path} is too large for an article (0 MiB); skipped."]


def test_a_file_larger_than_it_said_is_read_whole_within_the_cap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(readers_module, "_READ_ON", 7)  # read on in small pieces
    path = tmp_path / "growing.txt"
    path.write_text("Title\n\n" + "word " * 100, encoding="utf-8")
    real_fstat = os.fstat

    class Undersized:
        def __init__(self, info: os.stat_result) -> None:
            self.st_mode, self.st_size = info.st_mode, 10

    monkeypatch.setattr(os, "fstat", lambda fd: Undersized(real_fstat(fd)))
    warnings: list[str] = []
    assert readers_module.read_bytes(path, warnings.append) == path.read_bytes()
    assert warnings == []


def test_a_quotation_mark_never_closed_is_named_and_the_rows_after_it_are_read(
    tmp_path: Path,
) -> None:
    data = tmp_path / "news.csv"
    data.write_text(
        'id,title,text\n1,A,"First text."\n2,B,"Second text, never closed.\n'
        "3,C,Third text.\n4,D,Fourth text.\n",
        encoding="utf-8",
    )
    corpus = load_corpus([data])
    assert [(a.id, a.row, a.text) for a in corpus.articles] == [
        ("1", 1, "A\n\nFirst text."),
        ("3", 3, "C\n\nThird text."),
        ("4", 4, "D\n\nFourth text."),
    ]
    assert corpus.warnings == (
        f"{data} row 2 (lines 3-5) opens a quotation mark that is never closed; it is skipped "
        "and the rows after it are read from line 4.",
    )


def test_a_row_that_took_in_the_rows_up_to_the_next_quotation_mark(tmp_path: Path) -> None:
    data = tmp_path / "news.csv"
    data.write_text(
        'id,title,text\n1,A,"First."\n2,B,"Second\n3,C,Third.\n4,D,"Fourth, text."\n'
        '5,E,"Fifth\nover two lines."\n6,F\n',
        encoding="utf-8",
    )
    corpus = load_corpus([data])
    assert [(a.id, a.row) for a in corpus.articles] == [("1", 1), ("3", 3), ("4", 4), ("5", 5)]
    assert corpus.articles[3].text.endswith("over two lines.")
    assert corpus.warnings == (
        f"{data} row 2 (lines 3-5) has 4 fields but the header has 3; it is skipped and the "
        "rows after it are read from line 4.",
        # Once a row has taken in others, a short row may be a piece of its text.
        f"{data} row 6 has 2 fields but the header has 3; skipped.",
    )


def test_a_quotation_mark_left_open_on_the_last_line_keeps_the_row(tmp_path: Path) -> None:
    data = tmp_path / "news.csv"
    data.write_text('id,title,text\n1,A,First.\n2,B,"Second, to the end', encoding="utf-8")
    corpus = load_corpus([data])
    assert [a.text for a in corpus.articles] == ["A\n\nFirst.", "B\n\nSecond, to the end"]
    assert corpus.warnings == (
        f"{data} row 2 opens a quotation mark that is never closed; it is read to the end of "
        "the file.",
    )


def test_an_unreadable_subfolder_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text(ARTICLE, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path: str | os.PathLike[str]) -> object:
        # Root reads any folder whatever its mode, so the refusal is simulated.
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    corpus = load_corpus([tmp_path])
    assert [a.id for a in corpus.articles] == ["a"]
    assert corpus.warnings == (f"{locked} cannot be read (permission denied); skipped.",)
    with pytest.raises(CorpusError, match=r"^.*locked cannot be read \(permission denied\)\.$"):
        load_corpus([locked])


def test_links_to_folders_are_not_followed(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    assert [a.id for a in load_corpus([tmp_path]).articles] == ["a"]


def test_an_unusable_data_set_in_a_folder_is_named_and_the_rest_is_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.json").write_text('[{"id": "1", "title": "No text here"}]', encoding="utf-8")
    (tmp_path / "c.json").write_text("{not json", encoding="utf-8")
    library = Library.open([tmp_path])
    assert [article.id for article in library.articles] == ["a"]
    assert len(library.warnings) == 2
    assert library.warnings[0] == (
        f"{tmp_path}/b.json has no text column (found: id, title); "
        "name one with --fields text=COLUMN; skipped."
    )
    assert library.warnings[1].startswith(f"{tmp_path}/c.json is not valid JSON (")
    assert library.warnings[1].endswith("; skipped.")
    library.close()
