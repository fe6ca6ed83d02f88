"""What start-up does not load: opening a corpus and importing the reader app leave the quote
extractor and the search engine unimported until they are first used, so the first screen never
waits for them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import peskovtui.library

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


# The modules of the Library's concerns that opening a corpus and drawing the first screen do
# without (the clips and their export, the quote table and the quote book, the speakers'
# directory and timelines), each with the first use that imports it.
FIRST_USES = {
    "peskovtui.library.clips": "library.clips()",
    "peskovtui.library.clip_export": "library.export_clips('md')",
    "peskovtui.library.quotebook": "library.read_quotes()",
    "peskovtui.library.quote_table": "library.read_quotes(); library.quote_table",
    "peskovtui.quotes.speakers": "library.read_quotes()",
    "peskovtui.library.speaker_list": "library.read_quotes(); library.speaker_summaries()",
    "peskovtui.library.timeline": "library.read_quotes(); library.speaker_timeline('peskov')",
}
LIBRARY_CONCERNS = tuple(FIRST_USES)


def test_opening_a_corpus_imports_none_of_the_library_concerns() -> None:
    code = (
        "from peskovtui.library import Library\n"
        "library = Library.open()\n"
        "library.last_place()\n"
        "library.article(library.articles[0].id)\n"
    )
    assert loaded_after(code, LIBRARY_CONCERNS) == set()


def test_a_corpus_named_by_its_path_needs_no_package_resources(seeds: Path) -> None:
    # The bundled articles are found among the package's resources; other corpora are not.
    named = f"from peskovtui.library import Library\nLibrary.open([{str(seeds)!r}])\n"
    bundled = "from peskovtui.library import Library\nLibrary.open()\n"
    assert loaded_after(named, ("importlib.resources",)) == set()
    assert loaded_after(bundled, ("importlib.resources",)) == {"importlib.resources"}


@pytest.mark.parametrize("module", LIBRARY_CONCERNS)
def test_a_library_concern_is_imported_by_its_first_use(module: str) -> None:
    code = (
        f"from peskovtui.library import Library\nlibrary = Library.open()\n{FIRST_USES[module]}\n"
    )
    assert module in loaded_after(code, LIBRARY_CONCERNS)


def test_every_name_the_library_exports_is_had_from_its_module() -> None:
    code = (
        "import importlib\n"
        "import peskovtui.library as package\n"
        "assert 'peskovtui.library.facade' not in sys.modules\n"
        "for name in package.__all__:\n"
        "    value = getattr(package, name)\n"
        "    module = importlib.import_module(f'peskovtui.library.{package._MODULE_OF[name]}')\n"
        "    assert value is getattr(module, name), name\n"
        "    assert name in dir(package), name\n"
        "from peskovtui.library import *\n"
        "assert Library is package.Library and QuoteTable is package.QuoteTable\n"
        "print('ok')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", f"import sys\n{code}"], capture_output=True, text=True
    )
    assert result.stdout.strip() == "ok", result.stderr


def test_a_name_the_library_does_not_export_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'Nothing'"):
        peskovtui.library.Nothing  # noqa: B018


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
    # The Library's concerns the first screen does not show: imported by their first use.
    *LIBRARY_CONCERNS,
)

# The parsers of the formats the bundled articles are not in: imported by a file of theirs.
OTHER_FORMATS = (
    "html.parser",
    "csv",
    "peskovtui.corpus.html",
    "peskovtui.corpus.csv_rows",
    "peskovtui.corpus.json_rows",
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
    assert loaded_after(code, (*NOT_FOR_THE_FIRST_SCREEN, *OTHER_FORMATS)) == set()


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


def test_a_data_set_reopened_from_the_loading_cache_is_neither_parsed_nor_cleaned(
    tmp_path: Path,
) -> None:
    path = tmp_path / "news.csv"
    text = "Kremlin spokesman Dmitry Peskov said nothing new. " * 40
    rows = "".join(f'{n},Title {n},"{text}"\n' for n in range(600))
    path.write_text("article_id,title,text\n" + rows, encoding="utf-8")
    assert path.stat().st_size > 1 << 20  # big enough to be kept
    code = (
        "import os\n"
        f"os.environ['XDG_CACHE_HOME'] = {str(tmp_path / 'cache')!r}\n"
        "from peskovtui.library import Library\n"
        f"library = Library.open([{str(path)!r}])\n"
        "assert len(library.articles) == 600\n"
    )
    parsing = ("csv", "peskovtui.corpus.csv_rows", "peskovtui.corpus.cleanup")
    # The first opening parses and cleans the data set, and keeps what it made.
    assert loaded_after(code, parsing) == set(parsing)
    assert loaded_after(code, parsing) == set()
