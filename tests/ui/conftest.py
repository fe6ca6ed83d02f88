"""Fixtures for driving the app with Textual's Pilot.

Nothing here sleeps for a fixed time: each step waits for the state it needs (the background
work ended, the results of a query shown, a quote marked), with a generous bound that only a
broken app reaches.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import time
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

import pytest
from textual._context import message_hook
from textual.app import App
from textual.command import CommandList, CommandPalette
from textual.geometry import Region
from textual.message import Message
from textual.pilot import Pilot
from textual.widget import Widget

from peskovtui.library import Library
from peskovtui.ui.app import PeskovApp

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
BOUND = 60.0

Run = Callable[..., AbstractAsyncContextManager[Pilot[None]]]


def shown(widget: Widget) -> str:
    """What ``widget`` shows on screen now, border and titles included, as plain text."""
    width, height = widget.outer_size
    return "\n".join(strip.text for strip in widget.render_lines(Region(0, 0, width, height)))


# Set whenever a message reaches any part of an app under test: what can change its state (a
# key, a worker's result, a timer) comes as a message, so a wait looks again only then.
_ACTIVITY: WeakKeyDictionary[App[Any], asyncio.Event] = WeakKeyDictionary()


@pytest.fixture(autouse=True)
def watched_apps(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every app a test runs tells ``wait_for`` when a message arrives, through the message
    hook of Textual's ``run_test`` (and the same hook around ``run_async``, which the snapshots
    use)."""
    run_test, run_async = App.run_test, App.run_async

    def hooked(app: App[Any], options: dict[str, Any]) -> dict[str, Any]:
        activity = _ACTIVITY.setdefault(app, asyncio.Event())
        hook = options.pop("message_hook", None)

        def arrived(message: Message) -> None:
            activity.set()
            if hook is not None:
                hook(message)

        return {**options, "message_hook": arrived}

    @asynccontextmanager
    async def watched_test(app: App[Any], *args: Any, **options: Any) -> AsyncIterator[Any]:
        async with run_test(app, *args, **hooked(app, options)) as pilot:
            yield pilot

    async def watched_async(app: App[Any], *args: Any, **options: Any) -> Any:
        # ``run_async`` takes no hook: it is set where ``run_test`` sets it, in the context the
        # app's message pumps start from.
        token = message_hook.set(hooked(app, {})["message_hook"])
        try:
            return await run_async(app, *args, **options)
        finally:
            message_hook.reset(token)

    monkeypatch.setattr(App, "run_test", watched_test)
    monkeypatch.setattr(App, "run_async", watched_async)


async def wait_for(pilot: Pilot[None], condition: Callable[[], bool], what: str) -> None:
    """Let the app run until ``condition()`` holds, looking again each time a message reaches
    it; fail if it never does within the bound."""
    activity = _ACTIVITY[pilot.app]
    deadline = time.monotonic() + BOUND
    while True:
        await pilot.pause()
        # Cleared before looking: a message handled after the look sets it again.
        activity.clear()
        if condition():
            return
        try:
            await asyncio.wait_for(activity.wait(), deadline - time.monotonic())
        except TimeoutError:
            raise AssertionError(f"the app never reached this state: {what}") from None


def palette_offers(pilot: Pilot[None], words: str) -> bool:
    """Whether the command palette is open with a command holding ``words`` highlighted."""
    screen = pilot.app.screen
    if not isinstance(screen, CommandPalette):
        return False
    commands = screen.query_one(CommandList)
    if commands.highlighted is None:
        return False
    prompt = commands.get_option_at_index(commands.highlighted).prompt
    return words.lower() in str(prompt).lower()


async def settle(pilot: Pilot[None]) -> None:
    """Wait for the background work to end, every worker to finish and the screen to catch up."""
    app = pilot.app
    assert isinstance(app, PeskovApp)
    await wait_for(pilot, lambda: app.main.background_ended, "the background work ended")
    await app.workers.wait_for_complete()
    await pilot.pause()


async def search(pilot: Pilot[None], query: str) -> None:
    """Type ``/query`` and wait until its results (or its error) are shown."""
    app = pilot.app
    assert isinstance(app, PeskovApp)
    await pilot.press("slash", *query)
    await wait_for(pilot, lambda: app.main.search_answered(query), f"the answer to {query!r}")
    await app.workers.wait_for_complete()
    await pilot.pause()


@pytest.fixture(scope="session")
def seed_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cache dir holding the bundled articles' search index, built once per session."""
    cache = tmp_path_factory.mktemp("seed-cache")
    before = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(cache)
    try:
        library = Library.open()
        library.refresh_index()
        library.close()
    finally:
        if before is None:
            del os.environ["XDG_CACHE_HOME"]
        else:
            os.environ["XDG_CACHE_HOME"] = before
    return cache


@pytest.fixture(autouse=True)
def lasting_notifications(monkeypatch: pytest.MonkeyPatch) -> None:
    """Notifications stay until a test has read them, however slow the machine: their timeouts
    are seconds of wall time, which a loaded machine can spend before the test looks."""
    notify = PeskovApp.notify

    def lasting(app: PeskovApp, message: str, **options: Any) -> None:
        notify(app, message, **{**options, "timeout": 3600})

    monkeypatch.setattr(PeskovApp, "notify", lasting)


@pytest.fixture
def run_app(private_xdg: Path, seed_index: Path) -> Run:
    """Start the app on the bundled articles (or ``paths``) at a given terminal size. On the
    bundled articles the test's own cache starts with their index, built once per session."""

    @asynccontextmanager
    async def run(
        size: tuple[int, int] = (140, 45),
        paths: tuple[Path, ...] = (),
        *,
        notifications: bool = False,
    ) -> AsyncIterator[Pilot[None]]:
        if not paths:
            shutil.copytree(seed_index, private_xdg / "XDG_CACHE_HOME", dirs_exist_ok=True)
        app = PeskovApp(Library.open(list(paths)))
        async with app.run_test(size=size, notifications=notifications) as pilot:
            await settle(pilot)
            yield pilot

    return run
