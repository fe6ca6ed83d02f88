"""Random queries, seeded: every one is answered with results or one sentence, never a
traceback, and the index stays usable."""

from __future__ import annotations

import json
import random

import pytest

from peskovtui.cli import main
from peskovtui.errors import PeskovError
from peskovtui.library import Library

# Pieces of the query language and of what people paste: words, operators, fields, marks.
PIECES = [
    "peskov",
    "kremlin",
    "trump",
    "putin",
    "evidence",
    "relations",
    "the",
    "a",
    "9/11",
    "24/7",
    "2017",
    "OR",
    "AND",
    "NOT",
    "or",
    "not",
    "(",
    ")",
    '"',
    "*",
    "?",
    "~",
    "~1",
    "~2",
    "~9",
    "/3",
    ":",
    "-",
    "+",
    "^",
    "[",
    "]",
    "{",
    "}",
    "\\",
    ",",
    ".",
    ";",
    "'",
    "“",
    "”",
    "«",
    "»",
    "title:",
    "outlet:",
    "author:",
    "speaker:",
    "date:",
    "site:",
    "text:",
    "subtitle:",
    "url:",
    "date:2017-01..2017-03",
    "date:2017-99",
    "*e*",
    "?*?",
    "\x1b[2J",
    "\u00e9",
    "\ud800",
    "9" * 30,
]


def random_query(generator: random.Random) -> str:
    parts = [generator.choice(PIECES) for _ in range(generator.randint(1, 6))]
    joiners = [generator.choice(["", " ", " "]) for _ in parts]
    return "".join(j + p for j, p in zip(joiners, parts, strict=True)).strip() or "x"


QUERIES = [random_query(random.Random(seed)) for seed in range(150)]


@pytest.fixture(scope="module")
def library() -> Library:
    return Library.open()


def test_the_library_answers_every_query_or_names_its_problem(library: Library) -> None:
    answered = refused = 0
    for query in QUERIES:
        try:
            results = library.search(query, limit=5)
        except PeskovError as error:
            message = str(error)
            assert message and "\n" not in message, (query, message)
            refused += 1
            continue
        for hit in results.hits:
            text = library.article(hit.article_id).text
            assert all(0 <= s < e <= len(text) for s, e in hit.matches), query
        answered += 1
    # Both kinds occur, so the fuzz exercises both paths.
    assert answered > 20
    assert refused > 20
    # The index is still usable after all of them.
    assert library.search("peskov").hits


def test_the_cli_answers_every_query_with_json_or_one_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    for query in QUERIES[:60]:
        status = main(["search", query, "--format", "json"])
        out, err = capsys.readouterr()
        assert status in (0, 1), query
        lines = err.splitlines()
        assert all(line.startswith("peskovtui: ") for line in lines), (query, err)
        if status == 0:
            assert isinstance(json.loads(out), list)
        else:
            assert out == ""
            assert len([line for line in lines if "warning" not in line]) == 1, (query, err)
