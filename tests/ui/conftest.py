"""Fixtures for driving the app with Textual's Pilot."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path

import pytest
from textual.pilot import Pilot

from peskovtui.library import Library
from peskovtui.ui.app import PeskovApp

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

Run = Callable[..., AbstractAsyncContextManager[Pilot[None]]]


async def settle(pilot: Pilot[None]) -> None:
    """Wait for every worker to finish and the screen to catch up."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.fixture
def run_app() -> Run:
    """Start the app on the bundled articles (or ``paths``) at a given terminal size."""

    @asynccontextmanager
    async def run(
        size: tuple[int, int] = (140, 45), paths: tuple[Path, ...] = ()
    ) -> AsyncIterator[Pilot[None]]:
        app = PeskovApp(Library.open(list(paths)))
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            yield pilot

    return run
