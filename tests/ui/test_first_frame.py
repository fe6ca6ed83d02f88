"""The first frame waits for nothing it does not show: the stylesheet is parsed once whatever
theme was remembered, the article is laid out once, at the reader's width, and its quotes are
looked for once the frame is drawn (finding them loads the quote extractor, which would
otherwise take the CPU from the first frame)."""

from __future__ import annotations

import gc
from collections.abc import Iterable

import pytest
from textual.app import App, ComposeResult
from textual.css.stylesheet import Stylesheet
from textual.dom import DOMNode
from textual.screen import Screen

from peskovtui.corpus import Article
from peskovtui.library import Library
from peskovtui.ui.screens.main import MainScreen
from peskovtui.ui.screens.reading import ReadingScreen
from peskovtui.ui.settings import save_theme
from peskovtui.ui.themes import DARK, LIGHT
from peskovtui.ui.widgets.layout import TextLayout
from peskovtui.ui.widgets.reader import Reader

from .conftest import Run, wait_for


class ReaderOnly(App[None]):
    """The reader alone, showing ``article`` as the main screen shows the article last read at
    launch: from its mount, before the first layout has given the reader its size."""

    def __init__(self, article: Article) -> None:
        super().__init__()
        self.article = article

    def compose(self) -> ComposeResult:
        yield Reader()

    def on_mount(self) -> None:
        self.query_one(Reader).show_article(self.article, quotes=(), speakers=(), matches=())


async def test_an_article_shown_before_the_reader_has_a_size_is_laid_out_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    widths: list[int] = []

    class Recorded(TextLayout):
        def __init__(self, article: Article | None = None, shown: str = "", width: int = 0):
            super().__init__(article, shown, width)
            if article is not None:
                widths.append(width)

    monkeypatch.setattr("peskovtui.ui.widgets.article_text.TextLayout", Recorded)
    app = ReaderOnly(Library.open().articles[0])
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: bool(widths), "the article laid out")
        await pilot.pause()
        reader = app.query_one(Reader)
        # Once, at the width the reader has on screen, not first at a guessed one.
        assert widths == [reader.text_layout.width]
        assert reader.text_layout.width > 10 and len(reader.text_layout) > 0


async def test_the_articles_quotes_are_looked_for_once_the_first_frame_is_drawn(
    run_app: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    happened: list[str] = []
    refresh = Screen._compositor_refresh
    on_mount = MainScreen.on_mount
    load_view = ReadingScreen.load_view

    def frame(screen: Screen[object]) -> None:
        refresh(screen)
        happened.append("frame")

    def mounted(screen: MainScreen) -> None:
        on_mount(screen)
        happened.append("mounted")

    def looked_for(screen: ReadingScreen, article_id: str, query: str) -> object:
        happened.append("view")
        return load_view(screen, article_id, query)

    monkeypatch.setattr(Screen, "_compositor_refresh", frame)
    monkeypatch.setattr(MainScreen, "on_mount", mounted)
    monkeypatch.setattr(ReadingScreen, "load_view", looked_for)
    # An article read before: the main screen reopens it from its mount.
    library = Library.open()
    library.remember_place(library.articles[-1].id, 0)
    library.close()
    async with run_app() as pilot:
        await wait_for(pilot, lambda: "view" in happened, "the article's view looked for")
        app = pilot.app
        # The quotes found then reach the panel.
        await wait_for(
            pilot,
            lambda: app.screen_stack[0].quotes_here.quotes is not None,  # type: ignore[attr-defined]
            "the article's quotes known",
        )
    # Not from the mount, where the article last read is shown: after a frame.
    first_view = happened.index("view")
    assert "mounted" in happened[:first_view]
    assert "frame" in happened[happened.index("mounted") : first_view]


@pytest.mark.parametrize("remembered", [None, DARK.name, LIGHT.name, "nord", "gone"])
async def test_the_stylesheet_is_parsed_once_whatever_theme_was_remembered(
    run_app: Run, monkeypatch: pytest.MonkeyPatch, remembered: str | None
) -> None:
    if remembered is not None:
        save_theme(remembered)
    reparsed: list[Stylesheet] = []
    reparse = Stylesheet.reparse

    def counted(sheet: Stylesheet) -> None:
        reparsed.append(sheet)
        reparse(sheet)

    monkeypatch.setattr(Stylesheet, "reparse", counted)
    async with run_app() as pilot:
        app = pilot.app
        opened = DARK.name if remembered in (None, "gone") else remembered
        assert app.theme == opened
        assert app.current_theme.name == opened
        assert app.has_class("-light-mode") == (opened == LIGHT.name)
        assert app.has_class("-dark-mode") == (opened != LIGHT.name)
        assert reparsed == []
        # A theme chosen later is applied as before.
        app.theme = LIGHT.name if opened != LIGHT.name else DARK.name
        await wait_for(pilot, lambda: bool(reparsed), "the stylesheet parsed for the new theme")


async def test_a_collector_paused_for_the_start_runs_again_once_the_first_frame_is_drawn(
    run_app: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    frozen: list[bool] = []
    freeze = gc.freeze

    def recorded() -> None:
        frozen.append(gc.isenabled())
        freeze()

    monkeypatch.setattr(gc, "freeze", recorded)
    # As ``peskovtui`` starts the reader (cli/reading.py): the collector paused until then.
    gc.disable()
    try:
        # The app is given once the index and the quotes are ready (see ``settle``).
        async with run_app() as pilot:
            await wait_for(pilot, lambda: len(frozen) == 3, "three freezes")
            assert gc.isenabled()
            # What the start made was frozen out of the collector's passes before it ran again;
            # then the opened index and the corpus's quotes, each when ready.
            assert frozen == [False, True, True]
    finally:
        gc.unfreeze()
        gc.enable()


async def test_a_running_collector_is_left_as_it_is(run_app: Run) -> None:
    frozen = gc.get_freeze_count()
    # The app is given once the index and the quotes are ready (see ``settle``).
    async with run_app() as pilot:
        await pilot.pause()
        assert gc.isenabled()
        assert gc.get_freeze_count() == frozen


async def test_no_widget_of_the_first_screen_is_styled_again_for_nothing(
    run_app: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each widget is styled as it is mounted; styling it again costs as much. At start, the
    # screen's first resume, its width class (given on the first resize), the search bar's
    # focus taken and given up, and the footer's keys (made compact, then wide) each did so.
    restyled: list[str] = []
    update_nodes = Stylesheet.update_nodes

    def recorded(sheet: Stylesheet, nodes: Iterable[DOMNode], animate: bool = False) -> None:
        nodes = list(nodes)
        restyled.extend(type(node).__name__ for node in nodes)
        update_nodes(sheet, nodes, animate)

    monkeypatch.setattr(Stylesheet, "update_nodes", recorded)
    async with run_app() as pilot:
        await pilot.pause()
        assert pilot.app.screen.has_class("-wide")
        # Only the document list, for the focus it is given.
        assert restyled == ["ArticleList"]
