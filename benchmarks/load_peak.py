"""Peak memory of loading a data set cold with the loading cache, the load alone.

    python benchmarks/load_peak.py DATA_SET [--digest]

In a fresh interpreter and a fresh cache dir: ``load_corpus([DATA_SET], cache=LoadCache())``,
the entry written and its articles read back, as the app's first open of a data set does. The
resident set's peak (``ru_maxrss``) and the resident set once loaded are printed, and with
``--digest`` a digest of every article's ``show`` JSON and of the warnings, to compare two
versions of the code (put the other's ``src`` first on PYTHONPATH). Linux only.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import tempfile
import time
from pathlib import Path


def resident_mib() -> float:
    with Path("/proc/self/status").open(encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path")
    parser.add_argument("--digest", action="store_true")
    args = parser.parse_args()
    os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="load-peak-")
    from peskovtui.corpus import LoadCache, load_corpus

    before = resident_mib()
    start = time.perf_counter()
    corpus = load_corpus([args.path], cache=LoadCache())
    took = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{args.path}: {len(corpus.articles)} articles, {len(corpus.warnings)} warnings, "
        f"loaded in {took:.1f} s; resident before {before:.0f} MiB, "
        f"peak {peak:.0f} MiB, once loaded {resident_mib():.0f} MiB"
    )
    if args.digest:
        digest = hashlib.sha256()
        for article in corpus.articles:
            shown = json.dumps(article.to_json(), sort_keys=True)
            digest.update(shown.encode("utf-8", "surrogatepass"))
        digest.update(json.dumps(corpus.warnings).encode("utf-8", "surrogatepass"))
        print(f"digest of every article's show JSON and the warnings: {digest.hexdigest()[:16]}")


if __name__ == "__main__":
    main()
