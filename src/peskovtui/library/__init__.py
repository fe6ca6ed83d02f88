"""The Library: one corpus and everything asked of it, shared by the CLI and the app.

``Library`` (``facade.py``) holds the corpus and its articles by id; each concern asked of it
is a mixin of its own module: ``quoting`` (quotes, speakers, versions), ``searching`` (the
index, hits, the reader's view), ``citing``, ``clipping`` (the clip list), ``checking`` (pasted
words), ``quote_browser``, ``by_url``, ``reading_places`` (last place, bookmarks) and
``speakers_over_time``. This package re-exports what callers use.
"""

from __future__ import annotations

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
from peskovtui.library.quote_table import COLUMNS, Column, QuoteFilter, QuoteTable, parse_filter
from peskovtui.library.quoting import CHILD_QUOTES_THRESHOLD
from peskovtui.library.speaker_list import SpeakerSummary, filter_speakers
from peskovtui.library.timeline import Timeline, timeline_summary
from peskovtui.library.view import ReaderView

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
