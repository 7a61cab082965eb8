"""The story as tables with a codebook: a Frictionless Data Package (one CSV a table and a
`datapackage.json` whose schema describes every field and every vocabulary word), for analysts'
own tools. Every cell is what the store holds, as text; lists are joined with "; "."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from tui.core.model.snapshot import Snapshot
from tui.core.model.vocab import Described, DocumentStatus, DocumentType, IssueStatus, Medium, MeetingFormat, Outcome, PartyRole, PointChange, Stance

Row = dict[str, Any]


@dataclass(frozen=True)
class Column:
    name: str
    description: str
    kind: str = "string"
    """Its type in the package's schema: string, date."""
    vocab: type[Described] | None = None
    required: bool = False
    get: Callable[[Any], Any] | None = None
    """How to read it from an item (default: the attribute of that name)."""

    def field(self) -> dict[str, Any]:
        """The column in the package's schema: its type, what it holds, and its vocabulary's words."""
        described = self.description
        field: dict[str, Any] = {"name": self.name, "type": self.kind, "description": described}
        constraints: dict[str, Any] = {}
        if self.vocab is not None:
            constraints["enum"] = [word.value for word in self.vocab]
            field["description"] = described + " One of: " + "; ".join(f"{w.value}: {w.description}" for w in self.vocab)
        if self.required:
            constraints["required"] = True
        if constraints:
            field["constraints"] = constraints
        return field


def _joined(values: Iterable[Any]) -> str:
    return "; ".join(str(v) for v in values)


