"""Search benchmark: the project's engine beside raw Whoosh with the same documents.

Raw Whoosh indexes a stemmed copy of each text field beside its exact words (the schema the
project's index had before it kept the words only), since its own parser searches stems in a
stemmed field.

    python benchmarks/bench_search.py /work/shared/corpora/newsarticles-2017.csv
    python benchmarks/bench_search.py /tmp/search-bench/news-50k.csv

Prints a Markdown table. Every index goes to a temporary directory that is removed afterwards.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.qparser import FuzzyTermPlugin, QueryParser

from peskovtui.corpus import load_corpus
from peskovtui.search import WhooshSearchEngine
from peskovtui.search.expansion import expand_partial_terms
from peskovtui.search.offsets import build_plan, plan_offsets, tokens
from peskovtui.search.query import parse_query
from peskovtui.search.schema import article_document

# (kind, project query, the same query in plain Whoosh syntax)
QUERIES: list[tuple[str, str, str]] = [
    ("term", "sanctions", "sanctions"),
    ("term", "trump", "trump"),
    ("phrase", '"white house"', '"white house"'),
    ("phrase", '"the prime minister"', '"the prime minister"'),
    ("boolean", "russia OR china", "russia OR china"),
    ("boolean", "trump NOT obama", "trump NOT obama"),
    ("boolean", "syria AND (ceasefire OR talks)", "syria AND (ceasefire OR talks)"),
    ("prefix", "immigra*", "text_words:immigra*"),
    ("prefix", "presiden*", "text_words:presiden*"),
    ("fuzzy", "peskof~1", "text_words:peskof~1"),
    ("fuzzy", "merkle~1", "text_words:merkle~1"),
    ("field", "title:brexit", "title:brexit"),
    ("field", "outlet:bbc trump", "outlet:bbc trump"),
    ("field", "date:2017-01..2017-02 refugees", "date:[20170101 TO 20170231] refugees"),
]


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def pct(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def bench_project(articles: list[Any], source: str, rounds: int) -> dict[str, str]:
    out: dict[str, str] = {}
    t, engine = timed(lambda: WhooshSearchEngine([source]))
    t, report = timed(lambda: engine.refresh(articles))
    assert report.rebuilt, report
    out["first build"] = ms(t)
    engine.close()

    def reopen() -> WhooshSearchEngine:
        eng = WhooshSearchEngine([source])
        eng.refresh(articles)
        return eng

    times = []
    for _ in range(3):
        t, engine = timed(reopen)
        times.append(t)
        engine.close()
    out["reopen (open + check every article)"] = ms(statistics.median(times))
    engine = reopen()

    times = []
    current = list(articles)
    for i in range(3):
        victim = current[i * 7]
        current[i * 7] = dataclasses.replace(victim, text=victim.text + f"\n\nEdit {i}: a quokka.")
        t, report = timed(lambda: engine.refresh(current))
        assert (report.changed, report.rebuilt) == (1, False), report
        times.append(t)
    out["refresh one changed article"] = ms(statistics.median(times))
    out |= latencies(lambda q: engine.search(q[1], 20), rounds)

    # Offsets alone, per article, over the hits of a few queries.
    by_id = {a.id: a for a in current}
    per_article: list[float] = []
    for q in ("trump", '"white house"', "presiden*", "peskof~1"):
        reader = engine._index.searcher.reader()
        expanded = expand_partial_terms(parse_query(q, engine._index.schema), reader).query
        plan = build_plan(expanded, reader)
        for hit in engine.search(q, 50).hits:
            article = by_id[hit.article_id]
            tokens.cache_clear()  # measure the re-analysis, not the type-ahead cache
            t, _ = timed(partial(plan_offsets, article, plan))
            per_article.append(t)
    out["match offsets per article (mean / p95)"] = (
        f"{ms(statistics.mean(per_article))} / {ms(pct(per_article, 0.95))}"
    )
    engine.close()
    return out


def latencies(run: Callable[[tuple[str, str, str]], Any], rounds: int) -> dict[str, str]:
    samples: dict[str, list[float]] = {}
    for q in QUERIES:  # warm caches once, as a session would
        run(q)
    for _ in range(rounds):
        for q in QUERIES:
            t, _ = timed(partial(run, q))
            samples.setdefault(q[0], []).append(t)
    every = [t for ts in samples.values() for t in ts]
    out = {"query p50 / p95 (all kinds)": f"{ms(pct(every, 0.5))} / {ms(pct(every, 0.95))}"}
    for kind, ts in samples.items():
        out[f"query p50 / p95 ({kind})"] = f"{ms(pct(ts, 0.5))} / {ms(pct(ts, 0.95))}"
    return out


def bench_raw(articles: list[Any], rounds: int) -> dict[str, str]:
    out: dict[str, str] = {}
    # Imported here: the query latencies alone also run against the code before these names.
    from peskovtui.search.schema import WORD_TWINS, build_schema, query_schema

    schema = query_schema(build_schema())
    docs = [article_document(a, (), (a.path, a.row, 0, 0)) for a in articles]
    docs = [doc | {name: doc[words] for name, words in WORD_TWINS.items()} for doc in docs]
    with tempfile.TemporaryDirectory() as directory:

        def build() -> None:
            ix = whoosh_index.create_in(directory, schema)
            writer = ix.writer(limitmb=128)
            for doc in docs:
                writer.add_document(**doc)
            writer.commit()

        out["first build"] = ms(timed(build)[0])
        t, (ix, searcher) = timed(lambda: (ix := whoosh_index.open_dir(directory), ix.searcher()))
        out["reopen (open + check every article)"] = ms(t) + " (open + searcher only)"
        searcher.close()

        def update() -> None:
            writer = ix.writer()
            doc = dict(docs[0], text=docs[0]["text"] + " quokka")
            writer.update_document(**doc)
            writer.commit()

        out["refresh one changed article"] = ms(timed(update)[0])
        searcher = ix.searcher()
        parser = QueryParser("text", schema)
        parser.add_plugin(FuzzyTermPlugin())

        def run(q: tuple[str, str, str]) -> list[str]:
            return [hit["id"] for hit in searcher.search(parser.parse(q[2]), limit=20)]

        out |= latencies(run, rounds)
        out["match offsets per article (mean / p95)"] = "n/a (highlighter stops at 32K chars)"
        searcher.close()
        ix.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv", type=Path)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--skip-raw", action="store_true")
    parser.add_argument(
        "--queries-only",
        type=Path,
        metavar="CACHE_DIR",
        help="only the query latencies, on the index kept in CACHE_DIR (built there first if "
        "absent, not timed; in memory if CACHE_DIR's parent is not private, e.g. /tmp itself): "
        "runs of two versions of the code can then alternate",
    )
    args = parser.parse_args()
    t, corpus = timed(lambda: load_corpus([args.csv]))
    articles = list(corpus.articles)
    print(f"{len(articles)} articles loaded from {args.csv} in {ms(t)}; {os.cpu_count()} CPUs")
    if args.queries_only:
        engine = WhooshSearchEngine([str(args.csv.resolve())], cache_dir=args.queries_only)
        engine.refresh(articles)
        print(f"load average {os.getloadavg()[0]:.1f}")
        for key, value in latencies(lambda q: engine.search(q[1], 20), args.rounds).items():
            print(f"| {key} | {value} |")
        print(f"load average {os.getloadavg()[0]:.1f}")
        engine.close()
        return
    with tempfile.TemporaryDirectory() as cache:
        os.environ["XDG_CACHE_HOME"] = cache
        project = bench_project(articles, str(args.csv.resolve()), args.rounds)
    raw = {} if args.skip_raw else bench_raw(articles, args.rounds)
    print()
    print("| measure | peskovtui | raw Whoosh, same schema |")
    print("|---|---|---|")
    for key, value in project.items():
        print(f"| {key} | {value} | {raw.get(key, '')} |")


if __name__ == "__main__":
    main()
