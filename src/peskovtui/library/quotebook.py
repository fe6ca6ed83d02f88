"""The quotes of a whole corpus, read once, and the questions asked of them: by article, by
speaker (with the aliases merged into each person), and by cluster of versions.

The quotes themselves stay in their store (``quotestore``) and are read an article at a time:
what the book holds across the corpus is the store's index (counts, speakers, names).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from peskovtui.errors import SpeakerNotFound
from peskovtui.quotes import Quote, QuoteCluster, SpeakerCount
from peskovtui.quotes.speakers import speakers_named, suggest_speakers

if TYPE_CHECKING:
    from peskovtui.library.quotestore import QuoteStore
    from peskovtui.quotes.corpus import CorpusQuotes


class QuoteBook:
    """Lookups over the quotes of a corpus kept in ``store``, whose articles have
    ``article_ids`` (in corpus order)."""

    def __init__(self, store: QuoteStore, article_ids: Sequence[str]) -> None:
        if store.articles != len(article_ids):
            raise ValueError("the quotes kept are of another corpus")
        self._store = store
        self._article_ids = tuple(article_ids)
        self._position = {article_id: at for at, article_id in enumerate(article_ids)}
        self._held: tuple[Quote, ...] | None = None

    @property
    def aliases(self) -> dict[str, str]:
        """Each spelling of a speaker's name merged into another, with that name."""
        return self._store.index.aliases

    def _quotes(self, at: int) -> tuple[Quote, ...]:
        return self._store.quotes(at, self._article_ids[at])

    def of_article(self, article_id: str) -> list[Quote]:
        """The quotes of one article, in text order."""
        at = self._position.get(article_id)
        return [] if at is None else list(self._quotes(at))

    def _number(self, quote: Quote) -> int | None:
        at = self._position.get(quote.article_id or "")
        return None if at is None else self._store.number(at, quote.start, quote.end)

    def every_quote(self, articles: Sequence[int] | None = None) -> Iterator[Quote]:
        """Every quote of the corpus (or of the articles at ``articles``), in corpus order,
        read an article at a time (unless ``hold_every_quote`` holds them all)."""
        if articles is None and self._held is not None:
            yield from self._held
            return
        for at in range(len(self._article_ids)) if articles is None else articles:
            yield from self._quotes(at)

    def hold_every_quote(self) -> tuple[Quote, ...]:
        """Every quote of the corpus, held from now on: for a caller that holds them all for
        as long as the corpus is open (the quote browser's table), so that later passes over
        every quote share the same records rather than read a second copy."""
        if self._held is None:
            self._held = tuple(self.every_quote())
        return self._held

    def whole(self) -> CorpusQuotes:
        """Every quote, the aliases and the clusters at once (all held while kept)."""
        from peskovtui.quotes.corpus import CorpusQuotes

        return CorpusQuotes(tuple(self.every_quote()), dict(self.aliases), tuple(self.clusters()))

    def counts(self) -> dict[str, int]:
        """How many quotes (fragments and terms aside) each article holds."""
        return {
            article_id: self._store.count(at) for at, article_id in enumerate(self._article_ids)
        }

    def cluster_id(self, quote: Quote) -> str | None:
        """The id of the cluster a quote belongs to, if it is repeated anywhere."""
        c = self._cluster(quote)
        return None if c is None else self._store.cluster_id(c)

    def _cluster(self, quote: Quote) -> int | None:
        """The number of the cluster ``quote`` belongs to, if any."""
        n = self._number(quote)
        return None if n is None else self._store.cluster_of(n)

    def clusters(self) -> list[QuoteCluster]:
        """The quotes repeated within an article or across articles, with their versions."""
        return list(self._store.clusters())

    def other_versions(self, quote: Quote, *, include_self: bool = False) -> list[Quote]:
        """The other versions of ``quote`` (within its article or elsewhere), in corpus order."""
        c = self._cluster(quote)
        if c is None:
            return [quote] if include_self else []
        versions = []
        for member in self._store.members(c):
            at, place = self._store.article_of(member)
            versions.append(self._quotes(at)[place])
        key = (quote.article_id, quote.start, quote.end)
        return [v for v in versions if include_self or (v.article_id, v.start, v.end) != key]

    def version_articles(self, quote: Quote) -> list[str | None]:
        """The article of each of ``other_versions(quote)``, from the store's index alone."""
        c = self._cluster(quote)
        if c is None:
            return []
        found: list[str | None] = []
        key = (quote.article_id, quote.start, quote.end)
        for member in self._store.members(c):
            at, _ = self._store.article_of(member)
            start, end = self._store.range_of(member)
            if (self._article_ids[at], start, end) != key:
                found.append(self._article_ids[at])
        return found

    def select(
        self, article_id: str | None, speaker: str | None, *, include_fragments: bool
    ) -> list[Quote]:
        """The quotes of the corpus or of one article, optionally of one speaker, by the rules
        of ``Library.quotes``."""
        named: set[str] | None = None
        if speaker is not None:
            named = speakers_named(speaker, self._store.index.named, self.aliases)
        if article_id is not None:
            quotes: Iterator[Quote] = iter(self.of_article(article_id))
        elif named is not None:
            quotes = self.every_quote(self._store.articles_named(named))
        else:
            quotes = self.every_quote()
        found = [
            q
            for q in quotes
            if (include_fragments or not q.hidden_by_default)
            and (named is None or q.speaker in named)
        ]
        if speaker is not None and not found:
            close = suggest_speakers(speaker, [s.speaker for s in self.speakers()])
            hint = f" Did you mean {', '.join(close)}?" if close else ""
            raise SpeakerNotFound(f"No quote is attributed to {speaker!r}.{hint}")
        return found

    def quotes_named(self, name: str, *, include_fragments: bool) -> list[Quote]:
        """The quotes given to exactly ``name`` (no alias resolved), in corpus order."""
        return [
            q
            for q in self.every_quote(self._store.articles_named({name}))
            if q.speaker == name and (include_fragments or not q.hidden_by_default)
        ]

    def speakers(self, *, include_fragments: bool = False) -> list[SpeakerCount]:
        """Every speaker with their number of quotes and articles, most quoted first."""
        index = self._store.index
        return list(index.speakers_all if include_fragments else index.speakers)
