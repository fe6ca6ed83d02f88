"""What the reader remembers between keys, in plain Python: the search session, the article
in the reader, the quote browser, the jump history and what the background work has made ready.
The main screen holds one of each and asks them what to do; they never touch a widget, so they
are tested without a terminal.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from peskovtui.corpus import Article
from peskovtui.display import counted
from peskovtui.library import ListFilter, ReaderView, arrange
from peskovtui.quotes import Quote
from peskovtui.search import SearchHit, SearchResults

if TYPE_CHECKING:
    from peskovtui.library import QuoteBook

Range = tuple[int, int]


@dataclass
class SearchSession:
    """The query whose results are listed, the last query answered, and a step (``n``/``N``)
    typed before the results it needs arrived."""

    query: str = ""
    results: SearchResults | None = None
    answered: str = ""
    pending_step: int = 0

    @property
    def active(self) -> bool:
        """Whether results are listed."""
        return bool(self.query)

    def accept(self, query: str, results: SearchResults) -> bool:
        """Take ``results`` for ``query``; False for a second answer to the query shown,
        which leaves the reader where it is, unless it is the index's answer to a query
        answered by scanning the texts (see ``replaces_scan``)."""
        self.answered = query
        if query == self.query and not self.replaces_scan(query, results):
            return False
        self.query, self.results = query, results
        return True

    def replaces_scan(self, query: str, results: SearchResults) -> bool:
        """Whether ``results`` are the index's answer to the query the scan answered."""
        shown = self.results
        return query == self.query and shown is not None and shown.scanned and not results.scanned

    def refuse(self, query: str) -> None:
        """``query`` was answered with a problem: a step waiting for it is dropped."""
        self.answered = query
        self.pending_step = 0

    def clear(self) -> None:
        """No search: every article is listed."""
        self.query = self.answered = ""
        self.results = None

    def hit(self, article_id: str) -> SearchHit | None:
        """The hit for ``article_id`` in the listed results."""
        if self.results is None:
            return None
        return next((h for h in self.results.hits if h.article_id == article_id), None)

    def known_matches(self, article_id: str) -> Sequence[Range] | None:
        """The match ranges of ``article_id`` if the results hold them: ``()`` without a
        search, None when they must still be found."""
        if not self.query:
            return ()
        hit = self.hit(article_id)
        if hit is None:
            return None
        return hit.matches if hit.ranged else None

    def take_step(self) -> int:
        """The step waiting for the results, now taken."""
        step, self.pending_step = self.pending_step, 0
        return step

    def view_matches(self, view: ReaderView) -> Sequence[Range] | None:
        """The matches ``view`` found, if they are those of the listed query."""
        if view.query and view.query == self.query and view.matches is not None:
            return view.matches
        return None


def match_step(current: int | None, count: int, step: int) -> int | None:
    """The match a step (``n`` 1, ``N`` -1) goes to from match ``current`` of ``count``: the
    first or the last one before any is current; None past either end, where the step goes on
    to the next article of the results."""
    target = (0 if step > 0 else count - 1) if current is None else current + step
    return target if 0 <= target < count else None


@dataclass
class ArticleQuotes:
    """The quotes of the article in the reader (None while a worker finds them), and a step
    (``n``/``N``) into the article that waits for its matches to be found."""

    quotes: list[Quote] | None = None
    step_on_view: int = 0

    def open(self, quotes: list[Quote] | None) -> None:
        """Another article is shown, with ``quotes`` if they are known already."""
        self.quotes = quotes
        self.step_on_view = 0

    def take(self, view: ReaderView) -> bool:
        """Take the quotes ``view`` found, unless they were known: whether they were new."""
        if self.quotes is not None:
            return False
        self.quotes = list(view.quotes)
        return True

    def take_step(self) -> int:
        """The step waiting for the matches, now taken."""
        step, self.step_on_view = self.step_on_view, 0
        return step

    def speakers_in(self, article: Article, paragraph: int) -> list[str]:
        """Who speaks in ``paragraph`` of ``article``, by the quotes known."""
        return ReaderView(article, "", tuple(self.quotes or ()), None).speakers_in(paragraph)


