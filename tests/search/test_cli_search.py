"""``peskovtui search`` and ``peskovtui index`` on the bundled articles and on a folder."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from rich.console import Console

from peskovtui.cli import main, output
from peskovtui.library import Library
from peskovtui.search import QueryError
from tests.search.articles import SEEDS


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_search_json_hits_slice_to_their_matches(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "search", "relations OR peskof~1", "--format", "json")
    assert (status, err) == (0, "")
    hits = json.loads(out)
    assert hits
    library = Library.open()
    for hit in hits:
        assert set(hit) >= {"article_id", "title", "score", "matches", "snippet"}
        text = library.article(hit["article_id"]).text
        assert hit["matches"]
        for start, end in hit["matches"]:
            assert text[start:end] in ("relations", "relation", "Peskov")
        for start, end in hit["snippet_matches"]:
            assert hit["snippet"][start:end] in ("relations", "relation", "Peskov")
    scores = [h["score"] for h in hits]
    assert scores == sorted(scores, reverse=True)


def test_search_jsonl_and_limit(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "search", "kremlin", "--format", "jsonl", "--limit", "2")
    assert status == 0
    lines = out.splitlines()
    assert len(lines) == 2
    assert all(json.loads(line)["matches"] for line in lines)


def test_search_table(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "search", '"the kremlin"', str(SEEDS))
    assert status == 0
    assert "articles match" in out
    assert "the Kremlin" in out or "The Kremlin" in out
    status, out, _ = run(capsys, "search", "zzyzx", str(SEEDS))
    assert (status, out.strip()) == (0, "seeds: no article matches 'zzyzx'.")


@pytest.mark.parametrize(
    ("query", "problem"),
    [
        ("AND", "“AND” has nothing before it to join"),
        ("peskov OR", "“OR” has nothing after it to join"),
        ("peskov)", "The “)” after “peskov” closes no “(”"),
        ("title:", "“title:” has nothing to search for"),
        ("title:(", "“title:” has nothing to search for"),
        ("site:bbc", "There is no field “site:”"),
        ("url:#top", "“url:#top” names no web address"),
    ],
)
def test_malformed_queries_say_what_is_wrong(
    capsys: pytest.CaptureFixture[str], query: str, problem: str
) -> None:
    status, out, err = run(capsys, "search", query, "--format", "json")
    assert (status, out) == (1, "")
    assert err.startswith(f"peskovtui: {problem}")
    assert err.count("\n") == 1 and "Traceback" not in err


@pytest.mark.parametrize(
    ("query", "notice"),
    [
        ('"the kremlin', "The quotation mark before “the kremlin” is never closed"),
        ("(peskov OR lavrov", "A “(” is never closed"),
    ],
)
def test_a_missing_closing_mark_is_supplied_with_a_warning(
    capsys: pytest.CaptureFixture[str], query: str, notice: str
) -> None:
    status, out, err = run(capsys, "search", query, "--format", "json")
    assert status == 0
    assert json.loads(out)
    assert err.startswith(f"peskovtui: warning: {notice}")
    assert err.count("\n") == 1


def test_the_library_raises_and_tells_what_the_app_shows() -> None:
    library = Library.open()
    try:
        with pytest.raises(QueryError, match="There is no field “site:”"):
            library.search("site:bbc")
        assert library.search("(peskov").notices == (
            "A “(” is never closed; searched as if closed at the end of the query.",
        )
    finally:
        library.close()


@pytest.mark.parametrize("query", ["date:2017-13", ")", "   "])
def test_bad_queries_are_one_line_errors(capsys: pytest.CaptureFixture[str], query: str) -> None:
    status, out, err = run(capsys, "search", query)
    assert status == 1
    assert out == ""
    assert err.startswith("peskovtui: ")
    assert "Traceback" not in err


def test_index_builds_then_refreshes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for seed in sorted(SEEDS.glob("*.txt"))[:3]:
        (folder / seed.name).write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    status, out, _ = run(capsys, "index", str(folder))
    assert status == 0
    assert "built with 3 articles" in out
    (folder / "extra.txt").write_text("Quokka sighting\n\nA quokka was seen.\n", encoding="utf-8")
    status, out, _ = run(capsys, "index", str(folder))
    assert status == 0
    assert "1 added, 0 changed, 0 removed" in " ".join(out.split())
    status, out, _ = run(capsys, "search", "quokka", str(folder), "--format", "json")
    assert [h["title"] for h in json.loads(out)] == ["Quokka sighting"]
    status, out, _ = run(capsys, "index", str(folder), "--rebuild")
    assert "built with 4 articles" in out


def test_index_ends_with_one_summary_line_and_logs_its_phases_plainly(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, err = run(capsys, "index", "--rebuild")
    assert status == 0
    assert re.fullmatch(
        r"Search index for bundled articles built with 5 articles in \d+\.\d s \(\S+\)\.\n", out
    )
    # Not a terminal: no progress display, one line per phase as it ends, for logs.
    assert "\x1b" not in out + err
    lines = err.splitlines()
    assert [line.split(": ")[1] for line in lines] == [
        "Indexing articles",
        "Writing the index",
        "Publishing the index",
    ]
    assert lines[0].startswith("peskovtui: Indexing articles: 5 articles, ")
    status, out, err = run(capsys, "index")
    assert re.fullmatch(
        r"Search index for bundled articles up to date: 0 added, 0 changed, 0 removed "
        r"in \d+\.\d s \(\S+\)\.\n",
        out,
    )
    assert err == ""


def test_index_in_a_terminal_shows_each_phase_with_its_count(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = io.StringIO()
    terminal = Console(file=screen, force_terminal=True, width=120, highlight=False)
    monkeypatch.setattr(output, "stderr_console", lambda: terminal)
    status, out, _ = run(capsys, "index", "--rebuild")
    assert status == 0
    assert "built with 5 articles" in out
    shown = screen.getvalue()
    for label in ("Indexing articles", "5 of 5 articles", "Writing the index", "entries"):
        assert label in shown
    assert "Publishing the index" in shown


def test_unwritable_cache_is_a_warning_not_an_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker / "cache"))
    status, out, err = run(capsys, "search", "peskov", "--format", "json")
    assert status == 0
    assert len(json.loads(out)) == 5
    assert "warning" in err and "The texts are scanned instead." in err
    # The scan cannot search speakers: for that query the index is built in memory after all.
    status, out, err = run(capsys, "search", "speaker:peskov", "--format", "json")
    assert status == 0
    assert len(json.loads(out)) == 5
    assert "warning" in err and "Searching with an index in memory instead" in err


def test_library_search_and_offsets() -> None:
    library = Library.open([SEEDS])
    results = library.search("relation", limit=None)
    assert results.total == 3
    first = results.hits[0]
    assert library.match_offsets(first.article_id, "relation") == first.matches
    assert library.index_notices == ()
