"""The reader app's flows, driven key by key."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import Label, ProgressBar

from peskovtui.citation import as_markdown, as_plain, cite, cite_paragraph
from peskovtui.search import Progress
from peskovtui.search.progress import WRITING
from peskovtui.ui.app import PeskovApp
from peskovtui.ui.messages import IndexProgress, IndexReady
from peskovtui.ui.screens.help import HelpScreen
from peskovtui.ui.widgets.article_list import ArticleList
from peskovtui.ui.widgets.quotes_panel import QuotesPanel
from peskovtui.ui.widgets.reader import Reader
from peskovtui.ui.widgets.search_bar import QueryInput, SearchBar

from .conftest import Run, palette_offers, search, wait_for


def parts(pilot: Pilot[None]) -> tuple[PeskovApp, ArticleList, Reader, QuotesPanel]:
    app = pilot.app
    assert isinstance(app, PeskovApp)
    return app, app.query_one(ArticleList), app.query_one(Reader), app.query_one(QuotesPanel)


def visible(reader: Reader, start: int, end: int) -> bool:
    top = reader.scroll_offset.y
    height = reader.scrollable_content_region.height
    return top <= reader.line_of(start) and reader.line_of(end - 1) < top + height


async def test_first_screen_lists_articles_and_opens_the_first(run_app: Run) -> None:
    async with run_app() as pilot:
        app, articles, reader, quotes = parts(pilot)
        assert [a.id[:3] for a in articles.articles] == ["000", "001", "002", "003", "004"]
        assert reader.article is articles.articles[0]
        assert app.focused is articles
        assert quotes.row_count() > 0
        assert str(app.main.sub_title).startswith("bundled articles · 5 articles · ")


async def test_search_highlights_matches_and_n_steps_through_them(run_app: Run) -> None:
    async with run_app() as pilot:
        app, articles, reader, _ = parts(pilot)
        await search(pilot, "peskov")
        assert articles.searching
        assert articles.row_count() == 5
        assert reader.article is not None
        text = reader.article.text
        assert reader.matches
        assert all(text[s:e].lower() == "peskov" for s, e in reader.matches)

        await pilot.press("enter")
        assert app.focused is articles
        await pilot.press("n")
        assert reader.current_match == 0
        assert str(reader.border_subtitle).startswith(f"match 1/{len(reader.matches)}")
        assert visible(reader, *reader.matches[0])
        await pilot.press("n", "n", "N")
        assert reader.current_match == 1
        await pilot.pause()
        assert visible(reader, *reader.matches[1])


async def test_n_goes_on_to_the_next_article_at_the_last_match(run_app: Run) -> None:
    async with run_app() as pilot:
        _, articles, reader, _ = parts(pilot)
        await search(pilot, "evidence")
        first = reader.article
        assert len(reader.matches) == 1
        await pilot.press("enter", "n", "n")
        assert reader.article is not first
        assert reader.article is articles.current
        assert reader.current_match == 0
        await pilot.press("N")
        assert reader.article is first


async def test_escape_clears_the_search_and_returns_focus(run_app: Run) -> None:
    async with run_app() as pilot:
        app, articles, reader, _ = parts(pilot)
        await pilot.press("2")
        assert app.focused is reader
        await search(pilot, "kremlin")
        assert articles.searching
        await pilot.press("escape")
        assert app.focused is reader
        assert not articles.searching
        assert articles.row_count() == 5
        assert reader.matches == []
        assert app.query_one(QueryInput).value == ""


async def test_a_bad_query_shows_its_message_inline(run_app: Run) -> None:
    async with run_app() as pilot:
        app, articles, _, _ = parts(pilot)
        await pilot.press("slash")
        # Pasted at once, so that no partial query runs before it.
        app.query_one(QueryInput).value = "date:2017-99..2018"
        await wait_for(pilot, lambda: app.main.search_answered("date:2017-99..2018"), "the error")
        status = app.query_one("#search-status")
        assert status.has_class("-error")
        assert "no month 99" in str(status.render())
        assert not articles.searching  # the list is left as it was
        assert articles.row_count() == 5
        await pilot.press("escape")
        assert not status.has_class("-error")


async def test_earlier_queries_come_back_with_up(run_app: Run) -> None:
    async with run_app() as pilot:
        app, _, _, _ = parts(pilot)
        await search(pilot, "kremlin")
        await pilot.press("enter", "slash", "escape", "slash", "up")
        assert app.query_one(QueryInput).value == "kremlin"
        await pilot.press("down")
        assert app.query_one(QueryInput).value == ""


async def test_choosing_a_quote_centres_and_marks_exactly_its_passage(run_app: Run) -> None:
    async with run_app() as pilot:
        app, _articles, reader, quotes = parts(pilot)
        await pilot.press("3")
        assert app.focused is quotes
        await pilot.press("G", "enter")
        row = quotes.current
        assert row is not None
        await wait_for(pilot, lambda: reader.marked is not None, "the quote marked")
        assert reader.article is row.article
        assert reader.marked == (row.quote.start, row.quote.end)
        assert reader.article.text[row.quote.start : row.quote.end] == row.quote.text
        assert visible(reader, row.quote.start, row.quote.end)
        assert app.focused is quotes
        # Escape goes back to where the reader was.
        await pilot.press("escape")
        await pilot.pause()
        assert reader.scroll_offset.y == 0


async def test_a_quote_of_another_article_opens_it(run_app: Run) -> None:
    async with run_app() as pilot:
        _app, articles, reader, quotes = parts(pilot)
        await pilot.press("3", "a")
        assert quotes.corpus_wide
        await pilot.press("G", "enter")
        row = quotes.current
        assert row is not None
        assert row.article.id.startswith("004")
        await wait_for(pilot, lambda: reader.marked is not None, "the quote marked")
        assert reader.article is row.article
        assert articles.current is row.article
        assert reader.marked == (row.quote.start, row.quote.end)


async def test_y_copies_the_quote_with_its_citation(run_app: Run) -> None:
    async with run_app() as pilot:
        app, _, _, quotes = parts(pilot)
        await pilot.press("3", "j")
        row = quotes.current
        assert row is not None
        expected = cite(
            row.article, row.quote.start, row.quote.end, speaker=row.quote.speaker, quote=True
        )
        await pilot.press("y")
        assert app.clipboard == as_plain(expected)
        await pilot.press("Y")
        assert app.clipboard == as_markdown(expected)
        assert app.clipboard.startswith(f"> “{row.quote.text}”")


async def test_y_in_the_reader_copies_the_current_paragraph(run_app: Run) -> None:
    async with run_app() as pilot:
        app, _, reader, _ = parts(pilot)
        await pilot.press("2", "right_square_bracket", "right_square_bracket")
        assert reader.current_paragraph == 2
        await pilot.press("y")
        assert reader.article is not None
        assert app.clipboard == as_plain(cite_paragraph(reader.article, 2))
        assert "Paragraph 3, characters" in app.clipboard


async def choose_quote(pilot: Pilot[None], quotes: QuotesPanel, words: str) -> None:
    reader = pilot.app.query_one(Reader)
    await pilot.press("3", "g")
    for _ in range(quotes.row_count()):
        row = quotes.current
        assert row is not None
        if words in row.quote.text:
            await pilot.press("enter")
            await wait_for(pilot, lambda: reader.marked is not None, "the quote marked")
            return
        await pilot.press("j")
    raise AssertionError(f"no quote holds {words!r}")


async def test_versions_in_other_articles_with_their_differences(run_app: Run) -> None:
    async with run_app() as pilot:
        _app, articles, reader, quotes = parts(pilot)
        articles.select_id("002_3d0a4687557009c2")
        await pilot.pause()
        await choose_quote(pilot, quotes, "stable political traditions")
        row = quotes.current
        assert row is not None
        assert row.also_in == 1
        assert str(reader.border_subtitle).startswith("version 1/2 (v/V) · ¶ ")
        await pilot.press("v")
        await wait_for(pilot, lambda: "version 2/2" in str(reader.border_subtitle), "version 2")
        assert reader.article is not None
        assert reader.article.id.startswith("003")
        assert reader.marked is not None
        marked = reader.article.text[reader.marked[0] : reader.marked[1]]
        assert "stable political tradition and you say" in marked
        assert "version 2/2" in str(reader.border_subtitle)
        differences = [reader.article.text[s:e] for s, e in reader.highlights.diffs]
        assert "tradition" in differences
        await pilot.press("V")
        await wait_for(pilot, lambda: "version 1/2" in str(reader.border_subtitle), "version 1")
        assert reader.article.id.startswith("002")


async def test_a_quote_repeated_in_its_own_article(run_app: Run) -> None:
    async with run_app() as pilot:
        _, _, reader, quotes = parts(pilot)
        await choose_quote(pilot, quotes, "very lousy relationship")
        first = reader.marked
        await pilot.press("v")
        await wait_for(pilot, lambda: reader.marked != first, "the other version marked")
        assert reader.marked is not None
        assert reader.marked != first
        assert reader.article is not None
        assert reader.article.text[reader.marked[0] : reader.marked[1]] == (
            "Because what we have currently is a very lousy relationship."
        )
        assert reader.highlights.diffs == []


async def test_article_text_is_never_markup(run_app: Run) -> None:
    async with run_app() as pilot:
        _, articles, reader, _ = parts(pilot)
        articles.select_id("004_67415639bfef48f7")
        await pilot.pause()
        assert reader.article is not None
        offset = reader.article.text.index("[to him]")
        reader.scroll_to(y=reader.line_of(offset), animate=False)
        await pilot.pause()
        line = reader.render_line(reader.line_of(offset) - reader.scroll_offset.y)
        assert "[to him]" in line.text


async def test_resizing_down_to_60_by_20(run_app: Run) -> None:
    async with run_app(size=(60, 20)) as pilot:
        app, _articles, reader, quotes = parts(pilot)
        assert app.screen.has_class("-narrow")
        assert not quotes.display
        await pilot.press("3")
        assert quotes.display
        assert app.focused is quotes
        await pilot.press("escape")
        assert not quotes.display
        await search(pilot, "peskov")
        await pilot.press("enter", "n")
        assert reader.current_match == 0
        await pilot.resize_terminal(140, 45)
        await pilot.pause()
        assert not app.screen.has_class("-narrow")
        assert quotes.display


async def test_help_lists_every_key(run_app: Run) -> None:
    async with run_app() as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, HelpScreen)
        keys = {what: keys for _, keys, what in screen.rows}
        assert keys["Next match"] == "n"
        assert keys["Prev match"] == "N"
        assert keys["Copy as Markdown"] == "Y"
        assert keys["Search"] == "/"
        assert keys["Help"] == "?"
        for description in ("Page down", "Next ¶", "Quit", "Open", "Earlier query"):
            assert description in keys
        await pilot.press("escape")
        assert not isinstance(pilot.app.screen, HelpScreen)


async def test_palette_goes_to_an_article(run_app: Run) -> None:
    async with run_app() as pilot:
        _, articles, reader, _ = parts(pilot)
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, CommandPalette), "palette")
        await pilot.press(*"mutual respect")
        await wait_for(pilot, lambda: palette_offers(pilot, "mutual respect"), "the hit")
        await pilot.press("enter")
        await wait_for(pilot, lambda: not isinstance(pilot.app.screen, CommandPalette), "closed")
        assert reader.article is not None
        assert reader.article.id.startswith("004")
        assert articles.current is reader.article


async def test_keys_can_be_remapped(run_app: Run, private_xdg: Path) -> None:
    config = private_xdg / "XDG_CONFIG_HOME" / "peskovtui"
    config.mkdir(parents=True)
    (config / "keymap.toml").write_text('[keymap]\n"app.next_match" = "m"\n', encoding="utf-8")
    async with run_app() as pilot:
        _, _, reader, _ = parts(pilot)
        await search(pilot, "peskov")
        await pilot.press("enter", "m")
        assert reader.current_match == 0


async def test_a_broken_keymap_is_reported_not_fatal(run_app: Run, private_xdg: Path) -> None:
    config = private_xdg / "XDG_CONFIG_HOME" / "peskovtui"
    config.mkdir(parents=True)
    (config / "keymap.toml").write_text("[keymap\n", encoding="utf-8")
    async with run_app() as pilot:
        messages = [n.message for n in pilot.app._notifications]
        assert any("keymap" in m and "was not used" in m for m in messages)


async def test_search_bar_status_counts_matches(run_app: Run) -> None:
    async with run_app() as pilot:
        await search(pilot, "evidence")
        bar = pilot.app.query_one(SearchBar)
        assert "2 matches in 2 articles" in str(bar.query_one("#search-status").render())


async def test_the_speakers_of_the_current_paragraph_are_named(run_app: Run) -> None:
    async with run_app() as pilot:
        _, articles, reader, _ = parts(pilot)
        articles.select_id("004_67415639bfef48f7")
        await pilot.pause()
        assert reader.article is not None
        target = reader.article.paragraph_index(reader.article.text.index("much more"))
        await pilot.press("2", *["right_square_bracket"] * target)
        await pilot.pause()
        # The paragraph says only "he said"; the reader names him.
        assert str(reader.border_subtitle) == f"¶ {target + 1}: Dmitry Peskov"


async def test_hits_beyond_the_ranged_ones_get_their_matches_when_opened(
    run_app: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("peskovtui.ui.screens.searching.RANGED_HITS", 1)
    async with run_app() as pilot:
        app, articles, reader, _ = parts(pilot)
        await search(pilot, "peskov")
        await pilot.press("enter", "j", "j")
        await pilot.pause()
        assert reader.article is articles.current
        assert reader.article is not None
        assert list(reader.matches) == list(app.library.match_offsets(reader.article.id, "peskov"))
        assert reader.matches
        status = str(app.query_one("#search-status").render())
        assert status == "5 articles"


async def test_an_unknown_binding_id_in_the_keymap_is_reported(
    run_app: Run, private_xdg: Path
) -> None:
    config = private_xdg / "XDG_CONFIG_HOME" / "peskovtui"
    config.mkdir(parents=True)
    (config / "keymap.toml").write_text(
        '[keymap]\n"app.next_macth" = "m"\n"app.previous_match" = "M"\n', encoding="utf-8"
    )
    async with run_app() as pilot:
        messages = [n.message for n in pilot.app._notifications]
        assert any("unknown binding id app.next_macth" in m for m in messages), messages
        assert any("app.next_match" in m for m in messages)  # the suggestion
        _, _, reader, _ = parts(pilot)
        await search(pilot, "peskov")
        await pilot.press("enter", "M")  # the known id still applies
        assert reader.current_match == len(reader.matches) - 1


async def test_index_progress_shows_the_phase_and_its_count(run_app: Run) -> None:
    async with run_app() as pilot:
        app = pilot.app
        assert isinstance(app, PeskovApp)
        row = app.query_one("#index-progress")
        assert not row.has_class("-active")
        app.main.post_message(IndexProgress(Progress(WRITING, 500, 2000, "entries")))
        await pilot.pause()
        assert row.has_class("-active")
        assert str(app.query_one("#index-phase", Label).content) == (
            "Writing the index 500 of 2,000 entries"
        )
        bar = app.query_one(ProgressBar)
        assert (bar.progress, bar.total) == (500, 2000)
        app.main.post_message(IndexReady(()))
        await pilot.pause()
        assert not row.has_class("-active")
