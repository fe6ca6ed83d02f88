"""Opening a URL in the system browser, where there is one to open.

Over SSH, or on Linux without a display, a browser would open (if at all) on another screen or
take over this terminal: there is none to use, and the caller copies the URL instead. A browser
that runs in the terminal (lynx, w3m, a ``BROWSER`` command Python does not know) is not used
either, for the same reason.
"""

from __future__ import annotations

import os
import sys


def no_browser_here() -> str | None:
    """Why no browser can be opened from here (``over SSH``, ``without a display``), or None."""
    if os.environ.get("SSH_CONNECTION"):
        return "over SSH"
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        return "without a display"
    return None


def open_in_browser(url: str) -> bool:
    """Open ``url`` in the system browser (it may take a while: call it from a thread); False
    when there is none that opens in a window of its own."""
    if no_browser_here() is not None:
        return False
    # Imported here: the reader's first screen never needs it.
    import webbrowser

    try:
        browser = webbrowser.get()
    except webbrowser.Error:
        return False
    # A generic browser is a command run in this terminal (lynx, w3m) or one Python cannot tell.
    if type(browser) is webbrowser.GenericBrowser:
        return False
    try:
        return bool(browser.open(url, new=2))
    except (OSError, webbrowser.Error):
        return False
