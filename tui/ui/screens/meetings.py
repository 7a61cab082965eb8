"""Who met whom: a party × party table of how many meetings each pair had, then a row a pair with
its last meeting and where; enter lists the pair's meetings."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Footer, Static

from tui.core.desk.state import DeskState
from tui.core.model.clock import story_clock
from tui.core.model.snapshot import Snapshot
from tui.core.views.meetings import Pair, WhoMetWhom, labels, when, where, who_met_whom
from tui.ui.house import app_of
from tui.ui.render import v
from tui.ui.screens.list_overlay import ListOverlay
from tui.ui.widgets.row_list import RowList


def pair_row(pair: Pair, snapshot: Snapshot, width: int) -> list[Text]:
    """The two parties and the count; below, the last meeting: its date, where, its title (cut last)."""
    first, second = labels(snapshot, (pair.first, pair.second))
    count = len(pair.meetings)
    head = Text.assemble((v(f"{first} × {second}"), "bold"), f"  {count} meeting{'s' if count != 1 else ''}",
                         no_wrap=True, overflow="ellipsis")
    if pair.next is not None:
        head.append(f" · next {when(pair.next, snapshot)}", style="dim")
    last = pair.last
    if last is None:
        return [head, Text("   none held yet", style="dim italic")]
    place = where(last)
    said = ", ".join(part for part in (when(last, snapshot) or "undated", place) if part)
    line = Text.assemble(("   last ", "dim"), (v(said), "dim"), ": ", v(last.title), no_wrap=True, overflow="ellipsis")
    return [head, line]


def count_table(met: WhoMetWhom, snapshot: Snapshot) -> Table | Text:
    """The party × party table: each cell how many meetings the two had (· for none)."""
    if not met.pairs:
        return Text("No two parties have met yet: an event is a meeting once it has a format, venue, host, mediator "
                    "or participants.", style="italic")
    names = labels(snapshot, met.parties)
    table = Table(box=None, padding=(0, 1), show_edge=False, header_style="bold")
    table.add_column("", no_wrap=True, overflow="ellipsis", max_width=14, style="bold")
    for name in names:
        table.add_column(v(name), justify="right", no_wrap=True, overflow="ellipsis", max_width=10)
    for row, name in zip(met.parties, names, strict=True):
        cells = ["–" if row == col else (str(met.count(row, col)) if met.count(row, col) else "·") for col in met.parties]
        table.add_row(v(name), *cells)
    return table


class MeetingsScreen(ListOverlay):
    """Counted again from the app's one state whenever it changes, like every overlay."""

    BINDINGS = [
        *ListOverlay.BINDINGS,
        Binding("M", "dismiss", "Back", show=False, tooltip="Close who met whom", id="meetings.back"),
    ]
    PANEL_TITLE = "Who met whom"
    PANEL_SUBTITLE = "enter the pair's meetings · esc back"
    ROW_HEIGHT = 2
    EMPTY = "No meetings yet."

    def compose(self) -> ComposeResult:
        with Vertical(id="list-body") as body:
            body.border_title = self.PANEL_TITLE
            body.border_subtitle = self.PANEL_SUBTITLE
            yield Static(id="meetings-table")
            yield RowList(row_height=self.ROW_HEIGHT, empty=self.EMPTY, id="overlay-list")
        yield Footer()

    def on_mount(self) -> None:
        super().on_mount()
        self.met: WhoMetWhom | None = None
        self.watch(self.app, "state", self._count)

    def _count(self, state: DeskState) -> None:
        snapshot = state.snapshot
        met = who_met_whom(snapshot, story_clock(snapshot.story).today(app_of(self).now()))
        self.met = met
        self.query_one("#meetings-table", Static).update(count_table(met, snapshot))
        pairs = {f"{p.first} {p.second}": p for p in met.pairs}
        self.rows.set_rows(list(pairs), lambda key, width: pair_row(pairs[key], snapshot, width), changed=None)
        held = f"{met.meetings} meeting{'s' if met.meetings != 1 else ''}"
        self.query_one("#list-body").border_title = f"{self.PANEL_TITLE} · {held}"

    def on_row_list_opened(self, event: RowList.Opened) -> None:
        event.stop()
        first, _, second = event.key.partition(" ")
        pair = self.met.pair(first, second) if self.met else None
        if pair is not None:
            from tui.ui.screens.pair_meetings import PairMeetingsScreen

            self.app.push_screen(PairMeetingsScreen(pair.first, pair.second))
