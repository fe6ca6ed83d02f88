"""The main screen's memory: the article and the place last read, reopened on launch, and the
bookmarks (``m`` sets one where the reader is, ``'`` lists them). What is remembered, and how it
is kept per corpus, is ``peskovtui.library.places``'s business; this module only says where the
reader is and takes it back there.
"""

from __future__ import annotations

from peskovtui.corpus import Article
from peskovtui.library import Place
from peskovtui.ui.screens.reading import ReadingScreen


class MemoryHandlers(ReadingScreen):
    """The place last read, ``m`` and ``'``."""

    # The article last written as the place read, so that moving within it writes nothing.
    _remembered: str | None = None

    def show(self, article: Article) -> None:
        super().show(article)
        if article.id != self._remembered:
            self._remembered = article.id
            self.library.remember_place(article.id, 0)

    def reopen_last_place(self) -> None:
        """Open the article last read where the reader was (if it is still in the corpus), and
        say what could not be read of what was kept."""
        place = self.library.last_place()
        for warning in self.library.place_store.warnings:
            self.app.notify(warning, severity="warning", timeout=8, markup=False)
        self.library.place_store.warnings.clear()
        if place is not None:
            self._remembered = place.article_id  # kept already, with its offset
            self.open_article(place.article_id)
            # The reader has its size once this refresh is done: the place is a character, and
            # the line it is on depends on the width.
            self.call_after_refresh(self.reader.show_from, place.offset)

    def remember_place(self) -> None:
        """Keep where the reader is now as the place last read."""
        if not self.is_mounted:
            return
        article = self.reader.article
        if article is not None:
            self.library.remember_place(article.id, self.reader.top_offset)

    def go_to_place(self, place: Place) -> None:
        """Open ``place`` as a jump that escape walks back."""
        self.jumps.push(self.where_now())
        self.open_article(place.article_id)
        self.reader.show_from(place.offset)
        self.focus_now(self.reader)
        self.update_status()

    def action_bookmark(self) -> None:
        article = self.reader.article
        if article is None:
            self.app.notify("There is no article to bookmark.", severity="warning", timeout=3)
            return
        offset = self.reader.reading_offset()
        before = len(self.library.bookmarks())
        places = self.library.add_bookmark(article.id, offset)
        paragraph = article.paragraph_index(offset) + 1
        if len(places.bookmarks) == before:
            self.app.notify(f"¶ {paragraph} is bookmarked already.", timeout=3)
            return
        self.app.notify(
            f"Bookmarked ¶ {paragraph} (bookmark {len(places.bookmarks)}; ' lists them).",
            timeout=4,
            markup=False,
        )

    def action_bookmarks(self) -> None:
        from peskovtui.ui.screens.bookmarks import BookmarksScreen  # the first screen has none

        self.app.push_screen(BookmarksScreen(self.library), self._back_from_bookmarks)

    def _back_from_bookmarks(self, place: Place | None) -> None:
        if place is not None:
            self.go_to_place(place)
