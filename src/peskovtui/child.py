"""Work done in a child process: index builds and corpus-wide passes over the quotes.

Whoosh and quote extraction hold the GIL while they run, so in the app they run in a child
process and the screen stays responsive.
"""

from __future__ import annotations

import multiprocessing
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import resource_tracker
from multiprocessing.context import SpawnContext
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

_tracker_lock = threading.Lock()


def spawn_context() -> SpawnContext:
    """The spawn context (fork is unsafe in a process with threads), ready to use."""
    _start_resource_tracker()
    return multiprocessing.get_context("spawn")


def _start_resource_tracker() -> None:
    # multiprocessing passes its resource tracker our stderr by file descriptor. Under a
    # full-screen app sys.stderr is a stand-in with no descriptor ("bad value(s) in
    # fds_to_keep"), so the real stderr is lent for the moment the tracker starts.
    with _tracker_lock:
        try:
            usable = sys.stderr is not None and sys.stderr.fileno() >= 0
        except (AttributeError, OSError, ValueError):
            usable = False
        if usable or sys.__stderr__ is None:
            resource_tracker.ensure_running()
            return
        stand_in = sys.stderr
        sys.stderr = sys.__stderr__
        try:
            resource_tracker.ensure_running()
        finally:
            sys.stderr = stand_in


def run_in_child(function: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
    """Call ``function`` (a module-level function) in a child process and return its result."""
    with ProcessPoolExecutor(max_workers=1, mp_context=spawn_context()) as pool:
        return pool.submit(function, *args, **kwargs).result()
