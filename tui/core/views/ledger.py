"""The ledger: the texts of the talks in the order they replaced each other, and how each point's
words changed from one version to the next.

Plain data, free of Textual and Rich: the dashboard's ledger (`D`) and an issue's full view draw
it; what goes in which order, which point a later one comes from and which words changed are
decided (and tested) here.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tui.core.model.vocab import PointChange

if TYPE_CHECKING:
    from tui.core.model.items import Document, Point
    from tui.core.model.snapshot import Snapshot
    from tui.core.text.problems import Problem


def lineages(snapshot: Snapshot) -> list[list[Document]]:
    """Each chain of versions, oldest first, chains in the file order of their oldest document.

    A document whose `supersedes` names no document of the store starts a chain of its own; two
    versions replacing the same one both follow it (each with its own later versions after it),
    so no document is shown twice or left out, even where `supersedes` goes round in a circle."""
    documents = snapshot.documents
    known = {d.id for d in documents}
    later: dict[str, list[Document]] = {}
    for document in documents:
        if document.supersedes in known and document.supersedes != document.id:
            later.setdefault(str(document.supersedes), []).append(document)
    placed: set[str] = set()

    def chain(first: Document) -> list[Document]:
        out, stack = [], [first]
        while stack:
            document = stack.pop()
            if document.id in placed:
                continue
            placed.add(document.id)
            out.append(document)
            stack.extend(reversed(later.get(document.id, [])))
        return out

    chains = [chain(d) for d in documents if d.supersedes not in known or d.supersedes == d.id]
    # What is left goes round in a circle: each such chain starts at its first document in the file.
    chains += [chain(d) for d in documents if d.id not in placed]
    return chains


def earlier_document(snapshot: Snapshot, document: Document) -> Document | None:
    """The version `document` supersedes, if the store holds it."""
    return snapshot.document_by_id.get(document.supersedes) if document.supersedes else None


def later_documents(snapshot: Snapshot, document: Document) -> list[Document]:
    """The versions that supersede `document`, in file order."""
    return [d for d in snapshot.documents if d.supersedes == document.id and d.id != document.id]


@dataclass(frozen=True)
class Piece:
    """A run of words of a word diff: `same`, `removed` (only in the earlier words) or `added`."""

    kind: str
    words: str


_WORD = re.compile(r"\S+")


def word_diff(before: str, after: str) -> list[Piece]:
    """How the words changed from `before` to `after`, word by word (spacing and line breaks are not
    changes): runs of words kept, removed and added, in reading order, a removal before its replacement."""
    old, new = _WORD.findall(before), _WORD.findall(after)
    pieces: list[Piece] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pieces.append(Piece("same", " ".join(old[i1:i2])))
            continue
        if i2 > i1:
            pieces.append(Piece("removed", " ".join(old[i1:i2])))
        if j2 > j1:
            pieces.append(Piece("added", " ".join(new[j1:j2])))
    return pieces


@dataclass(frozen=True)
class Version:
    """One version of a point: the document, the point there, the points of the version before it
    comes from, and how its words changed from them (None where there is nothing to compare)."""

    document: Document
    point: Point
    earlier: tuple[Point, ...] = ()
    """The superseded version's points this one names in `earlier` (the dropped one, for a dropped point)."""
    missing: tuple[str, ...] = ()
    """Ids in `earlier` the superseded version does not hold."""
    diff: tuple[Piece, ...] | None = None

    @property
    def dropped(self) -> bool:
        return self.point.change == PointChange.DROPPED


def _version(snapshot: Snapshot, document: Document, point: Point) -> Version:
    before = earlier_document(snapshot, document)
    by_id = {p.id: p for p in before.points} if before is not None else {}
    earlier = tuple(by_id[i] for i in point.earlier if i in by_id)
    missing = tuple(i for i in point.earlier if i not in by_id)
    diff = None
    if len(earlier) == 1 and point.change not in (PointChange.DROPPED, PointChange.NEW):
        diff = tuple(word_diff(earlier[0].says, point.says))
    return Version(document, point, earlier, missing, diff)


def point_history(snapshot: Snapshot, document_id: str, point_id: str) -> list[Version]:
    """The point's versions, oldest first: back through the points it comes from (the first named,
    where it merges several; the others are listed on its version), then forward through the later
    versions' points that come from it (a dropped one ends it). Empty if there is no such point."""
    document = snapshot.document_by_id.get(document_id)
    point = next((p for p in document.points if p.id == point_id), None) if document is not None else None
    if document is None or point is None:
        return []
    seen = {(document.id, point.id)}
    back: list[Version] = []
    current = _version(snapshot, document, point)
    while current.earlier and current.point.change != PointChange.NEW:
        before = earlier_document(snapshot, current.document)
        assert before is not None  # it holds the earlier points
        first = current.earlier[0]
        if (before.id, first.id) in seen:
            break
        seen.add((before.id, first.id))
        current = _version(snapshot, before, first)
        back.append(current)
    history = [*reversed(back), _version(snapshot, document, point)]
    at_doc, at_point = document, point
    while at_point.change != PointChange.DROPPED:
        following = next(((d, p) for d in later_documents(snapshot, at_doc) for p in d.points if at_point.id in p.earlier), None)
        if following is None or (following[0].id, following[1].id) in seen:
            break
        at_doc, at_point = following
        seen.add((at_doc.id, at_point.id))
        history.append(_version(snapshot, at_doc, at_point))
    return history


def point_label(point: Point) -> str:
    """"Point 12" where the sources number it, else its id."""
    return f"Point {point.number}" if point.number else point.id


def document_label(document: Document) -> str:
    """Its title, with its version where it has one: "Trump’s peace plan (initial)"."""
    return f"{document.title} ({document.version})" if document.version else document.title


def points_for_issue(snapshot: Snapshot, issue_id: str) -> list[tuple[Document, Point]]:
    """Every point of every document that touches the issue, documents in ledger order."""
    return [(d, p) for chain in lineages(snapshot) for d in chain for p in d.points if issue_id in p.issues]


def earlier_choices(snapshot: Snapshot, document_id: str) -> Sequence[Point]:
    """The points a point of `document_id` may come from: those of the version it supersedes."""
    document = snapshot.document_by_id.get(document_id)
    before = earlier_document(snapshot, document) if document is not None else None
    return before.points if before is not None else ()


def document_problems(snapshot: Snapshot, problems: Sequence[Problem]) -> tuple[list[Problem], dict[str, list[Problem]]]:
    """The problems in the files that hold documents (those named documents*, and any a document is
    defined in), and each by the document it falls in: the one whose entry starts last before its
    line. A file the store could not read holds no documents to blame, so its problems are in the
    first list only. The ledger shows what it can of a broken text; these say it is broken."""
    starts: dict[str, list[tuple[int, str]]] = {}
    for document in snapshot.documents:
        origin = snapshot.origins.get(("documents", document.id))
        if origin is not None:
            starts.setdefault(origin.path, []).append((origin.line, document.id))
    found = [p for p in problems if p.path in starts or p.path.split("/")[0].startswith("documents")]
    by_document: dict[str, list[Problem]] = {}
    for problem in found:
        before = [(line, ident) for line, ident in starts.get(problem.path, []) if line <= problem.line]
        if before:
            by_document.setdefault(max(before)[1], []).append(problem)
    return found, by_document
