"""Peak memory (RSS) of a process that opens a corpus and reads its quotes, with its children.

Usage: python benchmarks/quotes_memory.py [CSV] [--interval SECONDS]

Runs ``Library.open([CSV]).read_quotes()`` (what the app does on opening a corpus, the screen
aside) in a fresh interpreter three times, with a temporary cache dir: empty (cold), with the
loading cache kept but not the quotes (the corpus reopened after a change to the extractor, or
for the first time since it was loaded), and with both kept (warm). Linux only: the resident
set of the process and of each of its descendants is read from /proc every ``--interval``
seconds. Prints the peak of the parent, of its children, and of their sum, with the time.

To measure other code, put its ``src`` first on PYTHONPATH (the children inherit it).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "newsarticles-2017.csv"

OPEN_AND_READ = """
import sys, time
from peskovtui.library import Library
start = time.perf_counter()
library = Library.open([sys.argv[1]])
opened = time.perf_counter()
read = library.read_quotes()
done = time.perf_counter()
library.close()
print(f"open {opened - start:.2f} s, read quotes {done - opened:.2f} s, {len(read.quotes)} quotes")
"""


def rss_kib(pid: int) -> int:
    """The resident set of ``pid`` in KiB (0 once it has ended)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text(encoding="ascii").splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def descendants(pid: int) -> list[int]:
    """Every process started by ``pid`` or by one of its descendants."""
    found: list[int] = []
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            tasks = list(Path(f"/proc/{current}/task").iterdir())
        except OSError:
            continue
        for task in tasks:
            try:
                children = [int(c) for c in (task / "children").read_text("ascii").split()]
            except OSError:
                continue
            found.extend(children)
            pending.extend(children)
    return found


def measure(path: Path, cache: Path, interval: float, code: str = OPEN_AND_READ) -> str:
    """Run ``code`` (a script given ``path``) in a fresh interpreter with ``cache`` as its cache
    dir, sampling the resident memory of it and its children every ``interval`` seconds; their
    peaks and what it printed."""
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    process = subprocess.Popen(
        [sys.executable, "-c", code, str(path)],
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    parent = children = total = 0
    while process.poll() is None:
        own = rss_kib(process.pid)
        others = sum(rss_kib(child) for child in descendants(process.pid))
        parent, children, total = max(parent, own), max(children, others), max(total, own + others)
        time.sleep(interval)
    out = process.stdout.read().strip() if process.stdout else ""
    if process.returncode:
        raise SystemExit(f"the measured process failed ({process.returncode})")
    mib = 1024
    return (
        f"peak RSS: process {parent / mib:.0f} MiB, children {children / mib:.0f} MiB, "
        f"together {total / mib:.0f} MiB ({out})"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--interval", type=float, default=0.01)
    args = parser.parse_args()
    if not args.path.exists():
        print(f"{args.path} does not exist", file=sys.stderr)
        return 1
    print("load average before: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp)
        print("cold (empty cache):            ", measure(args.path, cache, args.interval))
        shutil.rmtree(cache / "peskovtui" / "quotes", ignore_errors=True)
        print("loading cache kept, not quotes:", measure(args.path, cache, args.interval))
        print("warm (both kept):              ", measure(args.path, cache, args.interval))
    print("load average after: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
