"""The reader's start-up path up to the app's first frame, without a terminal: what
``peskovtui [PATH...]`` imports, parses and loads before Textual starts the app (whose ``run``
is replaced by nothing). Timed from outside for its CPU time:

    /usr/bin/time -f "%U %S" python benchmarks/start_path.py [PATH...]
"""

from __future__ import annotations

import io
import sys

import peskovtui.ui.app


class Terminal(io.StringIO):
    """Stands in for the terminal the reader needs."""

    def isatty(self) -> bool:
        return True


if __name__ == "__main__":
    peskovtui.ui.app.run = lambda library: 0
    sys.stdin, sys.stdout = Terminal(), Terminal()
    from peskovtui.cli import main

    raise SystemExit(main(sys.argv[1:]))