TABLES: dict[str, tuple[str, tuple[Column, ...]]] = {
    "parties": ("The parties to the talks: countries, organisations, outlets with a part in the story.", (
        Column("id", "The party's id, unique among parties.", required=True),
        Column("name", "Its name.", required=True),
        Column("short", "A short name for narrow columns."),
        Column("role", "Its part in the story.", vocab=PartyRole, required=True),
    )),
    "people": ("The people who speak or act for a party.", (
        Column("id", "The person's id, unique among people.", required=True),
        Column("party", "The id of the party they speak or act for (parties.id).", required=True),
        Column("name", "Their name.", required=True),
        Column("title", "Their title or role, as the sources give it."),
        Column("aliases", "Other names and spellings the sources give them, separated by '; '."),
    )),
    "sources": ("Where every fact and quote comes from.", (
        Column("id", "The source's id, unique among sources.", required=True),
        Column("outlet", "Who published it.", required=True),
        Column("title", "The headline, exactly as published."),
        Column("date", "Its publication date, where it gives one.", "date"),
        Column("url", "The address it was seen at; never guessed."),
        Column("archived", "The SHA-256 of each archived copy of it kept in the store, separated by '; '.",
               get=lambda s: _joined(c.sha256 for c in s.archive)),
    )),
    "quotes": ("What was said, word for word, with who said it, where, and who reported it.", (
        Column("id", "The quote's id, unique among quotes.", required=True),
        Column("text", "The words inside the quotation marks, exactly as the source prints them.", required=True),
        Column("context", "For a quoted fragment: the source's surrounding sentence, verbatim."),
        Column("speaker", "Who said it; an unnamed speaker as the source describes them.", required=True),
        Column("speaker_role", "Their title or role, as the source gives it."),
        Column("party", "The id of the party they speak for (parties.id)."),
        Column("date", "When it was said, only where the source dates it.", "date"),
        Column("medium", "Where it was said.", vocab=Medium, required=True),
        Column("reported_by", "How the words reached the source, step by step, separated by '; '."),
        Column("source", "The id of the source (sources.id).", required=True),
        Column("issues", "The ids of the issues it bears on (issues.id), separated by '; '."),
    )),
    "issues": ("The open questions of the talks.", (
        Column("id", "The issue's id, unique among issues.", required=True),
        Column("title", "What it is about.", required=True),
        Column("status", "Where the talks stand on it.", vocab=IssueStatus, required=True),
        Column("why", "Why it matters, as the sources put it."),
        Column("source", "The id of the source (sources.id)."),
    )),
    "positions": ("Each party's stance on each issue.", (
        Column("issue", "The id of the issue (issues.id).", required=True),
        Column("party", "The id of the party (parties.id).", required=True),
        Column("stance", "Its stance on the issue.", vocab=Stance, required=True),
        Column("says", "What it says, as the sources put it."),
        Column("quotes", "The ids of the quotes that back it (quotes.id), separated by '; '."),
        Column("events", "The ids of the events that back it (events.id), separated by '; '."),
        Column("source", "The id of the source (sources.id)."),
    )),
    "events": ("What happened, and when.", (
        Column("id", "The event's id, unique among events.", required=True),
        Column("title", "What happened, in one line.", required=True),
        Column("date", "When, where the sources give a date.", "date"),
        Column("when", "When, in the sources' own words, where there is no exact date."),
        Column("place", "Where, as the sources name it: the city or country."),
        Column("venue", "For a meeting: the building or room it was held in, as the sources name it."),
        Column("format", "For a meeting: how they met.", vocab=MeetingFormat),
        Column("parties", "The ids of the parties taking part (parties.id), separated by '; '."),
        Column("host", "For a meeting: the id of the party that hosted it (parties.id)."),
        Column("mediator", "For a meeting: the id of the party that mediated it (parties.id)."),
        Column("participants", "For a meeting: the people at it, each as PARTY/PERSON (people.party/people.id), "
               "or the person's id alone where only one party has it, separated by '; '."),
        Column("summary", "What happened, from the sources."),
        Column("source", "The id of the source (sources.id).", required=True),
    )),
    "deadlines": ("The dates the story counts down to.", (
        Column("date", "The deadline's date.", "date", required=True),
        Column("what", "What is due.", required=True),
        Column("outcome", "Once past: whether it was met, as the sources say.", vocab=Outcome),
        Column("source", "The id of the source (sources.id)."),
    )),
    "documents": ("The texts of the talks (plans, drafts, frameworks), each version its own row.", (
        Column("id", "The document's id, unique among documents.", required=True),
        Column("title", "Its title, as the sources name it.", required=True),
        Column("type", "What kind of text it is.", vocab=DocumentType, required=True),
        Column("version", "Its version, as the sources name it."),
        Column("supersedes", "The id of the earlier version it replaces (documents.id)."),
        Column("presented_by", "The ids of the parties that presented it (parties.id), separated by '; '."),
        Column("status", "Where it stands.", vocab=DocumentStatus, required=True),
        Column("date", "Its date, where the sources give one.", "date"),
        Column("when", "When, in the sources' own words, where there is no exact date."),
        Column("summary", "What the sources say of it as a whole."),
        Column("point_counts", "How many points each source says it has, as 'COUNT (source id)', separated by '; '.",
               get=lambda d: _joined(f"{c.count} ({c.source})" for c in d.point_counts)),
        Column("source", "The id of the source (sources.id).", required=True),
    )),
    "points": ("The points of each document, as the sources put them, and where each came from in the version before.", (
        Column("document", "The id of the document (documents.id).", required=True, get=lambda dp: dp[0].id),
        Column("id", "The point's id, unique within its document.", required=True, get=lambda dp: dp[1].id),
        Column("number", "Its number in the document, where the sources give one.", get=lambda dp: dp[1].number),
        Column("says", "What it says, as the sources put it (empty for a dropped point).", get=lambda dp: dp[1].says),
        Column("issues", "The ids of the issues it touches (issues.id), separated by '; '.", get=lambda dp: dp[1].issues),
        Column("status", "How close the parties are on it.", vocab=IssueStatus, get=lambda dp: dp[1].status),
        Column("change", "How it came from the version the document supersedes.", vocab=PointChange, get=lambda dp: dp[1].change),
        Column("earlier", "The ids of the points of the superseded version it comes from (points.id of that document), "
                          "separated by '; '.", get=lambda dp: dp[1].earlier),
        Column("source", "The id of the source (sources.id).", get=lambda dp: dp[1].source),
    )),
    "document_stances": ("Each party's stance on a document as a whole, or on one of its points.", (
        Column("document", "The id of the document (documents.id).", required=True, get=lambda s: s[0]),
        Column("point", "The id of the point (points.id), empty for a stance on the whole document.", get=lambda s: s[1]),
        Column("party", "The id of the party (parties.id).", required=True, get=lambda s: s[2].party),
        Column("stance", "Its stance.", vocab=Stance, required=True, get=lambda s: s[2].stance),
        Column("says", "What it says, as the sources put it.", get=lambda s: s[2].says),
        Column("quotes", "The ids of the quotes that back it (quotes.id), separated by '; '.", get=lambda s: s[2].quotes),
        Column("source", "The id of the source (sources.id).", get=lambda s: s[2].source),
    )),
}
"""Each table: what it holds, and its columns in order (the codebook)."""


