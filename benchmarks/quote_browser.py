"""How the quote browser keeps up: opening it, sorting by date, filtering, on many quotes.

Usage: python benchmarks/quote_browser.py [CSV] [--copies N] [--runs N]

CSV defaults to the shared 3,785-article data set beside the project. The corpus is loaded and
its quotes read first (from the user cache when it holds them). With ``--copies N`` every
article and its quotes are repeated N times under new ids, each copy a week later than the one
before, to stand for a corpus N times as big (13 copies of the shared CSV: about 49,000
articles and 330,000 quotes); the copies are added to the library's lookups so that the
browser can cite them.

Figures for the table alone (``QuoteTable``: the first sort by a column works out its keys;
later ones reuse the kept order), then for the app driven headless in a 150x45 terminal: the
sort's action (``r``, ``s``) timed with the whole frame drawn after it; and key presses
timed until the app is idle again, as Pilot waits for it (``Q`` to the table listed, ``r``,
``s``, ``enter`` on a filter typed), beside a key that changes nothing, which is what that
wait costs, and beside ``L`` opening the Clips screen. Each says how many table rows were
drawn: only those in view, however many quotes there are. The load average is printed before
and after, since the machine is shared.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from peskovtui.corpus import Article
from peskovtui.library import Library
from peskovtui.library.quote_table import QuoteTable, parse_filter
from peskovtui.quotes import Quote

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "newsarticles-2017.csv"


def later(day: str | None, weeks: int) -> str | None:
    """``day`` moved on by ``weeks`` weeks (an undated or unreadable date left as it is)."""
    if not day or weeks == 0:
        return day
    try:
        moved = date.fromisoformat(day[:10]) + timedelta(weeks=weeks)
    except ValueError:
        return day
    return moved.isoformat() + day[10:]


def copied(library: Library, copies: int) -> QuoteTable:
    """The library's quote table with every article and quote repeated ``copies`` times."""
    read = library.read_quotes()
    if copies <= 1:
        return library.quote_table
    articles: dict[str, Article] = {}
    quotes: list[Quote] = []
    for copy in range(copies):
        for article in library.articles:
            new_id = article.id if copy == 0 else f"{article.id}~{copy}"
            articles[new_id] = replace(article, id=new_id, date=later(article.date, copy))
        quotes.extend(
            q if copy == 0 else replace(q, article_id=f"{q.article_id}~{copy}")
            for q in read.every_quote()
        )
    # Benchmark only: the copies join the library's lookups, so that citing them works.
    library._by_id.update(articles)
    table = QuoteTable(quotes, articles, read.aliases)
    library.__dict__["quote_table"] = table
    return table


def timed(action: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median and worst time of ``action`` in milliseconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times)


def table_figures(table: QuoteTable, runs: int) -> None:
    everything = parse_filter("")

    def filtered(text: str) -> list[int]:
        # The table keeps the last filter's pass over the rows: forgotten, so that each run
        # times the filter afresh.
        table._kept = None
        return table.view(parse_filter(text), "date")

    start = time.perf_counter()
    table.order("date", reverse=True)
    first = (time.perf_counter() - start) * 1000
    print(f"table: {len(table):,} rows; first sort by date (keys worked out): {first:.0f} ms")
    for label, action in (
        ("sorted by date, newest first", lambda: table.view(everything, "date", reverse=True)),
        ("sorted by date, oldest first", lambda: table.view(everything, "date")),
        ("filter speaker:putin", lambda: filtered("speaker:putin")),
        (
            "filter outlet:cnn from:2017-01 to:2017-02",
            lambda: filtered("outlet:cnn from:2017-01 to:2017-02"),
        ),
    ):
        median, worst = timed(action, runs)
        print(f"  view {label}: median {median:.1f} ms, worst {worst:.1f} ms")


