"""The help screen: every key of the app, as the keymap has it now, grouped by where it works."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen
from textual.widgets import Static

from peskovtui.ui.settings import keymap_path

# Nothing here scrolls sideways: those inherited keys are left out of the list.
_SIDEWAYS = frozenset({"scroll_left", "scroll_right", "page_left", "page_right"})


def key_rows(app_node: DOMNode, nodes: Iterable[tuple[str, DOMNode]]) -> list[tuple[str, str, str]]:
    """(where, keys, what) for every binding with a description, keys merged per action."""
    rows: list[tuple[str, str, str]] = []
    app = app_node.app
    for where, node in nodes:
        seen: dict[tuple[str, str], list[str]] = {}
        order: list[tuple[str, str]] = []
        for bindings in node._bindings.key_to_bindings.values():
            for binding in bindings:
                if not binding.description or binding.action in _SIDEWAYS:
                    continue
                key = (binding.action, binding.description)
                if key not in seen:
                    seen[key] = []
                    order.append(key)
                display = app.get_key_display(binding)
                if display not in seen[key]:
                    seen[key].append(display)
        for action, description in order:
            rows.append((where, " ".join(seen[(action, description)]), description))
    return rows


class HelpScreen(ModalScreen[None]):
    """Lists every key; any of escape, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close help", id="help.close"),
        Binding("j,down", "scroll(1)", "Down", show=False, id="help.down"),
        Binding("k,up", "scroll(-1)", "Up", show=False, id="help.up"),
    ]

    def __init__(self, rows: list[tuple[str, str, str]]) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        table = Table(box=None, show_header=True, header_style="bold", expand=True)
        table.add_column("where", style="dim", no_wrap=True)
        table.add_column("keys", style="bold", no_wrap=True)
        table.add_column("what")
        last = ""
        for where, keys, what in self.rows:
            table.add_row(Text(where if where != last else ""), Text(keys), Text(what))
            last = where
        note = Text(
            f'\nKeys can be changed in {keymap_path()} (binding id = "keys"). '
            "Select text with the mouse to copy a part of a paragraph.",
            style="dim",
        )
        with VerticalScroll(id="help-body"):
            yield Static(Text("peskovtui keys", style="bold"), id="help-title")
            yield Static(table)
            yield Static(note)

    def action_scroll(self, step: int) -> None:
        self.query_one("#help-body", VerticalScroll).scroll_relative(y=step, animate=False)
