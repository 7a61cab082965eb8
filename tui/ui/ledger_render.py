"""Rich Text for the ledger (`D`) and for the points an issue's full view lists: what
`tui.core.views.ledger` works out, drawn.

A word diff shows removed words struck through in the theme's error colour and added words
underlined in its success colour: the colour is never the only sign, so it reads in any theme
and on a monochrome terminal.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.text import Text

from tui.core.views.ledger import Piece, Version, document_label, earlier_document, later_documents, point_history, point_label, points_for_issue
from tui.core.views.timefmt import day
from tui.ui.palette import Palette
from tui.ui.render import _field, _position_block, relative_when, source_line, v

if TYPE_CHECKING:
    from tui.core.model.items import Document, Point, Position
    from tui.core.model.snapshot import Snapshot
    from tui.core.text.problems import Problem


def removed_style(palette: Palette) -> str:
    return f"strike {palette.error}"


def added_style(palette: Palette) -> str:
    return f"underline {palette.success}"


def diff_text(pieces: Sequence[Piece], palette: Palette) -> Text:
    """The words as they read now, with what was taken out struck and what was put in underlined."""
    styles = {"same": "", "removed": removed_style(palette), "added": added_style(palette)}
    text = Text()
    for index, piece in enumerate(pieces):
        if index:
            text.append(" ")
        text.append(v(piece.words), styles[piece.kind])
    return text


def when(document: Document, snapshot: Snapshot) -> str:
    """Its date, else the sources' words pinned to its source's date, else nothing."""
    return day(document.date) if document.date else relative_when(document.when, document.source, snapshot)


def _outlet(source_id: str | None, snapshot: Snapshot) -> str:
    source = snapshot.source_by_id.get(source_id or "")
    return v(source.outlet) if source is not None else v(source_id)


def short_source(source_id: str | None, snapshot: Snapshot) -> Text:
    """A source in one breath: outlet, title, date (its notes are in its own view)."""
    source = snapshot.source_by_id.get(source_id or "")
    if source is None:
        return source_line(source_id, snapshot)
    text = Text(v(source.outlet), style="bold")
    if source.title:
        text.append(f" — “{v(source.title)}”")
    if source.date:
        text.append(f" ({day(source.date)})", "dim")
    return text


def counts(document: Document, snapshot: Snapshot) -> str:
    """"28 points (Meduza)": each count with the outlet that gives it."""
    return " · ".join(f"{c.count} points ({_outlet(c.source, snapshot)})" for c in document.point_counts)


def problems_line(found: Sequence[Problem]) -> Text:
    """The ledger's banner: how many problems the documents' files have, in which, and the first (cut
    on a narrow screen, app.tcss); unlike the dashboard's, it does not say they are left out: the ledger shows them as written."""
    files = sorted({p.path for p in found})
    count = len(found)
    head = Text.assemble((f" ⚠ {count} problem{'s' if count != 1 else ''} in {v(', '.join(files))} ", "bold reverse"),
                         ("  ! lists them; ⚠ marks the documents", "italic"), no_wrap=True, overflow="ellipsis")
    if not found:
        return head
    first = found[0]
    return Text.assemble(head, "\n", ("  " + v(f"{first.path}:{first.line}:{first.column}"), "bold"), ": ", v(first.message),
                         no_wrap=True, overflow="ellipsis")


