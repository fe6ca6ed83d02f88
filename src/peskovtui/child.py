"""Work done in a child process: index builds and corpus-wide passes over the quotes.

Whoosh and quote extraction hold the GIL while they run, so in the app they run in a child
process and the screen stays responsive. The children of one owner (a Library) are tracked
together, so that closing it stops them at once instead of waiting for a long build to end.

Every child ends with its parent (``die_with_parent``), however the parent ends: a child left
running after ``kill -9`` or a closed terminal would build on for a minute, or wait forever to
hand back a result nobody reads. A child is always waited for by the thread that started it,
which matters on Linux: the kernel's parent-death signal comes when that thread ends.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import queue
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing import resource_tracker
from multiprocessing.context import SpawnContext, SpawnProcess
from typing import Any, ParamSpec, TypeVar

from peskovtui.errors import PeskovError

P = ParamSpec("P")
R = TypeVar("R")

_tracker_lock = threading.Lock()


class ChildStopped(PeskovError):
    """The child process was stopped (its owner was closed) or died."""


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


class Children:
    """The child processes of one owner. Once ``stop`` is called the running ones end at once
    and no new one starts; another owner's children are not affected."""

    def __init__(self) -> None:
        self._running: set[SpawnProcess] = set()
        self._lock = threading.Lock()
        self._stopped = False

    @property
    def stopped(self) -> bool:
        """Whether ``stop`` was called."""
        return self._stopped

    @property
    def running(self) -> int:
        """How many children are running now."""
        with self._lock:
            return len(self._running)

    def start(self, process: SpawnProcess) -> None:
        """Start ``process`` as one of these children, unless they are being stopped."""
        with self._lock:
            # Checked under the lock: a stop that comes first is never missed by a start.
            if self._stopped:
                raise ChildStopped("Stopped before it started.")
            process.start()
            self._running.add(process)

    def forget(self, process: SpawnProcess) -> None:
        """Stop counting ``process`` among the running children once it has ended."""
        with self._lock:
            self._running.discard(process)

    def stop(self) -> None:
        """Stop every running child at once; waiting callers get ``ChildStopped``."""
        with self._lock:
            self._stopped = True
            running = list(self._running)
        for process in running:
            self.end(process)

    def end(self, process: SpawnProcess) -> None:
        """Stop one child at once, with the processes it started (see ``lead_own_group``)."""
        if process.is_alive():
            _terminate(process)

    def run(self, function: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
        """Call ``function`` (a module-level function) in a child process; return its result."""
        if kwargs:
            raise TypeError("Children.run passes positional arguments only")
        with self.started(_run, function, args, daemon=True, grace=5) as child:
            message = child.receive()
        if message is None:
            raise ChildStopped(f"The child process stopped (exit status {child.process.exitcode}).")
        kind, value = message
        if kind == "error":
            raise ChildStopped(f"The child process failed: {value}")
        return value  # type: ignore[no-any-return]

    @contextlib.contextmanager
    def started(
        self,
        target: Callable[..., None],
        *args: Any,
        daemon: bool = False,
        grace: float = 30,
    ) -> Iterator[Child]:
        """Start ``target(*args, messages)`` (a module-level function) as one of these children,
        for the caller to receive what it puts on ``messages``.

        On leaving, the child is waited for (``grace`` seconds, then killed); left by an
        exception (Ctrl-C, the owner closed), the child is stopped at once. A ``daemon`` child
        cannot start processes of its own; multiprocessing ends it when the parent exits.
        """
        ctx = spawn_context()
        messages = ctx.Queue()
        process = ctx.Process(target=target, args=(*args, messages), daemon=daemon)
        try:
            self.start(process)
        except BaseException:
            messages.close()
            raise
        try:
            yield Child(process, messages)
        except BaseException:
            self.end(process)
            raise
        finally:
            process.join(timeout=grace)
            if process.is_alive():
                process.kill()
                process.join()
            self.forget(process)
            messages.close()


@dataclass(frozen=True, slots=True)
class Child:
    """A child process started by ``Children.started``, and the queue it sends messages on."""

    process: SpawnProcess
    messages: Any

    def receive(self) -> Any:
        """The child's next message, or None once it has ended without sending more."""
        return receive(self.messages, [self.process])


def receive(messages: Any, senders: Sequence[Any]) -> Any:
    """The next message on ``messages``, or None once a sender has ended without sending more.

    A process that sends and then exits has its messages in the pipe before it ends, so one
    more look after seeing it gone tells a clean end from a death.
    """
    while True:
        try:
            return messages.get(timeout=0.2)
        except queue.Empty:
            if all(sender.is_alive() for sender in senders):
                continue
        try:
            return messages.get(timeout=1.0)
        except queue.Empty:
            return None


def die_with_parent() -> None:
    """Called first thing in a child process: it is killed as soon as its parent dies.

    On Linux the kernel sends it SIGKILL then (``PR_SET_PDEATHSIG``); elsewhere a thread of
    the child waits for the parent's end of a pipe to close and ends the process.
    """
    parent = multiprocessing.parent_process()
    if parent is None:
        return
    if _kill_on_parent_death():
        if os.getppid() != parent.pid:  # the parent died before the signal was asked for
            os._exit(1)
        return
    threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()


_PR_SET_PDEATHSIG = 1


def _kill_on_parent_death() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return int(libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)) == 0
    except (OSError, AttributeError):  # no C library to call, or no prctl in it
        return False


def _exit_with(parent: Any) -> None:
    from multiprocessing.connection import wait

    wait([parent.sentinel])
    os._exit(1)


def lead_own_group() -> None:
    """Called first thing in a child that starts processes of its own (Whoosh's writers):
    it leads a process group, so that stopping it stops them too."""
    if hasattr(os, "setpgrp"):
        os.setpgrp()


def _terminate(process: SpawnProcess) -> None:
    pid = process.pid
    try:
        if pid is not None and hasattr(os, "killpg") and os.getpgid(pid) == pid:
            os.killpg(pid, signal.SIGTERM)
            return
    except OSError:  # it ended meanwhile
        return
    process.terminate()


def _run(function: Callable[..., Any], args: tuple[Any, ...], results: Any) -> None:
    die_with_parent()
    try:
        results.put(("done", function(*args)))
    except BaseException as error:  # reported to the parent, which owns the error handling
        results.put(("error", f"{type(error).__name__}: {error}"))
