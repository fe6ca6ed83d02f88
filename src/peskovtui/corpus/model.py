"""The records a corpus is made of: articles, their paragraphs and the lines set aside."""

from __future__ import annotations

import bisect
import errno
import hashlib
import re
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any, Literal, Protocol

from peskovtui.corpus.names import printable_name

ParagraphRole = Literal["title", "subtitle", "byline", "dateline", "heading", "body"]

_WORD = re.compile(r"\w+(?:['’]\w+)*")


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of an article as a character range ``text[start:end]`` and its role."""

    start: int
    end: int
    role: ParagraphRole = "body"


@dataclass(frozen=True, slots=True)
class SetAside:
    """A line of the source that is not part of the article (a credit, a promotion, tags)."""

    line: str
    reason: str


class TextSource(Protocol):
    """Where texts are kept outside memory (a cache entry's tail)."""

    def read(self, offset: int, size: int) -> bytes:
        """``size`` bytes from ``offset``."""
        ...


@dataclass(frozen=True, slots=True)
class StoredText:
    """An article's text kept in ``source``: ``size`` bytes of UTF-8 from ``offset``,
    ``length`` characters, ``check`` their ``text_check``."""

    source: TextSource
    offset: int
    size: int
    length: int
    check: bytes

    def encoded(self) -> bytes:
        """The text as UTF-8 (a lone surrogate as its three bytes, as ``encode_text`` does).

        Checked each time it is read: a store changed in place since (not how entries are
        ever replaced) raises ``OSError`` rather than give another text.
        """
        data = self.source.read(self.offset, self.size)
        if text_check(data) != self.check:
            raise OSError(errno.EIO, "A stored article text was changed after it was read.")
        return data

    def text(self) -> str:
        """The text itself."""
        return self.encoded().decode("utf-8", "surrogatepass")


def encode_text(text: str) -> bytes:
    """``text`` as the UTF-8 that ``StoredText`` holds (a lone surrogate kept)."""
    return text.encode("utf-8", "surrogatepass")


def text_check(data: bytes) -> bytes:
    """A short digest of a stored text, to tell it from any other it could be changed into."""
    return hashlib.blake2b(data, digest_size=16).digest()


@dataclass(frozen=True, slots=True)
class Article:
    """One news article with a single display ``text`` that every offset indexes.

    ``text`` starts with the title line; paragraphs are separated by a blank line and listed
    in ``paragraphs`` as character ranges. Lines that are not the article are kept in
    ``set_aside``; the untouched original is available from the source (``path``, ``row``).

    An article read from the loading cache keeps its text there (see ``keep_text_stored``):
    ``text`` reads it when asked, so that a big corpus holds its metadata and offsets only.
    """

    id: str
    title: str
    text: str
    paragraphs: tuple[Paragraph, ...]
    subtitle: str = ""
    outlet: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None
    dateline: str | None = None
    url: str | None = None
    path: str | None = None
    row: int | None = None
    set_aside: tuple[SetAside, ...] = ()
    _starts: tuple[int, ...] = field(default=(), repr=False, compare=False)
    _stored: StoredText | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple(p.start for p in self.paragraphs))

    if not TYPE_CHECKING:  # to the type checker ``text`` is the plain field it always reads

        def __getattr__(self, name: str) -> Any:
            # Called only when a slot is unset: the text of an article whose text is stored.
            if name == "text":
                stored = object.__getattribute__(self, "_stored")
                if stored is not None:
                    return stored.text()
            raise AttributeError(f"'Article' object has no attribute '{name}'")

    @property
    def text_length(self) -> int:
        """The length of ``text`` in characters, known without reading a stored text."""
        return self._stored.length if self._stored is not None else len(self.text)

    def text_digest(self) -> bytes:
        """``text_check`` of ``text``: kept with a stored text (read for free), computed for a
        text held in memory."""
        if self._stored is not None:
            return self._stored.check
        return text_check(encode_text(self.text))

    def encoded_text(self) -> bytes:
        """``text`` as UTF-8 (see ``encode_text``), read as it is stored when it is."""
        return self._stored.encoded() if self._stored is not None else encode_text(self.text)

    @property
    def words(self) -> int:
        """Number of words in the display text."""
        return len(_WORD.findall(self.text))

    @property
    def location(self) -> str:
        """Where the article comes from: its file path, with the row for a data set (a byte of
        the path that is not UTF-8 written as ``\\xe9``)."""
        if self.path is None:
            return self.id
        path = printable_name(self.path)
        return f"{path}:{self.row}" if self.row is not None else path

    def summary_json(self) -> dict[str, Any]:
        """The article's metadata as plain JSON data (what ``list`` prints)."""
        return {
            "id": self.id,
            "title": self.title,
            "outlet": self.outlet,
            "date": self.date,
            "words": self.words,
            "authors": list(self.authors),
            "url": self.url,
            "path": self.path,
            "row": self.row,
        }

    def to_json(self) -> dict[str, Any]:
        """Everything known about the article as plain JSON data (what ``show`` prints):
        paragraphs numbered as the reader numbers them, from 1."""
        return {
            **self.summary_json(),
            "subtitle": self.subtitle,
            "dateline": self.dateline,
            "text": self.text,
            "paragraphs": [
                {"paragraph": number, "start": p.start, "end": p.end, "role": p.role}
                for number, p in enumerate(self.paragraphs, start=1)
            ],
            "set_aside": [{"line": s.line, "reason": s.reason} for s in self.set_aside],
        }

    def paragraph_index(self, offset: int) -> int:
        """Index of the paragraph holding ``offset`` (the nearest one before it between two)."""
        return max(0, bisect.bisect_right(self._starts, offset) - 1)


