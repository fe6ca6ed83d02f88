"""The main screen's speakers: ``S`` opens the speakers screen, which fills once the corpus's
quotes are read; a quote chosen there opens its passage here, and a speaker chosen with ``p``
has their quotes listed in the quotes panel."""

from __future__ import annotations

from contextlib import suppress
from typing import TYPE_CHECKING

from textual import on, work

from peskovtui.errors import PeskovError
from peskovtui.quotes import Quote
from peskovtui.ui.messages import OpenQuote, QuotesFailed, QuotesReady, ShowSpeaker
from peskovtui.ui.screens.reading import ReadingScreen

if TYPE_CHECKING:
    from peskovtui.ui.screens.speakers import SpeakersChoice, SpeakersScreen

# The speakers screen's module is imported when it is first needed: the first screen never
# shows it.


class SpeakerHandlers(ReadingScreen):
    """``S``, and the speakers screen told when the corpus's quotes are read."""

    def action_speakers(self) -> None:
        from peskovtui.ui.screens.speakers import SpeakersScreen

        screen = SpeakersScreen(self.library, ready=self.ready.corpus_read)
        self.app.push_screen(screen, self._back_from_speakers)

    def _open_speakers(self) -> SpeakersScreen | None:
        from peskovtui.ui.screens.speakers import SpeakersScreen

        return next((s for s in self.app.screen_stack if isinstance(s, SpeakersScreen)), None)

    @on(QuotesReady)
    def _speakers_ready(self, message: QuotesReady) -> None:
        screen = self._open_speakers()
        if screen is not None:
            screen.corpus_ready()
        else:
            self.list_speakers()

    @work(thread=True, exclusive=True, group="speakers")
    def list_speakers(self) -> None:
        """Make the speakers screen's list (a tenth of a second for 18,000 quotes) while
        nothing waits for it, so that ``S`` opens the screen at once."""
        # Should the quotes not be known after all, the screen says so when it opens.
        with suppress(PeskovError):
            self.library.speaker_summaries()

    @on(QuotesFailed)
    def _speakers_failed(self, message: QuotesFailed) -> None:
        screen = self._open_speakers()
        if screen is not None:
            screen.corpus_failed(message.error)

    def _back_from_speakers(self, choice: SpeakersChoice) -> None:
        if isinstance(choice, Quote):
            self.post_message(OpenQuote(choice))
            self.focus_now(self.reader)
        elif choice is not None:
            self.post_message(ShowSpeaker(choice))
