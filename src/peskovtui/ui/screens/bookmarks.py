"""The Bookmarks screen: the corpus's bookmarks in the order set, to jump back to one or delete
it. A bookmark whose article is no longer in the corpus stays on the list, marked.

Labels and titles are article text: they are shown as plain text, never as markup.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import OptionList, Static

from peskovtui.display import counted, visible_controls
from peskovtui.library import Bookmark, Library, Place
from peskovtui.ui.widgets.footer import Footer

GONE = "gone: the article is no longer in the corpus"


def bookmark_prompt(number: int, bookmark: Bookmark, paragraph: int | None) -> Text:
    """One bookmark as the list shows it: number, title, paragraph and its start; ``paragraph``
    (from 0) is None for a bookmark whose article is gone."""
    text = Text(f"{number:>3}  ", style="bold")
    text.append(visible_controls(bookmark.title or bookmark.place.article_id))
    where = f"¶ {paragraph + 1}: " if paragraph is not None else ""
    text.append(f"\n     {where}{visible_controls(bookmark.label)}", style="dim")
    if paragraph is None:
        text.append(f"\n     {GONE}", style="bold red")
    return text


class BookmarksScreen(Screen[Place | None]):
    """The bookmarks; enter closes the screen on the chosen one's place."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,apostrophe", "close", "Close", id="bookmarks.close"),
        Binding("j", "cursor(1)", "Down", show=False, id="bookmarks.down"),
        Binding("k", "cursor(-1)", "Up", show=False, id="bookmarks.up"),
        Binding("d", "delete", "Delete", id="bookmarks.delete"),
    ]

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self.bookmarks: tuple[Bookmark, ...] = ()

    def compose(self) -> ComposeResult:
        yield Static(id="bookmarks-title")
        yield OptionList(id="bookmarks-list")
        yield Footer()

    def on_mount(self) -> None:
        self._show(self.library.bookmarks(), 0)
        self.query_one(OptionList).focus()

    def _show(self, bookmarks: tuple[Bookmark, ...], cursor: int) -> None:
        self.bookmarks = bookmarks
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(
            bookmark_prompt(n, bookmark, self._paragraph(bookmark))
            for n, bookmark in enumerate(bookmarks, start=1)
        )
        title = f"Bookmarks of {self.library.name}: {counted(len(bookmarks), 'bookmark')}"
        if not bookmarks:
            title += " (press m in the reader to set one)"
        self.query_one("#bookmarks-title", Static).update(Text(visible_controls(title)))
        if bookmarks:
            options.highlighted = min(cursor, len(bookmarks) - 1)

    def _paragraph(self, bookmark: Bookmark) -> int | None:
        place = self.library.bookmark_place(bookmark)
        if place is None:
            return None
        return self.library.article(place.article_id).paragraph_index(place.offset)

    def action_cursor(self, step: int) -> None:
        options = self.query_one(OptionList)
        options.action_cursor_down() if step > 0 else options.action_cursor_up()

    def action_delete(self) -> None:
        index = self.query_one(OptionList).highlighted
        if index is None or not self.bookmarks:
            return
        places = self.library.delete_bookmark(self.bookmarks[index])
        self._show(places.bookmarks, index)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        place = self.library.bookmark_place(self.bookmarks[event.option_index])
        if place is None:
            self.app.notify(
                "This bookmark's article is no longer in the corpus.", severity="warning", timeout=4
            )
            return
        self.dismiss(place)

    def action_close(self) -> None:
        self.dismiss(None)
