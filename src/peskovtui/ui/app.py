"""The reader app: the Library, the theme, the keymap and the history around the main screen.

The layout and the keys live in ``screens/main.py``, what the reader does in the handler modules
beside it; this module only sets the stage: themes, the user's keymap and history,
notifications that can never carry a control sequence, and one line instead of a traceback if
anything unexpected goes wrong.
"""

from __future__ import annotations

import gc
import sys
import traceback
from collections.abc import Iterable
from pathlib import Path
from typing import Any, ClassVar

from textual import events, on
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.notifications import SeverityLevel
from textual.reactive import Reactive
from textual.screen import Screen
from textual.theme import BUILTIN_THEMES, Theme

from peskovtui.display import visible_controls
from peskovtui.library import Library
from peskovtui.ui.messages import IndexReady, QuotesReady
from peskovtui.ui.screens.main import MainScreen
from peskovtui.ui.settings import (
    load_history,
    load_keymap,
    load_theme,
    save_crash_report,
    save_history,
    save_theme,
)
from peskovtui.ui.themes import DARK, LIGHT, THEMES
from peskovtui.ui.widgets.article_list import ArticleList
from peskovtui.ui.widgets.quotes_panel import QuotesPanel
from peskovtui.ui.widgets.reader import Reader
from peskovtui.ui.widgets.search_bar import QueryInput

NARROW = 100


class PeskovApp(App[None]):
    """Read, search and cite a corpus of news articles."""

    CSS_PATH = Path(__file__).with_name("app.tcss")
    TITLE = "peskovtui"
    # Below NARROW columns the quotes panel folds away (see app.tcss).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (NARROW, "-wide")]  # noqa: RUF012
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+t", "toggle_dark", "Light/dark", show=False, id="app.theme"),
        Binding("question_mark", "help", "Help", key_display="?", id="app.help"),
        Binding("q", "quit", "Quit", id="app.quit"),
    ]

    # The theme chosen last time, as the app's first: Textual makes the stylesheet from the
    # first theme, and setting another in the constructor would have it parse the whole
    # stylesheet again before the first frame.
    theme: Reactive[str] = Reactive(lambda: first_theme(load_theme()))

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self.history = load_history()
        # The key being handled, while priority bindings (which see it before the focused
        # widget does) ask whether they apply: see MainScreen.check_action.
        self.key_in_hand: events.Key | None = None
        self.crash_message = ""
        self._freezing = False

    @property
    def available_themes(self) -> dict[str, Theme]:
        # Known from the start: Textual looks the first theme up before a constructor could
        # register it.
        return {**super().available_themes, **{theme.name: theme for theme in THEMES}}

    def get_default_screen(self) -> Screen[None]:
        screen = MainScreen(self.library, self.history)
        # The breakpoint class of the terminal's width from the start: Textual gives it on the
        # first resize, and a class added to the screen then would style every widget of it a
        # second time before the first frame. The class is found by Textual's own rule.
        breakpoints = screen._get_breakpoint_classes(
            self.size.width, self.HORIZONTAL_BREAKPOINTS or []
        )
        screen.set_class(True, *breakpoints, update=False)
        return screen

    @property
    def main(self) -> MainScreen:
        """The main screen."""
        screen = self.screen_stack[0]
        assert isinstance(screen, MainScreen)
        return screen

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, lambda theme: save_theme(theme.name))
        keymap, warning = load_keymap(known=binding_ids)
        if keymap:
            self.set_keymap(keymap)
        if warning:
            self.notify(warning, severity="warning", timeout=8, markup=False)
        for message in self.library.warnings[:5]:
            self.notify(message, severity="warning", timeout=8, markup=False)

    def on_ready(self) -> None:
        """The first frame is on screen. If the collector was paused for the start (see
        ``cli.reading``), it runs again, and what the start made, which lives as long as the
        reader, is frozen out of its passes so that none of them walks it again."""
        if not gc.isenabled():
            self._freezing = True
            gc.freeze()
            gc.enable()

    @on(IndexReady)
    @on(QuotesReady)
    def _freeze_what_lasts(self) -> None:
        """What opening the index and reading the corpus's quotes made lives as long as the
        reader too, and a full pass of the collector over it would fall in the middle of
        whatever key is being handled. It is frozen out of its passes as the start was (only
        when the start was: see ``on_ready``)."""
        if self._freezing:
            gc.freeze()

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Textual's notification, with any control character in it shown, never sent."""
        super().notify(
            visible_controls(message),
            title=visible_controls(title),
            severity=severity,
            timeout=timeout,
            markup=markup,
        )

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key):
            self.key_in_hand = event
            try:
                await super().on_event(event)
            finally:
                self.key_in_hand = None
            return
        await super().on_event(event)

    # The other screens are imported when first opened: the first screen shows none of them.

    def action_command_palette(self) -> None:
        from peskovtui.ui.screens.palette import Palette

        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.push_screen(Palette(id="--command-palette"))

    def action_help(self) -> None:
        from peskovtui.ui.screens.help import HelpScreen, key_rows
        from peskovtui.ui.screens.speakers import SpeakersScreen

        screen = self.screen
        # On the speakers screen, its own keys; elsewhere the main screen's.
        shown = screen if isinstance(screen, SpeakersScreen) else self.main
        nodes = [("anywhere", self), *shown.help_nodes()]
        self.push_screen(HelpScreen(key_rows(self, nodes)))

    def action_toggle_dark(self) -> None:
        self.theme = LIGHT.name if self.theme == DARK.name else DARK.name

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for binding in [*self.BINDINGS, *MainScreen.BINDINGS]:
            if isinstance(binding, Binding) and binding.action not in ("quit", "help"):
                target = self if binding in self.BINDINGS else self.main
                yield SystemCommand(
                    binding.description,
                    f"key: {self.get_key_display(binding)}",
                    lambda action=binding.action, target=target: self.run_action(action, target),
                )

    def _fatal_error(self) -> None:
        # Textual prints the whole traceback when it exits on an unexpected error: the user
        # gets one line instead, and the traceback is kept in a file for a bug report.
        error = sys.exc_info()[1] or self._exception
        details = "".join(traceback.format_exception(error)) if error is not None else ""
        report = save_crash_report(details)
        super()._fatal_error()
        where = f"; the details are in {report}" if report is not None else ""
        summary = visible_controls(f"{type(error).__name__}: {error}" if error else "unknown")
        # The traceback Textual would print is dropped; ``run`` prints this line instead.
        self._exit_renderables.pop()
        self.crash_message = f"peskovtui stopped on an unexpected error ({summary}){where}."

    def exit(self, *args: Any, **kwargs: Any) -> None:
        # The reader is still there to ask where it is: by the unmount it is gone.
        if self.screen_stack:
            self.main.remember_place()
        super().exit(*args, **kwargs)

    def on_unmount(self) -> None:
        save_history(self.history)
        # Quitting never waits for an index build, a search or a pass over the quotes.
        self.library.close()


