"""Allow ``python -m peskovtui``."""

from __future__ import annotations

from peskovtui.cli import main

raise SystemExit(main())
