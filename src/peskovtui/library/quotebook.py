"""The quotes of a whole corpus, read once, and the questions asked of them: by article, by
speaker (with the aliases merged into each person), and by cluster of versions."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property
from typing import TYPE_CHECKING

from peskovtui.errors import SpeakerNotFound
from peskovtui.quotes import Quote, QuoteCluster, QuoteVersion, SpeakerCount
from peskovtui.quotes.speakers import speaker_index, speakers_named, suggest_speakers

if TYPE_CHECKING:
    from peskovtui.quotes.corpus import CorpusQuotes

QuoteKey = tuple[str | None, int, int]


def _key(quote: Quote | QuoteVersion) -> QuoteKey:
    return (quote.article_id, quote.start, quote.end)


class QuoteBook:
    """Lookups over the quotes of a corpus, built on first use and kept."""

    def __init__(self, read: CorpusQuotes, article_ids: Sequence[str]) -> None:
        self.read = read
        self._article_ids = article_ids

    @cached_property
    def _cluster_of(self) -> dict[QuoteKey, str]:
        return {_key(v): c.id for c in self.read.clusters for v in c.versions}

    @cached_property
    def _by_article(self) -> dict[str, list[Quote]]:
        by_article: dict[str, list[Quote]] = {article_id: [] for article_id in self._article_ids}
        for quote in self.read.quotes:
            by_article[quote.article_id or ""].append(quote)
        return by_article

    @cached_property
    def _quote_at(self) -> dict[QuoteKey, Quote]:
        return {_key(q): q for q in self.read.quotes}

    def of_article(self, article_id: str) -> list[Quote]:
        """The quotes of one article, in text order."""
        return list(self._by_article.get(article_id, []))

    def counts(self) -> dict[str, int]:
        """How many quotes (fragments and terms aside) each article holds."""
        return {
            article_id: sum(not q.hidden_by_default for q in quotes)
            for article_id, quotes in self._by_article.items()
        }

    def cluster_id(self, quote: Quote) -> str | None:
        """The id of the cluster a quote belongs to, if it is repeated anywhere."""
        return self._cluster_of.get(_key(quote))

    def clusters(self) -> list[QuoteCluster]:
        """The quotes repeated within an article or across articles, with their versions."""
        return list(self.read.clusters)

    def other_versions(self, quote: Quote, *, include_self: bool = False) -> list[Quote]:
        """The other versions of ``quote`` (within its article or elsewhere), in corpus order."""
        cluster_id = self.cluster_id(quote)
        if cluster_id is None:
            return [quote] if include_self else []
        cluster = self.read.clusters[int(cluster_id[1:]) - 1]
        versions = [self._quote_at[_key(v)] for v in cluster.versions]
        return [v for v in versions if include_self or _key(v) != _key(quote)]

    def select(
        self, article_id: str | None, speaker: str | None, *, include_fragments: bool
    ) -> list[Quote]:
        """The quotes of the corpus or of one article, optionally of one speaker, by the rules
        of ``Library.quotes``."""
        quotes: Sequence[Quote] = self.read.quotes
        if article_id is not None:
            quotes = self._by_article.get(article_id, [])
        if not include_fragments:
            quotes = [q for q in quotes if not q.hidden_by_default]
        if speaker is not None:
            known = {q.speaker for q in self.read.quotes}
            named = speakers_named(speaker, known, self.read.aliases)
            quotes = [q for q in quotes if q.speaker in named]
            if not quotes:
                close = suggest_speakers(speaker, [s.speaker for s in self.speakers()])
                hint = f" Did you mean {', '.join(close)}?" if close else ""
                raise SpeakerNotFound(f"No quote is attributed to {speaker!r}.{hint}")
        return list(quotes)

    def speakers(self, *, include_fragments: bool = False) -> list[SpeakerCount]:
        """Every speaker with their number of quotes and articles, most quoted first."""
        quotes = self.read.quotes
        if not include_fragments:
            quotes = tuple(q for q in quotes if not q.hidden_by_default)
        return speaker_index(quotes, self.read.aliases)
