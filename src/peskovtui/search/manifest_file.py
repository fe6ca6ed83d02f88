"""The manifest saved beside each commit of an index: its file format, old and new.

``manifest-<commit>.cols`` (the current format) holds two lines of JSON. The first is a small
head: the format, the number of articles and the fingerprint of the corpus the manifest was
saved for (see ``manifest.fingerprint``); a reopen of an unchanged corpus reads that line
alone. The second holds the entries as columns (one list per field, paths and speakers keys
named once and referred to by number), which decodes several times faster than a JSON object
per article repeating the same path and keys. Format 3 adds a column of each article's text
check (see ``Article.text_digest``); a format 2 file, saved before texts were checked, is still
read (its entries with no check) and saved as format 3 at the next refresh.

``manifest-<commit>.json`` (the format before) is one JSON object of a list per article; it is
still read, so that a cache made before is not rebuilt, and is replaced by the current format
the first time the manifest is saved again.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FORMAT = 3
# Formats still read; an older one is saved in the current format at the next refresh.
READ_FORMATS = (2, 3)
SUFFIX = ".cols"


@dataclass(frozen=True, slots=True)
class ManifestEntry:
    """What the index knows about one article: its source and the hash of its content.

    ``text_check`` is the hex ``Article.text_digest`` of its text, which tells a text changed
    without changing its file's size and time nor its length. It is empty in an entry saved
    before texts were checked, and in one read back from the index's stored fields, which leave
    it out so that a version before can still read them: the content hash then decides, once.
    """

    digest: str
    path: str | None
    row: int | None
    size: int
    mtime_ns: int
    text_length: int
    speakers: str
    text_check: str = ""


@dataclass(frozen=True, slots=True)
class ManifestHead:
    """What the first line of a manifest file says (``current``: in the current format)."""

    count: int
    fingerprint: str | None
    current: bool = True


def path_of(gen: Path, generation: int) -> Path:
    """The file of the manifest of Whoosh commit ``generation`` in the current format."""
    return gen / f"manifest-{generation}{SUFFIX}"


def old_path_of(gen: Path, generation: int) -> Path:
    """The file of the manifest of Whoosh commit ``generation`` in the format before."""
    return gen / f"manifest-{generation}.json"


def encode(entries: dict[str, ManifestEntry], fingerprint: str | None) -> str:
    """The file's text for ``entries``, saved for the corpus of ``fingerprint``."""
    paths: dict[str | None, int] = {}
    keys: dict[str, int] = {}
    values = list(entries.values())
    head = {"format": FORMAT, "count": len(values), "fingerprint": fingerprint}
    body = {
        "ids": list(entries),
        "digests": [e.digest for e in values],
        "path": [paths.setdefault(e.path, len(paths)) for e in values],
        "rows": [e.row for e in values],
        "sizes": [e.size for e in values],
        "mtimes": [e.mtime_ns for e in values],
        "lengths": [e.text_length for e in values],
        "speakers": [keys.setdefault(e.speakers, len(keys)) for e in values],
        "checks": [e.text_check for e in values],
        "paths": list(paths),
        "keys": list(keys),
    }
    return _line(head) + "\n" + _line(body) + "\n"


def _line(data: dict[str, Any]) -> str:
    # ASCII: a path that is not UTF-8 holds lone surrogates, which UTF-8 cannot encode.
    return json.dumps(data, separators=(",", ":"))


def read_head(gen: Path, generation: int) -> ManifestHead | None:
    """The head of the current-format manifest of ``generation``; None if it has none."""
    try:
        with path_of(gen, generation).open(encoding="utf-8", newline="\n") as fh:
            head = json.loads(fh.readline())
        version = head.get("format")
        if version not in READ_FORMATS:
            return None
        count, fingerprint = head["count"], head["fingerprint"]
    except (OSError, ValueError, TypeError, AttributeError, KeyError):
        return None
    if not isinstance(count, int) or not isinstance(fingerprint, str | None):
        return None
    if version != FORMAT:
        # Made by another format's rules (format 2 left the texts out): it stands for nothing.
        return ManifestHead(count, None, current=False)
    return ManifestHead(count, fingerprint)


def read_entries(gen: Path, generation: int) -> dict[str, ManifestEntry] | None:
    """The entries of the current-format manifest of ``generation``; None if unreadable."""
    try:
        with path_of(gen, generation).open(encoding="utf-8", newline="\n") as fh:
            fh.readline()
            body = json.loads(fh.readline())
        paths, keys = body["paths"], body["keys"]
        ids = body["ids"]
        checks = body.get("checks") or [""] * len(ids)  # format 2 kept none
        columns = zip(
            ids,
            body["digests"],
            body["path"],
            body["rows"],
            body["sizes"],
            body["mtimes"],
            body["lengths"],
            body["speakers"],
            checks,
            strict=True,
        )
        return {
            doc_id: ManifestEntry(digest, paths[p], row, size, mtime, length, keys[k], check)
            for doc_id, digest, p, row, size, mtime, length, k, check in columns
        }
    except (OSError, ValueError, TypeError, AttributeError, KeyError, IndexError):
        return None


def read_old(gen: Path, generation: int) -> dict[str, ManifestEntry] | None:
    """The entries of a manifest of ``generation`` in the format before; None if unreadable."""
    try:
        data = json.loads(old_path_of(gen, generation).read_text(encoding="utf-8"))
        return {key: ManifestEntry(*value) for key, value in data.items()}
    except (OSError, ValueError, TypeError, AttributeError):
        return None
