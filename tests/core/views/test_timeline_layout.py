"""The timeline's layout without Textual: what goes in date order, which unit the axis takes,
which column a date falls in, which tick labels fit, how much room a label has, and the
pace of quotes per party. The stores are real files read through the desk."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.helpers.minimal_store import write_store
from tui.core.desk import NO_JOURNAL, Desk
from tui.core.model.vocab import Outcome
from tui.core.views.timeline import NO_PARTY, Mark, build, deadline_state, fit_axis, lane, undated_note

TODAY = dt.date(2025, 3, 1)

DEADLINES = """\
story:
  title: Ceasefire talks
  as_of: 2025-03-01
  deadlines:
    - date: 2025-03-15
      what: Reply to the draft
      source: wire-1
    - date: 2025-02-10
      what: First reply
      outcome: slipped
      source: wire-1
    - date: 2025-02-05
      what: Agenda agreed
      outcome: met
      source: wire-1
    - date: 2025-02-25
      what: Venue named
      source: wire-1
"""

MORE_QUOTES = """\
quotes:
  - id: q-north
    text: One.
    speaker: A. Envoy
    party: north
    date: 2025-02-21
    medium: interview
    source: wire-1
  - id: q-north-2
    text: Two.
    speaker: A. Envoy
    party: north
    date: 2025-02-21
    medium: interview
    source: wire-1
  - id: q-south
    text: Three.
    speaker: an official
    party: south
    date: 2025-02-01
    medium: anonymous
    source: wire-2
  - id: q-reader
    text: Four.
    speaker: a reader
    date: 2025-02-02
    medium: other
    source: wire-2
  - id: q-undated
    text: Five.
    speaker: an official
    party: south
    medium: anonymous
    source: wire-2
