"""An immutable view of the whole store at one moment, as the UI and the diff see it."""

from __future__ import annotations

import datetime as dt
import weakref
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:  # the UI imports this module at start-up; pydantic loads later, with the store
    from tui.core.model.items import Deadline, DealStatus, Document, Event, Issue, Party, Person, Position, Quote, Source, Story


class Origin(NamedTuple):
    """Where an item is defined: its file and the line its entry starts on."""

    # A named tuple, not a dataclass: a store keeps one per item, 50,000 of them made per load.
    path: str
    line: int


@dataclass(frozen=True, eq=False)
class Lineage:
    """How a snapshot differs from the one it was made from (a reload of some files): so a save's
    diff and the journal look at the files re-read, not at every item of the store."""

    parent: weakref.ref[Snapshot]
    """The snapshot it was made from; a weak reference, so no chain of old stores is kept alive."""
    paths: frozenset[str]
    """The files whose items were taken out or put in (a file re-read: new objects, equal or not)."""
    gone: Mapping[str, tuple]
    """Per section, the items of the parent that are not in this snapshot (as objects)."""
    added: Mapping[str, tuple]
    """Per section, the items of this snapshot that are not in the parent (as objects)."""
    child: weakref.ref[Snapshot] | None = None
    """The snapshot it describes, set once made: a copy made with other items (`dataclasses.replace`)
    carries the lineage along, and must not be taken for what it describes."""


@dataclass(frozen=True, eq=False)
class Snapshot:
    """Every item of the store, ordered for display, with where each one is defined.

    Compared by identity: each reload makes a new one, and readers compare the parts
    they show (tuples of frozen models, which compare fast when items are shared).
    """

    story: Story | None = None
    status: DealStatus | None = None
    parties: tuple[Party, ...] = ()
    issues: tuple[Issue, ...] = ()
    quotes: tuple[Quote, ...] = ()
    """Newest first."""
    events: tuple[Event, ...] = ()
    """Oldest first, as a timeline reads."""
    sources: tuple[Source, ...] = ()
    documents: tuple[Document, ...] = ()
    """In the order the files give them."""
    origins: Mapping[tuple[str, str], Origin] = field(default_factory=dict)
    """(kind, id) to where it is defined; kinds are the section names, plus 'story' and 'status'."""
    lineage: Lineage | None = field(default=None, repr=False)
    """What changed since the snapshot this one was made from, when that is known exactly."""

    def changes_from(self, old: Snapshot) -> Lineage | None:
        """This snapshot's lineage if it was made from `old` itself, else None."""
        lineage = self.lineage
        if lineage is None or lineage.child is None or lineage.child() is not self or lineage.parent() is not old:
            return None
        return lineage

    @cached_property
    def party_by_id(self) -> dict[str, Party]:
        return {p.id: p for p in self.parties}

    @cached_property
    def issue_by_id(self) -> dict[str, Issue]:
        return {i.id: i for i in self.issues}

    @cached_property
    def quote_by_id(self) -> dict[str, Quote]:
        return {q.id: q for q in self.quotes}

    @cached_property
    def event_by_id(self) -> dict[str, Event]:
        return {e.id: e for e in self.events}

    @cached_property
    def source_by_id(self) -> dict[str, Source]:
        return {s.id: s for s in self.sources}

    @cached_property
    def document_by_id(self) -> dict[str, Document]:
        return {d.id: d for d in self.documents}

    def party_name(self, party_id: str | None) -> str:
        """The party's name, or its id marked unknown if the store has no such party."""
        if not party_id:
            return ""
        party = self.party_by_id.get(party_id)
        return party.name if party else f"{party_id} (unknown)"

    def quotes_for_party(self, party_id: str) -> list[Quote]:
        return [q for q in self.quotes if q.party == party_id]

    def quotes_for_issue(self, issue_id: str) -> list[Quote]:
        """Quotes tagged with the issue, plus those its positions cite."""
        issue = self.issue_by_id.get(issue_id)
        cited = {qid for p in issue.positions for qid in p.quotes} if issue else set()
        return [q for q in self.quotes if issue_id in q.issues or q.id in cited]

    def people_named(self, name: str) -> list[tuple[Party, Person]]:
        """Every person of a party whose name is `name` (case aside), with their party: who a
        speaker is, for a quote's party and role."""
        wanted = name.strip().casefold()
        return [(party, person) for party in self.parties for person in party.people if person.name.casefold() == wanted]

    def positions_of(self, party_id: str) -> list[tuple[Issue, Position]]:
        """Each issue on which the party has a position, with that position."""
        return [(i, p) for i in self.issues for p in i.positions if p.party == party_id]

    def next_deadline(self, today: dt.date) -> Deadline | None:
        """The first deadline on or after `today`; None if none is ahead."""
        ahead = [d for d in (self.story.deadlines if self.story else []) if d.date >= today]
        return min(ahead, key=lambda d: d.date) if ahead else None

    def last_deadline(self, today: dt.date) -> Deadline | None:
        """The latest deadline before `today`; None if none has passed."""
        passed = [d for d in (self.story.deadlines if self.story else []) if d.date < today]
        return max(passed, key=lambda d: d.date) if passed else None

    def last_changed(self, today: dt.date) -> dt.date | None:
        """The latest date the content itself records a change on: of a quote, an event that has
        happened by `today` (one dated later is scheduled, not news), or the stage.

        Found from the snapshot's order, not a pass over every quote (the title bar and the status
        card ask on every save): quotes are newest first with the undated last, so the first quote's
        date is the newest if any quote has one; events are oldest first, an undated one after the
        dated one it follows, so the last dated event on or before today is the newest.
        """
        dates = [] if not self.quotes or self.quotes[0].date is None else [self.quotes[0].date]
        last_event = next((event.date for event in reversed(self.events) if event.date and event.date <= today), None)
        if last_event is not None:
            dates.append(last_event)
        if self.status and self.status.since:
            dates.append(self.status.since)
        return max(dates) if dates else None
