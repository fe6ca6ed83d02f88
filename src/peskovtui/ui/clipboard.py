"""Copying to the clipboard: OSC 52 through the terminal (works over SSH and in tmux), and the
system clipboard tool as well when one is installed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

# Tried in order; the first one present is used.
_TOOLS: tuple[tuple[str, ...], ...] = (
    ("wl-copy",),
    ("xclip", "-selection", "clipboard"),
    ("xsel", "--clipboard", "--input"),
    ("pbcopy",),
    ("clip.exe",),
)


def system_clipboard_command() -> tuple[str, ...] | None:
    """The command that writes stdin to the system clipboard here, or None."""
    for command in _TOOLS:
        if command[0] == "wl-copy" and not os.environ.get("WAYLAND_DISPLAY"):
            continue
        if command[0] in ("xclip", "xsel") and not os.environ.get("DISPLAY"):
            continue
        if command[0] == "pbcopy" and sys.platform != "darwin":
            continue
        if shutil.which(command[0]):
            return command
    return None


def copy_with_system_tool(text: str, timeout: float = 2.0) -> bool:
    """Best effort: hand ``text`` to the system clipboard tool; False when none worked."""
    command = system_clipboard_command()
    if command is None:
        return False
    try:
        subprocess.run(
            command,
            input=text.encode("utf-8"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=timeout,
            check=True,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return True
