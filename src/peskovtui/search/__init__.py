"""Full-text search over a corpus: a persistent Whoosh index with exact match offsets."""

from __future__ import annotations

from peskovtui.search.engine import (
    DerivedSpeakers,
    LatestSearch,
    RefreshReport,
    SearchEngine,
    SpeakerSource,
    WhooshSearchEngine,
)
from peskovtui.search.errors import (
    IndexBuilding,
    IndexUnavailable,
    QueryError,
    SearchCancelled,
    SearchError,
)
from peskovtui.search.results import SearchHit, SearchResults, Snippet

__all__ = [
    "DerivedSpeakers",
    "IndexBuilding",
    "IndexUnavailable",
    "LatestSearch",
    "QueryError",
    "RefreshReport",
    "SearchCancelled",
    "SearchEngine",
    "SearchError",
    "SearchHit",
    "SearchResults",
    "Snippet",
    "SpeakerSource",
    "WhooshSearchEngine",
]
