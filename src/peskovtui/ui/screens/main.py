"""The main screen: search bar, document list, reader and quotes panel, and their keys.

It asks the Library, runs slow calls in thread workers and takes their results back as
messages (``peskovtui.ui.messages``); what it remembers between keys lives in plain state
holders (``peskovtui.ui.state``). Workers never touch widgets.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Footer, Header, Input, Label, ProgressBar
from textual.worker import get_current_worker

from peskovtui.citation import as_markdown, as_plain
from peskovtui.corpus import Article
from peskovtui.display import counted, visible_controls
from peskovtui.errors import PeskovError
from peskovtui.library import Library
from peskovtui.quotes import CorpusQuotes, Quote
from peskovtui.search import IndexBuilding, Progress, SearchCancelled
from peskovtui.ui.clipboard import copy_with_system_tool
from peskovtui.ui.commands import ArticleCommands, QuoteCommands, SpeakerCommands
from peskovtui.ui.messages import (
    IndexProgress,
    IndexReady,
    OpenArticle,
    OpenQuote,
    QuotesFailed,
    QuotesReady,
    SearchDone,
    ShowSpeaker,
    ViewReady,
)
from peskovtui.ui.settings import save_history
from peskovtui.ui.state import (
    Jump,
    JumpHistory,
    QuoteBrowser,
    SearchSession,
    by_date,
    match_counter,
    mention_ranges,
    paragraph_speakers,
    result_status,
)
from peskovtui.ui.widgets.article_list import ArticleList
from peskovtui.ui.widgets.quotes_panel import QuoteRow, QuotesPanel
from peskovtui.ui.widgets.reader import Reader
from peskovtui.ui.widgets.search_bar import QueryInput, SearchBar

if TYPE_CHECKING:
    from textual import events

Range = tuple[int, int]

SEARCH_DELAY = 0.05
# Exact match ranges cost about a millisecond an article, so the list holds the best hits only.
SEARCH_LIMIT = 200
# Ranges for the best hits come with the results; the others' when they are opened.
RANGED_HITS = 20


class MainScreen(Screen[None]):
    """Read, search and cite: the screen the app opens on."""

    COMMANDS: ClassVar = {ArticleCommands, QuoteCommands, SpeakerCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        # Keys that move the focus are priority bindings: the move happens before the keys
        # typed right after it are delivered, so "/evidence" typed fast lands in the search
        # bar. A printable one typed into the search bar is text (see check_action).
        Binding("slash", "search", "Search", id="app.search", priority=True),
        Binding("n", "next_match", "Next match", id="app.next_match"),
        Binding("N", "previous_match", "Prev match", key_display="N", id="app.previous_match"),
        Binding("y", "copy(False)", "Copy", id="app.copy"),
        Binding("Y", "copy(True)", "Copy as Markdown", key_display="Y", id="app.copy_markdown"),
        Binding(
            "1",
            "focus_pane('articles')",
            "Documents",
            show=False,
            id="app.focus_articles",
            priority=True,
        ),
        Binding(
            "2", "focus_pane('reader')", "Reader", show=False, id="app.focus_reader", priority=True
        ),
        Binding(
            "3", "focus_pane('quotes')", "Quotes", show=False, id="app.focus_quotes", priority=True
        ),
        Binding("v", "version(1)", "Next version", show=False, id="app.next_version"),
        Binding("V", "version(-1)", "Prev version", show=False, id="app.previous_version"),
        Binding("a", "toggle_corpus_quotes", "All/article quotes", show=False, id="app.all_quotes"),
        Binding("f", "toggle_fragments", "Show/hide fragments", show=False, id="app.fragments"),
        Binding("escape", "back", "Back", id="app.back", priority=True),
        Binding(
            "enter",
            "submit_query",
            "Go to the results",
            show=False,
            id="app.submit_query",
            priority=True,
        ),
    ]

    def __init__(self, library: Library, history: list[str]) -> None:
        super().__init__()
        self.library = library
        self.history = history
        self.search = SearchSession()
        self.jumps = JumpHistory()
        self.browser = QuoteBrowser()
        self._by_date = by_date(library.articles)
        self._search_timer: Timer | None = None
        self._corpus: CorpusQuotes | None = None
        self._quote_counts: dict[str, int] | None = None
        # The quotes of the article in the reader; None while a worker finds them.
        self._quotes_here: list[Quote] | None = None
        # A step (n/N) into an article whose matches are still being found.
        self._step_on_view = 0
        self._index_ready = False
        self._index_ended = False
        self._quotes_ended = False

    # -- layout -------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header(icon="❝")
        yield SearchBar(self.history, id="search")
        with Horizontal(id="main"):
            yield ArticleList(id="articles")
            yield Reader(id="reader")
            yield QuotesPanel(id="quotes")
        with Horizontal(id="index-progress"):
            yield Label(id="index-phase")
            yield ProgressBar(show_eta=True)
        yield Footer()

    @property
    def _corpus_name(self) -> str:
        return visible_controls(self.library.name)

    def on_mount(self) -> None:
        self.sub_title = f"{self._corpus_name} · {counted(len(self.library.articles), 'article')}"
        self.query_one(ArticleList).border_title = Content("Documents")
        self.query_one(Reader).border_title = Content("Reader")
        articles = self.query_one(ArticleList)
        articles.show(self._by_date)
        self.focus_now(articles)
        # Background work starts once the first screen is up, so that it never delays it.
        self.call_after_refresh(self.build_index)
        self.call_after_refresh(self.load_corpus_quotes)

    @property
    def background_ended(self) -> bool:
        """Whether the index build and the pass over the corpus's quotes have ended, done or
        failed."""
        return self._index_ended and self._quotes_ended

    # -- the document list and the reader -----------------------------------------------------

    @on(ArticleList.Highlighted, "#articles")
    def _article_highlighted(self, event: ArticleList.Highlighted) -> None:
        article = self.query_one(ArticleList).current
        if article is not None and article is not self.query_one(Reader).article:
            self._show(article)

    @on(ArticleList.Chosen, "#articles")
    def _article_chosen(self, event: ArticleList.Chosen) -> None:
        self.focus_now(self.query_one(Reader))

    def _show(self, article: Article) -> None:
        """Show ``article`` at once with what is known of it; a worker finds the rest (its
        quotes, the query's matches) and the reader takes them when they come."""
        reader = self.query_one(Reader)
        try:
            quotes = self.library.known_article_quotes(article.id)
        except PeskovError:
            quotes = []
        matches = self.search.known_matches(article.id)
        self._quotes_here = quotes
        self._step_on_view = 0
        reader.show_article(
            article,
            quotes=[(q.start, q.end) for q in quotes or ()],
            speakers=mention_ranges(quotes or ()),
            matches=matches or (),
        )
        reader.border_title = Content(visible_controls(article.title or article.id))
        if quotes is None or matches is None:
            self.load_view(article.id, self.search.query)
        self._update_counter()
        if not self.browser.corpus_wide:
            self._show_quotes()

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
        reader = self.query_one(Reader)
        if reader.article is None or reader.article.id != view.article.id:
            return  # the reader has moved on
        if self._quotes_here is None:
            self._quotes_here = list(view.quotes)
            reader.set_quotes(view.quote_ranges, view.mention_ranges)
            if not self.browser.corpus_wide:
                self._show_quotes()
        if view.query == self.search.query and view.matches is not None and view.query:
            if list(reader.matches) != list(view.matches):
                reader.set_matches(view.matches)
            step, self._step_on_view = self._step_on_view, 0
            if step and reader.matches:
                reader.go_to_match(0 if step > 0 else len(reader.matches) - 1)
        self._update_counter()

    def open_article(self, article_id: str) -> None:
        """Open ``article_id`` in the reader (listing it if the list shows other articles)."""
        article = self.library.article(article_id)
        articles = self.query_one(ArticleList)
        if not articles.select_id(article.id):
            self.jumps.forget_search()
            self._clear_search()
            articles.select_id(article.id)
        if self.query_one(Reader).article is not article:
            self._show(article)

    @on(OpenArticle)
    def go_to_article(self, message: OpenArticle) -> None:
        """Open an article as a jump that escape walks back."""
        here = self._here()
        if here is not None and here.article_id != message.article_id:
            self.jumps.push(here)
        self.open_article(message.article_id)

    def _here(self) -> Jump | None:
        """The reader's article and scroll position now."""
        reader = self.query_one(Reader)
        if reader.article is None:
            return None
        return Jump(reader.article.id, reader.scroll_offset.y)

    def _go_back_to(self, jump: Jump) -> None:
        self.browser.forget()
        self.open_article(jump.article_id)
        self.query_one(Reader).scroll_to(y=jump.scroll_y, animate=False)
        self._update_counter()

    # -- search -------------------------------------------------------------------------------

    def action_search(self) -> None:
        focused = self.focused
        self.jumps.begin_search(
            self._here(),
            focused.id if focused is not None and not isinstance(focused, Input) else None,
        )
        self.focus_now(self.query_one(QueryInput))

    def _end_search(self) -> None:
        """Clear the search and take the reader back to where it was when the search began."""
        origin = self.jumps.end_search()
        self._clear_search()
        if origin is None:
            return
        if origin.jump is not None:
            self._go_back_to(origin.jump)
        self.focus_now(self.query_one(f"#{origin.focus or 'articles'}"))

    @on(Input.Changed, "#query")
    def _query_changed(self, event: Input.Changed) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
        query = event.value.strip()
        if not query:
            self._clear_search(keep_input=True)
            return
        self._search_timer = self.set_timer(SEARCH_DELAY, lambda: self.run_search(query))

    def action_submit_query(self) -> None:
        # A binding rather than Input.Submitted: the focus moves before the keys typed right
        # after enter are delivered, so they go to the results, not into the query.
        query = self.query_one(QueryInput).value.strip()
        if self._search_timer is not None:
            self._search_timer.stop()
        if query and query != self.search.query:
            self.run_search(query)
        self.query_one(SearchBar).remember(query)
        save_history(self.history)
        self.focus_now(self.query_one(ArticleList))

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
        bar = self.query_one(SearchBar)
        if message.query != bar.input.value.strip():
            return  # a stale answer to a query the user has since changed
        if message.results is None:
            bar.set_status(message.error or "", error=not message.waiting)
            if not message.waiting:
                # A step taken while the index is still building waits for its results.
                self.search.refuse(message.query)
            return
        if not self.search.accept(message.query, message.results):
            return  # a second answer to the query shown: keep the reader where it is
        results = message.results
        articles = self.query_one(ArticleList)
        hits = [self.library.article(h.article_id) for h in results.hits]
        current = self.query_one(Reader).article
        articles.show(
            hits,
            matches={h.article_id: h.match_count for h in results.hits if h.ranged},
            keep=current.id if current else None,
        )
        notice = f" · {results.notices[0]}" if results.notices else ""
        bar.set_status(result_status(results, len(hits)) + notice)
        shown = articles.current
        if shown is not None:
            if shown is current:
                known = self.search.known_matches(shown.id)
                self.query_one(Reader).set_matches(known or ())
                if known is None:
                    self.load_view(shown.id, self.search.query)
                self._update_counter()
            else:
                self._show(shown)
        step = self.search.take_step()
        if step:
            self._step_match(step)

    def search_answered(self, query: str) -> bool:
        """Whether the answer to ``query`` (its results, or what is wrong with it) is shown."""
        return self.search.answered == query.strip()

    def _clear_search(self, *, keep_input: bool = False) -> None:
        self.search.clear()
        bar = self.query_one(SearchBar)
        if not keep_input:
            bar.input.value = ""
        bar.set_status("")
        current = self.query_one(Reader).article
        self.query_one(ArticleList).show(self._by_date, keep=current.id if current else None)
        self.query_one(Reader).set_matches(())
        self._update_counter()

    def action_next_match(self) -> None:
        self._step_match(1)

    def action_previous_match(self) -> None:
        self._step_match(-1)

    def _step_match(self, step: int) -> None:
        typed = self.query_one(QueryInput).value.strip()
        if typed and typed != self.search.query:
            # Its results are on the way: the step is taken when they arrive.
            self.search.pending_step = step
            return
        if not self.search.active:
            self.app.notify("No search: press / to search.", timeout=3)
            return
        reader = self.query_one(Reader)
        matches = reader.matches
        current = reader.current_match
        target = (0 if step > 0 else len(matches) - 1) if current is None else current + step
        if 0 <= target < len(matches):
            reader.go_to_match(target)
        else:
            # Past the last match of this article: on to the next article of the results.
            articles = self.query_one(ArticleList)
            if not articles.row_count():
                return
            here = self._here()
            articles.cursor = (articles.cursor + step) % articles.row_count()
            article = articles.current
            if article is None:
                return
            if article is not reader.article:
                self.jumps.push(here)
                self._show(article)
            if reader.matches:
                reader.go_to_match(0 if step > 0 else len(reader.matches) - 1)
            elif self.search.known_matches(article.id) is None:
                self._step_on_view = step  # taken when its matches are found
        self._update_counter()

    def _update_counter(self) -> None:
        reader = self.query_one(Reader)
        parts: list[str] = []
        if self.search.active:
            parts.append(match_counter(reader.matches, reader.current_match))
        if self.browser.stepping:
            parts.append(self.browser.counter())
        article = reader.article
        if article is not None and article.paragraphs:
            index = reader.current_paragraph
            speakers = paragraph_speakers(article, self._quotes_here or (), index)
            names = f": {', '.join(speakers)}" if speakers else ""
            parts.append(f"¶ {index + 1}{names}")
        reader.border_subtitle = Content(visible_controls(" · ".join(parts)))

    @on(Reader.ParagraphChanged)
    def _paragraph_changed(self) -> None:
        self._update_counter()

    # -- quotes -------------------------------------------------------------------------------

    def _show_quotes(self) -> None:
        panel = self.query_one(QuotesPanel)
        browser = self.browser
        if browser.corpus_wide:
            if self._corpus is None:
                panel.show([], corpus_wide=True, heading=browser.heading(reading=True))
                return
            quotes: Iterable[Quote] = self.library.quotes(
                speaker=browser.speaker, include_fragments=browser.fragments
            )
        else:
            if self.query_one(Reader).article is None:
                return
            quotes = [q for q in self._quotes_here or () if browser.keeps(q)]
        panel.show(
            self._rows(quotes),
            corpus_wide=browser.corpus_wide,
            heading=browser.heading(finding=self._quotes_here is None),
        )

    def _rows(self, quotes: Iterable[Quote]) -> list[QuoteRow]:
        rows = []
        for quote in quotes:
            article = self.library.article(quote.article_id or "")
            others = self.library.other_versions(quote) if self._corpus is not None else []
            also = len({v.article_id for v in others if v.article_id != article.id})
            repeated = any(v.article_id == article.id for v in others)
            rows.append(QuoteRow(quote, article, also, repeated))
        return rows

    @on(QuotesPanel.Chosen, "#quotes")
    def _quote_chosen(self, event: QuotesPanel.Chosen) -> None:
        row = self.query_one(QuotesPanel).current
        if row is not None:
            self.jump_to_quote(row.quote)

    @on(OpenQuote)
    def _open_quote(self, message: OpenQuote) -> None:
        self.jump_to_quote(message.quote)

    def jump_to_quote(self, quote: Quote, *, diffs: Sequence[Range] = ()) -> None:
        """Open the quote's article, centre the quote and mark exactly its words."""
        reader = self.query_one(Reader)
        self.jumps.push(self._here())
        self.open_article(quote.article_id or "")
        reader.mark(quote.start, quote.end, diffs=diffs)
        # The panel's cursor follows the quote on screen, so that y copies what is marked.
        self.query_one(QuotesPanel).select_quote(quote)
        if not diffs:
            versions = (
                self.library.other_versions(quote, include_self=True)
                if self._corpus is not None
                else []
            )
            self.browser.choose(quote, versions)
        self._update_counter()

    def action_version(self, step: int) -> None:
        if not self.browser.stepping:
            self.app.notify("This quote is not reported anywhere else.", timeout=3)
            return
        previous, quote = self.browser.step(step)
        self.jump_to_quote(quote, diffs=self.library.wording_differences(previous, quote))

    def action_toggle_corpus_quotes(self) -> None:
        self.browser.toggle_corpus()
        self._show_quotes()

    def action_toggle_fragments(self) -> None:
        self.browser.fragments = not self.browser.fragments
        self.app.notify(
            "Showing fragments (three words or fewer)."
            if self.browser.fragments
            else "Hiding fragments.",
            timeout=3,
        )
        self._show_quotes()

    @on(ShowSpeaker)
    def _show_speaker(self, message: ShowSpeaker) -> None:
        """Show the quotes of one speaker across the corpus."""
        self.browser.show_speaker(message.speaker)
        self.action_focus_pane("quotes")
        self._show_quotes()

    def speaker_counts(self) -> list[tuple[str, int]]:
        """Speakers with their quote counts, for the palette (empty until quotes are read)."""
        if self._corpus is None:
            return []
        # Counted by the panel's rule, so that the count is the number of rows it lists.
        speakers = self.library.speakers(include_fragments=self.browser.fragments)
        return [(s.speaker, s.quotes) for s in speakers]

    def quote_rows_for_palette(self) -> Sequence[QuoteRow]:
        """The quotes the palette offers: the whole corpus once read, else this article's."""
        if self._corpus is None:
            return self._rows(self._quotes_here or ())
        return self._rows(self.library.quotes())

    # -- background work ----------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="index")
    def build_index(self) -> None:
        """Open or refresh the search index, reporting progress."""

        def progress(progress: Progress) -> None:
            self.post_message(IndexProgress(progress))

        try:
            report = self.library.refresh_index(progress=progress)
        except PeskovError as error:
            self.post_message(IndexReady((), str(error)))
            return
        except Exception as error:  # the app goes on without search rather than stop
            self.log.error("index", repr(error))
            self.post_message(IndexReady((), f"Search is unavailable: {error}."))
            return
        self.post_message(IndexReady(report.notices))

    @on(IndexProgress)
    def _index_progress(self, message: IndexProgress) -> None:
        progress = message.progress
        self.query_one("#index-progress").add_class("-active")
        label = f"{progress.phase} {progress.count}".rstrip()
        self.query_one("#index-phase", Label).update(Text(label))
        self.query_one(ProgressBar).update(total=progress.total, progress=progress.done)

    @on(IndexReady)
    def _index_done(self, message: IndexReady) -> None:
        self._index_ready = message.error is None
        self._index_ended = True
        self.query_one("#index-progress").remove_class("-active")
        for notice in message.notices:
            self.app.notify(notice, timeout=6, markup=False)
        if message.error:
            self.app.notify(message.error, severity="error", timeout=10, markup=False)
        query = self.query_one(SearchBar).input.value.strip()
        if query and self._index_ready:
            self.run_search(query)

    @work(thread=True, exclusive=True, group="quotes")
    def load_corpus_quotes(self) -> None:
        """Read the quotes of the whole corpus in the background."""
        try:
            quotes = self.library.read_quotes()
        except Exception as error:  # each article's own quotes still show
            self.log.error("quotes", repr(error))
            self.post_message(QuotesFailed(f"The quotes of the corpus could not be read: {error}."))
            return
        self.post_message(QuotesReady(quotes))

    @on(QuotesFailed)
    def _quotes_failed(self, message: QuotesFailed) -> None:
        self._quotes_ended = True
        self.app.notify(message.error, severity="error", timeout=10, markup=False)

    @on(QuotesReady)
    def _quotes_ready(self, message: QuotesReady) -> None:
        self._corpus = message.quotes
        self._quotes_ended = True
        counts = self.library.quote_counts()
        self.sub_title = (
            f"{self._corpus_name} · {counted(len(self.library.articles), 'article')} · "
            f"{counted(sum(counts.values()), 'quote')}"
        )
        self.query_one(ArticleList).set_quote_counts(counts)
        article = self.query_one(Reader).article
        if article is not None:
            # Speakers are now named alike across the corpus.
            self._quotes_here = self.library.known_article_quotes(article.id)
            self._update_counter()
        self._show_quotes()

    # -- copying ------------------------------------------------------------------------------

    def action_copy(self, markdown: bool) -> None:
        focused = self.focused
        panel = self.query_one(QuotesPanel)
        target = (panel if focused is panel else self.query_one(Reader)).copy_target()
        if target is None:
            self.app.notify("Nothing to copy here.", severity="warning", timeout=3)
            return
        quote = target.quote
        if quote is not None:
            # Stepped with v/V: the version on screen is the one marked.
            quote = self.browser.on_screen(quote)
            citation = self.library.cite(
                quote.article_id or "", quote.start, quote.end, speaker=quote.speaker, quote=True
            )
        else:
            citation = self.library.cite(target.article_id, target.start, target.end)
        text = as_markdown(citation) if markdown else as_plain(citation)
        self.app.copy_to_clipboard(text)
        self.copy_to_system_clipboard(text)
        form = "as Markdown " if markdown else ""
        self.app.notify(
            f"Copied {target.what} {form}with its citation "
            f"({counted(len(citation.passage), 'character')}).",
            timeout=4,
            markup=False,
        )

    @work(thread=True, group="clipboard")
    def copy_to_system_clipboard(self, text: str) -> None:
        """Also hand the text to the system clipboard tool, when there is one."""
        copy_with_system_tool(text)

    # -- focus and back -----------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Enter is the search bar's only while it has the focus; a printable key typed into
        the search bar is text (``9/11``, ``and/or``), never a command."""
        if action == "submit_query":
            return isinstance(self.focused, QueryInput)
        key: events.Key | None = getattr(self.app, "key_in_hand", None)
        return not (key is not None and key.is_printable and isinstance(self.focused, Input))

    def focus_now(self, widget: Widget) -> None:
        """Focus ``widget`` at once, so that keys typed right after go to it."""
        self.set_focus(widget)

    def action_focus_pane(self, pane: str) -> None:
        # Below NARROW columns the documents and the quotes take turns: focusing one shows it.
        self.set_class(pane == "quotes", "-show-quotes")
        self.focus_now(self.query_one(f"#{pane}"))

    def action_back(self) -> None:
        """One step back: out of the search bar (to where the search began), the folded
        quotes panel, the last jump, and finally the search itself."""
        if isinstance(self.focused, Input):
            self._end_search()
            return
        if self.has_class("-show-quotes") and self.has_class("-narrow"):
            self.remove_class("-show-quotes")
            self.focus_now(self.query_one(Reader))
            return
        jump = self.jumps.step_back()
        if jump is not None:
            self._go_back_to(jump)
        elif self.search.active or self.jumps.origin is not None:
            self._end_search()

    def help_nodes(self) -> list[tuple[str, Widget | Screen[None]]]:
        """Where each group of keys works, for the help screen."""
        return [
            ("anywhere", self),
            ("documents", self.query_one(ArticleList)),
            ("reader", self.query_one(Reader)),
            ("quotes", self.query_one(QuotesPanel)),
            ("search bar", self.query_one(QueryInput)),
        ]
