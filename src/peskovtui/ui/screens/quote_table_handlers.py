"""The main screen's ``Q``: the quote browser (``quote_table``'s screen), filled when the
corpus's quotes are read, and enter on a quote there read in its article.

The browser's module is imported when it is first needed: the first screen never shows it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on

from peskovtui.quotes import Quote
from peskovtui.ui.messages import OpenQuote, QuotesFailed, QuotesReady
from peskovtui.ui.screens.reading import ReadingScreen

if TYPE_CHECKING:
    from peskovtui.ui.screens.quote_table import QuoteBrowserScreen


class QuoteTableHandlers(ReadingScreen):
    """``Q``: the quote browser, filled when the corpus's quotes are read, and enter on a quote
    there read in its article."""

    _quotes_error: str | None = None

    def action_quote_browser(self) -> None:
        from peskovtui.ui.screens.quote_table import CopyDesk, QuoteBrowserScreen

        failed = None
        if self.ready.quotes_ended and not self.ready.corpus_read:
            failed = self._quotes_error or "The quotes of the corpus could not be read."
        assert isinstance(self, CopyDesk)
        browser = QuoteBrowserScreen(self.library, self, failed=failed)
        self.app.push_screen(browser, self._back_from_browser)

    def _browsers(self) -> list[QuoteBrowserScreen]:
        from peskovtui.ui.screens.quote_table import QuoteBrowserScreen

        return [s for s in self.app.screen_stack if isinstance(s, QuoteBrowserScreen)]

    @on(QuotesReady)
    def _fill_browser(self) -> None:
        for browser in self._browsers():
            browser.fill()

    @on(QuotesFailed)
    def _browser_without_quotes(self, message: QuotesFailed) -> None:
        self._quotes_error = message.error
        for browser in self._browsers():
            browser.quotes_failed(message.error)

    def _back_from_browser(self, quote: Quote | None) -> None:
        if quote is None:
            return
        self.post_message(OpenQuote(quote))
        self.focus_now(self.reader)
