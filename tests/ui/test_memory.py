"""Memory in the app: the article and place last read reopened on launch (at any width),
bookmarks set, listed, jumped to and deleted, and back and forward through the jumps."""

from __future__ import annotations

import json
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import OptionList

from peskovtui.library import Place
from peskovtui.library.places import bookmark_label, places_home
from peskovtui.ui.app import PeskovApp
from peskovtui.ui.messages import OpenArticle
from peskovtui.ui.screens.bookmarks import GONE, BookmarksScreen
from peskovtui.ui.widgets.article_list import ArticleList
from peskovtui.ui.widgets.reader import Reader

from .conftest import Run, shown, wait_for

MEDIAITE = "002_3d0a4687557009c2"
CNN = "003_7447ffa13057d1de"
FIRST = "000_8b6f72e4f8395ed9"


def the_app(pilot: Pilot[None]) -> PeskovApp:
    app = pilot.app
    assert isinstance(app, PeskovApp)
    return app


def at_top(reader: Reader, offset: int) -> bool:
    """Whether the line holding character ``offset`` is the top line of the reader."""
    return bool(reader.text_layout.lines) and reader.line_of(offset) == reader.scroll_offset.y


async def test_a_relaunch_reopens_the_article_at_its_place_at_another_width(
    run_app: Run,
) -> None:
    async with run_app(size=(120, 24)) as pilot:
        app = the_app(pilot)
        reader = app.query_one(Reader)
        assert reader.article is not None and reader.article.id == FIRST  # nothing kept yet
        app.main.open_article(MEDIAITE)
        await pilot.press("2", *"jjjjjjjjjjjj")
        await wait_for(pilot, lambda: reader.scroll_offset.y == 12, "twelve lines down")
        offset = reader.top_offset
        assert offset > reader.article.paragraphs[1].start
        await pilot.press("q")
    async with run_app(size=(140, 30)) as pilot:
        app = the_app(pilot)
        reader = app.query_one(Reader)
        assert reader.article is not None and reader.article.id == MEDIAITE
        await wait_for(pilot, lambda: at_top(reader, offset), "the place kept at the top")
        assert reader.scroll_offset.y != 12  # another width, another line: the same place
        current = app.query_one(ArticleList).current
        assert current is not None and current.id == MEDIAITE


async def test_moving_to_another_article_is_kept_at_once(run_app: Run) -> None:
    async with run_app() as pilot:
        app = the_app(pilot)
        app.main.open_article(CNN)
        assert app.library.last_place() == Place(CNN, 0)


async def test_an_article_gone_since_starts_as_usual(run_app: Run, tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    for name in ("a", "b"):
        (folder / f"{name}.txt").write_text(f"Title {name}\n\nText of {name}.\n", encoding="utf-8")
    async with run_app(paths=(folder,)) as pilot:
        the_app(pilot).main.open_article("b")
        await pilot.press("q")
    (folder / "b.txt").unlink()
    async with run_app(paths=(folder,), notifications=True) as pilot:
        app = the_app(pilot)
        reader = app.query_one(Reader)
        assert reader.article is not None and reader.article.id == "a"
        assert list(app._notifications) == []


async def test_a_broken_places_file_is_a_warning_and_a_fresh_start(run_app: Run) -> None:
    async with run_app() as pilot:
        the_app(pilot).main.open_article(CNN)
        await pilot.press("q")
    (kept,) = places_home().glob("*.json")
    kept.write_text("{ not json", encoding="utf-8")
    async with run_app(notifications=True) as pilot:
        app = the_app(pilot)
        reader = app.query_one(Reader)
        assert reader.article is not None and reader.article.id == FIRST
        messages = [n.message for n in app._notifications]
        assert any(m.startswith(f"The reading places file {kept} is damaged") for m in messages)
    assert len(list(places_home().glob("*.unreadable-*.json"))) == 1


async def open_bookmarks(pilot: Pilot[None]) -> BookmarksScreen:
    await pilot.press("apostrophe")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, BookmarksScreen), "bookmarks")
    screen = pilot.app.screen
    assert isinstance(screen, BookmarksScreen)
    return screen


