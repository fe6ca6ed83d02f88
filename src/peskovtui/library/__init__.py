"""The Library: one corpus and everything asked of it, shared by the CLI and the app.

``Library`` (``facade.py``) holds the corpus and its articles by id; each concern asked of it
is a mixin of its own module: ``quoting`` (quotes, speakers, versions), ``searching`` (the
index, hits, the reader's view), ``citing``, ``clipping`` (the clip list), ``checking`` (pasted
words), ``quote_browser``, ``by_url``, ``reading_places`` (last place, bookmarks) and
``speakers_over_time``. This package re-exports what callers use.

Each re-exported name is imported from its module when it is first asked for (PEP 562), so
that importing the package for ``Library`` alone, as the reader's start does, leaves the clip
export, the quote table and the timelines unimported until something uses them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from peskovtui.library.clip_export import EXPORT_FORMATS, write_export
    from peskovtui.library.clips import Clip, ClipStatus
    from peskovtui.library.facade import Library, bundled_seeds
    from peskovtui.library.listing import (
        NO_OUTLET,
        ORDER_NAMES,
        FilterError,
        ListFilter,
        Order,
        arrange,
        extended,
        next_order,
        orders,
        outlet_counts,
    )
    from peskovtui.library.places import Bookmark, Place
    from peskovtui.library.quote_table import (
        COLUMNS,
        Column,
        QuoteFilter,
        QuoteTable,
        parse_filter,
    )
    from peskovtui.library.quotebook import QuoteBook
    from peskovtui.library.quoting import CHILD_QUOTES_THRESHOLD
    from peskovtui.library.speaker_list import SpeakerSummary, filter_speakers
    from peskovtui.library.timeline import Timeline, timeline_summary
    from peskovtui.library.view import ReaderView

# Each re-exported name and the module (of this package) that defines it.
_MODULE_OF = {
    "EXPORT_FORMATS": "clip_export",
    "write_export": "clip_export",
    "Clip": "clips",
    "ClipStatus": "clips",
    "Library": "facade",
    "bundled_seeds": "facade",
    "NO_OUTLET": "listing",
    "ORDER_NAMES": "listing",
    "FilterError": "listing",
    "ListFilter": "listing",
    "Order": "listing",
    "arrange": "listing",
    "extended": "listing",
    "next_order": "listing",
    "orders": "listing",
    "outlet_counts": "listing",
    "Bookmark": "places",
    "Place": "places",
    "COLUMNS": "quote_table",
    "Column": "quote_table",
    "QuoteFilter": "quote_table",
    "QuoteTable": "quote_table",
    "parse_filter": "quote_table",
    "QuoteBook": "quotebook",
    "CHILD_QUOTES_THRESHOLD": "quoting",
    "SpeakerSummary": "speaker_list",
    "filter_speakers": "speaker_list",
    "Timeline": "timeline",
    "timeline_summary": "timeline",
    "ReaderView": "view",
}

__all__ = [
    "CHILD_QUOTES_THRESHOLD",
    "COLUMNS",
    "EXPORT_FORMATS",
    "NO_OUTLET",
    "ORDER_NAMES",
    "Bookmark",
    "Clip",
    "ClipStatus",
    "Column",
    "FilterError",
    "Library",
    "ListFilter",
    "Order",
    "Place",
    "QuoteBook",
    "QuoteFilter",
    "QuoteTable",
    "ReaderView",
    "SpeakerSummary",
    "Timeline",
    "arrange",
    "bundled_seeds",
    "extended",
    "filter_speakers",
    "next_order",
    "orders",
    "outlet_counts",
    "parse_filter",
    "timeline_summary",
    "write_export",
]


def __getattr__(name: str) -> Any:
    """A re-exported name, imported from its module on first use and kept here."""
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
