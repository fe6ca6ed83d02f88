"""The command line: ``peskovtui [PATH...]`` opens the reader; subcommands print for scripts.

Every subcommand prints a Rich table for people or plain, stable JSON for scripts. Errors a user
can cause end in one line on stderr (``peskovtui: ...``) and a non-zero exit status.

Article text, titles, speakers, file names and queries are printed as text, never as Rich markup
(every table cell and title is a ``Text``), with control characters shown visibly.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from peskovtui import __version__
from peskovtui.citation import paragraph_number
from peskovtui.corpus import Article
from peskovtui.corpus.fields import parse_field_overrides
from peskovtui.display import counted, visible_controls
from peskovtui.errors import PeskovError
from peskovtui.library import Library
from peskovtui.quotes import Quote
from peskovtui.search import SearchHit, Snippet

if TYPE_CHECKING:
    from peskovtui.search import RefreshReport
    from peskovtui.search.progress import Progress, ProgressCallback

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


# json.dumps escapes C0 controls; DEL and the C1 controls (U+009B is a CSI to some terminals)
# it leaves raw when non-ASCII is kept. Escaped, the JSON value is the same. So are lone
# surrogates (a file name that is not UTF-8), which no UTF-8 output could hold.
_JSON_CONTROLS = {c: f"\\u{c:04x}" for c in (0x7F, *range(0x80, 0xA0), *range(0xD800, 0xE000))}


def to_json(value: Any, indent: int | None = None) -> str:
    """``value`` as JSON, non-ASCII kept as is and every control character escaped."""
    return json.dumps(value, ensure_ascii=False, indent=indent).translate(_JSON_CONTROLS)


def emit_json(value: Any) -> None:
    """Print ``value`` as indented JSON."""
    sys.stdout.write(to_json(value, indent=2) + "\n")


def emit_jsonl(values: Iterable[Any]) -> None:
    """Print one compact JSON document per line."""
    for value in values:
        sys.stdout.write(to_json(value) + "\n")


def plain(value: str | None, style: str = "") -> Text:
    """Untrusted text as a Rich ``Text``: never read as markup, controls shown visibly."""
    return Text(visible_controls(value or ""), style=style)


def titled_table(title: str, **options: Any) -> Table:
    """A table whose title (it names the corpus, a file name) is text, not markup."""
    return Table(title=plain(title), title_justify="left", **options)


def warn(message: str) -> None:
    """Print a warning on stderr."""
    # soft_wrap: a message stays one line, however long its paths, for grep and for logs.
    stderr_console().print(plain(f"{PROG}: warning: {message}", style="yellow"), soft_wrap=True)


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
        paragraphs=[
            {"paragraph": number, "start": p.start, "end": p.end, "role": p.role}
            for number, p in enumerate(article.paragraphs, start=1)
        ],
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
            (
                *(visible_controls(s[k] or "") for k in ("id", "title", "outlet", "date")),
                str(s["words"]),
            )
            for s in summaries
        ]
        table = titled_table(f"{library.name}: {counted(len(rows), 'article')}")
        # Ids are what ``show`` takes, so they are never cut; the title gives way instead.
        fixed = [max([len(row[i]) for row in rows] + [5]) for i in (0, 2, 3, 4)]
        title_width = max(20, console.width - sum(min(w, 24) for w in fixed) - 16)
        table.add_column("id", no_wrap=True, style="cyan")
        table.add_column("title", no_wrap=True, overflow="ellipsis", max_width=title_width)
        table.add_column("outlet", no_wrap=True, max_width=24, overflow="ellipsis")
        table.add_column("date", no_wrap=True, max_width=24, overflow="ellipsis")
        table.add_column("words", justify="right")
        for row in rows:
            table.add_row(*(Text(cell) for cell in row))
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
        elif sys.stdout.isatty():
            # On a terminal a control sequence in the original would be obeyed, not shown.
            sys.stdout.write(visible_controls(raw))
        else:
            sys.stdout.write(raw)  # the original exactly, for a file or a pipe
        return 0
    if args.format == "json":
        emit_json(article_record(article))
        return 0
    console = stdout_console()
    if not console.is_terminal:
        sys.stdout.write(visible_controls(article.text) + "\n")
        return 0
    meta = [article.outlet, article.date, ", ".join(article.authors), article.url]
    console.print(plain(" · ".join(m for m in meta if m), style="dim"))
    console.print(plain(article.location, style="dim"))
    for paragraph in article.paragraphs:
        console.print()
        text = article.text[paragraph.start : paragraph.end]
        console.print(plain(text, style=ROLE_STYLES[paragraph.role]))
    return 0


QUOTE_FIELDS = (
    "article_id",
    "start",
    "end",
    "text",
    "speaker",
    "speaker_mention",
    "kind",
    "cluster",
    "role",
    "paragraph",
    "mention_start",
    "mention_end",
)
SPEAKER_FIELDS = ("speaker", "quotes", "articles", "variants")


def quote_record(library: Library, quote: Quote) -> dict[str, Any]:
    """A quote as ``quotes`` prints it; ``text`` is always ``article.text[start:end]``, and
    ``paragraph`` is numbered as in the reader and in citations (from 1, the title is 1)."""
    article = library.article(quote.article_id or "")
    return {
        "article_id": quote.article_id,
        "start": quote.start,
        "end": quote.end,
        "text": quote.text,
        "speaker": quote.speaker,
        "speaker_mention": quote.speaker_mention,
        "kind": quote.kind,
        "cluster": library.cluster_id(quote),
        "role": quote.role,
        "paragraph": paragraph_number(article, quote.start),
        "mention_start": quote.mention_start,
        "mention_end": quote.mention_end,
    }


def emit_csv(records: Sequence[dict[str, Any]], fields: Sequence[str]) -> None:
    """Print records as CSV with a header row (lists joined with "; ")."""
    writer = csv.DictWriter(sys.stdout, fieldnames=list(fields), lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow({k: _flat(record[k]) for k in fields})


def emit_markdown(records: Sequence[dict[str, Any]], fields: Sequence[str]) -> None:
    """Print records as a Markdown table; pipes and line breaks in cells are escaped."""
    sys.stdout.write("| " + " | ".join(fields) + " |\n")
    sys.stdout.write("|" + "---|" * len(fields) + "\n")
    for record in records:
        cells = [str(_flat(record[k])).replace("|", "\\|").replace("\n", "<br>") for k in fields]
        sys.stdout.write("| " + " | ".join(cells) + " |\n")


def _flat(value: Any) -> Any:
    """A cell of CSV or Markdown: text with its controls shown, lists joined with "; "."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return visible_controls("; ".join(str(v) for v in value))
    if isinstance(value, str):
        return visible_controls(value)
    return value


