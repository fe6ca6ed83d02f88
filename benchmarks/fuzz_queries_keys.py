"""A long run of the query and key fuzz of the suite (``tests/search/test_query_fuzz.py``,
``tests/ui/test_key_bursts.py``), counted.

Usage: PYTHONPATH=. python benchmarks/fuzz_queries_keys.py [PATH...] [--seed N] [--queries N]
                   [--sessions N] [--keys N] [--hang SECONDS]

Queries: ``--queries`` seeded random queries through the Library on the corpus at PATH (the
bundled articles by default), each answered or refused with one sentence; one that takes longer
than ``--hang`` seconds counts as a hang. Keys: ``--sessions`` app sessions (headless, 140x45),
each given ``--keys`` random keys in bursts of 20; a session that raises or stops counts as a
crash, one whose bursts take longer than ``--hang`` seconds as a hang.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import tempfile
import time
import traceback
from collections import Counter

from tests.search.test_query_fuzz import random_query
from tests.ui.test_key_bursts import KEYS, burst

from peskovtui.errors import PeskovError
from peskovtui.library import Library
from peskovtui.ui.app import PeskovApp


def fuzz_queries(library: Library, seed: int, count: int, hang: float) -> Counter[str]:
    counts: Counter[str] = Counter()
    generator = random.Random(seed)
    slowest = 0.0
    for _ in range(count):
        query = random_query(generator)
        start = time.monotonic()
        try:
            library.search(query, limit=20)
            counts["answered"] += 1
        except PeskovError as error:
            one_line = str(error) and "\n" not in str(error)
            counts["refused in one sentence" if one_line else "refused badly"] += 1
        except Exception:
            counts["tracebacks"] += 1
            print(f"query {query!r}:\n{traceback.format_exc()}")
        took = time.monotonic() - start
        slowest = max(slowest, took)
        if took > hang:
            counts["hangs"] += 1
            print(f"query {query!r} took {took:.1f} s")
    print(f"  slowest query: {slowest:.2f} s")
    return counts


async def fuzz_keys(
    library: Library, seed: int, sessions: int, keys: int, hang: float
) -> Counter[str]:
    counts: Counter[str] = Counter()
    generator = random.Random(seed)
    for session in range(sessions):
        app = PeskovApp(library)
        try:
            async with app.run_test(size=(140, 45)) as pilot:
                for _ in range(keys // 20):
                    burst(pilot, [generator.choice(KEYS) for _ in range(20)])
                    start = time.monotonic()
                    await pilot.pause()
                    if time.monotonic() - start > hang:
                        counts["hangs"] += 1
                    counts["keys"] += 20
                await app.workers.wait_for_complete()
                if not app.is_running:
                    counts["stopped"] += 1
            counts["sessions"] += 1
        except Exception:
            counts["crashes"] += 1
            print(f"session {session}:\n{traceback.format_exc()}")
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--queries", type=int, default=2000)
    parser.add_argument("--sessions", type=int, default=12)
    parser.add_argument("--keys", type=int, default=2000)
    parser.add_argument("--hang", type=float, default=10.0)
    args = parser.parse_args()
    os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="fuzz-queries-keys-")
    os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="fuzz-queries-keys-")
    library = Library.open(args.paths)
    library.refresh_index()
    start = time.monotonic()
    queries = fuzz_queries(library, args.seed, args.queries, args.hang)
    print(f"queries ({time.monotonic() - start:.0f} s): {dict(queries)}")
    start = time.monotonic()
    keys = asyncio.run(fuzz_keys(library, args.seed, args.sessions, args.keys, args.hang))
    print(f"keys ({time.monotonic() - start:.0f} s): {dict(keys)}")
    library.close()


if __name__ == "__main__":
    main()
