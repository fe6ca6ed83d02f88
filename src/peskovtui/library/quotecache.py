"""The quotes of a big corpus kept in the user cache dir, so that reopening it does not
extract them again.

Two entries per corpus: every article's quotes as extraction finds them, by a hash of the
article's content, and the corpus-wide result (speakers named alike, versions clustered), by
the hashes of all its articles in order. Both are keyed by the extractor's version, a
fingerprint of the quotes code, so a new extractor never meets an old entry. An article that
changed is extracted again, alone; the corpus-wide pass runs again whenever any article
changed, since one article can rename a speaker everywhere.

The corpus-wide entry is a ``QuoteStore``: its index in the payload, each article's quotes
after it, read an article at a time by the corpus that opens it (its process holds the index,
not the quotes; a child that found them sends nothing back but that they are kept).
"""

from __future__ import annotations

import sys
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from peskovtui.corpus import Article, LoadCache, load_corpus
from peskovtui.errors import CorpusError
from peskovtui.library.quotestore import QuoteStore, StoreIndex, stored_parts
from peskovtui.quotes.corpus import CorpusQuotes, across_corpus
from peskovtui.quotes.derived import extractor_version
from peskovtui.quotes.extract import article_quotes
from peskovtui.quotes.model import Quote, SpeakerCount
from peskovtui.usercache import (
    CacheUnwritable,
    cache_home,
    corpus_key,
    key_digest,
    open_entry,
    read_entry,
    write_entry,
)

_ARTICLES_ALLOWED = frozenset({Quote})
_STORE_ALLOWED = frozenset({StoreIndex, SpeakerCount})
_ARTICLES = "articles.quotes"
_CORPUS = "corpus.quotes"
# Bump when the corpus-wide entry holds something else from the same extractor. Its index's
# arrays are in this machine's byte order and sizes: an entry from another is not read.
_STORE_FORMAT = f"store 2 {sys.byteorder} {array('I').itemsize} {array('q').itemsize}"


def article_key(article: Article) -> str:
    """A hash of everything about an article but where it was read from (its path and row):
    its quotes are the same wherever it is."""
    return key_digest(
        [
            article.id,
            article.title,
            article.subtitle,
            article.encoded_text(),
            ";".join(f"{p.start},{p.end},{p.role}" for p in article.paragraphs),
            article.outlet or "\0",
            "\0".join(article.authors),
            article.date or "\0",
            article.dateline or "\0",
            article.url or "\0",
            "\0".join(f"{s.line}\0{s.reason}" for s in article.set_aside),
        ]
    )


@dataclass(frozen=True, slots=True)
class QuoteCache:
    """The entries of one corpus, in ``folder``."""

    folder: Path

    @classmethod
    def for_corpus(cls, sources: Sequence[Path]) -> QuoteCache:
        """The entries of the corpus read from ``sources`` (in the user cache dir)."""
        return cls(cache_home() / "quotes" / corpus_key(sources))

    def store(self, keys: Sequence[str]) -> QuoteStore | None:
        """The corpus-wide result for articles with ``keys`` (in corpus order), if it is kept:
        read from its entry an article at a time."""
        found = open_entry(self.folder / _CORPUS, _corpus_key(keys), _STORE_ALLOWED)
        if found is None or not isinstance(found[0], StoreIndex):
            return None
        index, tail = found
        if index.articles != len(keys):
            return None
        try:
            return QuoteStore(index, tail)
        except ValueError:
            return None

    def articles(self) -> dict[str, tuple[Quote, ...]]:
        """Every kept article's quotes by ``article_key``."""
        found = read_entry(self.folder / _ARTICLES, extractor_version(), _ARTICLES_ALLOWED)
        return found if isinstance(found, dict) else {}

    def keep(
        self,
        keys: Sequence[str],
        article_ids: Sequence[str],
        read: CorpusQuotes,
        by_article: dict[str, tuple[Quote, ...]] | None,
    ) -> bool:
        """Keep the corpus-wide result (of the articles with ``keys`` and ``article_ids``)
        and, unless None (unchanged), the articles' quotes; whether the corpus-wide result
        was kept. A cache that cannot be written is passed over: the quotes are only read
        again."""
        try:
            if by_article is not None:
                write_entry(self.folder / _ARTICLES, extractor_version(), by_article)
            index, parts = stored_parts(read, article_ids)
            write_entry(self.folder / _CORPUS, _corpus_key(keys), index, parts)
        except CacheUnwritable:
            return False
        return True


def _corpus_key(keys: Sequence[str]) -> str:
    return key_digest([extractor_version(), _STORE_FORMAT, *keys])


def kept_corpus_quotes(
    articles: Sequence[Article], cache: QuoteCache, keys: Sequence[str] | None = None
) -> CorpusQuotes | None:
    """The quotes of the corpus (as ``read_corpus_quotes`` finds them), extracting only the
    articles whose quotes ``cache`` does not hold, and keeping what was found; None when they
    are kept (``cache.store`` reads them), so that they need not be sent or held whole.
    ``keys`` are the articles' ``article_key``s, when known."""
    if keys is None:
        keys = [article_key(article) for article in articles]
    if cache.store(keys) is not None:
        return None
    ids = [article.id for article in articles]
    return _across_corpus_kept(_extracted(articles, keys, cache), keys, ids, cache)


@dataclass(frozen=True, slots=True)
class _Extracted:
    """Every article's quotes in corpus order, and all of them by article key unless the
    cache holds them already."""

    quotes: list[Quote]
    by_article: dict[str, tuple[Quote, ...]] | None


def _extracted(articles: Sequence[Article], keys: Sequence[str], cache: QuoteCache) -> _Extracted:
    kept = cache.articles()
    by_article: dict[str, tuple[Quote, ...]] = {}
    raw: list[Quote] = []
    for article, key in zip(articles, keys, strict=True):
        quotes = kept.get(key)
        if quotes is None:
            quotes = tuple(article_quotes(article))
        by_article[key] = quotes
        raw.extend(quotes)
    return _Extracted(raw, None if by_article.keys() == kept.keys() else by_article)


def _across_corpus_kept(
    extracted: _Extracted, keys: Sequence[str], article_ids: Sequence[str], cache: QuoteCache
) -> CorpusQuotes | None:
    read = across_corpus(extracted.quotes)
    return None if cache.keep(keys, article_ids, read, extracted.by_article) else read


def quotes_from_sources(
    sources: Sequence[Path],
    fields: Sequence[tuple[str, str]],
    keys: Sequence[str],
    cache: QuoteCache,
) -> CorpusQuotes | bool:
    """``kept_corpus_quotes`` of the corpus loaded anew from ``sources`` (True for None: they
    are kept), or False unless it is the corpus whose articles have ``keys``: what a child
    process runs, so that the corpus need not be copied to it (a data set is read from the
    loading cache)."""
    try:
        corpus = load_corpus(sources, dict(fields), cache=LoadCache())
    except CorpusError:
        return False
    if [article_key(article) for article in corpus.articles] != list(keys):
        return False  # the sources changed since the caller loaded them
    extracted = _extracted(corpus.articles, keys, cache)
    ids = [article.id for article in corpus.articles]
    # Only the quotes are needed from here on: the articles are let go before the corpus-wide
    # pass, the moment this process needs the most memory.
    del corpus
    read = _across_corpus_kept(extracted, keys, ids, cache)
    return True if read is None else read
