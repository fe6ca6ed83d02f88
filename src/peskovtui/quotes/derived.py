"""What the search index takes from an article's quotes, importable without the extractor.

Refreshing an index that is up to date needs only the extractor's version (to see whether
indexed speakers are stale) and a reference to the function a build calls: importing the
extractor for them cost more than the rest of reopening a 20,000-article index.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from peskovtui.corpus.model import Article


def article_speakers(article: Article) -> list[str]:
    """The speakers an article quotes (named within the article), for the search index."""
    # Imported here: only an article being indexed needs the extractor.
    from peskovtui.quotes.extract import article_quotes

    return sorted({q.speaker for q in article_quotes(article) if q.attributed})


@cache
def extractor_version() -> str:
    """A fingerprint of the extraction code: when it changes, indexed speakers are renewed."""
    digest = hashlib.blake2b(digest_size=8)
    for source in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(source.read_bytes())
    return digest.hexdigest()
