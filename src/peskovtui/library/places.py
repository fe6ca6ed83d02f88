"""Places in a corpus the reader remembers: the article last read and where in it, and the
bookmarks the user set, in the order set.

A place is an article and a character offset into its text (the character at the top of the
reader), never a line or a scroll position, so that it holds at any terminal width. Each corpus
has one JSON file in the user state dir, named by the corpus's source paths like the other
per-corpus files. Every change reads the file, makes the change and writes it whole to a
temporary file that then replaces it, so that two readers of the same corpus lose neither's
bookmarks and a crash never leaves half a file. A file that cannot be read gives a warning and
an empty start (it is moved aside when it can be, so that nothing the user had is overwritten);
a state dir that cannot be written is skipped silently: remembering is a convenience.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from platformdirs import user_state_path

from peskovtui.corpus import Article
from peskovtui.library.userfiles import set_aside, write_atomically
from peskovtui.usercache import corpus_paths, key_digest

_FORMAT = "peskovtui places 1"
# How much of its paragraph a bookmark's label keeps.
LABEL_LENGTH = 60


@dataclass(frozen=True, slots=True)
class Place:
    """A character ``offset`` into the text of article ``article_id``."""

    article_id: str
    offset: int


@dataclass(frozen=True, slots=True)
class Bookmark:
    """A place the user marked, with the start of its paragraph and its article's title as
    they were then (to name it even once the article is gone), and when it was set."""

    place: Place
    label: str
    title: str
    added: str


@dataclass(frozen=True, slots=True)
class Places:
    """What one corpus remembers: the last place read, and the bookmarks in the order set."""

    last: Place | None = None
    bookmarks: tuple[Bookmark, ...] = ()


# A change to what a corpus remembers (see ``with_last``, ``with_bookmark``, ``without``).
PlacesEdit = Callable[[Places], Places]


def places_home() -> Path:
    """Where places are kept: ``places`` in the user state dir (honours ``XDG_STATE_HOME``)."""
    return user_state_path("peskovtui", appauthor=False) / "places"


def bookmark_label(article: Article, offset: int) -> str:
    """The start of the paragraph holding ``offset``, on one line, cut with ``…``."""
    if not article.paragraphs:
        return ""
    paragraph = article.paragraphs[article.paragraph_index(offset)]
    words = " ".join(article.text[paragraph.start : paragraph.end].split())
    if len(words) <= LABEL_LENGTH:
        return words
    return words[: LABEL_LENGTH - 1].rstrip() + "…"


def new_bookmark(article: Article, offset: int) -> Bookmark:
    """A bookmark at ``offset`` of ``article``, set now (UTC, to the second)."""
    added = datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    offset = max(0, min(offset, article.text_length))
    return Bookmark(
        Place(article.id, offset), bookmark_label(article, offset), article.title, added
    )


def found_place(place: Place | None, articles: Mapping[str, Article]) -> Place | None:
    """``place`` if its article is still in the corpus (its offset kept inside a text that
    may have become shorter); None for a place whose article is gone."""
    if place is None:
        return None
    article = articles.get(place.article_id)
    if article is None:
        return None
    return replace(place, offset=max(0, min(place.offset, article.text_length)))


def with_last(place: Place) -> PlacesEdit:
    """Remember ``place`` as the last one read."""

    def apply(places: Places) -> Places:
        return replace(places, last=place)

    return apply


def with_bookmark(bookmark: Bookmark) -> PlacesEdit:
    """Add ``bookmark`` at the end, unless the same place is marked already."""

    def apply(places: Places) -> Places:
        if any(b.place == bookmark.place for b in places.bookmarks):
            return places
        return replace(places, bookmarks=(*places.bookmarks, bookmark))

    return apply


def without(bookmark: Bookmark) -> PlacesEdit:
    """Delete ``bookmark`` (each one at its place, in case another reader changed the list)."""

    def apply(places: Places) -> Places:
        kept = tuple(b for b in places.bookmarks if b != bookmark)
        return replace(places, bookmarks=kept)

    return apply


def places_to_json(places: Places, sources: Sequence[str] = ()) -> dict[str, Any]:
    """What a corpus remembers as plain JSON data."""
    return {
        "format": _FORMAT,
        "sources": list(sources),
        "last": _place_json(places.last) if places.last is not None else None,
        "bookmarks": [
            {**_place_json(b.place), "label": b.label, "title": b.title, "added": b.added}
            for b in places.bookmarks
        ],
    }


def places_from_json(data: Any) -> Places:
    """What ``places_to_json`` wrote; ``ValueError`` when it is not that."""
    if not isinstance(data, dict) or data.get("format") != _FORMAT:
        raise ValueError("not a places file")
    last = data.get("last")
    marks = data.get("bookmarks", [])
    if not isinstance(marks, list):
        raise ValueError("the bookmarks are not a list")
    bookmarks = tuple(
        Bookmark(_place(m), _text(m.get("label", "")), _text(m.get("title", "")), _text(m["added"]))
        for m in marks
    )
    return Places(_place(last) if last is not None else None, bookmarks)


def _place_json(place: Place) -> dict[str, Any]:
    return {"article_id": place.article_id, "offset": place.offset}


def _place(data: Any) -> Place:
    if not isinstance(data, dict):
        raise ValueError("a place is not an object")
    offset = data.get("offset")
    if not isinstance(offset, int) or isinstance(offset, bool) or offset < 0:
        raise ValueError(f"{offset!r} is not an offset")
    return Place(_text(data.get("article_id")), offset)


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not text")
    return value


class PlaceStore:
    """What one corpus remembers, in its file."""

    def __init__(self, path: Path, sources: Sequence[str] = ()) -> None:
        self.path = path
        self.sources = tuple(sources)
        # One sentence per problem met reading the file, for the user; read and cleared by
        # whoever shows them.
        self.warnings: list[str] = []
        # False once the file could not be written, or could be neither read nor set aside:
        # it is then left alone, and what this reader remembers is kept in memory.
        self.writable = True
        self._memory = Places()

    @classmethod
    def for_corpus(cls, sources: Sequence[Path]) -> PlaceStore:
        """The places of the corpus read from ``sources``."""
        names = corpus_paths(sources)
        shown = [os.fsdecode(name) for name in names]
        return cls(places_home() / f"{key_digest(names)}.json", shown)

    def load(self) -> Places:
        """What is remembered; nothing when there is no file or it cannot be read (a warning
        then says why)."""
        if not self.writable:
            return self._memory
        try:
            raw = self.path.read_bytes()
        except (FileNotFoundError, NotADirectoryError):
            return Places()
        except OSError as error:
            self._unreadable(f"could not be read ({error.strerror})")
            return Places()
        try:
            return places_from_json(json.loads(raw.decode("utf-8")))
        except (ValueError, KeyError, UnicodeDecodeError):
            self._unreadable("is damaged")
            return Places()

    def _unreadable(self, what: str) -> None:
        try:
            aside = set_aside(self.path)
        except OSError:
            self.writable = False
            self.warnings.append(
                f"The reading places file {self.path} {what}; it is left as it is, and the "
                "place read and the bookmarks are not kept this time."
            )
            return
        self.warnings.append(
            f"The reading places file {self.path} {what}; it was kept as {aside.name} and "
            "the reader starts afresh."
        )

    def change(self, edit: PlacesEdit) -> Places:
        """Read what is remembered, apply ``edit`` and write it back; what it is now (kept in
        memory only, when the file cannot be written)."""
        places = edit(self.load())
        if not (self.writable and self.save(places)):
            self.writable = False
            self._memory = places
        return places

    def save(self, places: Places) -> bool:
        """Write the whole file atomically; False when the state dir is not writable."""
        text = json.dumps(places_to_json(places, self.sources), ensure_ascii=False, indent=1)
        try:
            write_atomically(self.path, text + "\n")
        except OSError:
            return False
        return True
