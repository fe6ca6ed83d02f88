"""The reader app: document list, search bar, reading pane and quotes panel on one screen.

The app holds no domain logic: it asks the Library, runs slow calls in thread workers, and
takes their results back as messages. Workers never touch widgets.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Footer, Header, Input, ProgressBar
from textual.worker import get_current_worker

from peskovtui.child import stop_children
from peskovtui.citation import Citation, as_markdown, as_plain, cite, cite_paragraph
from peskovtui.corpus import Article
from peskovtui.errors import PeskovError
from peskovtui.library import Library
from peskovtui.quotes import Quote
from peskovtui.search import IndexBuilding, SearchCancelled, SearchResults
from peskovtui.ui.clipboard import copy_with_system_tool
from peskovtui.ui.commands import ArticleCommands, QuoteCommands, SpeakerCommands
from peskovtui.ui.screens.help import HelpScreen, key_rows
from peskovtui.ui.settings import load_history, load_keymap, save_history
from peskovtui.ui.widgets.article_list import ArticleList
from peskovtui.ui.widgets.quotes_panel import QuoteRow, QuotesPanel
from peskovtui.ui.widgets.reader import Reader
from peskovtui.ui.widgets.search_bar import QueryInput, SearchBar

Range = tuple[int, int]

SEARCH_DELAY = 0.05
# Exact match ranges cost about a millisecond an article, so the list holds the best hits only.
SEARCH_LIMIT = 200
# Ranges for the best hits come with the results; the others' when they are opened.
RANGED_HITS = 20
NARROW = 100
DARK, LIGHT = "textual-dark", "textual-light"


# -- messages from workers ---------------------------------------------------------------------


@dataclass
class SearchDone(Message):
    """A search finished: its results, or the one sentence that says what was wrong."""

    query: str
    results: SearchResults | None
    error: str | None = None
    waiting: bool = False


@dataclass
class IndexProgress(Message):
    """The index build advanced."""

    done: int
    total: int


@dataclass
class IndexReady(Message):
    """The index is ready (or could not be made), with what the user should be told."""

    notices: tuple[str, ...]
    error: str | None = None


@dataclass
class QuotesReady(Message):
    """Quotes of the whole corpus are known."""

    counts: dict[str, int]


@dataclass
class QuotesFailed(Message):
    """The corpus-wide pass over the quotes failed."""

    error: str


@dataclass
class Jump:
    """Where the reader was before a jump, so that escape can go back."""

    article_id: str
    scroll_y: int


class PeskovApp(App[None]):
    """Read, search and cite a corpus of news articles."""

    CSS_PATH = Path(__file__).with_name("app.tcss")
    TITLE = "peskovtui"
    # Below NARROW columns the quotes panel folds away (see app.tcss).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (NARROW, "-wide")]  # noqa: RUF012
    COMMANDS = App.COMMANDS | {ArticleCommands, QuoteCommands, SpeakerCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        # Keys that move the focus are priority bindings: the move happens before the keys
        # typed right after it are delivered, so "/evidence" typed fast lands in the search
        # bar. They never fire while the search bar has the focus (it consumes printable keys).
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
            "2",
            "focus_pane('reader')",
            "Reader",
            show=False,
            id="app.focus_reader",
            priority=True,
        ),
        Binding(
            "3",
            "focus_pane('quotes')",
            "Quotes",
            show=False,
            id="app.focus_quotes",
            priority=True,
        ),
        Binding("v", "version(1)", "Next version", show=False, id="app.next_version"),
        Binding("V", "version(-1)", "Prev version", show=False, id="app.previous_version"),
        Binding("a", "toggle_corpus_quotes", "All/article quotes", show=False, id="app.all_quotes"),
        Binding("f", "toggle_fragments", "Show/hide fragments", show=False, id="app.fragments"),
        Binding("ctrl+t", "toggle_dark", "Light/dark", show=False, id="app.theme"),
        Binding("escape", "back", "Back", id="app.back", priority=True),
        Binding(
            "enter",
            "submit_query",
            "Go to the results",
            show=False,
            id="app.submit_query",
            priority=True,
        ),
        Binding("question_mark", "help", "Help", key_display="?", id="app.help"),
        Binding("q", "quit", "Quit", id="app.quit"),
    ]

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self.theme = DARK
        self._by_date = _by_date(library.articles)
        self._results: SearchResults | None = None
        self._query = ""
        self._search_timer: Timer | None = None
        self._pending_step = 0
        self._return_focus: str | None = None
        self._jumps: list[Jump] = []
        self._quote_counts: dict[str, int] | None = None
        self._speaker: str | None = None
        self._corpus_quotes = False
        self._fragments = False
        self._cluster: list[Quote] = []
        self._version = 0
        self._index_ready = False
        self._history = load_history()

    # -- layout -------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header(icon="❝")
        yield SearchBar(self._history, id="search")
        with Horizontal(id="main"):
            yield ArticleList(id="articles")
            yield Reader(id="reader")
            yield QuotesPanel(id="quotes")
        yield ProgressBar(id="index-progress", show_eta=False)
        yield Footer()

    def on_mount(self) -> None:
        keymap, warning = load_keymap()
        if keymap:
            self.set_keymap(keymap)
        if warning:
            self.notify(warning, severity="warning", timeout=8)
        for message in self.library.warnings[:5]:
            self.notify(message, severity="warning", timeout=8)
        self.sub_title = f"{self.library.name} · {len(self.library.articles)} articles"
        self.query_one(ArticleList).border_title = "Documents"
        self.query_one(Reader).border_title = "Reader"
        articles = self.query_one(ArticleList)
        articles.show(self._by_date)
        self.focus_now(articles)
        # Background work starts once the first screen is up, so that it never delays it.
        self.call_after_refresh(self.build_index)
        self.call_after_refresh(self.load_corpus_quotes)

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
        """Show ``article`` in the reader with its quotes and the current query's matches."""
        reader = self.query_one(Reader)
        quotes = self._article_quotes(article)
        reader.show_article(
            article,
            quotes=[(q.start, q.end) for q in quotes],
            speakers=_mentions(quotes),
            matches=self._matches_in(article),
        )
        reader.border_title = article.title or article.id
        self._update_counter()
        if not self._corpus_quotes:
            self._show_quotes()

    def _matches_in(self, article: Article) -> Sequence[Range]:
        if not self._query or self._results is None:
            return ()
        for hit in self._results.hits:
            if hit.article_id == article.id and hit.ranged:
                return hit.matches
        try:
            return self.library.match_offsets(article.id, self._query)
        except PeskovError:
            return ()

    def open_article(self, article_id: str) -> None:
        """Open ``article_id`` in the reader (listing it if the list shows other articles)."""
        article = self.library.article(article_id)
        articles = self.query_one(ArticleList)
        if not articles.select_id(article.id):
            self._clear_search()
            articles.select_id(article.id)
        if self.query_one(Reader).article is not article:
            self._show(article)

    # -- search -------------------------------------------------------------------------------

    def action_search(self) -> None:
        focused = self.focused
        if focused is not None and not isinstance(focused, Input):
            self._return_focus = focused.id
        self.focus_now(self.query_one(QueryInput))

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
        if query and query != self._query:
            self.run_search(query)
        self.query_one(SearchBar).remember(query)
        save_history(self._history)
        self.focus_now(self.query_one(ArticleList))

    @work(thread=True, exclusive=True, group="search")
    def run_search(self, query: str) -> None:
        """Search in a thread; a newer search supersedes this one."""
        worker = get_current_worker()
        try:
            results = self.library.search(query, limit=SEARCH_LIMIT, ranged=RANGED_HITS)
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
        if message.query == self._query and message.results is not None:
            return  # a second answer to the query shown: keep the reader where it is
        if message.results is None:
            bar.set_status(message.error or "", error=not message.waiting)
            self._pending_step = 0
            return
        self._query = message.query
        self._results = message.results
        articles = self.query_one(ArticleList)
        hits = [self.library.article(h.article_id) for h in message.results.hits]
        current = self.query_one(Reader).article
        articles.show(
            hits,
            matches={h.article_id: h.match_count for h in message.results.hits if h.ranged},
            keep=current.id if current else None,
        )
        notice = f" · {message.results.notices[0]}" if message.results.notices else ""
        bar.set_status(_result_status(message.results, len(hits)) + notice)
        shown = articles.current
        if shown is not None:
            if shown is current:
                self.query_one(Reader).set_matches(self._matches_in(shown))
                self._update_counter()
            else:
                self._show(shown)
        if self._pending_step:
            step, self._pending_step = self._pending_step, 0
            self._step_match(step)

    def _clear_search(self, *, keep_input: bool = False) -> None:
        self._query = ""
        self._results = None
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
        if typed and typed != self._query:
            # Its results are on the way: the step is taken when they arrive.
            self._pending_step = step
            return
        if not self._query:
            self.notify("No search: press / to search.", timeout=3)
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
            index = (articles.cursor + step) % articles.row_count()
            articles.cursor = index
            article = articles.current
            if article is not None and article is not reader.article:
                self._show(article)
            if reader.matches:
                reader.go_to_match(0 if step > 0 else len(reader.matches) - 1)
        self._update_counter()

    def _update_counter(self) -> None:
        reader = self.query_one(Reader)
        parts: list[str] = []
        if self._query:
            total = len(reader.matches)
            current = reader.current_match
            parts.append(f"match {current + 1 if current is not None else '-'}/{total}")
        if len(self._cluster) > 1:
            parts.append(f"version {self._version + 1}/{len(self._cluster)} (v/V)")
        article = reader.article
        if article is not None and article.paragraphs:
            index = reader.current_paragraph
            # Who speaks in the current paragraph, by name even where the text says "he".
            speakers = dict.fromkeys(
                q.speaker
                for q in self._article_quotes(article)
                if article.paragraph_index(q.start) == index and q.attributed
            )
            names = f": {', '.join(speakers)}" if speakers else ""
            parts.append(f"¶ {index + 1}{names}")
        reader.border_subtitle = " · ".join(parts)

    @on(Reader.ParagraphChanged)
    def _paragraph_changed(self) -> None:
        self._update_counter()

    # -- quotes -------------------------------------------------------------------------------

    def _article_quotes(self, article: Article) -> list[Quote]:
        try:
            return self.library.article_quotes(article.id, include_fragments=True)
        except PeskovError:
            return []

    def _show_quotes(self) -> None:
        panel = self.query_one(QuotesPanel)
        article = self.query_one(Reader).article
        if self._corpus_quotes:
            if self._quote_counts is None:
                panel.show([], corpus_wide=True, heading="All quotes (still reading…)")
                return
            quotes = self.library.quotes(speaker=self._speaker, include_fragments=self._fragments)
            heading = f"Quotes of {self._speaker}" if self._speaker else "All quotes"
        else:
            if article is None:
                return
            quotes = [
                q
                for q in self._article_quotes(article)
                if self._fragments or not q.hidden_by_default
            ]
            heading = "Quotes here"
        panel.show(self._rows(quotes), corpus_wide=self._corpus_quotes, heading=heading)

    def _rows(self, quotes: Iterable[Quote]) -> list[QuoteRow]:
        rows = []
        for quote in quotes:
            article = self.library.article(quote.article_id or "")
            others = self.library.other_versions(quote) if self._quote_counts is not None else []
            also = len({v.article_id for v in others if v.article_id != article.id})
            repeated = any(v.article_id == article.id for v in others)
            rows.append(QuoteRow(quote, article, also, repeated))
        return rows

    @on(QuotesPanel.Chosen, "#quotes")
    def _quote_chosen(self, event: QuotesPanel.Chosen) -> None:
        row = self.query_one(QuotesPanel).current
        if row is not None:
            self.jump_to_quote(row.quote)

    def jump_to_quote(self, quote: Quote, *, diffs: Sequence[Range] = ()) -> None:
        """Open the quote's article, centre the quote and mark exactly its words."""
        reader = self.query_one(Reader)
        if reader.article is not None:
            self._jumps.append(Jump(reader.article.id, reader.scroll_offset.y))
        self.open_article(quote.article_id or "")
        reader.mark(quote.start, quote.end, diffs=diffs)
        if not diffs:
            self._cluster = self._versions_of(quote)
            self._version = next((i for i, q in enumerate(self._cluster) if _same(q, quote)), 0)
        self._update_counter()

    def _versions_of(self, quote: Quote) -> list[Quote]:
        if self._quote_counts is None:
            return []
        return self.library.other_versions(quote, include_self=True)

    def action_version(self, step: int) -> None:
        if len(self._cluster) < 2:
            self.notify("This quote is not reported anywhere else.", timeout=3)
            return
        previous = self._cluster[self._version]
        self._version = (self._version + step) % len(self._cluster)
        quote = self._cluster[self._version]
        self.jump_to_quote(quote, diffs=self.library.wording_differences(previous, quote))

    def action_toggle_corpus_quotes(self) -> None:
        self._corpus_quotes = not self._corpus_quotes
        if not self._corpus_quotes:
            self._speaker = None
        self._show_quotes()

    def action_toggle_fragments(self) -> None:
        self._fragments = not self._fragments
        self.notify(
            "Showing fragments (three words or fewer)." if self._fragments else "Hiding fragments.",
            timeout=3,
        )
        self._show_quotes()

    def filter_speaker(self, speaker: str) -> None:
        """Show the quotes of ``speaker`` across the corpus."""
        self._speaker = speaker
        self._corpus_quotes = True
        self.action_focus_pane("quotes")
        self._show_quotes()

    def speaker_counts(self) -> list[tuple[str, int]]:
        """Speakers with their quote counts, for the palette (empty until quotes are read)."""
        if self._quote_counts is None:
            return []
        return [(s.speaker, s.quotes) for s in self.library.speakers()]

    def quote_rows_for_palette(self) -> Sequence[QuoteRow]:
        """The quotes the palette offers: the whole corpus once read, else this article's."""
        if self._quote_counts is None:
            article = self.query_one(Reader).article
            return self._rows(self._article_quotes(article)) if article else []
        return self._rows(self.library.quotes())

    def open_palette_quote(self, index: str) -> None:
        """Jump to the quote the palette listed at ``index``."""
        rows = self.quote_rows_for_palette()
        self.jump_to_quote(rows[int(index)].quote)

    # -- background work ----------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="index")
    def build_index(self) -> None:
        """Open or refresh the search index, reporting progress."""

        def progress(done: int, total: int) -> None:
            self.post_message(IndexProgress(done, total))

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
        bar = self.query_one(ProgressBar)
        bar.add_class("-active")
        bar.update(total=message.total, progress=message.done)

    @on(IndexReady)
    def _index_done(self, message: IndexReady) -> None:
        self._index_ready = message.error is None
        self.query_one(ProgressBar).remove_class("-active")
        for notice in message.notices:
            self.notify(notice, timeout=6)
        if message.error:
            self.notify(message.error, severity="error", timeout=10)
        query = self.query_one(SearchBar).input.value.strip()
        if query and self._index_ready:
            self.run_search(query)

    @work(thread=True, exclusive=True, group="quotes")
    def load_corpus_quotes(self) -> None:
        """Read the quotes of the whole corpus in the background."""
        try:
            counts = self.library.quote_counts()
        except Exception as error:  # each article's own quotes still show
            self.log.error("quotes", repr(error))
            self.post_message(QuotesFailed(f"The quotes of the corpus could not be read: {error}."))
            return
        self.post_message(QuotesReady(counts))

    @on(QuotesFailed)
    def _quotes_failed(self, message: QuotesFailed) -> None:
        self.notify(message.error, severity="error", timeout=10)

    @on(QuotesReady)
    def _quotes_ready(self, message: QuotesReady) -> None:
        self._quote_counts = message.counts
        total = sum(message.counts.values())
        self.sub_title = (
            f"{self.library.name} · {len(self.library.articles)} articles · {total} quotes"
        )
        self.query_one(ArticleList).set_quote_counts(message.counts)
        self._show_quotes()

    # -- copying ------------------------------------------------------------------------------

    def action_copy(self, markdown: bool) -> None:
        citation, what = self._citation()
        if citation is None:
            self.notify("Nothing to copy here.", severity="warning", timeout=3)
            return
        text = as_markdown(citation) if markdown else as_plain(citation)
        self.copy_to_clipboard(text)
        self.copy_to_system_clipboard(text)
        form = "as Markdown " if markdown else ""
        self.notify(
            f"Copied {what} {form}with its citation ({len(citation.passage)} characters).",
            timeout=4,
        )

    def _citation(self) -> tuple[Citation | None, str]:
        panel = self.query_one(QuotesPanel)
        if self.focused is panel and panel.current is not None:
            row = panel.current
            quote = row.quote
            return (
                cite(row.article, quote.start, quote.end, speaker=quote.speaker, quote=True),
                f"the quote by {quote.speaker}",
            )
        reader = self.query_one(Reader)
        article = reader.article
        if article is None:
            return None, ""
        selected = reader.selected_range()
        if selected is not None:
            return cite(article, *selected), "the selection"
        index = reader.current_paragraph
        return cite_paragraph(article, index), f"paragraph {index + 1}"

    @work(thread=True, group="clipboard")
    def copy_to_system_clipboard(self, text: str) -> None:
        """Also hand the text to the system clipboard tool, when there is one."""
        copy_with_system_tool(text)

    # -- focus, back, help, theme -------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The main screen's keys do nothing while the help or the palette is open; enter is
        the search bar's only while it has the focus."""
        if isinstance(self.screen, ModalScreen) and action in _MAIN_SCREEN_KEYS:
            return False
        if action == "submit_query":
            return isinstance(self.focused, QueryInput)
        return True

    def focus_now(self, widget: Widget) -> None:
        """Focus ``widget`` at once, so that keys typed right after go to it."""
        self.screen.set_focus(widget)

    def action_focus_pane(self, pane: str) -> None:
        if pane == "quotes":
            self.screen.add_class("-show-quotes")
        self.focus_now(self.query_one(f"#{pane}"))

    async def action_back(self) -> None:
        focused = self.focused
        if isinstance(focused, Input):
            self._clear_search()
            target = self._return_focus or "articles"
            self.focus_now(self.query_one(f"#{target}"))
            return
        if self.screen.has_class("-show-quotes") and self.screen.has_class("-narrow"):
            self.screen.remove_class("-show-quotes")
            self.focus_now(self.query_one(Reader))
            return
        if self._jumps:
            jump = self._jumps.pop()
            self._cluster = []
            self.open_article(jump.article_id)
            self.query_one(Reader).scroll_to(y=jump.scroll_y, animate=False)
            self._update_counter()
            return
        if self._query:
            self._clear_search()

    def action_help(self) -> None:
        nodes = [
            ("anywhere", self),
            ("anywhere", self.screen),
            ("documents", self.query_one(ArticleList)),
            ("reader", self.query_one(Reader)),
            ("quotes", self.query_one(QuotesPanel)),
            ("search bar", self.query_one(QueryInput)),
        ]
        self.push_screen(HelpScreen(key_rows(self, nodes)))

    def action_toggle_dark(self) -> None:
        self.theme = LIGHT if self.theme == DARK else DARK

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for binding in self.BINDINGS:
            if isinstance(binding, Binding) and binding.action not in ("quit", "help"):
                yield SystemCommand(
                    binding.description,
                    f"key: {self.get_key_display(binding)}",
                    lambda action=binding.action: self.run_action(action),
                )

    def on_unmount(self) -> None:
        save_history(self._history)
        # Quitting never waits for an index build or a pass over the quotes to finish.
        stop_children()


