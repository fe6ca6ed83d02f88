"""An article's quotes are found in a worker: the reader shows the text at once, even when
finding them takes long, and the quotes follow."""

from __future__ import annotations

import threading

import pytest

from peskovtui import library as library_module
from peskovtui.corpus import Article
from peskovtui.quotes import Quote, article_quotes
from peskovtui.ui.app import PeskovApp
from peskovtui.ui.widgets.quotes_panel import QuotesPanel
from peskovtui.ui.widgets.reader import Reader

from .conftest import Run, wait_for

LATE = "004_67415639bfef48f7"


async def test_the_text_shows_before_the_quotes_are_found(
    run_app: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    started = threading.Event()
    extract = article_quotes

    def slow(article: Article) -> list[Quote]:
        if article.id == LATE:
            started.set()
            # Held until the test has seen the reader; bounded so a broken test cannot hang.
            release.wait(timeout=60)
        return extract(article)

    monkeypatch.setattr("peskovtui.quotes.extract.article_quotes", slow)
    monkeypatch.setattr(library_module.Library, "read_quotes", lambda self: None)
    monkeypatch.setattr(library_module.Library, "quote_counts", lambda self: {})
    async with run_app() as pilot:
        app = pilot.app
        assert isinstance(app, PeskovApp)
        reader = app.query_one(Reader)
        panel = app.query_one(QuotesPanel)
        app.main.open_article(LATE)
        await wait_for(pilot, started.is_set, "the extraction started")
        # The UI thread is free: the text is laid out, no quote is shown yet.
        assert reader.article is not None
        assert reader.article.id == LATE
        assert reader.line_of(len(reader.article.text) - 1) > 0
        assert reader.highlights.quotes == []
        assert "finding" in (panel.border_title or "")
        release.set()
        await wait_for(pilot, lambda: bool(reader.highlights.quotes), "the quotes shown")
        assert panel.row_count() > 0
        assert panel.border_title == "Quotes here"
