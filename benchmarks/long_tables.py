"""A long table beside JSON Lines: ``peskovtui quotes`` of a corpus both ways, in turn.

Usage: python benchmarks/long_tables.py [PATH] [--runs N] [--command quotes|speakers|list]

Runs the command once to fill the caches, then ``--format table`` and ``--format jsonl`` in
turn, ``--runs`` times each, their output thrown away (as to a pipe: no colours), and prints
the median wall time and CPU time (user + system) of each and the ratios of the medians. The
CPU time holds when other work shares the cores; the wall time does not. The caches are those
of the environment (``XDG_CACHE_HOME``).
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "newsarticles-2017.csv"


def timed(command: list[str]) -> tuple[float, float]:
    """Wall time and CPU time of running ``command``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=str(DEFAULT))
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--command", choices=("quotes", "speakers", "list"), default="quotes")
    args = parser.parse_args()
    base = [sys.executable, "-m", "peskovtui", args.command, args.path, "--format"]
    timed([*base, "jsonl"])  # fills the loading, index and quote caches
    times: dict[str, list[tuple[float, float]]] = {"table": [], "jsonl": []}
    for _ in range(args.runs):
        for kind, found in times.items():
            found.append(timed([*base, kind]))
    print(f"{args.command} {Path(args.path).name}, {args.runs} runs of each in turn")
    medians = {}
    for kind, found in times.items():
        wall = statistics.median(w for w, _ in found)
        cpu = statistics.median(c for _, c in found)
        medians[kind] = (wall, cpu)
        print(f"  {kind:6} wall median {wall:.3f} s, CPU median {cpu:.3f} s")
    (table_wall, table_cpu), (jsonl_wall, jsonl_cpu) = medians["table"], medians["jsonl"]
    print(f"  table / jsonl: wall {table_wall / jsonl_wall:.2f}x, CPU {table_cpu / jsonl_cpu:.2f}x")


if __name__ == "__main__":
    main()
