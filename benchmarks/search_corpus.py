"""Benchmark corpora for search: the shared news CSV as Articles, and a 50k-article generator.

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
from urllib.parse import urlparse

from peskovtui.corpus.model import Article, ParagraphRole, compose_text

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")


def _rows(path: Path) -> list[dict[str, str]]:
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _iso(date: str) -> str | None:
    parts = date.replace("-", "/").split("/")
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        return None
    y, m, d = (int(p) for p in parts)
    return f"{y:04d}-{m:02d}-{d:02d}"


def load_articles(path: Path) -> list[Article]:
    """Every row of a news CSV as an Article (title, subtitle, then the text's paragraphs)."""
    articles = []
    source = str(path.resolve())
    for row_number, row in enumerate(_rows(path), start=1):
        title = " ".join(row["title"].split()) or "(untitled)"
        subtitle = " ".join(row["subtitle"].split())
        blocks: list[tuple[str, ParagraphRole]] = [(title, "title")]
        if subtitle:
            blocks.append((subtitle, "subtitle"))
        body = [p.strip() for p in row["text"].split("\n") if p.strip()]
        blocks += [(p, "body") for p in body]
        text, paragraphs = compose_text(blocks)
        articles.append(
            Article(
                id=row["article_id"],
                title=title,
                text=text,
                paragraphs=paragraphs,
                subtitle=subtitle,
                outlet=urlparse(row["article_source_link"]).netloc.removeprefix("www.") or None,
                date=_iso(row["publish_date"]),
                url=row["article_source_link"],
                path=source,
                row=row_number,
            )
        )
    return articles


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
