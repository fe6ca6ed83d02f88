"""Reopening a corpus whose index is up to date: what a second launch pays before it searches.

    python benchmarks/reopen.py PATH [PATH...] --runs 5

For each corpus (its index already built in XDG_CACHE_HOME), starts a fresh interpreter
``--runs`` times; each loads the corpus and times ``refresh_index()`` with nothing changed: the
imports it needs, reading the manifest, comparing every article and opening the index. Prints
the median and the best, and the time per thousand articles.

The bytecode of the ``peskovtui`` the runs import is written first, as installing a wheel
does (``--from-source`` leaves it unwritten: with PYTHONDONTWRITEBYTECODE set, an editable
install or a PYTHONPATH is then compiled from source in every run). A first run, untimed,
lets a cache of an older manifest format be brought up to date.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path

from app_latency import compile_package

CHILD = """
import sys, time
from peskovtui.library import Library
library = Library.open([sys.argv[1]])
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
    args = parser.parse_args()
    if not args.from_source:
        compile_package()
    print(f"load average {os.getloadavg()[0]:.1f}")
    print("| corpus | articles | reopen, median | best | per 1,000 articles (median) |")
    print("|---|---|---|---|---|")
    for path in args.paths:
        times = []
        count = 0
        _reopen(path)
        for _ in range(args.runs):
            count, took = _reopen(path)
            times.append(took)
        median = statistics.median(times)
        print(
            f"| {Path(path).name} | {count:,} | {median * 1000:.0f} ms | "
            f"{min(times) * 1000:.0f} ms | {median * 1e6 / count:.1f} ms |"
        )
    print(f"load average at the end {os.getloadavg()[0]:.1f}")
    return 0


def _reopen(path: str) -> tuple[int, float]:
    """The number of articles and the seconds ``refresh_index()`` took, in a fresh process."""
    out = subprocess.run(
        [sys.executable, "-c", CHILD, path], capture_output=True, text=True, check=True
    ).stdout.split()
    return int(out[0]), float(out[1])


if __name__ == "__main__":
    raise SystemExit(main())
