"""The Clips screen's export: the whole list in one of the export formats, to a file or to
the clipboard. A file that is there already is replaced only when the user says so."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from peskovtui.display import counted, visible_controls
from peskovtui.errors import PeskovError
from peskovtui.library import EXPORT_FORMATS, Clip, Library, write_export

# What each format is for, as the list offers it.
FORMAT_LABELS: dict[str, str] = {
    "md": "Markdown, for a draft",
    "text": "Plain text",
    "csv": "CSV, for a spreadsheet",
    "json": "JSON, for scripts",
    "csljson": "CSL-JSON, for Zotero and Pandoc",
}


class ExportClipsScreen(ModalScreen[None]):
    """Choose a format, then a file (or nothing, for the clipboard), and export the clips."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Cancel", id="export.close"),
    ]

    def __init__(
        self, library: Library, clips: Sequence[Clip], copy: Callable[[str], None]
    ) -> None:
        super().__init__()
        self.library = library
        self.clips = list(clips)
        self.copy = copy
        # The file the user was told exists: the same path submitted again replaces it.
        self.confirming: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box"):
            yield Static(
                Text(f"Export {counted(len(self.clips), 'clip')} as", style="bold"),
                id="export-title",
            )
            yield OptionList(
                *(Option(f"{FORMAT_LABELS[fmt]} ({fmt})", id=fmt) for fmt in EXPORT_FORMATS),
                id="export-formats",
            )
            yield Input(placeholder="File to write (empty: copy to the clipboard)")
            yield Static(
                "enter exports · tab moves between format and file · escape cancels",
                id="export-message",
            )

    def on_mount(self) -> None:
        formats = self.query_one(OptionList)
        formats.highlighted = 0
        formats.focus()

    @property
    def format(self) -> str:
        """The highlighted format."""
        index = self.query_one(OptionList).highlighted
        return EXPORT_FORMATS[index or 0]

    @on(OptionList.OptionSelected)
    def _format_chosen(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Changed)
    def _path_changed(self) -> None:
        self.confirming = None

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        fmt = self.format
        text = self.library.export_clips(fmt, self.clips)
        what = f"{counted(len(self.clips), 'clip')} as {fmt}"
        typed = event.value.strip()
        if not typed:
            self.copy(text)
            self._done(f"Copied {what} with their citations.")
            return
        target = Path(typed).expanduser()
        try:
            write_export(text, target, replace=self.confirming == target)
        except FileExistsError:
            self.confirming = target
            self._say(f"{typed} exists: enter replaces it, escape keeps it.", warning=True)
            return
        except PeskovError as error:
            self._say(f"{error}.", warning=True)
            return
        self._done(f"Wrote {what} to {typed}.")

    def _say(self, message: str, *, warning: bool = False) -> None:
        self.query_one("#export-message", Static).update(
            Text(visible_controls(message), style="bold red" if warning else "")
        )

    def _done(self, message: str) -> None:
        self.app.notify(message, timeout=5, markup=False)
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
