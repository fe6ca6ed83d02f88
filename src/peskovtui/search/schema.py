"""The Whoosh schema of the search index and the document made from each article."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from typing import Any

from whoosh import fields

from peskovtui.corpus.model import Article
from peskovtui.corpus.urls import normalise_url
from peskovtui.search.analysis import stem_analyzer, word_analyzer

# Bump whenever fields, analyzers or the document change: ``Schema ==`` does not notice an
# analyzer change, so this number is what decides that an index must be rebuilt.
SCHEMA_VERSION = 3

# Stemmed fields and their unstemmed twins, used for prefix, wildcard and fuzzy terms
# (a prefix such as ``presiden*`` cannot match the stem ``presid``).
WORD_TWINS: dict[str, str] = {
    "text": "text_words",
    "title": "title_words",
    "subtitle": "subtitle_words",
}
NAME_FIELDS = ("outlet", "authors", "speakers")
FIELD_ALIASES: dict[str, list[str]] = {"authors": ["author"], "speakers": ["speaker"]}
# The fields a query may name (``title:peskov``), as the user writes them; the plural names of
# the aliased fields work too. The other fields are internal.
QUERY_FIELDS = ("title", "subtitle", "text", "outlet", "author", "speaker", "date", "url")

# Joins several names in one field (a phrase could span two names; acceptable for names).
_NAME_GAP = " ; "

_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def build_schema() -> Any:
    """The schema: id, stemmed text fields with word twins, names, a numeric date, the
    normalised URL (one term, see ``corpus.urls``), a manifest."""
    stem = stem_analyzer()
    words = word_analyzer()

    def text_field(analyzer: Any, *, phrase: bool) -> Any:
        return fields.TEXT(analyzer=analyzer, phrase=phrase, multitoken_query="phrase")

    return fields.Schema(
        id=fields.ID(stored=True, unique=True),
        text=text_field(stem, phrase=True),
        title=text_field(stem, phrase=True),
        subtitle=text_field(stem, phrase=True),
        text_words=text_field(words, phrase=False),
        title_words=text_field(words, phrase=False),
        subtitle_words=text_field(words, phrase=False),
        outlet=text_field(words, phrase=True),
        authors=text_field(words, phrase=True),
        speakers=text_field(words, phrase=True),
        date=fields.NUMERIC(int, bits=32, signed=False),
        url=fields.ID(),
        # The manifest entry of the article, stored with it so it is always as current as the
        # last commit (see ``store.ManifestEntry``).
        digest=fields.STORED(),
        source=fields.STORED(),
    )


def date_number(date: str | None) -> int | None:
    """An ISO 8601 date as the integer YYYYMMDD the date field holds, or None."""
    if not date:
        return None
    m = _DATE.match(date)
    return int(m.group(1) + m.group(2) + m.group(3)) if m else None


def article_digest(article: Article, speakers: str) -> str:
    """Content hash of everything about an article that the index holds (``speakers`` is the
    manifest's speakers key)."""
    h = hashlib.blake2b(digest_size=16)
    for part in (
        article.id,
        article.title,
        article.subtitle,
        article.text,
        article.outlet or "",
        "\x1e".join(article.authors),
        article.date or "",
        article.url or "",
        speakers,
    ):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return h.hexdigest()


def speakers_key(speakers: Sequence[str]) -> str:
    """The speakers of an article as one string, as the manifest records them."""
    return "\x1e".join(speakers)


def article_document(
    article: Article,
    speakers: Sequence[str],
    source: tuple[str | None, int | None, int, int],
    key: str | None = None,
) -> dict[str, Any]:
    """The Whoosh document for ``article`` (``source`` is path, row, size, mtime_ns).

    The stored ``digest`` and ``source`` fields are the article's manifest entry (see
    ``store.ManifestEntry``), always as current as the last commit; ``key`` stands for the
    speakers there (by default, the speakers themselves).
    """
    key = speakers_key(speakers) if key is None else key
    doc: dict[str, Any] = {
        "id": article.id,
        "text": article.text,
        "title": article.title,
        "subtitle": article.subtitle,
        "text_words": article.text,
        "title_words": article.title,
        "subtitle_words": article.subtitle,
        "outlet": article.outlet or "",
        "authors": _NAME_GAP.join(article.authors),
        "speakers": _NAME_GAP.join(speakers),
        "digest": article_digest(article, key),
        "source": (*source, len(article.text), key),
    }
    url = normalise_url(article.url or "")
    if url:
        doc["url"] = url
    number = date_number(article.date)
    if number is not None:
        doc["date"] = number
    return doc
