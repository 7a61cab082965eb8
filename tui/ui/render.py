"""Rich Text for every item the dashboard shows, built from the snapshot.

Every string from the store goes through `visible()` into a `Text`, never into markup:
a quote's `[sic]` or `[@click=app.quit]` is shown as the editor wrote it, and escape
codes appear as visible symbols instead of reaching the terminal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from rich.cells import cell_len, set_cell_size
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from tui.core.model.snapshot import Snapshot
from tui.core.model.vocab import Stage, Stance
from tui.core.text.safe_text import visible
from tui.core.views.meetings import people_at
from tui.core.views.timefmt import day, since
from tui.ui.palette import Palette

if TYPE_CHECKING:
    from tui.core.desk import Step
    from tui.core.model.items import DealStatus, Event, Issue, Party, Position, Quote, Source

LADDER = (
    Stage.PROPOSED,
    Stage.UNDER_NEGOTIATION,
    Stage.FRAMEWORK_AGREED_IN_PRINCIPLE,
    Stage.FINAL_STAGES,
    Stage.AGREED,
    Stage.SIGNED,
)
"""The stages a deal climbs, in order; stalled and collapsed sit off the ladder."""


def v(text: str | None) -> str:
    return visible(text or "")


def line(*parts: str | tuple[str, str]) -> Text:
    """A one-line Text from literal parts; long lines end in an ellipsis, never wrap."""
    text = Text.assemble(*parts, no_wrap=True, overflow="ellipsis")
    return text


def party_row(party: Party) -> list[Text]:
    people = " · ".join(v(p.name) for p in party.people) or "no people listed"
    return [
        line((v(party.name), "bold"), ("  " + party.role.label, "dim")),
        line(("  " + people, "")),
    ]


def relative_when(when: str, source_id: str | None, snapshot: Snapshot) -> str:
    """A `when` in the sources' words, pinned to the date of the source that wrote it:
    "last week" read a year later means nothing without it."""
    source = snapshot.source_by_id.get(source_id or "")
    return f"{v(when)}, per {day(source.date)}" if when and source is not None and source.date else v(when)


def event_row(event: Event, snapshot: Snapshot, width: int, when_width: int = 12, today: dt.date | None = None) -> list[Text]:
    """Two lines: when (a date, or the sources' words) and the title, wrapped under itself; the place.
    An event dated after `today` has not happened: it is said to be scheduled."""
    when = day(event.date) if event.date else relative_when(event.when, event.source, snapshot) or "undated"
    title = v(event.title).replace("\n", " ")
    place = f" · {v(event.place)}" if event.place else ""
    if today is not None and event.date is not None and event.date > today:
        place += " · scheduled"
    if cell_len(when) >= when_width:
        # A long `when` in words takes the first line; the title the second.
        return [line((when, "dim")), line((" " * when_width, ""), (title, ""), (place, "dim"))]
    room = max(width - when_width, 10)
    first, rest = split_words(title, room)
    return [
        line((_pad(when, when_width), "dim"), (first, "")),
        line((" " * when_width, ""), (rest, ""), (place if rest else place.removeprefix(" · "), "dim")),
    ]


def split_words(text: str, width: int) -> tuple[str, str]:
    """`text` cut at the last space that fits in `width` cells, and the rest."""
    if cell_len(text) <= width:
        return text, ""
    cut = text.rfind(" ", 0, width + 1)
    if cut <= 0:
        cut = width
    return text[:cut], text[cut:].lstrip()


def issue_columns(snapshot: Snapshot) -> list[Party]:
    """The parties that have a position on some issue, in the store's order of parties."""
    with_positions = {p.party for issue in snapshot.issues for p in issue.positions}
    return [party for party in snapshot.parties if party.id in with_positions]


def fit_cells(text: str, width: int) -> str:
    """`text` cut (with an ellipsis) or padded to exactly `width` terminal cells: 中 takes two."""
    if cell_len(text) > width:
        return set_cell_size(text, max(width - 1, 0)) + "…"
    return set_cell_size(text, width)


def _pad(text: str, width: int) -> str:
    """`text` padded to at least `width` cells (never cut), as `f"{text:<width}"` would if every character took one."""
    return text + " " * max(width - cell_len(text), 0)


def issue_widths(total: int, columns: int) -> tuple[int, int, int]:
    """Widths of the title, status and each party column for a row `total` cells wide."""
    status = 11
    party = max(9, min(16, (total - 24 - status) // max(columns, 1)))
    title = max(12, total - status - party * columns - 2)
    return title, status, party


def issue_header(columns: list[Party], width: int) -> Text:
    title_w, status_w, party_w = issue_widths(width, len(columns))
    parts: list[tuple[str, str]] = [(fit_cells("Issue", title_w), "bold"), (fit_cells("Status", status_w), "bold")]
    parts += [(fit_cells(v(p.label), party_w), "bold") for p in columns]
    return line(*parts)


def issue_row(issue: Issue, columns: list[Party], width: int, palette: Palette) -> list[Text]:
    title_w, status_w, party_w = issue_widths(width, len(columns))
    by_party = {p.party: p for p in issue.positions}
    parts: list[tuple[str, str]] = [
        (fit_cells(v(issue.title), title_w), "bold"),
        (fit_cells(issue.status.label, status_w), palette.status(issue.status)),
    ]
    for party in columns:
        position = by_party.get(party.id)
        if position is None:
            parts.append((fit_cells("—", party_w), "dim"))
        else:
            parts.append((fit_cells(position.stance.label, party_w), palette.stance(position.stance)))
    return [line(*parts), line(("  " + v(issue.why).replace("\n", " "), "dim"))]


def stage_ladder(stage: Stage, palette: Palette) -> Text:
    """The stage as a row of steps lit up to where the deal stands: ●●●○○○ framework agreed in principle."""
    if stage not in LADDER:
        return line(("✖ ", f"bold {palette.error}"), (stage.label, f"bold {palette.error}"))
    reached = LADDER.index(stage) + 1
    return line(
        ("●" * reached, f"bold {palette.accent}"),
        ("○" * (len(LADDER) - reached), "dim"),
        (" " + stage.label, f"bold {palette.accent}"),
    )


def stage_steps() -> Text:
    """The ladder of stages written out, for the full status view."""
    return Text(" › ".join(stage.label for stage in LADDER), style="dim")


def source_line(source_id: str | None, snapshot: Snapshot) -> Text:
    if not source_id:
        return Text("no source given", style="dim")
    source = snapshot.source_by_id.get(source_id)
    if source is None:
        return Text(f"{v(source_id)} (unknown source)", style="dim")
    return _source_text(source)


def _source_text(source: Source) -> Text:
    text = Text.assemble((v(source.outlet), "bold"))
    if source.title:
        text.append(f" — “{v(source.title)}”")
    if source.date:
        text.append(f" ({day(source.date)})", "dim")
    if source.url:
        text.append(f"\n  {v(source.url)}", "underline")
    if source.note:
        text.append(f"\n  {v(source.note)}", "dim")
    return text


FIELD_WIDTH = 13
"""Columns of a detail view's field labels; a value that wraps stays right of them."""


def _field(label: str, value: str | Text) -> Table:
    """A label and its value; a long value wraps under itself (a hanging indent), not under the label."""
    grid = Table.grid()
    grid.add_column(width=FIELD_WIDTH, style="dim", no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_row(label, value if isinstance(value, Text) else Text(v(value)))
    return grid


def _indented(text: Text, columns: int) -> Padding:
    """`text` indented as a block: every wrapped line starts at the same column."""
    return Padding(text, (0, 0, 0, columns))


def _join(lines: Sequence[RenderableType]) -> Group:
    return Group(*lines)


def _quote_summary(quote: Quote, snapshot: Snapshot) -> Group:
    head = Text.assemble(
        (f"{day(quote.date)}  ", "dim"), (v(quote.speaker), "bold"), (f" ({v(snapshot.party_name(quote.party))})" if quote.party else "", "")
    )
    return _join([head, _indented(Text(f"“{v(quote.text)}”"), 2)])


def _position_block(position: Position, snapshot: Snapshot, palette: Palette, heading: str) -> list[RenderableType]:
    lines: list[RenderableType] = [Text.assemble((heading, "bold"), "  ", (position.stance.label, palette.stance(position.stance)))]
    if position.says:
        lines.append(_indented(Text(v(position.says)), 2))
    elif position.stance == Stance.UNSTATED:
        lines.append(_indented(Text("The sources say nothing of this position.", style="dim"), 2))
    for quote_id in position.quotes:
        quote = snapshot.quote_by_id.get(quote_id)
        said = f"“{v(quote.text)}” — {v(quote.speaker)}" if quote else f"{v(quote_id)} (unknown quote)"
        lines.append(_indented(Text(said, style="italic"), 4))
    for event_id in position.events:
        event = snapshot.event_by_id.get(event_id)
        lines.append(_indented(Text(f"◆ {v(event.title)}" if event else f"{v(event_id)} (unknown event)", style="dim"), 4))
    if position.source:
        lines.append(_indented(Text.assemble(("source: ", "dim"), source_line(position.source, snapshot)), 4))
    return lines


def issue_detail(issue: Issue, snapshot: Snapshot, palette: Palette, moves: Mapping[str, Sequence[Step]] | None = None) -> Group:
    lines: list[RenderableType] = [
        Text.assemble((v(issue.title), "bold"), "  ", (issue.status.label, palette.status(issue.status))),
        Text(issue.status.description, style="dim"),
        Text(),
    ]
    if issue.why:
        lines += [Text("Why it matters", style="bold underline"), Text(v(issue.why)), Text()]
    lines.append(Text("Positions", style="bold underline"))
    # In the order of the issues pane's columns: the parties' order, not the file's.
    order = {party.id: index for index, party in enumerate(snapshot.parties)}
    for position in sorted(issue.positions, key=lambda p: order.get(p.party, len(order))):
        lines += _position_block(position, snapshot, palette, v(snapshot.party_name(position.party)))
        lines.append(Text())
    if moves:
        lines.append(Text("How the stances moved", style="bold underline"))
        for party in sorted(moves, key=lambda p: order.get(p, len(order))):
            lines.append(_stance_moves(v(snapshot.party_name(party)), moves[party], palette))
        lines.append(Text())
    from tui.ui.ledger_render import issue_points  # here: it draws with this module's helpers

    lines += issue_points(issue.id, snapshot, palette)
    quotes = snapshot.quotes_for_issue(issue.id)
    lines.append(Text(f"Quotes ({len(quotes)})", style="bold underline"))
    lines += [_quote_summary(q, snapshot) for q in quotes] or [Text("none yet", style="dim")]
    if issue.source:
        lines += [Text(), _field("Source", source_line(issue.source, snapshot))]
    return _join(lines)


def _stance_moves(name: str, steps: Sequence[Step], palette: Palette) -> Text:
    """"Russia  conditional → insists (2 Dec 2026)": each stance, and when it was first seen."""
    line = Text.assemble((name, "bold"), "  ")
    for index, step in enumerate(steps):
        if index:
            line.append(" → ")
        if step.stance is None:
            line.append("position removed", style="italic")
        else:
            word = _stance_word(step.stance)
            line.append(word.label if word else v(step.stance), style=palette.stance(word) if word else "")
        if step.seen is not None:
            line.append(f" ({day(step.seen)})", style="dim")
    return line


def _stance_word(value: str) -> Stance | None:
    try:
        return Stance(value)
    except ValueError:
        return None


def party_detail(party: Party, snapshot: Snapshot, palette: Palette) -> Group:
    lines: list[RenderableType] = [
        Text.assemble((v(party.name), "bold"), "  ", (party.role.label, "italic")), Text(party.role.description, style="dim"), Text(),
    ]
    lines.append(Text("People", style="bold underline"))
    lines += [Text.assemble(("  " + v(p.name), "bold"), (f", {v(p.title)}" if p.title else "", "")) for p in party.people] or [
        Text("  none listed", style="dim")
    ]
    lines += [Text(), Text("Positions", style="bold underline")]
    positions = snapshot.positions_of(party.id)
    for issue, position in positions:
        lines += _position_block(position, snapshot, palette, v(issue.title))
    if not positions:
        lines.append(Text("  none recorded", style="dim"))
    quotes = snapshot.quotes_for_party(party.id)
    lines += [Text(), Text(f"Quotes ({len(quotes)})", style="bold underline")]
    lines += [_quote_summary(q, snapshot) for q in quotes] or [Text("  none yet", style="dim")]
    return _join(lines)


def event_detail(event: Event, snapshot: Snapshot) -> Group:
    lines: list[RenderableType] = [
        Text(v(event.title), style="bold"),
        Text(),
        _field("When", day(event.date) if event.date else relative_when(event.when, event.source, snapshot) or "undated"),
        _field("Place", v(event.place) or "—"),
        _field("Parties", ", ".join(v(snapshot.party_name(p)) for p in event.parties) or "—"),
    ]
    # A meeting's own fields, only those the store gives: most events are no meeting.
    meeting = [("Venue", event.venue), ("Format", event.format.label if event.format else ""),
               ("Host", snapshot.party_name(event.host)), ("Mediator", snapshot.party_name(event.mediator)),
               ("People", "; ".join(people_at(event, snapshot)))]
    lines += [_field(name, value) for name, value in meeting if value]
    lines.append(_field("Source", source_line(event.source, snapshot)))
    if event.summary:
        lines += [Text(), Text(v(event.summary))]
    return _join(lines)


def status_detail(status: DealStatus, snapshot: Snapshot, palette: Palette, now: dt.datetime) -> Group:
    lines: list[RenderableType] = [
        stage_ladder(status.stage, palette),
        stage_steps(),
        Text(status.stage.description, style="italic"),
        Text(),
        Text(v(status.headline), style="bold"),
    ]
    if status.summary:
        lines += [Text(), Text(v(status.summary))]
    changed = f"{day(status.since)} ({since(status.since, now)})" if status.since else "date not given"
    lines += [Text(), _field("Stage since", changed), _field("Source", source_line(status.source, snapshot)), Text()]
    lines.append(Text("Earlier stages", style="bold underline"))
    for change in reversed(status.history):
        when = day(change.date) if change.date else relative_when(change.when, change.source, snapshot) or "undated"
        # A grid: the stage, its headline and its source wrap in their own column, under each other.
        entry = Table.grid(padding=(0, 1))
        entry.add_column(width=max(13, cell_len(when)), style="dim", no_wrap=True)
        entry.add_column(ratio=1)
        body = [Text.assemble((change.stage.label, "bold"), (f"  {v(change.headline)}" if change.headline else "", ""))]
        if change.summary:
            body.append(Text(v(change.summary)))
        if change.source:
            body.append(Text.assemble(("source: ", "dim"), source_line(change.source, snapshot)))
        entry.add_row(when, Group(*body))
        lines.append(Padding(entry, (0, 0, 0, 2)))
    if not status.history:
        lines.append(Text("  none recorded", style="dim"))
    return _join(lines)
