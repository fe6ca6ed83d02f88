"""How fast the speakers screen opens, and what its chart's library costs to import.

    python benchmarks/speakers_screen.py screen PATH [--runs 10]
    python benchmarks/speakers_screen.py import [--runs 10]

``screen`` drives the app headless (140x45) on PATH, waits until the corpus's quotes are read
and its index built, then presses ``S`` and times the key to the speakers screen drawn with its
list filled; then ``enter`` on the most quoted speaker to their timeline drawn (the first time
with the chart's import), and ``escape`` twice back to the main screen, ``runs`` times.
``import`` times ``import textual_plotext`` (and plotext with it) in fresh interpreters with
``python -X importtime``, Textual already imported as the app has it.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time


def screen(path: str, runs: int, cache: str | None) -> None:
    """Key to screen drawn, for the speakers screen and for a timeline."""
    os.environ["XDG_CACHE_HOME"] = cache or tempfile.mkdtemp()
    from peskovtui.library import Library
    from peskovtui.ui.app import PeskovApp
    from peskovtui.ui.screens.speakers import SpeakersScreen
    from peskovtui.ui.widgets.speaker_list import SpeakerList

    library = Library.open([path])
    app = PeskovApp(library)
    opened: list[float] = []
    charted: list[float] = []
    load = os.getloadavg()[0]

    async def drive() -> None:
        async with app.run_test(size=(140, 45)) as pilot:
            start = time.perf_counter()
            while not app.main.background_ended:
                await asyncio.sleep(0.05)
                if time.perf_counter() - start > 600:
                    raise SystemExit("the index and the quotes were not ready in 10 minutes")
            await app.workers.wait_for_complete()
            await pilot.pause()
            for _ in range(runs):
                start = time.perf_counter()
                await pilot.press("S")
                while not (
                    isinstance(app.screen, SpeakersScreen)
                    and app.screen.query_one(SpeakerList).row_count()
                ):
                    await pilot.pause()
                await pilot.pause()  # the frame with the list drawn
                opened.append(time.perf_counter() - start)
                start = time.perf_counter()
                await pilot.press("enter")
                await pilot.pause()
                charted.append(time.perf_counter() - start)
                await pilot.press("escape", "escape")
                while len(app.screen_stack) > 1:
                    await pilot.pause()

    asyncio.run(drive())
    library.close()
    print(f"corpus: {library.name} ({len(library.articles)} articles), headless 140x45")
    print(f"load average {load:.1f} at the start, {os.getloadavg()[0]:.1f} at the end")
    _report("S to the speakers screen drawn", opened)
    _report("enter to the first timeline drawn (with the chart's import)", charted[:1])
    _report("enter to a timeline drawn, later runs", charted[1:])


def _report(what: str, values: list[float]) -> None:
    if not values:
        return
    print(
        f"{what}: median {statistics.median(values) * 1000:.0f} ms, "
        f"best {min(values) * 1000:.0f} ms, worst {max(values) * 1000:.0f} ms "
        f"over {len(values)} run{'s' * (len(values) != 1)}"
    )


def imports(runs: int) -> None:
    """``import textual_plotext`` in fresh interpreters, Textual imported before."""
    totals: dict[str, list[float]] = {"textual_plotext": [], "plotext": []}
    load = os.getloadavg()[0]
    for _ in range(runs):
        result = subprocess.run(
            [
                sys.executable,
                "-X",
                "importtime",
                "-c",
                "import textual.app, textual.widget; import textual_plotext",
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        for line in result.stderr.splitlines():
            parts = [p.strip() for p in line.removeprefix("import time:").split("|")]
            if len(parts) == 3 and parts[2] in totals:
                totals[parts[2]].append(int(parts[1]) / 1000)
    print(f"load average {load:.1f} at the start, {os.getloadavg()[0]:.1f} at the end")
    for name, values in totals.items():
        print(
            f"import {name} (cumulative, Textual imported before): median "
            f"{statistics.median(values):.0f} ms, best {min(values):.0f} ms, "
            f"worst {max(values):.0f} ms over {len(values)} runs"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    opening = commands.add_parser("screen")
    opening.add_argument("path")
    opening.add_argument("--runs", type=int, default=10)
    opening.add_argument("--cache", help="an XDG cache dir to reuse (its index and quotes)")
    importing = commands.add_parser("import")
    importing.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    if args.command == "screen":
        screen(args.path, args.runs, args.cache)
    else:
        imports(args.runs)


if __name__ == "__main__":
    main()
