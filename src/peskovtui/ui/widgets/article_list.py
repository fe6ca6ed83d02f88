"""The document list: every article of the corpus, or the ranked hits of a search."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.text import Text
from textual import events

from peskovtui.corpus import Article
from peskovtui.display import counted, visible_controls
from peskovtui.ui.widgets.virtual_list import VirtualList


class ArticleList(VirtualList):
    """Articles two lines each: the title, then outlet, date, quotes and matches."""

    row_height = 2
    empty_text = "No article matches."

    class NearEnd(VirtualList.RowMessage):
        """The user moved the cursor or scrolled to within two pages of the last row: a list
        with more rows to come fetches them now (``index``: the cursor's row, or after a scroll
        the last row in view)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._articles: Sequence[Article] = ()
        self._matches: Mapping[str, int] = {}
        self._quote_counts: Mapping[str, int] = {}
        self.searching = False

    def row_count(self) -> int:
        return len(self._articles)

    @property
    def articles(self) -> Sequence[Article]:
        """The articles in the order shown."""
        return self._articles

    @property
    def current(self) -> Article | None:
        """The article under the cursor."""
        return self._articles[self.cursor] if self._articles else None

    def show(
        self,
        articles: Sequence[Article],
        *,
        matches: Mapping[str, int] | None = None,
        keep: str | None = None,
    ) -> None:
        """Show ``articles`` (with match counts while searching), keeping ``keep`` under the
        cursor when it is among them."""
        self._articles = articles
        self._matches = matches or {}
        self.searching = matches is not None
        cursor = 0
        if keep is not None:
            cursor = next((i for i, a in enumerate(articles) if a.id == keep), 0)
        self.rows_changed(cursor=cursor)
        self.border_subtitle = (
            f"{len(articles)} found" if self.searching else counted(len(articles), "article")
        )

    def extend(self, articles: Sequence[Article], matches: Mapping[str, int]) -> None:
        """Show ``articles``, the articles shown and more after them, where the cursor and the
        view are (a list that grows as it is scrolled)."""
        self._articles = articles
        self._matches = matches
        self.on_resize()
        self.refresh()

    def check_near_end(self, index: int) -> None:
        """Say so (``NearEnd``) when row ``index`` is within two pages of the last row."""
        if index >= self.row_count() - 2 * self._page_rows:
            self.post_message(self.NearEnd(self, index))

    # Only the user's own moves ask for more rows: the cursor placed by the app (a search's
    # answer, a jump) never makes the list grow under the user.
    def action_cursor_down(self) -> None:
        super().action_cursor_down()
        self.check_near_end(self.cursor)

    def action_cursor_last(self) -> None:
        super().action_cursor_last()
        self.check_near_end(self.cursor)

    def action_page_down(self) -> None:
        super().action_page_down()
        self.check_near_end(self.cursor)

    def on_click(self, event: events.Click) -> None:
        super().on_click(event)
        self.check_near_end(self.cursor)

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        height = self.scrollable_content_region.height
        self.check_near_end((self.scroll_offset.y + height) // self.row_height)

    def set_quote_counts(self, counts: Mapping[str, int]) -> None:
        """Show how many quotes each article holds."""
        self._quote_counts = counts
        self.refresh()

    def select_id(self, article_id: str) -> bool:
        """Move the cursor to ``article_id``; False when it is not listed."""
        for index, article in enumerate(self._articles):
            if article.id == article_id:
                self.cursor = index
                return True
        return False

    def render_row(self, index: int, line: int, width: int, cursor: bool) -> Text:
        article = self._articles[index]
        if line == 0:
            marker = "▌" if cursor else " "
            title = article.title or f"({article.id})"
            return Text.assemble((marker, "bold"), visible_controls(title))
        details = [
            visible_controls(article.outlet or ""),
            article.date[:10] if article.date else "",
        ]
        quotes = self._quote_counts.get(article.id)
        if quotes is not None:
            details.append(f"{quotes} quote{'s' * (quotes != 1)}")
        text = Text("  " + " · ".join(d for d in details if d), style=self.dim_style())
        count = self._matches.get(article.id) if self.searching else None
        # A hit by a field that is not shown (url:, date:) has nothing to count.
        if count:
            text.append(f"  {count} match{'es' * (count != 1)}", style="bold")
        return text