def app_figures(library: Library, runs: int) -> None:
    from peskovtui.ui.app import PeskovApp
    from peskovtui.ui.screens.quote_table import QuoteBrowserScreen
    from peskovtui.ui.widgets.quote_table import QuoteTableView

    drawn: list[int] = []
    render_row = QuoteTableView.render_row

    def counted_row(self: QuoteTableView, index: int, line: int, width: int, cursor: bool):  # type: ignore[no-untyped-def]
        drawn.append(index)
        return render_row(self, index, line, width, cursor)

    QuoteTableView.render_row = counted_row  # type: ignore[method-assign]
    pressed: dict[str, list[tuple[float, int]]] = {}
    framed: dict[str, list[tuple[float, float, int]]] = {}

    async def run() -> None:
        app = PeskovApp(library)
        async with app.run_test(size=(150, 45)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()

            async def press(label: str, *keys: str) -> None:
                """Key press to the app idle again, as Pilot waits for it."""
                drawn.clear()
                start = time.perf_counter()
                await pilot.press(*keys)
                await pilot.pause()
                elapsed = (time.perf_counter() - start) * 1000
                pressed.setdefault(label, []).append((elapsed, len(drawn)))

            def act(label: str, action: Callable[[], object]) -> None:
                """The key's action, then the whole frame drawn, both timed."""
                drawn.clear()
                start = time.perf_counter()
                action()
                acted = time.perf_counter()
                app.screen._compositor.render_full_update()
                done = time.perf_counter()
                framed.setdefault(label, []).append(
                    ((acted - start) * 1000, (done - acted) * 1000, len(drawn))
                )

            for _ in range(runs):
                await press("L: the Clips screen open, for comparison", "L")
                await pilot.press("escape")
                await pilot.pause()
                await press("Q: the browser open, its table listed (sorted by date)", "Q")
                screen = app.screen
                assert isinstance(screen, QuoteBrowserScreen) and screen.ready
                await press("k at the top (moves nothing: what Pilot's wait costs)", "k")
                await press("r: the date order reversed", "r")
                await pilot.press("s", "s", "s", "s")  # article, speaker, quote, outlet
                await press("s: from the outlet onto the date", "s")
                await pilot.pause()
                act("r: the date order reversed", screen.action_reverse)
                act("r: and back", screen.action_reverse)
                await pilot.press("s", "s", "s", "s")
                await pilot.pause()
                act("s: from the outlet onto the date", screen.action_sort)
                await pilot.press("slash", *"speaker:putin")
                await press("enter on the filter speaker:putin", "enter")
                await pilot.press("slash", "ctrl+u", "enter", "escape")
                await pilot.pause()

    asyncio.run(run())
    print("app, the key's action and then the whole frame drawn (150x45):")
    for label, values in framed.items():
        actions = [a for a, _, _ in values]
        totals = [a + f for a, f, _ in values]
        print(
            f"  {label}: action median {statistics.median(actions):.1f} ms, action and frame "
            f"median {statistics.median(totals):.0f} ms, worst {max(totals):.0f} ms, "
            f"{max(r for _, _, r in values)} rows drawn"
        )
    print("app, key press to the app idle again as Pilot waits for it (150x45):")
    for label, results in pressed.items():
        times = [t for t, _ in results]
        print(
            f"  {label}: median {statistics.median(times):.0f} ms, worst {max(times):.0f} ms, "
            f"at most {max(r for _, r in results)} rows drawn"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--copies", type=int, default=1)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(f"load average before: {os.getloadavg()}")
    start = time.perf_counter()
    library = Library.open([args.csv])
    library.read_quotes()
    print(
        f"{len(library.articles):,} articles loaded, quotes read in "
        f"{time.perf_counter() - start:.1f} s"
    )
    start = time.perf_counter()
    table = copied(library, args.copies)
    print(
        f"{args.copies} cop{'y' if args.copies == 1 else 'ies'}: {len(table):,} quotes of "
        f"{len({q.article_id for q in table.quotes}):,} articles, "
        f"table made in {(time.perf_counter() - start):.2f} s"
    )
    table_figures(table, args.runs)
    # The app gets a fresh table (the same rows), so that its first sort is timed cold.
    aliases = library.read_quotes().aliases
    start = time.perf_counter()
    library.__dict__["quote_table"] = QuoteTable(table.quotes, library._by_id, aliases)
    print(f"a table of these quotes made anew: {(time.perf_counter() - start) * 1000:.0f} ms")
    app_figures(library, args.runs)
    library.close()
    print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
