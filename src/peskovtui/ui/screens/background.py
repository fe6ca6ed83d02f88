"""The main screen's background work: the search index opened or refreshed, and the quotes of
the whole corpus read, each in a worker that reports back by message while the reader is used.
"""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.widgets import Label, ProgressBar

from peskovtui.display import counted, visible_controls
from peskovtui.errors import PeskovError
from peskovtui.search import INDEXING, Progress
from peskovtui.ui.messages import IndexProgress, IndexReady, QuotesFailed, QuotesReady
from peskovtui.ui.screens.reading import ReadingScreen


class BackgroundWork(ReadingScreen):
    """The index build and the corpus-wide pass over the quotes, and what they report."""

    _scan_prepared = False

    @property
    def corpus_title(self) -> str:
        """The corpus's name and size, for the screen's subtitle."""
        name = visible_controls(self.library.name)
        return f"{name} · {counted(len(self.library.articles), 'article')}"

    @property
    def background_ended(self) -> bool:
        """Whether the index build and the pass over the corpus's quotes have ended, done or
        failed."""
        return self.ready.ended

    def start_background_work(self) -> None:
        """Start both passes, once the first screen is up, so that they never delay it."""
        self.call_after_refresh(self.first_frame_drawn)
        self.call_after_refresh(self.build_index)
        self.call_after_refresh(self.load_corpus_quotes)

    @work(thread=True, exclusive=True, group="index")
    def build_index(self) -> None:
        """Open or refresh the search index, reporting progress."""

        def progress(progress: Progress) -> None:
            self.post_message(IndexProgress(progress))

        try:
            report = self.library.refresh_index(progress=progress)
        except PeskovError as error:
            self.post_message(IndexReady((), str(error)))
            return
        except Exception as error:  # the app goes on without search rather than stop
            self.log.error("index", repr(error))
            self.post_message(IndexReady((), f"Search is unavailable: {error}."))
            return
        self.post_message(IndexReady(report.notices))
        self.library.prepare_searching()

    @on(IndexProgress)
    def _index_progress(self, message: IndexProgress) -> None:
        progress = message.progress
        if progress.phase == INDEXING and not self._scan_prepared:
            # Articles are being indexed: searches scan the texts until the index is ready.
            self._scan_prepared = True
            self.prepare_scan()
        self.query_one("#index-progress").add_class("-active")
        label = f"{progress.phase} {progress.count}".rstrip()
        self.query_one("#index-phase", Label).update(Text(label))
        # The bar is mounted after the first frame (see MainScreen.compose): until then, the
        # next report shows the progress.
        for bar in self.query(ProgressBar):
            bar.update(total=progress.total, progress=progress.done)

    @work(thread=True, exclusive=True, group="scan")
    def prepare_scan(self) -> None:
        """Ready the scan of the texts for the searches typed while the index is built."""
        self.library.prepare_scan()

    @on(IndexReady)
    def _index_done(self, message: IndexReady) -> None:
        # A query typed meanwhile is searched by SearchHandlers, which hears this message too.
        self.ready.index_done()
        self.query_one("#index-progress").remove_class("-active")
        for notice in message.notices:
            self.app.notify(notice, timeout=6, markup=False)
        if message.error:
            self.app.notify(message.error, severity="error", timeout=10, markup=False)

    @work(thread=True, exclusive=True, group="quotes")
    def load_corpus_quotes(self) -> None:
        """Read the quotes of the whole corpus in the background."""
        try:
            quotes = self.library.read_quotes()
        except Exception as error:  # each article's own quotes still show
            self.log.error("quotes", repr(error))
            self.post_message(QuotesFailed(f"The quotes of the corpus could not be read: {error}."))
            return
        self.post_message(QuotesReady(quotes))

    @on(QuotesFailed)
    def _quotes_failed(self, message: QuotesFailed) -> None:
        self.ready.quotes_done(None)
        self.app.notify(message.error, severity="error", timeout=10, markup=False)

    @on(QuotesReady)
    def _quotes_ready(self, message: QuotesReady) -> None:
        self.ready.quotes_done(message.quotes)
        counts = self.library.quote_counts()
        self.sub_title = f"{self.corpus_title} · {counted(sum(counts.values()), 'quote')}"
        self.article_list.set_quote_counts(counts)
        article = self.reader.article
        if article is not None:
            # Speakers are now named alike across the corpus.
            self.quotes_here.quotes = self.library.known_article_quotes(article.id)
            self.update_status()
        self.show_quotes()
