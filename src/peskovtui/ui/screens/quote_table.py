"""The quote browser: ``Q`` opens every quote of the corpus in a full-width table, sorted by any
column and filtered by speaker, outlet, dates, kind and words; the quote under the cursor is
shown whole below, and ``enter`` closes the browser on it to read it in its article.

Sorting and filtering are the ``QuoteTable``'s (``library/quote_table.py``); this screen only
draws what it returns. Quotes, speakers, titles and outlets are shown as plain text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Protocol, runtime_checkable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Input, Static

from peskovtui.display import visible_controls
from peskovtui.library import COLUMNS, FilterError, QuoteFilter, parse_filter
from peskovtui.ui.screens.help import HelpScreen, key_rows
from peskovtui.ui.state import CopyTarget, quote_target
from peskovtui.ui.widgets.footer import Footer
from peskovtui.ui.widgets.quote_table import QuoteTableHeader, QuoteTableView, Sorting

if TYPE_CHECKING:
    from peskovtui.citation import Citation
    from peskovtui.library import Library
    from peskovtui.quotes import Quote

_ORDER_WORDS = {
    ("date", False): "oldest first",
    ("date", True): "newest first",
}
FILTER_HINT = (
    "/ to filter: speaker:putin outlet:cnn from:2017-01-01 to:2017-01-31 kind:full words, enter"
)


class QuoteBrowserScreen(Screen["Quote | None"]):
    """Every quote of the corpus in a table; enter closes it on the chosen quote."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", "Close", id="quote_browser.close"),
        Binding("slash", "filter", "Filter", key_display="/", id="quote_browser.filter"),
        Binding("s", "sort", "Sort by next column", id="quote_browser.sort"),
        Binding("r", "reverse", "Reverse order", id="quote_browser.reverse"),
        Binding("y", "copy(False)", "Copy", id="quote_browser.copy"),
        Binding(
            "Y",
            "copy(True)",
            "Copy as Markdown",
            key_display="Y",
            show=False,
            id="quote_browser.copy_markdown",
        ),
        Binding("c", "clip", "Clip", id="quote_browser.clip"),
        Binding("question_mark", "help", "Help", key_display="?", id="quote_browser.help"),
    ]

    def __init__(self, library: Library, desk: CopyDesk, *, failed: str | None = None) -> None:
        super().__init__()
        self.library = library
        # The main screen, which copies and clips as its own y and c do.
        self.desk = desk
        self.sorting = Sorting()
        self.wanted = QuoteFilter()
        # Why the corpus's quotes could not be read, when they could not.
        self.failed = failed
        self._shown: Quote | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="qb-title")
        yield Input(placeholder=FILTER_HINT, id="qb-filter")
        yield Static(id="qb-status")
        yield QuoteTableHeader(id="qb-header")
        yield QuoteTableView(id="qb-table")
        with VerticalScroll(id="qb-detail"):
            yield Static(id="qb-quote")
        yield Footer()

    @property
    def table_view(self) -> QuoteTableView:
        """The table of quotes."""
        return self.query_one(QuoteTableView)

    @property
    def ready(self) -> bool:
        """Whether the corpus's quotes are in the table."""
        return self.table_view.table is not None

    def on_mount(self) -> None:
        title = f"Quotes of {self.library.name}"
        self.query_one("#qb-title", Static).update(Text(visible_controls(title)))
        self.set_focus(self.table_view)
        self.fill()

    def fill(self) -> None:
        """Show the corpus's quotes once they have been read; until then say they are coming."""
        if self.ready:
            return
        if not self.library.quotes_known:
            self.table_view.empty_text = (
                self.failed or "Reading the quotes of the corpus… they are listed here when read."
            )
            self.table_view.refresh()
            self._say("")
            return
        self.table_view.empty_text = "No quote matches the filter."
        if not self._show(self.wanted):
            self._show(QuoteFilter())

    def quotes_failed(self, error: str) -> None:
        """The quotes of the corpus could not be read: say so instead of waiting."""
        self.failed = error
        self.fill()

    def _show(self, wanted: QuoteFilter, *, keep: int | None = None) -> bool:
        """List the rows ``wanted`` keeps in the order asked for; False (and a notification
        saying why) when the filter names a speaker or an outlet the corpus does not have."""
        table = self.library.quote_table
        try:
            rows = table.view(wanted, self.sorting.column, reverse=self.sorting.reverse)
        except FilterError as error:
            self.app.notify(str(error), severity="warning", timeout=6, markup=False)
            return False
        self.wanted = wanted
        view = self.table_view
        view.show(table, rows, keep=keep)
        self.query_one(QuoteTableHeader).show(view.widths, self.sorting)
        column, reverse = self.sorting.column, self.sorting.reverse
        order = _ORDER_WORDS.get((column, reverse), "Z to A" if reverse else "A to Z")
        self._say(f"{len(rows):,} of {len(table):,} quotes · sorted by {column}, {order}")
        self._show_current()
        return True

    def _say(self, status: str) -> None:
        self.query_one("#qb-status", Static).update(Text(status))

    @on(QuoteTableView.Highlighted, "#qb-table")
    def _show_current(self) -> None:
        """Show the quote under the cursor whole: verbatim, its speaker and its citation."""
        view = self.table_view
        row = view.current
        shown = self.query_one("#qb-quote", Static)
        quote = view.table.quotes[row] if view.table is not None and row is not None else None
        if quote is self._shown:
            return  # the same quote after a sort: the pane is not laid out again
        self._shown = quote
        if quote is None:
            shown.update("")
            return
        citation = self.library.cite(
            quote.article_id or "", quote.start, quote.end, speaker=quote.speaker, quote=True
        )
        text = Text(f"“{visible_controls(quote.text)}”\n")
        text.append(f"— {visible_controls(quote.speaker)}", style="bold")
        text.append(f" ({quote.kind})\n", style="dim")
        where = f"{citation.source_line}, {citation.paragraph_label} · {citation.article_id}"
        text.append(visible_controls(where), style="dim")
        shown.update(text)
        self.query_one("#qb-detail", VerticalScroll).scroll_home(animate=False)

    def on_resize(self) -> None:
        self.call_after_refresh(self._redraw_header)

    def _redraw_header(self) -> None:
        self.query_one(QuoteTableHeader).show(self.table_view.widths, self.sorting)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While the filter is typed in, its keys are text; escape goes back to the table."""
        if self.focused is self.query_one(Input):
            return action in ("close", "help")
        return True

    # -- keys ------------------------------------------------------------------------------

    def action_close(self) -> None:
        if self.focused is self.query_one(Input):
            self.set_focus(self.table_view)
            return
        self.dismiss(None)

    def action_filter(self) -> None:
        # At once, not after a refresh: the keys typed right after the slash are the filter's.
        self.set_focus(self.query_one(Input))

    def action_sort(self) -> None:
        following = COLUMNS[(COLUMNS.index(self.sorting.column) + 1) % len(COLUMNS)]
        self._sort_by(Sorting(following, following == "date"))

    def action_reverse(self) -> None:
        self._sort_by(Sorting(self.sorting.column, not self.sorting.reverse))

    @on(QuoteTableHeader.Clicked)
    def _heading_clicked(self, event: QuoteTableHeader.Clicked) -> None:
        same = event.column == self.sorting.column
        reverse = not self.sorting.reverse if same else event.column == "date"
        self._sort_by(Sorting(event.column, reverse))

    def _sort_by(self, sorting: Sorting) -> None:
        if not self.ready:
            return
        self.sorting = sorting
        self._show(self.wanted, keep=self.table_view.current)

    @on(Input.Submitted, "#qb-filter")
    def _filter_typed(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            wanted = parse_filter(event.value)
        except FilterError as error:
            self.app.notify(str(error), severity="warning", timeout=6, markup=False)
            return
        if not self.ready:
            self.wanted = wanted
        elif not self._show(wanted, keep=self.table_view.current):
            return
        self.set_focus(self.table_view)

    @on(QuoteTableView.Chosen, "#qb-table")
    def _chosen(self, event: QuoteTableView.Chosen) -> None:
        view = self.table_view
        if view.table is not None and view.current is not None:
            self.dismiss(view.table.quotes[view.current])

    def _quote_here(self) -> Quote | None:
        view = self.table_view
        if view.table is None or view.current is None:
            self.app.notify("There is no quote here.", severity="warning", timeout=3)
            return None
        return view.table.quotes[view.current]

    def action_copy(self, markdown: bool) -> None:
        quote = self._quote_here()
        if quote is not None:
            target = quote_target(quote)
            self.desk.copy_citation(self.desk.citation_of(target), target.what, markdown=markdown)

    def action_clip(self) -> None:
        quote = self._quote_here()
        if quote is not None:
            target = quote_target(quote)
            self.desk.add_clip(self.desk.citation_of(target), target.what)

    def action_help(self) -> None:
        nodes = [("anywhere", self.app), ("quote browser", self), ("quotes", self.table_view)]
        self.app.push_screen(HelpScreen(key_rows(self, nodes)))


@runtime_checkable
class CopyDesk(Protocol):
    """What copies and clips a citation as the main screen's ``y`` and ``c`` do."""

    def citation_of(self, target: CopyTarget) -> Citation: ...
    def copy_citation(self, citation: Citation, what: str, *, markdown: bool) -> None: ...
    def add_clip(self, citation: Citation, what: str) -> None: ...
