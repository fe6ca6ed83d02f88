"""What the app keeps between runs: the user's keymap and the search history.

Both live in the user's own directories (XDG on Linux). Reading a broken file gives a warning,
never a crash; writing is atomic and silently skipped where the directory is read-only.
"""

from __future__ import annotations

import os
import tomllib
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


def load_keymap(path: Path | None = None) -> tuple[dict[str, str], str | None]:
    """The keymap (binding id → keys) and a warning when the file could not be used."""
    path = path or keymap_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}, None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return {}, f"The keymap {path} was not used: {error}."
    table = data.get("keymap", data)
    if not isinstance(table, dict):
        return {}, f"The keymap {path} was not used: [keymap] is not a table."
    keymap = {str(k): str(v) for k, v in table.items() if isinstance(v, str)}
    ignored = sorted(str(k) for k, v in table.items() if not isinstance(v, str))
    warning = (
        f"The keymap {path} ignores {', '.join(ignored)}: keys must be strings."
        if ignored
        else None
    )
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
    path = path or history_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        temporary = path.with_name(f".{path.name}.{os.getpid()}")
        temporary.write_text("\n".join(history[-HISTORY_SIZE:]) + "\n", encoding="utf-8")
        temporary.replace(path)
    except OSError:
        return False
    return True