# Actions of priority keys that belong to the main screen (a modal screen keeps its own).
_MAIN_SCREEN_KEYS = frozenset({"search", "focus_pane", "back", "submit_query"})


def _by_date(articles: Sequence[Article]) -> list[Article]:
    """Newest first; undated articles after the dated ones, in the order they were loaded."""
    dated = sorted((a for a in articles if a.date), key=lambda a: a.date or "", reverse=True)
    return dated + [a for a in articles if not a.date]


def _result_status(results: SearchResults, listed: int) -> str:
    """``127 matches in 58 articles``, or ``the best 200 of 2345 articles`` for a long list."""
    if results.total > listed:
        return f"the best {listed} of {results.total} articles"
    if all(hit.ranged for hit in results.hits):
        matches = sum(hit.match_count for hit in results.hits)
        return f"{matches} match{'es' * (matches != 1)} in {listed} article{'s' * (listed != 1)}"
    return f"{listed} articles"


def _mentions(quotes: Iterable[Quote]) -> list[Range]:
    return sorted(
        {
            (q.mention_start, q.mention_end)
            for q in quotes
            if q.mention_start is not None and q.mention_end is not None
        }
    )


def _same(a: Quote, b: Quote) -> bool:
    return (a.article_id, a.start, a.end) == (b.article_id, b.start, b.end)


def run(library: Library) -> None:
    """Run the reader app on ``library``."""
    PeskovApp(library).run()
