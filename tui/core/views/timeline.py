"""The story on a date axis: what the timeline view draws, as plain data and pure layout.

Kept free of Textual and Rich so the layout (which column a date falls in, which tick
labels fit, how much room a label has) is tested on its own. The UI measures text in
terminal cells and colours it; everything about where things go is decided here.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from tui.core.model.vocab import Outcome

if TYPE_CHECKING:
    from tui.core.model.snapshot import Snapshot

UNITS = ("day", "week", "month", "year")
"""Bucket sizes, finest first: the axis takes the finest whose buckets each get two columns."""

NO_PARTY = ""
"""The pace row of quotes that name no party (a reader, an unnamed official)."""


@dataclass(frozen=True)
class Mark:
    """One thing on the timeline: an event, a stage the deal reached, or a deadline."""

    kind: str
    """"stage", "event" or "deadline"."""
    title: str
    date: dt.date | None = None
    when: str = ""
    """When, in the sources' words, for an item without a date."""
    state: str = ""
    """A stage: "now" for the current one. A deadline: "ahead", "met", "slipped" or "passed" (outcome not recorded).
    An event: "scheduled" when dated after today (it has not happened yet)."""
    item_id: str = ""
    source: str | None = None


@dataclass(frozen=True)
class Pace:
    """How many dated quotes one party gave in each bucket of the axis."""

    party: str
    """The party's id, or NO_PARTY."""
    label: str
    counts: tuple[int, ...]

    @property
    def total(self) -> int:
        return sum(self.counts)


KIND_ORDER = {"stage": 0, "event": 1, "deadline": 2}
"""On one day, the stage the day brought reads first, then what happened, then what is due."""


@dataclass(frozen=True)
class Timeline:
    """Every dated item in date order, every undated one in the order its file gives, and the quotes' dates."""

    entries: tuple[Mark, ...] = ()
    """Dated, oldest first; one day's items in KIND_ORDER, each kind in file order."""
    undated: tuple[Mark, ...] = ()
    quotes: tuple[tuple[str, dt.date], ...] = ()
    """(party id or NO_PARTY, date) of every dated quote."""
    undated_quotes: int = 0

    @property
    def first(self) -> dt.date | None:
        dates = [e.date for e in self.entries if e.date] + [d for _, d in self.quotes]
        return min(dates) if dates else None

    @property
    def last(self) -> dt.date | None:
        dates = [e.date for e in self.entries if e.date] + [d for _, d in self.quotes]
        return max(dates) if dates else None

    def of_kind(self, kind: str) -> list[Mark]:
        return [e for e in self.entries if e.kind == kind]

    def undated_count(self, kind: str) -> int:
        return sum(1 for e in self.undated if e.kind == kind)

    def axis(self, width: int) -> Axis | None:
        """The axis from the first dated item to the last, in `width` columns; None if nothing is dated."""
        if self.first is None or self.last is None or width < 1:
            return None
        return fit_axis(self.first, self.last, width)

    def pace(self, axis: Axis, parties: Sequence[tuple[str, str]]) -> list[Pace]:
        """One row per party with a dated quote, in the order given as (id, label); then
        quotes of parties the store does not list, and quotes that name none."""
        counts: dict[str, list[int]] = {}
        for party, date in self.quotes:
            counts.setdefault(party, [0] * axis.count)[axis.bucket(date)] += 1
        labels = dict(parties)
        order = [p for p, _ in parties if p in counts]
        order += sorted(p for p in counts if p not in labels and p != NO_PARTY)
        if NO_PARTY in counts:
            order.append(NO_PARTY)
        return [Pace(p, labels.get(p) or p or "no party", tuple(counts[p])) for p in order]


def plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def undated_note(timeline: Timeline) -> str:
    """E.g. "5 events, 2 stages and 1 quote without a date (listed below)"; empty if all are dated."""
    counts = [
        plural(timeline.undated_count("event"), "event", "events"),
        plural(timeline.undated_count("stage"), "stage", "stages"),
        plural(timeline.undated_count("deadline"), "deadline", "deadlines"),
        plural(timeline.undated_quotes, "quote", "quotes"),
    ]
    said = [c for c in counts if not c.startswith("0 ")]
    if not said:
        return ""
    listed = said[0] if len(said) == 1 else ", ".join(said[:-1]) + " and " + said[-1]
    return f"{listed} without a date (listed below)"


def deadline_state(date: dt.date, outcome: Outcome | None, today: dt.date) -> str:
    """Ahead until the day has passed; then met or slipped as the sources say, else just passed."""
    if date >= today:
        return "ahead"
    if outcome is not None:
        return outcome.value
    return "passed"


def build(snapshot: Snapshot, today: dt.date) -> Timeline:
    """The timeline of a snapshot: events, stages (the history, then the current one) and deadlines."""
    items: list[Mark] = []
    status = snapshot.status
    if status is not None:
        for change in status.history:
            items.append(Mark("stage", change.stage.label, change.date, change.when, "", change.stage.value, change.source))
        items.append(Mark("stage", status.stage.label, status.since, "", "now", status.stage.value, status.source))
    for event in snapshot.events:
        scheduled = "scheduled" if event.date is not None and event.date > today else ""
        items.append(Mark("event", event.title, event.date, event.when, scheduled, event.id, event.source))
    for deadline in snapshot.story.deadlines if snapshot.story else []:
        items.append(Mark("deadline", deadline.what, deadline.date, "", deadline_state(deadline.date, deadline.outcome, today), "", deadline.source))
    dated = [e for e in items if e.date is not None]
    # sorted() is stable: items of one kind on one day keep the order of their file.
    dated.sort(key=lambda e: (e.date, KIND_ORDER[e.kind]))
    return Timeline(
        entries=tuple(dated),
        undated=tuple(e for e in items if e.date is None),
        quotes=tuple((q.party or NO_PARTY, q.date) for q in snapshot.quotes if q.date is not None),
        undated_quotes=sum(1 for q in snapshot.quotes if q.date is None),
    )


