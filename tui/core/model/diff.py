"""Field-by-field differences between two snapshots, each readable as a line on its own."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from typing import Any

from pydantic_core import to_jsonable_python

from tui.core.model.items import Capture, Deadline, Item, Person, Point, PointCount, Position
from tui.core.model.kinds import BY_SECTION, LIST_SECTIONS, SECTIONS
from tui.core.model.snapshot import Snapshot
from tui.core.model.vocab import Described, DocumentStatus, DocumentType, IssueStatus, Medium, Outcome, PartyRole, PointChange, Stage, Stance
from tui.core.text.safe_text import visible

ADDED, REMOVED, CHANGED = "added", "removed", "changed"
KINDS = SECTIONS
"""Every kind, in the order changes are listed; the same names as `Snapshot.origins` uses."""


# Nested items are matched by what identifies them, so that reordering a list is not a
# change; a type missing here (a status history entry) is matched by its index.
_NATURAL_KEY: dict[type, Callable[[Any], str]] = {
    Position: lambda p: p.party,
    Person: lambda p: p.id,
    Deadline: lambda d: f"{d.date.isoformat()} {d.what}",
    Capture: lambda c: c.sha256,
    Point: lambda p: p.id,
    PointCount: lambda c: f"{c.count} {c.source}",
}
_TOKEN = re.compile(r"[A-Za-z0-9_-]+")


@dataclass(frozen=True)
class Change:
    """One field of one item that was added, removed or changed; values are JSON-safe."""

    kind: str
    """A section name ('quotes', 'issues', …) or 'story' / 'status'."""
    item_id: str
    """The item's id; 'story' and 'status' for those two."""
    field: str
    """Dotted path inside the item, e.g. `positions.russia.stance`; empty for the whole item."""
    op: str
    old: Any = None
    new: Any = None
    path: str | None = None
    """The file the item is defined in (the old file for a removed item)."""
    after: str | None = None
    """For a removed item: the id of the item before it in its file (None if it was the first),
    so that putting it back puts it where it was."""

    def text(self, names: Snapshot | None = None) -> str:
        """The change as one readable line, naming parties and people from `names` where it can."""
        return describe(self, names)

    @property
    def parts(self) -> list[str]:
        return split_field(self.field)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        if data["after"] is None:
            del data["after"]  # kept only where it says something: a removed item's place
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Change:
        fields: dict[str, Any] = {k: data.get(k) for k in ("kind", "item_id", "field", "op", "old", "new", "path", "after")}
        return cls(**fields)


def join_field(parts: Iterable[str]) -> str:
    """Dotted path; a segment that is not a plain token (a deadline's text) goes in JSON brackets."""
    out = ""
    for part in parts:
        if _TOKEN.fullmatch(part):
            out += f".{part}" if out else part
        else:
            out += f"[{json.dumps(part, ensure_ascii=False)}]"
    return out


def split_field(field: str) -> list[str]:
    parts: list[str] = []
    i, decoder = 0, json.JSONDecoder()
    while i < len(field):
        if field[i] == ".":
            i += 1
        elif field[i] == "[":
            value, end = decoder.raw_decode(field, i + 1)
            parts.append(value)
            i = end + 1
        else:
            match = _TOKEN.match(field, i)
            end = match.end() if match else len(field)
            parts.append(field[i:end])
            i = end
    return parts


def _json(value: Any) -> Any:
    return to_jsonable_python(value)


