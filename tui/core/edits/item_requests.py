"""Edits of any item, by its address: change some fields, remove it, add a party, person, issue or
deadline, put back what a change took away, and several of these as one edit.

Like every request, these only plan the change to the files' text; the door checks the whole
store with it and writes it, or refuses with the reason.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from tui.core.edits.engine import Context, EditRefused, FileEdit, Planned, plan, update_mapping
from tui.core.edits.field_values import date_text, date_value, fields, trimmed
from tui.core.edits.new_items import slug, unique
from tui.core.edits.requests import AddQuote, AddSource, Expected, Request, _chain, _earlier, _last_file, _unread
from tui.core.model.fields import FIELDS, Spec
from tui.core.model.references import explain
from tui.core.model.targets import Target, nested_key
from tui.core.store.loader import ContentStore
from tui.core.text.problems import Problem
from tui.core.yaml.emit import Fields, Plain

_ORDER = {
    "story": ("title", "covers", "as_of", "deadlines"),
    "deal status": ("stage", "headline", "summary", "since", "source", "history"),
    "earlier stage": ("stage", "date", "when", "headline", "source"),
    "deadline": ("date", "what", "outcome", "source"),
    "party": ("id", "name", "short", "role", "people"),
    "person": ("id", "name", "title", "aliases"),
    "issue": ("id", "title", "status", "why", "source", "positions"),
    "position": ("party", "stance", "says", "quotes", "events", "source"),
    "quote": ("id", "text", "context", "speaker", "speaker_role", "party", "date", "medium", "reported_by", "source", "issues"),
    "event": ("id", "title", "date", "when", "place", "venue", "format", "parties", "host", "mediator", "participants", "summary", "source"),
    "source": ("id", "outlet", "title", "date", "url", "note", "archive"),
    "capture": ("file", "captured", "sha256", "url", "note"),
}
"""The order of each kind's keys as the editors' guide writes them: where a new key goes."""


def as_value(spec: Spec | None, value: Any) -> Any:
    """What a form or a command gives for a field, as the file should hold it."""
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        return [str(v).strip() for v in value if str(v).strip()]
    if isinstance(value, dt.date):
        value = value.isoformat()
    text = str(value).strip()
    if spec is not None and spec.shape == "date":
        return date_value(text) or ""
    return text


def _file_of(store: ContentStore, target: Target) -> str:
    origin = store.snapshot.origins.get((target.section, target.item_id))
    if origin is None:
        unread = _unread(store)
        why = f"there is no {target.top.noun} '{target.item_id}' in the store"
        where = "quotes/" if target.section == "quotes" else f"{target.section}.yaml"
        raise EditRefused(unread + [Problem(where, 1, 1, why)],
                          "a file could not be read, so the item may be in it" if unread else f"unknown {target.top.noun}")
    return origin.path


def locate(ctx: Context, target: Target) -> tuple:
    """Where `target` stands in the file's data, e.g. ("issues", 2, "positions", 0)."""
    data = ctx.data
    if target.section in ("story", "status"):
        node = data.get(target.section)
        path: tuple = (target.section,)
    else:
        items = data.get(target.section)
        index = next((i for i, item in enumerate(items or []) if isinstance(item, dict) and item.get("id") == target.item_id), None)
        if index is None:
            raise ctx.refuse(f"'{target.item_id}' is no longer in this file; nothing was written")
        node, path = (items or [])[index], (target.section, index)
    for list_field, key in target.nested:
        entries = node.get(list_field) if isinstance(node, dict) else None
        index = next((i for i, e in enumerate(entries or []) if nested_key(list_field, e, i) == key), None)
        if index is None:
            raise ctx.refuse(f"the {target.noun} '{key}' is no longer there; nothing was written")
        node, path = (entries or [])[index], path + (list_field, index)
    if not isinstance(node, dict):
        raise ctx.refuse(f"the {target.noun} is not written as a mapping of fields; fix the file first")
    return path


def append_nested(ctx: Context, owner: Target, list_field: str, new: Fields, item_id: str, required: tuple[str, ...]) -> FileEdit:
    """A new last entry of the list `list_field` inside `owner` (a party's people, the story's
    deadlines, an issue's positions), the list made if it is not there yet."""
    where = locate(ctx, owner)
    holder = _get(ctx.data, where)
    entries = holder.get(list_field)
    if entries is not None and not isinstance(entries, list):
        raise ctx.refuse(f"'{list_field}' of '{owner.item_id}' is not a list; fix the file first")
    splice = ctx.source.append_item(where + (list_field,), new, top_level=False)
    holder[list_field] = (entries or []) + [_data(new)]
    return FileEdit([splice], ctx.data, where + (list_field, len(holder[list_field]) - 1), item_id, required)


