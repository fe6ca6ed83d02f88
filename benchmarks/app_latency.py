"""How the reader app feels: time to the first screen, keystroke-to-results, memory.

    python benchmarks/app_latency.py first-screen [PATH] [--runs 10] [--from-source]
    python benchmarks/app_latency.py typing PATH [--queries "kremlin,white house,..."] [--cold]

``first-screen`` starts the installed ``peskovtui`` in a real terminal (tmux) with a warm index
and times process start to the first screen drawn (the first article's title on screen), in
turn with a bare Textual app showing the same words (``bare_app.py``), so that their ratio holds
whatever the load. It also reads the CPU time each process had used when its first screen was
seen (from /proc, every thread's), which moves less with the load than the wall time. Before
timing, the bytecode of the ``peskovtui`` the runs import is written
(as installing a wheel does, and as Textual's was when it was installed); ``--from-source``
leaves it unwritten.
``typing`` drives the app headless on PATH (its index warmed first; the collector paused until
the first frame, as ``peskovtui`` starts it), types each query a key at a time and times the
last keystroke to its results listed, counting the garbage collector's full passes meanwhile;
it also reports the process's peak memory with the corpus open and its quotes read. With
``--cold`` the index is not built first: the queries are typed while the app builds it (once its
articles are being indexed), and the results come from the scan of the texts.
"""

from __future__ import annotations

import argparse
import asyncio
import compileall
import gc
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

QUERIES = (
    "kremlin",
    "white house",
    '"prime minister"',
    "sanctions",
    "russia OR china",
    "immigra*",
    "merkle~1",
    "title:brexit",
)


def first_screen(path: str | None, runs: int, from_source: bool = False) -> None:
    """Process start to the first screen in tmux: peskovtui and a bare Textual app in turn."""
    script = shutil.which("peskovtui") or str(Path(sys.executable).with_name("peskovtui"))
    args = [script] + ([path] if path else [])
    cache = tempfile.mkdtemp()
    env = {**os.environ, "XDG_CACHE_HOME": cache, "TERM": "xterm-256color"}
    subprocess.run(
        [script, "index", *([path] if path else [])], env=env, check=True, capture_output=True
    )
    if not from_source:
        compile_package(env)
    from peskovtui.library import Library

    library = Library.open([path] if path else [])
    marker = _first_title(library)
    bare = [sys.executable, str(Path(__file__).with_name("bare_app.py")), "Documents", marker]
    socket = f"bench-{uuid.uuid4().hex[:8]}"
    tmux = ["tmux", "-L", socket, "-f", "/dev/null"]
    timings: dict[str, list[float]] = {"peskovtui": [], "bare Textual app": []}
    cpu: dict[str, list[float]] = {"peskovtui": [], "bare Textual app": []}
    load = os.getloadavg()[0]
    try:
        for _ in range(runs):
            for name, command in (("peskovtui", args), ("bare Textual app", bare)):
                wall, used = _time_to_screen(tmux, env, cache, command, marker)
                timings[name].append(wall)
                cpu[name].append(used)
    finally:
        subprocess.run([*tmux, "kill-server"], check=False, capture_output=True)
        shutil.rmtree(cache, ignore_errors=True)
    print(f"corpus: {library.name} ({len(library.articles)} articles), warm index, tmux 140x45")
    print(f"load average {load:.1f} at the start, {os.getloadavg()[0]:.1f} at the end")
    for name, values in timings.items():
        print(
            f"{name}: process start to first screen: median "
            f"{statistics.median(values) * 1000:.0f} ms, best {min(values) * 1000:.0f} ms, "
            f"worst {max(values) * 1000:.0f} ms over {runs} runs"
        )
    ratio = statistics.median(timings["peskovtui"]) / statistics.median(timings["bare Textual app"])
    print(f"ratio of the medians, peskovtui / bare Textual app: {ratio:.2f}x")
    for name, values in cpu.items():
        print(
            f"{name}: CPU time used by the first screen: median "
            f"{statistics.median(values) * 1000:.0f} ms, best {min(values) * 1000:.0f} ms"
        )
    ratio = statistics.median(cpu["peskovtui"]) / statistics.median(cpu["bare Textual app"])
    print(f"ratio of the CPU medians, peskovtui / bare Textual app: {ratio:.2f}x")


