"""The quotes panel: direct quotations with their speakers, for one article or the corpus."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual.content import Content

from peskovtui.corpus import Article
from peskovtui.display import visible_controls
from peskovtui.quotes import Quote
from peskovtui.ui.state import CopyTarget
from peskovtui.ui.widgets.virtual_list import VirtualList


@dataclass(frozen=True, slots=True)
class QuoteRow:
    """A quote as the panel lists it: with its article and how many others report it."""

    quote: Quote
    article: Article
    also_in: int = 0
    repeated: bool = False

    @classmethod
    def with_versions(cls, quote: Quote, article: Article, others: Sequence[Quote]) -> QuoteRow:
        """``quote`` of ``article``, counting its ``others`` (its other versions) in other
        articles, and noting whether one is in the same article."""
        return cls.with_versions_in(quote, article, [v.article_id for v in others])

    @classmethod
    def with_versions_in(
        cls, quote: Quote, article: Article, articles: Sequence[str | None]
    ) -> QuoteRow:
        """Like ``with_versions``, given the article of each other version."""
        also = len({a for a in articles if a != article.id})
        repeated = any(a == article.id for a in articles)
        return cls(quote, article, also, repeated)


class QuotesPanel(VirtualList):
    """Quotes two lines each: speaker and kind, then the first words."""

    row_height = 2
    empty_text = "No quotes here."

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._rows: Sequence[QuoteRow] = ()
        self.corpus_wide = False

    def row_count(self) -> int:
        return len(self._rows)

    @property
    def current(self) -> QuoteRow | None:
        """The quote under the cursor."""
        return self._rows[self.cursor] if self._rows else None

    def show(self, rows: Sequence[QuoteRow], *, corpus_wide: bool, heading: str) -> None:
        """List ``rows``; ``heading`` says which quotes these are."""
        self._rows = rows
        self.corpus_wide = corpus_wide
        self.border_title = Content(visible_controls(heading))
        self.border_subtitle = f"{len(rows)} quote{'s' * (len(rows) != 1)}"
        self.rows_changed()

    def copy_target(self) -> CopyTarget | None:
        """What ``y`` copies here: the quote under the cursor."""
        row = self.current
        if row is None:
            return None
        quote = row.quote
        return CopyTarget(
            row.article.id, quote.start, quote.end, f"the quote by {quote.speaker}", quote
        )

    def select_quote(self, quote: Quote) -> bool:
        """Move the cursor to ``quote``; False when it is not listed."""
        key = (quote.article_id, quote.start, quote.end)
        for index, row in enumerate(self._rows):
            if (row.quote.article_id, row.quote.start, row.quote.end) == key:
                self.cursor = index
                return True
        return False

    def render_row(self, index: int, line: int, width: int, cursor: bool) -> Text:
        row = self._rows[index]
        quote = row.quote
        if line == 0:
            speaker = visible_controls(quote.speaker)
            text = Text.assemble(("▌" if cursor else " ", "bold"), (speaker, "bold"))
            details: list[str] = [quote.kind]
            if row.repeated:
                details.append("repeated")
            if row.also_in:
                details.append(f"also in {row.also_in} article{'s' * (row.also_in != 1)}")
            if self.corpus_wide:
                # Across the corpus, where each quote was reported matters as much as what.
                article = row.article
                day = article.date[:10] if article.date else None
                details.extend(visible_controls(d) for d in (article.outlet, day) if d)
                details.append(visible_controls(article.title))
            text.append("  " + " · ".join(details), style=self.dim_style())
            return text
        return Text(f"  “{' '.join(visible_controls(quote.text).split())}”")
