"""Where the deal stands: stage, headline, how long since it moved, the next deadline, the latest events."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from tui.core.desk.state import DeskState
from tui.core.model.clock import story_clock
from tui.core.model.snapshot import Snapshot
from tui.core.views.alerts import deadline_key
from tui.core.views.timefmt import countdown, day, since
from tui.ui import render
from tui.ui.house import app_of
from tui.ui.messages import OpenItem
from tui.ui.palette import Palette
from tui.ui.widgets.pane import Pane
from tui.ui.widgets.row_list import RowList


def _one_line(text: Text, width: int) -> Text:
    """Cut to one line with an ellipsis: Static would wrap it instead."""
    text.truncate(width, overflow="ellipsis")
    return text


class StatusPane(Pane):
    """The deal's stage and clock; the timeline below it, newest first (Enter opens an event)."""

    BORDER_TITLE = "1 Deal status"
    SECTION, NOUN = "events", "event"
    BELOW_TOP = True  # events are kept in monthly files at scale, and the head cache keeps none

    BINDINGS = [
        Binding("s", "open_status", "Stage history", tooltip="The deal status in full, with earlier stages", id="status.stage-history"),
        Binding("o", "open_source", "Open source", show=False,
                tooltip="Open the address of the event's source in the browser, if one is known", id="status.open-source"),
        Binding("w", "watch_deadline", "Watch deadline", show=False,
                tooltip="Watch the deadline shown (the next one, else the last): an alert before it is due (w again stops)",
                id="status.watch-deadline"),
    ]

    def compose(self) -> ComposeResult:
        yield Static(id="status-card")
        yield RowList(row_height=2, empty="no events yet", id="events-list")

    def on_mount(self) -> None:
        # The countdown and "how long since" move with the clock, not only with the content.
        self.set_interval(30, self._draw_card)

    def _draw_card(self) -> None:
        snapshot = self.snapshot
        status = snapshot.status
        clock = story_clock(snapshot.story)
        machine_now = app_of(self).now()
        now = clock.local(machine_now)  # the story's dates are on its own calendar: so are "since" and the countdowns
        card = self.query_one("#status-card", Static)
        if status is None:
            words = "Reading the store…" if not self.state.read else "No deal status yet: add a 'status:' section."
            self._update_card(card, Text(words, style="dim italic"))
            return
        palette = Palette.of(self.app)
        width = max(card.size.width, 20)
        changed = f"since {day(status.since)} ({since(status.since, now)})" if status.since else "date not given"
        stage = render.stage_ladder(status.stage, palette)
        if stage.cell_len + 2 + len(changed) <= width:
            lines = [Text.assemble(stage, ("  " + changed, "dim"))]
        else:  # a narrow pane: the date on its own line rather than cut
            lines = [_one_line(stage, width), _one_line(Text(changed, style="dim"), width)]
        today = clock.today(machine_now)  # the story's day, in its own time zone if it names one
        deadline = snapshot.next_deadline(today)
        watches = app_of(self).news.alerts.watches
        if deadline:
            # The countdown first, so a long description never pushes it off the line.
            lines.append(
                _one_line(
                    Text.assemble(
                        ("⚑ ", f"bold {palette.warning}") if ("deadlines", deadline_key(deadline)) in watches else "",
                        ("Next: ", "dim"),
                        (countdown(deadline.date, now), f"bold {palette.warning}"),
                        (f" · {day(deadline.date)} · ", "dim"),
                        render.v(deadline.what).replace("\n", " "),
                    ),
                    width,
                )
            )
        elif (passed := snapshot.last_deadline(today)) is not None:
            # Nothing ahead: the last one is history, not news, and says what became of it.
            outcome = passed.outcome.label if passed.outcome else "outcome unknown"
            lines.append(
                _one_line(
                    Text.assemble(
                        ("⚑ ", f"bold {palette.warning}") if ("deadlines", deadline_key(passed)) in watches else "",
                        ("Last deadline: ", "dim"),
                        (f"{day(passed.date)} ({since(passed.date, now)}) · {outcome}", ""),
                        (" · ", "dim"),
                        (render.v(passed.what).replace("\n", " "), "dim"),
                    ),
                    width,
                )
            )
        # Stage, date and headline are shown whole, at any size; the timeline gets what is left.
        lines.append(Text(render.v(status.headline), style="bold"))
        moved = []
        newest = snapshot.last_changed(clock.latest_today(machine_now))
        if not self.state.complete:
            moved.append("reading…")  # the quotes and events that date it are not read yet
        elif newest and newest > clock.latest_today(machine_now):
            moved.append(f"story dated {day(newest)}, after today (check the date)")
        elif newest:
            moved.append(f"story dated {since(newest, now)}")
        if self.state.last_change:
            seen = self.state.last_change.astimezone().replace(tzinfo=None)
            moved.append(f"last change seen {since(seen, now)}")
        if moved:
            lines.append(_one_line(Text("Last moved: " + " · ".join(moved), style="dim"), width))
        self._update_card(card, Text("\n").join(lines))

    def _update_card(self, card: Static, text: Text) -> None:
        """Show `text` in the card, unless it already shows exactly that at this width.

        Most snapshots (a save of a quotes file) leave the card as it was: no new layout of
        the screen for it. A new text is always laid out: updating the words alone, without
        a layout, left the card a line too tall now and then (a startup race, seen in the
        screenshots under load).
        """
        before, width = self._card, card.size.width
        if before is not None and text == before[0] and width == before[1]:
            return
        self._card = (text, width)
        card.update(text)
        # Textual counts a widget's layout requests only once until it has handled them, and
        # keeps the size it worked out meanwhile: words changed twice in a row (a card drawn
        # narrow before it had its width, then at its width) could keep the first height. A
        # second request after the frame is counted, so the card always gets the new one.
        self.call_after_refresh(card.refresh, layout=True)

    _card: tuple[Text, int] | None = None
    """What the card shows now, and at which width it was laid out."""

    def on_resize(self) -> None:
        self._draw_card()
        # The card is laid out after the pane: draw it again at its own new width, or a card
        # first drawn before it had one keeps the narrow form (a line taller) at random.
        self.call_after_refresh(self._draw_card)

    def show_snapshot(self, old: Snapshot, new: Snapshot) -> None:
        self._draw_card()
        if old.events == new.events and self.query_one(RowList).keys:
            return
        events = new.event_by_id
        changed = [e.id for e in new.events if old.event_by_id.get(e.id) != e]
        today = story_clock(new.story).today(app_of(self).now())
        self.query_one(RowList).set_rows(
            [e.id for e in reversed(new.events)], lambda key, width: render.event_row(events[key], new, width, today=today), changed
        )

    def watch_state(self, old: DeskState, new: DeskState) -> None:
        super().watch_state(old, new)
        if old.last_change != new.last_change and old.snapshot is new.snapshot:
            self._draw_card()

    def show_flash(self, flash: frozenset[tuple[str, str]]) -> None:
        super().show_flash(flash)
        self.set_class(any(kind == "status" for kind, _ in flash), "-changed")

    def show_unseen(self, unseen: frozenset[tuple[str, str]]) -> None:
        super().show_unseen(unseen)
        self.border_title = "1 Deal status ●" if ("status", "status") in unseen else "1 Deal status"

    def action_open_source(self) -> None:
        key = self.query_one(RowList).current
        if key is None:
            self.notify("No event under the cursor.", markup=False, timeout=3)
            return
        app_of(self).briefs.open_source("event", key)

    def show_watched(self, watches: frozenset[tuple[str, str]]) -> None:
        super().show_watched(watches)
        self._draw_card()

    def action_watch_deadline(self) -> None:
        snapshot = self.snapshot
        today = story_clock(snapshot.story).today(app_of(self).now())
        deadline = snapshot.next_deadline(today) or snapshot.last_deadline(today)
        key = deadline_key(deadline) if deadline else None
        app_of(self).news.alerts.toggle("deadlines", key, f"{day(deadline.date)} {deadline.what}" if deadline else "")

    def action_open_status(self) -> None:
        self.post_message(OpenItem("status", "status"))