KEYS: dict[str, tuple[str, ...]] = {
    "parties": ("id",), "people": ("party", "id"), "sources": ("id",), "quotes": ("id",), "issues": ("id",),
    "positions": ("issue", "party"), "events": ("id",), "documents": ("id",), "points": ("document", "id"),
}
"""Each table's primary key: what names one row (a person by party and id, a point by document and id)."""

REFERS: dict[str, tuple[tuple[str, str], ...]] = {
    "people": (("party", "parties"),),
    "quotes": (("party", "parties"), ("source", "sources")),
    "issues": (("source", "sources"),),
    "positions": (("issue", "issues"), ("party", "parties"), ("source", "sources")),
    "events": (("host", "parties"), ("mediator", "parties"), ("source", "sources")),
    "deadlines": (("source", "sources"),),
    "documents": (("supersedes", "documents"), ("source", "sources")),
    "points": (("document", "documents"), ("source", "sources")),
    "document_stances": (("document", "documents"), ("party", "parties"), ("source", "sources")),
}
"""The columns holding one id of another table, as foreign keys: a validator checks every one names a row
(lists joined with "; " cannot be keys and are described in words)."""


def _schema(table: str, columns: tuple[Column, ...]) -> dict[str, Any]:
    schema: dict[str, Any] = {"fields": [column.field() for column in columns]}
    if table in KEYS:
        schema["primaryKey"] = list(KEYS[table])
    if table in REFERS:
        # A table naming its own rows (a document superseding another) is the resource "" in the spec.
        schema["foreignKeys"] = [{"fields": field, "reference": {"resource": "" if other == table else other, "fields": "id"}}
                                 for field, other in REFERS[table]]
    return schema


def _items(snapshot: Snapshot, table: str) -> list[Any]:
    if table == "people":
        return [(party, person) for party in snapshot.parties for person in party.people]
    if table == "positions":
        return [(issue, position) for issue in snapshot.issues for position in issue.positions]
    if table == "deadlines":
        return list(snapshot.story.deadlines) if snapshot.story else []
    if table == "points":
        return [(document, point) for document in snapshot.documents for point in document.points]
    if table == "document_stances":
        return [(d.id, "", p) for d in snapshot.documents for p in d.positions] + [
            (d.id, point.id, p) for d in snapshot.documents for point in d.points for p in point.positions]
    return list(getattr(snapshot, table))


def _cell(item: Any, column: Column) -> str:
    if column.get is not None:
        value = column.get(item)
    else:
        value = getattr(item, column.name, None)
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return _joined(value)
    return str(getattr(value, "value", value))


def rows(snapshot: Snapshot, table: str) -> list[list[str]]:
    """The table's rows, each cell as text, in the store's order."""
    columns = TABLES[table][1]
    out = []
    for item in _items(snapshot, table):
        if table == "people":
            party, person = item
            out.append([person.id, party.id, person.name, person.title, _joined(getattr(person, "aliases", []) or [])])
        elif table == "positions":
            issue, position = item
            out.append([issue.id, position.party, position.stance.value, position.says, _joined(position.quotes),
                        _joined(position.events), position.source or ""])
        else:
            out.append([_cell(item, column) for column in columns])
    return out


def data_package(snapshot: Snapshot, name: str) -> dict[str, bytes]:
    """The package's files by name: `datapackage.json` and one CSV a table (UTF-8, a header row)."""
    files: dict[str, bytes] = {}
    resources = []
    for table, (description, columns) in TABLES.items():
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow([column.name for column in columns])
        writer.writerows(rows(snapshot, table))
        files[f"{table}.csv"] = buffer.getvalue().encode("utf-8")
        resources.append({
            "name": table, "path": f"{table}.csv", "profile": "tabular-data-resource", "format": "csv", "mediatype": "text/csv",
            "encoding": "utf-8", "description": description, "schema": _schema(table, columns),
        })
    story = snapshot.story
    package = {
        "profile": "tabular-data-package",
        "name": name,
        "title": story.title if story else name,
        "description": (story.covers if story and story.covers else "") + " Exported by peacewatch: every cell as the story's files hold it.",
        "resources": resources,
    }
    files["datapackage.json"] = (json.dumps(package, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    return files
