"""The core of the main screen: the Library, the state holders, and the article on show.

The main screen's handlers are grouped by concern, each in its own module on top of this one:
the search session (``searching``), the quote browser and versions (``quote_browsing``),
copying (``copying``), the jump history and escape (``jumps``) and the background work
(``background``). What they share lives here: showing an article at once and letting a worker
find the rest, the list of every article, and the reader's status line.
"""

from __future__ import annotations

from textual import on, work
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.worker import get_current_worker

from peskovtui.corpus import Article
from peskovtui.display import visible_controls
from peskovtui.errors import PeskovError
from peskovtui.library import Library, ReaderView
from peskovtui.ui.listing import DocumentListing
from peskovtui.ui.messages import ViewReady
from peskovtui.ui.state import (
    ArticleQuotes,
    Jump,
    JumpHistory,
    QuoteBrowser,
    Readiness,
    SearchSession,
    match_counter,
    match_step,
    reader_status,
)
from peskovtui.ui.widgets.article_list import ArticleList
from peskovtui.ui.widgets.quotes_panel import QuotesPanel
from peskovtui.ui.widgets.reader import Reader
from peskovtui.ui.widgets.search_bar import QueryInput, SearchBar


class ReadingScreen(Screen[None]):
    """The Library, what the screen remembers, and the article in the reader."""

    # Until the first frame is drawn, the article's view (its quotes, its matches) is not
    # looked for: finding it loads the quote extractor, which would take the CPU from the first
    # frame. The article shown meanwhile waits here (its id and the query).
    _first_frame_drawn = False
    _view_waiting: tuple[str, str] | None = None

    def __init__(self, library: Library, history: list[str]) -> None:
        super().__init__()
        self.library = library
        self.history = history
        self.search = SearchSession()
        self.jumps = JumpHistory()
        self.browser = QuoteBrowser()
        self.quotes_here = ArticleQuotes()
        self.ready = Readiness()
        self.listing = DocumentListing()

    # -- the views ----------------------------------------------------------------------------

    @property
    def reader(self) -> Reader:
        """The reading pane."""
        return self.query_one(Reader)

    @property
    def article_list(self) -> ArticleList:
        """The document list."""
        return self.query_one(ArticleList)

    @property
    def quotes_panel(self) -> QuotesPanel:
        """The quotes panel."""
        return self.query_one(QuotesPanel)

    @property
    def search_bar(self) -> SearchBar:
        """The search bar."""
        return self.query_one(SearchBar)

    @property
    def typed_query(self) -> str:
        """The query in the search bar now."""
        return self.query_one(QueryInput).value.strip()

    def focus_now(self, widget: Widget) -> None:
        """Focus ``widget`` at once, so that keys typed right after go to it."""
        self.set_focus(widget)

    def action_focus_pane(self, pane: str) -> None:
        # Below NARROW columns the documents and the quotes take turns: focusing one shows it.
        self.set_class(pane == "quotes", "-show-quotes")
        self.focus_now(self.query_one(f"#{pane}"))

    def relist(self, *, keep: str | None = None) -> None:
        """Show the document list in its order and filter (``ListingHandlers``)."""
        raise NotImplementedError

    def show_quotes(self) -> None:
        """List in the quotes panel what the quote browser asks for (``QuoteHandlers``)."""
        raise NotImplementedError

    # -- the article in the reader ------------------------------------------------------------

    @on(ArticleList.Highlighted, "#articles")
    def _article_highlighted(self, event: ArticleList.Highlighted) -> None:
        article = self.article_list.current
        if article is not None and article is not self.reader.article:
            self.show(article)

    @on(ArticleList.Chosen, "#articles")
    def _article_chosen(self, event: ArticleList.Chosen) -> None:
        self.focus_now(self.reader)

    def show(self, article: Article) -> None:
        """Show ``article`` at once with what is known of it; a worker finds the rest (its
        quotes, the query's matches) and the reader takes them when they come."""
        reader = self.reader
        try:
            quotes = self.library.known_article_quotes(article.id)
        except PeskovError:
            quotes = []
        matches = self.search.known_matches(article.id)
        self.quotes_here.open(quotes)
        known = ReaderView(article, self.search.query, tuple(quotes or ()), None)
        reader.show_article(
            article,
            quotes=known.quote_ranges,
            speakers=known.mention_ranges,
            matches=matches or (),
        )
        reader.border_title = Content(visible_controls(article.title or article.id))
        if quotes is None or matches is None:
            if self._first_frame_drawn:
                self.load_view(article.id, self.search.query)
            else:
                self._view_waiting = (article.id, self.search.query)
        self.update_status()
        if not self.browser.corpus_wide:
            self.show_quotes()

    def first_frame_drawn(self) -> None:
        """The first frame is on screen: find the view of the article it shows."""
        self._first_frame_drawn = True
        waiting, self._view_waiting = self._view_waiting, None
        if waiting is not None:
            self.load_view(*waiting)

    @work(thread=True, exclusive=True, group="view")
    def load_view(self, article_id: str, query: str) -> None:
        """Find an article's quotes and the query's matches in it, in a thread."""
        try:
            view = self.library.reader_view(article_id, query)
        except PeskovError:
            return
        if not get_current_worker().is_cancelled:
            self.post_message(ViewReady(view))

    @on(ViewReady)
    def _view_ready(self, message: ViewReady) -> None:
        view = message.view
        reader = self.reader
        if reader.article is None or reader.article.id != view.article.id:
            return  # the reader has moved on
        if self.quotes_here.take(view):
            reader.set_quotes(view.quote_ranges, view.mention_ranges)
            if not self.browser.corpus_wide:
                self.show_quotes()
        matches = self.search.view_matches(view)
        if matches is not None:
            if list(reader.matches) != list(matches):
                reader.set_matches(matches)
            step = self.quotes_here.take_step()
            target = match_step(None, len(reader.matches), step) if step else None
            if target is not None:
                reader.go_to_match(target)
        self.update_status()

    def open_article(self, article_id: str) -> None:
        """Open ``article_id`` in the reader (listing it if the list shows other articles)."""
        article = self.library.article(article_id)
        articles = self.article_list
        if not articles.select_id(article.id):
            self.jumps.forget_search()
            self.clear_search()
            articles.select_id(article.id)
        if self.reader.article is not article:
            self.show(article)

    def where_now(self) -> Jump | None:
        """The reader's article and scroll position now."""
        reader = self.reader
        if reader.article is None:
            return None
        return Jump(reader.article.id, reader.scroll_offset.y)

    def clear_search(self, *, keep_input: bool = False) -> None:
        """No search: every article listed, no match highlighted."""
        self.search.clear()
        bar = self.search_bar
        if not keep_input:
            bar.input.value = ""
        bar.set_status("")
        current = self.reader.article
        self.listing.end_search()
        self.relist(keep=current.id if current else None)
        self.reader.set_matches(())
        self.update_status()

    def update_status(self) -> None:
        """Say under the reader where it is: the match, the version, the paragraph and who
        speaks in it."""
        reader = self.reader
        article = reader.article
        match = match_counter(reader.matches, reader.current_match) if self.search.active else None
        paragraph: int | None = None
        speakers: list[str] = []
        if article is not None and article.paragraphs:
            paragraph = reader.current_paragraph
            speakers = self.quotes_here.speakers_in(article, paragraph)
        status = reader_status(match, self.browser.counter(), paragraph, speakers)
        reader.border_subtitle = Content(visible_controls(status))

    @on(Reader.ParagraphChanged)
    def _paragraph_changed(self) -> None:
        self.update_status()
