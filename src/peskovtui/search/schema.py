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
SCHEMA_VERSION = 4

# The text fields as a query names them, read in the stemmed sense (``relations`` finds
# "relation"), and the field of exact words with positions that the index holds for each. The
# index keeps no stemmed copy: a stem is searched as the words it stands for (see ``stems``),
# and prefix, wildcard and fuzzy terms match the exact words (``presiden*`` must find
# "presidents" but not "presided", which share the stem ``presid``). A stemmed copy beside the
# words doubled the postings and cost 44% of a build (BENCHMARKS.md, "What each part of the
# schema costs").
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


def _text_field(analyzer: Any) -> Any:
    return fields.TEXT(analyzer=analyzer, phrase=True, multitoken_query="phrase")


def build_schema() -> Any:
    """The schema of the index: id, the text fields as exact words with positions, names, a
    numeric date, the normalised URL (one term, see ``corpus.urls``), a manifest."""
    words = word_analyzer()
    return fields.Schema(
        id=fields.ID(stored=True, unique=True),
        text_words=_text_field(words),
        title_words=_text_field(words),
        subtitle_words=_text_field(words),
        outlet=_text_field(words),
        authors=_text_field(words),
        speakers=_text_field(words),
        date=fields.NUMERIC(int, bits=32, signed=False),
        url=fields.ID(),
        # The manifest entry of the article, stored with it so it is always as current as the
        # last commit (see ``manifest_file.ManifestEntry``).
        digest=fields.STORED(),
        source=fields.STORED(),
    )


def query_schema(schema: Any) -> Any:
    """``schema`` with the stemmed text fields a query names (``text``, ``title``,
    ``subtitle``), which the parser reads words into: stems, as ``stems`` searches them."""
    parsing = schema.copy()
    stem = stem_analyzer()
    for name in WORD_TWINS:
        if name not in parsing:
            parsing.add(name, _text_field(stem))
    return parsing


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
    ``manifest_file.ManifestEntry``), always as current as the last commit; ``key`` stands for the
    speakers there (by default, the speakers themselves).
    """
    key = speakers_key(speakers) if key is None else key
    doc: dict[str, Any] = {
        "id": article.id,
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
