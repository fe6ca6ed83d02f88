"""What checking an index's files costs when it is opened (see ``peskovtui.search.integrity``).

Usage: python benchmarks/index_checks.py [PATH] [--runs N] [--cache DIR]

PATH defaults to the shared 3,785-article CSV beside the project. The index is built once in
``--cache`` (a temporary directory by default; a cache made by ``peskovtui index`` is reused).
Then, ``--runs`` times each, the median and best of:

- reopen: a new engine and ``refresh()`` with nothing changed (what ``search`` and the app do
  first), the files' stamps unchanged since they were sealed;
- reopen after touching every file: each file's checksum is read again (as after copying the
  cache, or after damage);
- the check alone, both ways; and the check skipped (``integrity.damage`` replaced by a stub):
  what reopening cost before the check existed;
- sealing a full build's files (computing every checksum, as at the end of a build).
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from unittest import mock

from peskovtui.corpus import load_corpus
from peskovtui.quotes.derived import article_speakers, extractor_version
from peskovtui.search import DerivedSpeakers, WhooshSearchEngine, integrity
from peskovtui.search import generations as generations_module

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "newsarticles-2017.csv"


def timed(runs: int, setup: Callable[[], Any], fn: Callable[[], Any]) -> tuple[float, float]:
    """Median and best seconds of ``fn`` over ``runs`` runs, ``setup`` before each."""
    times = []
    for _ in range(runs):
        setup()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=str(DEFAULT))
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--cache", default=None)
    args = parser.parse_args()
    os.environ["XDG_CACHE_HOME"] = args.cache or tempfile.mkdtemp(prefix="index-checks-")
    articles = load_corpus([args.path]).articles
    corpus = [str(Path(args.path).absolute())]

    # The speakers as the Library finds them, so that a cache built by ``peskovtui index`` is
    # reused as it is.
    speakers = DerivedSpeakers(article_speakers, extractor_version())

    def reopen() -> None:
        engine = WhooshSearchEngine(corpus)
        report = engine.refresh(articles, speakers=speakers)
        assert not report.rebuilt and not report.notices, report
        engine.close()

    first = WhooshSearchEngine(corpus)
    first.refresh(articles, speakers=speakers)
    gen = Path(first.location)
    first.close()
    files = [gen / name for name in integrity.index_files(gen)]
    size = sum(f.stat().st_size for f in files)
    print(f"{len(articles):,} articles; index {size / 2**20:.1f} MiB in {len(files)} files\n")

    def touch() -> None:
        for f in files:
            os.utime(f)

    def nothing() -> None:
        pass

    rows = [
        ("reopen, stamps unchanged", timed(args.runs, nothing, reopen)),
        ("reopen, every file touched", timed(args.runs, touch, reopen)),
        ("check alone, stamps unchanged", timed(args.runs, nothing, lambda: integrity.damage(gen))),
        ("check alone, every file touched", timed(args.runs, touch, lambda: integrity.damage(gen))),
        (
            "seal, every checksum computed",
            timed(args.runs, touch, lambda: integrity.seal(gen, _segments(gen))),
        ),
    ]
    with mock.patch.object(generations_module, "damage", return_value=None):
        rows.append(("reopen without the check", timed(args.runs, nothing, reopen)))
    print(f"| measure ({args.runs} runs) | median | best |")
    print("|---|---|---|")
    for label, (median, best) in rows:
        print(f"| {label} | {median * 1000:.1f} ms | {best * 1000:.1f} ms |")


def _segments(gen: Path) -> list[str]:
    return sorted({n.split(".")[0] for n in integrity.index_files(gen) if n.startswith("MAIN_")})


if __name__ == "__main__":
    main()
