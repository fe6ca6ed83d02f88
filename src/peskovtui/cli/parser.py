"""The command line's arguments: one subcommand each, its usage line as the README gives it.

Each subcommand's function is named here by its module and imported only when that subcommand
runs: opening the reader never loads the printing of tables, and ``list`` never the app.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable

from peskovtui import __version__

PROG = "peskovtui"

Command = Callable[[argparse.Namespace], int]


def _add_corpus_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        default=[],  # without a default argparse reports PATH as required when ID is missing
        metavar="PATH",
        help="folders, article files (.txt .md .html) or data sets (.csv .jsonl .json); "
        "the bundled articles when none is given",
    )
    parser.add_argument(
        "--fields",
        metavar="SPEC",
        help="data-set columns for article fields, e.g. text=body,title=headline",
    )


# Each subcommand's synopsis, as the README gives it (a test holds them equal).
USAGE = {
    "read": "peskovtui [read] [PATH...] [--fields SPEC]",
    "list": "peskovtui list [PATH...] [--fields SPEC] [--format table|json|jsonl]",
    "show": "peskovtui show ID|URL [PATH...] [--fields SPEC] [--format text|json] [--raw]",
    "search": "peskovtui search QUERY [PATH...] [--fields SPEC] [--limit N] "
    "[--format table|json|jsonl]",
    "quotes": "peskovtui quotes [PATH...] [--fields SPEC] [--speaker NAME] [--article ID] [--all] "
    "[--format table|json|jsonl|csv|md]",
    "speakers": "peskovtui speakers [PATH...] [--fields SPEC] [--all] "
    "[--speaker NAME [--timeline]] [--format table|json|jsonl|csv|md]",
    "index": "peskovtui index [PATH...] [--fields SPEC] [--rebuild]",
    "cite": "peskovtui cite ID START END [PATH...] [--fields SPEC] [--format text|md|json]",
    "clips": "peskovtui clips [PATH...] [--fields SPEC] [--format md|text|csv|json|csljson] "
    "[--output FILE [--force]]",
    "clips add": "peskovtui clips add ID START END [PATH...] [--fields SPEC] [--note TEXT]",
    "clips remove": "peskovtui clips remove N [PATH...] [--fields SPEC]",
    "check": 'peskovtui check "TEXT" [PATH...] [--fields SPEC] [--format table|json|jsonl]',
}

# Subcommands of two words: ``peskovtui clips add`` runs the subcommand named "clips add".
COMPOUNDS = {("clips", "add"), ("clips", "remove")}


def build_parser(only: str | None = None) -> tuple[argparse.ArgumentParser, dict[str, Command]]:
    """The argument parser and the function behind each subcommand (with ``only``, that
    subcommand's alone: all a run of it needs)."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Read, search and cite news articles in the terminal.",
        epilog="Run 'peskovtui [PATH...]' to open the reader, or a subcommand for scripts.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    handlers: dict[str, Command] = {}
    for name, summary, (module, function), before, after in _SUBCOMMANDS:
        if only is not None and name != only:
            continue
        sub = commands.add_parser(name, help=summary, usage=USAGE[name])
        before(sub)
        _add_corpus_arguments(sub)
        after(sub)
        handlers[name] = _command(module, function)
    return parser, handlers


def _command(module: str, function: str) -> Command:
    """The function ``function`` of ``peskovtui.cli.<module>``, imported when it is called."""

    def run(args: argparse.Namespace) -> int:
        found: Command = getattr(importlib.import_module(f"peskovtui.cli.{module}"), function)
        return found(args)

    return run


def _nothing(parser: argparse.ArgumentParser) -> None:
    pass


def _format(*choices: str) -> Callable[[argparse.ArgumentParser], None]:
    def add(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--format", choices=choices, default=choices[0])

    return add


_EXPORTS = ("table", "json", "jsonl", "csv", "md")
_listing_format = _format("table", "json", "jsonl")


def _article_id(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", metavar="ID", help="the article's id (a unique prefix will do)")


def _article_id_or_url(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "id", metavar="ID|URL", help="the article's id (a unique prefix will do) or its URL"
    )


def _show_options(parser: argparse.ArgumentParser) -> None:
    _format("text", "json")(parser)
    parser.add_argument("--raw", action="store_true", help="print the original, before cleanup")


def _quotes_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--speaker", metavar="NAME", help="only quotes of this speaker")
    parser.add_argument("--article", metavar="ID", help="only quotes of this article")
    parser.add_argument(
        "--all",
        action="store_true",
        help="include fragments and terms (titles, names, scare quotes)",
    )
    _format(*_EXPORTS)(parser)


def _speakers_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--all", action="store_true", help="count fragments too (as quotes --all lists them)"
    )
    parser.add_argument(
        "--speaker", metavar="NAME", help="only this speaker (named as quotes --speaker takes it)"
    )
    parser.add_argument(
        "--timeline",
        action="store_true",
        help="the speaker's quotes per week (per day over a short span) and outlet",
    )
    _format(*_EXPORTS)(parser)


def _search_query(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "query",
        metavar="QUERY",
        help='words (all must match), OR, NOT, "phrases", prefix*, fuzzy~1, title:, outlet:, '
        "author:, speaker:, date:2017-01..2017-03",
    )


def _search_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--limit", type=_positive, default=20, metavar="N", help="hits to show")
    _listing_format(parser)


def _index_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--rebuild", action="store_true", help="rebuild it from scratch")


def _pasted_text(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "text",
        metavar="TEXT",
        help="the words of the quote, as pasted (… or ... for words left out)",
    )


def _cite_range(parser: argparse.ArgumentParser) -> None:
    _article_id(parser)
    parser.add_argument("start", metavar="START", type=_offset, help="first character (from 0)")
    parser.add_argument("end", metavar="END", type=_offset, help="the character after the last")


def _offset(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a character offset") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"{value!r} is not a character offset")
    return number


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a positive whole number")
    return number


def _clips_options(parser: argparse.ArgumentParser) -> None:
    _format("md", "text", "csv", "json", "csljson")(parser)
    parser.add_argument("--output", metavar="FILE", help="write to FILE instead of the screen")
    parser.add_argument("--force", action="store_true", help="replace FILE if it exists")


def _clip_note(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--note", metavar="TEXT", default="", help="a note kept with the clip")


def _clip_number(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("number", metavar="N", type=_positive, help="the clip's number, from 1")


AddArguments = Callable[[argparse.ArgumentParser], None]
_COMMANDS = "commands"

# Each subcommand: its name, its help line, what runs it (its module in ``peskovtui.cli`` and
# its function), and its arguments before and after the corpus's (PATH... and --fields), in the
# order the README's usage lines give them.
_SUBCOMMANDS: tuple[tuple[str, str, tuple[str, str], AddArguments, AddArguments], ...] = (
    ("read", "open the reader (the default)", ("reading", "run_read"), _nothing, _nothing),
    ("list", "list the articles of a corpus", (_COMMANDS, "run_list"), _nothing, _listing_format),
    ("show", "print one article", (_COMMANDS, "run_show"), _article_id_or_url, _show_options),
    (
        "quotes",
        "list direct quotations with their speakers",
        (_COMMANDS, "run_quotes"),
        _nothing,
        _quotes_options,
    ),
    (
        "speakers",
        "list the speakers with their quote counts",
        ("speakers", "run_speakers"),
        _nothing,
        _speakers_options,
    ),
    (
        "search",
        "search the articles of a corpus",
        (_COMMANDS, "run_search"),
        _search_query,
        _search_options,
    ),
    (
        "index",
        "build or refresh the search index of a corpus",
        (_COMMANDS, "run_index"),
        _nothing,
        _index_options,
    ),
    (
        "cite",
        "print a passage with its citation, as the app copies it",
        (_COMMANDS, "run_cite"),
        _cite_range,
        _format("text", "md", "json"),
    ),
    (
        "clips",
        "print the clip list of a corpus",
        ("clipping", "run_clips"),
        _nothing,
        _clips_options,
    ),
    (
        "clips add",
        "add a passage to the clip list",
        ("clipping", "run_clips_add"),
        _cite_range,
        _clip_note,
    ),
    (
        "clips remove",
        "remove a clip from the list",
        ("clipping", "run_clips_remove"),
        _clip_number,
        _nothing,
    ),
    (
        "check",
        "find every place in the corpus that reports the words of a quote",
        (_COMMANDS, "run_check"),
        _pasted_text,
        _listing_format,
    ),
)

SUBCOMMANDS = frozenset(name for name, *_ in _SUBCOMMANDS)
