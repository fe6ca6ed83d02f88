"""The Library's citations: a range of an article's text, cited as the app copies it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from peskovtui.citation import Citation, cite
from peskovtui.corpus import Article
from peskovtui.errors import CorpusError
from peskovtui.quotes import Quote


class CitingMixin:
    """The citation of a passage, with its speaker when it is one of the article's quotes or
    lies within one."""

    if TYPE_CHECKING:

        def article(self, article_id: str) -> Article: ...
        def article_quotes(
            self, article_id: str, *, include_fragments: bool = True
        ) -> list[Quote]: ...

    def cite(
        self,
        article_id: str,
        start: int,
        end: int,
        *,
        speaker: str | None = None,
        quote: bool = False,
    ) -> Citation:
        """The citation of ``text[start:end]`` of an article: what the app copies. A range
        that is exactly one of its quotes, or lies within one (words of it), is cited as
        quoted words with that quote's speaker; a fragment or a term lends its speaker only to
        the range that is exactly it."""
        article = self.article(article_id)
        if not 0 <= start <= end <= article.text_length:
            raise CorpusError(
                f"The range {start}–{end} is outside article {article.id}, "
                f"whose text has {article.text_length} characters."
            )
        if speaker is None and not quote:
            found = _quote_holding(self.article_quotes(article.id), start, end)
            if found is not None:
                speaker, quote = found.speaker, True
        return cite(article, start, end, speaker=speaker, quote=quote)


def _quote_holding(quotes: Sequence[Quote], start: int, end: int) -> Quote | None:
    """The quote that is exactly ``start``–``end``, else the shortest quote (not a fragment or
    a term) holding that range, if any."""
    exact = next((q for q in quotes if (q.start, q.end) == (start, end)), None)
    if exact is not None or start >= end:
        return exact
    holding = [q for q in quotes if q.start <= start and end <= q.end and not q.hidden_by_default]
    return min(holding, key=lambda q: q.end - q.start, default=None)
