"""Work in a child process: results come back, failures are one sentence, closing stops it."""

from __future__ import annotations

import signal
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from peskovtui.child import Children, ChildStopped
from peskovtui.library import Library
from tests.processes import (
    ANNOUNCE,
    Announcements,
    announce,
    needs_proc,
    process,
    signal_and_watch,
    start_python,
)


def double(value: int) -> int:
    return value * 2


def fail(message: str) -> None:
    raise ValueError(message)


def sleep_long(seconds: float) -> None:
    """Announce the start, then hold the child for ``seconds``."""
    announce()
    threading.Event().wait(seconds)


def say_then_end(count: int, status: int, messages: Any) -> None:
    for n in range(count):
        messages.put(n)
    sys.exit(status)


def wait_long(seconds: float, messages: Any) -> None:
    threading.Event().wait(seconds)


def test_every_message_sent_before_the_end_is_received() -> None:
    with Children().started(say_then_end, 200, 3) as child:
        heard = list(iter(child.receive, None))
    assert heard == list(range(200))
    assert child.process.exitcode == 3


def test_leaving_by_an_exception_stops_the_child_at_once() -> None:
    children = Children()
    with pytest.raises(KeyboardInterrupt), children.started(wait_long, 3600) as child:
        assert children.running == 1
        raise KeyboardInterrupt
    assert child.process.exitcode == -signal.SIGTERM
    assert children.running == 0


def test_the_result_comes_back() -> None:
    assert Children().run(double, 21) == 42


def test_a_failure_is_reported_as_one_sentence() -> None:
    with pytest.raises(ChildStopped, match="ValueError: no such thing"):
        Children().run(fail, "no such thing")


def test_stopping_ends_a_long_child_at_once(
    announced: Announcements, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ANNOUNCE, str(announced.path))
    children = Children()
    errors: list[BaseException] = []

    def wait() -> None:
        try:
            children.run(sleep_long, 60)
        except ChildStopped as error:
            errors.append(error)

    thread = threading.Thread(target=wait)
    thread.start()
    announced.first(bound=30)
    # Counted before the child could announce itself (``Children.start`` holds the lock).
    assert children.running == 1
    children.stop()
    thread.join(timeout=10)
    assert not thread.is_alive()
    assert len(errors) == 1
    assert children.running == 0
    with pytest.raises(ChildStopped, match="Stopped before it started"):
        children.run(double, 1)


def test_stopping_one_owner_leaves_the_others_free() -> None:
    stopped = Children()
    stopped.stop()
    assert Children().run(double, 2) == 4


def test_a_closed_library_leaves_later_libraries_free(seeds: object) -> None:
    first = Library.open()
    first.close()
    with pytest.raises(ChildStopped):
        first._processes.children().run(double, 1)
    second = Library.open()
    try:
        assert second._processes.children().run(double, 3) == 6
    finally:
        second.close()


# Starts a child that would sleep for an hour, as the pass over the quotes would work on.
HOLD = """
from peskovtui.child import Children
from tests.test_child import sleep_long

Children().run(sleep_long, 3600)
"""


@needs_proc
def test_a_child_ends_with_its_parent(tmp_path: Path, announced: Announcements) -> None:
    parent = start_python(HOLD, output=tmp_path / "output", announced=announced)
    child = process(announced.first())
    assert child is not None, "the child ended before its parent was killed"
    assert signal_and_watch(parent, [child], signal.SIGKILL)
