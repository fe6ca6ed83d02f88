"""The Library: one corpus and everything asked of it, shared by the CLI and the app."""

from __future__ import annotations

import difflib
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from peskovtui.citation import Citation, cite, paragraph_number
from peskovtui.corpus import Article, Corpus, load_corpus, read_raw
from peskovtui.corpus.names import printable_name
from peskovtui.errors import ArticleNotFound, CorpusError, QuotesNotRead, SpeakerNotFound
from peskovtui.quotes import Quote, QuoteCluster, SpeakerCount, article_quotes
from peskovtui.quotes.clusters import differing_words
from peskovtui.quotes.corpus import (
    CorpusQuotes,
    article_speakers,
    extractor_version,
    read_corpus_quotes,
)
from peskovtui.quotes.speakers import speaker_index, speakers_named, suggest_speakers
from peskovtui.search import IndexBuilding, IndexUnavailable, SearchError, SearchHit, SearchResults

if TYPE_CHECKING:
    from peskovtui.child import Children
    from peskovtui.search import RefreshReport, SpeakerSource, WhooshSearchEngine
    from peskovtui.search.cancel import CancelCheck
    from peskovtui.search.progress import ProgressCallback

# From this many articles on, the corpus-wide pass over the quotes runs in a child process.
CHILD_QUOTES_THRESHOLD = 400

Range = tuple[int, int]


@dataclass(frozen=True, slots=True)
class ReaderView:
    """Everything the reader shows of one article for one query: its quotes (with where their
    speakers are named) and the query's matches, as ranges of ``article.text``.

    ``matches`` is None when they could not be found yet (the index is still being built).
    """

    article: Article
    query: str
    quotes: tuple[Quote, ...]
    matches: tuple[Range, ...] | None

    @property
    def quote_ranges(self) -> list[Range]:
        """Where the quotes are."""
        return [(q.start, q.end) for q in self.quotes]

    @property
    def mention_ranges(self) -> list[Range]:
        """Where the quotes' speakers are named, in text order."""
        return sorted(
            {
                (q.mention_start, q.mention_end)
                for q in self.quotes
                if q.mention_start is not None and q.mention_end is not None
            }
        )

    def speakers_in(self, paragraph: int) -> list[str]:
        """Who speaks in ``paragraph`` (counting from 0), by name even where it says "he"."""
        return list(
            dict.fromkeys(
                q.speaker
                for q in self.quotes
                if q.attributed and self.article.paragraph_index(q.start) == paragraph
            )
        )


def bundled_seeds() -> Path:
    """The folder of bundled articles: inside the installed package, or the source checkout."""
    packaged = Path(str(resources.files("peskovtui"))) / "seeds"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "seeds"
    if checkout.is_dir():
        return checkout
    raise CorpusError("The bundled articles are missing from this installation.")


