"""A speaker's timeline drawn as stacked bars, one per period, one colour per outlet.

Drawn with textual-plotext, whose import (plotext's) costs a few tens of milliseconds: the
speakers screen imports this module only when it first shows a timeline.
"""

from __future__ import annotations

from textual_plotext import PlotextPlot

from peskovtui.display import visible_controls
from peskovtui.library import Timeline

# Columns per x-axis label ("03-06" and room around it).
_LABEL_COLUMNS = 12


class TimelineChart(PlotextPlot):
    """Quotes per period, stacked by outlet; a mark over the chosen period's bar, whose
    first day is always labelled."""

    chosen: int | None = None
    timeline: Timeline | None = None

    def on_resize(self) -> None:
        # The x-axis labels are spaced for the width: drawn again at the new one.
        if self.timeline is not None:
            self.show(self.timeline, self.chosen)

    def show(self, timeline: Timeline, chosen: int | None) -> None:
        """Draw ``timeline`` with period ``chosen`` (an index into its periods) marked."""
        self.timeline, self.chosen = timeline, chosen
        plt = self.plt
        plt.clear_figure()
        periods = timeline.periods
        if not periods:
            self.refresh()
            return
        xs = list(range(1, len(periods) + 1))
        series = [[dict(p.counts)[o] for p in periods] for o in timeline.outlets]
        labels = [visible_controls(o) for o in timeline.outlets]
        # plotext names the legend ``labels`` here; textual-plotext's stubs say ``label``.
        plt.stacked_bar(xs, series, labels=labels, width=0.6)  # type: ignore[call-arg]
        plt.xlim(0.5, len(periods) + 0.5)
        highest = max(p.total for p in periods)
        step = _tick_step(highest)
        # A step of headroom above the highest bar, for the mark over the chosen one.
        plt.ylim(0, highest + step)
        plt.yticks(list(range(0, highest + step + 1, step)))
        every = max(1, -(-len(periods) * _LABEL_COLUMNS // max(1, self.size.width or 80)))
        ticks = {*range(0, len(periods), every), len(periods) - 1}
        if chosen is not None and 0 <= chosen < len(periods):
            ticks = {t for t in ticks if abs(t - chosen) >= every} | {chosen}
            top = periods[chosen].total + step / 2
            plt.text("▼", chosen + 1, top, alignment="center", color="red")
        shown = sorted(ticks)
        plt.xticks([t + 1 for t in shown], [periods[t].start.strftime("%m-%d") for t in shown])
        self.refresh()


def _tick_step(highest: int) -> int:
    """A round step (1, 2, 5, 10, 20, 50…) that labels the y axis with five ticks or fewer."""
    scale = 1
    while True:
        for step in (scale, 2 * scale, 5 * scale):
            if step * 5 >= highest:
                return step
        scale *= 10
