"""The command line: ``peskovtui [PATH...]`` opens the reader; subcommands print for scripts.

Every subcommand prints a Rich table for people or plain, stable JSON for scripts. Errors a user
can cause end in one line on stderr (``peskovtui: ...``) and a non-zero exit status.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from peskovtui import __version__
from peskovtui.corpus import Article
from peskovtui.corpus.fields import parse_field_overrides
from peskovtui.errors import PeskovError
from peskovtui.library import Library

PROG = "peskovtui"
ROLE_STYLES = {
    "title": "bold",
    "subtitle": "italic",
    "byline": "dim",
    "dateline": "dim",
    "heading": "bold underline",
    "body": "",
}

Command = Callable[[argparse.Namespace], int]


PIPED_WIDTH = 160


def stdout_console() -> Console:
    """A console on stdout; wide enough not to cut tables when piped."""
    console = Console(highlight=False)
    if not console.is_terminal:
        console = Console(highlight=False, width=PIPED_WIDTH)
    return console


def stderr_console() -> Console:
    """A console on stderr for warnings and errors."""
    return Console(stderr=True, highlight=False)


def emit_json(value: Any) -> None:
    """Print ``value`` as indented JSON, non-ASCII kept as is."""
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def emit_jsonl(values: Iterable[Any]) -> None:
    """Print one compact JSON document per line."""
    for value in values:
        sys.stdout.write(json.dumps(value, ensure_ascii=False) + "\n")


def warn(message: str) -> None:
    """Print a warning on stderr."""
    stderr_console().print(Text(f"{PROG}: warning: {message}", style="yellow"))


def open_library(args: argparse.Namespace) -> Library:
    """Open the corpus the arguments name, printing what was skipped."""
    library = Library.open(args.paths, parse_field_overrides(args.fields))
    for message in library.warnings:
        warn(message)
    return library


def article_summary(article: Article) -> dict[str, Any]:
    """The fields ``list`` prints for an article."""
    return {
        "id": article.id,
        "title": article.title,
        "outlet": article.outlet,
        "date": article.date,
        "words": article.words,
        "authors": list(article.authors),
        "url": article.url,
        "path": article.path,
        "row": article.row,
    }


def article_record(article: Article) -> dict[str, Any]:
    """Everything known about an article, for ``show --format json``."""
    record = article_summary(article)
    record.update(
        subtitle=article.subtitle,
        dateline=article.dateline,
        text=article.text,
        paragraphs=[{"start": p.start, "end": p.end, "role": p.role} for p in article.paragraphs],
        set_aside=[{"line": s.line, "reason": s.reason} for s in article.set_aside],
    )
    return record


def run_list(args: argparse.Namespace) -> int:
    """``peskovtui list``: the articles of a corpus."""
    library = open_library(args)
    summaries = [article_summary(a) for a in library.articles]
    if args.format == "json":
        emit_json(summaries)
    elif args.format == "jsonl":
        emit_jsonl(summaries)
    else:
        console = stdout_console()
        rows = [
            (s["id"], s["title"], s["outlet"] or "", s["date"] or "", str(s["words"]))
            for s in summaries
        ]
        table = Table(title=f"{library.name}: {len(rows)} articles", title_justify="left")
        # Ids are what ``show`` takes, so they are never cut; the title gives way instead.
        fixed = [max([len(row[i]) for row in rows] + [5]) for i in (0, 2, 3, 4)]
        title_width = max(20, console.width - sum(min(w, 24) for w in fixed) - 16)
        table.add_column("id", no_wrap=True, style="cyan")
        table.add_column("title", no_wrap=True, overflow="ellipsis", max_width=title_width)
        table.add_column("outlet", no_wrap=True, max_width=24, overflow="ellipsis")
        table.add_column("date", no_wrap=True, max_width=24, overflow="ellipsis")
        table.add_column("words", justify="right")
        for row in rows:
            table.add_row(*row)
        console.print(table)
    return 0


def run_show(args: argparse.Namespace) -> int:
    """``peskovtui show``: one article, cleaned, raw, or as JSON."""
    library = open_library(args)
    article = library.article(args.id)
    if args.raw:
        raw = library.raw(article.id)
        if args.format == "json":
            emit_json({"id": article.id, "raw": raw})
        else:
            sys.stdout.write(raw)
        return 0
    if args.format == "json":
        emit_json(article_record(article))
        return 0
    console = stdout_console()
    if not console.is_terminal:
        sys.stdout.write(article.text + "\n")
        return 0
    meta = [article.outlet, article.date, ", ".join(article.authors), article.url]
    console.print(Text(" · ".join(m for m in meta if m), style="dim"))
    console.print(Text(article.location, style="dim"))
    for paragraph in article.paragraphs:
        console.print()
        text = article.text[paragraph.start : paragraph.end]
        console.print(Text(text, style=ROLE_STYLES[paragraph.role]))
    return 0


def run_read(args: argparse.Namespace) -> int:
    """Bare ``peskovtui [PATH...]``: the corpus's article list."""
    args.format = "table"
    return run_list(args)


def _add_corpus_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="folders, article files (.txt .md .html) or data sets (.csv .jsonl .json); "
        "the bundled articles when none is given",
    )
    parser.add_argument(
        "--fields",
        metavar="SPEC",
        help="data-set columns for article fields, e.g. text=body,title=headline",
    )


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

    read = commands.add_parser("read", help="open the reader (the default)")
    _add_corpus_arguments(read)
    handlers["read"] = run_read

    listing = commands.add_parser("list", help="list the articles of a corpus")
    _add_corpus_arguments(listing)
    listing.add_argument("--format", choices=("table", "json", "jsonl"), default="table")
    handlers["list"] = run_list

    show = commands.add_parser("show", help="print one article")
    show.add_argument("id", metavar="ID", help="the article's id (a unique prefix will do)")
    _add_corpus_arguments(show)
    show.add_argument("--format", choices=("text", "json"), default="text")
    show.add_argument("--raw", action="store_true", help="print the original, before cleanup")
    handlers["show"] = run_show
    return parser, handlers


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser, handlers = build_parser()
    if not args_list or (
        args_list[0] not in handlers and args_list[0] not in ("-h", "--help", "--version")
    ):
        args_list.insert(0, "read")
    args = parser.parse_args(args_list)
    try:
        return handlers[args.command](args)
    except PeskovError as error:
        stderr_console().print(Text(f"{PROG}: {error}", style="red"))
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader of our output went away (``| head``): not an error of ours.
        sys.stderr.close()
        return 0
