"""The search alone, in process, as the app asks for it: each query's first search and the
next three, on a corpus opened as the app opens it (its index reopened from the user cache).

    XDG_CACHE_HOME=/path/to/cache python benchmarks/search_times.py CSV [QUERY ...]

A first search pays what a query's words cost the first time in an index reader (their stems
looked up, their postings read); the next ones find them kept. The queries run in the order
given, the default ones after ``kremlin`` and ``white house`` as the typing benchmark's.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

QUERIES = ["kremlin", "white house", '"prime minister"', "russia OR china", "immigra*"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("queries", nargs="*", default=QUERIES)
    args = parser.parse_args()
    from peskovtui.library import Library
    from peskovtui.ui.screens.searching import RANGED_HITS, SEARCH_LIMIT

    library = Library.open([args.corpus])
    library.refresh_index()
    library.prepare_searching()
    print(f"load average {os.getloadavg()[0]:.1f}")
    print("| query | first | next three (median) |")
    print("|---|---|---|")
    for query in args.queries:
        times = []
        for _ in range(4):
            start = time.perf_counter()
            library.search(query, limit=SEARCH_LIMIT, ranged=RANGED_HITS)
            times.append((time.perf_counter() - start) * 1000)
        print(f"| `{query}` | {times[0]:.0f} ms | {statistics.median(times[1:]):.0f} ms |")
    library.close()


if __name__ == "__main__":
    main()
