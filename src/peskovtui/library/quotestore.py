"""The quotes of a whole corpus as the Library holds them: every article's quotes as bytes,
read back an article at a time when asked, and beside them only what the screens ask of the
whole corpus at once (each article's count, each quote's range and cluster, the speakers with
their counts, which articles quote each name, the aliases).

A corpus of 50,000 articles has some 300,000 quotes: as records they take about 900 bytes
each; as bytes in the quotes' cache entry none of the process's memory, and the index about
20 bytes each. The bytes of a kept corpus are the tail of its entry (read with one ``pread``),
those of a corpus not kept a ``bytes`` object. Each part carries a digest checked whenever it
is read, and the quotes read must be of the article asked for: an entry changed in place under
an open corpus raises ``KeptQuotesChanged``, never gives other quotes.
"""

from __future__ import annotations

import dataclasses
import io
import pickle
import threading
from array import array
from bisect import bisect_right
from collections import OrderedDict, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from peskovtui.corpus.model import TextSource, text_check
from peskovtui.errors import PeskovError
from peskovtui.quotes.model import Quote, QuoteCluster, QuoteVersion, SpeakerCount

if TYPE_CHECKING:
    from peskovtui.quotes.corpus import CorpusQuotes

_QUOTE_FIELDS = tuple(f.name for f in dataclasses.fields(Quote))
_VERSION_FIELDS = tuple(f.name for f in dataclasses.fields(QuoteVersion))
_CHECK = 16  # bytes of each part's ``text_check``
# Articles whose quotes are kept once read: the panel asks for the same ones again and again
# (an article's quotes, then each quote's other versions, often in the same few articles).
_RECENT = 1024
_CHANGED = "The quotes kept for this corpus were changed since it was opened; open it again."


@dataclass(frozen=True, slots=True)
class StoreIndex:
    """Where each part of a corpus's quotes is in its bytes, and what is asked of them all.

    The articles' parts come first, in corpus order, then the clusters' parts; ``bounds``
    holds where each part starts and, last, where the last ends. ``checks`` holds each part's
    ``text_check``. ``counts`` holds each article's quotes, fragments and terms aside.

    The quotes are numbered in corpus order: ``first`` holds each article's first number (and,
    last, the number of quotes), ``starts`` and ``ends`` each quote's range, ``cluster_of``
    the number of its cluster (-1 for none); ``members`` the numbers of each cluster's
    versions, in order, from ``members_first`` of that cluster; ``cluster_ids`` each cluster's
    id. So a quote's cluster and versions are found without reading any quotes.

    Arrays are kept as bytes (``array('q')`` for ``bounds``, ``array('i')`` for
    ``cluster_of``, else ``array('I')``): 4 or 8 bytes an article, a quote or a version.
    """

    articles: int
    bounds: bytes
    checks: bytes
    counts: bytes
    first: bytes
    starts: bytes
    ends: bytes
    cluster_of: bytes
    members: bytes
    members_first: bytes
    cluster_ids: tuple[str, ...]
    aliases: dict[str, str]
    speakers: tuple[SpeakerCount, ...]
    speakers_all: tuple[SpeakerCount, ...]
    # Each name a quote is given to (fragments and terms too), with the articles quoting it.
    named: dict[str, bytes]


class KeptQuotesChanged(PeskovError, OSError):
    """The bytes of an open corpus's quotes are not those its index was made with (its cache
    entry was changed in place since it was opened): an error told in one sentence, as the
    user can cause it, and an ``OSError``, as a failed read."""


