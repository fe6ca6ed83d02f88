"""The main screen's way out to the source: ``o`` opens the article's URL in the system browser,
in a thread (a browser can take seconds to start); where there is none (over SSH, without a
display), or the URL is not a web address, it is copied instead, and the user is told which
happened.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on, work
from textual.message import Message

from peskovtui.display import strip_controls
from peskovtui.ui.browser import no_browser_here, open_in_browser
from peskovtui.ui.screens.copying import CopyHandlers


@dataclass
class BrowserDone(Message):
    """The browser was asked to open ``url``: whether it did."""

    url: str
    opened: bool


class UrlHandlers(CopyHandlers):
    """``o``."""

    def action_open_url(self) -> None:
        article = self.reader.article
        if article is None:
            self.app.notify("There is no article to open.", severity="warning", timeout=3)
            return
        # The URL comes from the data: a control character in it is neither sent nor copied.
        url = strip_controls(article.url or "").strip()
        if not url:
            self.app.notify("This article has no source URL.", severity="warning", timeout=4)
            return
        if not url.lower().startswith(("http://", "https://")):
            # Only a web page is opened: a file: or javascript: address from a data set could
            # do anything.
            self._copy_instead(url, "The source is not an http or https address")
            return
        why = no_browser_here()
        if why is not None:
            self._copy_instead(url, f"There is no browser to open {why}")
            return
        self.open_in_browser(url)

    @work(thread=True, group="browser")
    def open_in_browser(self, url: str) -> None:
        """Ask the system browser to open ``url``, in a thread."""
        self.post_message(BrowserDone(url, open_in_browser(url)))

    @on(BrowserDone)
    def _browser_done(self, message: BrowserDone) -> None:
        if message.opened:
            self.app.notify(f"Opened {message.url} in the browser.", timeout=4, markup=False)
        else:
            self._copy_instead(message.url, "No browser could be opened")

    def _copy_instead(self, url: str, why: str) -> None:
        self.copy_text(url)
        self.app.notify(f"{why}; copied the URL instead: {url}", timeout=6, markup=False)
