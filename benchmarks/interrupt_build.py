"""How an index build ends when the command that runs it is stopped (Linux: reads /proc).

Usage: python benchmarks/interrupt_build.py [PATH] [--signal INT|KILL] [--after SECONDS]

Runs ``peskovtui index --rebuild PATH`` (the shared 3,785-article CSV by default) on an empty
cache in a temporary directory, waits until the build's child process and its workers run and
``--after`` seconds more, then sends the command SIGINT (Ctrl-C) or SIGKILL (``kill -9``; a
closed terminal is the same for the children). Prints how long the command took to end, how
long until the last of the build's processes ended (or that they still run after 120 s: they
are then killed), and what the build left in the cache. After SIGKILL it then starts
``peskovtui index`` again and says how soon what was left is removed (that run is stopped with
SIGINT).
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.processes import Proc, all_ended, children, kill_all

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "newsarticles-2017.csv"


def sample_until(condition: Callable[[], bool], bound: float) -> bool:
    """Look at ``condition`` every 10 ms until it holds or ``bound`` seconds pass (the build
    gives no sign of its start or its cleaning up but what /proc and the cache show)."""
    deadline = time.monotonic() + bound
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


def find_build(parent: int) -> list[Proc]:
    """The index build's child process under ``parent`` and its workers once they run (the
    build's child is the one with children of its own), else []."""
    for child in children(parent):
        workers = children(child[0])
        if workers:
            return [child, *workers]
    return []


def left(cache: Path) -> list[Path]:
    return sorted(cache.glob("peskovtui/indexes/*/.[bi][ut]*"))  # .build-* and .items-*


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=str(DEFAULT))
    parser.add_argument("--signal", choices=("INT", "KILL"), default="INT")
    parser.add_argument("--after", type=float, default=10.0)
    args = parser.parse_args()
    cache = Path(tempfile.mkdtemp(prefix="interrupt-build-"))
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    command = [sys.executable, "-m", "peskovtui", "index", "--rebuild", args.path]
    parent = subprocess.Popen(command, env=env, stderr=subprocess.DEVNULL)
    found: list[Proc] = []

    def started() -> bool:
        found[:] = find_build(parent.pid)
        return bool(found)

    assert sample_until(started, 300), "the build's processes did not start"
    time.sleep(args.after)
    found[:] = find_build(parent.pid) or found  # every worker has started by now
    sent = time.monotonic()
    os.kill(parent.pid, getattr(signal, f"SIG{args.signal}"))
    parent.wait()
    command_ended = time.monotonic() - sent
    ended = all_ended(found, 120)
    build_ended = time.monotonic() - sent
    kill_all(parent, found)
    print(f"SIG{args.signal} {args.after:g} s into the build ({len(found) - 1} workers):")
    print(f"  the command ended after {command_ended:.2f} s")
    if ended:
        print(f"  the build's processes ended after {build_ended:.2f} s")
    else:
        print("  the build's processes still ran after 120 s (killed now)")
    leftovers = left(cache)
    size = sum(f.stat().st_size for p in leftovers for f in [p, *p.rglob("*")] if f.is_file())
    print(f"  left in the cache: {[p.name for p in leftovers]} ({size / 2**20:.1f} MiB)")
    if leftovers and args.signal == "KILL":
        again = subprocess.Popen([*command[:-2], args.path], env=env, stderr=subprocess.DEVNULL)
        start = time.monotonic()
        gone = sample_until(lambda: not any(p.exists() for p in leftovers), 120)
        took = time.monotonic() - start
        print(f"  removed by the next run: {f'after {took:.2f} s' if gone else 'no'}")
        again.send_signal(signal.SIGINT)
        again.wait()


if __name__ == "__main__":
    main()
