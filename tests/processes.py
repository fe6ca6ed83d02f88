"""Watching the processes a test started (Linux): their children, through /proc, and their end.

A process is taken as ended once it is gone or a zombie (in a container nobody may reap it).
Waits never poll: they sleep until something the condition depends on may have changed (a
process ended, a line came through a FIFO), with a generous bound that detects a hang and does
not measure speed.
"""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PROC = Path("/proc")

needs_proc = pytest.mark.skipif(
    not sys.platform.startswith("linux") or not PROC.is_dir(), reason="reads /proc (Linux)"
)


Proc = tuple[int, int]  # a pid and the process's start time: a pid reused is another process


def _stat(pid: int) -> tuple[str, int, int] | None:
    """The state letter, parent pid and start time of ``pid``, or None if there is none."""
    try:
        text = (PROC / str(pid) / "stat").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    fields = text.rsplit(")", 1)[1].split()  # the command name may hold spaces or ")"
    return fields[0], int(fields[1]), int(fields[19])


def alive(process: Proc) -> bool:
    """Whether ``process`` runs (a zombie has ended)."""
    state = _stat(process[0])
    return state is not None and state[0] not in "ZX" and state[2] == process[1]


def command(process: Proc) -> str:
    """The command line of ``process``, its arguments separated by spaces ("" once it ended)."""
    try:
        line = (PROC / str(process[0]) / "cmdline").read_bytes()
    except OSError:
        return ""
    return line.replace(b"\0", b" ").decode("utf-8", "replace")


def children(pid: int) -> list[Proc]:
    """The running processes whose parent is ``pid``."""
    found = []
    for entry in PROC.iterdir():
        if entry.name.isdigit():
            state = _stat(int(entry.name))
            if state is not None and state[1] == pid and state[0] not in "ZX":
                found.append((int(entry.name), state[2]))
    return found


def process(pid: int) -> Proc | None:
    """The running process ``pid``, or None."""
    state = _stat(pid)
    return (pid, state[2]) if state is not None and state[0] not in "ZX" else None


def wait_for(
    condition: Callable[[], bool], wake: Callable[[float], object], bound: float = 120.0
) -> bool:
    """Check ``condition`` each time ``wake`` returns, until it holds or ``bound`` seconds pass;
    whether it held. ``wake(seconds)`` blocks until what ``condition`` reads may have changed,
    or for ``seconds`` at most."""
    deadline = time.monotonic() + bound
    while not condition():
        left = deadline - time.monotonic()
        if left <= 0:
            return False
        wake(left)
    return True


class Fifo:
    """A named pipe in ``folder`` that other processes write to; ``wait`` blocks until they do.

    Opened for reading and writing, so that it never reads as ended between two writers and
    a writer never blocks on opening it.
    """

    def __init__(self, folder: Path, name: str = "fifo") -> None:
        self.path = folder / name
        os.mkfifo(self.path)
        self._fd = os.open(self.path, os.O_RDWR | os.O_NONBLOCK)

    def wait(self, seconds: float) -> bytes:
        """What was written since the last call, waiting up to ``seconds`` for something."""
        ready, _, _ = select.select([self._fd], [], [], seconds)
        if not ready:
            return b""
        chunks = []
        while True:
            try:
                chunk = os.read(self._fd, 65536)
            except BlockingIOError:
                break
            chunks.append(chunk)
        return b"".join(chunks)

    def close(self) -> None:
        os.close(self._fd)


# A process started by a test (a child, a worker) calls ``announce`` when it reaches the point
# the test waits for; the variable names the FIFO of the test's ``Announcements``.
ANNOUNCE = "PESKOVTUI_TEST_ANNOUNCE"


def announce() -> None:
    """Write this process's pid to the test's ``Announcements``, if it has any."""
    path = os.environ.get(ANNOUNCE)
    if path:
        fd = os.open(path, os.O_WRONLY)
        try:
            os.write(fd, f"{os.getpid()}\n".encode())  # one line is written whole (PIPE_BUF)
        finally:
            os.close(fd)


