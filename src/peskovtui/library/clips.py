"""Clips: passages kept with their citations, in the order the user chose, per corpus.

A clip is a ``Citation`` (the verbatim passage and where it comes from), the article's authors,
an optional note and the moment it was added. A corpus's clips are one JSON file in the user
data dir, named by the corpus's source paths like the other per-corpus files, and written
whole to a temporary file that then replaces the old one, so that a crash never leaves half a
list. A file that cannot be read is moved aside, never overwritten, and a new list is begun.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

import platformdirs

from peskovtui.citation import Citation
from peskovtui.corpus import Article
from peskovtui.display import counted
from peskovtui.errors import PeskovError
from peskovtui.library.userfiles import set_aside, write_atomically
from peskovtui.usercache import corpus_paths, key_digest

_FORMAT = "peskovtui clips 1"

ClipStatus = Literal["current", "changed", "missing"]
# A change to a clip list (made by ``appended``, ``moved``, ``removed``, ``noted``).
ClipEdit = Callable[[list["Clip"]], list["Clip"]]


class ClipsError(PeskovError):
    """The clip list cannot be read or written, or a clip number is not in it."""


@dataclass(frozen=True, slots=True)
class Clip:
    """A cited passage on the clip list, with the user's note and when it was added."""

    citation: Citation
    added: str
    note: str = ""
    authors: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The clip as plain JSON data: the citation's fields, then authors, note and added."""
        return {
            **self.citation.to_json(),
            "authors": list(self.authors),
            "note": self.note,
            "added": self.added,
        }


def clip_status(clip: Clip, article: Article | None) -> ClipStatus:
    """Whether the clip's passage is still in its article: ``current`` when the kept text is
    exactly ``article.text[start:end]``, ``changed`` when not, ``missing`` without the
    article. A changed clip keeps what was clipped; nothing is moved to fit the new text."""
    if article is None:
        return "missing"
    kept = clip.citation
    return "current" if article.text[kept.start : kept.end] == kept.passage else "changed"


def new_clip(citation: Citation, authors: Sequence[str] = (), note: str = "") -> Clip:
    """A clip of ``citation`` added now (UTC, to the second)."""
    return Clip(citation, _now(), note, tuple(authors))


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def clip_from_json(data: Any) -> Clip:
    """A clip from what ``Clip.to_json`` wrote; ``ValueError`` when it is not one."""
    if not isinstance(data, dict):
        raise ValueError("a clip is not an object")
    try:
        citation = Citation(
            passage=_text(data["passage"]),
            article_id=_text(data["article_id"]),
            title=_text(data["title"]),
            start=_number(data["start"]),
            end=_number(data["end"]),
            paragraphs=(_number(data["paragraph"]), _number(data["last_paragraph"])),
            location=_text(data["location"]),
            speaker=_optional(data.get("speaker")),
            outlet=_optional(data.get("outlet")),
            date=_optional(data.get("date")),
            url=_optional(data.get("url")),
            is_quote=bool(data.get("quote", False)),
        )
        authors = tuple(_text(a) for a in data.get("authors", []))
        return Clip(citation, _text(data["added"]), _text(data.get("note", "")), authors)
    except KeyError as error:
        raise ValueError(f"a clip lacks {error}") from None


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not text")
    return value


def _optional(value: Any) -> str | None:
    return None if value is None else _text(value)


def _number(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValueError(f"{value!r} is not an offset")
    return value


def clips_home() -> Path:
    """Where clip lists are kept: ``clips`` in the user data dir (honours ``XDG_DATA_HOME``)."""
    return Path(platformdirs.user_data_dir("peskovtui", appauthor=False)) / "clips"


class ClipStore:
    """The clip list of one corpus, in its file; every change is read, made and written at
    once, so that two processes adding clips lose neither's (barring the same instant)."""

    def __init__(self, path: Path, sources: Sequence[str] = ()) -> None:
        self.path = path
        self.sources = tuple(sources)
        self.notices: list[str] = []

    @classmethod
    def for_corpus(cls, sources: Sequence[Path]) -> ClipStore:
        """The clip list of the corpus read from ``sources``."""
        names = corpus_paths(sources)
        shown = [os.fsdecode(name) for name in names]
        return cls(clips_home() / f"{key_digest(names)}.json", shown)

    def load(self) -> list[Clip]:
        """The clips, in order; none when there is no file. A file that cannot be read is
        moved aside (its name said in ``notices``) and an empty list is returned."""
        try:
            raw = self.path.read_bytes()
        except (FileNotFoundError, NotADirectoryError):
            return []  # nothing kept yet (or a file where the folder should be: saving says so)
        except OSError as error:
            self._set_aside(f"could not be read ({error.strerror})")
            return []
        try:
            data = json.loads(raw.decode("utf-8"))
            if not isinstance(data, dict) or data.get("format") != _FORMAT:
                raise ValueError("not a clip list")
            clips = data["clips"]
            if not isinstance(clips, list):
                raise ValueError("not a clip list")
            return [clip_from_json(item) for item in clips]
        except (ValueError, KeyError, UnicodeDecodeError):
            self._set_aside("is damaged")
            return []

    def _set_aside(self, what: str) -> None:
        """Move the unreadable file out of the way, so that the next save cannot replace it."""
        try:
            aside = set_aside(self.path)
        except OSError as error:
            raise ClipsError(
                f"The clips file {self.path} {what} and could not be set aside "
                f"({error.strerror}); it is left as it is and no clip is saved"
            ) from error
        self.notices.append(
            f"The clips file {self.path} {what}; it was kept as {aside.name} and a new "
            "clip list was begun."
        )

    def save(self, clips: Sequence[Clip]) -> None:
        """Write the whole list: to a temporary file beside it, then renamed over it."""
        data = {
            "format": _FORMAT,
            "sources": list(self.sources),
            "clips": [clip.to_json() for clip in clips],
        }
        text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
        try:
            write_atomically(self.path, text, durable=True)
        except OSError as error:
            raise ClipsError(
                f"The clips could not be saved in {self.path.parent} ({error.strerror})"
            ) from error

    def change(self, edit: ClipEdit) -> list[Clip]:
        """Read the list, apply ``edit``, write it and return it."""
        clips = edit(list(self.load()))
        self.save(clips)
        return clips


def _checked(clips: Sequence[Clip], index: int) -> int:
    if not 0 <= index < len(clips):
        has = counted(len(clips), "clip")
        raise ClipsError(f"There is no clip {index + 1}: the list has {has}")
    return index


def appended(clip: Clip) -> ClipEdit:
    """Add ``clip`` at the end."""

    def apply(clips: list[Clip]) -> list[Clip]:
        return [*clips, clip]

    return apply


def moved(index: int, offset: int) -> ClipEdit:
    """Move clip ``index`` (from 0) by ``offset`` places, staying within the list."""

    def apply(clips: list[Clip]) -> list[Clip]:
        clip = clips.pop(_checked(clips, index))
        clips.insert(max(0, min(len(clips), index + offset)), clip)
        return clips

    return apply


def removed(index: int) -> ClipEdit:
    """Delete clip ``index`` (from 0)."""

    def apply(clips: list[Clip]) -> list[Clip]:
        del clips[_checked(clips, index)]
        return clips

    return apply


def noted(index: int, note: str) -> ClipEdit:
    """Set the note of clip ``index`` (from 0); an empty note removes it."""

    def apply(clips: list[Clip]) -> list[Clip]:
        clips[_checked(clips, index)] = replace(clips[index], note=note.strip())
        return clips

    return apply