class _PlainUnpickler(pickle.Unpickler):
    """An unpickler of plain data only (tuples, strings, numbers, None): no class at all."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"{module}.{name} has no place in the quotes' bytes")


def _plain(data: bytes) -> Any:
    return _PlainUnpickler(io.BytesIO(data)).load()


def _quote_row(quote: Quote) -> tuple[Any, ...]:
    return tuple(getattr(quote, name) for name in _QUOTE_FIELDS)


def _cluster_row(cluster: QuoteCluster) -> tuple[Any, ...]:
    versions = tuple(tuple(getattr(v, name) for name in _VERSION_FIELDS) for v in cluster.versions)
    return (cluster.id, cluster.reference, versions)


def _array(code: str, data: bytes) -> array[int]:
    found = array(code)
    found.frombytes(data)
    return found


def stored_parts(read: CorpusQuotes, article_ids: Sequence[str]) -> tuple[StoreIndex, list[bytes]]:
    """``read`` (the quotes of the articles with ``article_ids``, in corpus order) as a
    ``StoreIndex`` and the bytes of its parts, in order."""
    # Imported here: the speaker index is needed only when the quotes are stored.
    from peskovtui.quotes.speakers import speaker_index

    quotes = read.quotes
    position = {article_id: i for i, article_id in enumerate(article_ids)}
    # A version is the quote of its article and range (the last, should two share one).
    number = {(q.article_id, q.start, q.end): n for n, q in enumerate(quotes)}
    cluster_of = array("i", [-1]) * len(quotes)
    members, members_first = array("I"), array("I", [0])
    for c, cluster in enumerate(read.clusters):
        for version in cluster.versions:
            n = number[(version.article_id, version.start, version.end)]
            cluster_of[n] = c
            members.append(n)
        members_first.append(len(members))
    rows: list[list[tuple[Any, ...]]] = [[] for _ in article_ids]
    counts = array("I", bytes(4 * len(article_ids)))
    first = array("I", bytes(4 * (len(article_ids) + 1)))
    named: dict[str, set[int]] = defaultdict(set)
    last = -1
    for n, quote in enumerate(quotes):
        at = position[quote.article_id or ""]
        if at < last:
            # The quotes are listed article by article in corpus order: read back so, they
            # must come in the same order.
            raise ValueError("the corpus's quotes are not in the order of its articles")
        for following in range(last + 1, at + 1):
            first[following] = n
        last = at
        rows[at].append(_quote_row(quote))
        counts[at] += not quote.hidden_by_default
        named[quote.speaker].add(at)
    for following in range(last + 1, len(article_ids) + 1):
        first[following] = len(quotes)
    parts = [pickle.dumps(tuple(r), protocol=5) for r in rows]
    parts += [pickle.dumps(_cluster_row(c), protocol=5) for c in read.clusters]
    bounds = array("q", [0])
    for part in parts:
        bounds.append(bounds[-1] + len(part))
    visible = [q for q in quotes if not q.hidden_by_default]
    index = StoreIndex(
        articles=len(article_ids),
        bounds=bounds.tobytes(),
        checks=b"".join(text_check(part) for part in parts),
        counts=counts.tobytes(),
        first=first.tobytes(),
        starts=array("I", (q.start for q in quotes)).tobytes(),
        ends=array("I", (q.end for q in quotes)).tobytes(),
        cluster_of=cluster_of.tobytes(),
        members=members.tobytes(),
        members_first=members_first.tobytes(),
        cluster_ids=tuple(c.id for c in read.clusters),
        aliases=dict(read.aliases),
        speakers=tuple(speaker_index(visible, read.aliases)),
        speakers_all=tuple(speaker_index(quotes, read.aliases)),
        named={name: array("I", sorted(at)).tobytes() for name, at in named.items()},
    )
    return index, parts


class _Bytes:
    """Parts held in memory (a corpus whose quotes are not kept in the cache)."""

    __slots__ = ("_data",)

    def __init__(self, data: bytes) -> None:
        self._data = data

    def read(self, offset: int, size: int) -> bytes:
        return self._data[offset : offset + size]


class QuoteStore:
    """The quotes of a corpus read back an article at a time from their bytes."""

    def __init__(self, index: StoreIndex, source: TextSource) -> None:
        self.index = index
        self._source = source
        self._bounds = _array("q", index.bounds)
        self._counts = _array("I", index.counts)
        self._first = _array("I", index.first)
        self._starts = _array("I", index.starts)
        self._ends = _array("I", index.ends)
        self._cluster_of = _array("i", index.cluster_of)
        self._members = _array("I", index.members)
        self._members_first = _array("I", index.members_first)
        self._recent: OrderedDict[int, tuple[Quote, ...]] = OrderedDict()
        self._lock = threading.Lock()
        articles, clusters = index.articles, len(index.cluster_ids)
        quotes = len(self._starts)
        if not (
            len(self._bounds) == articles + clusters + 1
            and len(index.checks) == _CHECK * (articles + clusters)
            and len(self._counts) == articles
            and len(self._first) == articles + 1
            and (articles == 0 or self._first[-1] == quotes)
            and len(self._ends) == len(self._cluster_of) == quotes
            and len(self._members_first) == clusters + 1
            and self._members_first[-1] == len(self._members)
        ):
            raise ValueError("the quotes' index does not match its parts")

    @classmethod
    def in_memory(cls, read: CorpusQuotes, article_ids: Sequence[str]) -> QuoteStore:
        """The store of ``read``, its parts held as one ``bytes``."""
        index, parts = stored_parts(read, article_ids)
        return cls(index, _Bytes(b"".join(parts)))

    @property
    def articles(self) -> int:
        """How many articles the store holds the quotes of."""
        return self.index.articles

    def count(self, at: int) -> int:
        """How many quotes (fragments and terms aside) article ``at`` holds."""
        return self._counts[at]

    def _part(self, n: int) -> Any:
        start, end = self._bounds[n], self._bounds[n + 1]
        data = self._source.read(start, end - start)
        if text_check(data) != self.index.checks[_CHECK * n : _CHECK * (n + 1)]:
            raise KeptQuotesChanged(_CHANGED)
        return _plain(data)

    def quotes(self, at: int, article_id: str) -> tuple[Quote, ...]:
        """The quotes of article ``at`` (whose id is ``article_id``), in text order."""
        with self._lock:
            found = self._recent.get(at)
            if found is not None:
                self._recent.move_to_end(at)
                return found
        made = tuple(Quote(*row) for row in self._part(at))
        first, following = self._first[at], self._first[at + 1]
        if len(made) != following - first or any(
            q.article_id != article_id
            or (q.start, q.end) != (self._starts[first + i], self._ends[first + i])
            for i, q in enumerate(made)
        ):
            raise KeptQuotesChanged(
                f"The quotes kept for article {article_id} are another's; open the corpus again."
            )
        with self._lock:
            self._recent[at] = made
            if len(self._recent) > _RECENT:
                self._recent.popitem(last=False)
        return made

    def number(self, at: int, start: int, end: int) -> int | None:
        """The number of article ``at``'s quote of ``start``-``end`` (the last, should two
        share it), if it has one."""
        found = None
        for n in range(self._first[at], self._first[at + 1]):
            if self._starts[n] == start and self._ends[n] == end:
                found = n
        return found

    def range_of(self, n: int) -> tuple[int, int]:
        """The range of quote ``n``."""
        return self._starts[n], self._ends[n]

    def article_of(self, n: int) -> tuple[int, int]:
        """The article of quote ``n`` and its place among that article's quotes."""
        at = bisect_right(self._first, n) - 1
        return at, n - self._first[at]

    def cluster_of(self, n: int) -> int | None:
        """The number of quote ``n``'s cluster, if it is in one."""
        found = self._cluster_of[n]
        return None if found < 0 else found

    def cluster_id(self, c: int) -> str:
        """The id of cluster ``c``."""
        return self.index.cluster_ids[c]

    def members(self, c: int) -> array[int]:
        """The numbers of cluster ``c``'s versions, in order."""
        return self._members[self._members_first[c] : self._members_first[c + 1]]

    def cluster(self, c: int) -> QuoteCluster:
        """Cluster ``c`` (from 0), read from its part."""
        if not 0 <= c < len(self.index.cluster_ids):
            raise IndexError(c)
        cluster_id, reference, versions = self._part(self.index.articles + c)
        return QuoteCluster(cluster_id, reference, tuple(QuoteVersion(*v) for v in versions))

    def clusters(self) -> Iterator[QuoteCluster]:
        """Every cluster, in order."""
        for c in range(len(self.index.cluster_ids)):
            yield self.cluster(c)

    def articles_named(self, names: set[str]) -> list[int]:
        """The articles holding a quote given to one of ``names``, in corpus order."""
        found: set[int] = set()
        for name in names:
            found.update(_array("I", self.index.named.get(name, b"")))
        return sorted(found)