def _get(data: Any, path: tuple) -> Any:
    for part in path:
        data = data[part]
    return data


def _required(noun: str) -> tuple[str, ...]:
    return tuple(s.key for s in FIELDS.get(noun, ()) if s.required)


class ItemRequest(Request):
    """A request that can build on earlier plans of the same edit (see `Batch`)."""

    def plan(self, store: ContentStore, expected: Expected, earlier: Sequence[Planned] = ()) -> list[Planned]:
        raise NotImplementedError


@dataclass(frozen=True)
class UpdateItem(ItemRequest):
    """Set some fields of one item; every field not named is kept exactly as written. A value of
    "" or [] removes the field; the fields a kind requires cannot be emptied."""

    target: Target
    values: Mapping[str, Any]
    noun: ClassVar[str] = "item"

    def plan(self, store: ContentStore, expected: Expected, earlier: Sequence[Planned] = ()) -> list[Planned]:
        relative = _file_of(store, self.target)
        noun = self.target.noun
        specs = {s.key: s for s in FIELDS.get(noun, ())}
        wanted = {key: as_value(specs.get(key), value) for key, value in self.values.items()}

        def make(ctx: Context) -> FileEdit:
            where = locate(ctx, self.target)
            splices = update_mapping(ctx.source, where, _get(ctx.data, where), wanted, _ORDER.get(noun, ()))
            if not splices:
                raise EditRefused([Problem(relative, 1, 1, "nothing to change: every field already holds that")], "nothing changed")
            return FileEdit(splices, ctx.data, where, self.target.item_id, _required(noun))

        return _chain(list(earlier), plan(store, relative, expected, make, on_top_of=_earlier(earlier, relative)))

    def describe(self, item_id: str) -> str:
        return f"changed {self._name()}: {', '.join(self.values)}"

    def trimmed(self) -> list[str]:
        return trimmed(dict(self.values))

    def _name(self) -> str:
        if self.target.section in ("story", "status") and not self.target.nested:
            return f"the {self.target.noun}"
        return f"{self.target.noun} {self.target.nested[-1][1] if self.target.nested else self.target.item_id}"


@dataclass(frozen=True)
class RemoveItem(ItemRequest):
    """Take one item out of its file. Refused while other items refer to it (the store would
    no longer check), unless those are removed in the same edit."""

    target: Target
    check_references: bool = True
    noun: ClassVar[str] = "item"

    def plan(self, store: ContentStore, expected: Expected, earlier: Sequence[Planned] = ()) -> list[Planned]:
        if self.target.section in ("story", "status") and not self.target.nested:
            raise EditRefused([Problem(f"{self.target.section}.yaml", 1, 1, f"a store always has {self.target.describe(store.snapshot)}; edit it instead")],
                              "cannot be removed")
        relative = _file_of(store, self.target)
        if self.check_references:
            why = explain(store.snapshot, self.target)
            if why:
                raise EditRefused([Problem(relative, store.snapshot.origins[(self.target.section, self.target.item_id)].line, 1,
                                           why + "; change or remove them first")], "still referred to")

        def make(ctx: Context) -> FileEdit:
            where = locate(ctx, self.target)
            splices = ctx.source.remove_item(where[:-1], where[-1])
            remaining = _get(ctx.data, where[:-1])
            del remaining[where[-1]]
            # Said at the place the item was: the item now there, or the one before it.
            index = min(where[-1], len(remaining) - 1)
            return FileEdit(splices, ctx.data, where[:-1] + ((index,) if index >= 0 else ()), self.target.item_id)

        return _chain(list(earlier), plan(store, relative, expected, make, on_top_of=_earlier(earlier, relative)))

    def describe(self, item_id: str) -> str:
        name = self.target.nested[-1][1] if self.target.nested else self.target.item_id
        return f"removed {self.target.noun} {name}"


