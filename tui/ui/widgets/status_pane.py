"""Where the deal stands: stage, headline, how long since it moved, the next deadline, the latest events."""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.reactive import reactive
from textual.widgets import Static

from tui.core.snapshot import Snapshot
from tui.core.timefmt import countdown, day, since
from tui.ui import render
from tui.ui.messages import OpenItem
from tui.ui.palette import Palette
from tui.ui.widgets.pane import Pane
from tui.ui.widgets.row_list import RowList


class StatusPane(Pane):
    """The deal's stage and clock; the timeline below it, newest first (Enter opens an event)."""

    BORDER_TITLE = "1 Deal status"
    last_change: reactive[dt.datetime | None] = reactive(None, init=False)
    """When the journal last saw the store change."""

    BINDINGS = [Binding("s", "open_status", "Stage history", tooltip="The deal status in full, with earlier stages")]

    def compose(self) -> ComposeResult:
        yield Static(id="status-card")
        yield RowList(row_height=1, empty="no events yet", id="events-list")

    def on_mount(self) -> None:
        # The countdown and "how long since" move with the clock, not only with the content.
        self.set_interval(30, self._draw_card)

    def _draw_card(self) -> None:
        snapshot = self.snapshot
        status = snapshot.status
        now = self.app.now()  # type: ignore[attr-defined]
        card = self.query_one("#status-card", Static)
        if status is None:
            card.update(Text("No deal status yet: add a 'status:' section.", style="dim italic"))
            return
        palette = Palette.of(self.app)
        changed = f"since {day(status.since)} ({since(status.since, now)})" if status.since else "date not given"
        story_moved = snapshot.last_changed
        lines = [
            Text.assemble(render.stage_ladder(status.stage, palette), ("  " + changed, "dim"), no_wrap=True, overflow="ellipsis"),
            Text(render.v(status.headline), style="bold"),
        ]
        moved = [f"story dated {since(story_moved, now)} ({day(story_moved)})"] if story_moved else []
        if self.last_change:
            seen = self.last_change.astimezone().replace(tzinfo=None)
            moved.append(f"last change seen {since(seen, now)}")
        if moved:
            lines.append(Text("Last moved: " + " · ".join(moved), style="dim"))
        deadline = snapshot.next_deadline(now.date())
        if deadline:
            lines.append(
                Text.assemble(
                    ("Next: ", "dim"),
                    (render.v(deadline.what), ""),
                    (f" · {day(deadline.date)} · ", "dim"),
                    (countdown(deadline.date, now), f"bold {palette.warning}"),
                    no_wrap=True,
                    overflow="ellipsis",
                )
            )
        card.update(Text("\n").join(lines))

    def watch_snapshot(self, old: Snapshot, new: Snapshot) -> None:
        self._draw_card()
        if old.events == new.events and self.query_one(RowList).keys:
            return
        events = new.event_by_id
        changed = [e.id for e in new.events if old.event_by_id.get(e.id) != e]
        self.query_one(RowList).set_rows(
            [e.id for e in reversed(new.events)], lambda key, width: render.event_row(events[key]), changed
        )

    def watch_flash(self) -> None:
        self.set_class(any(kind == "status" for kind, _ in self.flash), "-changed")
        self.query_one(RowList).flash(self.flashed("events"))

    def watch_unseen(self) -> None:
        self.border_title = "1 Deal status ●" if ("status", "status") in self.unseen else "1 Deal status"
        self.query_one(RowList).mark(self.unseen_of("events"))

    def watch_last_change(self) -> None:
        self._draw_card()

    def on_row_list_opened(self, event: RowList.Opened) -> None:
        event.stop()
        self.post_message(OpenItem("event", event.key))

    def on_row_list_highlighted(self, event: RowList.Highlighted) -> None:
        event.stop()

    def action_open_status(self) -> None:
        self.post_message(OpenItem("status", "status"))
