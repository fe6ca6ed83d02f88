"""Counts in the app agree with their number: ``1 article``, never ``1 articles``."""

from __future__ import annotations

from pathlib import Path

from peskovtui.ui.app import PeskovApp
from peskovtui.ui.widgets.article_list import ArticleList

from .conftest import Run


async def test_a_corpus_of_one_article_is_counted_in_the_singular(
    run_app: Run, tmp_path: Path
) -> None:
    (tmp_path / "only.txt").write_text("Only one\n\nNothing else to read.\n", encoding="utf-8")
    async with run_app(paths=(tmp_path,)) as pilot:
        app = pilot.app
        assert isinstance(app, PeskovApp)
        title = str(app.main.sub_title)
        assert " · 1 article" in title
        assert "1 articles" not in title
        assert app.query_one(ArticleList).border_subtitle == "1 article"
