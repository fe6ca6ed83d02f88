"""The quotes of a whole corpus: extracted, speakers normalised across it, and clustered."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from peskovtui.corpus import Article
from peskovtui.quotes.clusters import cluster_quotes
from peskovtui.quotes.extract import article_quotes
from peskovtui.quotes.model import Quote, QuoteCluster
from peskovtui.quotes.speakers import normalise_speakers, speaker_aliases


@dataclass(frozen=True, slots=True)
class CorpusQuotes:
    """Every quote of a corpus, with the speaker aliases and clusters found across it."""

    quotes: tuple[Quote, ...]
    aliases: dict[str, str]
    clusters: tuple[QuoteCluster, ...]


def read_corpus_quotes(articles: Sequence[Article]) -> CorpusQuotes:
    """Extract every article's quotes, then normalise speakers and cluster across the corpus."""
    return across_corpus([quote for article in articles for quote in article_quotes(article)])


def across_corpus(raw: Sequence[Quote]) -> CorpusQuotes:
    """Speakers normalised and quotes clustered across the corpus, from every article's quotes
    as extraction finds them (``raw``, in corpus order)."""
    spread = Counter(speaker for speaker, _ in {(q.speaker, q.article_id) for q in raw})
    aliases = speaker_aliases((q.speaker for q in raw), spread)
    quotes = tuple(normalise_speakers(raw, aliases))
    return CorpusQuotes(quotes, aliases, tuple(cluster_quotes(quotes)))