class Announcements(Fifo):
    """The pids that processes started by a test ``announce``, in order."""

    def __init__(self, folder: Path) -> None:
        super().__init__(folder, "announcements")
        self.pids: list[int] = []
        self._partial = ""

    @property
    def env(self) -> dict[str, str]:
        """The environment for a process whose children announce here."""
        return {**os.environ, ANNOUNCE: str(self.path)}

    def first(self, bound: float = 120.0) -> int:
        """The first pid announced, waiting up to ``bound`` seconds for it."""

        def heard(seconds: float) -> None:
            text = self._partial + self.wait(seconds).decode()
            *lines, self._partial = text.split("\n")
            self.pids.extend(int(line) for line in lines)

        assert wait_for(lambda: bool(self.pids), heard, bound), "no process announced itself"
        return self.pids[0]


def build_processes(parent: subprocess.Popen[bytes], announced: Announcements) -> list[Proc]:
    """The index build's child process under ``parent`` and its workers running, once a
    worker has announced itself (the build's child is the worker's parent)."""
    worker = process(announced.first())
    assert worker is not None, "the worker that announced itself ended"
    state = _stat(worker[0])
    assert state is not None and state[1] != parent.pid, "the announcement came from no worker"
    build = process(state[1])
    assert build is not None, "the build's child process ended"
    return [build, *children(build[0])]


# Ctrl-C interrupts the new interpreter as it would a command in a terminal, even when the
# tests themselves run with SIGINT ignored (started in the background by a script, where the
# shell ignores it and the interpreter inherits that).
_INTERRUPTIBLE = "import signal\nsignal.signal(signal.SIGINT, signal.default_int_handler)\n"


def start_python(
    code: str, *args: str, output: Path, announced: Announcements
) -> subprocess.Popen[bytes]:
    """Run ``code`` in a new interpreter from the repository root (``tests`` importable), its
    output going to the file ``output`` (a pipe would stay open as long as any child runs),
    its processes announcing themselves to ``announced``."""
    with output.open("wb") as sink:
        return subprocess.Popen(
            [sys.executable, "-c", _INTERRUPTIBLE + code, *args],
            cwd=REPO,
            stdout=sink,
            stderr=subprocess.STDOUT,
            env=announced.env,
        )


def all_ended(processes: Sequence[Proc], bound: float = 60.0) -> bool:
    """Wait until none of ``processes`` runs; whether that came within ``bound`` seconds.

    Sleeps on a pidfd of each process, which becomes readable when the process ends.
    """
    fds = []
    for proc in processes:
        try:
            fd = os.pidfd_open(proc[0])
        except ProcessLookupError:
            continue  # gone already
        fds.append(fd)
    try:
        return wait_for(
            lambda: not any(map(alive, processes)),
            lambda seconds: select.select(fds, [], [], seconds),
            bound,
        )
    finally:
        for fd in fds:
            os.close(fd)


def kill_all(parent: subprocess.Popen[bytes], processes: Iterable[Proc]) -> None:
    """Kill ``parent`` and those of ``processes`` (its children) that still run, so that
    none outlives the test."""
    if parent.poll() is None:
        parent.kill()
    parent.wait()
    for process in processes:
        if alive(process):
            os.kill(process[0], signal.SIGKILL)


def signal_and_watch(parent: subprocess.Popen[bytes], processes: list[Proc], sig: int) -> bool:
    """Send ``sig`` to ``parent`` and wait for it to end; whether ``processes`` (its children)
    all ended too. Whatever still runs then is killed."""
    try:
        os.kill(parent.pid, sig)
        parent.wait(timeout=60)  # a bound for a hang, not a measure of speed
        return all_ended(processes)
    finally:
        kill_all(parent, processes)
