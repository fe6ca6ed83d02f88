"""What the app keeps between runs: the user's keymap, the search history and the theme.

Both live in the user's own directories (XDG on Linux). Reading a broken file gives a warning,
never a crash; writing is atomic and silently skipped where the directory is read-only.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection
from pathlib import Path

from platformdirs import user_config_path, user_state_path

APP = "peskovtui"
HISTORY_SIZE = 200


def keymap_path() -> Path:
    """Where the user's keymap lives: ``keymap.toml`` in the user config dir."""
    return user_config_path(APP) / "keymap.toml"


def history_path() -> Path:
    """Where earlier queries are kept: ``history`` in the user state dir."""
    return user_state_path(APP) / "history"


def theme_path() -> Path:
    """Where the chosen theme is kept: ``theme`` in the user state dir."""
    return user_state_path(APP) / "theme"


def crash_report_path() -> Path:
    """Where the details of the last unexpected error are kept: ``crash.log``, state dir."""
    return user_state_path(APP) / "crash.log"


def save_crash_report(text: str, path: Path | None = None) -> Path | None:
    """Keep the details of an unexpected error; None when the state dir is not writable."""
    path = path or crash_report_path()
    return path if _write_atomically(path, text) else None


def load_theme(path: Path | None = None) -> str | None:
    """The theme chosen last time, if one was kept and can be read."""
    path = path or theme_path()
    try:
        name = path.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return name or None


def save_theme(name: str, path: Path | None = None) -> bool:
    """Keep the chosen theme; False when the state dir is not writable."""
    return _write_atomically(path or theme_path(), name + "\n")


def load_keymap(
    path: Path | None = None,
    known: Collection[str] | Callable[[], Collection[str]] | None = None,
) -> tuple[dict[str, str], str | None]:
    """The keymap (binding id → keys) and a warning when the file could not be used.

    With ``known`` (the ids of the app's bindings, or a function giving them, called only when
    there is a keymap to check), an id that is not among them is left out and named in the
    warning: a misspelt id would otherwise do nothing, silently.
    """
    path = path or keymap_path()
    try:
        source = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}, None
    except (OSError, UnicodeDecodeError) as error:
        return {}, f"The keymap {path} was not used: {error}."
    # Imported here: most starts have no keymap to read.
    import tomllib

    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as error:
        return {}, f"The keymap {path} was not used: {error}."
    table = data.get("keymap", data)
    if not isinstance(table, dict):
        return {}, f"The keymap {path} was not used: [keymap] is not a table."
    keymap = {str(k): str(v) for k, v in table.items() if isinstance(v, str)}
    problems = []
    ignored = sorted(str(k) for k, v in table.items() if not isinstance(v, str))
    if ignored:
        problems.append(f"{', '.join(ignored)} (keys must be strings)")
    ids_known = (known() if keymap else None) if callable(known) else known
    unknown = sorted(k for k in keymap if ids_known is not None and k not in ids_known)
    if unknown:
        from difflib import get_close_matches

        ids = "id" if len(unknown) == 1 else "ids"
        close = get_close_matches(unknown[0], ids_known or (), n=1) if len(unknown) == 1 else []
        hint = f" (did you mean {close[0]}?)" if close else ""
        problems.append(f"unknown binding {ids} {', '.join(unknown)}{hint}")
        keymap = {k: v for k, v in keymap.items() if k not in unknown}
    warning = f"The keymap {path} ignores {'; '.join(problems)}." if problems else None
    return keymap, warning


def load_history(path: Path | None = None) -> list[str]:
    """Earlier queries, oldest first; empty when there are none or they cannot be read."""
    path = path or history_path()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return []
    return [line for line in lines if line.strip()][-HISTORY_SIZE:]


def save_history(history: list[str], path: Path | None = None) -> bool:
    """Write the history atomically; False when the state dir is not writable."""
    return _write_atomically(path or history_path(), "\n".join(history[-HISTORY_SIZE:]) + "\n")


def _write_atomically(path: Path, text: str) -> bool:
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        temporary = path.with_name(f".{path.name}.{os.getpid()}")
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(path)
    except OSError:
        return False
    return True
