"""What the store checks of its documents beyond each field: a point's lineage told the same way
the vocabulary means it, one id per point, one stance per party, and `earlier` naming points the
superseded version really has.

The lineage check spans files (a draft may sit in another file than the version it supersedes),
so it runs over every document on each merge: a story has a handful of documents, not thousands.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from tui.core.model.items import ContentFile, Document, Point, Position

Loc = tuple[str | int, ...]


def document_references(content: ContentFile, kind: str, known: Any) -> Iterator[tuple[str, Loc]]:
    """Every reference of `kind` the file's documents make to an id not in `known`."""
    for n, document in enumerate(content.documents):
        at: Loc = ("documents", n)
        if kind == "source":
            yield from _missing([(document.source, (*at, "source"))], known)
            yield from _missing([(c.source, (*at, "point_counts", i, "source")) for i, c in enumerate(document.point_counts)], known)
            yield from _missing([(p.source, (*at, "points", i, "source")) for i, p in enumerate(document.points)], known)
        elif kind == "party":
            yield from _missing([(ref, (*at, "presented_by", j)) for j, ref in enumerate(document.presented_by)], known)
        elif kind == "issue":
            yield from _missing([(ref, (*at, "points", i, "issues", j)) for i, p in enumerate(document.points)
                                 for j, ref in enumerate(p.issues)], known)
        elif kind == "document" and document.supersedes is not None:
            yield from _missing([(document.supersedes, (*at, "supersedes"))], known)
        for where, positions in _stances(document, at):
            yield from _position_references(positions, where, kind, known)


def _stances(document: Document, at: Loc) -> Iterator[tuple[Loc, list[Position]]]:
    yield (*at, "positions"), document.positions
    for i, point in enumerate(document.points):
        yield (*at, "points", i, "positions"), point.positions


def _position_references(positions: list[Position], at: Loc, kind: str, known: Any) -> Iterator[tuple[str, Loc]]:
    for i, position in enumerate(positions):
        if kind == "source" and position.source is not None:
            yield from _missing([(position.source, (*at, i, "source"))], known)
        elif kind == "party":
            yield from _missing([(position.party, (*at, i, "party"))], known)
        elif kind in ("quote", "event"):
            field = "quotes" if kind == "quote" else "events"
            yield from _missing([(ref, (*at, i, field, j)) for j, ref in enumerate(getattr(position, field))], known)


def _missing(refs: Iterable[tuple[str | None, Loc]], known: Any) -> Iterator[tuple[str, Loc]]:
    return ((ref, loc) for ref, loc in refs if ref is not None and ref not in known)


_HOW_MANY = {"same": 1, "reworded": 1, "dropped": 1}


def point_problems(content: ContentFile) -> list[tuple[Loc, str]]:
    """Within one file: each document's points told consistently (where, and what is wrong)."""
    found: list[tuple[Loc, str]] = []
    for n, document in enumerate(content.documents):
        seen: set[str] = set()
        for i, point in enumerate(document.points):
            at: Loc = ("documents", n, "points", i)
            if point.id in seen:
                found.append(((*at, "id"), f"a second point '{point.id}' in {document.id}; each point's id is its own"))
            seen.add(point.id)
            found += _lineage(point, at, document)
        for where, positions in _stances(document, ("documents", n)):
            parties: set[str] = set()
            for i, position in enumerate(positions):
                if position.party in parties:
                    found.append(((*where, i, "party"), f"a second stance of {position.party} here; keep one per party"))
                parties.add(position.party)
    return found


def _lineage(point: Point, at: Loc, document: Document) -> list[tuple[Loc, str]]:
    change = point.change.value if point.change else None
    if point.earlier and document.supersedes is None:
        return [((*at, "earlier"), f"'earlier' names points of the version before, but {document.id} supersedes no document; "
                                   "add 'supersedes' or remove 'earlier'")]
    if change is None:
        return []
    if change == "new" and point.earlier:
        return [((*at, "earlier"), "a new point comes from no earlier point; remove 'earlier' or choose another change")]
    if change in _HOW_MANY and len(point.earlier) != 1:
        what = "records the one point of the version before that it drops" if change == "dropped" else \
            "comes from one point of the version before"
        return [((*at, "change"), f"a {change} point {what}: give exactly that one in 'earlier' ({len(point.earlier)} given)")]
    if change == "merged" and len(point.earlier) < 2:
        return [((*at, "change"), "a merged point comes from two or more points of the version before: give them all in 'earlier'")]
    if change != "dropped" and not point.says.strip():
        return [((*at, "says"), "say what the point says, as the sources put it")]
    return []


def lineage_problems(documents: Mapping[str, Document]) -> list[tuple[str, Loc, str]]:
    """Across files: (document id, where in it, what is wrong) for each `earlier` naming a point the
    superseded version does not have, and each chain of versions that comes back on itself."""
    found: list[tuple[str, Loc, str]] = []
    for document in documents.values():
        before = documents.get(document.supersedes) if document.supersedes else None
        if before is not None:
            ids = {p.id for p in before.points}
            for i, point in enumerate(document.points):
                for j, ref in enumerate(point.earlier):
                    if ref not in ids:
                        have = ", ".join(sorted(ids)[:8]) or "none yet"
                        found.append((document.id, ("points", i, "earlier", j),
                                      f"{before.id} has no point '{ref}'; its points: {have}"))
        seen, step = {document.id}, before
        while step is not None and step.supersedes:
            if step.supersedes in seen:
                found.append((document.id, ("supersedes",), f"the versions of {document.id} come back to {step.supersedes}; "
                                                            "a version cannot supersede a later one"))
                break
            seen.add(step.id)
            step = documents.get(step.supersedes)
    return found
