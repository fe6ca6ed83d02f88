"""Untrusted text comes out of every command and format as it went in: never read as markup,
and with its control characters shown visibly (or escaped, in JSON)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from peskovtui.cli import main
from peskovtui.quotes.corpus import CorpusQuotes, read_corpus_quotes

MARKUP = ("[the]", "[bold]x[/bold]")
TITLE = "Minister quits over [the] leak [bold]x[/bold] \x1b[31mred\x9b"
QUOTE = "[the] force [bold]x[/bold] is \x9bours"
SPEAKER = "[bold]x[/bold] [the]\x1b"
STEM = "[the] leak [bold]"


def shown(text: str) -> str:
    """``text`` as tables, text, CSV and Markdown show it: controls as visible stand-ins."""
    return text.replace("\x1b", "␛").replace("\x9b", "\\x9b").replace("\x07", "␇")


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder and a file named with markup, an article with markup and controls, and a
    speaker named with markup (speaker names come from the extractor, so it is renamed)."""
    folder = tmp_path / "[the] corpus [bold]"
    folder.mkdir()
    body = (
        f"“{QUOTE},” said Ivan Petrov, the minister, on Tuesday.\n\n"
        "He said the [the] leak was [bold]x[/bold] and \x07 nothing more.\n"
    )
    (folder / f"{STEM}.txt").write_text(f"{TITLE}\n\n{body}", encoding="utf-8")

    def renamed(articles: object) -> CorpusQuotes:
        found = read_corpus_quotes(articles)  # type: ignore[arg-type]
        quotes = tuple(replace(q, speaker=SPEAKER) if q.attributed else q for q in found.quotes)
        return CorpusQuotes(quotes, {SPEAKER: SPEAKER}, found.clusters)

    monkeypatch.setattr("peskovtui.quotes.corpus.read_corpus_quotes", renamed)
    return folder


