"""Loading articles from files, folders and news data sets, with cleanup and metadata."""

from __future__ import annotations

from peskovtui.corpus.cache import LoadCache
from peskovtui.corpus.loader import Corpus, load_corpus, read_raw
from peskovtui.corpus.model import (
    PARAGRAPH_SEPARATOR,
    Article,
    Paragraph,
    ParagraphRole,
    SetAside,
    compose_text,
)
from peskovtui.corpus.urls import looks_like_url, normalise_url

__all__ = [
    "PARAGRAPH_SEPARATOR",
    "Article",
    "Corpus",
    "LoadCache",
    "Paragraph",
    "ParagraphRole",
    "SetAside",
    "compose_text",
    "load_corpus",
    "looks_like_url",
    "normalise_url",
    "read_raw",
]
