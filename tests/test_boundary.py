"""The wall between the domain and the screen: no module outside ``peskovtui.ui`` imports
Textual (a notebook or a script can use them alone), and the UI uses the domain's public faces
only: the Library, citations, display helpers, errors and the packages' own exports."""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import peskovtui

PACKAGE = Path(peskovtui.__file__).parent

# What the UI may import from the domain: whole modules, or a package's top level only.
PUBLIC = {
    "peskovtui.library",
    "peskovtui.citation",
    "peskovtui.display",
    "peskovtui.errors",
    "peskovtui.corpus",
    "peskovtui.quotes",
    "peskovtui.search",
}


def every_module() -> list[str]:
    """Every module of the package, found by walking it (lazily imported ones included)."""
    return sorted(info.name for info in pkgutil.walk_packages([str(PACKAGE)], prefix="peskovtui."))


def domain_modules() -> list[str]:
    return [
        name
        for name in every_module()
        if not name.startswith("peskovtui.ui") and name != "peskovtui.__main__"
    ]


def imports_textual(modules: list[str]) -> list[str]:
    """Those of ``modules`` that bring Textual in, each imported in a fresh interpreter."""
    code = (
        "import importlib, sys\n"
        "found = []\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "    if 'textual' in sys.modules:\n"
        "        found.append(name)\n"
        "        break\n"
        "print(' '.join(found))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return result.stdout.split()


def test_the_walk_finds_the_lazily_imported_modules() -> None:
    modules = domain_modules()
    for name in (
        "peskovtui.search.engine",
        "peskovtui.search.build",
        "peskovtui.child",
        "peskovtui.cli",
        "peskovtui.quotes.attribution",
    ):
        assert name in modules
    assert not any(name.startswith("peskovtui.ui") for name in modules)


def test_no_module_outside_the_ui_imports_textual() -> None:
    assert imports_textual(domain_modules()) == []


def test_the_check_would_notice_a_textual_import(tmp_path: Path) -> None:
    code = (
        "import importlib, sys\n"
        "importlib.import_module('peskovtui.ui.app')\n"
        "print('textual' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "True"


def domain_imports(path: Path) -> set[str]:
    """The ``peskovtui`` modules a file imports, outside ``peskovtui.ui``."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        found.update(
            n for n in names if n.startswith("peskovtui.") and not n.startswith("peskovtui.ui")
        )
    return found


def test_the_ui_uses_the_public_faces_only() -> None:
    private = {
        f"{path.relative_to(PACKAGE)}: {name}"
        for path in (PACKAGE / "ui").rglob("*.py")
        for name in domain_imports(path)
        if name not in PUBLIC
    }
    assert private == set()