def emit_records(
    fmt: str, records: Sequence[dict[str, Any]], fields: Sequence[str], table: Table
) -> None:
    """Print records in the chosen format; ``table`` is the Rich table already filled."""
    if fmt == "json":
        emit_json(list(records))
    elif fmt == "jsonl":
        emit_jsonl(records)
    elif fmt == "csv":
        emit_csv(records, fields)
    elif fmt == "md":
        emit_markdown(records, fields)
    else:
        stdout_console().print(table)


def run_quotes(args: argparse.Namespace) -> int:
    """``peskovtui quotes``: every direct quotation with its speaker and location."""
    library = open_library(args)
    quotes = library.quotes(args.article, args.speaker, include_fragments=args.all)
    records = [quote_record(library, q) for q in quotes]
    table = titled_table(f"{library.name}: {counted(len(records), 'quote')}")
    table.add_column("article", no_wrap=True, style="cyan", max_width=24, overflow="ellipsis")
    table.add_column("¶", justify="right", no_wrap=True)
    table.add_column("at", justify="right", no_wrap=True)
    table.add_column("speaker", max_width=28, overflow="fold")
    table.add_column("kind", no_wrap=True)
    table.add_column("quote", overflow="fold")
    table.add_column("cluster", no_wrap=True)
    for r in records:
        table.add_row(
            plain(r["article_id"]),
            str(r["paragraph"]),
            f"{r['start']}-{r['end']}",
            plain(r["speaker"], style="dim" if r["speaker"] == "unattributed" else ""),
            plain(r["kind"]),
            plain(r["text"]),
            plain(r["cluster"]),
        )
    emit_records(args.format, records, QUOTE_FIELDS, table)
    return 0


