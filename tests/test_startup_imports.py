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


def loaded_after(code: str) -> set[str]:
    """Those of ``DEFERRED`` imported once ``code`` has run in a fresh interpreter."""
    script = (
        "import sys\n"
        f"{code}\n"
        f"print(' '.join(name for name in {DEFERRED!r} if name in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    return set(result.stdout.split())


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
