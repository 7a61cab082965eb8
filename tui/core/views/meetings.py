"""Who met whom: for each pair of parties, the meetings they had, the last one and where.

An event is a meeting when the editors gave it a meeting's fields (a format, venue, host,
mediator or participants): an event that only names two parties ("drafts reportedly shift in
Kyiv's favor") is news about them, not a meeting of them. A meeting is one of the parties it
names in `parties`, and of the parties of its host, mediator and participants. Pure, without
Textual: the dashboard's who-met-whom view and the tests read it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import TYPE_CHECKING

from tui.core.model.people import party_of, people_index

if TYPE_CHECKING:
    from tui.core.model.items import Event
    from tui.core.model.snapshot import Snapshot


def is_meeting(event: Event) -> bool:
    """Whether the editors marked the event as a meeting by giving it a meeting's field."""
    return bool(event.format or event.venue or event.host or event.mediator or event.participants)


def meeting_parties(event: Event, index: dict[str, list[str]]) -> list[str]:
    """The parties a meeting is of, each once: those named, then the host, the mediator and the
    participants' parties (`index` from `people_index`), in that order."""
    found = [*event.parties, *filter(None, (event.host, event.mediator))]
    found += [party for ref in event.participants if (party := party_of(index, ref))]
    return list(dict.fromkeys(found))


def where(event: Event) -> str:
    """Where a meeting was held: its venue and its place ("Palais des Nations, Geneva"), or ""."""
    return ", ".join(part for part in (event.venue, event.place) if part)


def when(event: Event, snapshot: Snapshot | None = None) -> str:
    """Its date as the dashboard writes one ("25 Nov 2025"), else the sources' words, with the date of the
    source they are relative to where it has one ("earlier this year, per 25 Nov 2025"), else ""."""
    if event.date is not None:
        return f"{event.date.day} {event.date:%b %Y}"
    source = snapshot.source_by_id.get(event.source) if snapshot is not None and event.when else None
    if source is not None and source.date is not None:
        return f"{event.when}, per {source.date.day} {source.date:%b %Y}"
    return event.when


@dataclass(frozen=True)
class Pair:
    """Two parties (in the store's order of parties) and the meetings of both, in time order."""

    first: str
    second: str
    meetings: tuple[Event, ...]
    today: dt.date

    @property
    def held(self) -> tuple[Event, ...]:
        """The meetings that have taken place by today (an undated one is taken to have)."""
        return tuple(e for e in self.meetings if e.date is None or e.date <= self.today)

    @property
    def last(self) -> Event | None:
        """The latest meeting held, or None when every one is still ahead."""
        held = self.held
        return held[-1] if held else None

    @property
    def next(self) -> Event | None:
        """The first meeting scheduled after today, if any."""
        return next((e for e in self.meetings if e.date is not None and e.date > self.today), None)


@dataclass(frozen=True)
class WhoMetWhom:
    """Every pair of parties that met, most meetings first, and the parties that met anyone."""

    pairs: tuple[Pair, ...]
    parties: tuple[str, ...]
    """The parties in at least one pair, in the store's order: the table's rows and columns."""
    meetings: int
    """How many events are meetings (of any number of parties)."""

    def count(self, first: str, second: str) -> int:
        """How many meetings two parties had, in either order (0 for a party with itself)."""
        pair = self.pair(first, second)
        return len(pair.meetings) if pair else 0

    def pair(self, first: str, second: str) -> Pair | None:
        return next((p for p in self.pairs if {p.first, p.second} == {first, second} and first != second), None)


def who_met_whom(snapshot: Snapshot, today: dt.date) -> WhoMetWhom:
    """Every pair of the store's parties that had a meeting, with those meetings in time order."""
    index = people_index(snapshot.parties)
    rank = {party.id: n for n, party in enumerate(snapshot.parties)}
    found: dict[tuple[str, str], list[Event]] = {}
    meetings = 0
    for event in snapshot.events:  # in time order
        if not is_meeting(event):
            continue
        meetings += 1
        # A party the store does not have is left out (its reference is a problem of its own).
        parties = sorted((p for p in meeting_parties(event, index) if p in rank), key=rank.__getitem__)
        for pair in combinations(parties, 2):
            found.setdefault(pair, []).append(event)
    pairs = [Pair(a, b, tuple(events), today) for (a, b), events in found.items()]
    pairs.sort(key=lambda p: (-len(p.meetings), rank[p.first], rank[p.second]))
    met = {party for pair in found for party in pair}
    return WhoMetWhom(tuple(pairs), tuple(sorted(met, key=rank.__getitem__)), meetings)


def people_at(event: Event, snapshot: Snapshot) -> list[str]:
    """The participants by name ("Vladimir Putin (Russia)"); a reference that names no one as written."""
    names: dict[str, str] = {}
    for party in snapshot.parties:
        for person in party.people:
            names[f"{party.id}/{person.id}"] = f"{person.name} ({party.label})"
    index = people_index(snapshot.parties)
    out = []
    for ref in event.participants:
        full = index.get(ref, [])
        out.append(names[full[0]] if len(full) == 1 else ref)
    return out


def labels(snapshot: Snapshot, ids: Sequence[str]) -> list[str]:
    """The parties' short names, for the table's narrow columns."""
    return [snapshot.party_by_id[i].label if i in snapshot.party_by_id else i for i in ids]