def _month_index(date: dt.date) -> int:
    return date.year * 12 + date.month - 1


def _unit_start(date: dt.date, unit: str) -> dt.date:
    if unit == "week":
        return date - dt.timedelta(days=date.weekday())  # weeks start on Monday
    if unit == "month":
        return date.replace(day=1)
    if unit == "year":
        return date.replace(month=1, day=1)
    return date


def _index(date: dt.date, start: dt.date, unit: str) -> int:
    if unit == "day":
        return (date - start).days
    if unit == "week":
        return (date - start).days // 7
    if unit == "month":
        return _month_index(date) - _month_index(start)
    return date.year - start.year


@dataclass(frozen=True)
class Axis:
    """`count` buckets of one unit from `start`, spread over `width` columns."""

    start: dt.date
    """The first day of the first bucket."""
    unit: str
    count: int
    width: int
    years: int = 1
    """Years in a bucket of the year unit: more than one only when a story spans more years than there are columns."""

    def bucket(self, date: dt.date) -> int:
        """The bucket a date falls in, clamped to the axis."""
        return min(max(_index(date, self.start, self.unit) // self.years, 0), self.count - 1)

    def bucket_start(self, index: int) -> dt.date:
        if self.unit == "day":
            return self.start + dt.timedelta(days=index)
        if self.unit == "week":
            return self.start + dt.timedelta(days=7 * index)
        if self.unit == "month":
            year, month = divmod(_month_index(self.start) + index, 12)
            return dt.date(year, month + 1, 1)
        return dt.date(self.start.year + index * self.years, 1, 1)

    @cached_property
    def columns(self) -> tuple[int, ...]:
        """The bucket shown in each column.

        The same walk Textual's Sparkline makes over its data (a float step of count/width
        per column), so a mark on the axis stands exactly over its bucket's bars; an
        exact division would drift from the bars by a column at some widths.
        """
        step = self.count / self.width
        position = 0.0
        out = []
        for _ in range(self.width):
            out.append(min(int(position), self.count - 1))
            position += step
        return tuple(out)

    def span(self, index: int) -> tuple[int, int]:
        """The first and last column of a bucket."""
        cols = [c for c, b in enumerate(self.columns) if b == index]
        return (cols[0], cols[-1]) if cols else (0, 0)

    def column(self, date: dt.date) -> int:
        """Where a date's mark goes: the first column of its bucket."""
        return self.span(self.bucket(date))[0]

    def contains(self, date: dt.date) -> bool:
        return 0 <= _index(date, self.start, self.unit) // self.years < self.count

    def tick_label(self, index: int, with_year: bool) -> str:
        date = self.bucket_start(index)
        if self.unit == "year":
            return str(date.year)
        if self.unit == "month":
            return date.strftime("%b %Y") if with_year else date.strftime("%b")
        label = f"{date.day} {date.strftime('%b')}"
        return f"{label} {date.year}" if with_year else label

    def ticks(self) -> list[tuple[int, str]]:
        """(column, label) of each bucket whose label fits after the previous one with a space
        between. The first label names its year, and so does the first shown in each new year;
        the first bucket always gets one (cut to the width if it must be)."""
        out: list[tuple[int, str]] = []
        free = 0
        year: int | None = None
        # Every n-th bucket, n the fewest that leaves room for a label without its year, so
        # the ticks fall at even steps instead of wherever the last label happened to end.
        widest = max(len(self.tick_label(i, with_year=False)) for i in range(self.count))
        stride = max(1, math.ceil((widest + 1) * self.count / self.width))
        for index in range(0, self.count, stride):
            col = self.span(index)[0]
            if col < free:
                continue
            date = self.bucket_start(index)
            label = self.tick_label(index, with_year=date.year != year)
            if col + len(label) > self.width:
                if out:
                    continue
                label = label[: self.width]
            out.append((col, label))
            free = col + len(label) + 1
            year = date.year
        return out


def fit_axis(first: dt.date, last: dt.date, width: int) -> Axis:
    """The finest unit whose buckets from `first` to `last` each get two columns (fewer if even years do not)."""
    for unit in UNITS:
        start = _unit_start(first, unit)
        count = _index(last, start, unit) + 1
        if count * 2 <= width:
            return Axis(start, unit, count, width)
    # Longer than two columns a year allows (a quote from decades back): a column or more
    # a year, or several years a column, so every date still falls in its own bucket.
    years = math.ceil(count / width)
    return Axis(start, "year", math.ceil(count / years), width, years)


@dataclass(frozen=True)
class Placed:
    """Marks that share one bucket on a lane, with the room after them for a label."""

    column: int
    entries: tuple[Mark, ...]
    marks: int
    """How many marks fit before the next group (fewer than the entries when they crowd)."""
    room: int
    """Columns a label has after the marks and a space, keeping a space before the next group."""


def lane(axis: Axis, entries: Sequence[Mark]) -> list[Placed]:
    """Group a lane's dated entries by bucket, each with how much room its label has."""
    groups: dict[int, list[Mark]] = {}
    for entry in entries:
        if entry.date is not None:
            groups.setdefault(axis.column(entry.date), []).append(entry)
    columns = sorted(groups)
    out = []
    for i, col in enumerate(columns):
        last = i + 1 == len(columns)
        avail = (axis.width if last else columns[i + 1]) - col
        marks = min(len(groups[col]), avail if last else max(avail - 1, 1))
        room = max(avail - marks - (1 if last else 2), 0)
        out.append(Placed(col, tuple(groups[col]), marks, room))
    return out