def run_speakers(args: argparse.Namespace) -> int:
    """``peskovtui speakers``: the speakers of a corpus with their number of quotes."""
    library = open_library(args)
    records: list[dict[str, Any]] = [
        {
            "speaker": s.speaker,
            "quotes": s.quotes,
            "articles": s.articles,
            "variants": list(s.variants),
        }
        for s in library.speakers(include_fragments=args.all)
    ]
    table = titled_table(f"{library.name}: {counted(len(records), 'speaker')}")
    table.add_column("speaker", overflow="fold")
    table.add_column("quotes", justify="right")
    table.add_column("articles", justify="right")
    table.add_column("also spelled", overflow="fold")
    for r in records:
        table.add_row(
            plain(r["speaker"]),
            str(r["quotes"]),
            str(r["articles"]),
            plain(", ".join(r["variants"])),
        )
    emit_records(args.format, records, SPEAKER_FIELDS, table)
    return 0


@contextlib.contextmanager
def index_progress(*, phase_lines: bool = False) -> Iterator[ProgressCallback | None]:
    """Progress of an index build on stderr: a Rich display with one row per phase (what, how
    many of how many, time left) when stderr is a terminal; otherwise one plain line per
    finished phase if ``phase_lines``, else nothing."""
    console = stderr_console()
    if not console.is_terminal:
        yield _phase_lines(console) if phase_lines else None
        return
    from rich.progress import (  # only a terminal shows the bar
        BarColumn,
        TaskID,
        TextColumn,
        TimeRemainingColumn,
    )
    from rich.progress import Progress as Display

    with Display(
        TextColumn("{task.description}", markup=False),
        BarColumn(),
        TextColumn("{task.fields[count]}"),
        TimeRemainingColumn(),
        console=console,
        transient=True,
    ) as bar:
        tasks: dict[str, TaskID] = {}

        def update(progress: Progress) -> None:
            if progress.phase not in tasks:
                tasks[progress.phase] = bar.add_task(
                    progress.phase, total=progress.total, count=progress.count
                )
            bar.update(
                tasks[progress.phase],
                completed=progress.done,
                total=progress.total,
                count=progress.count,
            )

        yield update


def _phase_lines(console: Console) -> ProgressCallback:
    """A progress callback that prints one line as each phase ends: what, how many, how long.

    A phase is timed from the end of the one before it (or from the start of the refresh).
    """
    printed: set[str] = set()
    mark = time.monotonic()

    def update(progress: Progress) -> None:
        nonlocal mark
        if progress.phase in printed or not progress.finished:
            return
        printed.add(progress.phase)
        now = time.monotonic()
        count = f"{progress.amount}, " if progress.unit else ""
        console.print(Text(f"{PROG}: {progress.phase}: {count}{now - mark:.1f} s"), soft_wrap=True)
        mark = now

    return update


def refresh_search_index(
    library: Library, *, rebuild: bool = False, phase_lines: bool = False
) -> RefreshReport:
    """Bring the corpus's search index up to date, showing progress and notices."""
    with index_progress(phase_lines=phase_lines) as progress:
        report = library.refresh_index(rebuild=rebuild, progress=progress)
    for notice in report.notices:
        warn(notice)
    return report