def reader_status(
    match: str | None, version: str, paragraph: int | None, speakers: Sequence[str]
) -> str:
    """The reader's status line: ``match 3/12 · version 1/2 (v/V) · ¶ 4: Dmitry Peskov``, each
    part when it applies."""
    parts = [part for part in (match, version) if part]
    if paragraph is not None:
        names = f": {', '.join(speakers)}" if speakers else ""
        parts.append(f"¶ {paragraph + 1}{names}")
    return " · ".join(parts)


@dataclass(frozen=True, slots=True)
class CopyTarget:
    """What a view would copy: a range of an article, a quote if it is one, and what to call
    it in the notice."""

    article_id: str
    start: int
    end: int
    what: str
    quote: Quote | None = None


def quote_target(quote: Quote, what: str | None = None) -> CopyTarget:
    """A quote as what ``y`` copies, called ``what`` (by default, the quote by its speaker)."""
    what = what or f"the quote by {quote.speaker}"
    return CopyTarget(quote.article_id or "", quote.start, quote.end, what, quote)


@runtime_checkable
class CopySource(Protocol):
    """A view that says what ``y`` copies while it has the focus."""

    def copy_target(self) -> CopyTarget | None:
        """What would be copied now, if anything."""
        ...


def copy_notice(what: str, *, markdown: bool, characters: int) -> str:
    """What the user is told after a copy."""
    form = "as Markdown " if markdown else ""
    return f"Copied {what} {form}with its citation ({counted(characters, 'character')})."


@dataclass(frozen=True, slots=True)
class Jump:
    """Where the reader was before a jump, so that escape can go back."""

    article_id: str
    scroll_y: int


@dataclass(frozen=True, slots=True)
class SearchOrigin:
    """Where the user was when a search began: escape from the search goes back there."""

    jump: Jump | None
    depth: int
    focus: str | None


@dataclass
class JumpHistory:
    """The places escape and ``ctrl+o`` walk back to: one per jump (a quote, a version, an
    article from the palette or a bookmark, ``n`` into another article), and where the search
    began; and the places walked back from, which forward goes to again until the next jump."""

    jumps: list[Jump] = field(default_factory=list)
    origin: SearchOrigin | None = None
    ahead: list[Jump] = field(default_factory=list)

    def push(self, here: Jump | None) -> None:
        """Remember ``here`` before a jump away from it; a new jump forgets the way forward."""
        if here is not None:
            self.jumps.append(here)
        self.ahead.clear()

    def begin_search(self, here: Jump | None, focus: str | None) -> None:
        """A search begins here, unless one is under way already."""
        if self.origin is None:
            self.origin = SearchOrigin(here, len(self.jumps), focus)

    def end_search(self) -> SearchOrigin | None:
        """The search is over: forget the jumps made during it (and the way forward), and say
        where it began."""
        origin, self.origin = self.origin, None
        if origin is not None:
            del self.jumps[origin.depth :]
            self.ahead.clear()
        return origin

    def forget_search(self) -> None:
        """The search ended by leaving its results: its jumps stay, its origin goes."""
        self.origin = None

    def step_back(self, here: Jump | None = None) -> Jump | None:
        """The last jump, unless it would leave the search under way (escape ends the search
        at its origin instead); ``here``, the place left, is where forward goes again."""
        depth = self.origin.depth if self.origin is not None else 0
        if len(self.jumps) <= depth:
            return None
        if here is not None:
            self.ahead.append(here)
        return self.jumps.pop()

    def step_forward(self, here: Jump | None) -> Jump | None:
        """The place last walked back from, if any; ``here`` is where back goes again."""
        if not self.ahead:
            return None
        if here is not None:
            self.jumps.append(here)
        return self.ahead.pop()