def diff_snapshots(old: Snapshot, new: Snapshot) -> list[Change]:
    """Every change from `old` to `new`, kind by kind; items are matched by id."""
    changes: list[Change] = []
    for kind in ("story", "status"):
        a, b = getattr(old, kind), getattr(new, kind)
        if a is b or a == b:
            continue
        path = _origin(kind, kind, new if b is not None else old)
        if a is None:
            changes.append(Change(kind, kind, "", ADDED, None, _json(b), path))
        elif b is None:
            changes.append(Change(kind, kind, "", REMOVED, _json(a), None, path))
        else:
            _fields(a, b, kind, kind, [], path, changes)
    lineage = new.changes_from(old)
    for kind in LIST_SECTIONS:
        a_items, b_items = getattr(old, kind), getattr(new, kind)
        if a_items is b_items or (lineage is None and a_items == b_items):
            continue
        a_by, b_by = getattr(old, BY_SECTION[kind].by_id), getattr(new, BY_SECTION[kind].by_id)
        if lineage is not None:
            # Made from `old` by a reload: its files' items taken out and put in are the change.
            gone, added = lineage.gone.get(kind, ()), lineage.added.get(kind, ())
        else:
            # Items of files a reload did not re-read are the very same objects: only the others
            # are compared, found by identity at C speed (a save at 50,000 quotes compares 250).
            a_kept, b_kept = set(map(id, a_items)), set(map(id, b_items))
            gone, added = tuple([item for item in a_items if id(item) not in b_kept]), tuple([item for item in b_items if id(item) not in a_kept])
        for item in gone:
            if item.id not in b_by:
                changes.append(Change(kind, item.id, "", REMOVED, _json(item), None, _origin(kind, item.id, old), _before(kind, item.id, old)))
        for item in added:
            before = a_by.get(item.id)
            if before is None:
                changes.append(Change(kind, item.id, "", ADDED, None, _json(item), _origin(kind, item.id, new)))
            elif before is not item and before != item:
                _fields(before, item, kind, item.id, [], _origin(kind, item.id, new), changes)
    return changes


def _before(kind: str, item_id: str, snapshot: Snapshot) -> str | None:
    """The id of the item of `kind` just above this one in its file, from where each stood."""
    origin = snapshot.origins.get((kind, item_id))
    if origin is None:
        return None
    above = [(o.line, key[1]) for key, o in snapshot.origins.items() if key[0] == kind and o.path == origin.path and o.line < origin.line]
    return max(above)[1] if above else None


def _origin(kind: str, item_id: str, snapshot: Snapshot) -> str | None:
    origin = snapshot.origins.get((kind, item_id))
    return origin.path if origin else None


def _fields(a: Item, b: Item, kind: str, item_id: str, prefix: list[str], path: str | None, out: list[Change]) -> None:
    for name in type(a).model_fields:
        x, y = getattr(a, name), getattr(b, name)
        if x is y or x == y:
            continue
        at = [*prefix, name]
        if isinstance(x, list) and isinstance(y, list) and any(isinstance(e, Item) for e in x[:1] + y[:1]):
            _items(x, y, kind, item_id, at, path, out)
        elif isinstance(x, Item) and isinstance(y, Item):
            _fields(x, y, kind, item_id, at, path, out)
        else:
            out.append(Change(kind, item_id, join_field(at), CHANGED, _json(x), _json(y), path))


def _keyed(items: list[Item]) -> dict[str, Item]:
    keyed: dict[str, Item] = {}
    for index, item in enumerate(items):
        key_of = _NATURAL_KEY.get(type(item))
        key = key_of(item) if key_of else str(index)
        # A key used twice (a duplicate the loader already reports) stays distinct by occurrence.
        unique, n = key, 1
        while unique in keyed:
            n += 1
            unique = f"{key}#{n}"
        keyed[unique] = item
    return keyed


def _items(xs: list, ys: list, kind: str, item_id: str, at: list[str], path: str | None, out: list[Change]) -> None:
    before, after = _keyed(xs), _keyed(ys)
    for key, item in before.items():
        if key not in after:
            out.append(Change(kind, item_id, join_field([*at, key]), REMOVED, _json(item), None, path))
    for key, item in after.items():
        old = before.get(key)
        if old is None:
            out.append(Change(kind, item_id, join_field([*at, key]), ADDED, None, _json(item), path))
        elif old != item:
            _fields(old, item, kind, item_id, [*at, key], path, out)


# --- readable lines ---------------------------------------------------------------

_SPACE = re.compile(r"\s+")


def _short(text: str, limit: int = 80) -> str:
    text = _SPACE.sub(" ", text).strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def show(value: Any) -> str:
    """A JSON value as a reader sees it: text quoted only where it has spaces."""
    if value is None:
        return "(none)"
    if value == "" or value == []:
        return "(empty)"
    if isinstance(value, list):
        return ", ".join(show(v) for v in value)
    if isinstance(value, dict):
        return _short(json.dumps(value, ensure_ascii=False))
    text = _short(str(value))
    return f"“{text}”" if " " in text else text


