"""The progress of an index build on stderr: a Rich display on a terminal, one plain line per
finished phase otherwise."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING

from rich.console import Console
from rich.text import Text

from peskovtui.cli import output
from peskovtui.cli.output import PROG

if TYPE_CHECKING:
    from peskovtui.search.progress import Progress, ProgressCallback


@contextlib.contextmanager
def index_progress(*, phase_lines: bool = False) -> Iterator[ProgressCallback | None]:
    """Progress of an index build on stderr: a Rich display with one row per phase (what, how
    many of how many, time left) when stderr is a terminal; otherwise one plain line per
    finished phase if ``phase_lines``, else nothing."""
    console = output.stderr_console()
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
