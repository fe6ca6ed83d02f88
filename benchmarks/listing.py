"""The document list's orders and filters, and the search results' next pages: time per call.

    python benchmarks/listing.py PATH [--cache DIR] [--rounds 7]

Loads PATH, reads its quotes (for the quote-count order) and opens (or builds) its index, then
times (median of ``rounds`` after a warm-up) what the app does on ``s``, ``F`` and a scroll to
the end of the results: each order of the whole corpus, a filter by outlet and by a date range,
the outlet counts of the facets screen, and for a few queries the first page as the app asks for
it (200 hits, ranges for 20), the next page (400 hits, no ranges), and every hit (no ranges, as
for a sort other than by relevance).
"""

from __future__ import annotations

import argparse
import os
import statistics
import timeit
from collections.abc import Callable
from functools import partial

QUERIES = ("trump", "russia OR china", "sanctions", "the")


def median_ms(run: Callable[[], object], rounds: int) -> float:
    run()  # warm-up
    return statistics.median(timeit.repeat(run, number=1, repeat=rounds)) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path")
    parser.add_argument("--cache", help="cache dir to keep the index and quotes in between runs")
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    if args.cache:
        os.environ["XDG_CACHE_HOME"] = args.cache
    from peskovtui.library import ORDER_NAMES, Library, ListFilter, arrange, outlet_counts

    library = Library.open([args.path])
    try:
        library.read_quotes()
        library.refresh_index()
        articles = library.articles
        counts = library.quote_counts()
        print(f"{len(articles)} articles\n")
        print("| what | median |\n|---|---|")
        for order, name in ORDER_NAMES.items():
            ms = median_ms(partial(arrange, articles, order, ListFilter(), counts), args.rounds)
            print(f"| sort by {name} | {ms:.1f} ms |")
        filters = {
            "filter: outlet CNN, newest first": ListFilter(frozenset({"CNN"})),
            "filter: 2017-01 to 2017-02-15, newest first": ListFilter.typed(
                (), "2017-01", "2017-02-15"
            ),
        }
        for label, chosen in filters.items():
            ms = median_ms(partial(arrange, articles, "newest", chosen), args.rounds)
            print(f"| {label} | {ms:.1f} ms |")
        ms = median_ms(partial(outlet_counts, articles), args.rounds)
        print(f"| outlet counts (facets screen) | {ms:.1f} ms |")
        print("\n| query | hits | first page (200, 20 ranged) | next page (400) | every hit |")
        print("|---|---|---|---|---|")
        for query in QUERIES:
            total = library.search(query, 1).total
            first = median_ms(partial(library.search, query, 200, ranged=20), args.rounds)
            more = median_ms(partial(library.search, query, 400, ranged=0), args.rounds)
            every = median_ms(partial(library.search, query, None, ranged=0), args.rounds)
            print(f"| `{query}` | {total} | {first:.0f} ms | {more:.0f} ms | {every:.0f} ms |")
    finally:
        library.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