def document_row(document: Document, snapshot: Snapshot, palette: Palette, first: bool, problems: int = 0) -> list[Text]:
    """Two lines: the title and where it stands; then version, type, when, who presented it, its
    counts of points and its source. The first of a chain is marked ◆, each later version ↳; one
    the content's problems fall in, ⚠ before its title (its card lists them)."""
    status = document.status
    tone = {"agreed": palette.success, "agreed-in-principle": palette.success, "rejected": palette.error,
            "superseded": "dim"}.get(status.value, palette.primary)
    head = Text.assemble(("◆ " if first else "↳ ", palette.accent), ("⚠ " if problems else "", f"bold {palette.error}"),
                         (v(document.title), "bold"), "  ", (status.label, tone),
                         no_wrap=True, overflow="ellipsis")
    # What tells versions apart first, then their sources; who presented it last, as the card says it whole.
    facts = [v(document.version), document.type.label, day(document.date) if document.date else v(document.when), counts(document, snapshot)]
    detail = Text.assemble("  ", (" · ".join(f for f in facts if f), "dim"), (" · source: ", "dim"), _outlet(document.source, snapshot),
                           (" · by " if document.presented_by else "", "dim"),
                           ", ".join(v(snapshot.party_name(p)) for p in document.presented_by), no_wrap=True, overflow="ellipsis")
    return [head, detail]


def point_row(point: Point, snapshot: Snapshot, palette: Palette, document: Document | None = None) -> list[Text]:
    """Two lines: its number, how it came from the version before and what it says; the issues it
    touches and the points it comes from, ⚠ where one is not a point of the version before
    (`document` is the point's: a hand-edited `earlier` names what is not there)."""
    change = point.change.label if point.change else ""
    says = v(point.says).replace("\n", " ") or ("(its words not given)" if point.change is None or point.change.value != "dropped" else "")
    head = Text.assemble("    ", (point_label(point), "bold"), "  ", (change, "italic " + palette.warning if change else ""),
                         "  " if change else "", says, no_wrap=True, overflow="ellipsis")
    issues = ", ".join(v(snapshot.issue_by_id[i].title) if i in snapshot.issue_by_id else v(i) for i in point.issues)
    tail = [f"issues: {issues}" if issues else "", f"from: {', '.join(v(e) for e in point.earlier)}" if point.earlier else ""]
    before = earlier_document(snapshot, document) if document is not None else None
    missing = [e for e in point.earlier if before is None or all(p.id != e for p in before.points)] if document is not None else []
    warn = f"  ⚠ {', '.join(v(m) for m in missing)}: not a point of the version before" if missing else ""
    return [head, Text.assemble(("      " + " · ".join(t for t in tail if t), "dim"), (warn, f"bold {palette.error}"),
                                no_wrap=True, overflow="ellipsis")]


def _stances(positions: Sequence[Position], heading: str, snapshot: Snapshot, palette: Palette) -> list[RenderableType]:
    lines: list[RenderableType] = [Text(), Text(heading, style="bold underline")]
    for position in positions:
        lines += _position_block(position, snapshot, palette, v(snapshot.party_name(position.party)))
    if not positions:
        lines.append(Text("  none recorded", style="dim"))
    return lines


def document_card(document: Document, snapshot: Snapshot, palette: Palette, problems: Sequence[Problem] = ()) -> Group:
    """Everything the sources say of a document, its points and the parties' stances on it; first the
    content's problems that fall in it, as what follows may show the broken values."""
    earlier = snapshot.document_by_id.get(document.supersedes or "")
    later = later_documents(snapshot, document)
    lines: list[RenderableType] = [
        Text.assemble((f"⚠ {v(str(p))}", f"bold {palette.error}")) for p in problems
    ]
    lines += [
        Text(v(document.title), style="bold"),
        Text.assemble((document.status.label, "bold"), (f" — {document.status.description}", "dim")),
        Text(),
        _field("Version", v(document.version) or "—"),
        _field("Type", document.type.label),
        _field("When", when(document, snapshot) or "not given"),
        _field("Presented by", ", ".join(v(snapshot.party_name(p)) for p in document.presented_by) or "—"),
    ]
    if document.supersedes:
        lines.append(_field("Supersedes", document_label(earlier) if earlier else f"{v(document.supersedes)} (unknown document)"))
    if later:
        lines.append(_field("Replaced by", "; ".join(v(document_label(d)) for d in later)))
    for count in document.point_counts:
        said = Text.assemble((f"{count.count} points", "bold"), " per ", short_source(count.source, snapshot))
        if count.note:
            said.append(f"\n{v(count.note)}", "dim italic")
        lines.append(_field("Points", said))
    lines.append(_field("Source", short_source(document.source, snapshot)))
    if document.summary:
        lines += [Text(), Text(v(document.summary))]
    lines += [Text(), Text(f"Points ({len(document.points)})", style="bold underline")]
    for point in document.points:
        lines += point_row(point, snapshot, palette, document)
    if not document.points:
        lines.append(Text("  no source describes its points", style="dim"))
    lines += _stances(document.positions, "Stances on the document", snapshot, palette)
    return Group(*lines)


