"""The clip subcommands: ``clips`` (the list, to the screen or a file), ``clips add`` and
``clips remove``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from peskovtui.cli import output
from peskovtui.cli.commands import open_library
from peskovtui.cli.output import plain, warn
from peskovtui.display import counted
from peskovtui.errors import PeskovError
from peskovtui.library import Library, write_export


def run_clips(args: argparse.Namespace) -> int:
    """``peskovtui clips``: the clip list of a corpus, to the screen or a file."""
    library = open_library(args)
    clips = library.clips()
    _clip_notices(library)
    text = library.export_clips(args.format, clips)
    if args.output is None:
        if not clips:
            warn(f"There are no clips of {library.name} yet.")
        sys.stdout.write(text)
        return 0
    try:
        write_export(text, Path(args.output), replace=args.force)
    except FileExistsError:
        raise PeskovError(f"{args.output} exists; add --force to replace it") from None
    output.stdout_console().print(
        plain(f"{counted(len(clips), 'clip')} written to {args.output}."), soft_wrap=True
    )
    return 0


def run_clips_add(args: argparse.Namespace) -> int:
    """``peskovtui clips add``: a passage added to the clip list, with its citation."""
    library = open_library(args)
    # Read first, so that a clip names its speaker as ``quotes`` and the app name them.
    library.read_quotes()
    clips = library.clip_range(args.id, args.start, args.end, note=args.note)
    _clip_notices(library)
    output.stdout_console().print(
        plain(f"Clip {len(clips)} added to the clips of {library.name}."), soft_wrap=True
    )
    return 0


def run_clips_remove(args: argparse.Namespace) -> int:
    """``peskovtui clips remove``: clip N taken off the list."""
    library = open_library(args)
    clips = library.delete_clip(args.number - 1)
    _clip_notices(library)
    output.stdout_console().print(
        plain(f"Clip {args.number} removed; {counted(len(clips), 'clip')} left."), soft_wrap=True
    )
    return 0


def _clip_notices(library: Library) -> None:
    for notice in library.clip_store.notices:
        warn(notice)
