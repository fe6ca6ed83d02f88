"""The main screen's search session: typing a query, searching in a worker, listing the hits,
and stepping through the matches with ``n``/``N`` from one article of the results to the next.
"""

from __future__ import annotations

from textual import on, work
from textual.widgets import Input
from textual.worker import get_current_worker

from peskovtui.errors import PeskovError
from peskovtui.library import Library
from peskovtui.search import IndexBuilding, SearchCancelled
from peskovtui.ui.messages import IndexReady, SearchDone
from peskovtui.ui.screens.listing import ListingHandlers
from peskovtui.ui.settings import save_history
from peskovtui.ui.state import match_step
from peskovtui.ui.widgets.search_bar import QueryInput

# The first page of hits; the next ones are fetched as the list is scrolled (``listing``).
SEARCH_LIMIT = 200
# Ranges for the best hits come with the results; the others' when they are opened.
RANGED_HITS = 20


class SearchHandlers(ListingHandlers):
    """``/``, the query typed, enter, ``n``/``N`` and the search worker."""

    def __init__(self, library: Library, history: list[str]) -> None:
        super().__init__(library, history)
        # The query handed to the search worker last, until its answer comes.
        self._pending = ""

    def action_search(self) -> None:
        focused = self.focused
        self.jumps.begin_search(
            self.where_now(),
            focused.id if focused is not None and not isinstance(focused, Input) else None,
        )
        self.focus_now(self.query_one(QueryInput))

    @on(Input.Changed, "#query")
    def _query_changed(self, event: Input.Changed) -> None:
        query = event.value.strip()
        if not query:
            self._pending = ""
            self.clear_search(keep_input=True)
            return
        # Searched at once: a search still running for the previous key is cancelled (the
        # worker is exclusive), and stops at its next check, within a millisecond or so.
        self._pending = query
        self.run_search(query)

    def action_submit_query(self) -> None:
        # A binding rather than Input.Submitted: the focus moves before the keys typed right
        # after enter are delivered, so they go to the results, not into the query.
        query = self.typed_query
        if query and query != self.search.query and query != self._pending:
            self._pending = query
            self.run_search(query)
        self.search_bar.remember(query)
        save_history(self.history)
        self.focus_now(self.article_list)

    @on(IndexReady)
    def _search_once_indexed(self, message: IndexReady) -> None:
        """A query typed while the index was being made is searched once it is ready."""
        query = self.typed_query
        if query and message.error is None:
            self.run_search(query)

    @work(thread=True, exclusive=True, group="search")
    def run_search(self, query: str) -> None:
        """Search in a thread; a newer search supersedes this one."""
        worker = get_current_worker()
        try:
            results = self.library.search(
                query,
                limit=SEARCH_LIMIT,
                ranged=RANGED_HITS,
                # A newer search (this worker is exclusive) or quitting cancels the worker;
                # the search itself then stops at once instead of holding the index.
                cancel=lambda: worker.is_cancelled,
            )
        except SearchCancelled:
            return
        except IndexBuilding as error:
            self.post_message(SearchDone(query, None, str(error), waiting=True))
            return
        except PeskovError as error:
            if not worker.is_cancelled:
                self.post_message(SearchDone(query, None, str(error)))
            return
        if not worker.is_cancelled:
            self.post_message(SearchDone(query, results))

    @on(SearchDone)
    def _search_done(self, message: SearchDone) -> None:
        if message.query == self._pending:
            self._pending = ""
        bar = self.search_bar
        if message.query != bar.input.value.strip():
            return  # a stale answer to a query the user has since changed
        if message.results is None:
            bar.set_status(message.error or "", error=not message.waiting)
            if not message.waiting:
                # A step taken while the index is still building waits for its results.
                self.search.refuse(message.query)
            return
        # The index's answer to a query the scan answered: the reader stays where it is.
        switching = self.search.replaces_scan(message.query, message.results)
        if not self.search.accept(message.query, message.results):
            return  # a second answer to the query shown: keep the reader where it is
        results = message.results
        articles = self.article_list
        current = self.reader.article
        hits = {h.article_id for h in results.hits}
        # A hit the index ranks lower than those listed: the reader stays on it.
        kept = current.id if switching and current is not None and current.id not in hits else ""
        self.listing.new_results(kept)
        self.relist(keep=current.id if current else None)
        self.fetch_if_wanted()
        shown = articles.current
        if shown is not None:
            if shown is current:
                known = self.search.known_matches(shown.id)
                if not switching:
                    self.reader.set_matches(known or ())
                elif known is not None and list(known) != list(self.reader.matches):
                    # Unchanged matches stay as they are, the one stepped to included.
                    self.reader.set_matches(known)
                if known is None:
                    self.load_view(shown.id, self.search.query)
                self.update_status()
            else:
                self.show(shown)
        step = self.search.take_step()
        if step:
            self._step_match(step)

    def search_answered(self, query: str) -> bool:
        """Whether the answer to ``query`` (its results, or what is wrong with it) is shown."""
        return self.search.answered == query.strip()

    def action_next_match(self) -> None:
        self._step_match(1)

    def action_previous_match(self) -> None:
        self._step_match(-1)

    def _step_match(self, step: int) -> None:
        typed = self.typed_query
        if typed and typed != self.search.query:
            # Its results are on the way: the step is taken when they arrive.
            self.search.pending_step = step
            return
        if not self.search.active:
            self.app.notify("No search: press / to search.", timeout=3)
            return
        reader = self.reader
        target = match_step(reader.current_match, len(reader.matches), step)
        if target is not None:
            reader.go_to_match(target)
        elif not self._step_into_next_article(step):
            return
        self.update_status()

    def _step_into_next_article(self, step: int) -> bool:
        """Past the last match of this article: on to the next article of the results (False
        when there is none)."""
        articles = self.article_list
        if not articles.row_count():
            return False
        reader = self.reader
        here = self.where_now()
        articles.cursor = (articles.cursor + step) % articles.row_count()
        articles.check_near_end(articles.cursor)
        article = articles.current
        if article is None:
            return False
        if article is not reader.article:
            self.jumps.push(here)
            self.show(article)
        target = match_step(None, len(reader.matches), step)
        if target is not None:
            reader.go_to_match(target)
        elif self.search.known_matches(article.id) is None:
            self.quotes_here.step_on_view = step  # taken when its matches are found
        return True
