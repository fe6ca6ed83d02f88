"""The search bar: a query input with history, and the query's problem shown inline."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Label

from peskovtui.display import visible_controls


class QueryInput(Input):
    """An input whose up and down keys bring back earlier queries."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "history(-1)", "Earlier query", show=False, id="search.history_back"),
        Binding("down", "history(1)", "Later query", show=False, id="search.history_forward"),
    ]

    class HistoryMoved(Message):
        """Up or down was pressed in the query input."""

        def __init__(self, step: int) -> None:
            super().__init__()
            self.step = step

    def action_history(self, step: int) -> None:
        self.post_message(self.HistoryMoved(step))


class SearchBar(Horizontal):
    """The query input, the match counter and the query's problem, in one row."""

    def __init__(self, history: list[str], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.history = history
        self._position = len(history)
        self._draft = ""

    def compose(self) -> ComposeResult:
        yield QueryInput(
            placeholder='/ search: words, "a phrase", OR, NOT, pre*, fuzzy~1, '
            "title:, outlet:, author:, speaker:, date:2017-01..2017-03",
            id="query",
        )
        yield Label("", id="search-status", markup=False)

    @property
    def input(self) -> QueryInput:
        """The query input."""
        return self.query_one(QueryInput)

    def set_status(self, text: str, *, error: bool = False) -> None:
        """Show the match count, or the query's problem in the error style."""
        label = self.query_one("#search-status", Label)
        label.update(visible_controls(text))
        label.set_class(error, "-error")

    def remember(self, query: str) -> None:
        """Put ``query`` at the end of the history."""
        query = query.strip()
        if query:
            if query in self.history:
                self.history.remove(query)
            self.history.append(query)
        self._position = len(self.history)

    def on_query_input_history_moved(self, event: QueryInput.HistoryMoved) -> None:
        event.stop()
        if not self.history:
            return
        if self._position == len(self.history):
            self._draft = self.input.value
        self._position = max(0, min(len(self.history), self._position + event.step))
        value = self.history[self._position] if self._position < len(self.history) else self._draft
        self.input.value = value
        self.input.cursor_position = len(value)
