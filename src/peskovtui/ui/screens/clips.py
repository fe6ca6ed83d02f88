"""The Clips screen: the corpus's clip list in order, to reorder, delete, annotate, copy out
whole, or jump back from to a clip's passage.

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
from textual.widgets import Footer, Input, OptionList, Static

from peskovtui.display import counted, visible_controls
from peskovtui.errors import PeskovError
from peskovtui.library import Clip, ClipStatus, Library

# Where a clip leads back to: its article and the character range of its passage.
Passage = tuple[str, int, int]

_MARKS: dict[ClipStatus, str] = {
    "current": "",
    "changed": "stale: the article has changed",
    "missing": "stale: the article is gone",
}


def clip_prompt(number: int, clip: Clip, status: ClipStatus) -> Text:
    """One clip as the list shows it: number, passage, who and where, note, staleness."""
    citation = clip.citation
    passage = f"“{citation.passage}”" if citation.is_quote else citation.passage
    text = Text(f"{number:>3}  ", style="bold")
    text.append(visible_controls(" ".join(passage.split())))
    who = f"— {citation.speaker} · " if citation.speaker else ""
    text.append(f"\n     {visible_controls(who + citation.source_line)}", style="dim")
    text.append(f", {citation.paragraph_label}", style="dim")
    if clip.note:
        text.append(f"\n     Note: {visible_controls(clip.note)}", style="italic")
    if _MARKS[status]:
        text.append(f"\n     {_MARKS[status]}", style="bold red")
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
        Binding("j", "cursor(1)", "Down", show=False, id="clips.down"),
        Binding("k", "cursor(-1)", "Up", show=False, id="clips.up"),
        Binding("K,ctrl+up", "move(-1)", "Move up", key_display="K", id="clips.move_up"),
        Binding("J,ctrl+down", "move(1)", "Move down", key_display="J", id="clips.move_down"),
        Binding("d", "delete", "Delete", id="clips.delete"),
        Binding("e", "note", "Note", id="clips.note"),
        Binding("y", "export('text')", "Copy all", id="clips.copy"),
        Binding("Y", "export('md')", "Copy all as Markdown", key_display="Y", id="clips.copy_md"),
    ]

    def __init__(self, library: Library, copy: Callable[[str], None]) -> None:
        super().__init__()
        self.library = library
        self.copy = copy
        self.clips: list[Clip] = []

    def compose(self) -> ComposeResult:
        yield Static(id="clips-title")
        yield OptionList(id="clips-list")
        yield Input(placeholder="A note for this clip (enter keeps it, escape cancels)")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(Input).display = False
        self._load(self.library.clips)
        self.query_one(OptionList).focus()

    def _load(
        self, change: Callable[..., list[Clip]], *args: object, cursor: int | None = None
    ) -> None:
        """Run a Library call that returns the list, then show the list."""
        clips = change_clips(self, self.library, change, *args)
        if clips is not None:
            self.clips = clips
            self._show(cursor)

    def _show(self, cursor: int | None) -> None:
        statuses = self.library.clip_statuses(self.clips)
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(
            clip_prompt(n, clip, status)
            for n, (clip, status) in enumerate(zip(self.clips, statuses, strict=True), start=1)
        )
        count = len(self.clips)
        title = f"Clips of {self.library.name}: {counted(count, 'clip')}"
        if not count:
            title += " (press c on a quote or a paragraph to clip it)"
        self.query_one("#clips-title", Static).update(Text(visible_controls(title)))
        if count:
            options.highlighted = min(cursor or 0, count - 1)

    @property
    def current(self) -> int | None:
        """The index of the highlighted clip, if any."""
        return self.query_one(OptionList).highlighted if self.clips else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While a note is typed, printable keys are text and only close cancels it."""
        if self.query_one(Input).display:
            return action == "close"
        return True

    def action_cursor(self, step: int) -> None:
        options = self.query_one(OptionList)
        options.action_cursor_down() if step > 0 else options.action_cursor_up()

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
        self.query_one(OptionList).focus()

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

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        clip = self.clips[event.option_index]
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
