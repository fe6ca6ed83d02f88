"""The Library's articles by URL: an article named by its address rather than its id."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from peskovtui.corpus import Article
from peskovtui.corpus.urls import articles_by_url, looks_like_url, normalise_url
from peskovtui.errors import ArticleNotFound


class ByUrlMixin:
    """The articles at a URL, and an article by its id or its URL."""

    _by_id: dict[str, Article]

    if TYPE_CHECKING:

        @property
        def articles(self) -> tuple[Article, ...]: ...
        def article(self, article_id: str) -> Article: ...

    @cached_property
    def _ids_by_url(self) -> dict[str, list[str]]:
        return articles_by_url(self.articles)

    def articles_at_url(self, url: str) -> list[Article]:
        """The articles whose URL is ``url`` (see ``normalise_url``), in corpus order."""
        return [self._by_id[i] for i in self._ids_by_url.get(normalise_url(url), [])]

    def article_at_url(self, url: str) -> Article:
        """The one article whose URL is ``url``; the error says when none or several have it."""
        found = self.articles_at_url(url)
        if len(found) == 1:
            return found[0]
        if not found:
            raise ArticleNotFound(f"No article has the URL {url!r}")
        ids = ", ".join(a.id for a in found)
        raise ArticleNotFound(
            f"{len(found)} articles have the URL {url!r} ({ids}); name one by its id"
        )

    def find_article(self, id_or_url: str) -> Article:
        """The article with the id ``id_or_url``, or else at that URL when it is written as one."""
        if id_or_url not in self._by_id and looks_like_url(id_or_url):
            return self.article_at_url(id_or_url)
        return self.article(id_or_url)
