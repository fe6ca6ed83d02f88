"""The document list's order and filter (``s``, ``F`` and the palette), and the search results
fetched as the list is scrolled: the first page comes with the search (``searching``), the next
ones in a worker when the user comes within two pages of the end, and every hit at once when the
results are sorted other than by relevance or filtered, so that the order and the counts are
those of all the hits, not of a page.
"""

from __future__ import annotations

from textual import on, work
from textual.content import Content
from textual.worker import get_current_worker

from peskovtui.corpus import Article
from peskovtui.display import visible_controls
from peskovtui.errors import PeskovError
from peskovtui.library import (
    ORDER_NAMES,
    ListFilter,
    Order,
    arrange,
    extended,
    outlet_counts,
)
from peskovtui.search import SearchCancelled
from peskovtui.ui.listing import listed_count, results_status
from peskovtui.ui.messages import FilterList, HitsFetched, SortList
from peskovtui.ui.screens.reading import ReadingScreen
from peskovtui.ui.widgets.article_list import ArticleList

# Hits fetched at a time as the list is scrolled (the first page is ``SEARCH_LIMIT``).
SEARCH_PAGE = 200


class ListingHandlers(ReadingScreen):
    """``s`` (sort), ``F`` (facets), their palette commands, and the results' next pages."""

    # The facets screen waits for every hit of the results, to count them all.
    _facets_waiting = False

    # -- what the list shows --------------------------------------------------------------------

    def listed_base(self) -> list[Article]:
        """What the list orders and filters: the corpus, or the hits fetched (with the article
        kept from a scan's results, see ``searching``)."""
        results = self.search.results
        if not self.search.active or results is None:
            return list(self.library.articles)
        base = [self.library.article(hit.article_id) for hit in results.hits]
        kept = self.listing.kept
        if kept and all(a.id != kept for a in base):
            base.append(self.library.article(kept))
        return base

    def relist(self, *, keep: str | None = None) -> None:
        """Show the list in its order and filter, ``keep`` under the cursor if listed."""
        searching = self.search.active
        base = self.listed_base()
        order = self.listing.current(searching=searching)
        counts = self.library.quote_counts() if order == "quotes" else None
        shown = arrange(base, order, self.listing.filter, counts)
        results = self.search.results if searching else None
        matches = None
        if results is not None:
            matches = {h.article_id: h.match_count for h in results.hits if h.ranged}
        self.article_list.show(shown, matches=matches, keep=keep)
        self.label_list()

    def label_list(self) -> None:
        """Say on the list's border its order, its filter and how many of how many it lists;
        while searching, say it in the search bar too."""
        articles = self.article_list
        searching = self.search.active
        listing = self.listing
        title = listing.title(searching=searching)
        articles.border_title = Content(visible_controls(title))
        results = self.search.results if searching else None
        listed = articles.row_count()
        filtered = listing.filter.active
        of = results.total if results is not None else len(self.library.articles)
        articles.border_subtitle = listed_count(listed, of, searching=searching, filtered=filtered)
        if results is None:
            return
        complete = listing.complete == self.search.query
        notice = f" · {results.notices[0]}" if results.notices else ""
        described = listing.filter.describe()
        status = results_status(results, listed, complete=complete, filtered=described)
        self.search_bar.set_status(visible_controls(status) + notice)

    def _current_id(self) -> str | None:
        article = self.reader.article
        return article.id if article is not None else None

    # -- sorting --------------------------------------------------------------------------------

    def action_sort(self) -> None:
        searching = self.search.active
        natural = self.listing.following(searching=searching)
        if natural == "quotes" and not self.ready.corpus_read:
            self.app.notify(self._no_quote_counts("passed over"), timeout=4, markup=False)
            natural = self.listing.following(searching=searching, skip="quotes")
        self.sort_by(natural)

    def _no_quote_counts(self, what: str) -> str:
        if self.ready.quotes_ended:
            why = "the corpus's quotes could not be read"
        else:
            why = "the corpus's quotes are still being read"
        return f"Sorting by quote count is {what}: {why}."

    def sort_by(self, order: Order) -> None:
        """List in ``order``; an order that cannot be had now says why and changes nothing."""
        searching = self.search.active
        if order == "quotes" and not self.ready.corpus_read:
            current = ORDER_NAMES[self.listing.current(searching=searching)]
            message = self._no_quote_counts("not possible yet")
            self.app.notify(f"{message} The list stays by {current}.", timeout=5, markup=False)
            return
        if order == "relevance" and not searching:
            self.app.notify("Relevance is the order of search results: search first (/).")
            return
        self.listing.choose(order, searching=searching)
        # The top of the new order is what the user asked to see; a filter, by contrast,
        # keeps the article read when it is still listed.
        self.relist()
        self.fetch_if_wanted()

    @on(SortList)
    def _sort_asked(self, message: SortList) -> None:
        self.sort_by(message.order)

    # -- filtering ------------------------------------------------------------------------------

    def action_filter(self) -> None:
        if self.search.active and not self._all_fetched():
            # The counts are of every hit: the facets open once they are all fetched.
            self._facets_waiting = True
            self.fetch_hits_of_listed(every=True)
            return
        self._open_facets()

    def _open_facets(self) -> None:
        from peskovtui.ui.screens.facets import FacetsScreen  # the first screen has none

        self._facets_waiting = False
        what = "the search results" if self.search.active else "the corpus"
        screen = FacetsScreen(self.listed_base(), self.listing.filter, what)
        self.app.push_screen(screen, self._facets_chosen)

    def _facets_chosen(self, chosen: ListFilter | None) -> None:
        if chosen is not None:
            self.filter_by(chosen)

    def filter_by(self, list_filter: ListFilter) -> None:
        """List only what ``list_filter`` keeps (of the corpus, or of the search results)."""
        self.listing.filter = list_filter
        self.relist(keep=self._current_id())
        self.fetch_if_wanted()
        if list_filter.active and not self.article_list.row_count():
            self.app.notify("No listed article is kept by this filter.", timeout=4)

    @on(FilterList)
    def _filter_asked(self, message: FilterList) -> None:
        self.filter_by(message.list_filter)

    def listing_outlets(self) -> list[tuple[str, int]]:
        """The outlets of what the list holds (filtered by date, not outlet) with their counts,
        for the palette."""
        return outlet_counts(self.listed_base(), self.listing.filter)

    def listing_state(self) -> tuple[bool, ListFilter]:
        """Whether search results are listed, and the filter now, for the palette."""
        return self.search.active, self.listing.filter

    # -- the results' next pages ----------------------------------------------------------------

    def _all_fetched(self) -> bool:
        results = self.search.results
        if results is None:
            return True
        return self.listing.complete == self.search.query or len(results.hits) >= results.total

    def fetch_if_wanted(self) -> None:
        """Fetch every hit of the results if their order or filter needs them all."""
        if self.listing.wants_every_hit(searching=self.search.active):
            self.fetch_hits_of_listed(every=True)

    @on(ArticleList.NearEnd, "#articles")
    def _near_end(self) -> None:
        self.fetch_hits_of_listed(every=False)

    def fetch_hits_of_listed(self, *, every: bool) -> None:
        """Fetch the next page of the listed results (``every``: all of them) in a worker,
        unless they are all listed or a fetch of them is under way."""
        results = self.search.results
        query = self.search.query
        if not self.search.active or results is None or self._all_fetched():
            return
        if self.listing.fetching == query and not every:
            return
        self.listing.fetching = query
        self.fetch_hits(query, None if every else len(results.hits) + SEARCH_PAGE)

    @work(thread=True, exclusive=True, group="pages")
    def fetch_hits(self, query: str, upto: int | None) -> None:
        """The best ``upto`` hits of ``query`` (all when None), without their match ranges:
        those of the hits not listed yet are found when they are opened."""
        worker = get_current_worker()
        try:
            results = self.library.search(
                query, limit=upto, ranged=0, cancel=lambda: worker.is_cancelled
            )
        except SearchCancelled:
            return
        except PeskovError as error:
            if not worker.is_cancelled:
                self.post_message(HitsFetched(query, None, str(error)))
            return
        if not worker.is_cancelled:
            self.post_message(HitsFetched(query, results))

    @on(HitsFetched)
    def _hits_fetched(self, message: HitsFetched) -> None:
        listing = self.listing
        if listing.fetching == message.query:
            listing.fetching = ""
        listed = self.search.results
        if message.query != self.search.query or listed is None:
            return  # an answer to a query no longer listed
        fetched = message.results
        if fetched is None:
            listing.complete = message.query  # asked no more: the list stays as it is
            self.app.notify(message.error or "", severity="error", timeout=6, markup=False)
            return
        if fetched.scanned != listed.scanned:
            # The index became ready meanwhile: its own answer to the query replaces the
            # scan's list (see ``searching``), and pages are fetched from it then.
            return
        merged = extended(listed, fetched)
        if len(merged.hits) == len(listed.hits) or len(merged.hits) >= merged.total:
            listing.complete = message.query
        self.search.results = merged
        if any(hit.article_id == listing.kept for hit in merged.hits):
            listing.kept = ""
        self._show_fetched()
        if self._facets_waiting and self._all_fetched():
            self._open_facets()

    def _show_fetched(self) -> None:
        """Show the list with the hits just fetched: added below the rows in relevance order
        (where the user is scrolling), else the list arranged anew around the cursor."""
        listing = self.listing
        articles = self.article_list
        if listing.search_order == "relevance" and not listing.filter.active and not listing.kept:
            results = self.search.results
            assert results is not None
            articles.extend(
                [self.library.article(hit.article_id) for hit in results.hits],
                {h.article_id: h.match_count for h in results.hits if h.ranged},
            )
            self.label_list()
        else:
            current = articles.current
            self.relist(keep=current.id if current is not None else None)