def _version_block(version: Version, snapshot: Snapshot, palette: Palette) -> list[RenderableType]:
    point, change = version.point, version.point.change
    head = Text.assemble((v(document_label(version.document)), "bold"), "  ", (point_label(point), ""),
                         (f"  {change.label}" if change else "", "italic " + palette.warning))
    lines: list[RenderableType] = [head]
    if version.dropped:
        lines.append(Padding(Text("dropped: this version leaves it out", style=f"bold {palette.error}"), (0, 0, 0, 2)))
        for earlier in version.earlier:
            lines.append(Padding(Text(v(earlier.says), style=removed_style(palette)), (0, 0, 0, 2)))
    elif version.diff is not None:
        lines.append(Padding(diff_text(version.diff, palette), (0, 0, 0, 2)))
    else:
        lines.append(Padding(Text(v(point.says) or "its words not given", style="" if point.says else "dim"), (0, 0, 0, 2)))
    if len(version.earlier) > 1 or (change is not None and change.value == "merged"):
        lines.append(Padding(Text("merged from:", style="dim"), (0, 0, 0, 2)))
        lines += [Padding(Text.assemble((point_label(e), "bold"), "  ", v(e.says)), (0, 0, 0, 4)) for e in version.earlier]
    if version.missing:
        lines.append(Padding(Text(f"from {', '.join(v(m) for m in version.missing)}: not a point of the version before", style="dim"),
                             (0, 0, 0, 2)))
    return lines


def point_card(document: Document, point: Point, snapshot: Snapshot, palette: Palette) -> Group:
    """A point across the versions, oldest first, each compared word by word with the point it comes
    from; then the issues it touches and the parties' stances on it and on its document."""
    lines: list[RenderableType] = [
        Text.assemble((f"{point_label(point)} of ", "bold"), (v(document_label(document)), "bold")),
        Text.assemble(("removed", removed_style(palette)), ("  added", added_style(palette)), ("  since the version before", "dim")),
        Text(),
        Text("Across the versions", style="bold underline"),
    ]
    for version in point_history(snapshot, document.id, point.id):
        lines += _version_block(version, snapshot, palette)
    issues = [snapshot.issue_by_id[i].title if i in snapshot.issue_by_id else i for i in point.issues]
    lines += [Text(), _field("Issues", ", ".join(v(i) for i in issues) or "—")]
    if point.status is not None:
        lines.append(_field("Status", Text(point.status.label, style=palette.status(point.status))))
    if point.source:
        lines.append(_field("Source", short_source(point.source, snapshot)))
    lines += _stances(point.positions, "Stances on the point", snapshot, palette)
    lines += _stances(document.positions, "Stances on the document", snapshot, palette)
    return Group(*lines)


def issue_points(issue_id: str, snapshot: Snapshot, palette: Palette) -> list[RenderableType]:
    """The points of every document that touch the issue, for its full view (nothing if none does)."""
    found = points_for_issue(snapshot, issue_id)
    if not found:
        return []
    lines: list[RenderableType] = [Text(f"In the texts ({len(found)} point{'s' if len(found) != 1 else ''})", style="bold underline")]
    for document, point in found:
        change = f"  {point.change.label}" if point.change else ""
        lines.append(Text.assemble((v(document_label(document)), "bold"), "  ", point_label(point), (change, "italic " + palette.warning)))
        lines.append(Padding(Text(v(point.says) or "its words not given", style="" if point.says else "dim"), (0, 0, 0, 2)))
    return [*lines, Text()]