def _list_change(old: list, new: list) -> str:
    gone = [v for v in old if v not in new]
    came = [v for v in new if v not in old]
    if not gone and not came:
        return f"reordered {show(old)} → {show(new)}"
    return " ".join([*(f"+{show(v)}" for v in came), *(f"−{show(v)}" for v in gone)])


def _label(value: Any) -> str:
    return str(value).replace("-", " ") if value else ""


_VOCABULARY_FIELDS: dict[str, tuple[type[Described], ...]] = {
    "stage": (Stage,), "stance": (Stance,), "status": (IssueStatus, DocumentStatus), "role": (PartyRole,), "medium": (Medium,),
    "outcome": (Outcome,), "type": (DocumentType,), "change": (PointChange,),
}


def _word(field: str, value: Any) -> str:
    """A vocabulary word's label, or the value as written if it is not one (or absent)."""
    for vocabulary in _VOCABULARY_FIELDS[field]:
        try:
            return vocabulary(value).label
        except ValueError:
            continue
    return show(value)


def _summary(kind: str, item: dict) -> str:
    """An added or removed item in a few words, from its JSON form."""
    if kind == "parties":
        return f"{item.get('name')} ({_label(item.get('role'))})"
    if kind == "issues":
        return f"{item.get('title')} ({_label(item.get('status'))})"
    if kind == "quotes":
        said = ", ".join(filter(None, [item.get("speaker"), _label(item.get("medium")), item.get("date")]))
        return f"{said}: “{_short(item.get('text') or '', 60)}”"
    if kind == "events":
        when = item.get("date") or item.get("when")
        return f"{item.get('title')}" + (f" ({when})" if when else "")
    if kind == "sources":
        return ", ".join(filter(None, [item.get("outlet"), item.get("title")]))
    if kind == "status":
        return f"{_label(item.get('stage'))}: {item.get('headline')}"
    if kind == "documents":
        return f"{item.get('title')} ({_label(item.get('status'))})"
    if kind == "points":
        return f"point {item.get('number') or item.get('id')}" + (f": “{_short(item.get('says') or '', 60)}”" if item.get("says") else "")
    if kind == "history":
        when = item.get("date") or item.get("when")
        return _label(item.get("stage")) + (f" ({when})" if when else "")
    return str(item.get("title", ""))


def _item_name(change: Change, names: Snapshot | None) -> str:
    """The item as a reader knows it: a party's name, an issue's title, a quote's speaker."""
    if change.kind == "story":
        return "Story"
    if change.kind == "status":
        return "Deal status"
    field = {"parties": "name", "issues": "title", "events": "title", "sources": "outlet", "quotes": "speaker", "documents": "title"}[change.kind]
    current = getattr(names, BY_SECTION[change.kind].by_id).get(change.item_id) if names else None
    name = getattr(current, field, None) or change.item_id
    if change.kind == "quotes":
        return f"Quote by {name} ({change.item_id})"
    return f"{BY_SECTION[change.kind].noun.capitalize()} {name}"


def _party(party_id: str, names: Snapshot | None) -> str:
    party = names.party_by_id.get(party_id) if names else None
    return party.name if party else party_id


def _person(party_id: str, person_id: str, names: Snapshot | None, value: Any) -> str:
    party = names.party_by_id.get(party_id) if names else None
    for person in party.people if party else ():
        if person.id == person_id:
            return person.name
    return value.get("name", person_id) if isinstance(value, dict) else person_id


def describe(change: Change, names: Snapshot | None = None) -> str:
    """One line, readable on its own: "Russia on Territory: stance insists → opposes"."""
    return visible(_SPACE.sub(" ", _describe(change, names)).strip())


