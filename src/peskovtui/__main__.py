"""Allow ``python -m peskovtui``."""

from __future__ import annotations

from peskovtui.cli import main

# Guarded: child processes started with "spawn" import this module again.
if __name__ == "__main__":
    raise SystemExit(main())
