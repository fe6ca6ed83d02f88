"""Full-text search over a corpus: a persistent Whoosh index with exact match offsets.

The engine (and Whoosh with it) is imported on first use, so that starting the app or a
command that never searches does not pay for it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from peskovtui.search.errors import (
    IndexBuilding,
    IndexUnavailable,
    QueryError,
    ScanUnsupported,
    SearchCancelled,
    SearchError,
)
from peskovtui.search.progress import INDEXING, Progress, ProgressCallback
from peskovtui.search.results import SearchHit, SearchResults, Snippet

if TYPE_CHECKING:
    from peskovtui.search.engine import LatestSearch, SearchEngine, WhooshSearchEngine
    from peskovtui.search.manifest import DerivedSpeakers, SpeakerSource
    from peskovtui.search.refresh import RefreshReport
    from peskovtui.search.scan import TextScan

# The names whose modules import Whoosh, and those modules.
_LAZY = {
    "DerivedSpeakers": "manifest",
    "LatestSearch": "engine",
    "RefreshReport": "refresh",
    "SearchEngine": "engine",
    "TextScan": "scan",
    "SpeakerSource": "manifest",
    "WhooshSearchEngine": "engine",
}

__all__ = [
    "INDEXING",
    "DerivedSpeakers",
    "IndexBuilding",
    "IndexUnavailable",
    "LatestSearch",
    "Progress",
    "ProgressCallback",
    "QueryError",
    "RefreshReport",
    "ScanUnsupported",
    "SearchCancelled",
    "SearchEngine",
    "SearchError",
    "SearchHit",
    "SearchResults",
    "Snippet",
    "SpeakerSource",
    "TextScan",
    "WhooshSearchEngine",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(f"peskovtui.search.{_LAZY[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
