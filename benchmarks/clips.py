"""How long adding a clip and opening the Clips screen take, on a big corpus and a long list.

Usage: python benchmarks/clips.py [CSV] [--sizes 0,100,1000] [--runs N]

CSV defaults to the shared 3,785-article data set beside the project. The corpus is loaded and
its quotes read (from the user cache when it holds them); the clips go to a temporary user data
dir, never the user's own. For each list size, the list is filled with that many quotes of the
corpus, then adding one more (the write of the whole list, as ``c`` does) is timed ``--runs``
times, and so is opening the Clips screen on that list in a headless app until its list is
drawn. The load average is printed before and after, since the machine is shared.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import tempfile
import time
from pathlib import Path

# The clips go to a user data dir of their own, never the user's.
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="peskovtui-clips-bench-")

from peskovtui.library import Library

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "newsarticles-2017.csv"


async def open_screen_times(library: Library | None, runs: int, expected: int) -> list[float]:
    """Seconds from pushing the Clips screen to its list drawn, ``runs`` times; with no
    library, a bare Textual screen of a title, an empty list, a field and a footer, for
    comparison in the same run."""
    from textual.app import App, ComposeResult
    from textual.screen import Screen
    from textual.widgets import Footer, Input, OptionList, Static

    from peskovtui.ui.screens.clips import ClipsScreen
    from peskovtui.ui.widgets.clip_list import ClipList

    class Bare(Screen[None]):
        def compose(self) -> ComposeResult:
            yield Static("title")
            yield OptionList()
            yield Input()
            yield Footer()

    times = []
    app: App[None] = App()
    async with app.run_test(size=(140, 45)) as pilot:
        for _ in range(runs):
            start = time.perf_counter()
            screen = Bare() if library is None else ClipsScreen(library, lambda _text: None)
            await app.push_screen(screen)
            await pilot.pause()
            times.append(time.perf_counter() - start)
            if library is not None:
                assert screen.query_one(ClipList).row_count() == expected
            app.pop_screen()
            await pilot.pause()
    return times


def report(label: str, times: list[float]) -> None:
    median, slowest = statistics.median(times) * 1000, max(times) * 1000
    print(f"{label:38}  median {median:7.1f} ms  max {slowest:7.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--sizes", default="0,100,1000")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    print(f"load average before: {os.getloadavg()}")
    library = Library.open([args.csv])
    quotes = tuple(library.read_quotes().every_quote())
    print(f"{len(library.articles):,} articles, {len(quotes):,} quotes")
    report("open a bare Textual screen", asyncio.run(open_screen_times(None, args.runs, 0)))
    for size in (int(s) for s in args.sizes.split(",")):
        library.clip_store.path.unlink(missing_ok=True)
        for quote in quotes[:size]:
            library.clip_quote(quote)
        adds = []
        for quote in quotes[size : size + args.runs]:
            start = time.perf_counter()
            library.clip_quote(quote)
            adds.append(time.perf_counter() - start)
            library.delete_clip(size)
        report(f"add a clip to a list of {size:,}", adds)
        opened = asyncio.run(open_screen_times(library, args.runs, size))
        report(f"open the Clips screen on {size:,} clips", opened)
    library.close()
    print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
