"""The Library: one corpus and everything asked of it, shared by the CLI and the app."""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Mapping, Sequence
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from peskovtui.citation import Citation, cite, paragraph_number
from peskovtui.corpus import Article, Corpus, LoadCache, load_corpus, read_raw
from peskovtui.corpus.names import printable_name
from peskovtui.corpus.urls import articles_by_url, looks_like_url, normalise_url
from peskovtui.errors import ArticleNotFound, CorpusError, QuotesNotRead
from peskovtui.library.clip_export import EXPORT_FORMATS, export_clips, write_export
from peskovtui.library.clips import (
    Clip,
    ClipStatus,
    ClipStore,
    appended,
    clip_status,
    moved,
    new_clip,
    noted,
    removed,
)
from peskovtui.library.index import SearchIndex
from peskovtui.library.listing import (
    NO_OUTLET,
    ORDER_NAMES,
    FilterError,
    ListFilter,
    Order,
    arrange,
    extended,
    next_order,
    orders,
    outlet_counts,
)
from peskovtui.library.places import (
    Bookmark,
    Place,
    Places,
    PlaceStore,
    found_place,
    new_bookmark,
    with_bookmark,
    with_last,
    without,
)
from peskovtui.library.processes import Processes
from peskovtui.library.quote_table import (
    COLUMNS,
    Column,
    QuoteFilter,
    QuoteTable,
    parse_filter,
)
from peskovtui.library.quotebook import QuoteBook
from peskovtui.library.speaker_list import SpeakerDirectory, SpeakerSummary, filter_speakers
from peskovtui.library.timeline import Timeline, build_timeline, timeline_summary
from peskovtui.library.view import Range, ReaderView
from peskovtui.quotes import Quote, QuoteCluster, SpeakerCount
from peskovtui.search import IndexBuilding, SearchError, SearchHit, SearchResults

if TYPE_CHECKING:
    from peskovtui.quotes.check import CheckResult, QuoteChecker
    from peskovtui.quotes.corpus import CorpusQuotes
    from peskovtui.search import RefreshReport, SpeakerSource
    from peskovtui.search.cancel import CancelCheck
    from peskovtui.search.progress import ProgressCallback

__all__ = [
    "CHILD_QUOTES_THRESHOLD",
    "COLUMNS",
    "EXPORT_FORMATS",
    "NO_OUTLET",
    "ORDER_NAMES",
    "Bookmark",
    "Clip",
    "ClipStatus",
    "Column",
    "FilterError",
    "Library",
    "ListFilter",
    "Order",
    "Place",
    "QuoteFilter",
    "QuoteTable",
    "ReaderView",
    "SpeakerSummary",
    "Timeline",
    "arrange",
    "bundled_seeds",
    "extended",
    "filter_speakers",
    "next_order",
    "orders",
    "outlet_counts",
    "parse_filter",
    "timeline_summary",
    "write_export",
]

# From this many articles on, the corpus-wide pass over the quotes runs in a child process.
CHILD_QUOTES_THRESHOLD = 400
# From this many articles on, the corpus's quotes are kept in the user cache (fewer are read
# again faster than their entries would be written).
QUOTE_CACHE_MIN_ARTICLES = 100


def _quote_holding(quotes: Sequence[Quote], start: int, end: int) -> Quote | None:
    """The quote that is exactly ``start``–``end``, else the shortest quote (not a fragment or
    a term) holding that range, if any."""
    exact = next((q for q in quotes if (q.start, q.end) == (start, end)), None)
    if exact is not None or start >= end:
        return exact
    holding = [q for q in quotes if q.start <= start and end <= q.end and not q.hidden_by_default]
    return min(holding, key=lambda q: q.end - q.start, default=None)


def bundled_seeds() -> Path:
    """The folder of bundled articles: inside the installed package, or the source checkout."""
    packaged = Path(str(resources.files("peskovtui"))) / "seeds"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[3] / "seeds"
    if checkout.is_dir():
        return checkout
    raise CorpusError("The bundled articles are missing from this installation.")