def output(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(list(args)) == 0
    out, err = capsys.readouterr()
    assert err == ""
    return out


def run_on(capsys: pytest.CaptureFixture[str], corpus: Path, args: tuple[str, ...]) -> str:
    """The output of a command on ``corpus`` (given after the id or query, if any)."""
    command, *rest = args
    rest.insert(1 if command in ("show", "search") else 0, str(corpus))
    return output(capsys, command, *rest)


def assert_shown_as_text(out: str, *expected: str) -> None:
    for text in (*MARKUP, *expected):
        assert text in out
    assert "\x1b" not in out and "\x9b" not in out and "\x07" not in out


COMMANDS = [
    ("list", "--format", "table"),
    ("show", "[the]"),
    ("search", "leak"),
    ("quotes", "--all", "--format", "table"),
    ("quotes", "--all", "--format", "csv"),
    ("quotes", "--all", "--format", "md"),
    ("speakers", "--all", "--format", "table"),
    ("speakers", "--all", "--format", "csv"),
    ("speakers", "--all", "--format", "md"),
]
EXPECTED = {
    "list": (STEM, shown(TITLE)),
    "show": (shown(TITLE), shown(QUOTE), "␇"),
    "search": (STEM, shown(TITLE), "[the] corpus"),
    "quotes": (STEM, shown(QUOTE), shown(SPEAKER), "[the] corpus [bold]"),
    "speakers": (shown(SPEAKER),),
}


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_tables_text_csv_and_markdown_print_text_verbatim(
    capsys: pytest.CaptureFixture[str], corpus: Path, args: tuple[str, ...]
) -> None:
    out = run_on(capsys, corpus, args)
    expected = EXPECTED[args[0]]
    if args[0] == "quotes" and "table" not in args:
        expected = expected[:3]  # the corpus's name is a table's title only
    assert_shown_as_text(out, *expected)


JSON_COMMANDS = [
    ("list", "--format", "json"),
    ("list", "--format", "jsonl"),
    ("show", "[the]", "--format", "json"),
    ("search", "leak", "--format", "json"),
    ("search", "leak", "--format", "jsonl"),
    ("quotes", "--all", "--format", "json"),
    ("quotes", "--all", "--format", "jsonl"),
    ("speakers", "--all", "--format", "json"),
    ("speakers", "--all", "--format", "jsonl"),
]


@pytest.mark.parametrize("args", JSON_COMMANDS, ids=" ".join)
def test_json_holds_the_exact_strings_with_controls_escaped(
    capsys: pytest.CaptureFixture[str], corpus: Path, args: tuple[str, ...]
) -> None:
    out = run_on(capsys, corpus, args)
    assert "\x1b" not in out and "\x9b" not in out and "\x07" not in out
    if "jsonl" in args:
        values = [json.loads(line) for line in out.splitlines()]
    else:
        loaded = json.loads(out)
        values = loaded if isinstance(loaded, list) else [loaded]
    strings = json.dumps(values, ensure_ascii=False)  # the decoded values, searched as one text
    expected = {
        "list": (TITLE, STEM),
        "show": (TITLE, QUOTE),
        "search": (TITLE, STEM),
        "quotes": (QUOTE, SPEAKER, STEM),
        "speakers": (SPEAKER,),
    }[args[0]]
    for text in expected:
        assert json.dumps(text, ensure_ascii=False)[1:-1] in strings


def test_show_on_a_terminal(
    capsys: pytest.CaptureFixture[str], corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rich.console import Console

    monkeypatch.setattr(
        "peskovtui.cli.output.stdout_console",
        lambda: Console(force_terminal=True, color_system=None, width=160, highlight=False),
    )
    out = output(capsys, "show", "[the]", str(corpus))
    assert_shown_as_text(out, shown(TITLE), shown(QUOTE))
    assert f"{STEM}.txt" in out  # the location line names the file


def test_raw_is_exact_in_a_pipe_and_visible_on_a_terminal(
    capsys: pytest.CaptureFixture[str], corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = (corpus / f"{STEM}.txt").read_text(encoding="utf-8")
    assert output(capsys, "show", "[the]", str(corpus), "--raw") == original
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    raw = output(capsys, "show", "[the]", str(corpus), "--raw")
    assert_shown_as_text(raw, shown(TITLE))


def test_index_and_an_empty_search_name_the_corpus_as_text(
    capsys: pytest.CaptureFixture[str], corpus: Path
) -> None:
    assert main(["index", str(corpus)]) == 0
    out, err = capsys.readouterr()
    assert "Search index for [the] corpus [bold] built with 1 article " in out
    # Not a terminal: one plain line per phase on stderr.
    assert err.startswith("peskovtui: Indexing articles: 1 article, ")
    out = output(capsys, "search", '"[bold]nothing[/bold]"', str(corpus))
    assert out.startswith("[the] corpus [bold]: no article matches '\"[bold]nothing[/bold]\"'.")


def test_errors_and_warnings_print_file_names_and_queries_as_text(
    capsys: pytest.CaptureFixture[str], corpus: Path
) -> None:
    missing = corpus / "gone [bold]x[/bold]"
    assert main(["list", str(corpus), str(missing), "--format", "json"]) == 0
    assert capsys.readouterr().err == f"peskovtui: warning: {missing} does not exist.\n"
    assert main(["show", "[bold]x\x1b[/bold]", str(corpus)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("peskovtui: No article has the id '[bold]x\\x1b[/bold]'.")
    assert main(["search", "[the] site:b\x1bbc", str(corpus)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("peskovtui: There is no field “site:”")
    assert "\x1b" not in err and "“site:b␛bc”" in err


def test_the_index_progress_on_a_terminal_is_plain_text(
    capsys: pytest.CaptureFixture[str], corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rich.console import Console

    monkeypatch.setattr(
        "peskovtui.cli.output.stderr_console",
        lambda: Console(stderr=True, force_terminal=True, color_system=None, width=160),
    )
    assert main(["index", str(corpus)]) == 0
    out, err = capsys.readouterr()
    assert "Search index for [the] corpus [bold] built" in out
    assert "Indexing articles" in err
    assert "1 of 1 article" in err
