"""The command line's arguments: one subcommand each, its usage line as the README gives it."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from peskovtui import __version__
from peskovtui.cli.commands import (
    run_cite,
    run_index,
    run_list,
    run_quotes,
    run_read,
    run_search,
    run_show,
    run_speakers,
)
from peskovtui.cli.output import PROG

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
    "show": "peskovtui show ID [PATH...] [--fields SPEC] [--format text|json] [--raw]",
    "search": "peskovtui search QUERY [PATH...] [--fields SPEC] [--limit N] "
    "[--format table|json|jsonl]",
    "quotes": "peskovtui quotes [PATH...] [--fields SPEC] [--speaker NAME] [--article ID] [--all] "
    "[--format table|json|jsonl|csv|md]",
    "speakers": "peskovtui speakers [PATH...] [--fields SPEC] [--all] "
    "[--format table|json|jsonl|csv|md]",
    "index": "peskovtui index [PATH...] [--fields SPEC] [--rebuild]",
    "cite": "peskovtui cite ID START END [PATH...] [--fields SPEC] [--format text|md|json]",
}


def build_parser() -> tuple[argparse.ArgumentParser, dict[str, Command]]:
    """The argument parser and the function behind each subcommand."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Read, search and cite news articles in the terminal.",
        epilog="Run 'peskovtui [PATH...]' to open the reader, or a subcommand for scripts.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    handlers: dict[str, Command] = {}

    read = commands.add_parser("read", help="open the reader (the default)", usage=USAGE["read"])
    _add_corpus_arguments(read)
    handlers["read"] = run_read

    listing = commands.add_parser("list", help="list the articles of a corpus", usage=USAGE["list"])
    _add_corpus_arguments(listing)
    listing.add_argument("--format", choices=("table", "json", "jsonl"), default="table")
    handlers["list"] = run_list

    show = commands.add_parser("show", help="print one article", usage=USAGE["show"])
    show.add_argument("id", metavar="ID", help="the article's id (a unique prefix will do)")
    _add_corpus_arguments(show)
    show.add_argument("--format", choices=("text", "json"), default="text")
    show.add_argument("--raw", action="store_true", help="print the original, before cleanup")
    handlers["show"] = run_show

    formats = ("table", "json", "jsonl", "csv", "md")
    quotes = commands.add_parser(
        "quotes", help="list direct quotations with their speakers", usage=USAGE["quotes"]
    )
    _add_corpus_arguments(quotes)
    quotes.add_argument("--speaker", metavar="NAME", help="only quotes of this speaker")
    quotes.add_argument("--article", metavar="ID", help="only quotes of this article")
    quotes.add_argument(
        "--all",
        action="store_true",
        help="include fragments and terms (titles, names, scare quotes)",
    )
    quotes.add_argument("--format", choices=formats, default="table")
    handlers["quotes"] = run_quotes

    speakers = commands.add_parser(
        "speakers", help="list the speakers with their quote counts", usage=USAGE["speakers"]
    )
    _add_corpus_arguments(speakers)
    speakers.add_argument(
        "--all", action="store_true", help="count fragments too (as quotes --all lists them)"
    )
    speakers.add_argument("--format", choices=formats, default="table")
    handlers["speakers"] = run_speakers
    search = commands.add_parser(
        "search", help="search the articles of a corpus", usage=USAGE["search"]
    )
    search.add_argument(
        "query",
        metavar="QUERY",
        help='words (all must match), OR, NOT, "phrases", prefix*, fuzzy~1, title:, outlet:, '
        "author:, speaker:, date:2017-01..2017-03",
    )
    _add_corpus_arguments(search)
    search.add_argument("--limit", type=_positive, default=20, metavar="N", help="hits to show")
    search.add_argument("--format", choices=("table", "json", "jsonl"), default="table")
    handlers["search"] = run_search

    index = commands.add_parser(
        "index", help="build or refresh the search index of a corpus", usage=USAGE["index"]
    )
    _add_corpus_arguments(index)
    index.add_argument("--rebuild", action="store_true", help="rebuild it from scratch")
    handlers["index"] = run_index

    cite = commands.add_parser(
        "cite", help="print a passage with its citation, as the app copies it", usage=USAGE["cite"]
    )
    cite.add_argument("id", metavar="ID", help="the article's id (a unique prefix will do)")
    cite.add_argument("start", metavar="START", type=_offset, help="first character (from 0)")
    cite.add_argument("end", metavar="END", type=_offset, help="the character after the last")
    _add_corpus_arguments(cite)
    cite.add_argument("--format", choices=("text", "md", "json"), default="text")
    handlers["cite"] = run_cite
    return parser, handlers


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
