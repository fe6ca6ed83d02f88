"""The manifest diff: what changed between the corpus and the index.

The manifest records, for each indexed article, where it came from (path, row, file size and
mtime), its length, its speakers and a hash of its content. Comparing the corpus loaded now
with it says which articles to (re)index and which to remove, without reading the index.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from peskovtui.corpus.model import Article
from peskovtui.search.build import Item, Source
from peskovtui.search.schema import article_digest, speakers_key
from peskovtui.search.store import ManifestEntry


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


class Manifest(dict[str, ManifestEntry]):
    """Manifest entries by article id, remembering whether they came from the manifest file."""

    def __init__(self, entries: dict[str, ManifestEntry], *, from_file: bool) -> None:
        super().__init__(entries)
        self.from_file = from_file


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
    entries: dict[str, ManifestEntry]  # the manifest once the diff is applied
    restat: bool  # only file sizes/times changed: the manifest file needs rewriting
    from_file: bool

    @property
    def empty(self) -> bool:
        """Whether the index already holds what the corpus says."""
        return not self.todo and not self.removed


def diff(manifest: dict[str, ManifestEntry], items: list[Item]) -> Diff:
    """What to reindex. Unchanged path, row, size, mtime, length and speakers mean unchanged;
    otherwise the content hash decides (a touched file with the same text is not reindexed)."""
    entries: dict[str, ManifestEntry] = {}
    todo: list[Item] = []
    changed = 0
    restat = False
    for item in items:
        article, _, (path, row, size, mtime), spoken = item
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
        ):
            entries[article.id] = old
            continue
        digest = article_digest(article, spoken)
        new = ManifestEntry(digest, path, row, size, mtime, article.text_length, spoken)
        entries[article.id] = new
        if old is None or old.digest != digest:
            todo.append(item)
            changed += old is not None
        elif old != new:
            restat = True
    removed = [doc_id for doc_id in manifest if doc_id not in entries]
    return Diff(
        todo,
        removed,
        len(todo) - changed,
        changed,
        entries,
        restat,
        getattr(manifest, "from_file", False),
    )
