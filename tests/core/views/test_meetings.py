"""Who met whom, without Textual: which events are meetings, whose they are, the count, the last and
the next of each pair of parties. The stores are real files read by the loader."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.helpers.minimal_store import EVENTS, write_store
from tui.core.store.loader import ContentStore
from tui.core.views.meetings import people_at, when, where, who_met_whom

TODAY = dt.date(2025, 3, 1)

MEETINGS = EVENTS + """\
  - id: drafts-shift
    title: Drafts shift north's way
    date: 2025-02-10
    parties: [north, south]
    source: wire-1
  - id: envoy-calls-south
    title: The envoy calls Southland
    date: 2025-02-12
    format: phone
    parties: [south]
    participants: [envoy-a]
    source: wire-1
  - id: brokered-round
    title: A round in the broker's capital
    date: 2025-02-20
    place: Brokerton
    venue: The old palace
    host: broker
    participants: [north/envoy-a]
    source: wire-2
  - id: round-ahead
    title: The next round
    date: 2025-03-10
    format: in-person
    parties: [north, south]
    mediator: broker
    source: wire-2
"""


def snapshot_of(root: Path):
    store = ContentStore(write_store(root, events_yaml=MEETINGS))
    result = store.load()
    assert result.problems == (), result.problems
    return result.snapshot


def test_a_meeting_is_of_its_parties_host_mediator_and_participants_parties(tmp_path: Path):
    snapshot = snapshot_of(tmp_path)
    met = who_met_whom(snapshot, TODAY)
    # talks-open and drafts-shift name parties but no meeting's field: news, not meetings.
    assert met.meetings == 3
    assert [(p.first, p.second, [e.id for e in p.meetings]) for p in met.pairs] == [
        ("north", "south", ["envoy-calls-south", "round-ahead"]),  # the envoy's party, by the person alone
        ("north", "broker", ["brokered-round", "round-ahead"]),  # the host; then the mediator
        ("south", "broker", ["round-ahead"]),
    ]
    assert met.parties == ("north", "south", "broker")
    assert (met.count("south", "north"), met.count("broker", "north"), met.count("north", "north")) == (2, 2, 0)


def test_the_last_meeting_is_the_latest_held_and_one_ahead_is_next(tmp_path: Path):
    met = who_met_whom(snapshot_of(tmp_path), TODAY)
    north_broker = met.pair("broker", "north")
    assert north_broker is not None and north_broker.last is not None and north_broker.next is not None
    assert (north_broker.last.id, north_broker.next.id) == ("brokered-round", "round-ahead")
    assert (when(north_broker.last), where(north_broker.last)) == ("20 Feb 2025", "The old palace, Brokerton")
    south_broker = met.pair("south", "broker")
    assert south_broker is not None and south_broker.last is None and south_broker.next is not None
    later = who_met_whom(snapshot_of(tmp_path / "later"), dt.date(2025, 3, 10))
    assert later.pair("south", "broker").last.id == "round-ahead"  # type: ignore[union-attr]


def test_participants_are_named_with_their_party(tmp_path: Path):
    snapshot = snapshot_of(tmp_path)
    assert people_at(snapshot.event_by_id["brokered-round"], snapshot) == ["A. Envoy (NO)"]


def test_the_shipped_story_has_the_us_meeting_russia_twice(shipped: Path):
    snapshot = ContentStore(shipped).load().snapshot
    met = who_met_whom(snapshot, dt.date(2025, 11, 25))
    assert [(p.first, p.second, len(p.meetings)) for p in met.pairs] == [
        ("united-states", "russia", 2), ("united-states", "ukraine", 1), ("russia", "ukraine", 1),
    ]
    first = met.pairs[0]
    assert first.last is not None and first.last.id == "abu-dhabi-meeting"
