"""Which item an edit is about: a top-level item, or one nested in it (a person, a position, a deadline).

The same address the journal gives a change (kind, item id, field path), so a change can be
found again to be reverted, and the same one forms and commands use to name what they edit.
Light: the UI imports it at start-up.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tui.core.model.kinds import BY_SECTION

NESTED = {
    "people": "person",
    "positions": "position",
    "deadlines": "deadline",
    "history": "earlier stage",
    "points": "point",
    "point_counts": "point count",
}
"""The lists inside an item whose entries are items in their own right, and what one is called."""

_HOLDERS = {"people": "parties", "positions": "issues", "deadlines": "story", "history": "status", "points": "documents",
            "point_counts": "documents"}
"""Which section holds each nested list."""


def nested_key(field: str, entry: Any, index: int) -> str:
    """What names an entry of a nested list, as the journal names it: a person's id, a
    position's party, a deadline's date and text, an earlier stage's place in the history."""
    if not isinstance(entry, dict):
        return str(index)
    if field in ("people", "points"):
        return str(entry.get("id", ""))
    if field == "point_counts":
        return f"{entry.get('count', '')} {entry.get('source', '')}"
    if field == "positions":
        return str(entry.get("party", ""))
    if field == "deadlines":
        return f"{entry.get('date', '')} {entry.get('what', '')}"
    return str(index)


@dataclass(frozen=True)
class Target:
    """An item: `section` and `item_id` ("story"/"status" for those two), then, for a nested item,
    the list it is in and its key there (("people", "lavrov"),)."""

    section: str
    item_id: str
    nested: tuple[tuple[str, str], ...] = ()

    @property
    def noun(self) -> str:
        if self.nested:
            return NESTED[self.nested[-1][0]]
        return BY_SECTION[self.section].noun

    @property
    def top(self) -> Target:
        """The top-level item this one is in (itself if it is one)."""
        return Target(self.section, self.item_id)

    @property
    def parent(self) -> Target:
        return Target(self.section, self.item_id, self.nested[:-1])

    def child(self, field: str, key: str) -> Target:
        return Target(self.section, self.item_id, self.nested + ((field, key),))

    @classmethod
    def from_field(cls, section: str, item_id: str, parts: list[str]) -> tuple[Target, list[str]]:
        """The target a journal change's field path is in, and the field path left inside it.

        `positions.russia.stance` of an issue is the stance of Russia's position on it.
        """
        target, rest = cls(section, item_id), list(parts)
        while len(rest) >= 2 and rest[0] in NESTED:
            target = target.child(rest[0], rest[1])
            rest = rest[2:]
        return target, rest

    def describe(self, snapshot: Any) -> str:
        """The item as an editor would name it: "quote by Sergey Lavrov: “welcomed”", "Sergey Lavrov (Russia)"."""
        item = find(snapshot, self)
        if not self.nested:
            if self.section in ("story", "status"):
                return "the story" if self.section == "story" else "the deal status"
            if item is None:
                return f"{self.noun} {self.item_id}"
            if self.section == "quotes":
                return f"quote by {item.speaker}: “{_short(item.text)}”"
            if self.section == "sources":
                when = f" ({item.date.isoformat()})" if item.date else ""
                return f"source: {item.outlet}" + (f" — {_short(item.title)}" if item.title else "") + when
            label = getattr(item, "name", None) or getattr(item, "title", None)
            return f"{self.noun} {label}" if label else f"{self.noun} {self.item_id}"
        field, key = self.nested[-1]
        owner = find(snapshot, self.parent)
        if field == "people":
            name = getattr(item, "name", key)
            return f"{name} ({getattr(owner, 'name', self.item_id)})"
        if field == "positions":
            return f"{snapshot.party_name(key)} on {_owner_name(owner, self.item_id)}"
        if field == "points":
            return f"{_owner_name(item, key)} of {getattr(owner, 'title', self.item_id)}"
        if field == "point_counts":
            count, _, source = key.partition(" ")
            return f"{count} points, per {source}"
        if field == "deadlines":
            day, _, what = key.partition(" ")
            return f"{day}: {_short(what)}"
        return f"earlier stage {int(key) + 1}" if key.isdigit() else f"earlier stage {key}"


def _owner_name(owner: Any, fallback: str) -> str:
    """An issue's or a document's title; a point's number (or id)."""
    if owner is None:
        return fallback
    return str(getattr(owner, "title", None) or f"point {getattr(owner, 'number', '') or getattr(owner, 'id', fallback)}")


def _short(text: str, limit: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def find(snapshot: Any, target: Target) -> Any:
    """The item a target names in a snapshot, or None if it is not there."""
    if target.section in ("story", "status"):
        node = getattr(snapshot, target.section)
    else:
        node = getattr(snapshot, BY_SECTION[target.section].by_id).get(target.item_id)
    for field, key in target.nested:
        if node is None:
            return None
        entries = getattr(node, field, None) or []
        node = next((e for i, e in enumerate(entries) if _model_key(field, e, i) == key), None)
    return node


def _model_key(field: str, entry: Any, index: int) -> str:
    if field in ("people", "points"):
        return str(entry.id)
    if field == "point_counts":
        return f"{entry.count} {entry.source}"
    if field == "positions":
        return str(entry.party)
    if field == "deadlines":
        return f"{entry.date.isoformat()} {entry.what}"
    return str(index)


def holder(field: str) -> str:
    """The section whose items hold the nested list `field`."""
    return _HOLDERS[field]
