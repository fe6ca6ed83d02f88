"""A 50,000-article benchmark corpus for search, generated from the shared news CSV.

    python benchmarks/search_corpus.py generate /work/shared/corpora/newsarticles-2017.csv \
        /tmp/search-bench/news-50k.csv --count 50000

The generated corpus recombines the real articles' sentences (so its vocabulary and lengths stay
realistic) and must stay out of the repository: write it to a temporary directory.
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
from pathlib import Path

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")


def _rows(path: Path) -> list[dict[str, str]]:
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def generate(source: Path, target: Path, count: int, seed: int = 2017) -> None:
    """Write ``count`` articles made of the source articles' sentences, reshuffled."""
    rows = _rows(source)
    rng = random.Random(seed)
    sentences = [s for r in rows for s in _SENTENCE.split(r["text"]) if s.strip()]
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0].keys()))
        writer.writeheader()
        for i in range(count):
            base = rows[i % len(rows)]
            n = max(3, len(_SENTENCE.split(base["text"])))
            start = rng.randrange(len(sentences))
            body = " ".join(sentences[(start + k * 7919) % len(sentences)] for k in range(n))
            writer.writerow(
                {
                    "article_id": f"g{i}",
                    "publish_date": base["publish_date"],
                    "article_source_link": base["article_source_link"],
                    "title": base["title"],
                    "subtitle": base["subtitle"],
                    "text": body,
                }
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    gen = sub.add_parser("generate", help="write a bigger corpus made from a news CSV")
    gen.add_argument("source", type=Path)
    gen.add_argument("target", type=Path)
    gen.add_argument("--count", type=int, default=50_000)
    args = parser.parse_args()
    generate(args.source, args.target, args.count)
    print(f"wrote {args.count} articles to {args.target}")


if __name__ == "__main__":
    main()
