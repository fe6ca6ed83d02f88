"""The Library's quotes: one article's at once, the whole corpus's after ``read_quotes``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from peskovtui.citation import paragraph_number
from peskovtui.corpus import Article, Corpus
from peskovtui.errors import QuotesNotRead
from peskovtui.library.processes import Processes
from peskovtui.quotes import Quote, QuoteCluster, SpeakerCount

if TYPE_CHECKING:
    from peskovtui.library.quotebook import QuoteBook
    from peskovtui.library.quotestore import QuoteStore
    from peskovtui.quotes.corpus import CorpusQuotes

# From this many articles on, the corpus-wide pass over the quotes runs in a child process.
CHILD_QUOTES_THRESHOLD = 400
# From this many articles on, the corpus's quotes are kept in the user cache (fewer are read
# again faster than their entries would be written).
QUOTE_CACHE_MIN_ARTICLES = 100


class QuotesMixin:
    """The quotes of an article or of the corpus, their speakers and their versions."""

    # One article's quotes are found when first asked for and kept. The quotes of the whole
    # corpus (speakers named alike across it, versions clustered) are read only by
    # ``read_quotes``: a question that needs them before raises ``QuotesNotRead``.

    corpus: Corpus
    bundled: bool
    _by_id: dict[str, Article]
    _extracted_by_id: dict[str, list[Quote]]
    _book: QuoteBook | None
    _processes: Processes

    if TYPE_CHECKING:

        @property
        def articles(self) -> tuple[Article, ...]: ...
        def article(self, article_id: str) -> Article: ...

    def _extracted(self, article: Article) -> list[Quote]:
        """One article's quotes as extraction finds them, kept once found."""
        found = self._extracted_by_id.get(article.id)
        if found is None:
            # Imported here, as in ``read_quotes``: the extractor is not needed to open a
            # corpus or draw the first screen, and its patterns take a while to compile.
            from peskovtui.quotes.extract import article_quotes

            found = self._extracted_by_id[article.id] = article_quotes(article)
        return found

    @property
    def _quote_book(self) -> QuoteBook:
        if self._book is None:
            raise QuotesNotRead("The quotes of the corpus have not been read yet.")
        return self._book

    def read_quotes(self) -> QuoteBook:
        """Read the quotes of the whole corpus (once; later calls return them at once). A big
        corpus is read in a child process, so that this process (the app's) is free meanwhile;
        its quotes are kept in the user cache and read from there an article at a time."""
        if self._book is None:
            # Imported here: the book's speaker lookups are not needed before the corpus's
            # quotes are read.
            from peskovtui.library.quotebook import QuoteBook

            ids = [article.id for article in self.articles]
            self._book = QuoteBook(self._read_corpus_quotes(ids), ids)
        return self._book

    def _read_corpus_quotes(self, ids: list[str]) -> QuoteStore:
        """The corpus's quotes: from the cache when it holds them, else found (in a child
        process for a big corpus) and kept for next time."""
        # Imported here: the extractor is not needed to open a corpus or draw the first
        # screen, and its patterns take a while to compile.
        from peskovtui.library.quotecache import (
            QuoteCache,
            article_key,
            kept_corpus_quotes,
            quotes_from_sources,
        )
        from peskovtui.library.quotestore import QuoteStore
        from peskovtui.quotes.corpus import read_corpus_quotes

        articles = self.articles
        in_child = len(articles) >= CHILD_QUOTES_THRESHOLD
        children = self._processes.children if in_child else None
        if self.bundled or len(articles) < QUOTE_CACHE_MIN_ARTICLES:
            if children is not None:
                read = children().run(read_corpus_quotes, list(articles))
            else:
                read = read_corpus_quotes(articles)
            return QuoteStore.in_memory(read, ids)
        cache = QuoteCache.for_corpus(self.corpus.sources)
        keys = [article_key(article) for article in articles]
        # Looked up here first: a corpus whose quotes are kept needs no child process.
        found = cache.store(keys)
        if found is not None:
            return found
        answer: CorpusQuotes | bool | None
        if children is None:
            answer = kept_corpus_quotes(articles, cache, keys)
        else:
            # The child loads the corpus itself (a data set from the loading cache) rather
            # than receive a copy; should the sources have changed since, it is sent the
            # articles. What it found comes back through the cache, not through a pipe.
            sources, fields = list(self.corpus.sources), self.corpus.fields
            answer = children().run(quotes_from_sources, sources, fields, keys, cache)
            if answer is False:
                answer = children().run(kept_corpus_quotes, list(articles), cache, keys)
        if answer is None or answer is True:
            found = cache.store(keys)
            if found is not None:
                return found
            # Kept, then gone or damaged before it was opened: found again, held here.
            answer = read_corpus_quotes(articles)
        assert not isinstance(answer, bool)
        return QuoteStore.in_memory(answer, ids)

    @property
    def quotes_known(self) -> bool:
        """Whether the quotes of the whole corpus have been read (see ``read_quotes``)."""
        return self._book is not None

    def article_quotes(self, article_id: str, *, include_fragments: bool = True) -> list[Quote]:
        """One article's quotes, at once: speakers normalised across the corpus when its
        quotes have all been read, else within the article."""
        article = self.article(article_id)
        if self._book is not None:
            quotes = self._book.of_article(article.id)
        else:
            quotes = self._extracted(article)
        return [q for q in quotes if include_fragments or not q.hidden_by_default]

    def known_article_quotes(self, article_id: str) -> list[Quote] | None:
        """One article's quotes if they are known already (read with the corpus, or extracted
        before), else None: a caller that must not wait runs ``article_quotes`` elsewhere."""
        article = self.article(article_id)
        if self._book is not None:
            return self._book.of_article(article.id)
        found = self._extracted_by_id.get(article.id)
        return list(found) if found is not None else None

    def quote_counts(self) -> dict[str, int]:
        """How many quotes (fragments and terms aside) each article holds."""
        return self._quote_book.counts()

    def other_versions(self, quote: Quote, *, include_self: bool = False) -> list[Quote]:
        """The other versions of ``quote`` (within its article or elsewhere), in corpus order."""
        return self._quote_book.other_versions(quote, include_self=include_self)

    def version_articles(self, quote: Quote) -> list[str | None]:
        """The article of each of ``other_versions(quote)``, in the same order, found without
        reading the versions (what the quotes panel counts)."""
        return self._quote_book.version_articles(quote)

    def wording_differences(self, reference: Quote, version: Quote) -> list[tuple[int, int]]:
        """Ranges of ``version``'s article text where its words differ from ``reference``."""
        from peskovtui.quotes.clusters import differing_words

        return [
            (version.start + start, version.start + end)
            for start, end in differing_words(reference.text, version.text)
        ]

    def quotes(
        self,
        article_id: str | None = None,
        speaker: str | None = None,
        *,
        include_fragments: bool = False,
    ) -> list[Quote]:
        """Quotes of the corpus or of one article, optionally of one speaker.

        Fragments (three words or fewer) and terms (titles, names and terms in marks) are left
        out unless ``include_fragments``; a speaker matches by name or by one of the aliases
        merged into that name, never by a part of it ("trump" is not Ivanka Trump).
        """
        book = self._quote_book
        wanted = self.article(article_id).id if article_id is not None else None
        return book.select(wanted, speaker, include_fragments=include_fragments)

    def speakers(self, *, include_fragments: bool = False) -> list[SpeakerCount]:
        """Every speaker with their number of quotes and articles, most quoted first.

        Fragments and terms are counted only with ``include_fragments``, by the rule of
        ``quotes``, so that a speaker's count is the number of quotes ``quotes(speaker=...)``
        lists.
        """
        return self._quote_book.speakers(include_fragments=include_fragments)

    def quote_clusters(self) -> list[QuoteCluster]:
        """The quotes repeated within an article or across articles, with their versions."""
        return self._quote_book.clusters()

    def cluster_id(self, quote: Quote) -> str | None:
        """The id of the cluster a quote belongs to, if it is repeated anywhere."""
        return self._quote_book.cluster_id(quote)

    def quote_json(self, quote: Quote) -> dict[str, Any]:
        """A quote as plain JSON data (what ``quotes`` prints): ``text`` is always
        ``article.text[start:end]``; ``paragraph`` is numbered as in the reader and in
        citations; ``cluster`` needs the corpus's quotes read."""
        article = self.article(quote.article_id or "")
        return {
            "article_id": quote.article_id,
            "start": quote.start,
            "end": quote.end,
            "text": quote.text,
            "speaker": quote.speaker,
            "speaker_mention": quote.speaker_mention,
            "kind": quote.kind,
            "cluster": self.cluster_id(quote),
            "role": quote.role,
            "speaker_kind": quote.speaker_kind,
            "paragraph": paragraph_number(article, quote.start),
            "mention_start": quote.mention_start,
            "mention_end": quote.mention_end,
        }
