"""The story's shape at a glance: stages, events and deadlines on a date axis, each party's pace of quotes under it,
then every item in date order and what has no date."""

from __future__ import annotations

import datetime as dt

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Footer, Static

from tui.core.desk.state import DeskState
from tui.core.model.clock import story_clock
from tui.core.model.snapshot import Snapshot
from tui.core.views.timefmt import countdown, day
from tui.core.views.timeline import Axis, Mark, Pace, Timeline, build, plural
from tui.ui.house import app_of
from tui.ui.palette import Palette
from tui.ui.render import relative_when, v
from tui.ui.screens.overlay import Overlay
from tui.ui.widgets.pace_row import PaceRow
from tui.ui.widgets.timeline_chart import TimelineChart, mark_of, tone_of

KIND_WORDS = {"stage": ("stage", "stages"), "event": ("event", "events"), "deadline": ("deadline", "deadlines")}


class TimelineScreen(Overlay):
    """Reads the app's one state and redraws whenever it changes, like every overlay."""

    BINDINGS = [
        *Overlay.BINDINGS,
        Binding("T", "dismiss", "Back", show=False, tooltip="Close the timeline", id="timeline.back"),
        # A modal screen stops the app's own keys: help is bound again (not on Overlay, where help's own ? closes it).
        Binding("question_mark", "app.help", "Help", show=False, tooltip="Show every key", id="timeline.help"),
    ]
    PANEL_TITLE = "Timeline"
    PANEL_SUBTITLE = "j k scroll · esc back"

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="detail-body") as body:
            body.border_title = self.PANEL_TITLE
            body.border_subtitle = self.PANEL_SUBTITLE
            yield TimelineChart(id="timeline-chart")
            yield Static(id="pace-heading")
            yield Vertical(id="pace")
            yield Static(Text("…", style="dim"), id="detail-text")
        yield Footer()

    def on_mount(self) -> None:
        super().on_mount()
        self._shown: Snapshot | None = None
        self._timeline = Timeline()
        self.watch(self.app, "state", self._draw)

    def _draw(self, state: DeskState) -> None:
        if state.snapshot is self._shown:
            return
        self._shown = state.snapshot
        today = story_clock(state.snapshot.story).today(app_of(self).now())
        self._timeline = build(state.snapshot, today)
        chart = self.query_one(TimelineChart)
        chart.today = today
        chart.timeline = self._timeline
        self._draw_pace(chart.axis)
        self.show(self._list(state.snapshot, self._timeline, today))

    def on_timeline_chart_axis_changed(self, message: TimelineChart.AxisChanged) -> None:
        # The chart's axis now, not the message's: a newer state may have moved it since.
        self._draw_pace(self.query_one(TimelineChart).axis)

    def _draw_pace(self, axis: Axis | None) -> None:
        heading = self.query_one("#pace-heading", Static)
        box = self.query_one("#pace", Vertical)
        snapshot = self._shown
        if axis is None or snapshot is None:
            heading.update(Text("Quotes: none has a date yet.", style="italic") if snapshot and snapshot.quotes else "")
            self._rebuild_pace([])
            return
        paces = self._timeline.pace(axis, [(p.id, p.label) for p in snapshot.parties])
        unit = f"{axis.years} years" if axis.years > 1 else axis.unit
        if paces:
            heading.update(Text.assemble((f"Quotes per {unit}", "bold"), ("  each row to its own scale", "dim"), no_wrap=True, overflow="ellipsis"))
        else:
            heading.update(Text("Quotes: none has a date yet.", style="italic"))
        rows = list(box.query(PaceRow))
        if [r.pace.party for r in rows] == [p.party for p in paces]:
            for row, pace in zip(rows, paces, strict=True):
                row.show(pace)
        else:
            self._rebuild_pace(paces)

    @work(exclusive=True, group="pace", exit_on_error=False, name="Drawing the quotes per party")
    async def _rebuild_pace(self, paces: list[Pace]) -> None:
        """New rows when the parties quoted change. One at a time, each awaiting the removal
        before mounting, so two quick reloads never leave a party's row twice."""
        box = self.query_one("#pace", Vertical)
        await box.remove_children()
        if paces:
            await box.mount_all([PaceRow(pace) for pace in paces])

    def _list(self, snapshot: Snapshot, timeline: Timeline, today: dt.date) -> RenderableType:
        palette = Palette.of(self.app)
        now = app_of(self).now()
        parts: list[RenderableType] = [Text("In date order", style="bold underline")]
        table = Table.grid(padding=(0, 1))
        table.add_column(width=11, no_wrap=True, style="dim")
        table.add_column(width=1, no_wrap=True)
        table.add_column(ratio=1)
        previous: dt.date | None = None
        for entry in timeline.entries:
            date = "" if entry.date == previous else day(entry.date)
            previous = entry.date
            table.add_row(date, Text(mark_of(entry), tone_of(entry, palette)), self._describe(entry, now))
        if not timeline.entries:
            table.add_row("", "", Text("nothing dated yet", style="dim"))
        parts.append(table)
        parts += self._undated(snapshot, timeline, palette)
        return Group(*parts)

    @staticmethod
    def _describe(entry: Mark, now: dt.datetime) -> Text:
        title = v(entry.title).replace("\n", " ")
        if entry.kind == "stage":
            return Text.assemble(("stage: ", "dim"), (title, "bold"), (" (now)" if entry.state == "now" else "", "bold"))
        if entry.kind == "deadline":
            assert entry.date is not None
            state = {
                "ahead": f"deadline ahead, {countdown(entry.date, now)}",
                "met": "deadline met",
                "slipped": "deadline slipped",
                "passed": "deadline passed, outcome not recorded",
            }[entry.state]
            return Text.assemble((state + ": ", "dim"), title)
        if entry.state == "scheduled":
            assert entry.date is not None
            return Text.assemble((f"scheduled, {countdown(entry.date, now)}: ", "dim"), title)
        return Text(title)

    def _undated(self, snapshot: Snapshot, timeline: Timeline, palette: Palette) -> list[RenderableType]:
        """Items without a date are said, with the sources' words for when, in their file's order."""
        parts: list[RenderableType] = []
        for kind in ("event", "stage", "deadline"):
            entries = [e for e in timeline.undated if e.kind == kind]
            if not entries:
                continue
            one, many = KIND_WORDS[kind]
            parts += [Text(), Text(f"{plural(len(entries), one, many)} without a date", style="bold underline")]
            table = Table.grid(padding=(0, 1))
            table.add_column(width=1, no_wrap=True)
            table.add_column(ratio=1)
            for entry in entries:
                when = relative_when(entry.when, entry.source, snapshot)
                table.add_row(
                    Text(mark_of(entry), tone_of(entry, palette)),
                    Text.assemble(self._describe(entry, app_of(self).now()), (f"  ({when})" if when else "  (when not given)", "dim")),
                )
            parts.append(table)
        if timeline.undated_quotes:
            parts += [Text(), Text(f"{plural(timeline.undated_quotes, 'quote', 'quotes')} without a date (not counted above)", style="bold")]
        return parts
