"""Random input for the loader and the command line, and the checks made on what they do.

Cases are random bytes saved as files of every suffix peskovtui reads, and small data sets that
are almost well formed (CSV with stray quotation marks and odd delimiters, JSON Lines and JSON
with deep nesting, huge numbers, lone surrogates, truncation). Each case is loaded with
``load_corpus`` and given to ``list``, ``show``, ``search`` and ``quotes`` through
``peskovtui.cli.main``. What is checked: no exception escapes, the exit status is 0 or 1, a 1
comes with exactly one ``peskovtui:`` error line on stderr (and a 0 with none), and JSON output
is valid JSON in valid UTF-8.

Run as a module, it works through cases in a process of its own and prints one JSON line per
case (its number, files, seconds and problems) after a first ``{"ready": true}``, so that
whoever starts it can tell a hang from a slow case and kill it:
``python -m tests.fuzz_inputs SEED FIRST COUNT DIR``.
"""

from __future__ import annotations

import contextlib
import io
import json
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

SUFFIXES = (".txt", ".md", ".html", ".csv", ".tsv", ".jsonl", ".json")
COLUMNS = ("id", "title", "text", "body", "date", "url", "source", "author", "subtitle", "x")
WORDS = (
    "Peskov",
    "said",
    "the",
    "Kremlin",
    "“quoted words,”",
    '"straight quote',
    "’",
    "—",
    "MOSCOW,",
    "February 7",
    "/TASS/",
    "(CNN)",
    "Follow us on Twitter",
    "image.jpg",
    "[",
    "]",
    "*",
    "~",
    ":",
    "\u00e9",
    "\u200b",
    "\x1b]52;c;aGk=\x07",
    "\x00",
    "\x9b",
    "\ufeff",
    "\\",
    "2017/2/7",
    "99999999999999999999",
)
NOISE = (b"\xff", b"\xc3(", b"\xed\xa0\x80", b"\x00", b"\r", b"\r\n", b"\x1b[2J", b"\xef\xbb\xbf")


def random_file(rng: random.Random) -> tuple[str, bytes]:
    """A file name and its bytes: random bytes, or a text, data set or page almost right."""
    kind = rng.choice(("bytes", "bytes", "text", "html", "csv", "jsonl", "json"))
    if kind == "bytes":
        return f"r{rng.randrange(10**6)}{rng.choice(SUFFIXES)}", rng.randbytes(rng.randrange(2048))
    maker: dict[str, Callable[[random.Random], bytes]] = {
        "text": _text,
        "html": _html,
        "csv": _csv,
        "jsonl": _jsonl,
        "json": _json,
    }
    suffix = {"text": rng.choice((".txt", ".md")), "html": ".html", "csv": ".csv"}.get(
        kind, f".{kind}"
    )
    if kind == "csv" and rng.random() < 0.2:
        suffix = ".tsv"
    return f"{kind}{rng.randrange(10**6)}{suffix}", _mangle(rng, maker[kind](rng))


def _words(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(count))


def _text(rng: random.Random) -> bytes:
    lines = [_words(rng, rng.randrange(1, 30)) for _ in range(rng.randrange(1, 12))]
    return rng.choice(("\n", "\n\n", "\r\n", "   ")).join(lines).encode("utf-8", "surrogatepass")


def _html(rng: random.Random) -> bytes:
    tags = ("p", "div", "h1", "title", "script", "br", "li", "style", "nav", "b", "svg")
    parts = []
    for _ in range(rng.randrange(1, 25)):
        tag = rng.choice(tags)
        parts.append(rng.choice((f"<{tag}>", f"</{tag}>", f"<{tag} a='{_words(rng, 1)}'", "&amp;")))
        parts.append(_words(rng, rng.randrange(0, 8)))
    return "".join(parts).encode("utf-8", "surrogatepass")


def _csv(rng: random.Random) -> bytes:
    delimiter = rng.choice((",", ";", "\t", "|"))
    header = rng.sample(COLUMNS, rng.randrange(1, len(COLUMNS)))
    rows = [delimiter.join(header)]
    for _ in range(rng.randrange(0, 12)):
        cells = []
        for _ in range(len(header) + rng.choice((-1, 0, 0, 0, 1))):
            cell = _words(rng, rng.randrange(0, 6))
            if rng.random() < 0.3:
                cell = '"' + cell.replace('"', '""') + rng.choice(('"', '"', '"', ""))
            elif rng.random() < 0.1:
                cell += "\n" + _words(rng, 3)
            cells.append(cell)
        rows.append(delimiter.join(cells))
    return "\n".join(rows).encode("utf-8", "surrogatepass")


def _value(rng: random.Random, depth: int = 0) -> object:
    roll = rng.random()
    if depth > 3 or roll < 0.4:
        return _words(rng, rng.randrange(0, 8))
    if roll < 0.5:
        return rng.choice((None, True, 0, -1.5, 10**30, float("inf")))
    if roll < 0.75:
        return [_value(rng, depth + 1) for _ in range(rng.randrange(0, 4))]
    return {rng.choice(COLUMNS): _value(rng, depth + 1) for _ in range(rng.randrange(0, 4))}


def _object(rng: random.Random) -> str:
    obj = {key: _value(rng) for key in rng.sample(COLUMNS, rng.randrange(0, 6))}
    text = json.dumps(obj, ensure_ascii=rng.random() < 0.5)
    roll = rng.random()
    if roll < 0.1:  # a lone surrogate, as JSON may escape one
        text = text.replace("Peskov", "Pes\\ud800kov")
    elif roll < 0.15:  # deeper than Python's parser goes
        text = '{"text": ' + "[" * 3000 + "]" * 3000 + "}"
    elif roll < 0.2:  # longer than Python converts to an integer
        text = '{"text": "x", "id": ' + "7" * 5000 + "}"
    return text


