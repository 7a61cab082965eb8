"""Adding the texts of the talks: a document, a point of it, a count of its points as a source
gives it, and a party's stance on a document or on one of its points.

Changing or removing any of them is the generic `UpdateItem` / `RemoveItem` by address
(`Target("documents", "us-plan", (("points", "territory"),))`), as for every kind.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from tui.core.edits.engine import Context, FileEdit, Planned, plan
from tui.core.edits.field_values import date_text, date_value, fields
from tui.core.edits.item_requests import ItemRequest, _file_of, _get, append_nested, as_value, locate
from tui.core.edits.new_items import slug, unique
from tui.core.edits.requests import Expected, _chain, _earlier, _last_file
from tui.core.model.fields import FIELDS, ORDER
from tui.core.model.targets import Target
from tui.core.store.loader import ContentStore
from tui.core.yaml.emit import Fields, Plain


def _ordered(noun: str, values: Mapping[str, Any], *first: tuple[str, Any]) -> Fields:
    """The given fields in the editors' guide's order, empty ones left out, dates written plain."""
    specs = {s.key: s for s in FIELDS[noun]}
    pairs = list(first)
    for key in ORDER[noun]:
        if key in values and key not in dict(first):
            value = as_value(specs.get(key), values[key])
            if key == "date" and isinstance(value, str):
                value = date_value(date_text(value))
            elif key in ("number", "count") and isinstance(value, str) and value.isdigit():
                value = Plain(value)  # a number reads as one: `count: 28`, not `count: "28"`
            pairs.append((key, value))
    required = tuple(s.key for s in FIELDS[noun] if s.required)
    return fields(*pairs, required=required)


@dataclass(frozen=True)
class AddDocument(ItemRequest):
    """A new document, at the end of the file holding the last document (or `documents.yaml`)."""

    values: Mapping[str, Any] = field(default_factory=dict)
    noun: ClassVar[str] = "document"

    def plan(self, store: ContentStore, expected: Expected, earlier: Sequence[Planned] = ()) -> list[Planned]:
        title = str(self.values.get("title") or "")
        required = tuple(s.key for s in FIELDS["document"] if s.required)

        def make(ctx: Context) -> FileEdit:
            item_id = unique(slug(title, words=5) or "document", ctx.taken("documents"))
            return ctx.append("documents", _ordered("document", self.values, ("id", item_id)), item_id, required)

        relative = _last_file(store.snapshot, "documents", "documents.yaml")
        return _chain(list(earlier), plan(store, relative, expected, make, "documents", on_top_of=_earlier(earlier, relative)))

    def describe(self, item_id: str) -> str:
        return f"added document {item_id}"


def point_id(values: Mapping[str, Any]) -> str:
    """`point-12` for a numbered point, else the first words of what it says (`ukraine-gives-up-territory`)."""
    number = str(values.get("number") or "").strip()
    if number:
        return "point-" + (slug(number) or "x")
    words = slug(str(values.get("says") or ""), words=4)
    if words:
        return words
    dropped = [str(e) for e in values.get("earlier") or []]
    return f"dropped-{slug(dropped[0])}" if dropped and values.get("change") == "dropped" else "point"


@dataclass(frozen=True)
class AddPoint(ItemRequest):
    """A new point of a document, at the end of its `points`."""

    document: str
    values: Mapping[str, Any] = field(default_factory=dict)
    point: str = ""
    """Its id; made from its number or its words if not given."""
    noun: ClassVar[str] = "point"

    def plan(self, store: ContentStore, expected: Expected, earlier: Sequence[Planned] = ()) -> list[Planned]:
        owner = Target("documents", self.document)
        relative = _file_of(store, owner)

        def make(ctx: Context) -> FileEdit:
            points = _get(ctx.data, locate(ctx, owner)).get("points")
            here = {str(p.get("id")) for p in points if isinstance(p, dict)} if isinstance(points, list) else set()
            new_id = self.point.strip() or unique(point_id(self.values), here)
            if new_id in here:
                raise ctx.refuse(f"{self.document} already has a point '{new_id}'; choose another id")
            return append_nested(ctx, owner, "points", _ordered("point", self.values, ("id", new_id)), self.document, ("id",))

        return _chain(list(earlier), plan(store, relative, expected, make, on_top_of=_earlier(earlier, relative)))

    def describe(self, item_id: str) -> str:
        return f"added a point to {self.document}"


@dataclass(frozen=True)
class AddPointCount(ItemRequest):
    """How many points a source says the document has, after the counts it already records."""

    document: str
    count: str
    source: str
    note: str = ""
    noun: ClassVar[str] = "point count"

    def plan(self, store: ContentStore, expected: Expected, earlier: Sequence[Planned] = ()) -> list[Planned]:
        owner = Target("documents", self.document)
        relative = _file_of(store, owner)
        values = {"count": self.count, "source": self.source, "note": self.note}

        def make(ctx: Context) -> FileEdit:
            return append_nested(ctx, owner, "point_counts", _ordered("point count", values), self.document, ("count", "source"))

        return _chain(list(earlier), plan(store, relative, expected, make, on_top_of=_earlier(earlier, relative)))

    def describe(self, item_id: str) -> str:
        return f"added a count of {self.count} points to {self.document}"


@dataclass(frozen=True)
class AddStance(ItemRequest):
    """A party's stance on a document or one of its points (`owner`), at the end of its `positions`.
    A party that already has one there is refused: change that one instead."""

    owner: Target
    party: str
    values: Mapping[str, Any] = field(default_factory=dict)
    noun: ClassVar[str] = "position"

    def plan(self, store: ContentStore, expected: Expected, earlier: Sequence[Planned] = ()) -> list[Planned]:
        relative = _file_of(store, self.owner)

        def make(ctx: Context) -> FileEdit:
            positions = _get(ctx.data, locate(ctx, self.owner)).get("positions")
            if isinstance(positions, list) and any(isinstance(p, dict) and p.get("party") == self.party for p in positions):
                raise ctx.refuse(f"{self.party} already has a stance there; change it instead")
            new = _ordered("position", self.values, ("party", self.party))
            return append_nested(ctx, self.owner, "positions", new, self.owner.item_id, ("party", "stance"))

        return _chain(list(earlier), plan(store, relative, expected, make, on_top_of=_earlier(earlier, relative)))

    def describe(self, item_id: str) -> str:
        where = f"{self.owner.nested[-1][1]} of {self.owner.item_id}" if self.owner.nested else self.owner.item_id
        return f"added {self.party}'s stance on {where}"
