"""The manifest diff: what changed between the corpus and the index.

The manifest records, for each indexed article, where it came from (path, row, file size and
mtime), its length, its speakers, a check of its text and a hash of its content. Comparing the
corpus loaded now with it says which articles to (re)index and which to remove, without reading
the index.

The text check (``Article.text_digest``) is what makes the comparison exact when a file is
rewritten with the same size and time and an article keeps its length (a typo fixed): an
article read from the loading cache carries it for free; one whose text is held in memory has
it computed, which costs a fraction of what reading and cleaning that text cost.
"""

from __future__ import annotations

import hashlib
from array import array
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from peskovtui.corpus.model import Article
from peskovtui.search.build import Item, Source
from peskovtui.search.manifest_file import ManifestEntry
from peskovtui.search.schema import article_digest, speakers_key


@dataclass(frozen=True, slots=True)
class DerivedSpeakers:
    """Speakers found in an article's own text by ``function`` (a module-level function, so
    that a child build can call it): only articles being (re)indexed need them, and a new
    ``version`` of the function reindexes every article."""

    function: Callable[[Article], Iterable[str]]
    version: str


SpeakerSource = Callable[[Article], Iterable[str]] | Mapping[str, Iterable[str]] | DerivedSpeakers


def unique_articles(articles: Sequence[Article], notices: list[str]) -> dict[str, Article]:
    """``articles`` by id; the second of two articles with one id is left out, with a notice."""
    by_id: dict[str, Article] = {}
    for article in articles:
        if article.id in by_id:
            notices.append(f"Two articles share the id {article.id}; only the first is searchable.")
            continue
        by_id[article.id] = article
    return by_id


def make_items(articles: Iterable[Article], speakers: SpeakerSource | None) -> list[Item]:
    """What indexing needs of each article: its speakers (or how to find them), its source
    and the key that stands for its speakers in the manifest."""
    stats: dict[str, tuple[int, int]] = {}
    if isinstance(speakers, DerivedSpeakers):
        key = f"derived {speakers.version}"
        return [(a, speakers.function, _source(a, stats), key) for a in articles]
    items: list[Item] = []
    for article in articles:
        names = _speakers_for(article, speakers)
        items.append((article, names, _source(article, stats), speakers_key(names)))
    return items


def _speakers_for(
    article: Article,
    speakers: Callable[[Article], Iterable[str]] | Mapping[str, Iterable[str]] | None,
) -> tuple[str, ...]:
    if speakers is None:
        return ()
    if callable(speakers):
        return tuple(speakers(article))
    return tuple(speakers.get(article.id, ()))


def _source(article: Article, stats: dict[str, tuple[int, int]]) -> Source:
    if article.path is None:
        return (None, article.row, -1, -1)
    if article.path not in stats:
        try:
            st = Path(article.path).stat()
            stats[article.path] = (st.st_size, st.st_mtime_ns)
        except OSError:
            stats[article.path] = (-1, -1)
    size, mtime = stats[article.path]
    return (article.path, article.row, size, mtime)


def text_checks(items: list[Item]) -> list[bytes]:
    """The text check of each item's article, in order (see ``Article.text_digest``)."""
    return [item[0].text_digest() for item in items]


def fingerprint(items: list[Item], checks: list[bytes] | None = None) -> str | None:
    """One hash of everything ``diff`` compares before it hashes an article's content (ids,
    paths, rows, file sizes and times, lengths, speakers keys and text checks, in order; the
    checks are ``text_checks(items)``, computed when not given): equal fingerprints mean
    ``diff`` would find nothing to do. None when an article has no file to stand for its
    content (each such article is hashed whole by ``diff``)."""
    sources = [item[2] for item in items]
    if any(size < 0 for _, _, size, _ in sources):
        return None
    if checks is None:
        checks = text_checks(items)
    # Columns rather than a tuple per article: this is what a reopen of 50,000 unchanged
    # articles pays instead of comparing them, so it is kept to a few C-level passes.
    files: dict[tuple[str | None, int, int], int] = {}
    numbers = array("q", [files.setdefault((p, size, t), len(files)) for p, _, size, t in sources])
    numbers.extend([-1 if row is None else row for _, row, _, _ in sources])
    numbers.extend([item[0].text_length for item in items])
    h = hashlib.blake2b(digest_size=20)
    for column in ([item[0].id for item in items], [item[3] for item in items], list(files)):
        h.update(repr(column).encode("utf-8", "surrogatepass"))
    h.update(numbers.tobytes())
    h.update(b"".join(checks))
    return h.hexdigest()


