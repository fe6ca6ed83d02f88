"""By URL in the app: the palette takes a pasted URL, and o opens the article's source in the
system browser, or copies the URL where there is none. No real browser is ever started."""

from __future__ import annotations

import sys
import webbrowser
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from textual.pilot import Pilot

from peskovtui.ui import clipboard
from peskovtui.ui.app import PeskovApp
from peskovtui.ui.widgets.reader import Reader

from .conftest import Run, search, wait_for
from .test_copy_and_palette import open_palette

CNN = "https://www.cnn.com/2017/01/10/politics/kremlin-talks/"


class FakeBrowser(webbrowser.BaseBrowser):
    """A browser that only records what it was asked to open."""

    def __init__(self) -> None:
        super().__init__("fake")
        self.opened: list[str] = []

    def open(self, url: str, new: int = 0, autoraise: bool = True) -> bool:
        self.opened.append(url)
        return True


@pytest.fixture
def news(tmp_path: Path) -> Path:
    data = tmp_path / "news.csv"
    data.write_text(
        "article_id,publish_date,article_source_link,title,text\n"
        f"a1,2017-01-10,{CNN},Kremlin talks,Peskov spoke of talks.\n"
        "b2,2017-01-11,http://abcnews.go.com/US/story?id=45319196,Winter storm,Snow fell.\n"
        "c3,2017-01-12,,No link here,Nothing to open.\n"
        "d4,2017-01-13,file:///etc/passwd,Not a web page,Nothing to open either.\n",
        encoding="utf-8",
    )
    return data


@pytest.fixture(autouse=True)
def no_real_browser(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Fail a test that would start a real browser or a clipboard tool."""
    started: list[str] = []

    def refuse(*args: object, **kwargs: object) -> bool:
        started.append(str(args))
        raise AssertionError("a real browser was asked for")

    monkeypatch.setattr(webbrowser, "get", refuse)
    monkeypatch.setattr(webbrowser, "open", refuse)
    monkeypatch.setattr(clipboard, "system_clipboard_command", lambda: None)
    return started


def the_app(pilot: Pilot[None]) -> PeskovApp:
    app = pilot.app
    assert isinstance(app, PeskovApp)
    return app


def reading(app: PeskovApp) -> str | None:
    article = app.query_one(Reader).article
    return article.id if article is not None else None


def messages(app: PeskovApp) -> list[str]:
    return [n.message for n in app._notifications]


def a_display_with(monkeypatch: pytest.MonkeyPatch, get: Callable[..., object]) -> None:
    """A local session with a display, where ``webbrowser.get`` is ``get``."""
    monkeypatch.setattr(webbrowser, "get", get)
    monkeypatch.delenv("SSH_CONNECTION", raising=False)
    monkeypatch.setenv("DISPLAY", ":0")


@asynccontextmanager
async def o_pressed(run_app: Run, news: Path, article_id: str) -> AsyncIterator[Pilot[None]]:
    """The app on ``news`` with ``o`` pressed on ``article_id``."""
    async with run_app(paths=(news,), notifications=True) as pilot:
        the_app(pilot).main.open_article(article_id)
        await pilot.press("o")
        yield pilot


async def test_the_palette_offers_the_article_at_a_pasted_url(run_app: Run, news: Path) -> None:
    async with run_app(paths=(news,)) as pilot:
        app = the_app(pilot)
        await open_palette(pilot, "https://abcnews.go.com/US/story?id=45319196", "Winter storm")
        await pilot.press("enter")
        await wait_for(pilot, lambda: reading(app) == "b2", "the article at the URL")
        await open_palette(pilot, "http://cnn.com/2017/01/10/politics/kremlin-talks", "Kremlin")
        await pilot.press("enter")
        await wait_for(pilot, lambda: reading(app) == "a1", "the article at the URL")


async def test_o_opens_the_url_in_the_browser_in_a_thread(
    run_app: Run, news: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = FakeBrowser()
    a_display_with(monkeypatch, lambda *args: fake)
    async with o_pressed(run_app, news, "a1") as pilot:
        app = the_app(pilot)
        await wait_for(pilot, lambda: fake.opened == [CNN], "the browser asked")
        await wait_for(pilot, lambda: f"Opened {CNN} in the browser." in messages(app), "told")
        assert app.clipboard == ""


@pytest.mark.parametrize(
    ("environment", "why"),
    [
        ({"SSH_CONNECTION": "10.0.0.1 5555 10.0.0.2 22", "DISPLAY": ":0"}, "over SSH"),
        ({"DISPLAY": "", "WAYLAND_DISPLAY": ""}, "without a display"),
    ],
)
async def test_o_copies_the_url_where_there_is_no_browser(
    run_app: Run,
    news: Path,
    monkeypatch: pytest.MonkeyPatch,
    environment: dict[str, str],
    why: str,
) -> None:
    monkeypatch.delenv("SSH_CONNECTION", raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    async with o_pressed(run_app, news, "a1") as pilot:
        app = the_app(pilot)
        assert app.clipboard == CNN
        assert f"There is no browser to open {why}; copied the URL instead: {CNN}" in messages(app)


async def test_o_copies_the_url_when_no_browser_is_found(
    run_app: Run, news: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def none(*args: object) -> webbrowser.BaseBrowser:
        raise webbrowser.Error("could not locate runnable browser")

    a_display_with(monkeypatch, none)
    url = "http://abcnews.go.com/US/story?id=45319196"
    async with o_pressed(run_app, news, "b2") as pilot:
        app = the_app(pilot)
        await wait_for(pilot, lambda: app.clipboard == url, "the URL copied")
        assert f"No browser could be opened; copied the URL instead: {url}" in messages(app)


async def test_a_browser_in_the_terminal_is_not_used(
    run_app: Run, news: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lynx = webbrowser.GenericBrowser("lynx")
    monkeypatch.setattr(lynx, "open", lambda *args, **kwargs: pytest.fail("lynx was run"))
    a_display_with(monkeypatch, lambda *args: lynx)
    async with o_pressed(run_app, news, "a1") as pilot:
        app = the_app(pilot)
        await wait_for(pilot, lambda: app.clipboard == CNN, "the URL copied")


async def test_an_article_without_a_url_says_so(run_app: Run, news: Path) -> None:
    async with o_pressed(run_app, news, "c3") as pilot:
        app = the_app(pilot)
        assert "This article has no source URL." in messages(app)
        assert app.clipboard == ""


async def test_only_a_web_address_is_opened(
    run_app: Run, news: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = FakeBrowser()
    a_display_with(monkeypatch, lambda *args: fake)
    async with o_pressed(run_app, news, "d4") as pilot:
        app = the_app(pilot)
        assert app.clipboard == "file:///etc/passwd"
        notice = "The source is not an http or https address; copied the URL instead: "
        assert notice + "file:///etc/passwd" in messages(app)
        assert fake.opened == []


async def test_a_url_search_lists_the_article_without_a_count_of_matches(
    run_app: Run, news: Path
) -> None:
    async with run_app(paths=(news,)) as pilot:
        app = pilot.app
        assert isinstance(app, PeskovApp)
        await search(pilot, f'url:"{CNN}"')
        listed = app.main.article_list
        assert [a.id for a in listed.articles] == ["a1"]
        details = listed.render_row(0, 1, 200, cursor=True).plain
        assert details == "  CNN · 2017-01-10 · 0 quotes"
