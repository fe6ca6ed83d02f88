"""How long loading a corpus takes, from the data set on disk to cleaned Articles.

Usage: python benchmarks/load_corpus.py [PATH] [--runs N]

PATH defaults to the shared 3,785-article CSV beside the project
(../shared/corpora/newsarticles-2017.csv). Pin it to one core with ``taskset -c 0``.

Times loading without the loading cache, then with it: cold (an empty cache, the entry
written) and warm (the entry read back), in a temporary cache dir.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from peskovtui.corpus import Corpus, LoadCache, load_corpus

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "newsarticles-2017.csv"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    if not args.path.exists():
        print(f"{args.path} does not exist", file=sys.stderr)
        return 1
    corpus = load_corpus([args.path])
    words = sum(a.words for a in corpus.articles)
    print(f"corpus: {args.path.name}: {len(corpus.articles)} articles, {words} words")
    report("load, no cache", timings(lambda: load_corpus([args.path]), args.runs))
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "corpora"
        cold = []
        for _ in range(args.runs):
            for entry in root.glob("*"):
                entry.unlink()
            cold.extend(timings(lambda: load_corpus([args.path], cache=LoadCache(root)), 1))
        report("load, cold cache (entry written)", cold)
        warm = timings(lambda: load_corpus([args.path], cache=LoadCache(root)), args.runs)
        report("load, warm cache (entry read)", warm)
        assert load_corpus([args.path], cache=LoadCache(root)) == corpus
        size = sum(p.stat().st_size for p in root.glob("*"))
        print(f"cache entry: {size / 2**20:.1f} MiB")
        warm_peak = peak_mib(lambda: load_corpus([args.path], cache=LoadCache(root)))
    print(f"peak traced memory while loading: {peak_mib(lambda: load_corpus([args.path])):.0f} MiB")
    print(f"peak traced memory while loading from a warm cache: {warm_peak:.0f} MiB")
    return 0


def peak_mib(load: Callable[[], Corpus]) -> float:
    """The most memory (in MiB) Python held at once during ``load``."""
    tracemalloc.start()
    load()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def timings(load: Callable[[], Corpus], runs: int) -> list[float]:
    """Seconds each of ``runs`` calls of ``load`` took."""
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        load()
        out.append(time.perf_counter() - start)
    return out


def report(what: str, seconds: list[float]) -> None:
    print(
        f"{what}: median {statistics.median(seconds):.3f} s, best {min(seconds):.3f} s, "
        f"worst {max(seconds):.3f} s over {len(seconds)} runs"
    )


if __name__ == "__main__":
    raise SystemExit(main())
