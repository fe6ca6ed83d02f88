"""Work in a child process: results come back, failures are one sentence, quitting stops it."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest

from peskovtui import child
from peskovtui.child import ChildStopped, run_in_child, stop_children


def double(value: int) -> int:
    return value * 2


def fail(message: str) -> None:
    raise ValueError(message)


def sleep_long(seconds: float) -> None:
    time.sleep(seconds)


@pytest.fixture(autouse=True)
def resume() -> Iterator[None]:
    yield
    child._stopping.clear()


def test_the_result_comes_back() -> None:
    assert run_in_child(double, 21) == 42


def test_a_failure_is_reported_as_one_sentence() -> None:
    with pytest.raises(ChildStopped, match="ValueError: no such thing"):
        run_in_child(fail, "no such thing")


def test_stopping_ends_a_long_child_at_once() -> None:
    errors: list[BaseException] = []

    def wait() -> None:
        try:
            run_in_child(sleep_long, 60)
        except ChildStopped as error:
            errors.append(error)

    thread = threading.Thread(target=wait)
    thread.start()
    deadline = time.monotonic() + 30
    while not child._children and time.monotonic() < deadline:
        time.sleep(0.05)
    stop_children()
    thread.join(timeout=10)
    assert not thread.is_alive()
    assert len(errors) == 1
    assert not child._children
    with pytest.raises(ChildStopped):
        run_in_child(double, 1)
