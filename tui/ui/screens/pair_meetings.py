"""The meetings of two parties, oldest first: when, where, how, and who was there."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.binding import Binding

from tui.core.desk.state import DeskState
from tui.core.model.clock import story_clock
from tui.core.model.snapshot import Snapshot
from tui.core.views.meetings import Pair, labels, people_at, when, where, who_met_whom
from tui.ui.house import app_of
from tui.ui.render import v
from tui.ui.screens.overlay import Overlay


def meetings_text(pair: Pair, snapshot: Snapshot) -> RenderableType:
    """Each meeting: its date (or the sources' words) and title, then what the store says of it."""
    parts: list[RenderableType] = []
    for event in pair.meetings:
        ahead = event.date is not None and event.date > pair.today
        parts.append(Text.assemble((when(event, snapshot) or "undated", "bold"), (" (scheduled)" if ahead else "", "dim"),
                                   "  ", (v(event.title), "bold")))
        table = Table.grid(padding=(0, 2))
        table.add_column(style="dim", no_wrap=True)
        table.add_column(ratio=1)
        facts = [
            ("where", where(event)),
            ("format", event.format.label if event.format else ""),
            ("host", snapshot.party_name(event.host)),
            ("mediator", snapshot.party_name(event.mediator)),
            ("people", "; ".join(people_at(event, snapshot))),
        ]
        for name, value in facts:
            if value:
                table.add_row(name, Text(v(value)))
        parts += [table, Text()]
    return Group(*parts)


class PairMeetingsScreen(Overlay):
    """Read again from the app's one state whenever it changes."""

    BINDINGS = [
        *Overlay.BINDINGS,
        # A modal screen stops the app's own keys: help is bound again, as on the other overlays but help itself.
        Binding("question_mark", "app.help", "Help", show=False, tooltip="Show every key", id="pair-meetings.help"),
    ]

    def __init__(self, first: str, second: str) -> None:
        super().__init__()
        self.first, self.second = first, second

    def on_mount(self) -> None:
        super().on_mount()
        self.watch(self.app, "state", self._draw)

    def _draw(self, state: DeskState) -> None:
        snapshot = state.snapshot
        met = who_met_whom(snapshot, story_clock(snapshot.story).today(app_of(self).now()))
        pair = met.pair(self.first, self.second)
        first, second = labels(snapshot, (self.first, self.second))
        self.query_one("#detail-body").border_title = f"{v(first)} × {v(second)}"
        self.show(meetings_text(pair, snapshot) if pair else Text("They have no meetings now.", style="italic"))
