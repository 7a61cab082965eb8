"""One party's pace of quotes: its name and count, then a bar per day (or week…) under the date axis."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label, Sparkline

from tui.core.views.timeline import Pace
from tui.ui.render import fit_cells, v


def name_and_count(pace: Pace, width: int) -> Text:
    """The party's name cut with an ellipsis to leave room for its count, which is never cut."""
    count = f" {pace.total}"
    name = v(pace.label)
    room = width - 1 - cell_len(count)  # a space before the bars
    return Text.assemble((fit_cells(name, room), "bold"), (count, "dim"), " ", no_wrap=True, overflow="crop")


class PaceRow(Horizontal):
    """Textual's Sparkline for the bars: the axis over it walks the columns as the Sparkline does."""

    NAME_WIDTH = 14
    """As wide as `.pace-name` in app.tcss and the chart's lane names."""

    def __init__(self, pace: Pace) -> None:
        super().__init__(classes="pace-row")
        self.pace = pace

    def compose(self) -> ComposeResult:
        yield Label(name_and_count(self.pace, self.NAME_WIDTH), classes="pace-name")
        yield Sparkline(list(self.pace.counts), classes="pace-bars")

    def show(self, pace: Pace) -> None:
        self.pace = pace
        self.query_one(".pace-name", Label).update(name_and_count(pace, self.NAME_WIDTH))
        self.query_one(Sparkline).data = list(pace.counts)
