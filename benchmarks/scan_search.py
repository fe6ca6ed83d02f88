"""Scanning the texts (while the index is built) beside the index: time and agreement.

    python benchmarks/scan_search.py PATH [--cache DIR] [--rounds 5] [--limit 200]

Loads PATH, opens (or builds) its index, then times the scan's first search (which makes its
word lists) and each query of a fixed mix by the scan and by the index (median of ``rounds``
after a warm-up; limit 200 and ranges for the first 20 hits, as in the app), and checks that
both find the same articles with the same match ranges.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable
from functools import partial

QUERIES = (
    "kremlin",
    "white house",
    '"prime minister"',
    '"the prime minister"',
    '"trump\'s administration"',
    'title:"white house"',
    "sanctions",
    "russia OR china",
    "trump NOT obama",
    "immigra*",
    "merkle~1",
    "title:brexit",
    "outlet:bbc trump",
    "date:2017-01..2017-02 refugees",
)


def median_ms(run: Callable[[], object], rounds: int) -> float:
    run()
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path")
    parser.add_argument("--cache", help="cache dir to keep the index in between runs")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--limit", type=int, default=200)
    args = parser.parse_args()
    if args.cache:
        os.environ["XDG_CACHE_HOME"] = args.cache
    from peskovtui.library import Library
    from peskovtui.search import TextScan

    library = Library.open([args.path])
    library.refresh_index()
    scan = TextScan(library.articles)
    start = time.perf_counter()
    scan.search("kremlin", args.limit, ranged=20)
    first = time.perf_counter() - start
    print(
        f"{len(library.articles)} articles, load average {os.getloadavg()[0]:.1f}; "
        f"the scan's first search (its word lists made): {first:.2f} s"
    )
    print("| query | scan | index | articles (scan / index) | same articles and ranges |")
    print("|---|---|---|---|---|")
    for query in QUERIES:
        scanned = scan.search(query, None, ranged=None)
        indexed = library.search(query, None, ranged=None)
        same = {h.article_id: h.matches for h in scanned.hits} == {
            h.article_id: h.matches for h in indexed.hits
        }
        scan_ms = median_ms(partial(scan.search, query, args.limit, ranged=20), args.rounds)
        index_ms = median_ms(partial(library.search, query, args.limit, ranged=20), args.rounds)
        print(
            f"| `{query}` | {scan_ms:.1f} ms | {index_ms:.1f} ms "
            f"| {scanned.total:,} / {indexed.total:,} | {'yes' if same else 'NO'} |"
        )
    library.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
