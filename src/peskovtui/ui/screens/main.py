"""The main screen: search bar, document list, reader and quotes panel, and their keys.

It asks the Library, runs slow calls in thread workers and takes their results back as
messages (``peskovtui.ui.messages``); what it remembers between keys lives in plain state
holders (``peskovtui.ui.state``). Workers never touch widgets. Its handlers are grouped by
concern in the modules beside this one, each a layer over ``ReadingScreen``: this class puts
them together with the layout, the keys and what decides which key applies where.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.lazy import Lazy
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Header, Input, Label, ProgressBar

from peskovtui.ui.commands import (
    ArticleCommands,
    ListingCommands,
    QuoteCommands,
    SpeakerCommands,
)
from peskovtui.ui.screens.background import BackgroundWork
from peskovtui.ui.screens.by_url import UrlHandlers
from peskovtui.ui.screens.check_handlers import CheckHandlers
from peskovtui.ui.screens.clipping import ClipHandlers
from peskovtui.ui.screens.jumps import JumpHandlers
from peskovtui.ui.screens.memory import MemoryHandlers
from peskovtui.ui.screens.quote_browsing import QuoteHandlers
from peskovtui.ui.screens.quote_table_handlers import QuoteTableHandlers
from peskovtui.ui.screens.searching import SearchHandlers
from peskovtui.ui.screens.speaking import SpeakerHandlers
from peskovtui.ui.widgets.article_list import ArticleList
from peskovtui.ui.widgets.footer import Footer
from peskovtui.ui.widgets.quotes_panel import QuotesPanel
from peskovtui.ui.widgets.reader import Reader
from peskovtui.ui.widgets.search_bar import QueryInput, SearchBar

if TYPE_CHECKING:
    from textual import events


class MainScreen(
    SearchHandlers,
    QuoteHandlers,
    ClipHandlers,
    JumpHandlers,
    CheckHandlers,
    BackgroundWork,
    QuoteTableHandlers,
    MemoryHandlers,
    UrlHandlers,
    SpeakerHandlers,
):
    """Read, search and cite: the screen the app opens on."""

    # The document list has the focus from the start (see on_mount): Textual's default, the
    # first focusable widget, would focus the search bar first and style it twice for nothing.
    AUTO_FOCUS = "#articles"
    COMMANDS: ClassVar = {ArticleCommands, QuoteCommands, SpeakerCommands, ListingCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        # Keys that move the focus are priority bindings: the move happens before the keys
        # typed right after it are delivered, so "/evidence" typed fast lands in the search
        # bar. A printable one typed into the search bar is text (see check_action).
        Binding("slash", "search", "Search", id="app.search", priority=True),
        Binding("n", "next_match", "Next match", id="app.next_match"),
        Binding("N", "previous_match", "Prev match", key_display="N", id="app.previous_match"),
        Binding("y", "copy(False)", "Copy", id="app.copy"),
        Binding("Y", "copy(True)", "Copy as Markdown", key_display="Y", id="app.copy_markdown"),
        Binding("c", "clip", "Clip", id="app.clip"),
        Binding("L", "clips", "Clips", key_display="L", id="app.clips"),
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
        Binding(
            "C", "check_quote", "Check a quote", key_display="C", show=False, id="app.check_quote"
        ),
        Binding("escape", "back", "Back", id="app.back", priority=True),
        Binding(
            "enter",
            "submit_query",
            "Go to the results",
            show=False,
            id="app.submit_query",
            priority=True,
        ),
        Binding("s", "sort", "Sort", id="app.sort"),
        Binding("F", "filter", "Filter", key_display="F", id="app.filter"),
        Binding(
            "Q",
            "quote_browser",
            "Quote browser",
            key_display="Q",
            show=False,
            id="app.quote_browser",
        ),
        Binding("ctrl+o", "jump_back", "Back to the last place", show=False, id="app.jump_back"),
        Binding("ctrl+n", "jump_forward", "Forward again", show=False, id="app.jump_forward"),
        Binding("m", "bookmark", "Bookmark", show=False, id="app.bookmark"),
        Binding(
            "apostrophe", "bookmarks", "Bookmarks", key_display="'", show=False, id="app.bookmarks"
        ),
        Binding("o", "open_url", "Open in browser", show=False, id="app.open_url"),
        Binding("S", "speakers", "Speakers", key_display="S", show=False, id="app.speakers"),
    ]

    def compose(self) -> ComposeResult:
        yield Header(icon="❝")
        yield SearchBar(self.history, id="search")
        with Horizontal(id="main"):
            yield ArticleList(id="articles")
            yield Reader(id="reader")
            yield QuotesPanel(id="quotes")
        with Horizontal(id="index-progress"):
            yield Label(id="index-phase")
            # Hidden until an index is built: mounted after the first frame, not before it.
            yield Lazy(ProgressBar(show_eta=True))
        yield Footer()

    _resumed = False

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        """The first resume follows the mount at once: every widget was styled as it was
        mounted, and styling them all again would only delay the first frame. Later resumes
        (after another screen) refresh the styles as Textual does."""
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False

    def on_mount(self) -> None:
        self.sub_title = self.corpus_title
        articles = self.article_list
        self.reader.border_title = Content("Reader")
        self.relist()
        self.focus_now(articles)
        self.start_background_work()
        self.reopen_last_place()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Enter is the search bar's only while it has the focus; a printable key typed into
        the search bar is text (``9/11``, ``and/or``), never a command."""
        if action == "submit_query":
            return isinstance(self.focused, QueryInput)
        key: events.Key | None = getattr(self.app, "key_in_hand", None)
        return not (key is not None and key.is_printable and isinstance(self.focused, Input))

    def help_nodes(self) -> list[tuple[str, Widget | Screen[None]]]:
        """Where each group of keys works, for the help screen."""
        return [
            ("anywhere", self),
            ("documents", self.article_list),
            ("reader", self.reader),
            ("quotes", self.quotes_panel),
            ("search bar", self.query_one(QueryInput)),
        ]
