"""How long ``Library.check`` takes to answer on a big corpus, with its quotes read.

Usage: python benchmarks/check_quote.py [CSV] [--runs N] [--sample N]

CSV defaults to the shared 3,785-article data set beside the project. The corpus is loaded and
its quotes read first (from the user cache when it holds them); then each pasted text below is
checked ``--runs`` times and the median and the slowest time printed, with the verdict and the
number of places. The first check of a library also lowercases the texts once: its time is
printed apart. The load average is printed before and after, since the machine is shared.

With ``--sample N``, N quotes of five words or more drawn from the corpus (seeded) are checked
too, each whole and by its first seven words: every whole quote must be found verbatim in its
own article, and the places of each kind are counted. Short openings ("I would like to
emphasize that the") are where another statement sharing only common words is mistaken for a
reworded one; the counts show how many places such checks list.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import time
from collections import Counter
from pathlib import Path

from peskovtui.display import counted
from peskovtui.library import Library

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "newsarticles-2017.csv"

# Verbatim, reworded (a changed word, a word left out), with an ellipsis, and not in the corpus.
PASTED = (
    ("verbatim", "I have never seen more dishonest media, frankly than the political media"),
    ("verbatim", "I own nothing in Russia, I have no loans in Russia"),
    ("reworded", "We had a very smooth rollout of the travel ban. But we had a bad court"),
    ("ellipsis", "The leaks are real … the news is fake because so much of the news is fake"),
    ("reworded", "these dangerous times require a strong attorney general"),
    ("not found", "The moon is made of green cheese, the minister said on Tuesday"),
    ("not found", "We will never negotiate with anyone about the future of the islands"),
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--sample", type=int, default=0)
    args = parser.parse_args()
    print(f"load average before: {os.getloadavg()}")
    start = time.perf_counter()
    library = Library.open([args.csv])
    library.read_quotes()
    print(
        f"{len(library.articles):,} articles loaded, quotes read in "
        f"{time.perf_counter() - start:.1f} s"
    )
    start = time.perf_counter()
    library.check(PASTED[0][1])
    print(f"first check (the texts lowercased once): {time.perf_counter() - start:.3f} s")
    for label, text in PASTED:
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            result = library.check(text)
            times.append(time.perf_counter() - start)
        print(
            f"{label:9}  median {statistics.median(times):.3f} s  max {max(times):.3f} s  "
            f"{result.verdict}, {counted(len(result.findings), 'place')}  {text[:48]!r}"
        )
    if args.sample:
        sample_checks(library, args.sample)
    library.close()
    print(f"load average after: {os.getloadavg()}")


def sample_checks(library: Library, size: int) -> None:
    """Check ``size`` sampled quotes whole and by their first seven words; print what is found."""
    quotes = [q for q in library.read_quotes().every_quote() if len(q.text.split()) >= 5]
    sample = random.Random(7).sample(quotes, min(size, len(quotes)))
    kinds: dict[str, Counter[str]] = {"whole": Counter(), "opening": Counter()}
    missed = 0
    for quote in sample:
        whole = library.check(quote.text)
        kinds["whole"].update(f.kind for f in whole.findings)
        if not any(f.verbatim and f.article_id == quote.article_id for f in whole.findings):
            missed += 1
        opening = library.check(" ".join(quote.text.split()[:7]))
        kinds["opening"].update(f.kind for f in opening.findings)
    print(f"{len(sample)} sampled quotes; not found verbatim in their own article: {missed}")
    for label, counts in kinds.items():
        listed = ", ".join(f"{kind} {n}" for kind, n in sorted(counts.items()))
        print(f"  checked {label}: {sum(counts.values())} places ({listed})")


if __name__ == "__main__":
    main()
