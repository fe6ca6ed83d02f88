"""Errors of the search subsystem that a user can cause, each worded as one clear sentence."""

from __future__ import annotations

from collections.abc import Callable

from peskovtui.errors import PeskovError

# Asked now and then by a long search whether it is still wanted (see ``cancel``).
CancelCheck = Callable[[], bool]


class SearchError(PeskovError):
    """Base class for search errors whose message is fit to show a user."""


class QueryError(SearchError):
    """The query cannot be understood."""


class IndexUnavailable(SearchError):
    """The search index cannot be opened or used right now."""


class IndexBuilding(IndexUnavailable):
    """The index is being built; searches can run once it is ready."""


class SearchCancelled(SearchError):
    """The search was cancelled or superseded by a newer one."""


class ScanUnsupported(IndexUnavailable):
    """The query needs the index: scanning the texts cannot answer it."""


def check(cancel: CancelCheck | None) -> None:
    """Raise ``SearchCancelled`` if ``cancel`` says the search is no longer wanted."""
    if cancel is not None and cancel():
        raise SearchCancelled("The search was cancelled.")