class Library:
    """A loaded corpus with lookups by id; the facade every front end talks to."""

    def __init__(self, corpus: Corpus, *, bundled: bool = False) -> None:
        self.corpus = corpus
        self.bundled = bundled
        self._by_id = {article.id: article for article in corpus.articles}
        self._extracted_by_id: dict[str, list[Quote]] = {}
        self._book: QuoteBook | None = None
        self._checker: QuoteChecker | None = None
        self._processes = Processes()
        self._index = SearchIndex(
            [str(p) for p in corpus.sources],
            corpus.articles,
            self._processes,
        )

    @classmethod
    def open(
        cls, paths: Sequence[str | Path] = (), fields: Mapping[str, str] | None = None
    ) -> Library:
        """Load the corpus at ``paths``, or the bundled articles when none is given."""
        if paths:
            return cls(load_corpus(paths, fields, cache=LoadCache()))
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

    def read_quotes(self) -> CorpusQuotes:
        """Read the quotes of the whole corpus (once; later calls return them at once). A big
        corpus is read in a child process, so that this process (the app's) is free meanwhile."""
        if self._book is None:
            self._book = QuoteBook(self._read_corpus_quotes(), list(self._by_id))
        return self._book.read

    def _read_corpus_quotes(self) -> CorpusQuotes:
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
        from peskovtui.quotes.corpus import read_corpus_quotes

        articles = self.articles
        in_child = len(articles) >= CHILD_QUOTES_THRESHOLD
        if self.bundled or len(articles) < QUOTE_CACHE_MIN_ARTICLES:
            if in_child:
                return self._processes.children().run(read_corpus_quotes, list(articles))
            return read_corpus_quotes(articles)
        cache = QuoteCache.for_corpus(self.corpus.sources)
        keys = [article_key(article) for article in articles]
        # Looked up here first: a corpus whose quotes are kept needs no child process.
        found = cache.corpus(keys)
        if found is not None:
            return found
        if not in_child:
            return kept_corpus_quotes(articles, cache, keys)
        # The child loads the corpus itself (a data set from the loading cache) rather than
        # receive a copy; should the sources have changed since, it is sent the articles.
        children = self._processes.children()
        sources, fields = list(self.corpus.sources), self.corpus.fields
        read = children.run(quotes_from_sources, sources, fields, keys, cache)
        if read is None:
            read = children.run(kept_corpus_quotes, list(articles), cache, keys)
        return read

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

    # -- search ---------------------------------------------------------------------------------

    def refresh_index(
        self,
        *,
        rebuild: bool = False,
        progress: ProgressCallback | None = None,
        speakers: SpeakerSource | None = None,
        in_memory: bool = True,
    ) -> RefreshReport:
        """Build or update the corpus's search index (only what changed is reindexed).

        The ``speaker:`` field holds the speakers each article quotes, found in its own text
        where the article is indexed (in the child process of a big build). Without
        ``in_memory``, an index the cache cannot hold is not built in memory:
        ``IndexUnavailable`` says why, and searches scan the texts instead.
        """
        return self._index.refresh(
            rebuild=rebuild, progress=progress, speakers=speakers, in_memory=in_memory
        )

    def search(
        self,
        query: str,
        limit: int | None = 20,
        *,
        cancel: CancelCheck | None = None,
        ranged: int | None = None,
    ) -> SearchResults:
        """Ranked hits for ``query`` with exact match ranges; opens the index on first use.

        While another thread builds the index, or when it could not be had (see
        ``refresh_index``), the texts are scanned instead: the results say so (``scanned``);
        a query the scan cannot answer raises ``IndexBuilding`` meanwhile. The search stops
        with ``SearchCancelled`` once ``cancel`` says so or the library is closed.
        """
        return self._index.search(query, limit, cancel, ranged)

    def prepare_scan(self) -> None:
        """Ready the scan of the texts that answers searches while the index is being built
        (its word lists: about 2 s for 3,800 articles); nothing once the index is ready."""
        self._index.prepare_scan()

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
        that is exactly one of its quotes, or lies within one (words of it), is cited as
        quoted words with that quote's speaker; a fragment or a term lends its speaker only to
        the range that is exactly it."""
        article = self.article(article_id)
        if not 0 <= start <= end <= len(article.text):
            raise CorpusError(
                f"The range {start}–{end} is outside article {article.id}, "
                f"whose text has {len(article.text)} characters."
            )
        if speaker is None and not quote:
            found = _quote_holding(self.article_quotes(article.id), start, end)
            if found is not None:
                speaker, quote = found.speaker, True
        return cite(article, start, end, speaker=speaker, quote=quote)

    # -- clips ----------------------------------------------------------------------------------
    # The clip list of this corpus, kept in the user data dir. Each call reads the list from
    # its file (another process may have changed it) and writes it back when it changes.

    @cached_property
    def clip_store(self) -> ClipStore:
        """Where this corpus's clips are kept; its ``notices`` say what was set aside."""
        return ClipStore.for_corpus(self.corpus.sources)

    def clips(self) -> list[Clip]:
        """The clips of this corpus, in order."""
        return self.clip_store.load()

    def clip_citation(self, citation: Citation, note: str = "") -> list[Clip]:
        """Add a citation (made by ``cite``) to the clips, with its article's authors."""
        authors = self.article(citation.article_id).authors
        return self.clip_store.change(appended(new_clip(citation, authors, note.strip())))

    def clip_range(self, article_id: str, start: int, end: int, note: str = "") -> list[Clip]:
        """Add ``text[start:end]`` of an article to the clips, cited as ``cite`` cites it."""
        return self.clip_citation(self.cite(article_id, start, end), note)

    def clip_quote(self, quote: Quote, note: str = "") -> list[Clip]:
        """Add a quote to the clips, with its speaker."""
        citation = self.cite(
            quote.article_id or "", quote.start, quote.end, speaker=quote.speaker, quote=True
        )
        return self.clip_citation(citation, note)

    def move_clip(self, index: int, offset: int) -> list[Clip]:
        """Move clip ``index`` (from 0) up (negative ``offset``) or down."""
        return self.clip_store.change(moved(index, offset))

    def delete_clip(self, index: int) -> list[Clip]:
        """Delete clip ``index`` (from 0)."""
        return self.clip_store.change(removed(index))

    def note_clip(self, index: int, note: str) -> list[Clip]:
        """Set the note of clip ``index`` (from 0)."""
        return self.clip_store.change(noted(index, note))

    def clip_statuses(self, clips: Sequence[Clip]) -> list[ClipStatus]:
        """For each clip, whether its passage is still in the corpus as it was clipped."""
        return [clip_status(clip, self._by_id.get(clip.citation.article_id)) for clip in clips]

    def export_clips(self, fmt: str, clips: Sequence[Clip] | None = None) -> str:
        """The clips (all of this corpus's by default) as ``md``, ``text``, ``csv``, ``json``
        or ``csljson``."""
        chosen = self.clips() if clips is None else list(clips)
        return export_clips(chosen, self.clip_statuses(chosen), fmt)

    def match_offsets(self, article_id: str, query: str) -> tuple[tuple[int, int], ...]:
        """Exact ``(start, end)`` ranges of ``query``'s matches in an article's display text."""
        return self._index.match_offsets(self.article(article_id), query)

    @property
    def index_notices(self) -> tuple[str, ...]:
        """What the last index refresh had to tell the user (a rebuild, a fallback)."""
        return self._index.notices

    # -- checking a quote ---------------------------------------------------------------------

    def check(self, text: str) -> CheckResult:
        """Every place in the corpus that reports the words of ``text`` (quoted verbatim, with
        different wording, or reported outside quote marks), earliest first, with a verdict.
        Text too short to tell a quote raises ``CheckError``."""
        from peskovtui.quotes.check import QuoteChecker

        if self._checker is None:
            self._checker = QuoteChecker(self.articles, lambda a: self.article_quotes(a.id))
        return self._checker.check(text)

    def close(self) -> None:
        """Stop this library's child processes and its searches at once, and release the
        search index."""
        self._processes.close()
        self._index.close()

    # -- the quote browser --------------------------------------------------------------------

    @cached_property
    def quote_table(self) -> QuoteTable:
        """Every quote of the corpus as a table to sort and filter (the quote browser's);
        ``QuotesNotRead`` until ``read_quotes`` has run."""
        read = self._quote_book.read
        return QuoteTable(read.quotes, self._by_id, read.aliases)

    # -- by URL -------------------------------------------------------------------------------

    @cached_property
    def _ids_by_url(self) -> dict[str, list[str]]:
        return articles_by_url(self.articles)

    def articles_at_url(self, url: str) -> list[Article]:
        """The articles whose URL is ``url`` (see ``normalise_url``), in corpus order."""
        return [self._by_id[i] for i in self._ids_by_url.get(normalise_url(url), [])]

    def article_at_url(self, url: str) -> Article:
        """The one article whose URL is ``url``; the error says when none or several have it."""
        found = self.articles_at_url(url)
        if len(found) == 1:
            return found[0]
        if not found:
            raise ArticleNotFound(f"No article has the URL {url!r}")
        ids = ", ".join(a.id for a in found)
        raise ArticleNotFound(
            f"{len(found)} articles have the URL {url!r} ({ids}); name one by its id"
        )

    def find_article(self, id_or_url: str) -> Article:
        """The article with the id ``id_or_url``, or else at that URL when it is written as one."""
        if id_or_url not in self._by_id and looks_like_url(id_or_url):
            return self.article_at_url(id_or_url)
        return self.article(id_or_url)

    # -- reading places -----------------------------------------------------------------------
    # The last place read and the bookmarks of this corpus, kept in the user state dir.

    @cached_property
    def place_store(self) -> PlaceStore:
        """Where this corpus's places are kept; its ``warnings`` say what could not be read."""
        return PlaceStore.for_corpus(self.corpus.sources)

    def last_place(self) -> Place | None:
        """Where the reader was last time, unless that article is gone."""
        return found_place(self.place_store.load().last, self._by_id)

    def remember_place(self, article_id: str, offset: int) -> None:
        """Keep ``offset`` of ``article_id`` as the place last read."""
        self.place_store.change(with_last(Place(article_id, offset)))

    def bookmarks(self) -> tuple[Bookmark, ...]:
        """This corpus's bookmarks, in the order set."""
        return self.place_store.load().bookmarks

    def add_bookmark(self, article_id: str, offset: int) -> Places:
        """Bookmark ``offset`` of ``article_id`` (once: the same place twice is one)."""
        return self.place_store.change(
            with_bookmark(new_bookmark(self.article(article_id), offset))
        )

    def delete_bookmark(self, bookmark: Bookmark) -> Places:
        """Delete ``bookmark``."""
        return self.place_store.change(without(bookmark))

    def bookmark_place(self, bookmark: Bookmark) -> Place | None:
        """Where ``bookmark`` leads now; None when its article is gone."""
        return found_place(bookmark.place, self._by_id)

    # -- speakers over time -------------------------------------------------------------------

    @cached_property
    def _speaker_directories(self) -> dict[bool, SpeakerDirectory]:
        return {}

    def _speaker_directory(self, include_fragments: bool) -> SpeakerDirectory:
        found = self._speaker_directories.get(include_fragments)
        if found is None:
            quotes = self.quotes(include_fragments=include_fragments)
            counts = self.speakers(include_fragments=include_fragments)
            found = SpeakerDirectory(counts, quotes, self.article)
            self._speaker_directories[include_fragments] = found
        return found

    def speaker_summaries(self, *, include_fragments: bool = False) -> list[SpeakerSummary]:
        """Every speaker (as ``speakers`` lists them) with the outlets quoting them and the
        first and last day of their quotes; made once, when first asked for."""
        return list(self._speaker_directory(include_fragments).summaries)

    def speaker_timeline(self, speaker: str, *, include_fragments: bool = False) -> Timeline:
        """The quotes of ``speaker`` per week, or per day over a short span, and per outlet.
        A name as ``speakers`` lists it is taken as it is; any other is resolved as ``quotes``
        resolves it, and an unknown one raises ``SpeakerNotFound``."""
        quotes = self._speaker_directory(include_fragments).quotes_of(speaker)
        if quotes is None:
            quotes = self.quotes(speaker=speaker, include_fragments=include_fragments)
        names = Counter(q.speaker for q in quotes)
        name = " / ".join(n for n, _ in names.most_common())
        return build_timeline(name, quotes, self.article)
