"""Where a full index build spends its time: each reported phase, timed from its first report.

Usage: python benchmarks/index_phases.py [PATH] [--runs N] [--in-process | --final-merge]

PATH defaults to the shared 3,785-article CSV beside the project. Each run is a
``refresh(rebuild=True)`` on an empty cache in a temporary directory (the same path as
``peskovtui index --rebuild`` after loading). ``--in-process`` builds in this process with one
writer instead of the child process with its workers. A callback taking ``(done, total)``
(the older progress, with no phases) is timed as one phase, ``(unlabelled)``.

Prints a Markdown table per run: phase, seconds, share of the build, and the last count; then
the longest time without any report (what a progress bar would sit still for) and what the
bar showed meanwhile.

``--final-merge`` instead times one in-process writer's commit (no speakers), alternately with
Whoosh's own ordering of the postings (the postings still in memory are written to a run file
and read back) and with the project's (merged from memory): the commit, and the time before
its first posting is written.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "newsarticles-2017.csv"


class PhaseClock:
    """Records when each phase was first and last reported, and its last count."""

    def __init__(self) -> None:
        self.start = time.perf_counter()
        self.phases: dict[str, list[Any]] = {}  # phase -> [first, last, done, total, unit]
        self.last = self.start
        self.shown = "nothing"
        self.longest_gap = (0.0, "")  # the longest time without a report, and what was shown

    def _gap(self, now: float, shown: str) -> None:
        if now - self.last > self.longest_gap[0]:
            self.longest_gap = (now - self.last, shown)
        self.last = now

    def __call__(self, *args: Any) -> None:
        now = time.perf_counter()
        if len(args) == 1:
            p = args[0]
            phase, done, total, unit = p.phase, p.done, p.total, p.unit
        else:
            phase, (done, total), unit = "(unlabelled)", args, "articles"
        self._gap(now, self.shown)
        self.shown = f"{phase} {done:,} of {total:,}"
        entry = self.phases.setdefault(phase, [now, now, 0, 0, unit])
        entry[1:4] = [now, done, total]

    def table(self, end: float) -> str:
        whole = end - self.start
        rows = ["| phase | seconds | share | last count |", "|---|---|---|---|"]
        starts = [(first, name) for name, (first, *_) in self.phases.items()]
        starts.sort()
        marks = [self.start] + [s for s, _ in starts[1:]] + [end]
        # A phase lasts from its first report to the next phase's first report; the time
        # before the first report belongs to the first phase.
        for (_, name), begin, finish in zip(starts, marks, marks[1:], strict=False):
            _, _, done, total, unit = self.phases[name]
            rows.append(
                f"| {name} | {finish - begin:.1f} | {(finish - begin) / whole:.0%} "
                f"| {done:,} of {total:,} {unit} |"
            )
        self._gap(end, self.shown)
        gap, shown = self.longest_gap
        rows.append(f"| whole build | {whole:.1f} | 100% | |")
        rows.append(f"| longest time without a report | {gap:.1f} | {gap / whole:.0%} | {shown} |")
        return "\n".join(rows)


def final_merge(articles: Any, runs: int) -> None:
    """Time commits with Whoosh's ordering of the postings and with the project's."""
    from whoosh.filedb.filestore import FileStorage
    from whoosh.writing import PostingPool

    from peskovtui.search.build import WRITER_MB, CountedPool
    from peskovtui.search.schema import article_document, build_schema

    class WhooshOrder(CountedPool):
        def items(self, maxfiles: int = 128) -> Any:
            return iter(PostingPool.items(self, maxfiles))

    docs = [article_document(a, (), (a.path, a.row, 0, 0), "") for a in articles]
    print("| ordering | runs on disk | commit, s | before the first posting, s |")
    print("|---|---|---|---|")
    for _ in range(runs):
        for name, pool in (("Whoosh's", WhooshOrder), ("from memory", CountedPool)):
            with tempfile.TemporaryDirectory() as directory:
                ix = FileStorage(directory).create_index(build_schema())
                writer = ix.writer(limitmb=WRITER_MB, compound=False)
                writer.pool = pool(writer._tempstorage, writer.newsegment, limitmb=WRITER_MB)
                for doc in docs:
                    writer.add_document(**doc)
                spilled = len(writer.pool.runs)
                first: list[float] = []
                writer.pool.report = lambda done, total, stamps=first: stamps.append(
                    time.perf_counter()
                )
                start = time.perf_counter()
                writer.commit()
                end = time.perf_counter()
                ix.close()
            # first[0] is the report of 0 done; first[1] comes after the first postings.
            print(f"| {name} | {spilled} | {end - start:.1f} | {first[1] - start:.1f} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--in-process", action="store_true")
    parser.add_argument("--final-merge", action="store_true")
    args = parser.parse_args()
    if not args.path.exists():
        print(f"{args.path} does not exist", file=sys.stderr)
        return 1
    from peskovtui.library import Library
    from peskovtui.quotes.derived import article_speakers, extractor_version
    from peskovtui.search import DerivedSpeakers, WhooshSearchEngine

    library = Library.open([args.path])
    print(f"{args.path.name}: {len(library.articles)} articles; load average {os.getloadavg()}")
    if args.final_merge:
        final_merge(library.articles, args.runs)
        print(f"load average after: {os.getloadavg()[0]:.2f}")
        return 0
    threshold = len(library.articles) + 1 if args.in_process else None
    for run in range(1, args.runs + 1):
        with tempfile.TemporaryDirectory() as cache:
            # The speakers as ``Library.refresh_index`` gives them; the cache dir is our own.
            kwargs: dict[str, Any] = (
                {} if threshold is None else {"child_build_threshold": threshold}
            )
            engine = WhooshSearchEngine(
                [str(args.path)], cache_dir=Path(cache) / "indexes", **kwargs
            )
            clock = PhaseClock()
            engine.refresh(
                library.articles,
                speakers=DerivedSpeakers(article_speakers, extractor_version()),
                rebuild=True,
                progress=clock,
            )
            end = time.perf_counter()
            engine.close()
        print(f"\nrun {run} (load average after: {os.getloadavg()[0]:.2f})\n")
        print(clock.table(end))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
