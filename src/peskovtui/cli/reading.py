"""``peskovtui [read] [PATH...]``: the reader app. Kept apart from the printing subcommands so
that opening the reader imports only what its first screen needs."""

from __future__ import annotations

import argparse
import sys

from peskovtui.corpus.fields import parse_field_overrides
from peskovtui.errors import PeskovError
from peskovtui.library import Library


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
