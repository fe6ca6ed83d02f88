"""Stopping a search that is no longer wanted: a newer query was typed, or the app is quitting.

A search is cancelled cooperatively: the caller passes a ``CancelCheck`` and each long loop of
the search asks it now and then, raising ``SearchCancelled`` once it says yes. The index stays
as it was.
"""

from __future__ import annotations

from collections.abc import Callable

from peskovtui.search.errors import SearchCancelled

CancelCheck = Callable[[], bool]


def check(cancel: CancelCheck | None) -> None:
    """Raise ``SearchCancelled`` if ``cancel`` says the search is no longer wanted."""
    if cancel is not None and cancel():
        raise SearchCancelled("The search was cancelled.")
