"""The subcommands: one function each, taking the parsed arguments and returning the exit
status. They ask the Library and print through ``peskovtui.cli.output``. The clip subcommands
are in ``clipping``, ``speakers`` (and its timeline) in ``speakers``; all open the corpus with
``open_library``."""

from __future__ import annotations

import argparse
import sys
import time
from typing import TYPE_CHECKING

from peskovtui.citation import as_markdown, as_plain
from peskovtui.cli import collector, output
from peskovtui.cli.output import (
    emit_json,
    emit_jsonl,
    emit_records,
    highlighted,
    marked,
    plain,
    titled_table,
    warn,
)
from peskovtui.cli.progress import index_progress
from peskovtui.cli.rows import Column, RowWriter, cell
from peskovtui.corpus.fields import parse_field_overrides
from peskovtui.display import counted, visible_controls
from peskovtui.library import Library
from peskovtui.search import IndexUnavailable, ScanUnsupported

if TYPE_CHECKING:
    from peskovtui.search import RefreshReport

ROLE_STYLES = {
    "title": "bold",
    "subtitle": "italic",
    "byline": "dim",
    "dateline": "dim",
    "heading": "bold underline",
    "body": "",
}


def open_library(args: argparse.Namespace) -> Library:
    """Open the corpus the arguments name, printing what was skipped."""
    library = Library.open(args.paths, parse_field_overrides(args.fields))
    collector.resume()  # what the opening made lasts as long as the command
    for message in library.warnings:
        warn(message)
    return library


def run_list(args: argparse.Namespace) -> int:
    """``peskovtui list``: the articles of a corpus."""
    library = open_library(args)
    summaries = [a.summary_json() for a in library.articles]
    if args.format == "json":
        emit_json(summaries)
    elif args.format == "jsonl":
        emit_jsonl(summaries)
    else:
        columns = (
            # Ids are what ``show`` takes, so they are never cut; the title gives way instead.
            Column("id", style="cyan"),
            Column("title", overflow="ellipsis", flexible=True),
            Column("outlet", overflow="ellipsis", max_width=24),
            Column("date", overflow="ellipsis", max_width=24),
            Column("words", justify="right"),
        )
        rows = [
            (
                *(cell(visible_controls(s[k] or "")) for k in ("id", "title", "outlet", "date")),
                cell(str(s["words"])),
            )
            for s in summaries
        ]
        title = f"{library.name}: {counted(len(rows), 'article')}"
        RowWriter(output.stdout_console(), columns).write(visible_controls(title), rows)
    return 0


def run_show(args: argparse.Namespace) -> int:
    """``peskovtui show``: one article (by its id or its URL), cleaned, raw, or as JSON."""
    library = open_library(args)
    article = library.find_article(args.id)
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
        emit_json(article.to_json())
        return 0
    console = output.stdout_console()
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
    "speaker_kind",
    "paragraph",
    "mention_start",
    "mention_end",
)


def run_quotes(args: argparse.Namespace) -> int:
    """``peskovtui quotes``: every direct quotation with its speaker and location."""
    library = open_library(args)
    library.read_quotes()
    quotes = library.quotes(args.article, args.speaker, include_fragments=args.all)
    records = [library.quote_json(q) for q in quotes]
    columns = (
        Column("article", style="cyan", overflow="ellipsis", max_width=24),
        Column("¶", justify="right"),
        Column("at", justify="right"),
        Column("speaker", max_width=28),
        Column("kind"),
        Column("quote", flexible=True),
        Column("cluster"),
    )

    def table() -> None:
        rows = [
            (
                cell(visible_controls(r["article_id"])),
                cell(str(r["paragraph"])),
                cell(f"{r['start']}-{r['end']}"),
                cell(
                    visible_controls(r["speaker"]),
                    "dim" if r["speaker"] == "unattributed" else "",
                ),
                cell(r["kind"]),
                cell(visible_controls(r["text"])),
                cell(r["cluster"]),
            )
            for r in records
        ]
        title = f"{library.name}: {counted(len(records), 'quote')}"
        RowWriter(output.stdout_console(), columns).write(visible_controls(title), rows)

    emit_records(args.format, records, QUOTE_FIELDS, table)
    return 0


