"""Outlet names from article URLs: a data-set row's outlet is its URL's domain."""

from __future__ import annotations

from urllib.parse import urlsplit

# Domains whose outlet has a name in common use; any other domain stands for itself.
_NAMES = {
    "abcnews.go.com": "ABC News",
    "aljazeera.com": "Al Jazeera",
    "apnews.com": "AP",
    "bbc.co.uk": "BBC",
    "bbc.com": "BBC",
    "bloomberg.com": "Bloomberg",
    "breitbart.com": "Breitbart",
    "cbsnews.com": "CBS News",
    "chinadaily.com.cn": "China Daily",
    "cnn.com": "CNN",
    "dw.com": "DW",
    "foxnews.com": "Fox News",
    "huffingtonpost.com": "HuffPost",
    "huffpost.com": "HuffPost",
    "interfax.ru": "Interfax",
    "mediaite.com": "Mediaite",
    "nbcnews.com": "NBC News",
    "npr.org": "NPR",
    "nytimes.com": "The New York Times",
    "politico.com": "Politico",
    "reuters.com": "Reuters",
    "rt.com": "RT",
    "rte.ie": "RTÉ",
    "tass.com": "TASS",
    "theguardian.com": "The Guardian",
    "usatoday.com": "USA Today",
    "washingtonpost.com": "The Washington Post",
    "wsj.com": "The Wall Street Journal",
}
_PREFIXES = ("www.", "m.", "amp.", "mobile.")


def url_domain(url: str) -> str | None:
    """The host of ``url`` without ``www.``, or None when it has none."""
    try:
        host = urlsplit(url.strip() if "//" in url else "//" + url.strip()).hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    for prefix in _PREFIXES:
        if host.startswith(prefix):
            host = host[len(prefix) :]
    return host


def outlet_from_url(url: str) -> str | None:
    """The outlet a URL belongs to: a known name for its domain, else the domain itself."""
    host = url_domain(url)
    if host is None:
        return None
    parts = host.split(".")
    for start in range(len(parts) - 1):
        name = _NAMES.get(".".join(parts[start:]))
        if name is not None:
            return name
    return host
