"""Every answer of a set of queries, to compare two versions of the search code.

    python benchmarks/search_answers.py dump CSV CACHE_DIR > after.json
    PYTHONPATH=/tmp/before/src python benchmarks/search_answers.py dump CSV CACHE_DIR2 > before.json
    python benchmarks/search_answers.py compare before.json after.json

``dump`` builds (or reopens) the index of CSV in CACHE_DIR (no speakers; in memory if the
parent of CACHE_DIR is not private, e.g. ``/tmp`` itself) and prints, for each
query, the total and every hit with its score and its first 50 match ranges. With ``--app``,
CACHE_DIR is the user cache (``XDG_CACHE_HOME``) and the corpus is opened as the app opens it,
its index reopened; ``--limit`` keeps the best hits only, as the app asks for 200.
``compare`` prints per query whether the totals, the order, the scores (to 5 decimals, or
``--exact``) and the ranges agree.
"""

from __future__ import annotations

import argparse
import json
import os
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


def dump(csv: str, cache: Path, limit: int | None, app: bool) -> None:
    if app:
        os.environ["XDG_CACHE_HOME"] = str(cache)
        from peskovtui.library import Library

        library = Library.open([csv])
        library.refresh_index()
        search = library.search
    else:
        from peskovtui.corpus import load_corpus
        from peskovtui.search import WhooshSearchEngine

        articles = list(load_corpus([csv]).articles)
        engine = WhooshSearchEngine([csv], cache_dir=cache)
        engine.refresh(articles)
        search = engine.search
    out = {}
    for query in QUERIES:
        results = search(query, limit=limit)
        hits = [(h.article_id, h.score, h.matches[:50]) for h in results.hits]
        out[query] = {"total": results.total, "hits": hits}
    if app:
        library.close()
    else:
        engine.close()
    json.dump(out, sys.stdout)


def compare(before: Path, after: Path, exact: bool) -> None:
    a, b = json.loads(before.read_text()), json.loads(after.read_text())
    print("| query | total before | total after | order | scores | ranges |")
    print("|---|---|---|---|---|---|")
    for query in [q for q in a if q in b]:
        x, y = a[query], b[query]
        order = [h[0] for h in x["hits"]] == [h[0] for h in y["hits"]]
        digits = None if exact else 5
        scores = [_score(h[1], digits) for h in x["hits"]] == [
            _score(h[1], digits) for h in y["hits"]
        ]
        ranges = [h[2] for h in x["hits"]] == [h[2] for h in y["hits"]]
        print(f"| `{query}` | {x['total']} | {y['total']} | {order} | {scores} | {ranges} |")


def _score(score: float, digits: int | None) -> float:
    return score if digits is None else round(score, digits)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump")
    d.add_argument("csv")
    d.add_argument("cache", type=Path)
    d.add_argument("--limit", type=int, default=None)
    d.add_argument("--app", action="store_true")
    c = sub.add_parser("compare")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    c.add_argument("--exact", action="store_true")
    args = parser.parse_args()
    if args.command == "dump":
        dump(args.csv, args.cache, args.limit, args.app)
    else:
        compare(args.before, args.after, args.exact)


if __name__ == "__main__":
    main()