def _jsonl(rng: random.Random) -> bytes:
    lines = [_object(rng) for _ in range(rng.randrange(0, 10))]
    return "\n".join(lines).encode("utf-8", "surrogatepass")


def _json(rng: random.Random) -> bytes:
    objects = ", ".join(_object(rng) for _ in range(rng.randrange(0, 8)))
    text = f"[{objects}]" if rng.random() < 0.7 else f'{{"articles": [{objects}], "n": 1}}'
    return text.encode("utf-8", "surrogatepass")


def _mangle(rng: random.Random, data: bytes) -> bytes:
    """Sometimes cut the data short, or put bytes of noise into it."""
    if data and rng.random() < 0.2:
        data = data[: rng.randrange(len(data))]
    for _ in range(rng.choice((0, 0, 0, 1, 3))):
        at = rng.randrange(len(data) + 1)
        data = data[:at] + rng.choice(NOISE) + data[at:]
    return data


def run(args: list[str]) -> tuple[int | str, str, str]:
    """``peskovtui.cli.main(args)`` with its output captured; an exception that escapes is
    returned as its name in place of the exit status."""
    from peskovtui.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code: int | str = main(args)
        except BaseException as error:  # the very thing looked for
            code = f"{type(error).__name__}: {error}"
    return code, out.getvalue(), err.getvalue()


def problems_of(args: list[str], code: int | str, out: str, err: str) -> list[str]:
    """What is wrong with one run of the command line (nothing, if it behaved)."""
    found = []
    where = " ".join(args[:1] + [a for a in args[1:] if a.startswith("-")])
    if isinstance(code, str):
        return [f"{where}: exception escaped: {code}"]
    errors = [
        line
        for line in err.splitlines()
        if line.startswith("peskovtui: ") and not line.startswith("peskovtui: warning: ")
    ]
    if code not in (0, 1):
        found.append(f"{where}: exit status {code}")
    if len(errors) != (1 if code == 1 else 0):
        found.append(f"{where}: exit status {code} with {len(errors)} error lines: {errors!r}")
    stray = [line for line in err.splitlines() if not line.startswith("peskovtui: ")]
    if stray:
        found.append(f"{where}: stderr lines without the peskovtui: prefix: {stray[:3]!r}")
    if code == 0 and "--format" in args and args[args.index("--format") + 1] in ("json", "jsonl"):
        try:
            out.encode("utf-8")
            lines = out.splitlines() if "jsonl" in args else [out]
            for line in lines:
                json.loads(line)
        except ValueError as error:
            found.append(f"{where}: output is not JSON in UTF-8: {error}")
    return found


def run_case(rng: random.Random, folder: Path, *, search: bool) -> tuple[int, list[str]]:
    """Make one case in ``folder`` (one to three files) and check everything done with it;
    the number of files made, and the problems found."""
    from peskovtui.corpus import load_corpus
    from peskovtui.errors import CorpusError

    folder.mkdir(parents=True)
    files = [random_file(rng) for _ in range(rng.choice((1, 1, 2, 3)))]
    for name, data in files:
        (folder / name).write_bytes(data)
    target = str(folder if len(files) > 1 else folder / files[0][0])
    problems = []
    try:
        load_corpus([target])
    except CorpusError:
        pass
    except BaseException as error:
        problems.append(f"load_corpus: exception escaped: {type(error).__name__}: {error}")
    code, out, err = run(["list", target, "--format", "json"])
    problems += problems_of(["list", "--format", "json"], code, out, err)
    ids = [record["id"] for record in json.loads(out)] if code == 0 and not problems else []
    commands = [
        ["list", target],
        ["show", "--", rng.choice(ids) if ids else "nothing", target],
        ["show", "--format", "json", "--", rng.choice(ids) if ids else "x", target],
        ["show", "--raw", "--", rng.choice(ids) if ids else "x", target],
        ["quotes", target, "--all", "--format", rng.choice(("table", "jsonl", "csv", "md"))],
    ]
    if search:
        word = rng.choice(("peskov", "kremlin", "said", "the", "quoted"))
        commands.append(["search", word, target, "--format", rng.choice(("table", "json"))])
    for args in commands:
        problems += problems_of(args, *run(args))
    return len(files), problems


def main(argv: list[str]) -> int:
    """Run cases ``first`` .. ``first + count - 1`` of ``seed`` in ``directory``, one JSON line
    each; every case has a generator of its own, so any case can be run again alone."""
    import peskovtui.cli  # noqa: F401  (imported before the first case is timed)

    seed, first, count, directory = int(argv[0]), int(argv[1]), int(argv[2]), Path(argv[3])
    _say({"ready": True})
    for case in range(first, first + count):
        rng = random.Random(f"{seed}:{case}")
        start = time.monotonic()
        files, problems = run_case(rng, directory / f"case{case}", search=rng.random() < 0.2)
        seconds = round(time.monotonic() - start, 3)
        _say({"case": case, "files": files, "seconds": seconds, "problems": problems})
    return 0


def _say(line: dict[str, object]) -> None:
    stdout = sys.__stdout__
    assert stdout is not None
    stdout.write(json.dumps(line) + "\n")
    stdout.flush()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