def first_theme(remembered: str | None) -> str:
    """The theme to open with: the one remembered if it is still there, else the dark one."""
    known = {*BUILTIN_THEMES, *(theme.name for theme in THEMES)}
    return remembered if remembered in known else DARK.name


def binding_ids() -> set[str]:
    """The id of every binding of the app, its views and its screens: what a keymap can name."""
    from peskovtui.ui.screens.bookmarks import BookmarksScreen
    from peskovtui.ui.screens.checking import CheckQuoteScreen
    from peskovtui.ui.screens.clip_export import ExportClipsScreen
    from peskovtui.ui.screens.clips import ClipsScreen
    from peskovtui.ui.screens.facets import FacetsScreen
    from peskovtui.ui.screens.help import HelpScreen
    from peskovtui.ui.screens.quote_table import QuoteBrowserScreen
    from peskovtui.ui.screens.speakers import SpeakersScreen

    ids: set[str] = set()
    nodes = (PeskovApp, MainScreen, Reader, ArticleList, QuotesPanel, QueryInput, HelpScreen)
    screens = (
        ClipsScreen,
        ExportClipsScreen,
        CheckQuoteScreen,
        FacetsScreen,
        QuoteBrowserScreen,
        BookmarksScreen,
        SpeakersScreen,
    )
    for node in (*nodes, *screens):
        for binding in node.BINDINGS:
            if isinstance(binding, Binding) and binding.id:
                ids.add(binding.id)
    return ids


def run(library: Library) -> int:
    """Run the reader app on ``library``; its exit status (1 after an unexpected error)."""
    app = PeskovApp(library)
    app.run()
    if app.crash_message:
        sys.stderr.write(app.crash_message + "\n")
    return app.return_code or 0
