"""The Clips screen: the corpus's clip list in order, to reorder, delete, annotate, copy or
export whole, or jump back from to a clip's passage.

Every change goes through the Library, which writes the list at once; the screen only shows
the list it gets back. Passages, titles, speakers and notes are shown as plain text.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widgets import Input, Static

from peskovtui.display import counted, visible_controls
from peskovtui.errors import PeskovError
from peskovtui.library import Clip, ClipStatus, Library
from peskovtui.ui.screens.clip_export import ExportClipsScreen
from peskovtui.ui.widgets.clip_list import STALE_MARKS, ClipList, clip_passage, clip_source
from peskovtui.ui.widgets.footer import Footer

# Where a clip leads back to: its article and the character range of its passage.
Passage = tuple[str, int, int]


def clip_detail(clip: Clip, status: ClipStatus) -> Text:
    """The highlighted clip whole, as the pane below the list shows it."""
    text = Text(clip_passage(clip))
    text.append(f"\n{clip_source(clip)}", style="dim")
    if clip.note:
        text.append(f"\nNote: {visible_controls(clip.note)}", style="italic")
    if STALE_MARKS[status]:
        text.append(f"\n{STALE_MARKS[status]}", style="bold red")
    return text


def change_clips(
    node: DOMNode, library: Library, change: Callable[..., list[Clip]], *args: object
) -> list[Clip] | None:
    """Run a Library call on the clips and return the list it gives; say in a notification
    what went wrong (None then) and what was set aside."""
    try:
        clips = change(*args)
    except PeskovError as error:
        node.app.notify(str(error), severity="error", timeout=6, markup=False)
        return None
    finally:
        for notice in library.clip_store.notices:
            node.app.notify(notice, severity="warning", timeout=8, markup=False)
        library.clip_store.notices.clear()
    return clips


class ClipsScreen(Screen[Passage | None]):
    """The clip list; enter closes it on the chosen clip's passage."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", "Close", id="clips.close"),
        Binding("K,ctrl+up", "move(-1)", "Move up", key_display="K", id="clips.move_up"),
        Binding("J,ctrl+down", "move(1)", "Move down", key_display="J", id="clips.move_down"),
        Binding("d", "delete", "Delete", id="clips.delete"),
        Binding("e", "note", "Note", id="clips.note"),
        Binding("y", "export('text')", "Copy all", id="clips.copy"),
        Binding(
            "Y",
            "export('md')",
            "Copy all as Markdown",
            key_display="Y",
            show=False,
            id="clips.copy_md",
        ),
        Binding("x", "export_to", "Export…", id="clips.export"),
    ]

    def __init__(self, library: Library, copy: Callable[[str], None]) -> None:
        super().__init__()
        self.library = library
        self.copy = copy
        self.clips: list[Clip] = []
        self.statuses: list[ClipStatus] = []

    def compose(self) -> ComposeResult:
        yield Static(id="clips-title")
        yield ClipList(id="clips-list")
        yield Static(id="clip-detail")
        yield Input(placeholder="A note for this clip (enter keeps it, escape cancels)")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(Input).display = False
        self._load(self.library.clips)
        self.query_one(ClipList).focus()

    def _load(
        self, change: Callable[..., list[Clip]], *args: object, cursor: int | None = None
    ) -> None:
        """Run a Library call that returns the list, then show the list."""
        clips = change_clips(self, self.library, change, *args)
        if clips is not None:
            self.clips = clips
            self._show(cursor)

    def _show(self, cursor: int | None) -> None:
        self.statuses = self.library.clip_statuses(self.clips)
        self.query_one(ClipList).show(self.clips, self.statuses, cursor or 0)
        title = f"Clips of {self.library.name}: {counted(len(self.clips), 'clip')}"
        self.query_one("#clips-title", Static).update(Text(visible_controls(title)))
        self._show_detail()

    @on(ClipList.Highlighted)
    def _show_detail(self) -> None:
        index = self.current
        detail = self.query_one("#clip-detail", Static)
        detail.display = index is not None
        if index is not None:
            detail.update(clip_detail(self.clips[index], self.statuses[index]))

    @property
    def current(self) -> int | None:
        """The index of the highlighted clip, if any."""
        return self.query_one(ClipList).cursor if self.clips else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While a note is typed, printable keys are text and only close cancels it."""
        if self.query_one(Input).display:
            return action == "close"
        return True

    def action_move(self, step: int) -> None:
        index = self.current
        if index is not None:
            target = max(0, min(len(self.clips) - 1, index + step))
            self._load(self.library.move_clip, index, step, cursor=target)

    def action_delete(self) -> None:
        index = self.current
        if index is not None:
            self._load(self.library.delete_clip, index, cursor=index)

    def action_note(self) -> None:
        index = self.current
        if index is None:
            return
        note = self.query_one(Input)
        note.value = self.clips[index].note
        note.display = True
        note.focus()

    @on(Input.Submitted)
    def _note_typed(self, event: Input.Submitted) -> None:
        index = self.current
        self._end_note()
        if index is not None:
            self._load(self.library.note_clip, index, event.value, cursor=index)

    def _end_note(self) -> None:
        self.query_one(Input).display = False
        self.query_one(ClipList).focus()

    def action_export(self, fmt: str) -> None:
        if not self.clips:
            self.app.notify("There are no clips to copy.", severity="warning", timeout=3)
            return
        text = self.library.export_clips(fmt, self.clips)
        self.copy(text)
        form = " as Markdown" if fmt == "md" else ""
        self.app.notify(
            f"Copied {counted(len(self.clips), 'clip')}{form} with their citations.",
            timeout=4,
            markup=False,
        )

    def action_export_to(self) -> None:
        if not self.clips:
            self.app.notify("There are no clips to export.", severity="warning", timeout=3)
            return
        self.app.push_screen(ExportClipsScreen(self.library, self.clips, self.copy))

    @on(ClipList.Chosen)
    def _chosen(self, event: ClipList.Chosen) -> None:
        clip = self.clips[event.index]
        status = self.library.clip_statuses([clip])[0]
        if status == "missing":
            self.app.notify(
                "This clip's article is no longer in the corpus.", severity="warning", timeout=4
            )
            return
        if status == "changed":
            self.app.notify(
                "This clip's article has changed: the text there may differ from the clip.",
                severity="warning",
                timeout=6,
            )
        citation = clip.citation
        self.dismiss((citation.article_id, citation.start, citation.end))

    def action_close(self) -> None:
        if self.query_one(Input).display:
            self._end_note()
            return
        self.dismiss(None)
