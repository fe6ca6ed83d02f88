"""What start-up does not load: opening a corpus and importing the reader app leave the quote
extractor and the search engine unimported until they are first used, so the first screen never
waits for them."""

from __future__ import annotations

import subprocess
import sys

# Heavy modules the first screen does not show, and the first use that needs each.
DEFERRED = (
    "peskovtui.quotes.extract",
    "whoosh",
    "multiprocessing",
    # The speakers screen's chart: imported when it first shows a timeline.
    "plotext",
    "textual_plotext",
)


def loaded_after(code: str, names: tuple[str, ...] = DEFERRED) -> set[str]:
    """Those of ``names`` imported once ``code`` has run in a fresh interpreter (the last line
    it prints)."""
    script = (
        f"import sys\n{code}\nprint(' '.join(name for name in {names!r} if name in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    return set(result.stdout.splitlines()[-1].split()) if result.stdout.strip() else set()


def test_opening_the_bundled_articles_and_the_app_loads_neither_extractor_nor_index() -> None:
    code = (
        "import peskovtui.cli\n"
        "import peskovtui.ui.app\n"
        "from peskovtui.library import Library\n"
        "library = Library.open()\n"
        "library.article(library.articles[0].id)\n"
    )
    assert loaded_after(code) == set()


def test_the_first_quotes_asked_for_load_the_extractor() -> None:
    code = (
        "from peskovtui.library import Library\n"
        "library = Library.open()\n"
        "library.article_quotes(library.articles[0].id)\n"
    )
    assert loaded_after(code) == {"peskovtui.quotes.extract"}


def test_the_first_search_loads_the_index(tmp_path: object) -> None:
    code = (
        "import os\n"
        f"os.environ['XDG_CACHE_HOME'] = {str(tmp_path)!r}\n"
        "from peskovtui.library import Library\n"
        "library = Library.open()\n"
        "library.search('kremlin')\n"
    )
    assert "whoosh" in loaded_after(code)


def test_reopening_an_index_that_is_up_to_date_loads_no_extractor(tmp_path: object) -> None:
    code = (
        "import os\n"
        f"os.environ['XDG_CACHE_HOME'] = {str(tmp_path)!r}\n"
        "from peskovtui.library import Library\n"
        "library = Library.open()\n"
        "report = library.refresh_index()\n"
        "assert not (report.added or report.changed or report.removed), report\n"
    )
    build = code.replace("assert not", "assert")
    # The first refresh builds the index: the speakers of every article are found.
    assert "peskovtui.quotes.extract" in loaded_after(build)
    # The second finds nothing to do: it needs the extractor's version, not the extractor.
    assert "peskovtui.quotes.extract" not in loaded_after(code)


# What the reader's start-up does not load: the printing subcommands (Rich's tables, JSON,
# CSV), the screens the first screen does not show, and what only a keymap or a browser needs.
# Each is imported when first used.
NOT_FOR_THE_FIRST_SCREEN = (
    "peskovtui.cli.commands",
    "peskovtui.cli.output",
    "peskovtui.cli.clipping",
    "peskovtui.cli.speakers",
    "peskovtui.ui.screens.bookmarks",
    "peskovtui.ui.screens.checking",
    "peskovtui.ui.screens.clip_export",
    "peskovtui.ui.screens.clips",
    "peskovtui.ui.screens.facets",
    "peskovtui.ui.screens.help",
    "peskovtui.ui.screens.palette",
    "peskovtui.ui.screens.quote_table",
    "peskovtui.ui.screens.speakers",
    "webbrowser",
    "tomllib",
)

# ``peskovtui`` with no argument, as in a terminal, up to the moment the app would start (its
# ``run`` is replaced by nothing).
READER_LAUNCH = """
import io, os
os.environ["XDG_CACHE_HOME"] = CACHE
class Terminal(io.StringIO):
    def isatty(self):
        return True
import peskovtui.ui.app
peskovtui.ui.app.run = lambda library: 0
sys.stdin, sys.stdout = Terminal(), Terminal()
from peskovtui.cli import main
assert main([]) == 0
sys.stdout = sys.__stdout__
"""

# The app on the bundled articles until its first screen shows an article, then ``?``.
FIRST_SCREEN = """
import asyncio, os
os.environ["XDG_CACHE_HOME"] = CACHE
from peskovtui.library import Library
from peskovtui.ui.app import PeskovApp

async def run():
    library = Library.open()
    app = PeskovApp(library)
    async with app.run_test(size=(140, 45)) as pilot:
        while app.main.reader.article is None or not app.main.article_list.row_count():
            await pilot.pause()
        print(" ".join(name for name in NAMES if name in sys.modules))
        await pilot.press("question_mark")
        while app.screen is app.main:
            await pilot.pause()
        print(" ".join(name for name in NAMES if name in sys.modules))
        library.close()

NAMES = NAMES_HERE
asyncio.run(run())
"""


def test_opening_the_reader_imports_no_subcommand_and_no_other_screen(tmp_path: object) -> None:
    code = READER_LAUNCH.replace("CACHE", repr(str(tmp_path)))
    assert loaded_after(code, NOT_FOR_THE_FIRST_SCREEN) == set()


def test_a_subcommand_imports_its_own_module(tmp_path: object) -> None:
    code = (
        f"import os\nos.environ['XDG_CACHE_HOME'] = {str(tmp_path)!r}\n"
        "from peskovtui.cli import main\n"
        "assert main(['list', '--format', 'json']) == 0\n"
    )
    loaded = loaded_after(code, (*NOT_FOR_THE_FIRST_SCREEN, "peskovtui.ui.app"))
    assert loaded == {"peskovtui.cli.commands", "peskovtui.cli.output"}


def test_the_first_screen_imports_no_other_screen_until_one_is_opened(tmp_path: object) -> None:
    code = FIRST_SCREEN.replace("CACHE", repr(str(tmp_path)))
    code = code.replace("NAMES_HERE", repr(NOT_FOR_THE_FIRST_SCREEN))
    # Bounded: an app that never showed its first screen would wait forever.
    result = subprocess.run(
        [sys.executable, "-c", f"import sys\n{code}"],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    with_first_screen, after_help = result.stdout.splitlines()
    assert with_first_screen.split() == []
    assert "peskovtui.ui.screens.help" in after_help.split()
