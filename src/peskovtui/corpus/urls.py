"""An article's URL in the one form that finds it: the same page written with ``https`` or
``http``, with or without ``www.`` or a trailing slash, or with a fragment, is one URL; anything
else (the path's case, the query string) is kept exactly, since it can name another page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from peskovtui.corpus.model import Article

_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)
_WEB_SCHEMES = frozenset({"http", "https"})


def looks_like_url(text: str) -> bool:
    """Whether ``text`` is written as a web address (``https://…``, ``www.…``) rather than an
    article id."""
    text = text.strip()
    return bool(_SCHEME.match(text)) or text.lower().startswith("www.")


def normalise_url(url: str) -> str:
    """The form of ``url`` that finds its article: no scheme for http and https, no ``www.``,
    the host in lower case, no fragment, no trailing slash; ``""`` for an empty one.

    Whitespace inside is written ``%20`` so that the result is one word of a query.
    """
    text = url.strip()
    if not text:
        return ""
    if not _SCHEME.match(text):
        text = "http://" + text
    try:
        parts = urlsplit(text)
    except ValueError:
        return re.sub(r"\s", "%20", url.strip())
    scheme = parts.scheme.lower()
    host = parts.netloc.lower()
    if host.startswith("www."):
        host = host[4:]
    path = parts.path.rstrip("/")
    query = f"?{parts.query}" if parts.query else ""
    head = host if scheme in _WEB_SCHEMES else f"{scheme}://{host}"
    return re.sub(r"\s", "%20", head + path + query)


def articles_by_url(articles: Iterable[Article]) -> dict[str, list[str]]:
    """The ids of the articles with each normalised URL, in corpus order."""
    found: dict[str, list[str]] = {}
    for article in articles:
        if article.url:
            key = normalise_url(article.url)
            if key:
                found.setdefault(key, []).append(article.id)
    return found
