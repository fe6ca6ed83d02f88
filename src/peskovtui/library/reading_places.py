"""The Library's reading places: the last place read and the bookmarks of the corpus."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from peskovtui.corpus import Article, Corpus
from peskovtui.library.places import (
    Bookmark,
    Place,
    Places,
    PlaceStore,
    found_place,
    new_bookmark,
    with_bookmark,
    with_last,
    without,
)


class PlacesMixin:
    """Where the reader was last, and the bookmarks set."""

    # The last place read and the bookmarks of this corpus, kept in the user state dir.

    corpus: Corpus
    _by_id: dict[str, Article]

    if TYPE_CHECKING:

        def article(self, article_id: str) -> Article: ...

    @cached_property
    def place_store(self) -> PlaceStore:
        """Where this corpus's places are kept; its ``warnings`` say what could not be read."""
        return PlaceStore.for_corpus(self.corpus.sources)

    def last_place(self) -> Place | None:
        """Where the reader was last time, unless that article is gone."""
        return found_place(self.place_store.load().last, self._by_id)

    def remember_place(self, article_id: str, offset: int) -> None:
        """Keep ``offset`` of ``article_id`` as the place last read."""
        self.place_store.change(with_last(Place(article_id, offset)))

    def bookmarks(self) -> tuple[Bookmark, ...]:
        """This corpus's bookmarks, in the order set."""
        return self.place_store.load().bookmarks

    def add_bookmark(self, article_id: str, offset: int) -> Places:
        """Bookmark ``offset`` of ``article_id`` (once: the same place twice is one)."""
        return self.place_store.change(
            with_bookmark(new_bookmark(self.article(article_id), offset))
        )

    def delete_bookmark(self, bookmark: Bookmark) -> Places:
        """Delete ``bookmark``."""
        return self.place_store.change(without(bookmark))

    def bookmark_place(self, bookmark: Bookmark) -> Place | None:
        """Where ``bookmark`` leads now; None when its article is gone."""
        return found_place(bookmark.place, self._by_id)
