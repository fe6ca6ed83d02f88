"""Queries that could run away: how long each takes, and how soon a cancelled search stops.

    python benchmarks/runaway_queries.py /work/shared/corpora/newsarticles-2017.csv \
        [--cache-dir DIR] [--rounds 3]

Prints a Markdown table. Each query goes through ``Library.search`` as the CLI calls it (limit
20, match ranges for every hit). *first* is the first run on a freshly opened library (it pays for
reading the index's word lists, where a query needs them); *median* is over ``--rounds`` runs.
*cancel* starts the query in a thread, makes its cancel check say yes 0.2 s later, and
measures the time from then until the search returns. The index is built in
``--cache-dir`` (a temporary folder by default, removed afterwards); building is not timed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import threading
import time
from pathlib import Path

from peskovtui.library import Library

MANY_FUZZY = (
    "domestic~2 policy~2 trump~2 russia~2 sanctions~2 foreign~2 minister~2 election~2 "
    "refugees~2 border~2"
)
QUERIES: list[tuple[str, str]] = [
    ("lone wildcard", "*"),
    ("wildcard without letters", "?*?"),
    ("edit distance 9", "domestic~9"),
    ("edit distance of 20 digits", "word~99999999999999999999"),
    ("ten terms at distance 2", MANY_FUZZY),
    ("wildcard matching most words", "*e*"),
]
CANCEL_AFTER = 0.2


def seconds(value: float) -> str:
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


def run_once(library: Library, query: str) -> tuple[float, str]:
    start = time.perf_counter()
    try:
        results = library.search(query, 20)
        outcome = f"{results.total} articles" + (" + notice" if results.notices else "")
    except Exception as exc:  # a refused query is an outcome to report, not a failure
        outcome = type(exc).__name__
    return time.perf_counter() - start, outcome


def cancel_latency(library: Library, query: str) -> str:
    stop = threading.Event()
    ended: list[float] = []
    outcome: list[str] = []

    def search() -> None:
        try:
            library.search(query, 20, cancel=stop.is_set)
            outcome.append("finished")
        except Exception as exc:
            outcome.append(type(exc).__name__)
        ended.append(time.perf_counter())

    thread = threading.Thread(target=search)
    thread.start()
    time.sleep(CANCEL_AFTER)  # a benchmark, not a test: let the search get going
    stop.set()
    cancelled_at = time.perf_counter()
    thread.join()
    if ended[0] < cancelled_at:
        return f"ended before the cancel ({outcome[0]})"
    return f"{seconds(ended[0] - cancelled_at)} ({outcome[0]})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--cache-dir", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        os.environ["XDG_CACHE_HOME"] = str(args.cache_dir or scratch)
        library = Library.open([args.corpus])
        library.refresh_index()
        print(f"{len(library.articles)} articles from {args.corpus}; load {os.getloadavg()[0]:.1f}")
        print()
        print("| query | first | median | outcome | cancel after 0.2 s |")
        print("|---|---|---|---|---|")
        for name, query in QUERIES:
            fresh = Library.open([args.corpus])
            fresh.refresh_index()
            first, outcome = run_once(fresh, query)
            times = [first] + [run_once(fresh, query)[0] for _ in range(args.rounds - 1)]
            stopped = cancel_latency(fresh, query)
            fresh.close()
            shown = query if len(query) < 30 else query[:27] + "…"
            print(
                f"| {name}: `{shown}` | {seconds(first)} | {seconds(statistics.median(times))} "
                f"| {outcome} | {stopped} |",
                flush=True,
            )
        library.close()


if __name__ == "__main__":
    main()