def compile_package(env: dict[str, str] | None = None) -> None:
    """Write the bytecode of the ``peskovtui`` the runs import (in ``env``), as installing it
    from a wheel does (Textual's is written when it is installed): with PYTHONDONTWRITEBYTECODE
    set, an editable install or a PYTHONPATH would otherwise be compiled from source at every
    start."""
    found = subprocess.run(
        [sys.executable, "-c", "import peskovtui, os; print(os.path.dirname(peskovtui.__file__))"],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    compileall.compile_dir(found, quiet=1)
    print(f"bytecode written for {found}")


def _cpu_seconds(pid: int) -> float:
    """The CPU time every thread of process ``pid`` has run for (``/proc/PID/task/*/schedstat``,
    in nanoseconds)."""
    total = 0
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            total += int((task / "schedstat").read_text().split()[0])
        except (OSError, IndexError, ValueError):
            continue  # a thread that ended meanwhile
    return total / 1e9


def _time_to_screen(
    tmux: list[str], env: dict[str, str], cache: str, command: list[str], marker: str
) -> tuple[float, float]:
    """Seconds from starting ``command`` in a new tmux session to ``marker`` on its screen, and
    the CPU seconds the process had used when it was seen."""
    start = time.perf_counter()
    subprocess.run(
        [
            *tmux,
            "new-session",
            "-d",
            "-s",
            "b",
            "-x",
            "140",
            "-y",
            "45",
            "env",
            f"XDG_CACHE_HOME={cache}",
            *command,
        ],
        check=True,
        env=env,
    )
    try:
        while True:
            screen = subprocess.run(
                [*tmux, "capture-pane", "-p", "-t", "b"],
                capture_output=True,
                text=True,
                check=False,
            ).stdout
            if marker in screen and "Documents" in screen:
                wall = time.perf_counter() - start
                # The pane's process is the command itself (``env`` executes it).
                pid = subprocess.run(
                    [*tmux, "display-message", "-p", "-t", "b", "#{pane_pid}"],
                    capture_output=True,
                    text=True,
                    check=True,
                ).stdout.strip()
                return wall, _cpu_seconds(int(pid))
            if time.perf_counter() - start > 30:
                raise SystemExit(f"no first screen after 30 s:\n{screen}")
            time.sleep(0.005)
    finally:
        subprocess.run([*tmux, "kill-session", "-t", "b"], check=False)
        time.sleep(0.2)


def _first_title(library: object) -> str:
    from peskovtui.library import Library
    from peskovtui.ui.state import by_date

    assert isinstance(library, Library)
    first = by_date(library.articles)[0]
    return (first.title or first.id)[:20]


def typing(path: str, queries: list[str], cache: str | None, cold: bool = False) -> None:
    """Keystroke-to-results latency for each query, typed a key at a time."""
    os.environ["XDG_CACHE_HOME"] = cache or tempfile.mkdtemp()
    from peskovtui.library import Library
    from peskovtui.search import INDEXING
    from peskovtui.ui.app import PeskovApp
    from peskovtui.ui.widgets.article_list import ArticleList

    # The moment the results are listed: the list is given them (the frame follows at once).
    listed: list[float] = []
    show = ArticleList.show

    def timed_show(self: ArticleList, *args: object, **kwargs: object) -> None:
        show(self, *args, **kwargs)  # type: ignore[arg-type]
        if kwargs.get("matches") is not None:
            listed.append(time.perf_counter())

    ArticleList.show = timed_show  # type: ignore[method-assign]
    # As ``peskovtui`` starts the reader (cli/reading.py): the collector paused until the first
    # frame, when the app turns it on again.
    gc.disable()
    start = time.perf_counter()
    library = Library.open([path])
    loaded = time.perf_counter() - start
    start = time.perf_counter()
    if not cold:
        library.refresh_index()
    built = time.perf_counter() - start

    latencies: dict[str, float] = {}
    scanned: list[bool] = []
    indexing: list[object] = []
    passes = _FullPasses()
    gc.callbacks.append(passes)

    async def run() -> None:
        app = PeskovApp(library)
        async with app.run_test(
            size=(140, 45), message_hook=lambda m: _indexing(m, indexing, INDEXING)
        ) as pilot:
            if cold:
                while not indexing:
                    await asyncio.sleep(0.01)
            else:
                await app.workers.wait_for_complete()
            await pilot.pause()
            passes.start()
            for query in queries:
                await pilot.press("escape", "slash")
                for key in query[:-1]:
                    await pilot.press(key)
                listed.clear()
                pressed = time.perf_counter()
                await pilot.press(query[-1])
                while app.main.search.query != query and time.perf_counter() - pressed < 10:
                    await asyncio.sleep(0.001)
                await pilot.pause()
                latencies[query] = (listed[-1] if listed else float("nan")) - pressed
                results = app.main.search.results
                scanned.append(results is not None and results.scanned)
            passes.stop()
            if cold:
                library.close()  # stop the build: quitting never waits for it

    asyncio.run(run())
    gc.callbacks.remove(passes)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    values = sorted(latencies.values())
    ready = "index being built, results scanned" if cold else f"index ready in {built:.1f} s"
    print(
        f"corpus: {Path(path).name}: {len(library.articles)} articles "
        f"(loaded in {loaded:.2f} s, {ready}; load average {os.getloadavg()[0]:.1f})"
    )
    if cold and not all(scanned):
        print("  (the index was ready before the last queries: some results are the index's)")
    for query, seconds in latencies.items():
        print(f"  {query!r}: {seconds * 1000:.0f} ms")
    p95 = values[min(len(values) - 1, round(0.95 * (len(values) - 1)))]
    print(
        f"keystroke to results: median {statistics.median(values) * 1000:.0f} ms, "
        f"p95 {p95 * 1000:.0f} ms over {len(values)} queries"
    )
    print(f"peak memory: app process {peak:.0f} MiB, largest child process {children:.0f} MiB")
    longest = max(passes.durations, default=0.0)
    print(
        f"full passes of the garbage collector while typing: {len(passes.durations)}, "
        f"longest {longest * 1000:.0f} ms, in all {sum(passes.durations) * 1000:.0f} ms"
    )


class _FullPasses:
    """The durations of the collector's full passes (``gc.callbacks``) between start and stop."""

    def __init__(self) -> None:
        self.durations: list[float] = []
        self._counting = False
        self._began = 0.0

    def start(self) -> None:
        self._counting = True

    def stop(self) -> None:
        self._counting = False

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if not self._counting or info["generation"] != 2:
            return
        if phase == "start":
            self._began = time.perf_counter()
        else:
            self.durations.append(time.perf_counter() - self._began)


def _indexing(message: object, seen: list[object], phase: str) -> None:
    """Keep ``message`` if it says articles are being indexed."""
    progress = getattr(message, "progress", None)
    if progress is not None and progress.phase == phase:
        seen.append(message)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    first = commands.add_parser("first-screen")
    first.add_argument("path", nargs="?")
    first.add_argument("--runs", type=int, default=10)
    first.add_argument(
        "--from-source",
        action="store_true",
        help="leave peskovtui's bytecode unwritten (a tree without it is compiled at each start)",
    )
    typed = commands.add_parser("typing")
    typed.add_argument("path")
    typed.add_argument("--queries", default=",".join(QUERIES))
    typed.add_argument("--cache", help="cache dir to keep the index in between runs")
    typed.add_argument("--cold", action="store_true", help="type while the index is built")
    args = parser.parse_args()
    if args.command == "first-screen":
        first_screen(args.path, args.runs, args.from_source)
    else:
        typing(args.path, [q for q in args.queries.split(",") if q], args.cache, args.cold)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
