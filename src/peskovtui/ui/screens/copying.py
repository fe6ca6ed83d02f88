"""The main screen's copying: ``y`` copies what the focused view says it would (the quote under
the panel's cursor, the reader's selection or current paragraph) with its citation, as plain
text or, with ``Y``, as Markdown.
"""

from __future__ import annotations

from textual import work

from peskovtui.citation import Citation, as_markdown, as_plain
from peskovtui.ui.clipboard import copy_with_system_tool
from peskovtui.ui.screens.reading import ReadingScreen
from peskovtui.ui.state import CopySource, CopyTarget, copy_notice, quote_target


class CopyHandlers(ReadingScreen):
    """``y`` and ``Y``."""

    def focused_citation(self) -> tuple[Citation, str] | None:
        """The citation of what the focused view says ``y`` would copy (a view that does not
        say copies from the reader), and what to call it; None when there is nothing."""
        focused = self.focused
        source = focused if isinstance(focused, CopySource) else self.reader
        target = source.copy_target()
        if target is None:
            return None
        if target.quote is not None:
            # Stepped with v/V: the version on screen is the one marked.
            target = quote_target(self.browser.on_screen(target.quote), target.what)
        return self.citation_of(target), target.what

    def citation_of(self, target: CopyTarget) -> Citation:
        """The citation of a copy target: a quote's with its speaker, else the range's."""
        quote = target.quote
        if quote is not None:
            return self.library.cite(
                quote.article_id or "", quote.start, quote.end, speaker=quote.speaker, quote=True
            )
        return self.library.cite(target.article_id, target.start, target.end)

    def action_copy(self, markdown: bool) -> None:
        found = self.focused_citation()
        if found is None:
            self.app.notify("Nothing to copy here.", severity="warning", timeout=3)
            return
        self.copy_citation(*found, markdown=markdown)

    def copy_citation(self, citation: Citation, what: str, *, markdown: bool) -> None:
        """Copy ``citation`` as text or Markdown and say so, calling it ``what``."""
        text = as_markdown(citation) if markdown else as_plain(citation)
        self.copy_text(text)
        notice = copy_notice(what, markdown=markdown, characters=len(citation.passage))
        self.app.notify(notice, timeout=4, markup=False)

    def copy_text(self, text: str) -> None:
        """Put ``text`` on the clipboard: the terminal's (OSC 52) and the system's."""
        self.app.copy_to_clipboard(text)
        self.copy_to_system_clipboard(text)

    @work(thread=True, group="clipboard")
    def copy_to_system_clipboard(self, text: str) -> None:
        """Also hand the text to the system clipboard tool, when there is one."""
        copy_with_system_tool(text)
