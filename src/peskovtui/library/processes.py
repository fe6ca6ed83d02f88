"""A library's child processes and whether it is closed, shared by the parts that use them."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from peskovtui.child import Children


class Processes:
    """The child processes of one library, made on first use (a corpus that never needs one
    never imports multiprocessing), all stopped by ``close``."""

    def __init__(self) -> None:
        self._children: Children | None = None
        self._lock = threading.Lock()
        self.closed = False

    def children(self) -> Children:
        """The library's children; stopped already if it is closed."""
        from peskovtui.child import Children

        with self._lock:
            if self._children is None:
                self._children = Children()
                if self.closed:
                    self._children.stop()
            return self._children

    def close(self) -> None:
        """Mark the library closed and stop its children at once."""
        with self._lock:
            self.closed = True
            children = self._children
        if children is not None:
            children.stop()