def refresh_search_index(
    library: Library, *, rebuild: bool = False, phase_lines: bool = False, in_memory: bool = True
) -> RefreshReport:
    """Bring the corpus's search index up to date, showing progress and notices."""
    with index_progress(phase_lines=phase_lines) as progress:
        report = library.refresh_index(rebuild=rebuild, progress=progress, in_memory=in_memory)
    for notice in report.notices:
        warn(notice)
    return report


def run_search(args: argparse.Namespace) -> int:
    """``peskovtui search``: ranked articles matching a query, with exact match ranges."""
    library = open_library(args)
    try:
        # An index the cache cannot hold would be built in memory for this one search, which
        # takes longer than scanning the texts.
        refresh_search_index(library, in_memory=False)
    except IndexUnavailable as error:
        warn(f"{error} The texts are scanned instead.")
    try:
        results = library.search(args.query, args.limit)
    except ScanUnsupported:
        # A query the scan cannot answer (speaker:) is worth the index in memory after all.
        refresh_search_index(library)
        results = library.search(args.query, args.limit)
    for notice in results.notices:
        warn(notice)
    if args.format == "json":
        emit_json([library.hit_json(h) for h in results.hits])
        return 0
    if args.format == "jsonl":
        emit_jsonl(library.hit_json(h) for h in results.hits)
        return 0
    console = output.stdout_console()
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
    output.stdout_console().print(
        plain(f"Search index for {library.name} {what} ({report.location})."), soft_wrap=True
    )
    return 0


def run_cite(args: argparse.Namespace) -> int:
    """``peskovtui cite``: a passage with its citation, exactly as the app copies it."""
    library = open_library(args)
    citation = library.cite(args.id, args.start, args.end)
    if args.format == "json":
        emit_json(citation.to_json())
    else:
        sys.stdout.write(as_markdown(citation) if args.format == "md" else as_plain(citation))
    return 0


def run_check(args: argparse.Namespace) -> int:
    """``peskovtui check``: every place in the corpus that reports the words of a quote, and
    whether they are found verbatim, with different wording, or not at all (exit status 0
    whichever it is)."""
    library = open_library(args)
    # Read for the speakers to be named as ``quotes`` names them across the corpus.
    library.read_quotes()
    result = library.check(args.text)
    if args.format == "json":
        emit_json(result.to_json())
        return 0
    if args.format == "jsonl":
        emit_jsonl(f.to_json() for f in result.findings)
        return 0
    console = output.stdout_console()
    places = f": {counted(len(result.findings), 'place')}" if result.findings else ""
    # repr() writes the pasted text's control characters as escapes.
    console.print(
        plain(f"{result.verdict.capitalize()}{places} in {library.name}: {args.text!r}"),
        soft_wrap=True,
    )
    if not result.findings:
        return 0
    table = titled_table("", show_lines=True)
    for name in ("date", "outlet", "article", "speaker", "kind"):
        table.add_column(name, style="cyan" if name == "article" else "", overflow="fold")
    table.add_column("¶", justify="right")
    table.add_column("passage (differing words marked)", ratio=1)
    for f in result.findings:
        passage = marked(f.passage, [(s - f.start, e - f.start) for s, e in f.differences])
        if f.missing:
            passage.append("\nleft out: " + " ".join(f.missing), style="dim")
        table.add_row(
            plain(f.date),
            plain(f.outlet),
            plain(f.article_id),
            plain(f.speaker or "—"),
            plain(f.kind),
            str(f.paragraph),
            passage,
        )
    console.print(table)
    return 0
