"""How far an index build or refresh has got: the phase under way and how much of it is done.

Plain data with no Whoosh in it, so that the CLI and the app can show it without importing
the engine.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

# The phases, in the order they run. A refresh that changes a few articles has only the first
# two; a full build has all of them (``STARTING`` only when it runs in a child process).
STARTING = "Starting the indexer"
INDEXING = "Indexing articles"
WRITING = "Writing the index"
PUBLISHING = "Publishing the index"


@dataclass(frozen=True, slots=True)
class Progress:
    """``done`` of ``total`` ``unit`` of ``phase`` are done (``0 <= done <= total``).

    Each phase starts at 0 and ends with ``done == total``; phases never interleave.
    """

    phase: str
    done: int
    total: int
    unit: str

    @property
    def finished(self) -> bool:
        """Whether the phase is complete (its last report)."""
        return self.done >= self.total

    @property
    def count(self) -> str:
        """``1,200 of 3,785 articles``, or nothing for a phase of one step (no ``unit``)."""
        if not self.unit:
            return ""
        return f"{self.done:,} of {self.amount}"

    @property
    def amount(self) -> str:
        """The phase's whole amount in words: ``3,785 articles``, ``1 article``; or nothing."""
        if not self.unit:
            return ""
        unit = _SINGULAR.get(self.unit, self.unit) if self.total == 1 else self.unit
        return f"{self.total:,} {unit}"


_SINGULAR = {"articles": "article", "entries": "entry"}


ProgressCallback = Callable[[Progress], None]


def report_progress(
    progress: ProgressCallback | None, phase: str, done: int, total: int, unit: str
) -> None:
    """Call ``progress`` (if any) with one report."""
    if progress is not None:
        progress(Progress(phase, done, total, unit))
