"""Time quote extraction per article on a CSV data set of news articles.

Usage: python benchmarks/quotes_speed.py CSV [--limit N] [--cluster-copies N [--alter SHARE]]

Reads the ``text`` column (and ``title``/``subtitle`` when present) with the csv module, joins
them the way a reader shows an article, and times ``extract_quotes`` (scanning, classification
and attribution) on each article once after a warm-up pass over the first 50. Prints the mean,
the median, the 90th and 99th percentiles and the maximum, in milliseconds, and the total for
clustering all the quotes across the corpus; with ``--cluster-copies`` also the time to cluster
that many altered copies of the quotes, standing in for a larger corpus.
"""

from __future__ import annotations

import argparse
import csv
import random
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

from peskovtui.corpus.model import Paragraph, compose_text
from peskovtui.quotes import Quote, extract_quotes
from peskovtui.quotes.clusters import cluster_quotes


def read_articles(path: Path, limit: int | None) -> list[tuple[str, str, tuple[Paragraph, ...]]]:
    """(id, text, paragraphs) for each row."""
    csv.field_size_limit(sys.maxsize)
    out = []
    with path.open(encoding="utf-8", newline="") as fh:
        for n, row in enumerate(csv.DictReader(fh)):
            if limit is not None and n >= limit:
                break
            blocks = [(row.get("title") or "", "title")]
            if row.get("subtitle"):
                blocks.append((row["subtitle"], "subtitle"))
            blocks.append((row["text"], "body"))
            text, paragraphs = compose_text([b for b in blocks if b[0].strip()])  # type: ignore[misc]
            out.append((row.get("article_id") or str(n), text, paragraphs))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv", type=Path)
    parser.add_argument("--limit", type=int)
    parser.add_argument(
        "--cluster-copies",
        type=int,
        default=0,
        help="also cluster this many altered copies of all the quotes (a larger corpus)",
    )
    parser.add_argument(
        "--alter",
        type=float,
        default=0.5,
        help="share of words replaced at random in each copy (seeded); 0.15 keeps most "
        "copies near versions of their original, the hardest case",
    )
    args = parser.parse_args(argv)
    articles = read_articles(args.csv, args.limit)
    for _, text, paragraphs in articles[:50]:
        extract_quotes(text, paragraphs)
    times: list[float] = []
    quotes = []
    cpu0 = time.process_time()
    for article_id, text, paragraphs in articles:
        t0 = time.perf_counter()
        found = extract_quotes(text, paragraphs, article_id)
        times.append((time.perf_counter() - t0) * 1000)
        quotes.extend(found)
        for q in found:
            assert text[q.start : q.end] == q.text
    # CPU time (the offset checks included) is less disturbed by other work on the machine.
    cpu_ms = (time.process_time() - cpu0) * 1000 / max(len(articles), 1)
    times.sort()
    t0 = time.perf_counter()
    clusters = cluster_quotes(quotes)
    cluster_s = time.perf_counter() - t0
    chars = sum(len(t) for _, t, _ in articles)
    print(f"articles {len(articles)}  characters {chars}  quotes {len(quotes)}")
    print(
        f"per article ms: mean {statistics.fmean(times):.2f}  "
        f"median {statistics.median(times):.2f}  "
        f"p90 {times[int(0.9 * (len(times) - 1))]:.2f}  "
        f"p99 {times[int(0.99 * (len(times) - 1))]:.2f}  "
        f"max {times[-1]:.2f}  total {sum(times) / 1000:.1f} s  (CPU {cpu_ms:.2f} ms/article)"
    )
    print(f"clustering {len(quotes)} quotes: {cluster_s:.1f} s, {len(clusters)} clusters")
    if args.cluster_copies:
        many = altered_copies(quotes, args.cluster_copies, args.alter)
        t0 = time.perf_counter()
        clusters = cluster_quotes(many)
        cluster_s = time.perf_counter() - t0
        print(
            f"clustering {len(many)} quotes ({args.cluster_copies} copies, {args.alter:.0%} of "
            f"words altered): {cluster_s:.1f} s, {len(clusters)} clusters"
        )
    return 0


def altered_copies(quotes: list[Quote], copies: int, share: float) -> list[Quote]:
    """``copies`` copies of every quote, each from its own article, with ``share`` of the words
    replaced by words drawn from the quotes, to time clustering on a larger corpus."""
    rng = random.Random(2017)
    vocabulary = [w for q in quotes for w in q.text.split()]
    out = []
    for k in range(copies):
        for q in quotes:
            words = [rng.choice(vocabulary) if rng.random() < share else w for w in q.text.split()]
            out.append(replace(q, text=" ".join(words), article_id=f"{q.article_id}~{k}"))
    return out


if __name__ == "__main__":
    sys.exit(main())
