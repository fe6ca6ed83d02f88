"""What the search index takes from an article's quotes, importable without the extractor.

Refreshing an index that is up to date needs only the extractor's version (to see whether
indexed speakers are stale) and a reference to the function a build calls: importing the
extractor for them cost more than the rest of reopening a 20,000-article index.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from peskovtui.corpus.model import Article
from peskovtui.usercache import code_version


def article_speakers(article: Article) -> list[str]:
    """The speakers an article quotes (named within the article), for the search index."""
    # Imported here: only an article being indexed needs the extractor.
    from peskovtui.quotes.extract import article_quotes

    return sorted({q.speaker for q in article_quotes(article) if q.attributed})


@cache
def extractor_version() -> str:
    """A fingerprint of the extraction code: when it changes, indexed speakers are renewed."""
    return code_version(Path(__file__).parent)