"""


def snapshot_of(root: Path, **files: str):
    write_store(root, **files)
    state = Desk(root, journal=NO_JOURNAL, clock=lambda: dt.datetime.combine(TODAY, dt.time(12))).load()
    assert state.problems == (), state.problems
    return state.snapshot


def test_items_come_in_date_order_and_a_day_s_stage_before_its_events(tmp_path):
    timeline = build(snapshot_of(tmp_path / "s"), TODAY)
    assert [(e.date, e.kind, e.title) for e in timeline.entries] == [
        (dt.date(2025, 2, 1), "stage", "proposed"),
        (dt.date(2025, 2, 1), "event", "Talks open"),
        (dt.date(2025, 2, 20), "stage", "under negotiation"),
        (dt.date(2025, 3, 15), "deadline", "Reply to the draft"),
    ]
    assert [e.state for e in timeline.of_kind("stage")] == ["", "now"]
    assert [(e.kind, e.title, e.when) for e in timeline.undated] == [("event", "Next round", "next week")]
    assert timeline.undated_quotes == 1
    assert (timeline.first, timeline.last) == (dt.date(2025, 2, 1), dt.date(2025, 3, 15))


def test_deadlines_are_ahead_until_their_day_then_met_slipped_or_just_passed(tmp_path):
    timeline = build(snapshot_of(tmp_path / "s", story_yaml=DEADLINES), TODAY)
    assert [(e.title, e.state) for e in timeline.of_kind("deadline")] == [
        ("Agenda agreed", "met"), ("First reply", "slipped"), ("Venue named", "passed"), ("Reply to the draft", "ahead"),
    ]
    assert deadline_state(TODAY, None, TODAY) == "ahead"  # the day itself has not passed
    assert deadline_state(TODAY, Outcome.MET, TODAY + dt.timedelta(days=1)) == "met"


def test_undated_items_are_counted_in_words():
    from tui.core.views.timeline import Timeline

    timeline = Timeline(undated=(Mark("event", "a"), Mark("event", "b"), Mark("stage", "c")), undated_quotes=1)
    assert undated_note(timeline) == "2 events, 1 stage and 1 quote without a date (listed below)"
    assert undated_note(Timeline(undated=(Mark("event", "a"),))) == "1 event without a date (listed below)"
    assert undated_note(Timeline()) == ""


@pytest.mark.parametrize(("first", "last", "width", "unit", "count"), [
    (dt.date(2025, 11, 25), dt.date(2025, 11, 27), 90, "day", 3),
    (dt.date(2025, 11, 25), dt.date(2025, 11, 25), 50, "day", 1),
    (dt.date(2025, 1, 1), dt.date(2025, 2, 14), 90, "day", 45),  # two columns a day, exactly
    (dt.date(2025, 1, 1), dt.date(2025, 2, 15), 90, "week", 7),  # one day more: weeks
    (dt.date(2025, 1, 1), dt.date(2025, 12, 31), 50, "month", 12),
    (dt.date(2020, 1, 1), dt.date(2025, 12, 31), 50, "year", 6),
])
def test_the_axis_takes_the_finest_unit_that_gives_each_bucket_two_columns(first, last, width, unit, count):
    axis = fit_axis(first, last, width)
    assert (axis.unit, axis.count) == (unit, count)
    assert axis.bucket(first) == 0 and axis.bucket(last) == count - 1


def test_a_story_longer_than_the_columns_puts_several_years_in_a_bucket_and_never_clamps_a_date():
    axis = fit_axis(dt.date(1900, 5, 1), dt.date(2100, 1, 1), 50)
    assert (axis.unit, axis.years, axis.count) == ("year", 5, 41)
    assert axis.bucket(dt.date(2100, 1, 1)) == axis.count - 1 and axis.bucket_start(axis.count - 1) == dt.date(2100, 1, 1)
    assert axis.bucket_start(axis.bucket(dt.date(1949, 12, 31))) == dt.date(1945, 1, 1)
    assert axis.contains(dt.date(2100, 12, 31)) and not axis.contains(dt.date(2105, 1, 1))
    assert [label for _, label in axis.ticks()][:3] == ["1900", "1925", "1950"]


def test_weeks_start_on_monday_and_dates_outside_are_clamped():
    axis = fit_axis(dt.date(2025, 1, 1), dt.date(2025, 3, 1), 20)  # a Wednesday
    assert axis.unit == "week" and axis.start == dt.date(2024, 12, 30)
    assert axis.bucket(dt.date(2025, 1, 5)) == 0 and axis.bucket(dt.date(2025, 1, 6)) == 1
    assert axis.bucket(dt.date(2024, 1, 1)) == 0 and axis.bucket(dt.date(2026, 1, 1)) == axis.count - 1


@pytest.mark.parametrize("width", [7, 50, 61, 90, 104, 113])
def test_every_bucket_gets_adjacent_columns_in_order_and_a_date_marks_its_first(width):
    axis = fit_axis(dt.date(2025, 11, 25), dt.date(2025, 11, 27), width)
    assert len(axis.columns) == width
    assert list(axis.columns) == sorted(axis.columns) and set(axis.columns) == set(range(axis.count))
    for index in range(axis.count):
        first, last = axis.span(index)
        assert axis.columns[first : last + 1] == (index,) * (last - first + 1)
    assert axis.column(dt.date(2025, 11, 26)) == axis.span(1)[0]


@pytest.mark.parametrize("width", [20, 50, 61, 90])
@pytest.mark.parametrize(("first", "last"), [
    (dt.date(2025, 11, 25), dt.date(2025, 11, 27)),
    (dt.date(2025, 12, 20), dt.date(2026, 1, 20)),
    (dt.date(2024, 3, 1), dt.date(2026, 11, 1)),
])
def test_tick_labels_never_touch_never_overflow_and_the_first_says_the_year(width, first, last):
    axis = fit_axis(first, last, width)
    ticks = axis.ticks()
    assert ticks and ticks[0][0] == 0 and str(first.year) in ticks[0][1]
    for (col, label), (next_col, _) in zip(ticks, ticks[1:]):
        assert col + len(label) < next_col  # a space between
    assert all(col + len(label) <= width for col, label in ticks)
    if axis.unit == "day" and first.year != last.year:
        assert any("2026" in label for _, label in ticks[1:])  # a new year is named where it starts


def test_a_lane_caps_crowded_marks_and_labels_stop_before_the_next_group():
    axis = fit_axis(dt.date(2025, 1, 1), dt.date(2025, 1, 10), 20)  # two columns a day
    day = lambda n: dt.date(2025, 1, n)  # noqa: E731
    entries = [Mark("event", f"e{i}", day(1)) for i in range(5)] + [Mark("event", "x", day(3)), Mark("event", "y", day(10))]
    placed = lane(axis, entries)
    assert [p.column for p in placed] == [0, 4, 18]
    assert [len(p.entries) for p in placed] == [5, 1, 1]
    assert placed[0].marks == 3  # four columns to the next group, one kept blank
    assert placed[0].room == 0
    assert placed[1].marks == 1 and placed[1].column + placed[1].marks + 1 + placed[1].room < placed[2].column
    assert placed[2].column + placed[2].marks + 1 + placed[2].room <= axis.width


def test_pace_counts_each_party_s_dated_quotes_per_bucket_in_the_store_s_order(tmp_path):
    snapshot = snapshot_of(tmp_path / "s", quotes_yaml=MORE_QUOTES)
    timeline = build(snapshot, TODAY)
    axis = timeline.axis(200)
    assert axis is not None and axis.unit == "day" and axis.start == dt.date(2025, 2, 1)
    paces = timeline.pace(axis, [(p.id, p.label) for p in snapshot.parties])
    by_party = {p.party: p for p in paces}
    assert [p.party for p in paces] == ["north", "south", NO_PARTY]  # broker said nothing: no row
    assert [p.label for p in paces] == ["NO", "Southland", "no party"]
    assert by_party["north"].counts[axis.bucket(dt.date(2025, 2, 21))] == 2 and by_party["north"].total == 2
    assert by_party["south"].counts[0] == 1 and by_party["south"].total == 1  # the undated one is not placed
    assert by_party[NO_PARTY].counts[1] == 1
    assert timeline.undated_quotes == 1
    assert all(len(p.counts) == axis.count for p in paces)


def test_nothing_dated_gives_no_axis(tmp_path):
    undated_events = "events:\n  - id: a\n    title: A\n    source: wire-1\n"
    story = "story:\n  title: T\n  as_of: 2025-03-01\n"
    status = "status:\n  stage: proposed\n  headline: H\n"
    quotes = "quotes:\n  - id: q\n    text: t\n    speaker: s\n    medium: other\n    source: wire-1\n"
    snapshot = snapshot_of(tmp_path / "s", events_yaml=undated_events, story_yaml=story, status_yaml=status, quotes_yaml=quotes,
                           issues_yaml="issues: []\n")
    timeline = build(snapshot, TODAY)
    assert timeline.entries == () and timeline.axis(80) is None
    assert undated_note(timeline) == "1 event, 1 stage and 1 quote without a date (listed below)"
