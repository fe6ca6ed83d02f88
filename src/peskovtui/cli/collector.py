"""The cyclic garbage collector of a command run as a process of its own.

Opening a corpus makes objects that live as long as the command (some 300,000 at 50,000
articles), and the collector, left as it is, walks them again and again while they are made:
``peskovtui search kremlin`` on 50,000 articles took 1.34-1.47 s, 0.84-0.91 s with the
collector paused. The console script pauses it (``pause``) until the corpus is open, then
freezes what was made out of the collector's later passes and lets it run (``resume``). The
reader pauses it too, until its first frame, when the app freezes what the start made and lets
it run (see ``reading``). Otherwise a caller that gives ``main`` its own arguments (a script, a
test) keeps its collector as it is.
"""

from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    """Pause the collector until ``resume``, if it is running."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume(freeze: bool = True) -> None:
    """Let the collector run again if ``pause`` paused it, what exists now frozen out of its
    passes (``freeze``: it lives as long as the command)."""
    global _paused
    if _paused:
        _paused = False
        if freeze:
            gc.freeze()
        gc.enable()
