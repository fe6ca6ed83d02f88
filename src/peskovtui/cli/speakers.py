"""The speakers subcommand: the speakers of a corpus, one of them, or one's timeline."""

from __future__ import annotations

import argparse
from typing import Any

from peskovtui.cli import output
from peskovtui.cli.commands import open_library
from peskovtui.cli.output import emit_records
from peskovtui.cli.rows import Column, RowWriter, cell
from peskovtui.display import counted, visible_controls
from peskovtui.errors import PeskovError
from peskovtui.library import Library, timeline_summary

SPEAKER_FIELDS = ("speaker", "kind", "quotes", "articles", "variants")


def run_speakers(args: argparse.Namespace) -> int:
    """``peskovtui speakers``: the speakers of a corpus with their number of quotes; with
    ``--speaker``, one of them; with ``--timeline``, their quotes per period and outlet."""
    if args.timeline and args.speaker is None:
        raise PeskovError("--timeline needs --speaker NAME: the speaker whose quotes to count")
    library = open_library(args)
    library.read_quotes()
    if args.timeline:
        return _print_timeline(library, args)
    speakers = library.speakers(include_fragments=args.all)
    if args.speaker is not None:
        # Resolved as ``quotes --speaker`` resolves it; an unknown name says so.
        named = {
            q.speaker for q in library.quotes(speaker=args.speaker, include_fragments=args.all)
        }
        speakers = [s for s in speakers if s.speaker in named]
    records: list[dict[str, Any]] = [
        {
            "speaker": s.speaker,
            "kind": s.kind,
            "quotes": s.quotes,
            "articles": s.articles,
            "variants": list(s.variants),
        }
        for s in speakers
    ]
    columns = (
        Column("speaker", max_width=40),
        Column("kind"),
        Column("quotes", justify="right"),
        Column("articles", justify="right"),
        Column("also named", flexible=True),
    )

    def table() -> None:
        rows = [
            (
                cell(visible_controls(r["speaker"])),
                cell(r["kind"]),
                cell(str(r["quotes"])),
                cell(str(r["articles"])),
                cell(visible_controls(", ".join(r["variants"]))),
            )
            for r in records
        ]
        title = f"{library.name}: {counted(len(records), 'speaker')}"
        RowWriter(output.stdout_console(), columns).write(visible_controls(title), rows)

    emit_records(args.format, records, SPEAKER_FIELDS, table)
    return 0


TIMELINE_FIELDS = ("start", "end", "outlet", "quotes")


def _print_timeline(library: Library, args: argparse.Namespace) -> int:
    """``speakers --speaker NAME --timeline``: one row per period and outlet, then the undated
    quotes per outlet (no start or end)."""
    timeline = library.speaker_timeline(args.speaker, include_fragments=args.all)
    records = timeline.rows()
    columns = (
        Column("start"),
        Column("end"),
        Column("outlet", flexible=True),
        Column("quotes", justify="right"),
    )

    def table() -> None:
        rows = [
            (
                cell(r["start"] or "undated"),
                cell(r["end"] or ""),
                cell(visible_controls(r["outlet"] or "unknown outlet")),
                cell(str(r["quotes"])),
            )
            for r in records
        ]
        title = f"{timeline.speaker}: {timeline_summary(timeline)}"
        RowWriter(output.stdout_console(), columns).write(visible_controls(title), rows)

    emit_records(args.format, records, TIMELINE_FIELDS, table)
    return 0
