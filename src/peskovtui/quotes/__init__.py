"""Direct quotations: scanning quote marks, attribution, speaker names, clusters across articles."""

from __future__ import annotations

from peskovtui.quotes.corpus import CorpusQuotes
from peskovtui.quotes.extract import article_quotes, extract_quotes
from peskovtui.quotes.model import (
    UNATTRIBUTED,
    Quote,
    QuoteCluster,
    QuoteKind,
    QuoteSpan,
    QuoteVersion,
    SpeakerCount,
)
from peskovtui.quotes.scanner import scan_quotes, split_paragraphs

__all__ = [
    "UNATTRIBUTED",
    "CorpusQuotes",
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