class Library:
    """A loaded corpus with lookups by id; the facade every front end talks to."""

    def __init__(self, corpus: Corpus, *, bundled: bool = False) -> None:
        self.corpus = corpus
        self.bundled = bundled
        self._by_id = {article.id: article for article in corpus.articles}
        self._engine: WhooshSearchEngine | None = None
        self._index_report: RefreshReport | None = None
        self._engine_lock = threading.Lock()
        self._extracted_by_id: dict[str, list[Quote]] = {}
        self._read: CorpusQuotes | None = None
        self._children: Children | None = None
        self._children_lock = threading.Lock()
        self._closed = False

    @classmethod
    def open(
        cls, paths: Sequence[str | Path] = (), fields: Mapping[str, str] | None = None
    ) -> Library:
        """Load the corpus at ``paths``, or the bundled articles when none is given."""
        if paths:
            return cls(load_corpus(paths, fields))
        return cls(load_corpus([bundled_seeds()], fields), bundled=True)

    @property
    def articles(self) -> tuple[Article, ...]:
        """Every article, in the order they were loaded."""
        return self.corpus.articles

    @property
    def warnings(self) -> tuple[str, ...]:
        """What was skipped or repaired while loading, one sentence each."""
        return self.corpus.warnings

    @property
    def name(self) -> str:
        """A short name for the corpus: its folder or file, or ``bundled articles``."""
        if self.bundled:
            return "bundled articles"
        sources = self.corpus.sources
        first = printable_name(sources[0].name or str(sources[0]))
        return first if len(sources) == 1 else f"{first} and {len(sources) - 1} more"

    def article(self, article_id: str) -> Article:
        """The article with ``article_id``; the error suggests near ids when there is none."""
        try:
            return self._by_id[article_id]
        except KeyError:
            pass
        close = difflib.get_close_matches(article_id, self._by_id, n=3, cutoff=0.6)
        prefixed = [i for i in self._by_id if i.startswith(article_id)]
        if len(prefixed) == 1:
            return self._by_id[prefixed[0]]
        hint = close or prefixed[:3]
        suggestion = f" Did you mean {', '.join(hint)}?" if hint else ""
        raise ArticleNotFound(f"No article has the id {article_id!r}.{suggestion}")

    def raw(self, article_id: str) -> str:
        """The original text of an article as its source holds it."""
        return read_raw(self.article(article_id), self.corpus.fields)

    # -- quotes ------------------------------------------------------------------------------
    # One article's quotes are found when first asked for and kept. The quotes of the whole
    # corpus (speakers named alike across it, versions clustered) are read only by
    # ``read_quotes``: a question that needs them before raises ``QuotesNotRead``.

    def _extracted(self, article: Article) -> list[Quote]:
        """One article's quotes as extraction finds them, kept once found."""
        found = self._extracted_by_id.get(article.id)
        if found is None:
            found = self._extracted_by_id[article.id] = article_quotes(article)
        return found

    @property
    def _corpus_quotes(self) -> CorpusQuotes:
        if self._read is None:
            raise QuotesNotRead("The quotes of the corpus have not been read yet.")
        return self._read

    def read_quotes(self) -> CorpusQuotes:
        """Read the quotes of the whole corpus (once; later calls return them at once). A big
        corpus is read in a child process, so that this process (the app's) is free meanwhile."""
        if self._read is None:
            if len(self.articles) < CHILD_QUOTES_THRESHOLD:
                self._read = read_corpus_quotes(self.articles)
            else:
                self._read = self._child_processes().run(read_corpus_quotes, list(self.articles))
        return self._read

    def _child_processes(self) -> Children:
        """This library's child processes, which ``close`` stops; made on first use, so that
        a corpus that never needs one never imports multiprocessing."""
        from peskovtui.child import Children

        with self._children_lock:
            if self._children is None:
                self._children = Children()
                if self._closed:
                    self._children.stop()
            return self._children

    @property
    def _speaker_aliases(self) -> dict[str, str]:
        return self._corpus_quotes.aliases

    @property
    def _all_quotes(self) -> tuple[Quote, ...]:
        return self._corpus_quotes.quotes

    @property
    def _clusters(self) -> tuple[QuoteCluster, ...]:
        return self._corpus_quotes.clusters

    @cached_property
    def _cluster_of(self) -> dict[tuple[str | None, int, int], str]:
        return {(v.article_id, v.start, v.end): c.id for c in self._clusters for v in c.versions}

    @cached_property
    def _quotes_by_article(self) -> dict[str, list[Quote]]:
        by_article: dict[str, list[Quote]] = {a.id: [] for a in self.articles}
        for quote in self._all_quotes:
            by_article[quote.article_id or ""].append(quote)
        return by_article

    @cached_property
    def _quote_at(self) -> dict[tuple[str | None, int, int], Quote]:
        return {(q.article_id, q.start, q.end): q for q in self._all_quotes}

    @property
    def quotes_known(self) -> bool:
        """Whether the quotes of the whole corpus have been read (see ``read_quotes``)."""
        return self._read is not None

    def article_quotes(self, article_id: str, *, include_fragments: bool = True) -> list[Quote]:
        """One article's quotes, at once: speakers normalised across the corpus when its
        quotes have all been read, else within the article."""
        article = self.article(article_id)
        if self.quotes_known:
            quotes = self._quotes_by_article.get(article.id, [])
        else:
            quotes = self._extracted(article)
        return [q for q in quotes if include_fragments or not q.hidden_by_default]

    def known_article_quotes(self, article_id: str) -> list[Quote] | None:
        """One article's quotes if they are known already (read with the corpus, or extracted
        before), else None: a caller that must not wait runs ``article_quotes`` elsewhere."""
        article = self.article(article_id)
        if self.quotes_known:
            return list(self._quotes_by_article.get(article.id, []))
        found = self._extracted_by_id.get(article.id)
        return list(found) if found is not None else None

    def quote_counts(self) -> dict[str, int]:
        """How many quotes (fragments and terms aside) each article holds."""
        return {
            article_id: sum(not q.hidden_by_default for q in quotes)
            for article_id, quotes in self._quotes_by_article.items()
        }

    def other_versions(self, quote: Quote, *, include_self: bool = False) -> list[Quote]:
        """The other versions of ``quote`` (within its article or elsewhere), in corpus order."""
        cluster_id = self.cluster_id(quote)
        if cluster_id is None:
            return [quote] if include_self else []
        cluster = self._clusters[int(cluster_id[1:]) - 1]
        versions = [self._quote_at[(v.article_id, v.start, v.end)] for v in cluster.versions]
        key = (quote.article_id, quote.start, quote.end)
        return [v for v in versions if include_self or (v.article_id, v.start, v.end) != key]

    def wording_differences(self, reference: Quote, version: Quote) -> list[tuple[int, int]]:
        """Ranges of ``version``'s article text where its words differ from ``reference``."""
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
        quotes: Sequence[Quote] = self._all_quotes
        if article_id is not None:
            wanted = self.article(article_id).id
            quotes = [q for q in quotes if q.article_id == wanted]
        if not include_fragments:
            quotes = [q for q in quotes if not q.hidden_by_default]
        if speaker is not None:
            known = {q.speaker for q in self._all_quotes}
            named = speakers_named(speaker, known, self._speaker_aliases)
            quotes = [q for q in quotes if q.speaker in named]
            if not quotes:
                close = suggest_speakers(speaker, [s.speaker for s in self.speakers()])
                hint = f" Did you mean {', '.join(close)}?" if close else ""
                raise SpeakerNotFound(f"No quote is attributed to {speaker!r}.{hint}")
        return list(quotes)

    def speakers(self, *, include_fragments: bool = False) -> list[SpeakerCount]:
        """Every speaker with their number of quotes and articles, most quoted first.

        Fragments and terms are counted only with ``include_fragments``, by the rule of
        ``quotes``, so that a speaker's count is the number of quotes ``quotes(speaker=...)``
        lists.
        """
        quotes = self._all_quotes
        if not include_fragments:
            quotes = tuple(q for q in quotes if not q.hidden_by_default)
        return speaker_index(quotes, self._speaker_aliases)

    def quote_clusters(self) -> list[QuoteCluster]:
        """The quotes repeated within an article or across articles, with their versions."""
        return list(self._clusters)

    def cluster_id(self, quote: Quote) -> str | None:
        """The id of the cluster a quote belongs to, if it is repeated anywhere."""
        return self._cluster_of.get((quote.article_id, quote.start, quote.end))

    # -- search ---------------------------------------------------------------------------------

    def refresh_index(
        self,
        *,
        rebuild: bool = False,
        progress: ProgressCallback | None = None,
        speakers: SpeakerSource | None = None,
    ) -> RefreshReport:
        """Build or update the corpus's search index (only what changed is reindexed).

        The ``speaker:`` field holds the speakers each article quotes, found in its own text
        where the article is indexed (in the child process of a big build).
        """
        # Imported here: opening a corpus should not pay for Whoosh until it is searched.
        from peskovtui.search import DerivedSpeakers, WhooshSearchEngine

        if speakers is None:
            speakers = DerivedSpeakers(article_speakers, extractor_version())
        with self._engine_lock:
            if self._closed:
                raise IndexUnavailable("The library is closed.")
            if self._engine is None:
                self._engine = WhooshSearchEngine(
                    [str(p) for p in self.corpus.sources], children=self._child_processes()
                )
            self._index_report = self._engine.refresh(
                self.articles, speakers=speakers, rebuild=rebuild, progress=progress
            )
            return self._index_report

    def search(
        self,
        query: str,
        limit: int | None = 20,
        *,
        cancel: CancelCheck | None = None,
        ranged: int | None = None,
    ) -> SearchResults:
        """Ranked hits for ``query`` with exact match ranges; opens the index on first use.

        While another thread builds the index this raises ``IndexBuilding`` rather than wait.
        The search stops with ``SearchCancelled`` once ``cancel`` says so or the library is
        closed.
        """

        def stop() -> bool:
            return self._closed or (cancel is not None and cancel())

        return self._ensure_index().search(query, limit, cancel=stop, ranged=ranged)

    def _ensure_index(self) -> WhooshSearchEngine:
        engine = self._engine
        if engine is not None and self._index_report is not None:
            return engine
        if self._closed:
            raise IndexUnavailable("The library is closed.")
        if not self._engine_lock.acquire(blocking=False):
            raise IndexBuilding("The search index is being built; results follow when it is ready.")
        self._engine_lock.release()
        self.refresh_index()
        engine = self._engine
        if engine is None:  # closed meanwhile
            raise IndexUnavailable("The library is closed.")
        return engine

    def reader_view(self, article_id: str, query: str = "") -> ReaderView:
        """Everything the reader shows of an article for ``query``, in one call: meant for a
        worker thread, since finding an article's quotes or matches can take a while."""
        article = self.article(article_id)
        quotes = tuple(self.article_quotes(article.id))
        matches: tuple[Range, ...] | None = ()
        if query:
            try:
                matches = self.match_offsets(article.id, query)
            except IndexBuilding:
                matches = None
            except SearchError:
                matches = ()
        return ReaderView(article, query, quotes, matches)

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

    def hit_json(self, hit: SearchHit) -> dict[str, Any]:
        """A search hit as plain JSON data, with where its article comes from."""
        article = self.article(hit.article_id)
        return {
            **hit.to_json(),
            "outlet": article.outlet,
            "date": article.date,
            "location": article.location,
        }

    def cite(
        self,
        article_id: str,
        start: int,
        end: int,
        *,
        speaker: str | None = None,
        quote: bool = False,
    ) -> Citation:
        """The citation of ``text[start:end]`` of an article: what the app copies. A range
        that is exactly one of its quotes is cited as that quote, with its speaker."""
        article = self.article(article_id)
        if not 0 <= start <= end <= len(article.text):
            raise CorpusError(
                f"The range {start}–{end} is outside article {article.id}, "
                f"whose text has {len(article.text)} characters."
            )
        if speaker is None and not quote:
            found = next(
                (q for q in self.article_quotes(article.id) if (q.start, q.end) == (start, end)),
                None,
            )
            if found is not None:
                speaker, quote = found.speaker, True
        return cite(article, start, end, speaker=speaker, quote=quote)

    def match_offsets(self, article_id: str, query: str) -> tuple[tuple[int, int], ...]:
        """Exact ``(start, end)`` ranges of ``query``'s matches in an article's display text."""
        article = self.article(article_id)
        return self._ensure_index().match_offsets(article, query)

    @property
    def index_notices(self) -> tuple[str, ...]:
        """What the last index refresh had to tell the user (a rebuild, a fallback)."""
        return self._index_report.notices if self._index_report is not None else ()

    def close(self) -> None:
        """Stop this library's child processes and its searches at once, and release the
        search index."""
        with self._children_lock:
            self._closed = True
            children = self._children
        if children is not None:
            children.stop()
        with self._engine_lock:
            if self._engine is not None:
                self._engine.close()
                self._engine = None
                self._index_report = None
