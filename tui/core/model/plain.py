"""Plain copies of the items a dashboard's first frame shows: the story, the status, the parties
and the issues, made from cached JSON without pydantic.

Importing pydantic and building the model's classes costs a start about 100 ms; the head cache
(`tui.core.store.head_cache`) lets the first frame show the story from these copies while the
store's code loads in a thread. Each class has exactly the fields of its model in
`tui.core.model.items`, with the same types (dates as dates, words as the vocabulary's members),
so the panes draw a copy as they draw the item; a test holds the two to the same fields and
values. They are stand-ins for one frame or two: the loaded store replaces them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from tui.core.model.snapshot import Origin, Snapshot
from tui.core.model.vocab import IssueStatus, Outcome, PartyRole, Stage, Stance


def _date(value: Any) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(value)


class Plain:
    """An immutable record of the fields named in `__slots__`, given in that order.

    Not a dataclass: the decorator writes and compiles each class's methods at import, ~1 ms a
    class, which is on the way to the first frame here."""

    __slots__: tuple[str, ...] = ()

    def __init__(self, *values: Any) -> None:
        if len(values) != len(self.__slots__):
            raise TypeError(f"{type(self).__name__} takes {len(self.__slots__)} values, not {len(values)}")
        for name, value in zip(self.__slots__, values, strict=True):
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{n}={getattr(self, n)!r}' for n in self.__slots__)})"


class PlainDeadline(Plain):
    __slots__ = ("date", "what", "outcome", "source")
    date: dt.date
    what: str
    outcome: Outcome | None
    source: str | None

    @classmethod
    def of(cls, d: Mapping[str, Any]) -> PlainDeadline:
        return cls(dt.date.fromisoformat(d["date"]), d["what"], Outcome(d["outcome"]) if d.get("outcome") else None, d.get("source"))


class PlainStory(Plain):
    __slots__ = ("title", "covers", "as_of", "timezone", "deadlines")
    title: str
    covers: str
    as_of: dt.date
    timezone: str | None
    deadlines: list[PlainDeadline]

    @classmethod
    def of(cls, d: Mapping[str, Any]) -> PlainStory:
        return cls(d["title"], d.get("covers", ""), dt.date.fromisoformat(d["as_of"]), d.get("timezone"),
                   [PlainDeadline.of(x) for x in d.get("deadlines", [])])


class PlainStageChange(Plain):
    __slots__ = ("stage", "date", "when", "headline", "summary", "source")
    stage: Stage
    date: dt.date | None
    when: str
    headline: str
    summary: str
    source: str | None

    @classmethod
    def of(cls, d: Mapping[str, Any]) -> PlainStageChange:
        return cls(Stage(d["stage"]), _date(d.get("date")), d.get("when", ""), d.get("headline", ""), d.get("summary", ""), d.get("source"))


class PlainDealStatus(Plain):
    __slots__ = ("stage", "headline", "summary", "since", "source", "history")
    stage: Stage
    headline: str
    summary: str
    since: dt.date | None
    source: str | None
    history: list[PlainStageChange]

    @classmethod
    def of(cls, d: Mapping[str, Any]) -> PlainDealStatus:
        return cls(Stage(d["stage"]), d["headline"], d.get("summary", ""), _date(d.get("since")), d.get("source"),
                   [PlainStageChange.of(x) for x in d.get("history", [])])


class PlainPerson(Plain):
    __slots__ = ("id", "name", "title", "aliases")
    id: str
    name: str
    title: str
    aliases: list[str]

    @classmethod
    def of(cls, d: Mapping[str, Any]) -> PlainPerson:
        return cls(d["id"], d["name"], d.get("title", ""), list(d.get("aliases", [])))


class PlainParty(Plain):
    __slots__ = ("id", "name", "short", "role", "people")
    id: str
    name: str
    short: str
    role: PartyRole
    people: list[PlainPerson]

    @property
    def label(self) -> str:  # as Party.label
        return self.short or self.name

    @classmethod
    def of(cls, d: Mapping[str, Any]) -> PlainParty:
        return cls(d["id"], d["name"], d.get("short", ""), PartyRole(d["role"]), [PlainPerson.of(x) for x in d.get("people", [])])


class PlainPosition(Plain):
    __slots__ = ("party", "stance", "says", "quotes", "events", "source")
    party: str
    stance: Stance
    says: str
    quotes: list[str]
    events: list[str]
    source: str | None

    @classmethod
    def of(cls, d: Mapping[str, Any]) -> PlainPosition:
        return cls(d["party"], Stance(d["stance"]), d.get("says", ""), list(d.get("quotes", [])), list(d.get("events", [])), d.get("source"))


class PlainIssue(Plain):
    __slots__ = ("id", "title", "status", "why", "source", "positions")
    id: str
    title: str
    status: IssueStatus
    why: str
    source: str | None
    positions: list[PlainPosition]

    @classmethod
    def of(cls, d: Mapping[str, Any]) -> PlainIssue:
        return cls(d["id"], d["title"], IssueStatus(d["status"]), d.get("why", ""), d.get("source"),
                   [PlainPosition.of(x) for x in d.get("positions", [])])


PLAIN_KINDS = {
    "Story": PlainStory, "Deadline": PlainDeadline, "DealStatus": PlainDealStatus, "StageChange": PlainStageChange,
    "Party": PlainParty, "Person": PlainPerson, "Issue": PlainIssue, "Position": PlainPosition,
}
"""Each model's plain copy, by the model's name (what the test that holds them together reads)."""


def plain_snapshot(head: Mapping[str, Any]) -> Snapshot:
    """A snapshot of the head alone (no quotes, events, sources or documents), from the JSON that
    `items.plain_data` made of each item, with `origins` as [kind, id, path, line] rows.

    Raises (KeyError, ValueError, TypeError…) on data of another shape: the caller ignores the cache then.
    """
    # The copies stand in for the models they mirror field for field (see above); the type checker
    # is told so once, here.
    items: dict[str, Any] = {
        "story": PlainStory.of(head["story"]),
        "status": PlainDealStatus.of(head["status"]),
        "parties": tuple(PlainParty.of(x) for x in head["parties"]),
        "issues": tuple(PlainIssue.of(x) for x in head["issues"]),
    }
    origins = {(str(kind), str(item_id)): Origin(str(path), int(line)) for kind, item_id, path, line in head["origins"]}
    return Snapshot(**items, origins=origins)
