"""The speakers screen: every person quoted in the corpus (aliases merged into one name), with
their quotes, outlets and first and last day, filtered as you type; a speaker chosen shows
their timeline (quotes per week, or per day over a short span, stacked by outlet) and the quotes
of the period chosen on it, each of which opens its passage in the reader.

It needs the corpus's quotes: until the main screen's background work has read them it says
so, and it fills when ``corpus_ready`` is called. The chart's module (and plotext with it) is
imported when the first timeline is shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, Static

from peskovtui.display import counted, visible_controls
from peskovtui.errors import PeskovError
from peskovtui.library import (
    Library,
    SpeakerSummary,
    Timeline,
    filter_speakers,
    timeline_summary,
)
from peskovtui.quotes import Quote
from peskovtui.ui.widgets.footer import Footer
from peskovtui.ui.widgets.quotes_panel import QuoteRow, QuotesPanel
from peskovtui.ui.widgets.speaker_list import SpeakerList

if TYPE_CHECKING:
    from peskovtui.ui.widgets.timeline_chart import TimelineChart

# What the screen closes with: a quote to open, a speaker whose quotes the main screen's panel
# is to list, or nothing.
SpeakersChoice = Quote | str | None

READING = "Reading the quotes of the corpus… the speakers are listed once they are read."


def period_heading(timeline: Timeline, index: int) -> str:
    """``Week 2017-03-06 – 2017-03-12: 6 quotes · Mediaite 6`` for period ``index``, or the
    undated quotes for the index after the last period."""
    if index >= len(timeline.periods):
        quotes, counts = len(timeline.undated), timeline.undated_counts
        what = "Undated"
    else:
        period = timeline.periods[index]
        quotes, counts = period.total, period.counts
        what = f"{timeline.unit.capitalize()} {period.label()}"
    outlets = " · ".join(f"{o} {n}" for o, n in counts if n)
    return f"{what}: {counted(quotes, 'quote')}" + (f" · {outlets}" if outlets else "")


class SpeakersScreen(Screen[SpeakersChoice]):
    """Speakers and, for the one chosen, their timeline and a period's quotes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="speakers.back"),
        Binding("down", "speaker_cursor(1)", "Next speaker", show=False, id="speakers.down"),
        Binding("up", "speaker_cursor(-1)", "Previous speaker", show=False, id="speakers.up"),
        Binding("left,h", "period(-1)", "Earlier period", id="speakers.earlier"),
        Binding("right,l", "period(1)", "Later period", id="speakers.later"),
        Binding("p", "in_panel", "Quotes in the panel", id="speakers.in_panel"),
        Binding("slash", "filter", "Filter", id="speakers.filter"),
    ]

    def __init__(self, library: Library, *, ready: bool) -> None:
        super().__init__()
        self.library = library
        self.speakers: list[SpeakerSummary] = []
        self.timeline: Timeline | None = None
        self.chosen: str | None = None
        self.period = 0
        self._ready = ready

    def compose(self) -> ComposeResult:
        yield Static(id="speakers-title")
        with Horizontal(id="speakers-body"):
            with Vertical(id="speakers-side"):
                yield Input(placeholder="Filter: type any part of a name", id="speakers-filter")
                yield SpeakerList(id="speakers-list")
            with Vertical(id="speaker-detail"):
                yield Static(id="timeline-title")
                yield Vertical(id="timeline-chart")
                yield QuotesPanel(id="period-quotes")
        yield Footer()

    def help_nodes(self) -> list[tuple[str, Widget | Screen[SpeakersChoice]]]:
        """Where each group of keys works, for the help screen."""
        return [
            ("speakers screen", self),
            ("speakers", self.query_one(SpeakerList)),
            ("a period's quotes", self.query_one(QuotesPanel)),
        ]

    def on_mount(self) -> None:
        self.query_one(SpeakerList).border_title = Content("Speakers")
        self.query_one("#speaker-detail").display = False
        if self._ready:
            self.corpus_ready()
        else:
            self._title(READING)
        self.query_one(Input).focus()

    def _title(self, text: str) -> None:
        self.query_one("#speakers-title", Static).update(Text(visible_controls(text)))

    def corpus_ready(self) -> None:
        """The corpus's quotes are read: list the speakers."""
        try:
            self.speakers = self.library.speaker_summaries()
        except PeskovError as error:
            self._title(str(error))
            return
        self._ready = True
        count = counted(len(self.speakers), "speaker")
        self._title(f"Speakers of {self.library.name}: {count} · enter shows one's timeline")
        self._filter(self.query_one(Input).value)

    def corpus_failed(self, error: str) -> None:
        """The corpus's quotes could not be read: say so."""
        self._title(error)

    @on(Input.Changed, "#speakers-filter")
    def _typed(self, event: Input.Changed) -> None:
        self._filter(event.value)

    def _filter(self, words: str) -> None:
        if self._ready:
            self.query_one(SpeakerList).show(filter_speakers(self.speakers, words))

    @on(Input.Submitted, "#speakers-filter")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one(SpeakerList).action_choose()

    def action_speaker_cursor(self, step: int) -> None:
        self.query_one(SpeakerList).cursor += step

    def action_filter(self) -> None:
        self.query_one(Input).focus()

    @on(SpeakerList.Chosen, "#speakers-list")
    def _speaker_chosen(self, event: SpeakerList.Chosen) -> None:
        speaker = self.query_one(SpeakerList).current
        if speaker is not None:
            self.show_timeline(speaker.speaker)

    def show_timeline(self, speaker: str) -> None:
        """Show ``speaker``'s timeline, on its latest period with quotes."""
        try:
            self.timeline = timeline = self.library.speaker_timeline(speaker)
        except PeskovError as error:
            self.app.notify(str(error), severity="warning", timeout=5, markup=False)
            return
        self.chosen = speaker
        self.query_one("#speaker-detail").display = True
        title = f"{timeline.speaker}: {timeline_summary(timeline)}"
        self.query_one("#timeline-title", Static).update(Text(visible_controls(title)))
        with_quotes = [i for i, p in enumerate(timeline.periods) if p.total]
        self.period = with_quotes[-1] if with_quotes else 0
        self._show_period()
        self.query_one(QuotesPanel).focus()

    @property
    def chart(self) -> TimelineChart:
        """The chart, made (and plotext imported) the first time it is asked for."""
        from peskovtui.ui.widgets.timeline_chart import TimelineChart

        found = self.query(TimelineChart)
        if found:
            return found.first()
        chart = TimelineChart()
        self.query_one("#timeline-chart").mount(chart)
        return chart

    @property
    def period_count(self) -> int:
        """Entries to move across: each period, and the undated quotes after them if any."""
        if self.timeline is None:
            return 0
        return len(self.timeline.periods) + bool(self.timeline.undated)

    def _show_period(self) -> None:
        timeline = self.timeline
        if timeline is None:
            return
        self.query_one("#timeline-chart").display = bool(timeline.periods)
        if timeline.periods:
            self.chart.show(timeline, self.period)
        if self.period < len(timeline.periods):
            quotes = timeline.periods[self.period].quotes
        else:
            quotes = timeline.undated
        rows = [QuoteRow(q, self.library.article(q.article_id or "")) for q in quotes]
        self.query_one(QuotesPanel).show(
            rows, corpus_wide=True, heading=period_heading(timeline, self.period)
        )

    def action_period(self, step: int) -> None:
        if not self.period_count:
            return
        self.period = max(0, min(self.period_count - 1, self.period + step))
        self._show_period()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While the filter is typed into, h and l are letters; periods move once a speaker
        is chosen."""
        if action in ("period", "in_panel"):
            return self.timeline is not None and not isinstance(self.focused, Input)
        return True

    @on(QuotesPanel.Chosen, "#period-quotes")
    def _quote_chosen(self, event: QuotesPanel.Chosen) -> None:
        row = self.query_one(QuotesPanel).current
        if row is not None:
            self.dismiss(row.quote)

    def action_in_panel(self) -> None:
        if self.chosen is not None:
            self.dismiss(self.chosen)

    def action_back(self) -> None:
        """From a period's quotes back to the speakers; from there, close."""
        if isinstance(self.focused, QuotesPanel):
            self.query_one(SpeakerList).focus()
            return
        self.dismiss(None)
