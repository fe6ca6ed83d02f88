"""Text analysis shared by indexing, query parsing and match offsets.

One tokenizer everywhere so that a token's ``startchar``/``endchar`` index the display text.
No stop list: phrase queries must keep every word (``"the output"``).
"""

from __future__ import annotations

from typing import Any

from whoosh.analysis import CharsetFilter, LowercaseFilter, RegexTokenizer, StemFilter
from whoosh.lang.porter2 import stem as porter2_stem
from whoosh.support.charset import accent_map

# Same notion of a word as ``peskovtui.corpus.model``: apostrophes inside a word keep it whole.
WORD_PATTERN = r"\w+(?:['’]\w+)*"

# Accent folding, plus the typographic apostrophe so that Porter2 strips "’s" like "'s".
_FOLD_MAP: dict[int, str] = {**accent_map, ord("’"): "'", ord("‘"): "'"}


def word_analyzer() -> Any:
    """Analyzer for exact words: tokenise, lowercase, fold accents; no stemming."""
    return RegexTokenizer(WORD_PATTERN) | LowercaseFilter() | CharsetFilter(_FOLD_MAP)


def stem_analyzer() -> Any:
    """Analyzer for running text: ``word_analyzer`` followed by the Porter2 (English) stemmer."""
    return word_analyzer() | StemFilter(stemfn=porter2_stem, cachesize=100_000)


def fold(text: str) -> str:
    """Lowercase and fold accents the way the analyzers do (for prefix and fuzzy terms)."""
    lowered = text.lower()
    # The map is the identity on lowercase ASCII, and most words are ASCII.
    return lowered if lowered.isascii() else lowered.translate(_FOLD_MAP)