class SavedManifest:
    """An index's manifest: the fingerprint of the corpus it was saved for, known at once, and
    its entries, read only when a diff needs them (``load`` gives them, or None when they cannot
    be read; ``fallback`` then reads them from the index's stored fields).

    ``saved`` says whether the file holds it as it is, in the current format: if not, it is
    saved at the next refresh.
    """

    def __init__(
        self,
        fingerprint: str | None,
        load: Callable[[], dict[str, ManifestEntry] | None],
        *,
        saved: bool,
        fallback: Callable[[], dict[str, ManifestEntry]] | None = None,
    ) -> None:
        self.fingerprint = fingerprint
        self.saved = saved
        self._load = load
        self._fallback = fallback
        self._entries: dict[str, ManifestEntry] | None = None

    @classmethod
    def of(
        cls, entries: dict[str, ManifestEntry], fingerprint: str | None, *, saved: bool
    ) -> SavedManifest:
        """A manifest of ``entries``, already in memory."""
        manifest = cls(fingerprint, lambda: entries, saved=saved)
        manifest._entries = entries
        return manifest

    def entries(self) -> dict[str, ManifestEntry]:
        """The entries by article id."""
        if self._entries is None:
            entries = self._load()
            if entries is None:
                if self._fallback is None:
                    raise ValueError("The manifest of the search index cannot be read.")
                entries = self._fallback()
                self.saved = False
                self.fingerprint = None
            self._entries = entries
        return self._entries

    @classmethod
    def none(cls) -> SavedManifest:
        """The manifest of an index that holds nothing yet."""
        return cls.of({}, None, saved=False)


def stored_manifest(reader: Any) -> dict[str, ManifestEntry]:
    """The manifest as the index's stored fields tell it (when its file is missing or stale)."""
    out: dict[str, ManifestEntry] = {}
    for fields in reader.all_stored_fields():
        out[fields["id"]] = ManifestEntry(fields["digest"], *fields["source"])
    return out


@dataclass(slots=True)
class Diff:
    """What a refresh has to do to the index, and the manifest once it is done."""

    todo: list[Item]  # added or changed, to (re)index
    removed: list[str]
    added: int
    changed: int
    manifest: SavedManifest  # the manifest once the diff is applied

    @property
    def empty(self) -> bool:
        """Whether the index already holds what the corpus says."""
        return not self.todo and not self.removed


def diff(saved: SavedManifest, items: list[Item]) -> Diff:
    """What to reindex. Unchanged path, row, size, mtime, length, speakers and text check mean
    unchanged; otherwise the content hash decides (a touched file with the same text is not
    reindexed, and an entry saved before texts were checked is hashed once and given its check).

    When the corpus has the fingerprint the manifest was saved for, nothing is compared (and
    the manifest's entries are not read).
    """
    checks = text_checks(items)
    key = fingerprint(items, checks)
    if key is not None and key == saved.fingerprint:
        return Diff([], [], 0, 0, saved)
    manifest = saved.entries()
    entries: dict[str, ManifestEntry] = {}
    todo: list[Item] = []
    changed = 0
    restat = False
    for item, text_check in zip(items, checks, strict=True):
        article, _, (path, row, size, mtime), spoken = item
        check = text_check.hex()
        old = manifest.get(article.id)
        if (
            old is not None
            and size >= 0
            and old.path == path
            and old.row == row
            and old.size == size
            and old.mtime_ns == mtime
            and old.text_length == article.text_length
            and old.speakers == spoken
            and old.text_check == check
        ):
            entries[article.id] = old
            continue
        digest = article_digest(article, spoken)
        new = ManifestEntry(digest, path, row, size, mtime, article.text_length, spoken, check)
        entries[article.id] = new
        if old is None or old.digest != digest:
            todo.append(item)
            changed += old is not None
        elif old != new:
            restat = True
    removed = [doc_id for doc_id in manifest if doc_id not in entries]
    # Saved again unless the file already holds exactly this, for this corpus.
    unchanged = not todo and not removed and not restat
    same = unchanged and saved.saved and saved.fingerprint == key
    after = SavedManifest.of(entries, key, saved=same)
    return Diff(todo, removed, len(todo) - changed, changed, after)
