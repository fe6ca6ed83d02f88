"""What the corpus-wide pass over the quotes costs, step by step, and what the caches save.

Usage: python benchmarks/quotes_cache.py [CSV] [--runs N]

CSV defaults to the shared 3,785-article data set beside the project. Prints:

- the steps of reading a corpus's quotes in this process, without any cache: loading,
  extracting every article's quotes, naming speakers alike across the corpus, clustering;
- the wall-clock time of ``peskovtui quotes CSV --format jsonl`` and ``peskovtui speakers CSV
  --format jsonl`` run as commands on a copy of CSV, in an empty temporary cache dir (cold: the
  data set loaded and every quote found, the entries written) and again (warm: both read from
  the cache), and after one article of the copy was edited (its quotes alone extracted again);
- the load average before and after, since the machine is shared.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from peskovtui.corpus import load_corpus
from peskovtui.quotes.clusters import cluster_quotes
from peskovtui.quotes.extract import article_quotes
from peskovtui.quotes.speakers import normalise_speakers, speaker_aliases

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "newsarticles-2017.csv"
PESKOVTUI = Path(sys.executable).with_name("peskovtui")


def steps(path: Path) -> None:
    """Time each step of reading the quotes of ``path`` in this process, with no cache."""
    start = time.perf_counter()
    corpus = load_corpus([path])
    loaded = time.perf_counter()
    raw = [quote for article in corpus.articles for quote in article_quotes(article)]
    extracted = time.perf_counter()
    spread = Counter(speaker for speaker, _ in {(q.speaker, q.article_id) for q in raw})
    aliases = speaker_aliases((q.speaker for q in raw), spread)
    quotes = normalise_speakers(raw, aliases)
    named = time.perf_counter()
    clusters = cluster_quotes(quotes)
    clustered = time.perf_counter()
    print(f"{len(corpus.articles)} articles, {len(raw)} quotes, {len(clusters)} clusters")
    print(f"  load (no cache)         {loaded - start:6.2f} s")
    print(f"  extract every article   {extracted - loaded:6.2f} s")
    print(f"  speakers across corpus  {named - extracted:6.2f} s")
    print(f"  clusters                {clustered - named:6.2f} s")


def command(args: list[str], cache: Path) -> float:
    """Seconds the command ``peskovtui ARGS`` took, its output thrown away."""
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    start = time.perf_counter()
    subprocess.run([str(PESKOVTUI), *args], env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def edit_one_article(path: Path) -> None:
    """Change a word of one article of the data set (the same number of bytes)."""
    data = path.read_bytes()
    at = data.index(b" said", len(data) // 2)
    path.write_bytes(data[:at] + b" SAID" + data[at + 5 :])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not args.path.exists():
        print(f"{args.path} does not exist", file=sys.stderr)
        return 1
    print("load average before: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    steps(args.path)
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / args.path.name
        shutil.copyfile(args.path, data)
        cache = Path(tmp) / "cache"
        for name in ("quotes", "speakers"):
            jsonl = [name, str(data), "--format", "jsonl"]
            shutil.rmtree(cache, ignore_errors=True)
            cold = command(jsonl, cache)
            warm = [command(jsonl, cache) for _ in range(args.runs)]
            print(
                f"peskovtui {name} --format jsonl: cold cache {cold:.2f} s; warm cache median "
                f"{statistics.median(warm):.2f} s, best {min(warm):.2f} s, worst "
                f"{max(warm):.2f} s over {args.runs} runs"
            )
        edit_one_article(data)
        edited = command(["quotes", str(data), "--format", "jsonl"], cache)
        print(f"peskovtui quotes --format jsonl, one article edited: {edited:.2f} s")
    print("load average after: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
