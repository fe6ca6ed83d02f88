"""Direct quotations: scanning quote marks, attribution, speaker names, clusters across articles.

The data types are imported at once; the extractor (its lexicons and patterns take a tenth of a
second to compile) is imported on first use of a name that needs it, so that opening a corpus
and drawing the first screen never pay for it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from peskovtui.quotes.model import (
    UNATTRIBUTED,
    Quote,
    QuoteCluster,
    QuoteKind,
    QuoteSpan,
    QuoteVersion,
    SpeakerCount,
)

if TYPE_CHECKING:
    from peskovtui.quotes.check import CheckResult, Finding
    from peskovtui.quotes.corpus import CorpusQuotes
    from peskovtui.quotes.extract import article_quotes, extract_quotes
    from peskovtui.quotes.scanner import scan_quotes, split_paragraphs

# The names imported on first use, and the module each comes from.
_LAZY = {
    "CheckResult": "peskovtui.quotes.check",
    "Finding": "peskovtui.quotes.check",
    "CorpusQuotes": "peskovtui.quotes.corpus",
    "article_quotes": "peskovtui.quotes.extract",
    "extract_quotes": "peskovtui.quotes.extract",
    "scan_quotes": "peskovtui.quotes.scanner",
    "split_paragraphs": "peskovtui.quotes.scanner",
}

__all__ = [
    "UNATTRIBUTED",
    "CheckResult",
    "CorpusQuotes",
    "Finding",
    "Quote",
    "QuoteCluster",
    "QuoteKind",
    "QuoteSpan",
    "QuoteVersion",
    "SpeakerCount",
    "article_quotes",
    "extract_quotes",
    "scan_quotes",
    "split_paragraphs",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
