"""Loading a corpus from paths: folders, article files and data sets, cleaned into Articles."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from peskovtui.corpus import cache as load_cache
from peskovtui.corpus.cache import LoadCache, LoadedFile, release_freed_memory
from peskovtui.corpus.dates import iso_date
from peskovtui.corpus.model import Article, compose_text
from peskovtui.corpus.names import has_surrogates, printable_name
from peskovtui.corpus.outlets import outlet_from_url
from peskovtui.corpus.readers import (
    ARTICLE_SUFFIXES,
    DATASET_SUFFIXES,
    dataset_records,
    decode,
    read_article_file,
    read_bytes,
    read_dataset,
    read_dataset_bytes,
    survey_dataset,
    unreadable,
)
from peskovtui.corpus.rows import Record, Warn, display_name
from peskovtui.corpus.streaming import DataSetChanged
from peskovtui.errors import CorpusError

SUFFIXES = ARTICLE_SUFFIXES | DATASET_SUFFIXES
_AUTHOR_SPLIT = re.compile(r"\s*(?:;|,|\band\b|&)\s*")
_BY_PREFIX = re.compile(r"^\s*by\s+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Corpus:
    """The articles loaded from some paths, and the warnings met on the way."""

    articles: tuple[Article, ...]
    sources: tuple[Path, ...]
    warnings: tuple[str, ...] = ()
    fields: tuple[tuple[str, str], ...] = ()


def load_corpus(
    paths: Sequence[str | Path],
    fields: Mapping[str, str] | None = None,
    *,
    cache: LoadCache | None = None,
) -> Corpus:
    """Load every article under ``paths``; raise CorpusError when none could be loaded.

    With a ``cache``, a big data set is read from it when it holds what that data set's
    current contents load into, and kept there otherwise."""
    overrides = dict(fields or {})
    warnings: list[str] = []
    sources = tuple(Path(p).expanduser().absolute() for p in paths)
    articles: list[Article] = []
    ids: set[str] = set()
    for source in sources:
        for article in _articles(source, warnings.append, overrides, cache):
            article = _unique(article, ids)
            ids.add(article.id)
            articles.append(article)
    if not articles:
        reason = warnings[-1] if warnings else "no articles were found."
        if len(sources) == 1 and len(warnings) == 1:
            raise CorpusError(reason.removesuffix("; skipped.").removesuffix("."))
        raise CorpusError(f"Nothing could be loaded: {reason.removesuffix('.')}")
    if cache is not None and cache.notice is not None:
        warnings.append(cache.notice)
    return Corpus(tuple(articles), sources, tuple(warnings), tuple(sorted(overrides.items())))


def _articles(
    source: Path, warn: Warn, overrides: Mapping[str, str], cache: LoadCache | None
) -> Iterator[Article]:
    name = display_name(source)
    try:
        exists, is_dir = source.exists(), source.is_dir()
    except OSError as error:  # a name too long, a loop of links
        warn(f"{name} cannot be read ({error.strerror or error}).")
        return
    if not exists:
        warn(f"{name} does not exist.")
        return
    if is_dir:
        files = _folder_files(source, warn)
        if files is not None and not files:
            warn(f"{name} holds no articles (.txt, .md, .html, .csv, .jsonl, .json).")
        for path in files or ():
            try:
                yield from _file_articles(path, warn, overrides, cache)
            except CorpusError as error:  # one unusable file of many: the others are read
                warn(f"{str(error).removesuffix('.')}; skipped.")
        return
    yield from _file_articles(source, warn, overrides, cache)


def _folder_files(folder: Path, warn: Warn) -> list[Path] | None:
    """The article files and data sets under ``folder``, in name order; None if it cannot be
    read. Hidden files and folders are skipped, and so are links to folders (they may loop);
    a subfolder that cannot be read is named in a warning."""
    found: list[Path] = []
    pending = [folder]
    while pending:
        current = pending.pop()
        try:
            with os.scandir(current) as entries:
                listed = list(entries)
        except OSError as error:
            warn(unreadable(current, error))
            if current == folder:
                return None
            continue
        for entry in listed:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            try:
                if entry.is_dir(follow_symlinks=False):
                    pending.append(path)
                elif path.suffix.lower() in SUFFIXES and entry.is_file():
                    found.append(path)
            except OSError as error:  # a file that vanished or cannot be looked at
                warn(unreadable(path, error))
    return sorted(found)


def _file_articles(
    path: Path, warn: Warn, overrides: Mapping[str, str], cache: LoadCache | None
) -> Iterator[Article]:
    if path.suffix.lower() not in DATASET_SUFFIXES:
        yield from _built(read_article_file(path, warn), warn)
        return
    # A kept data set is hashed as it is read, never held whole: its articles come from the
    # entry, their texts left in it.
    slot = cache.slot_of_file(path, overrides) if cache is not None else None
    kept = slot.get() if slot is not None else None
    if kept is not None:
        for message in kept.warnings:
            warn(message)
        yield from kept.articles
        return
    if slot is not None:
        streamed = _streamed(path, warn, overrides, slot.cache)
        if streamed is not None:
            yield from streamed
            return
    data = read_dataset_bytes(path, warn)
    if data is None:
        return
    if cache is not None and (slot is None or not slot.holds(data)):  # changed meanwhile
        slot = cache.slot(path, data, overrides)
    # The very bytes hashed for the cache key are parsed, so an entry can never be stale.
    said: list[str] = []

    def warn_and_keep(message: str) -> None:
        said.append(message)
        warn(message)

    built = _built(dataset_records(path, data, warn_and_keep, overrides), warn_and_keep)
    if slot is None:
        yield from built
        return
    loaded = LoadedFile(tuple(built), tuple(said))
    del data
    if loaded.articles and slot.put(loaded):
        # Read back from the entry, so that this process holds the articles' metadata rather
        # than their texts from now on.
        loaded = slot.get() or loaded
        release_freed_memory()
    yield from loaded.articles


def _streamed(
    path: Path, warn: Warn, overrides: Mapping[str, str], cache: LoadCache
) -> tuple[Article, ...] | None:
    """The articles of a data set kept in the cache, read a row at a time: only their metadata
    is held, each text written to the entry as its article is made (a big data set is never
    held whole, decoded, nor all of its texts). None when it is to be read whole: it cannot
    be read so, changed while it was read, or the cache cannot be written."""
    surveyed = survey_dataset(path)
    if surveyed is None or surveyed.size < load_cache.MIN_CACHED_BYTES:
        return None
    # The contents surveyed are those parsed (or nothing is kept), so the entry is theirs.
    slot = cache.slot_for(path, surveyed.size, surveyed.digest, overrides)
    said: list[str] = []
    try:
        loaded = slot.keep(
            _built(dataset_records(path, surveyed, said.append, overrides), said.append), said
        )
    except DataSetChanged:
        return None
    except CorpusError:  # unusable: what was met before is told, as a whole reading tells it
        for message in said:
            warn(message)
        raise
    if loaded is None:
        return None
    for message in loaded.warnings:
        warn(message)
    release_freed_memory()
    return loaded.articles


def _built(records: Iterable[Record], warn: Warn) -> Iterator[Article]:
    """The articles ``records`` are cleaned into; a record left without text is skipped."""
    for record in records:
        article = build_article(record)
        if article is None:
            warn(f"{display_name(record.source)} has no article text; skipped.")
            continue
        if record.row is None and has_surrogates(record.source.stem):
            warn(
                f"{display_name(record.source)}: the file name is not UTF-8; "
                f"the article's id is {article.id}."
            )
        yield article


def build_article(record: Record) -> Article | None:
    """Clean one record into an Article, or None when nothing of an article is left."""
    # Imported here: a data set read back from the loading cache is not cleaned again.
    from peskovtui.corpus.cleanup import clean_article

    values = record.fields
    if record.row is None:
        cleaned = clean_article(values["text"])
        article_id = printable_name(record.source.stem)
    else:
        cleaned = clean_article(
            values["text"], title=values.get("title", ""), subtitle=values.get("subtitle", "")
        )
        article_id = values.get("id", "").strip() or str(record.row)
    if not cleaned.blocks:
        if record.row is None:
            return None
        # A data-set row with neither title nor text still stands for an article (its id,
        # date and url are known), so it is kept, empty, rather than dropped.
        cleaned.blocks.append(("", "title"))
    text, paragraphs = compose_text(cleaned.blocks)
    url = values.get("url", "").strip() or None
    outlet = (
        values.get("outlet", "").strip()
        or (outlet_from_url(url) if url else None)
        or cleaned.outlet
    )
    authors = _authors(values.get("authors", "")) or tuple(cleaned.authors)
    return Article(
        id=article_id,
        title=cleaned.title,
        subtitle=cleaned.subtitle,
        text=text,
        paragraphs=paragraphs,
        outlet=outlet or None,
        authors=authors,
        date=iso_date(values.get("date", "")),
        dateline=cleaned.dateline,
        url=url,
        path=str(record.source),
        row=record.row,
        set_aside=tuple(cleaned.set_aside),
    )


def _authors(value: str) -> tuple[str, ...]:
    value = _BY_PREFIX.sub("", value.strip())
    return tuple(name for name in _AUTHOR_SPLIT.split(value) if name)


def _unique(article: Article, taken: set[str]) -> Article:
    """Keep ids unique across sources: a repeated id gains its source's name, then a number."""
    if article.id not in taken:
        return article
    base = f"{printable_name(Path(article.path or '').stem)}:{article.id}"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}~{n}", n + 1
    return replace(article, id=candidate)


def read_raw(article: Article, fields: Iterable[tuple[str, str]] = ()) -> str:
    """The article's original text as its source holds it, before any cleanup."""
    if article.path is None:
        raise CorpusError(f"Article {article.id} has no source file.")
    path = Path(article.path)
    problems: list[str] = []
    if article.row is None:
        data = read_bytes(path, problems.append)
        text = decode(data, path, problems.append) if data is not None else None
        if text is None:
            raise CorpusError(problems[0] if problems else f"{display_name(path)} is unreadable.")
        return text
    for record in read_dataset(path, problems.append, dict(fields)):
        if record.row == article.row:
            return record.fields["text"]
    raise CorpusError(f"Row {article.row} of {display_name(path)} is no longer there.")
