"""The main screen's quote browser: which quotes the panel lists (this article's or the
corpus's, one speaker's, with or without fragments), jumping to a quote, stepping through its
versions with ``v``/``V``, and what the palette offers of quotes and speakers.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from textual import on

from peskovtui.quotes import Quote
from peskovtui.ui.messages import OpenQuote, ShowSpeaker
from peskovtui.ui.screens.reading import ReadingScreen
from peskovtui.ui.widgets.quotes_panel import QuoteRow, QuotesPanel

Range = tuple[int, int]


class QuoteHandlers(ReadingScreen):
    """The quotes panel, ``v``/``V``, ``a``, ``f`` and the palette's quotes and speakers."""

    def show_quotes(self) -> None:
        panel = self.quotes_panel
        browser = self.browser
        if browser.corpus_wide:
            if not self.ready.corpus_read:
                panel.show([], corpus_wide=True, heading=browser.heading(reading=True))
                return
            quotes: Iterable[Quote] = self.library.quotes(
                speaker=browser.speaker, include_fragments=browser.fragments
            )
        else:
            if self.reader.article is None:
                return
            quotes = [q for q in self.quotes_here.quotes or () if browser.keeps(q)]
        panel.show(
            self._rows(quotes),
            corpus_wide=browser.corpus_wide,
            heading=browser.heading(finding=self.quotes_here.quotes is None),
        )

    def _rows(self, quotes: Iterable[Quote]) -> list[QuoteRow]:
        rows = []
        for quote in quotes:
            article = self.library.article(quote.article_id or "")
            # Only the versions' articles are counted: they are known without reading them.
            others = self.library.version_articles(quote) if self.ready.corpus_read else []
            rows.append(QuoteRow.with_versions_in(quote, article, others))
        return rows

    @on(QuotesPanel.Chosen, "#quotes")
    def _quote_chosen(self, event: QuotesPanel.Chosen) -> None:
        row = self.quotes_panel.current
        if row is not None:
            self.jump_to_quote(row.quote)

    @on(OpenQuote)
    def _open_quote(self, message: OpenQuote) -> None:
        self.jump_to_quote(message.quote)

    def jump_to_quote(self, quote: Quote, *, diffs: Sequence[Range] = ()) -> None:
        """Open the quote's article, centre the quote and mark exactly its words."""
        self.jumps.push(self.where_now())
        self.open_article(quote.article_id or "")
        self.reader.mark(quote.start, quote.end, diffs=diffs)
        # The panel's cursor follows the quote on screen, so that y copies what is marked.
        self.quotes_panel.select_quote(quote)
        if not diffs:
            versions = (
                self.library.other_versions(quote, include_self=True)
                if self.ready.corpus_read
                else []
            )
            self.browser.choose(quote, versions)
        self.update_status()

    def action_version(self, step: int) -> None:
        if not self.browser.stepping:
            self.app.notify("This quote is not reported anywhere else.", timeout=3)
            return
        previous, quote = self.browser.step(step)
        self.jump_to_quote(quote, diffs=self.library.wording_differences(previous, quote))

    def action_toggle_corpus_quotes(self) -> None:
        self.browser.toggle_corpus()
        self.show_quotes()

    def action_toggle_fragments(self) -> None:
        self.browser.fragments = not self.browser.fragments
        self.app.notify(
            "Showing fragments (three words or fewer)."
            if self.browser.fragments
            else "Hiding fragments.",
            timeout=3,
        )
        self.show_quotes()

    @on(ShowSpeaker)
    def _show_speaker(self, message: ShowSpeaker) -> None:
        """Show the quotes of one speaker across the corpus."""
        self.browser.show_speaker(message.speaker)
        self.action_focus_pane("quotes")
        self.show_quotes()

    def speaker_counts(self) -> list[tuple[str, int]]:
        """Speakers with their quote counts, for the palette (empty until quotes are read)."""
        if not self.ready.corpus_read:
            return []
        # Counted by the panel's rule, so that the count is the number of rows it lists.
        speakers = self.library.speakers(include_fragments=self.browser.fragments)
        return [(s.speaker, s.quotes) for s in speakers]

    def quote_rows_for_palette(self) -> Sequence[QuoteRow]:
        """The quotes the palette offers: the whole corpus once read, else this article's."""
        if not self.ready.corpus_read:
            return self._rows(self.quotes_here.quotes or ())
        return self._rows(self.library.quotes())