async def test_bookmarks_set_list_jump_and_delete(run_app: Run) -> None:
    async with run_app(size=(120, 24), notifications=True) as pilot:
        app = the_app(pilot)
        reader = app.query_one(Reader)
        app.main.open_article(MEDIAITE)
        await pilot.press("2", "right_square_bracket", "right_square_bracket", "m")
        article = app.library.article(MEDIAITE)
        third = article.paragraphs[2]
        app.main.open_article(CNN)
        await pilot.press("2", "m", "m")
        messages = [n.message for n in app._notifications]
        assert "Bookmarked ¶ 3 (bookmark 1; ' lists them)." in messages
        assert "Bookmarked ¶ 1 (bookmark 2; ' lists them)." in messages
        assert "¶ 1 is bookmarked already." in messages
        first, second = app.library.bookmarks()
        assert (first.place.article_id, first.place.offset) == (MEDIAITE, third.start)
        assert first.label == bookmark_label(article, third.start)
        assert second.place.article_id == CNN

        screen = await open_bookmarks(pilot)
        options = screen.query_one(OptionList)
        assert options.option_count == 2
        title = shown(screen.query_one("#bookmarks-title"))
        assert "Bookmarks of bundled articles: 2 bookmarks" in title
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(2)]
        assert prompts[0].startswith(f"  1  {article.title}\n     ¶ 3: {first.label[:20]}")
        await pilot.press("enter")
        await wait_for(pilot, lambda: not isinstance(app.screen, BookmarksScreen), "closed")
        assert reader.article is article
        await wait_for(pilot, lambda: at_top(reader, third.start), "the bookmark at the top")
        assert app.focused is reader
        # Going to a bookmark is a jump: escape comes back.
        await pilot.press("escape")
        assert reader.article is not None and reader.article.id == CNN

        screen = await open_bookmarks(pilot)
        await pilot.press("d")
        assert app.library.bookmarks() == (second,)
        assert screen.query_one(OptionList).option_count == 1
        await pilot.press("escape")
        assert not isinstance(app.screen, BookmarksScreen)


async def test_a_bookmark_whose_article_vanished_is_marked_not_dropped(
    run_app: Run, tmp_path: Path
) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    for name in ("a", "b"):
        (folder / f"{name}.txt").write_text(f"Title {name}\n\nText of {name}.\n", encoding="utf-8")
    async with run_app(paths=(folder,)) as pilot:
        app = the_app(pilot)
        app.main.open_article("b")
        await pilot.press("2", "m")
        assert len(app.library.bookmarks()) == 1
    (folder / "b.txt").unlink()
    async with run_app(paths=(folder,), notifications=True) as pilot:
        app = the_app(pilot)
        screen = await open_bookmarks(pilot)
        prompt = str(screen.query_one(OptionList).get_option_at_index(0).prompt)
        assert prompt == f"  1  Title b\n     Title b\n     {GONE}"
        await pilot.press("enter")
        assert isinstance(app.screen, BookmarksScreen)
        messages = [n.message for n in app._notifications]
        assert "This bookmark's article is no longer in the corpus." in messages


