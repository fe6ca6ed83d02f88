"""Every answer of a set of queries, to compare two versions of the search code.

    python benchmarks/search_answers.py dump CSV CACHE_DIR > after.json
    PYTHONPATH=/tmp/before/src python benchmarks/search_answers.py dump CSV CACHE_DIR2 > before.json
    python benchmarks/search_answers.py compare before.json after.json

``dump`` builds (or reopens) the index of CSV in CACHE_DIR (no speakers; in memory if the
parent of CACHE_DIR is not private, e.g. ``/tmp`` itself) and prints, for each
query, the total and every hit with its score (5 decimals) and its first 50 match ranges.
``compare`` prints per query whether the totals, the order, the scores and the ranges agree.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

QUERIES = [
    "sanctions",
    "trump",
    '"white house"',
    '"the prime minister"',
    "russia OR china",
    "trump NOT obama",
    "syria AND (ceasefire OR talks)",
    "immigra*",
    "presiden*",
    "peskof~1",
    "merkle~1",
    "title:brexit",
    "outlet:bbc trump",
    "date:2017-01..2017-02 refugees",
    "relations",
    '"white house said"~3',
    "subtitle:president",
    "title:[a TO c]",
    "elect*",
    "united states",
    '"u.s."',
]


def dump(csv: str, cache: Path) -> None:
    from peskovtui.corpus import load_corpus
    from peskovtui.search import WhooshSearchEngine

    articles = list(load_corpus([csv]).articles)
    engine = WhooshSearchEngine([csv], cache_dir=cache)
    engine.refresh(articles)
    out = {}
    for query in QUERIES:
        results = engine.search(query, limit=None)
        hits = [(h.article_id, round(h.score, 5), h.matches[:50]) for h in results.hits]
        out[query] = {"total": results.total, "hits": hits}
    engine.close()
    json.dump(out, sys.stdout)


def compare(before: Path, after: Path) -> None:
    a, b = json.loads(before.read_text()), json.loads(after.read_text())
    print("| query | total before | total after | order | scores | ranges |")
    print("|---|---|---|---|---|---|")
    for query in [q for q in a if q in b]:
        x, y = a[query], b[query]
        order = [h[0] for h in x["hits"]] == [h[0] for h in y["hits"]]
        scores = [h[1] for h in x["hits"]] == [h[1] for h in y["hits"]]
        ranges = [h[2] for h in x["hits"]] == [h[2] for h in y["hits"]]
        print(f"| `{query}` | {x['total']} | {y['total']} | {order} | {scores} | {ranges} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump")
    d.add_argument("csv")
    d.add_argument("cache", type=Path)
    c = sub.add_parser("compare")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "dump":
        dump(args.csv, args.cache)
    else:
        compare(args.before, args.after)


if __name__ == "__main__":
    main()