def to_fields(item: Mapping[str, Any], order: Sequence[str]) -> Fields:
    """An item as the journal keeps it (JSON) back as fields to write, in the guide's order; empty
    fields are left out, dates and ids written plain."""
    rank = {k: i for i, k in enumerate(order)}
    out: Fields = []
    for key in sorted(item, key=lambda k: rank.get(k, len(rank))):
        value = item[key]
        if value is None or value == "" or value == []:
            continue
        if isinstance(value, list):
            if any(isinstance(v, dict) for v in value):
                out.append((key, [to_fields(v, _ORDER.get(_CHILD.get(key, ""), ())) for v in value if isinstance(v, dict)]))
            else:
                out.append((key, [str(v) for v in value]))
        elif key in ("date", "since", "as_of", "captured"):
            out.append((key, Plain(str(value))))
        else:
            out.append((key, str(value)))
    return out


_CHILD = {"people": "person", "positions": "position", "deadlines": "deadline", "history": "earlier stage", "archive": "capture"}


@dataclass(frozen=True)
class RestoreItem(ItemRequest):
    """Put back an item a change removed, as the journal kept it: in the file it was in, after
    the item it stood after (at the file's end if that one is gone, or where its kind's items are
    now if the file is), or at the end of the list inside the item that held it."""

    target: Target
    item: Mapping[str, Any]
    path: str | None = None
    after: str | None = None
    """The id of the item it stood after, where the file still has that item."""
    noun: ClassVar[str] = "item"

    def plan(self, store: ContentStore, expected: Expected, earlier: Sequence[Planned] = ()) -> list[Planned]:
        noun, order = self.target.noun, _ORDER.get(self.target.noun, ())
        new = to_fields(self.item, order)
        if self.target.nested:
            parent = self.target.parent
            relative = _file_of(store, parent)

            def make(ctx: Context) -> FileEdit:
                list_field, key = self.target.nested[-1]
                entries = _get(ctx.data, locate(ctx, parent)).get(list_field)
                if isinstance(entries, list) and any(nested_key(list_field, e, i) == key for i, e in enumerate(entries)):
                    raise ctx.refuse(f"the {noun} '{key}' is there again; nothing was written")
                return append_nested(ctx, parent, list_field, new, self.target.item_id, _required(noun))
        else:
            section = self.target.section
            if self.target.item_id in {i.id for i in getattr(store.snapshot, section)}:
                why = f"a {noun} with the id '{self.target.item_id}' is in the store again; nothing was written"
                raise EditRefused([Problem(f"{section}.yaml", 1, 1, why)], "already there")
            relative = self.path if self.path and (store.root / self.path).exists() else _last_file(store.snapshot, section, f"{section}.yaml")

            def make(ctx: Context) -> FileEdit:
                return ctx.append(section, new, self.target.item_id, _required(noun), after=self.after if relative == self.path else None)

        return _chain(list(earlier), plan(store, relative, expected, make, section_kind(self.target), on_top_of=_earlier(earlier, relative)))

    def describe(self, item_id: str) -> str:
        return f"put back {self.target.noun} {self.target.nested[-1][1] if self.target.nested else self.target.item_id}"


def section_kind(target: Target) -> str:
    """The header a new file for the target's section would start with."""
    return target.section if target.section in ("events", "sources") and not target.nested else ""


def _data(new: Fields) -> dict:
    from tui.core.edits.field_values import as_data

    return as_data(new)


@dataclass(frozen=True)
class Batch(ItemRequest):
    """Several item edits written as one: all or none, each building on the one before."""

    requests: Sequence[Request] = field(default_factory=tuple)
    summary: str = ""
    noun: ClassVar[str] = "change"

    def plan(self, store: ContentStore, expected: Expected, earlier: Sequence[Planned] = ()) -> list[Planned]:
        plans = list(earlier)
        for request in self.requests:
            if isinstance(request, ItemRequest | AddQuote | AddSource):  # each builds on the plans before it
                plans = request.plan(store, expected, plans)
                continue
            new = request.plan(store, expected)
            if {p.relative for p in new} & {p.relative for p in plans}:
                why = "two parts of this edit would write the same file; make them one at a time"
                raise EditRefused([Problem(new[0].relative, 1, 1, why)], "cannot be made as one edit")
            plans += new
        return plans

    def describe(self, item_id: str) -> str:
        return self.summary or "; ".join(r.describe(item_id) for r in self.requests)


def _append_to_last(store: ContentStore, section: str, default: str) -> str:
    return _last_file(store.snapshot, section, default)


