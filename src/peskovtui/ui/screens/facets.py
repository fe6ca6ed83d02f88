"""The facets screen (``F``): the outlets of the listed articles with their counts, to choose
from, and a date range, typed; enter lists only what they keep, escape leaves the list as it was.

Outlet names are untrusted text: they are shown as plain text, never markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, SelectionList

from peskovtui.corpus import Article
from peskovtui.display import counted, visible_controls
from peskovtui.library import FilterError, ListFilter, outlet_counts


class FacetsScreen(ModalScreen[ListFilter | None]):
    """Outlets (space chooses one, any number) and a date range; closes with the filter they
    make, or None when left with escape."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "apply", "Filter", id="facets.apply", priority=True),
        Binding("escape", "dismiss(None)", "Close", id="facets.close"),
        Binding("x", "clear", "Clear all", id="facets.clear"),
    ]

    def __init__(self, articles: Sequence[Article], current: ListFilter, what: str) -> None:
        super().__init__()
        self.articles = articles
        self.current = current
        self.what = what
        # The date range the counts are for: the one set, then each valid one typed.
        self.dates = current

    def compose(self) -> ComposeResult:
        with Vertical(id="facets-body"):
            yield Label(id="facets-title")
            yield SelectionList[str](id="facets-outlets")
            with Horizontal(id="facets-dates"):
                yield Input(self.current.since or "", placeholder="from (2017-01)", id="since")
                yield Input(self.current.until or "", placeholder="to (2017-02-15)", id="until")
            yield Label(
                "space chooses · tab: the dates · enter filters · x clears all · esc closes",
                id="facets-keys",
            )

    def on_mount(self) -> None:
        title = f"Filter {self.what} ({counted(len(self.articles), 'article')})"
        self.query_one("#facets-title", Label).update(Content(visible_controls(title)))
        self.show_outlets()
        self.query_one(SelectionList).focus()

    def show_outlets(self) -> None:
        """List each outlet with its number of articles within the date range set now."""
        outlets = self.query_one(SelectionList)
        chosen = set(outlets.selected) if outlets.option_count else set(self.current.outlets)
        counts = outlet_counts(self.articles, self.dates)
        listed = {name for name, _ in counts}
        # An outlet chosen before and absent from this list stays on offer, with no article.
        counts += [(name, 0) for name in sorted(chosen - listed)]
        width = max((len(name) for name, _ in counts), default=0)
        outlets.clear_options()
        outlets.add_options(
            (Content(visible_controls(f"{name.ljust(width)}  {count:>6}")), name, name in chosen)
            for name, count in counts
        )
        if counts:
            outlets.highlighted = 0

    @on(Input.Changed)
    def _dates_typed(self) -> None:
        try:
            dates = ListFilter.typed((), *(field.value for field in self.query(Input)))
        except FilterError:
            return  # said when the filter is applied; the counts stay those of the last range
        if dates != self.dates:
            self.dates = dates
            self.show_outlets()

    def action_clear(self) -> None:
        self.query_one(SelectionList).deselect_all()
        for field in self.query(Input):
            field.value = ""

    def action_apply(self) -> None:
        since = self.query_one("#since", Input)
        until = self.query_one("#until", Input)
        chosen = self.query_one(SelectionList).selected
        try:
            self.dismiss(ListFilter.typed(chosen, since.value, until.value))
        except FilterError as error:
            self.app.notify(str(error), severity="error", timeout=6, markup=False)
