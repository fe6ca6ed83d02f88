"""The yardstick for the first screen: a bare Textual app that shows two lines of text.

    python benchmarks/bare_app.py "Documents" "First title"

``app_latency.py first-screen`` starts it beside ``peskovtui`` in the same run and waits for
the same words on screen, so that the ratio between the two is the start-up cost peskovtui adds
to Textual's own, whatever the load of the machine.
"""

from __future__ import annotations

import sys

from textual.app import App, ComposeResult
from textual.widgets import Static


class Bare(App[None]):
    """Two lines of text, nothing else."""

    def compose(self) -> ComposeResult:
        for line in sys.argv[1:]:
            yield Static(line)


if __name__ == "__main__":
    Bare().run()
