"""A long run of the input fuzz (``tests/fuzz_inputs.py``), each case watched for a hang.

Usage: python benchmarks/fuzz_inputs.py [--seed N] [--cases N] [--hang SECONDS]

The cases run in a worker process, in a temporary directory with its own cache. A case that
takes longer than ``--hang`` seconds is counted as a hang: the worker is killed and started
again at the next case. Prints the counts (cases, files, cases with problems, hangs), every
problem found (a traceback is an exception that escaped) and the slowest cases.
"""

from __future__ import annotations

import argparse
import json
import os
import selectors
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
STARTUP = 120  # seconds a worker may take to import everything before its first case


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cases", type=int, default=3000)
    parser.add_argument("--hang", type=float, default=60.0)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="fuzz-inputs-"))
    env = {**os.environ, "XDG_CACHE_HOME": str(work / "cache")}
    rows: list[dict[str, Any]] = []
    hangs: list[int] = []
    start = time.monotonic()
    case = 0
    while case < args.cases:
        cases = [str(args.seed), str(case), str(args.cases - case), str(work / f"run{case}")]
        worker = subprocess.Popen(
            [sys.executable, "-m", "tests.fuzz_inputs", *cases],
            cwd=REPO,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        assert worker.stdout is not None
        watch = selectors.DefaultSelector()
        watch.register(worker.stdout, selectors.EVENT_READ)
        watch.select(timeout=STARTUP)
        assert json.loads(worker.stdout.readline()) == {"ready": True}, "the worker did not start"
        while case < args.cases:
            if not watch.select(timeout=args.hang):
                hangs.append(case)
                worker.kill()
                case += 1
                break
            line = worker.stdout.readline()
            if not line:  # the worker died: that case counts as a crash
                rows.append({"case": case, "files": 0, "seconds": 0, "problems": ["worker died"]})
                case += 1
                break
            rows.append(json.loads(line))
            case += 1
        worker.kill()
        worker.wait()
    took = time.monotonic() - start
    problems = [(row["case"], p) for row in rows for p in row["problems"]]
    escaped = [p for p in problems if "exception escaped" in p[1]]
    files = sum(row["files"] for row in rows)
    print(f"seed {args.seed}: {len(rows) + len(hangs)} cases, {files} files")
    print(f"  cases with problems: {len({c for c, _ in problems})} ({len(escaped)} tracebacks)")
    print(f"  hangs (over {args.hang:g} s): {len(hangs)}{f' {hangs}' if hangs else ''}")
    print(f"  {took:.0f} s in all")
    for number, problem in problems:
        print(f"  case {number}: {problem}")
    slowest = sorted(rows, key=lambda row: float(row["seconds"]), reverse=True)[:3]
    print("  slowest cases: " + ", ".join(f"{r['case']} ({r['seconds']} s)" for r in slowest))


if __name__ == "__main__":
    main()
