"""The domain packages never import Textual: a notebook or a script can use them alone."""

from __future__ import annotations

import subprocess
import sys

DOMAIN_MODULES = [
    "peskovtui.corpus",
    "peskovtui.quotes",
    "peskovtui.search",
    "peskovtui.library",
    "peskovtui.citation",
    "peskovtui.display",
    "peskovtui.cli",
]


def test_domain_modules_do_not_import_textual() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {DOMAIN_MODULES!r}:\n"
        "    importlib.import_module(name)\n"
        "print('textual' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_the_probe_would_notice_textual() -> None:
    code = "import textual, sys\nprint('textual' in sys.modules)\n"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "True"
