"""Peak memory (RSS) of a process that opens a corpus as the app does, with its children.

Usage: python benchmarks/corpus_memory.py CSV [--cache DIR] [--runs cold,warm] [--interval S]

In a fresh interpreter: ``Library.open([CSV])``, then, at once and in two threads as the app's
workers do, the index refresh (built in its child process when the corpus is big; the scan's
word lists made once articles are being indexed, as the app does for the searches typed
meanwhile) and ``read_quotes`` (in a child process unless the quotes are kept); then a few
searches, the first hit's text read and its quotes, the quote counts of the articles and the
speakers (what reading an article, the document list and the quotes panel ask of the library),
and last every quote of the corpus (the panel over the whole corpus, the quote browser). The
resident set of the process and of each of its descendants is read from /proc every
``--interval`` seconds; printed are the peaks of the process, of its children together, and of
their sum, and the resident set of the process at the end; and the process's own peak (VmHWM)
and resident set before every quote is listed.

``cold`` starts from an empty cache dir, ``warm`` reuses what the cold run kept. With
``--cache`` the cache dir is kept (a 50,000-article build takes minutes; ``--runs warm`` then
measures a reopen alone). Linux only. To measure other code, put its ``src`` first on
PYTHONPATH (the children inherit it).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from quotes_memory import measure

OPEN_AS_THE_APP = """
import sys, threading, time
from peskovtui.library import Library
from peskovtui.search import INDEXING

def rss(field="VmRSS"):
    for line in open("/proc/self/status"):
        if line.startswith(field + ":"):
            return int(line.split()[1]) // 1024

start = time.perf_counter()
library = Library.open([sys.argv[1]])
opened = time.perf_counter()
scan = []

def progress(p):
    if p.phase == INDEXING and not scan:
        scan.append(threading.Thread(target=library.prepare_scan))
        scan[0].start()

workers = [
    threading.Thread(target=library.refresh_index, kwargs={"progress": progress}),
    threading.Thread(target=library.read_quotes),
]
for worker in workers:
    worker.start()
for worker in workers + scan:
    worker.join()
ready = time.perf_counter()
hits = 0
for query in ("kremlin", "white house", '"prime minister"', "russia OR china", "immigra*"):
    hits += library.search(query, 200, ranged=20).total
first = library.search("kremlin", 1).hits[0].article_id
text = library.article(first).text
quotes = library.article_quotes(first)
counts = library.quote_counts()
speakers = library.speakers()
searched = time.perf_counter()
# What the screens hold when no list of every quote is open: the process's peak so far.
before_all = f"peak before every quote {rss('VmHWM')} MiB, settled {rss()} MiB"
panel = library.quotes()
done = time.perf_counter()
print(
    f"open {opened - start:.2f} s, index and quotes {ready - opened:.2f} s, searches "
    f"{searched - ready:.2f} s ({hits} hits, {len(speakers)} speakers); {before_all}; "
    f"every quote {done - searched:.2f} s ({len(panel)} quotes); settled {rss()} MiB"
)
library.close()
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--cache", type=Path, help="cache dir to use and keep")
    parser.add_argument("--runs", default="cold,warm", help="cold, warm or both (cold,warm)")
    parser.add_argument("--interval", type=float, default=0.02)
    args = parser.parse_args()
    if not args.path.exists():
        print(f"{args.path} does not exist", file=sys.stderr)
        return 1
    runs = args.runs.split(",")
    print("load average before: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()), flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        cache = args.cache or Path(tmp)
        for run in runs:
            print(f"{run}: {measure(args.path, cache, args.interval, OPEN_AS_THE_APP)}", flush=True)
    print("load average after: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
