"""What each part of the search index costs to build: the schema's fields one at a time.

    python benchmarks/schema_costs.py ../shared/corpora/newsarticles-2017.csv --articles 1000

Builds the index of the first N articles with one in-process Whoosh writer (the same documents
``article_document`` makes, speakers left empty so that only indexing is timed), first with the
whole schema, then with one part left out at a time (and once with the stemmed copies of the
text fields that the index held before it kept exact words only), and prints the CPU time of
adding and committing, the postings written and the size on disk. Each variant is built
``--runs`` times and the fastest run is kept (the machine is shared). Indexes go to a temporary
directory.
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index

from peskovtui.corpus import load_corpus
from peskovtui.search.schema import WORD_TWINS, article_document, build_schema, query_schema

# Variant name -> the fields it leaves out of the schema and the documents ("@stemmed" adds the
# stemmed copies of the text fields that the index held before it kept exact words only).
VARIANTS: dict[str, tuple[str, ...]] = {
    "whole schema": (),
    "with stemmed copies beside the words (the schema before)": ("@stemmed",),
    "without positions in text (no phrases)": ("@text-phrase",),
    "without the stored manifest fields": ("digest", "source"),
    "without the name fields (outlet, authors, speakers)": ("outlet", "authors", "speakers"),
}


def schema_without(left_out: tuple[str, ...]) -> Any:
    schema = build_schema()
    for name in left_out:
        if name == "@stemmed":
            schema = query_schema(schema)
        elif name == "@text-phrase":
            from whoosh import fields

            from peskovtui.search.analysis import word_analyzer

            schema.remove("text_words")
            schema.add(
                "text_words",
                fields.TEXT(analyzer=word_analyzer(), phrase=False, multitoken_query="phrase"),
            )
        else:
            schema.remove(name)
    return schema


def build(articles: list[Any], left_out: tuple[str, ...]) -> tuple[float, int, int]:
    """CPU seconds to add and commit, postings written, bytes on disk."""
    folder = Path(tempfile.mkdtemp(prefix="schema-cost-"))
    try:
        schema = schema_without(left_out)
        names = set(schema.names())
        ix = whoosh_index.create_in(str(folder), schema)
        start = time.process_time()
        writer = ix.writer(limitmb=128)
        for article in articles:
            doc = article_document(article, (), (None, None, 0, 0))
            doc |= {name: doc[words] for name, words in WORD_TWINS.items()}
            writer.add_document(**{k: v for k, v in doc.items() if k in names})
        writer.commit()
        cpu = time.process_time() - start
        with ix.searcher() as searcher:
            reader = searcher.reader()
            postings = sum(reader.doc_frequency(field, term) for field, term in reader.all_terms())
        size = sum(p.stat().st_size for p in folder.iterdir())
        ix.close()
        return cpu, postings, size
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args()
    articles = list(load_corpus([args.path]).articles[: args.articles])
    print(f"{len(articles)} articles, load average {os.getloadavg()[0]:.1f}")
    whole: tuple[float, int, int] | None = None
    print("| variant | CPU, add + commit | postings | on disk |")
    print("|---|---|---|---|")
    for name, left_out in VARIANTS.items():
        runs = [build(articles, left_out) for _ in range(args.runs)]
        cpu, postings, size = min(runs)
        if whole is None:
            whole = (cpu, postings, size)
        share = "" if not left_out else f" ({cpu / whole[0]:.0%} of the whole schema's)"
        print(f"| {name} | {cpu:.2f} s{share} | {postings:,} | {size / 2**20:.1f} MiB |")
    print(f"load average at the end {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
