"""Which data-set column holds which article field: the usual names, or the user's choice."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from peskovtui.errors import CorpusError

# The usual column names for each field, most specific first.
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "id": ("id", "article_id", "uuid", "doc_id", "document_id"),
    "title": ("title", "headline", "heading"),
    "subtitle": ("subtitle", "description", "summary", "dek", "standfirst"),
    "text": ("text", "body", "content", "article", "article_text", "full_text"),
    "date": ("date", "publish_date", "published", "published_at", "pub_date", "datetime"),
    "url": ("url", "link", "article_source_link", "source_url", "permalink"),
    "outlet": ("source", "outlet", "publication", "site", "publisher", "source_name"),
    "authors": ("author", "authors", "byline", "writer"),
}


def _normal(name: str) -> str:
    return re.sub(r"[\s\-]+", "_", name.strip().lower())


def parse_field_overrides(spec: str | None) -> dict[str, str]:
    """Parse ``text=body,title=headline`` into a field → column mapping."""
    if not spec:
        return {}
    overrides: dict[str, str] = {}
    for item in spec.split(","):
        if not item.strip():
            continue
        field, sep, column = item.partition("=")
        field = field.strip().lower()
        if not sep or not column.strip():
            raise CorpusError(f"--fields expects FIELD=COLUMN pairs, got {item.strip()!r}.")
        if field not in FIELD_NAMES:
            known = ", ".join(FIELD_NAMES)
            raise CorpusError(f"--fields names an unknown field {field!r} (known: {known}).")
        overrides[field] = column.strip()
    return overrides


def map_columns(
    columns: Iterable[str], overrides: Mapping[str, str], *, source: str
) -> dict[str, str]:
    """Map each article field to the column that holds it; the text column is required."""
    present = [c for c in columns if c is not None]
    by_normal = {_normal(c): c for c in present}
    mapping: dict[str, str] = {}
    for field, column in overrides.items():
        if column in present:
            mapping[field] = column
        elif _normal(column) in by_normal:
            mapping[field] = by_normal[_normal(column)]
        else:
            found = ", ".join(present) or "none"
            raise CorpusError(f"{source} has no column {column!r} for {field} (found: {found}).")
    for field, names in FIELD_NAMES.items():
        if field in mapping:
            continue
        for name in names:
            if name in by_normal and by_normal[name] not in mapping.values():
                mapping[field] = by_normal[name]
                break
    if "text" not in mapping:
        found = ", ".join(present) or "none"
        raise CorpusError(
            f"{source} has no text column (found: {found}); name one with --fields text=COLUMN."
        )
    return mapping
