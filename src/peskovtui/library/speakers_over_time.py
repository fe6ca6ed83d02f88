"""The Library's speakers over time: their outlets and days, and one speaker's timeline."""

from __future__ import annotations

from collections import Counter
from functools import cached_property, partial
from typing import TYPE_CHECKING

from peskovtui.corpus import Article
from peskovtui.quotes import Quote, SpeakerCount

if TYPE_CHECKING:
    from peskovtui.library.quotebook import QuoteBook
    from peskovtui.library.speaker_list import SpeakerDirectory, SpeakerSummary
    from peskovtui.library.timeline import Timeline


class SpeakersOverTimeMixin:
    """The speakers with their outlets and first and last day, and a speaker's quotes per
    period and outlet."""

    if TYPE_CHECKING:

        @property
        def _quote_book(self) -> QuoteBook: ...
        def article(self, article_id: str) -> Article: ...
        def quotes(
            self,
            article_id: str | None = None,
            speaker: str | None = None,
            *,
            include_fragments: bool = False,
        ) -> list[Quote]: ...
        def speakers(self, *, include_fragments: bool = False) -> list[SpeakerCount]: ...

    @cached_property
    def _speaker_directories(self) -> dict[bool, SpeakerDirectory]:
        return {}

    def _speaker_directory(self, include_fragments: bool) -> SpeakerDirectory:
        found = self._speaker_directories.get(include_fragments)
        if found is None:
            # Imported here, as the timeline below: opening a corpus and its first screen do
            # without the speakers' directory.
            from peskovtui.library.speaker_list import SpeakerDirectory

            book = self._quote_book
            counts = self.speakers(include_fragments=include_fragments)
            quotes = (q for q in book.every_quote() if include_fragments or not q.hidden_by_default)
            found = SpeakerDirectory(
                counts,
                quotes,
                self.article,
                partial(book.quotes_named, include_fragments=include_fragments),
            )
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
        from peskovtui.library.timeline import build_timeline

        quotes = self._speaker_directory(include_fragments).quotes_of(speaker)
        if quotes is None:
            quotes = self.quotes(speaker=speaker, include_fragments=include_fragments)
        names = Counter(q.speaker for q in quotes)
        name = " / ".join(n for n, _ in names.most_common())
        return build_timeline(name, quotes, self.article)