# The names of the fields, once: ``dataclasses.fields`` costs more than the state it names, and
# a corpus of thousands of articles is read back from the loading cache at every start.
_ARTICLE_FIELDS = tuple(f.name for f in fields(Article))


def _article_state(article: Article) -> list[Any]:
    # A stored text is not copied into the state: the other process (a child building the
    # index or reading the quotes) reads it from the store itself.
    stored = article._stored is not None
    return [
        None if stored and name == "text" else getattr(article, name) for name in _ARTICLE_FIELDS
    ]


def _set_article_state(article: Article, state: list[Any]) -> None:
    # Each slot set through its own descriptor: half the time of ``object.__setattr__`` by
    # name, for every article of a corpus read back from the loading cache at each start.
    for set_slot, value in zip(_SLOT_SETTERS, state, strict=True):
        set_slot(article, value)
    if state[_TEXT_FIELD] is None:  # kept in a store: ``text`` stays unset, read when asked
        _UNSET_TEXT(article)


_SLOT_SETTERS = tuple(vars(Article)[name].__set__ for name in _ARTICLE_FIELDS)
_TEXT_FIELD = _ARTICLE_FIELDS.index("text")
_UNSET_TEXT = vars(Article)["text"].__delete__
_SET_STORED = vars(Article)["_stored"].__set__


# Set after the class is made: ``dataclass`` puts its own in place for a frozen class.
Article.__getstate__ = _article_state  # type: ignore[method-assign,assignment]
Article.__setstate__ = _set_article_state  # type: ignore[attr-defined]


def keep_text_stored(article: Article, stored: StoredText) -> Article:
    """Let ``article`` (just made, not yet shared) read its text from ``stored`` when asked
    instead of holding it."""
    _UNSET_TEXT(article)
    _SET_STORED(article, stored)
    return article


PARAGRAPH_SEPARATOR = "\n\n"


def compose_text(blocks: list[tuple[str, ParagraphRole]]) -> tuple[str, tuple[Paragraph, ...]]:
    """Join paragraph blocks into one display text and their character ranges."""
    parts: list[str] = []
    paragraphs: list[Paragraph] = []
    offset = 0
    for block, role in blocks:
        if parts:
            parts.append(PARAGRAPH_SEPARATOR)
            offset += len(PARAGRAPH_SEPARATOR)
        parts.append(block)
        paragraphs.append(Paragraph(offset, offset + len(block), role))
        offset += len(block)
    return "".join(parts), tuple(paragraphs)
