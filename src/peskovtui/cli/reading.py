"""``peskovtui [read] [PATH...]``: the reader app. Kept apart from the printing subcommands so
that opening the reader imports only what its first screen needs."""

from __future__ import annotations

import argparse
import sys

from peskovtui.cli import collector
from peskovtui.errors import PeskovError


def run_read(args: argparse.Namespace) -> int:
    """Bare ``peskovtui [PATH...]``: the reader app on the corpus."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise PeskovError(
            "The reader needs a terminal; for scripts use 'peskovtui list', 'show', 'search' "
            "or 'quotes'."
        )
    # Until the first frame is drawn, the cyclic garbage collector is paused: what the start
    # makes (the modules, the corpus, the first screen) lives as long as the reader, and the
    # collector would walk it again and again before the first frame. The app turns it back on
    # then, with those objects frozen out of its later passes (``PeskovApp.on_ready``).
    collector.pause()
    try:
        # Imported here, with the collector paused, as is Textual below (which the scripting
        # commands never load).
        from peskovtui.corpus.fields import parse_field_overrides
        from peskovtui.library import Library

        # The app shows what was skipped while loading as notifications.
        library = Library.open(args.paths, parse_field_overrides(args.fields))
        from peskovtui.ui.app import run

        return run(library)
    finally:
        collector.resume(freeze=False)
