"""The date axis with three lanes over it: the stages the deal reached, events, deadlines."""

from __future__ import annotations

import datetime as dt

from rich.cells import cell_len
from rich.text import Text
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from tui.core.views.timeline import Axis, Mark, Timeline, lane, undated_note
from tui.ui.palette import Palette
from tui.ui.render import fit_cells, v

LABEL_WIDTH = 14
"""Columns before the axis, for a lane's name; `.pace-name` in app.tcss is as wide, so the
quote rows' bars stand under the dates they count."""

DEADLINE_MARKS = {"ahead": "◆", "met": "✓", "slipped": "✗", "passed": "◇"}
DEADLINE_TONES = {"ahead": "warning", "met": "success", "slipped": "error", "passed": "muted"}
LANES = (("stage", "Stages"), ("event", "Events"), ("deadline", "Deadlines"))


def mark_of(entry: Mark) -> str:
    if entry.kind == "deadline":
        return DEADLINE_MARKS[entry.state]
    if entry.kind == "stage":
        return "■"
    return "○" if entry.state == "scheduled" else "●"


def tone_of(entry: Mark, palette: Palette) -> str:
    if entry.kind == "deadline":
        return f"bold {palette.tone(DEADLINE_TONES[entry.state])}"
    if entry.kind == "stage":
        return f"bold {palette.accent}" if entry.state == "now" else palette.primary
    return palette.primary


class TimelineChart(Widget):
    """Draws a Timeline over its own width; says when that width changes the axis (the quote rows follow)."""

    timeline: reactive[Timeline] = reactive(Timeline, init=False)
    today: reactive[dt.date | None] = reactive(None, init=False)

    class AxisChanged(Message):
        """The axis the chart draws changed (a resize, new dates): rows that line up with it must follow."""

        def __init__(self, axis: Axis | None) -> None:
            super().__init__()
            self.axis = axis

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._axis: Axis | None = None

    @property
    def axis(self) -> Axis | None:
        return self.timeline.axis(self.content_size.width - LABEL_WIDTH)

    def on_resize(self) -> None:
        self._tell()

    def watch_timeline(self) -> None:
        self._tell()

    def _tell(self) -> None:
        axis = self.axis
        if axis != self._axis:
            self._axis = axis
            self.post_message(self.AxisChanged(axis))

    def render(self) -> Text:
        axis = self.axis
        if axis is None:
            return Text("Nothing in the store has a date yet: see the lists below.", style="italic")
        palette = Palette.of(self.app)
        ticks = axis.ticks()
        top = Text(" " * LABEL_WIDTH, no_wrap=True, overflow="crop")
        labels = [" "] * axis.width
        for col, label in ticks:
            labels[col : col + len(label)] = list(label)
        top.append("".join(labels)[: axis.width], "dim")
        rule = ["─"] * axis.width
        for col, _ in ticks:
            rule[col] = "┬"
        today = self.today if self.today is not None and axis.contains(self.today) else None
        rule_text = Text(no_wrap=True, overflow="crop")
        if today is not None:
            rule_text.append(fit_cells("▼ today", LABEL_WIDTH), palette.accent)
        elif self.today is not None:
            # Read a year on, the axis alone would not say the story is old news.
            rule_text.append(fit_cells("today: later" if self.today > axis.bucket_start(axis.count - 1) else "today: before", LABEL_WIDTH), "dim")
        else:
            rule_text.append(" " * LABEL_WIDTH)
        if today is None:
            rule_text.append("".join(rule), "dim")
        else:
            col = axis.column(today)
            rule_text.append("".join(rule[:col]), "dim")
            rule_text.append("▼", f"bold {palette.accent}")
            rule_text.append("".join(rule[col + 1 :]), "dim")
        lines = [top, rule_text]
        for kind, name in LANES:
            lines.append(self._lane(axis, self.timeline.of_kind(kind), name, palette))
        undated = undated_note(self.timeline)
        if undated:
            # Under the axis when it fits there; else from the left edge, cut with an ellipsis if it must be.
            width = self.content_size.width
            note = " " * LABEL_WIDTH + undated if LABEL_WIDTH + cell_len(undated) <= width else fit_cells(undated, width).rstrip()
            lines.append(Text(note, style="dim italic"))
        return Text("\n", no_wrap=True).join(lines)

    def _lane(self, axis: Axis, entries: list[Mark], name: str, palette: Palette) -> Text:
        text = Text(no_wrap=True, overflow="crop")
        text.append(fit_cells(name, LABEL_WIDTH - 1) + " ", "bold")
        cursor = 0
        for placed in lane(axis, entries):
            text.append(" " * (placed.column - cursor))
            marks = placed.entries[: placed.marks]
            for entry in marks:
                text.append(mark_of(entry), tone_of(entry, palette))
            cursor = placed.column + len(marks)
            label = self._label(placed.entries)
            if placed.room >= 4 and label:
                shown = fit_cells(label, placed.room) if cell_len(label) > placed.room else label
                text.append(" " + shown, "dim" if placed.entries[0].state not in ("now", "ahead") else "")
                cursor += 1 + cell_len(shown)
        return text

    @staticmethod
    def _label(entries: tuple[Mark, ...]) -> str:
        if len(entries) == 1:
            entry = entries[0]
            title = v(entry.title).replace("\n", " ")
            return f"{title} (now)" if entry.state == "now" else title
        noun = {"stage": "stages", "event": "events", "deadline": "deadlines"}[entries[0].kind]
        return f"{len(entries)} {noun}"
