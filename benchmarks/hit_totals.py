"""Hit totals: Whoosh's own collector beside the project's exact count, and what each costs.

    python benchmarks/hit_totals.py PATH [--cache DIR] [--limit 200] [--rounds 5]

Opens (or builds) PATH's index, then searches each query with the collector Whoosh makes for
``optimize=False`` (which replaces its matcher as it goes and may drop matches past the best
hits) and with the project's, alternating the two, and prints the totals and the median time
of each. The exact count is checked against a search that keeps every hit.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from typing import Any

QUERIES = (
    "trump",
    "russia OR china",
    "presiden*",
    "elect*",
    "immigra*",
    "syria AND (ceasefire OR talks)",
    '"white house"',
    "peskof~1",
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path")
    parser.add_argument("--cache", help="cache dir to keep the index in between runs")
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    if args.cache:
        os.environ["XDG_CACHE_HOME"] = args.cache
    from peskovtui.library import Library
    from peskovtui.search import cancel

    library = Library.open([args.path])
    library.refresh_index()
    exact = cancel.counting_collector

    def whoosh_collector(searcher: Any, limit: int | None) -> Any:
        return searcher.collector(limit=limit, optimize=False)

    print(f"{len(library.articles)} articles, limit {args.limit}, {os.getloadavg()[0]:.1f} load")
    print("| query | Whoosh's total | exact total | Whoosh's time | exact time |")
    print("|---|---|---|---|---|")
    for query in QUERIES:
        times: dict[str, list[float]] = {"whoosh": [], "exact": []}
        totals: dict[str, int] = {}
        for _ in range(args.rounds + 1):  # the first round warms the caches
            for name, make in (("whoosh", whoosh_collector), ("exact", exact)):
                cancel.counting_collector = make
                start = time.perf_counter()
                totals[name] = library.search(query, args.limit, ranged=0).total
                times[name].append(time.perf_counter() - start)
        cancel.counting_collector = exact
        every = library.search(query, None, ranged=0).total
        assert totals["exact"] == every, (query, totals, every)
        print(
            f"| `{query}` | {totals['whoosh']:,} | {totals['exact']:,} "
            f"| {statistics.median(times['whoosh'][1:]) * 1000:.1f} ms "
            f"| {statistics.median(times['exact'][1:]) * 1000:.1f} ms |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
