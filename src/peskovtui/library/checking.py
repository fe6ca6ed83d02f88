"""The Library's check of pasted words against every place in the corpus that reports them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from peskovtui.corpus import Article
from peskovtui.quotes import Quote

if TYPE_CHECKING:
    from peskovtui.quotes.check import CheckResult, QuoteChecker


class CheckMixin:
    """Where the corpus reports a quote, and whether verbatim, reworded or not at all."""

    _checker: QuoteChecker | None

    if TYPE_CHECKING:

        @property
        def articles(self) -> tuple[Article, ...]: ...
        def article_quotes(
            self, article_id: str, *, include_fragments: bool = True
        ) -> list[Quote]: ...

    def check(self, text: str) -> CheckResult:
        """Every place in the corpus that reports the words of ``text`` (quoted verbatim, with
        different wording, or reported outside quote marks), earliest first, with a verdict.
        Text too short to tell a quote raises ``CheckError``."""
        from peskovtui.quotes.check import QuoteChecker

        if self._checker is None:
            self._checker = QuoteChecker(self.articles, lambda a: self.article_quotes(a.id))
        return self._checker.check(text)
