"""A query's problem is named as the query's, never as a damaged index; notices print once."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from whoosh import query as wq

from peskovtui.cli import main
from peskovtui.library import Library
from peskovtui.search import QueryError
from peskovtui.search import searching as searching_module
from peskovtui.search.scan import SCAN_NOTICE
from tests.search.articles import SEEDS


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize(
    ("query", "message"),
    [
        (
            "peskov~1/7",
            "“peskov” has 6 letters, fewer than the number after the slash asks to keep "
            "unchanged; write at most /6.",
        ),
        ('text_words:"a b"', "There is no field “text_words:”"),
        ("?*?", "“?*?” has no letters to search for"),
        ("*", "“*” has no letters to search for"),
    ],
)
def test_a_query_error_is_named_as_one(
    capsys: pytest.CaptureFixture[str], query: str, message: str
) -> None:
    status, out, err = run(capsys, "search", query, str(SEEDS))
    assert (status, out) == (1, "")
    assert err.startswith(f"peskovtui: {message}")
    assert err.count("\n") == 1
    assert "damaged" not in err and "rebuild" not in err


def test_a_query_error_leaves_the_index_alone() -> None:
    library = Library.open([SEEDS])
    try:
        library.refresh_index()
        with pytest.raises(QueryError):
            library.search("peskov~1/7")
        assert library.refresh_index().rebuilt is False
        assert library.search("peskov").total == 5
    finally:
        library.close()


def test_a_query_whoosh_refuses_is_a_query_error(monkeypatch: pytest.MonkeyPatch) -> None:
    # A phrase in a field without word positions (the URL is one term): Whoosh raises its own
    # QueryError while searching. No query a user can type builds one today; the engine must
    # still not take it for damage.
    phrase = wq.Phrase("url", ["a", "b"])
    monkeypatch.setattr(searching_module, "read_query", lambda text, schema: (phrase, ()))
    library = Library.open([SEEDS])
    try:
        library.refresh_index()
        with pytest.raises(QueryError) as info:
            library.search("a b")
        assert str(info.value) == "The query cannot be searched as written."
        assert library.refresh_index().rebuilt is False
    finally:
        library.close()


def test_a_cut_query_says_so_once(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "search", "domestic~9 peskov", str(SEEDS), "--format", "json")
    assert status == 0
    assert out.startswith("[")
    assert err == (
        "peskovtui: warning: A fuzzy word may differ by 2 letters at most; searched for words "
        "within 2 of “domestic”.\n"
    )


@pytest.mark.parametrize("command", ["search", "index"])
def test_index_notices_are_printed_once(tmp_path: Path, command: str) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    args = [command, "peskov", str(SEEDS)] if command == "search" else [command, str(SEEDS)]
    # A process of its own: logging's last-resort handler, which printed every index notice a
    # second time, is replaced by pytest's own handlers inside the test process.
    result = subprocess.run(
        [sys.executable, "-m", "peskovtui", *args],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "XDG_CACHE_HOME": str(blocker / "cache")},
    )
    assert result.returncode == 0, result.stderr
    unwritable = "peskovtui: warning: The cache directory is not writable (Not a directory)."
    lines = result.stderr.splitlines()
    if command == "search":
        # ``search`` scans the texts rather than build an index in memory for one query.
        assert lines == [
            f"{unwritable} The texts are scanned instead.",
            f"peskovtui: warning: {SCAN_NOTICE}",
        ]
        return
    warning = f"{unwritable} Searching with an index in memory instead; it is not kept."
    assert lines.count(warning) == 1
    # Besides it, only index's own lines, one per phase of the build.
    others = [line for line in lines if line != warning]
    assert all(line.startswith("peskovtui: ") and " s" in line for line in others)
