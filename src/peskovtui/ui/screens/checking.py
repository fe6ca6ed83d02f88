"""Checking a quote in the app: ``C`` (or "Check a quote" in the palette) asks for pasted words,
lists every place of the corpus that reports them, and ``enter`` on a place opens its passage in
the reader with the words that differ marked."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from peskovtui.display import marked_pieces, visible_controls
from peskovtui.errors import PeskovError

if TYPE_CHECKING:
    # Only named here: the checker is imported by the Library on the first check.
    from peskovtui.library import Library
    from peskovtui.quotes import CheckResult, Finding


@dataclass
class CheckDone(Message):
    """A check finished in a worker: its answer, or the one sentence saying why not."""

    result: CheckResult | None
    error: str | None = None


def place_label(finding: Finding) -> Text:
    """One place as the list shows it: where, who and how, then the passage with the words that
    differ marked (built from ranges, never markup)."""
    where = " · ".join(p for p in (finding.date, finding.outlet, finding.article_id) if p)
    who = f"{finding.speaker}, " if finding.speaker else ""
    label = Text(visible_controls(f"{where} · {who}{finding.kind}, ¶{finding.paragraph}\n"))
    label.stylize("dim")
    ranges = [(start - finding.start, end - finding.start) for start, end in finding.differences]
    for piece, is_marked in marked_pieces(finding.passage, ranges):
        label.append(piece, style="bold reverse" if is_marked else "")
    return label


class CheckQuoteScreen(ModalScreen["Finding | None"]):
    """Asks for the words of a quote and lists the places reporting them; a choice closes it
    with that place, escape with none."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "Close", id="check.close"),
    ]

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self.result: CheckResult | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="check-body"):
            yield Label("Check a quote: paste its words, then enter", id="check-title")
            yield Input(placeholder="the words of the quote (… for words left out)")
            yield Label("", id="check-verdict")
            yield OptionList(id="check-places")

    @on(Input.Submitted)
    def run_check(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#check-verdict", Label).update("Checking…")
        self.check(event.value)

    @work(thread=True, exclusive=True, group="check")
    def check(self, text: str) -> None:
        """Check in a worker: the first check of a big corpus takes a moment."""
        try:
            self.post_message(CheckDone(self.library.check(text)))
        except PeskovError as error:
            self.post_message(CheckDone(None, str(error)))

    def on_check_done(self, message: CheckDone) -> None:
        verdict = self.query_one("#check-verdict", Label)
        places = self.query_one("#check-places", OptionList)
        places.clear_options()
        self.result = message.result
        if message.result is None:
            verdict.update("")
            self.app.notify(message.error or "", severity="warning", timeout=5, markup=False)
            return
        found = message.result.findings
        count = f": {len(found)} place{'s' * (len(found) != 1)}" if found else ""
        verdict.update(Text(f"{message.result.verdict.capitalize()}{count}", style="bold"))
        places.add_options([Option(place_label(f)) for f in found])
        if found:
            places.highlighted = 0
            places.focus()

    @on(OptionList.OptionSelected)
    def choose(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.result is not None:
            self.dismiss(self.result.findings[event.option_index])