def _describe(change: Change, names: Snapshot | None) -> str:
    parts, old, new = change.parts, change.old, change.new
    if not parts:
        noun = BY_SECTION[change.kind].noun
        if change.op == ADDED:
            return f"New {noun}: {_summary(change.kind, new)}"
        return f"Removed {noun}: {_summary(change.kind, old)}"
    subject, lead, rest = _item_name(change, names), "", parts
    whole = new if change.op == ADDED else old
    if change.kind == "issues" and parts[0] == "positions" and len(parts) > 1:
        subject = f"{_party(parts[1], names)} on {_item_name(change, names).removeprefix('Issue ')}"
        if len(parts) == 2:
            return f"{subject}: new position ({_label(new.get('stance'))})" if change.op == ADDED else f"{subject}: position removed"
        rest = parts[2:]
    elif change.kind == "parties" and parts[0] == "people" and len(parts) > 1:
        person = _person(change.item_id, parts[1], names, whole)
        if len(parts) == 2:
            role = f" ({whole.get('title')})" if whole.get("title") else ""
            verb = "new person" if change.op == ADDED else "no longer lists"
            return f"{subject}: {verb} {person}{role}"
        lead, rest = f"{person}'s ", parts[2:]
    elif parts[0] in ("deadlines", "history") and len(parts) > 1:
        what = "deadline" if parts[0] == "deadlines" else "earlier stage"
        if len(parts) == 2:
            detail = parts[1] if parts[0] == "deadlines" else _summary("history", whole)
            return f"{subject}: {'new' if change.op == ADDED else 'removed'} {what} {detail}"
        subject, rest = f"{subject}, {what} {parts[1] if parts[0] == 'deadlines' else int(parts[1]) + 1}", parts[2:]
    elif change.kind == "documents" and parts[0] == "points" and len(parts) > 1:
        if len(parts) == 2:
            if whole.get("change") == "dropped":  # a record of a point the version before had, not a point of this one
                gone = ", ".join(whole.get("earlier") or []) or "?"
                return f"{subject}: {'drops' if change.op == ADDED else 'no longer records dropping'} point {gone} of the version before"
            return f"{subject}: {'new' if change.op == ADDED else 'removed'} {_summary('points', whole)}"
        subject, rest = f"{subject}, point {parts[1]}", parts[2:]
        if len(rest) > 1 and rest[0] == "positions":
            subject = f"{_party(rest[1], names)} on {subject.removeprefix('Document ')}"
            if len(rest) == 2:
                return f"{subject}: {'new stance' if change.op == ADDED else 'stance removed'}"
            rest = rest[2:]
    elif change.kind == "documents" and parts[0] == "positions" and len(parts) > 1:
        subject = f"{_party(parts[1], names)} on {subject.removeprefix('Document ')}"
        if len(parts) == 2:
            return f"{subject}: new stance ({_label(new.get('stance'))})" if change.op == ADDED else f"{subject}: stance removed"
        rest = parts[2:]
    elif change.kind == "sources" and parts[0] == "archive" and len(parts) == 2:
        verb = "archived a copy" if change.op == ADDED else "no longer records the copy"
        return f"{subject}: {verb} {whole.get('file')} (captured {whole.get('captured')})"
    label = lead + " ".join(p.replace("_", " ") for p in rest)
    if isinstance(old, list) and isinstance(new, list):
        return f"{subject}: {label} {_list_change(old, new)}"
    if rest and rest[-1] in _VOCABULARY_FIELDS:
        # A vocabulary word reads as its label: "stage final stages", not "final-stages".
        return f"{subject}: {label} {_word(rest[-1], old)} → {_word(rest[-1], new)}"
    if isinstance(old, str) and isinstance(new, str) and max(len(old), len(new)) > 80:
        before, after = _changed_words(old, new)
        return f"{subject}: {label} “{before}” → “{after}”"
    return f"{subject}: {label} {show(old)} → {show(new)}"


def _changed_words(old: str, new: str, context: int = 3) -> tuple[str, str]:
    """The words that differ between two long texts, with a few words around them: a typo fixed
    in a long quote reads "…Russia had “welcomed” the intial version…" → "…the initial version…",
    not as two identical beginnings cut at 80 characters."""
    a, b = old.split(), new.split()
    head = 0
    while head < min(len(a), len(b)) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    start = max(head - context, 0)

    def part(words: list[str]) -> str:
        stop = min(len(words) - tail + context, len(words))
        text = " ".join(words[start:stop])
        return ("…" if start else "") + _short(text, 70) + ("…" if stop < len(words) else "")

    return part(a), part(b)
