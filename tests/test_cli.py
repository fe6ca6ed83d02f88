"""The command line: list and show in each format, and one-line errors."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
from pathlib import Path

import pytest

from peskovtui import __version__
from peskovtui.citation import as_markdown, as_plain
from peskovtui.cli import main
from peskovtui.errors import PeskovError
from peskovtui.library import Library


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out == f"peskovtui {__version__}\n"


def test_list_json_prints_the_bundled_articles(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "list", "--format", "json")
    assert (status, err) == (0, "")
    listed = json.loads(out)
    assert [a["id"][:3] for a in listed] == ["000", "001", "002", "003", "004"]
    assert listed[3]["title"] == "Dmitry Peskov on Trump campaign's Russian ties"
    assert [a["outlet"] for a in listed] == [None, None, "Mediaite", "CNN", None]
    assert set(listed[0]) >= {"id", "title", "outlet", "date", "words"}
    assert all(isinstance(a["words"], int) and a["words"] > 200 for a in listed)


def test_list_jsonl_and_table(capsys: pytest.CaptureFixture[str], seeds: Path) -> None:
    status, out, _ = run(capsys, "list", str(seeds), "--format", "jsonl")
    assert status == 0
    assert len([json.loads(line) for line in out.splitlines()]) == 5
    status, out, _ = run(capsys, "list")
    assert status == 0
    assert "bundled articles: 5 articles" in out
    assert "Kremlin calls for ‘more mutual respect’ with US" in out
    assert "Mediaite" in out


def test_bare_command_opens_the_reader(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, seeds: Path
) -> None:
    opened: list[Library] = []

    def reader(library: Library) -> int:
        opened.append(library)
        return 0

    monkeypatch.setattr("peskovtui.ui.app.run", reader)
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    assert run(capsys) == (0, "", "")
    assert run(capsys, str(seeds)) == (0, "", "")
    assert [len(library.articles) for library in opened] == [5, 5]
    assert opened[0].bundled


def test_the_reader_starts_with_the_collector_paused_and_leaves_it_running(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    paused: list[bool] = []
    bundled = Library.open()

    def opened(paths: object, fields: object) -> Library:
        paused.append(not gc.isenabled())
        return bundled

    def reader(library: Library) -> int:
        paused.append(not gc.isenabled())
        raise PeskovError("The reader could not start.")

    monkeypatch.setattr("peskovtui.library.Library.open", opened)
    monkeypatch.setattr("peskovtui.ui.app.run", reader)
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    assert gc.isenabled()
    status, _, err = run(capsys)
    # Loading the corpus and starting the app ran with the collector paused; however the
    # reader ends, the collector runs again.
    assert (status, err) == (1, "peskovtui: The reader could not start.\n")
    assert paused == [True, True]
    assert gc.isenabled()


def test_a_command_run_as_a_process_of_its_own_opens_its_corpus_with_the_collector_paused(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    running: list[bool] = []
    frozen: list[bool] = []
    real = Library.open

    def opened(*args: object) -> Library:
        running.append(gc.isenabled())
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr("peskovtui.library.Library.open", opened)
    # Counted, not done: freezing would keep this test process's objects from the collector.
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(True))
    monkeypatch.setattr(sys, "argv", ["peskovtui", "list", "--format", "jsonl"])
    assert main() == 0
    # The console script: the corpus opened with the collector paused, what it made frozen,
    # the collector running again for the rest of the command.
    assert (running, frozen) == ([False], [True])
    assert gc.isenabled()
    # Given its arguments by a caller, ``main`` leaves the caller's collector as it is.
    assert main(["list", "--format", "jsonl"]) == 0
    assert (running, frozen) == ([False, True], [True])
    assert gc.isenabled()
    listed = capsys.readouterr().out.splitlines()
    assert len(listed) == 10 and listed[:5] == listed[5:]


def test_the_readers_exit_status_is_the_commands(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("peskovtui.ui.app.run", lambda library: 1)
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    assert run(capsys)[0] == 1


def test_the_reader_without_a_terminal_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys)
    assert (status, out) == (1, "")
    assert err.startswith("peskovtui: The reader needs a terminal;")


def test_show_text_json_and_raw(capsys: pytest.CaptureFixture[str], seeds: Path) -> None:
    status, out, _ = run(capsys, "show", "004_67415639bfef48f7")
    assert status == 0
    assert out.startswith("Kremlin calls for ‘more mutual respect’ with US\n\nMoscow has called")
    assert "Exit mobile version" not in out
    assert "explaining the matter [to him]." in out

    status, out, _ = run(capsys, "show", "004", "--format", "json")
    record = json.loads(out)
    assert record["text"].startswith("Kremlin calls for")
    assert record["set_aside"] == [{"line": "Exit mobile version", "reason": "promotion"}]
    for p in record["paragraphs"]:
        assert record["text"][p["start"] : p["end"]].strip()

    status, out, _ = run(capsys, "show", "004", "--raw")
    assert out == (seeds / "004_67415639bfef48f7.txt").read_text(encoding="utf-8")


def test_unknown_id_suggests_near_ones(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "show", "004_67415639bfef48f8")
    assert status == 1
    assert out == ""
    assert err == (
        "peskovtui: No article has the id '004_67415639bfef48f8'. "
        "Did you mean 004_67415639bfef48f7?\n"
    )


def test_errors_are_one_line_and_non_zero(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, out, err = run(capsys, "list", str(tmp_path / "missing"))
    assert (status, out) == (1, "")
    assert err == f"peskovtui: {tmp_path / 'missing'} does not exist.\n"

    (tmp_path / "bad.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    status, _, err = run(capsys, "list", str(tmp_path / "bad.csv"))
    assert status == 1
    assert err.count("\n") == 1
    assert "has no text column (found: a, b)" in err


def test_a_long_error_stays_on_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    deep = tmp_path.joinpath(*["a-long-folder-name"] * 12, "missing.txt")
    status, _, err = run(capsys, "list", str(deep))
    assert status == 1
    assert err == f"peskovtui: {deep} does not exist.\n"
    too_long = tmp_path / ("x" * 300)
    status, _, err = run(capsys, "list", str(too_long))
    assert status == 1
    assert err == f"peskovtui: {too_long} cannot be read (File name too long).\n"


def test_warnings_go_to_stderr_and_the_rest_loads(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, seeds: Path
) -> None:
    status, out, err = run(capsys, "list", str(seeds), str(tmp_path / "gone"), "--format", "json")
    assert status == 0
    assert len(json.loads(out)) == 5
    assert err == f"peskovtui: warning: {tmp_path / 'gone'} does not exist.\n"


def test_fields_option(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("hed,story\nH,Story text.\n", encoding="utf-8")
    status, out, _ = run(
        capsys, "show", "1", str(path), "--fields", "text=story,title=hed", "--format", "json"
    )
    assert status == 0
    assert json.loads(out)["text"] == "H\n\nStory text."


def test_python_dash_m_and_no_traceback_on_a_binary_file(tmp_path: Path) -> None:
    binary = tmp_path / "blob.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    result = subprocess.run(
        [sys.executable, "-m", "peskovtui", "list", str(binary)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr == f"peskovtui: {binary} is a binary file, not text.\n"
    assert "Traceback" not in result.stderr


def test_cite_prints_what_the_app_copies(capsys: pytest.CaptureFixture[str]) -> None:
    library = Library.open()
    quote = next(q for q in library.article_quotes("004") if q.attributed)
    expected = library.cite(quote.article_id or "", quote.start, quote.end)
    assert expected.is_quote
    args = ["cite", "004", str(quote.start), str(quote.end)]
    assert run(capsys, *args) == (0, as_plain(expected), "")
    assert run(capsys, *args, "--format", "md") == (0, as_markdown(expected), "")
    status, out, _ = run(capsys, *args, "--format", "json")
    record = json.loads(out)
    assert status == 0
    assert record["passage"] == quote.text
    assert record["speaker"] == quote.speaker
    assert record["quote"] is True
    assert record["paragraph"] == library.article("004").paragraph_index(quote.start) + 1


def test_cite_outside_the_text_is_one_sentence(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "cite", "004", "5", "999999")
    assert (status, out) == (1, "")
    assert err.startswith("peskovtui: The range 5–999999 is outside article 004_")
    assert err.count("\n") == 1
