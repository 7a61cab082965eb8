"""What refers to an item: the quotes, events and positions a removal would leave pointing at nothing.

Light (no pydantic): the UI reads it to say, before anything is removed, what else would have to change.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from tui.core.model.people import people_index, resolve
from tui.core.model.targets import Target


@dataclass(frozen=True)
class Reference:
    """One item that cites another: its kind ("quote", "position"...) and how to find it."""

    noun: str
    label: str
    """Its id, or "Russia on Territory" for a position."""


def references(snapshot: Any, target: Target) -> list[Reference]:
    """Every item in the store that names `target` (a source, party, issue, quote or event) by id."""
    if target.nested:
        return _naming_person(snapshot, target) + _naming_point(snapshot, target)
    found: list[Reference] = []
    key, section = target.item_id, target.section
    status = snapshot.status
    story = snapshot.story
    for quote in snapshot.quotes:
        if (section == "sources" and quote.source == key) or (section == "parties" and quote.party == key) or (
            section == "issues" and key in quote.issues
        ):
            found.append(Reference("quote", quote.id))
    for event in snapshot.events:
        if (section == "sources" and event.source == key) or (
            section == "parties" and (key in event.parties or key in (event.host, event.mediator))
        ):
            found.append(Reference("event", event.id))
    for issue in snapshot.issues:
        if section == "sources" and issue.source == key:
            found.append(Reference("issue", issue.id))
        for position in issue.positions:
            if (
                (section == "sources" and position.source == key)
                or (section == "parties" and position.party == key)
                or (section == "quotes" and key in position.quotes)
                or (section == "events" and key in position.events)
            ):
                found.append(Reference("position", f"{snapshot.party_name(position.party)} on {issue.title}"))
    for document in getattr(snapshot, "documents", ()):
        found += _document_references(document, section, key)
    if section == "sources" and status is not None:
        if status.source == key:
            found.append(Reference("deal status", "the current stage"))
        found += [Reference("earlier stage", entry.stage) for entry in status.history if entry.source == key]
    if section == "sources" and story is not None:
        found += [Reference("deadline", deadline.what) for deadline in story.deadlines if deadline.source == key]
    return found


def _document_references(document: Any, section: str, key: str) -> list[Reference]:
    """What in one document names `key`: the document itself, its points, its stances."""
    found: list[Reference] = []
    if (section == "sources" and (document.source == key or any(c.source == key for c in document.point_counts))) \
            or (section == "parties" and key in document.presented_by) or (section == "documents" and document.supersedes == key):
        found.append(Reference("document", document.id))
    for point in document.points:
        if (section == "sources" and point.source == key) or (section == "issues" and key in point.issues):
            found.append(Reference("point", f"{document.id} point {point.number or point.id}"))
    stances = [(document.title, p) for p in document.positions] + [
        (f"{document.id} point {point.number or point.id}", p) for point in document.points for p in point.positions]
    for label, position in stances:
        if (section == "sources" and position.source == key) or (section == "parties" and position.party == key) \
                or (section == "quotes" and key in position.quotes) or (section == "events" and key in position.events):
            found.append(Reference("stance", f"{position.party} on {label}"))
    return found


def _naming_person(snapshot: Any, target: Target) -> list[Reference]:
    """The events that name a person (a party's people) among their participants."""
    if target.nested[0][0] != "people" or len(target.nested) != 1:
        return []
    index = people_index(snapshot.parties)
    full = f"{target.item_id}/{target.nested[0][1]}"
    return [Reference("event", event.id) for event in snapshot.events if any(resolve(index, ref) == full for ref in event.participants)]


def _naming_point(snapshot: Any, target: Target) -> list[Reference]:
    """The points of later versions that name a point in `earlier`: removing it would leave them
    naming a point their version before does not have, which the store's check refuses."""
    if target.section != "documents" or len(target.nested) != 1 or target.nested[0][0] != "points":
        return []
    point = target.nested[0][1]
    return [Reference("point", f"{d.id} point {p.number or p.id}") for d in getattr(snapshot, "documents", ())
            if d.supersedes == target.item_id and d.id != target.item_id for p in d.points if point in p.earlier]


_PLURALS = {"deal status": "deal status", "earlier stage": "earlier stages", "story": "story"}


def counted(found: list[Reference]) -> str:
    """"2 quotes and 1 position" from a list of references."""
    counts = Counter(ref.noun for ref in found)
    parts = [f"{n} {noun if n == 1 else _PLURALS.get(noun, noun + 's')}" for noun, n in counts.items()]
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def verb(target: Target) -> str:
    """How the referring items relate to the target: they cite a source, quote a party..."""
    if target.nested and target.nested[-1][0] == "points":
        return "come from"
    if target.nested:
        return "name"  # a person among participants
    return {"sources": "cite", "parties": "name", "issues": "bear on", "quotes": "cite", "events": "cite", "documents": "supersede"}.get(target.section, "name")


def explain(snapshot: Any, target: Target, limit: int = 6) -> str:
    """"2 quotes and 1 position cite this source: lavrov-…, …" or "" if nothing refers to it."""
    found = references(snapshot, target)
    if not found:
        return ""
    shown = ", ".join(ref.label for ref in found[:limit]) + (f", and {len(found) - limit} more" if len(found) > limit else "")
    plural = len(found) > 1 or found[0].noun in ("deal status",)
    head, _, tail = verb(target).partition(" ")
    what = verb(target) if plural else " ".join(filter(None, [head + "s", tail]))
    return f"{counted(found)} {what} this {target.noun}: {shown}"
