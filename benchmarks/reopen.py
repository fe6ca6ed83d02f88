"""Reopening a corpus whose index is up to date: what a second launch pays before it searches.

    python benchmarks/reopen.py PATH [PATH...] --runs 5
    python benchmarks/reopen.py PATH [PATH...] --runs 5 --parts

For each corpus (its index already built in XDG_CACHE_HOME), starts a fresh interpreter
``--runs`` times; each loads the corpus and times ``refresh_index()`` with nothing changed: the
imports it needs, reading the manifest, comparing every article and opening the index. Prints
the median and the best, and the time per thousand articles.

The corpus is opened as the reader app opens it (``cli/reading.py``, ``PeskovApp.on_ready``):
the garbage collector paused while it loads, then what it made frozen out of the collector's
passes, as the app does once its first frame is drawn, before it refreshes the index in a
worker. ``--plain-collector`` leaves the collector as a script has it: a full pass of it over
the 300,000 objects of 50,000 articles (some 140 ms) then falls within the refresh or not,
depending on what the load allocated before.

The bytecode of the ``peskovtui`` the runs import is written first, as installing a wheel
does (``--from-source`` leaves it unwritten: with PYTHONDONTWRITEBYTECODE set, an editable
install or a PYTHONPATH is then compiled from source in every run). A first run, untimed,
lets a cache of an older manifest format be brought up to date; its time is printed too (the
cost of that migration, when there was one).

``--parts`` times instead, in this process, what the comparison is made of: loading the corpus,
the articles' text checks (free for texts read from the loading cache, hashed for texts held in
memory) and the fingerprint of the corpus given them.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from app_latency import compile_package

CHILD = """
import gc, sys, time
from peskovtui.library import Library
app_start = sys.argv[2] == "app"
if app_start:
    gc.disable()
library = Library.open([sys.argv[1]])
if app_start:
    gc.freeze()
    gc.enable()
start = time.perf_counter()
report = library.refresh_index()
took = time.perf_counter() - start
assert not (report.added or report.changed or report.removed), report
print(len(library.articles), took)
library.close()
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--from-source", action="store_true", help="leave bytecode unwritten")
    parser.add_argument("--parts", action="store_true", help="time the comparison's parts")
    parser.add_argument(
        "--plain-collector",
        action="store_true",
        help="open the corpus with the collector as a script has it, not as the app does",
    )
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f}")
    if args.parts:
        _parts(args.paths, args.runs)
    else:
        if not args.from_source:
            compile_package()
        _reopens(args.paths, args.runs, "plain" if args.plain_collector else "app")
    print(f"load average at the end {os.getloadavg()[0]:.1f}")
    return 0


def _reopens(paths: list[str], runs: int, start: str) -> None:
    print("| corpus | articles | first run | reopen, median | best | per 1,000 articles (median) |")
    print("|---|---|---|---|---|---|")
    for path in paths:
        times = []
        count, first = _reopen(path, start)
        for _ in range(runs):
            count, took = _reopen(path, start)
            times.append(took)
        median = statistics.median(times)
        print(
            f"| {Path(path).name} | {count:,} | {first * 1000:.0f} ms | {median * 1000:.0f} ms | "
            f"{min(times) * 1000:.0f} ms | {median * 1e6 / count:.1f} ms |"
        )


def _parts(paths: list[str], runs: int) -> None:
    """Median and best of loading, the text checks and the fingerprint, in this process."""
    from peskovtui.library import Library
    from peskovtui.search.manifest import fingerprint, make_items, text_checks

    print("| corpus | articles | load | text checks | fingerprint given the checks |")
    print("|---|---|---|---|---|")
    for path in paths:
        loads, checks, prints = [], [], []
        count = 0
        for _ in range(runs):
            start = time.perf_counter()
            library = Library.open([path])
            loads.append(time.perf_counter() - start)
            items = make_items(library.articles, None)
            count = len(items)
            start = time.perf_counter()
            found = text_checks(items)
            checks.append(time.perf_counter() - start)
            start = time.perf_counter()
            fingerprint(items, found)
            prints.append(time.perf_counter() - start)
            library.close()
        cells = " | ".join(_median_best(t) for t in (loads, checks, prints))
        print(f"| {Path(path).name} | {count:,} | {cells} |")


def _median_best(times: list[float]) -> str:
    return f"{statistics.median(times) * 1000:.1f} ms ({min(times) * 1000:.1f} ms)"


def _reopen(path: str, start: str) -> tuple[int, float]:
    """The number of articles and the seconds ``refresh_index()`` took, in a fresh process
    opening the corpus as ``start`` says (``app`` or ``plain``)."""
    out = subprocess.run(
        [sys.executable, "-c", CHILD, path, start], capture_output=True, text=True, check=True
    ).stdout.split()
    return int(out[0]), float(out[1])


if __name__ == "__main__":
    raise SystemExit(main())
