"""The messages of the app: what workers report back, and what the palette asks for.

Workers never touch widgets: they post one of these and the main screen acts on it. Palette
commands post one too, so that the providers need not know the screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

from peskovtui.library import ListFilter, Order, ReaderView
from peskovtui.quotes import Quote
from peskovtui.search import Progress, SearchResults

if TYPE_CHECKING:
    from peskovtui.library import QuoteBook


@dataclass
class SearchDone(Message):
    """A search finished: its results, or the one sentence that says what was wrong."""

    query: str
    results: SearchResults | None
    error: str | None = None
    waiting: bool = False


@dataclass
class IndexProgress(Message):
    """The index build advanced: the phase under way and how much of it is done."""

    progress: Progress


@dataclass
class IndexReady(Message):
    """The index is ready (or could not be made), with what the user should be told."""

    notices: tuple[str, ...]
    error: str | None = None


@dataclass
class QuotesReady(Message):
    """The quotes of the whole corpus have been read."""

    quotes: QuoteBook


@dataclass
class QuotesFailed(Message):
    """The corpus-wide pass over the quotes failed."""

    error: str


@dataclass
class ViewReady(Message):
    """Everything the reader shows of an article for a query: its quotes and matches."""

    view: ReaderView


@dataclass
class OpenArticle(Message):
    """Open this article, as a jump that escape walks back."""

    article_id: str


@dataclass
class OpenQuote(Message):
    """Jump to this quote."""

    quote: Quote


@dataclass
class ShowSpeaker(Message):
    """List this speaker's quotes across the corpus."""

    speaker: str


@dataclass
class HitsFetched(Message):
    """More hits of the listed query were fetched (a page, or every one), or what went wrong."""

    query: str
    results: SearchResults | None
    error: str | None = None


@dataclass
class SortList(Message):
    """List the documents in this order."""

    order: Order


@dataclass
class FilterList(Message):
    """List only the documents this filter keeps."""

    list_filter: ListFilter
