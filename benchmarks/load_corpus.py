"""How long loading a corpus takes, from the data set on disk to cleaned Articles.

Usage: python benchmarks/load_corpus.py [PATH] [--runs N]

PATH defaults to the shared 3,785-article CSV beside the project
(../shared/corpora/newsarticles-2017.csv). Pin it to one core with ``taskset -c 0``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

from peskovtui.corpus import load_corpus

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "newsarticles-2017.csv"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    if not args.path.exists():
        print(f"{args.path} does not exist", file=sys.stderr)
        return 1
    timings = []
    for _ in range(args.runs):
        start = time.perf_counter()
        corpus = load_corpus([args.path])
        timings.append(time.perf_counter() - start)
    tracemalloc.start()
    corpus = load_corpus([args.path])
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    words = sum(a.words for a in corpus.articles)
    print(f"corpus: {args.path.name}: {len(corpus.articles)} articles, {words} words")
    print(
        f"load: median {statistics.median(timings):.3f} s, best {min(timings):.3f} s, "
        f"worst {max(timings):.3f} s over {args.runs} runs"
    )
    print(f"peak traced memory while loading: {peak / 2**20:.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
