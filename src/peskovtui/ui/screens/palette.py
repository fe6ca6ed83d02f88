"""Textual's command palette, made safe against keys typed faster than it updates.

Textual 8.2.8's palette takes a second enter, queued before the first one closed it, as a
second choice (it closes twice, ``ScreenStackError``, and runs the command twice), and a page
key pressed before its list is laid out raises ``KeyError``; a search for commands that
starts while it closes (a key typed just before escape) finds its list gone and raises
``NoMatches``. Here the first choice closes the palette and the choices after it are dropped; a
page key on a list not laid out yet moves to its first or last command; a search that finds the
list gone ends quietly.
"""

from __future__ import annotations

import inspect
from typing import Any, ClassVar

from textual import on, work
from textual.await_complete import AwaitComplete
from textual.binding import Binding, BindingType
from textual.command import CommandList, CommandPalette
from textual.css.query import NoMatches
from textual.widgets import Input, OptionList

# The body of Textual's command search, without the worker around it.
_gather = inspect.unwrap(CommandPalette._gather_commands)


class Palette(CommandPalette):
    """The command palette; a choice is taken once."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("pagedown", "page(1)", "Next page", show=False),
        Binding("pageup", "page(-1)", "Previous page", show=False),
    ]

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._chosen = False

    def dismiss(self, result: Any = None) -> AwaitComplete:
        if self._chosen or not self.is_active:
            return AwaitComplete()
        self._chosen = True
        return super().dismiss(result)

    @on(OptionList.OptionSelected)
    @on(Input.Submitted)
    def _once(self, event: OptionList.OptionSelected | Input.Submitted) -> None:
        # Runs before the palette's own handlers; once it is closing they are skipped.
        if self._chosen:
            event.stop()
            event.prevent_default()

    def action_page(self, direction: int) -> None:
        commands = self.query_one(CommandList)
        # Textual's page actions are not annotated; called by name they type-check as Any.
        move = getattr(commands, "action_page_down" if direction > 0 else "action_page_up")
        try:
            move()
        except KeyError:  # its options are not laid out yet
            if direction > 0:
                commands.action_last()
            else:
                commands.action_first()

    @work(exclusive=True, group=CommandPalette._GATHER_COMMANDS_GROUP)
    async def _gather_commands(self, search_value: str) -> None:
        try:
            await _gather(self, search_value)
        except NoMatches:
            if self.query(CommandList):
                raise
