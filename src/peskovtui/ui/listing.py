"""What the document list remembers between keys, in plain Python: the order of the corpus's
list and of the search results, the filter on both, and what the list's border and the search
bar say of them. Tested without a terminal, like ``state``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from peskovtui.display import counted
from peskovtui.library import ListFilter, Order, next_order
from peskovtui.search import SearchResults
from peskovtui.ui.state import result_status

# What the list's border calls each order: short, the list being 24 to 48 columns wide.
BORDER_NAMES: dict[Order, str] = {
    "relevance": "by relevance",
    "newest": "newest first",
    "oldest": "oldest first",
    "title": "by title",
    "outlet": "by outlet",
    "quotes": "most quotes first",
}


@dataclass
class DocumentListing:
    """The corpus's order (newest first to begin with), the results' order (relevance for each
    new search), the filter, and the search's hits still to be fetched."""

    order: Order = "newest"
    search_order: Order = "relevance"
    filter: ListFilter = field(default_factory=ListFilter)
    # The query whose hits are being fetched (a page, or all of them), if any.
    fetching: str = ""
    # The query whose hits were all fetched, or found to end short of the total.
    complete: str = ""
    # An article listed after the hits: the one read when the index's answer replaced the
    # scan's, and ranked too low to be among the hits fetched so far.
    kept: str = ""

    def current(self, *, searching: bool) -> Order:
        """The order the list shows."""
        return self.search_order if searching else self.order

    def choose(self, order: Order, *, searching: bool) -> None:
        """List in ``order`` from now on (the results' order while searching)."""
        if searching:
            self.search_order = order
        else:
            self.order = order

    def following(self, *, searching: bool, skip: Order | None = None) -> Order:
        """The order ``s`` goes to next, past ``skip`` (an order that cannot be had now)."""
        order = next_order(self.current(searching=searching), searching=searching)
        if order == skip:
            order = next_order(order, searching=searching)
        return order

    def end_search(self) -> None:
        """No search: the next one starts in relevance order, with its hits to fetch."""
        self.search_order = "relevance"
        self.fetching = self.complete = self.kept = ""

    def new_results(self, kept: str = "") -> None:
        """Other results are listed (with ``kept`` after them): their pages are fetched
        afresh."""
        self.fetching = self.complete = ""
        self.kept = kept

    def wants_every_hit(self, *, searching: bool) -> bool:
        """Whether the results must all be fetched to be listed right: sorted other than by
        relevance, or filtered (so that the counts are of every hit, not of a page)."""
        return searching and (self.search_order != "relevance" or self.filter.active)

    def title(self, *, searching: bool) -> str:
        """The list's border title: ``Documents · newest first · CNN · 2017-01``."""
        parts = ["Documents", BORDER_NAMES[self.current(searching=searching)]]
        described = self.filter.describe()
        if described:
            parts.append(described)
        return " · ".join(parts)


def listed_count(listed: int, of: int, *, searching: bool, filtered: bool) -> str:
    """The list's border subtitle: ``3785 articles``, ``120 of 3785 articles`` (filtered),
    ``1093 found``, ``200 of 1093 found`` (filtered, or more to fetch)."""
    if searching:
        return f"{listed} found" if listed == of else f"{listed} of {of} found"
    if not filtered:
        return counted(listed, "article")
    return f"{listed} of {counted(of, 'article')}"


def results_status(results: SearchResults, listed: int, *, complete: bool, filtered: str) -> str:
    """The search bar's status for a listing: what ``state.result_status`` says of the hits,
    plus ``more as you scroll`` while hits are still to be fetched, and the filter's count."""
    fetched = len(results.hits)
    status = result_status(results, fetched)
    if not complete and fetched < results.total:
        head, dot, tail = status.partition(" · ")
        status = f"{head}, more as you scroll{dot}{tail}"
    if filtered:
        status = f"{listed} of them listed ({filtered}) · {status}"
    return status
