"""What each question about the corpus's quotes costs, in time and resident memory.

Usage: python benchmarks/quote_questions.py CSV

In one process: ``Library.open([CSV])``, ``read_quotes`` (from the user cache when it holds
them: run it once before to fill it), then each question the screens and the CLI ask in turn:
one article's quotes and their other versions, the speakers, the speakers screen's summaries,
one speaker's timeline, every quote, the versions of the first 20,000, the quote browser's
table, and the versions counted for every quote (what the quotes panel lists). Prints the time
of each and the resident set (and its peak) after it. To measure other code, put its ``src``
first on PYTHONPATH.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from peskovtui.library import Library


def rss(field: str = "VmRSS") -> int:
    """The process's resident set (or another /proc status field) in MiB."""
    with Path("/proc/self/status").open() as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) // 1024
    return 0


def step(name: str, question: Callable[[], Any]) -> Any:
    """Ask ``question``; print its time and the memory after it."""
    start = time.perf_counter()
    answer = question()
    took = time.perf_counter() - start
    print(f"{name}: {took:.2f} s, RSS {rss()} MiB (peak {rss('VmHWM')})", flush=True)
    return answer


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__.splitlines()[2], file=sys.stderr)
        return 1
    library = step("open", lambda: Library.open([sys.argv[1]]))
    step("read_quotes", library.read_quotes)
    first = library.articles[0].id
    step(
        "one article's quotes and their other versions",
        lambda: [library.other_versions(q) for q in library.article_quotes(first)],
    )
    step("speakers", library.speakers)
    step("speaker_summaries (speakers screen)", library.speaker_summaries)
    step("speaker_timeline('Vladimir Putin')", lambda: library.speaker_timeline("Vladimir Putin"))
    every = step("quotes() (every quote)", library.quotes)
    step(
        "other_versions of the first 20,000",
        lambda: sum(len(library.other_versions(q)) for q in every[:20000]),
    )
    del every
    step("quote_table (quote browser)", lambda: len(library.quote_table))
    every = library.quotes()
    if hasattr(library, "version_articles"):
        step(
            "version_articles of every quote (the panel's rows)",
            lambda: sum(len(library.version_articles(q)) for q in every),
        )
    else:  # the code before
        step(
            "other_versions of every quote (the panel's rows)",
            lambda: sum(len(library.other_versions(q)) for q in every),
        )
    library.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
