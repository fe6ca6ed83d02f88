"""The Library's quote browser: every quote of the corpus as a table."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from peskovtui.corpus import Article

if TYPE_CHECKING:
    from peskovtui.library.quote_table import QuoteTable
    from peskovtui.library.quotebook import QuoteBook


class QuoteBrowserMixin:
    """The table the quote browser sorts and filters."""

    _by_id: dict[str, Article]

    if TYPE_CHECKING:

        @property
        def _quote_book(self) -> QuoteBook: ...

    @cached_property
    def quote_table(self) -> QuoteTable:
        """Every quote of the corpus as a table to sort and filter (the quote browser's);
        ``QuotesNotRead`` until ``read_quotes`` has run."""
        # Imported here: opening a corpus and its first screen do without the quote table.
        from peskovtui.library.quote_table import QuoteTable

        # The table holds every quote while the library lives (some 700 bytes a quote): the
        # browser sorts and filters them all at each keystroke. The book holds the same ones,
        # so that the panel's list of every quote does not read a second copy.
        book = self._quote_book
        return QuoteTable(book.hold_every_quote(), self._by_id, book.aliases)