@dataclass
class QuoteBrowser:
    """Which quotes the panel lists (this article's or the corpus's, one speaker's, with or
    without fragments) and the versions of the chosen quote that ``v``/``V`` step through."""

    corpus_wide: bool = False
    speaker: str | None = None
    fragments: bool = False
    versions: list[Quote] = field(default_factory=list)
    version: int = 0

    def choose(self, quote: Quote, versions: list[Quote]) -> None:
        """``quote`` was chosen; ``versions`` are all its versions, itself among them."""
        self.versions = versions
        self.version = next((i for i, v in enumerate(versions) if same_quote(v, quote)), 0)

    def forget(self) -> None:
        """No quote is chosen."""
        self.versions = []
        self.version = 0

    @property
    def stepping(self) -> bool:
        """Whether the chosen quote has other versions to step through."""
        return len(self.versions) > 1

    def step(self, step: int) -> tuple[Quote, Quote]:
        """Move to the next (``step`` 1) or previous (-1) version: (the one left, the new one)."""
        previous = self.versions[self.version]
        self.version = (self.version + step) % len(self.versions)
        return previous, self.versions[self.version]

    def on_screen(self, quote: Quote) -> Quote:
        """The version of ``quote`` shown now, when ``quote`` is one of the versions stepped
        through; else ``quote`` itself."""
        if any(same_quote(quote, v) for v in self.versions):
            return self.versions[self.version]
        return quote

    def counter(self) -> str:
        """``version 2/3 (v/V)`` while stepping, else nothing."""
        if not self.stepping:
            return ""
        return f"version {self.version + 1}/{len(self.versions)} (v/V)"

    def toggle_corpus(self) -> None:
        """This article's quotes or the corpus's; leaving the corpus drops the speaker."""
        self.corpus_wide = not self.corpus_wide
        if not self.corpus_wide:
            self.speaker = None

    def show_speaker(self, speaker: str) -> None:
        """List ``speaker``'s quotes across the corpus."""
        self.speaker = speaker
        self.corpus_wide = True

    def heading(self, *, finding: bool = False, reading: bool = False) -> str:
        """What the panel's title says it lists."""
        if self.corpus_wide:
            if reading:
                return "All quotes (still reading…)"
            return f"Quotes of {self.speaker}" if self.speaker else "All quotes"
        return "Quotes here (finding…)" if finding else "Quotes here"

    def keeps(self, quote: Quote) -> bool:
        """Whether the panel lists ``quote`` by its kind (fragments and terms only on ``f``)."""
        return self.fragments or not quote.hidden_by_default


def same_quote(a: Quote, b: Quote) -> bool:
    """Whether ``a`` and ``b`` are the same passage of the same article."""
    return (a.article_id, a.start, a.end) == (b.article_id, b.start, b.end)


def by_date(articles: Sequence[Article]) -> list[Article]:
    """Newest first; undated articles after the dated ones, in the order they were loaded."""
    return arrange(articles, "newest", ListFilter())


def result_status(results: SearchResults, listed: int) -> str:
    """``127 matches in 58 articles``, or ``the best 200 of 2345 articles`` for a long list;
    results found by scanning the texts say so."""
    if not results.hits:
        found = "no match"
    elif results.total > listed:
        which = "first" if results.scanned else "best"
        found = f"the {which} {listed} of {results.total} articles"
    elif all(hit.ranged for hit in results.hits) and any(h.match_count for h in results.hits):
        matches = sum(hit.match_count for hit in results.hits)
        found = f"{counted(matches, 'match', 'matches')} in {counted(listed, 'article')}"
    else:
        # Nothing ranged yet, or nothing in the text to mark (``url:``, ``date:``).
        found = counted(listed, "article")
    if results.scanned:
        return f"{found} · scanning the texts; the index is being built"
    return found


def match_counter(matches: Sequence[Range], current: int | None) -> str:
    """``match 3/12``, or ``match -/12`` before a match is stepped to."""
    return f"match {current + 1 if current is not None else '-'}/{len(matches)}"


@dataclass
class Readiness:
    """How far the background work has come: the index build ended (done or failed), and the
    quotes of the whole corpus read (or the pass over them failed)."""

    index_ended: bool = False
    corpus: QuoteBook | None = None
    quotes_ended: bool = False

    def index_done(self) -> None:
        """The index build ended, ready or not."""
        self.index_ended = True

    def quotes_done(self, corpus: QuoteBook | None) -> None:
        """The pass over the corpus's quotes ended: its quotes, or None when it failed."""
        self.corpus = corpus
        self.quotes_ended = True

    @property
    def corpus_read(self) -> bool:
        """Whether the corpus's quotes are known (speakers named alike, versions clustered)."""
        return self.corpus is not None

    @property
    def ended(self) -> bool:
        """Whether both passes have ended, done or failed."""
        return self.index_ended and self.quotes_ended
