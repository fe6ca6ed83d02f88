"""Time quote extraction per article on a CSV data set of news articles.

Usage: python benchmarks/quotes_speed.py CSV [--limit N]

Reads the ``text`` column (and ``title``/``subtitle`` when present) with the csv module, joins
them the way a reader shows an article, and times ``extract_quotes`` (scanning, classification
and attribution) on each article once after a warm-up pass over the first 50. Prints the mean,
the median, the 90th and 99th percentiles and the maximum, in milliseconds, and the total for
clustering all the quotes across the corpus.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import sys
import time
from pathlib import Path

from peskovtui.corpus.model import compose_text
from peskovtui.quotes import extract_quotes
from peskovtui.quotes.clusters import cluster_quotes


def read_articles(path: Path, limit: int | None) -> list[tuple[str, str, tuple]]:
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
    args = parser.parse_args(argv)
    articles = read_articles(args.csv, args.limit)
    for _, text, paragraphs in articles[:50]:
        extract_quotes(text, paragraphs)
    times: list[float] = []
    quotes = []
    for article_id, text, paragraphs in articles:
        t0 = time.perf_counter()
        found = extract_quotes(text, paragraphs, article_id)
        times.append((time.perf_counter() - t0) * 1000)
        quotes.extend(found)
        for q in found:
            assert text[q.start : q.end] == q.text
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
        f"max {times[-1]:.2f}  total {sum(times) / 1000:.1f} s"
    )
    print(f"clustering {len(quotes)} quotes: {cluster_s:.1f} s, {len(clusters)} clusters")
    return 0


if __name__ == "__main__":
    sys.exit(main())