def hit_record(library: Library, hit: SearchHit) -> dict[str, Any]:
    """A search hit as JSON, with where its article comes from."""
    article = library.article(hit.article_id)
    record = hit.to_json()
    record.update(outlet=article.outlet, date=article.date, location=article.location)
    return record


def highlighted(snippet: Snippet) -> Text:
    """A snippet with its matches styled (built from ranges, never parsed as markup).

    Each piece has its controls made visible on its own, since that can lengthen it.
    """
    text = Text()
    done = 0
    for start, end in snippet.highlights:
        text.append(visible_controls(snippet.text[done:start]))
        text.append(visible_controls(snippet.text[start:end]), style="bold reverse")
        done = end
    text.append(visible_controls(snippet.text[done:]))
    return text


def run_search(args: argparse.Namespace) -> int:
    """``peskovtui search``: ranked articles matching a query, with exact match ranges."""
    library = open_library(args)
    refresh_search_index(library)
    results = library.search(args.query, args.limit)
    for notice in results.notices:
        warn(notice)
    if args.format == "json":
        emit_json([hit_record(library, h) for h in results.hits])
        return 0
    if args.format == "jsonl":
        emit_jsonl(hit_record(library, h) for h in results.hits)
        return 0
    console = stdout_console()
    # repr() writes the query's control characters as escapes.
    if not results.hits:
        console.print(plain(f"{library.name}: no article matches {args.query!r}."))
        return 0
    if results.total > len(results.hits):
        found = f"{len(results.hits)} of {results.total} articles match"
    else:
        found = f"{counted(results.total, 'article')} match{'es' * (results.total == 1)}"
    table = titled_table(f"{library.name}: {found} {args.query!r}", show_lines=True)
    table.add_column("id", no_wrap=True, style="cyan")
    table.add_column("score", justify="right")
    table.add_column("matches", justify="right")
    table.add_column("article", ratio=1)
    for hit in results.hits:
        article = library.article(hit.article_id)
        cell = plain(hit.title, style="bold")
        meta = " · ".join(m for m in (article.outlet, article.date) if m)
        if meta:
            cell.append("\n" + visible_controls(meta), style="dim")
        cell.append("\n")
        cell.append_text(highlighted(hit.snippet))
        table.add_row(plain(hit.article_id), f"{hit.score:.2f}", str(hit.match_count), cell)
    console.print(table)
    return 0


def run_index(args: argparse.Namespace) -> int:
    """``peskovtui index``: build or refresh the corpus's search index."""
    library = open_library(args)
    start = time.monotonic()
    report = refresh_search_index(library, rebuild=args.rebuild, phase_lines=True)
    took = f"in {time.monotonic() - start:.1f} s"
    if report.rebuilt:
        what = f"built with {counted(report.added, 'article')} {took}"
    elif report.read_only:
        what = "in use by another process; left as it is"
    else:
        what = (
            f"up to date: {report.added:,} added, {report.changed:,} changed, "
            f"{report.removed:,} removed {took}"
        )
    # soft_wrap: one line, however long the index's path, for scripts and logs.
    stdout_console().print(
        plain(f"Search index for {library.name} {what} ({report.location})."), soft_wrap=True
    )
    return 0


def run_read(args: argparse.Namespace) -> int:
    """Bare ``peskovtui [PATH...]``: the reader app on the corpus."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise PeskovError(
            "The reader needs a terminal; for scripts use 'peskovtui list', 'show', 'search' "
            "or 'quotes'."
        )
    # The app shows what was skipped while loading as notifications.
    library = Library.open(args.paths, parse_field_overrides(args.fields))
    # Imported here so that the scripting commands never pay for loading Textual.
    from peskovtui.ui.app import run

    return run(library)


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
        "--all", action="store_true", help="include fragments (scare quotes, titles, terms)"
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
    return parser, handlers


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a positive whole number")
    return number


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
        stderr_console().print(plain(f"{PROG}: {error}", style="red"), soft_wrap=True)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader of our output went away (``| head``): not an error of ours.
        sys.stderr.close()
        return 0
