"""What remembering costs the reader: keeping the place read (done on the UI thread each time
another article is shown), reading it back at launch, and finding an article by its URL.

    python benchmarks/places.py PATH [--bookmarks 500] [--runs 200]

Runs in a temporary state dir. Prints, in microseconds (median and worst of ``--runs``): keeping
the place read with no bookmark and with ``--bookmarks`` of them (each is a read, a change and
an atomic write of the corpus's places file), reading the place back, and the first look-up by
URL (which maps every article's URL) and those after it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable


def timed(call: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median and worst time of ``call``, in microseconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1e6)
    return statistics.median(times), max(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path")
    parser.add_argument("--bookmarks", type=int, default=500)
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    os.environ["XDG_STATE_HOME"] = tempfile.mkdtemp()
    from peskovtui.library import Library

    library = Library.open([args.path])
    articles = library.articles
    url = next(a.url for a in articles if a.url)
    assert url is not None
    print(f"load average {os.getloadavg()[0]:.1f}; {len(articles)} articles")
    print("| what | median | worst |")
    print("|---|---|---|")

    def row(what: str, times: tuple[float, float]) -> None:
        print(f"| {what} | {times[0]:,.0f} µs | {times[1]:,.0f} µs |")

    ids = iter(a.id for _ in range(args.runs * 2) for a in articles)
    row("keep the place read", timed(lambda: library.remember_place(next(ids), 0), args.runs))
    for article in articles[: args.bookmarks]:
        library.add_bookmark(article.id, 0)
    row(
        f"keep the place read, {args.bookmarks} bookmarks",
        timed(lambda: library.remember_place(next(ids), 0), args.runs),
    )
    row("read the place back (launch)", timed(library.last_place, args.runs))
    start = time.perf_counter()
    library.articles_at_url(url)
    print(f"| first look-up by URL | {(time.perf_counter() - start) * 1e6:,.0f} µs | |")
    row("a look-up by URL after it", timed(lambda: library.articles_at_url(url), args.runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