async def test_back_and_forward_through_the_jumps(run_app: Run) -> None:
    async with run_app(notifications=True) as pilot:
        app = the_app(pilot)
        reader = app.query_one(Reader)

        def reading() -> str | None:
            return reader.article.id if reader.article is not None else None

        await pilot.press("ctrl+o")
        assert "There is no earlier place to go back to." in [n.message for n in app._notifications]
        app.main.post_message(OpenArticle(MEDIAITE))
        await wait_for(pilot, lambda: reading() == MEDIAITE, "the Mediaite article")
        await pilot.press("2", *"jjjjj")
        await wait_for(pilot, lambda: reader.scroll_offset.y == 5, "five lines down")
        app.main.post_message(OpenArticle(CNN))
        await wait_for(pilot, lambda: reading() == CNN, "the CNN article")
        await pilot.press("ctrl+o")
        assert reading() == MEDIAITE
        await wait_for(pilot, lambda: reader.scroll_offset.y == 5, "back where it was")
        await pilot.press("ctrl+o")
        assert reading() == FIRST
        await pilot.press("ctrl+n")
        assert reading() == MEDIAITE
        await pilot.press("ctrl+n")
        assert reading() == CNN
        await pilot.press("ctrl+n")
        assert "There is no later place to go forward to." in [
            n.message for n in app._notifications
        ]
        # Escape walks back the same way, and forward comes again.
        await pilot.press("escape")
        assert reading() == MEDIAITE
        await pilot.press("ctrl+n")
        assert reading() == CNN


def test_the_places_file_names_its_corpus(private_xdg: Path) -> None:
    from peskovtui.library import Library

    library = Library.open()
    library.remember_place(CNN, 7)
    (kept,) = places_home().glob("*.json")
    data = json.loads(kept.read_text(encoding="utf-8"))
    assert data["last"] == {"article_id": CNN, "offset": 7}
    assert len(data["sources"]) == 1 and data["sources"][0].endswith("seeds")


def short_and_long(folder: Path) -> Path:
    """A corpus of a one-line article and one of forty paragraphs."""
    folder.mkdir()
    (folder / "short.txt").write_text("Short\n\nOne line.\n", encoding="utf-8")
    paragraphs = [f"Paragraph {n} says something long enough to wrap once." for n in range(40)]
    (folder / "long.txt").write_text("Long\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return folder


async def test_jumps_from_a_short_article_reach_their_place_in_a_long_one(
    run_app: Run, tmp_path: Path
) -> None:
    folder = short_and_long(tmp_path / "news")
    async with run_app(size=(100, 20), paths=(folder,)) as pilot:
        app = the_app(pilot)
        reader = app.query_one(Reader)
        late = app.library.article("long").paragraphs[30].start
        app.library.add_bookmark("long", late)
        app.main.open_article("short")
        await pilot.pause()
        await open_bookmarks(pilot)
        await pilot.press("enter")
        await wait_for(pilot, lambda: at_top(reader, late), "the bookmark at the top")
        kept = reader.scroll_offset.y
        assert kept > 0
        # Back to the short article, then back into the long one at the same line.
        app.main.post_message(OpenArticle("short"))
        await wait_for(pilot, lambda: reader.article is app.library.article("short"), "short")
        await pilot.press("ctrl+o")
        await wait_for(pilot, lambda: reader.scroll_offset.y == kept, "back where it was")
        # A passage marked right after a short article is shown (a clip, a quote) is centred.
        app.main.open_article("short")
        await pilot.pause()
        last = app.library.article("long").paragraphs[-1]
        app.main._back_from_clips(("long", last.start, last.end))
        await wait_for(pilot, lambda: reader.scroll_offset.y == reader.max_scroll_y > 0, "end")


async def test_a_reopened_article_far_down_the_list_is_shown_there(
    run_app: Run, tmp_path: Path
) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(60):
        (folder / f"a{n:02}.txt").write_text(f"Title {n}\n\nText {n}.\n", encoding="utf-8")
    async with run_app(paths=(folder,)) as pilot:
        the_app(pilot).main.open_article("a55")
        await pilot.press("q")
    async with run_app(size=(120, 30), paths=(folder,)) as pilot:
        articles = the_app(pilot).query_one(ArticleList)
        current = articles.current
        assert current is not None and current.id == "a55"
        top = articles.cursor * articles.row_height
        view = articles.scrollable_content_region.height
        assert articles.scroll_offset.y <= top < articles.scroll_offset.y + view
