"""Watching the processes a test started, through /proc (Linux): their children, and their end.

A process is taken as ended once it is gone or a zombie (in a container nobody may reap it).
Waits poll with a generous bound: they detect a hang, they do not measure speed.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
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


def wait_for(condition: Callable[[], bool], bound: float = 120.0) -> bool:
    """Poll ``condition`` until it holds or ``bound`` seconds pass; whether it held."""
    deadline = time.monotonic() + bound
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def find_build(parent: int) -> list[Proc]:
    """The index build's child process under ``parent`` and its workers once they run (the
    build's child is the one with children of its own), else []."""
    for child in children(parent):
        workers = children(child[0])
        if workers:
            return [child, *workers]
    return []


def build_processes(parent: subprocess.Popen[bytes]) -> list[Proc]:
    """``find_build`` once the build's workers have started."""
    found: list[Proc] = []

    def started() -> bool:
        assert parent.poll() is None, "the process ended before its build started"
        found[:] = find_build(parent.pid)
        return bool(found)

    assert wait_for(started)
    return found


# Ctrl-C interrupts the new interpreter as it would a command in a terminal, even when the
# tests themselves run with SIGINT ignored (started in the background by a script, where the
# shell ignores it and the interpreter inherits that).
_INTERRUPTIBLE = "import signal\nsignal.signal(signal.SIGINT, signal.default_int_handler)\n"


def start_python(code: str, *args: str, output: Path) -> subprocess.Popen[bytes]:
    """Run ``code`` in a new interpreter from the repository root (``tests`` importable), its
    output going to the file ``output`` (a pipe would stay open as long as any child runs)."""
    with output.open("wb") as sink:
        return subprocess.Popen(
            [sys.executable, "-c", _INTERRUPTIBLE + code, *args],
            cwd=REPO,
            stdout=sink,
            stderr=subprocess.STDOUT,
        )


def all_ended(processes: Iterable[Proc], bound: float = 60.0) -> bool:
    """Wait until none of ``processes`` runs; whether that came within ``bound`` seconds."""
    return wait_for(lambda: not any(map(alive, processes)), bound)


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