@dataclass(frozen=True)
class AddParty(ItemRequest):
    """A new party, at the end of the file that holds the last party (or `parties.yaml`)."""

    name: str
    role: str
    short: str = ""
    noun: ClassVar[str] = "party"

    def plan(self, store: ContentStore, expected: Expected, earlier: Sequence[Planned] = ()) -> list[Planned]:
        def make(ctx: Context) -> FileEdit:
            item_id = unique(slug(self.short or self.name, words=4) or "party", ctx.taken("parties"))
            new = fields(("id", item_id), ("name", self.name), ("short", self.short), ("role", self.role), required=("name", "role"))
            return ctx.append("parties", new, item_id, ("name", "role"))

        relative = _append_to_last(store, "parties", "parties.yaml")
        return _chain(list(earlier), plan(store, relative, expected, make, on_top_of=_earlier(earlier, relative)))

    def describe(self, item_id: str) -> str:
        return f"added party {item_id}"


@dataclass(frozen=True)
class AddPerson(ItemRequest):
    """A new person of a party, at the end of its `people`."""

    party: str
    name: str
    title: str = ""
    aliases: tuple[str, ...] = ()
    noun: ClassVar[str] = "person"

    def plan(self, store: ContentStore, expected: Expected, earlier: Sequence[Planned] = ()) -> list[Planned]:
        target = Target("parties", self.party)
        relative = _file_of(store, target)
        taken = {person.id for party in store.snapshot.parties for person in party.people}

        def make(ctx: Context) -> FileEdit:
            people = _get(ctx.data, locate(ctx, target)).get("people")
            here = {str(p.get("id")) for p in people if isinstance(p, dict)} if isinstance(people, list) else set()
            person_id = unique(slug(self.name, words=4) or "person", taken | here)
            new = fields(("id", person_id), ("name", self.name), ("title", self.title), ("aliases", list(self.aliases)), required=("name",))
            return append_nested(ctx, target, "people", new, self.party, ("name",))

        return _chain(list(earlier), plan(store, relative, expected, make, on_top_of=_earlier(earlier, relative)))

    def describe(self, item_id: str) -> str:
        return f"added {self.name} to {self.party}"


@dataclass(frozen=True)
class AddIssue(ItemRequest):
    """A new issue, at the end of the file that holds the last issue (or `issues.yaml`)."""

    title: str
    status: str
    why: str = ""
    source: str | None = None
    noun: ClassVar[str] = "issue"

    def plan(self, store: ContentStore, expected: Expected, earlier: Sequence[Planned] = ()) -> list[Planned]:
        def make(ctx: Context) -> FileEdit:
            item_id = unique(slug(self.title, words=4) or "issue", ctx.taken("issues"))
            new = fields(("id", item_id), ("title", self.title), ("status", self.status), ("why", self.why),
                         ("source", self.source), required=("title", "status"))
            return ctx.append("issues", new, item_id, ("title", "status"))

        relative = _append_to_last(store, "issues", "issues.yaml")
        return _chain(list(earlier), plan(store, relative, expected, make, on_top_of=_earlier(earlier, relative)))

    def describe(self, item_id: str) -> str:
        return f"added issue {item_id}"


@dataclass(frozen=True)
class AddDeadline(ItemRequest):
    """A new deadline of the story, at the end of its `deadlines`."""

    date: dt.date | str
    what: str
    outcome: str | None = None
    source: str | None = None
    noun: ClassVar[str] = "deadline"

    def plan(self, store: ContentStore, expected: Expected, earlier: Sequence[Planned] = ()) -> list[Planned]:
        target = Target("story", "story")
        origin = store.snapshot.origins.get(("story", "story"))
        if origin is None:
            why = "no valid 'story:' in the store (peacewatch check says why); add or fix it first"
            raise EditRefused(_unread(store) + [Problem("story.yaml", 1, 1, why)])
        day = date_text(self.date)

        def make(ctx: Context) -> FileEdit:
            new = fields(("date", date_value(day)), ("what", self.what), ("outcome", self.outcome), ("source", self.source),
                         required=("date", "what"))
            return append_nested(ctx, target, "deadlines", new, "story", ("date", "what"))

        relative = origin.path
        return _chain(list(earlier), plan(store, relative, expected, make, on_top_of=_earlier(earlier, relative)))

    def describe(self, item_id: str) -> str:
        return f"added deadline {date_text(self.date)}"
