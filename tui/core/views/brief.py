"""The state of play as a document a newsroom can paste anywhere, and a quote as one attribution line.

Pure functions over a snapshot (and, for "what changed", the journal's reloads): the
`peacewatch brief` command and the dashboard build the same document here. A document is
a list of blocks (headings, paragraphs, lists) whose text from the store is kept apart
from the document's own syntax, so each format escapes only what came from the content:
a quote holding `*`, `#`, backticks or `[x](y)` reads as written in Markdown, and an
escape code never reaches a terminal or a chat window.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Container, Sequence
from typing import TYPE_CHECKING

from tui.core.model.snapshot import Snapshot
from tui.core.views.attribution import attribution, source_url
from tui.core.views.brief_document import WEB, Document, Inline, Item, Link, Strong, clean, short_date
from tui.core.views.brief_formats import FORMATS, WIDTH, markdown, plain_text, render

if TYPE_CHECKING:
    from tui.core.journal.journal import Reload
    from tui.core.model.items import Deadline, Event, Issue, Quote

LATEST_EVENTS = 8
KEY_QUOTES = 15

LADDER = ("proposed", "under-negotiation", "framework-agreed-in-principle", "final-stages", "agreed", "signed")
"""The stages a deal climbs, in order (stalled and collapsed are off it); the dashboard draws the same."""


__all__ = ["FORMATS", "WIDTH", "attribution", "brief", "changes_brief", "file_name", "markdown", "plain_text", "render", "source_url"]


# -- the brief ----------------------------------------------------------------------------


def _source_parts(source_id: str | None, snapshot: Snapshot) -> Inline:
    """A source as the brief cites it: outlet, title and date, linked where the address is known."""
    if not source_id:
        return ("no source given",)
    source = snapshot.source_by_id.get(source_id)
    if source is None:
        return (f"{clean(source_id)} (not in the store)",)
    name = clean(source.outlet) + (f", “{clean(source.title)}”" if source.title else "")
    dated = f" ({short_date(source.date)})" if source.date else ""
    if source.url and WEB.match(source.url.strip()):
        return (Link(name, source.url.strip()), dated)
    if source.url:
        return (name + dated, f", {clean(source.url)}")
    return (name + dated,)




def _stage_line(stage: str, label: str) -> str:
    if stage in LADDER:
        return f"Stage: {label} (step {LADDER.index(stage) + 1} of {len(LADDER)} on the way to a signed deal)"
    return f"Stage: {label} (off the way to a signed deal)"


def _status(doc: Document, snapshot: Snapshot) -> None:
    status = snapshot.status
    doc.heading(2, "Where the deal stands")
    if status is None:
        doc.para("The store has no deal status yet.")
        return
    since = f", since {short_date(status.since)}" if status.since else ""
    doc.para(Strong(_stage_line(status.stage.value, status.stage.label) + since))
    doc.para(Strong(clean(status.headline)))
    if status.summary:
        doc.para(clean(status.summary))
    doc.para("Source: ", *_source_parts(status.source, snapshot))


def _deadline_item(deadline: Deadline, snapshot: Snapshot, today: dt.date) -> Item:
    if deadline.date < today:
        state = f" (passed; {deadline.outcome.label})" if deadline.outcome else " (passed; outcome unknown)"
    else:
        days = (deadline.date - today).days
        state = " (today)" if days == 0 else f" (in {days} day{'s' if days != 1 else ''})"
    return Item((Strong(short_date(deadline.date)), f"{state}: {clean(deadline.what)}"), (("Source: ", *_source_parts(deadline.source, snapshot)),))


def _deadlines(doc: Document, snapshot: Snapshot, today: dt.date, only: Sequence[Deadline] | None = None) -> None:
    deadlines = list(only) if only is not None else (snapshot.story.deadlines if snapshot.story else [])
    doc.heading(2, "Deadlines")
    if not deadlines:
        doc.para("None recorded.")
        return
    doc.bullets(_deadline_item(d, snapshot, today) for d in sorted(deadlines, key=lambda d: d.date))


def _issue(doc: Document, issue: Issue, snapshot: Snapshot, in_doubt: Container[str] = frozenset()) -> None:
    doc.heading(3, clean(issue.title), f" ({issue.status.label})")
    if issue.why:
        doc.para(clean(issue.why))
    if issue.source:
        doc.para("Source: ", *_source_parts(issue.source, snapshot))
    order = {party.id: index for index, party in enumerate(snapshot.parties)}
    items = []
    for position in sorted(issue.positions, key=lambda p: order.get(p.party, len(order))):
        says = f": {clean(position.says)}" if position.says else ""
        sub: list[Inline] = []
        for quote_id in position.quotes:
            quote = snapshot.quote_by_id.get(quote_id)
            if quote is not None and quote.id in in_doubt:
                sub.append((f"(a quote of {clean(quote.speaker)} left out: {NOT_VERBATIM})",))
            elif quote is not None:
                sub.append((f"“{clean(quote.text)}” — {clean(quote.speaker)}",))
        if position.source and position.source != issue.source:  # the issue's own source is cited above
            sub.append(("Source: ", *_source_parts(position.source, snapshot)))
        items.append(Item((Strong(clean(snapshot.party_name(position.party))), f" {position.stance.label}{says}"), tuple(sub)))
    if items:
        doc.bullets(items)
    else:
        doc.para("No positions recorded.")


def _event_item(event: Event, snapshot: Snapshot) -> Item:
    if event.date:
        when = short_date(event.date)
    else:
        source = snapshot.source_by_id.get(event.source)
        when = clean(event.when) + (f", per {short_date(source.date)}" if event.when and source and source.date else "")
        when = when or "undated"
    place = f" ({clean(event.place)})" if event.place else ""
    sub: list[Inline] = [(clean(event.summary),)] if event.summary else []
    sub.append(("Source: ", *_source_parts(event.source, snapshot)))
    return Item((Strong(when), f": {clean(event.title)}{place}"), tuple(sub))


def _quote_item(quote: Quote, snapshot: Snapshot) -> Item:
    sub: list[Inline] = []
    if quote.context:
        sub.append((f"In context: {clean(quote.context)}",))
    sub.append(("Source: ", *_source_parts(quote.source, snapshot)))
    return Item((attribution(quote, snapshot, with_url=False),), tuple(sub))


def _texts(doc: Document, snapshot: Snapshot) -> None:
    """The texts of the talks, each chain of versions oldest first: what each is, where it stands, how many
    points the sources give it, and its points as the sources put them."""
    from tui.core.views.ledger import document_label, lineages, point_label

    doc.heading(2, "The texts")
    items = []
    for chain_ in lineages(snapshot):
        for number, text in enumerate(chain_):
            lead = "" if number == 0 else "Next version: "
            counts = "; ".join(f"{c.count} points per {clean(snapshot.source_by_id[c.source].outlet) if c.source in snapshot.source_by_id else c.source}"
                               for c in text.point_counts)
            source = snapshot.source_by_id.get(text.source)
            when = short_date(text.date) if text.date else clean(text.when) + (
                f", per {short_date(source.date)}" if text.when and source and source.date else "")
            head = f"{lead}{clean(document_label(text))}: {text.status.label}" + (f", {when}" if when else "") + (f" ({counts})" if counts else "")
            sub: list[Inline] = [(clean(text.summary),)] if text.summary else []
            sub += [(f"{point_label(p)}: " + (clean(p.says) if p.says else f"dropped ({', '.join(p.earlier)})"),) for p in text.points]
            sub.append(("Source: ", *_source_parts(text.source, snapshot)))
            items.append(Item((Strong(head),), tuple(sub)))
    doc.bullets(items)


def _title(doc: Document, snapshot: Snapshot, subtitle: str) -> None:
    story = snapshot.story
    doc.heading(1, clean(story.title) if story else "Untitled story")
    doc.para(subtitle)


NOT_VERBATIM = "its words are not what the source printed (a '#' in the file cut them short)"


def _left_out(doc: Document, count: int) -> None:
    """Say that quotes were left out for their words, so nobody takes the brief for the whole story."""
    if count:
        doc.para(f"{count} quote{' was' if count == 1 else 's were'} left out: {'its' if count == 1 else 'their'} words are not "
                 "what the source printed (a '#' in the file cut them short); `peacewatch check` says where.")


def _key_quotes(snapshot: Snapshot, in_doubt: Container[str] = frozenset()) -> list[Quote]:
    """The quotes positions cite first (they back the state of play), then the newest; newest first.
    Never one `in_doubt`."""
    cited = {qid for issue in snapshot.issues for p in issue.positions for qid in p.quotes}
    verbatim = [q for q in snapshot.quotes if q.id not in in_doubt]
    ranked = sorted(verbatim, key=lambda q: q.id not in cited)[:KEY_QUOTES]
    keep = {q.id for q in ranked}
    return [q for q in snapshot.quotes if q.id in keep]


def brief(snapshot: Snapshot, today: dt.date, written: dt.datetime, in_doubt: Container[str] = frozenset()) -> Document:
    """The whole state of play: story, stage and headline, deadlines, issues with every side,
    the latest events and the key quotes, each with its source. A quote `in_doubt` (its words are
    not what the source printed) is left out, and the brief says so."""
    doc = Document()
    story = snapshot.story
    as_of = f"State of play as of {short_date(story.as_of)}" if story else "State of play"
    _title(doc, snapshot, f"{as_of}. Brief written {written:%-d %b %Y %H:%M}.")
    if story and story.covers:
        doc.para(clean(story.covers))
    _status(doc, snapshot)
    _deadlines(doc, snapshot, today)
    doc.heading(2, "Issues")
    if not snapshot.issues:
        doc.para("None recorded.")
    for issue in snapshot.issues:
        _issue(doc, issue, snapshot, in_doubt)
    if snapshot.documents:
        _texts(doc, snapshot)
    events = list(reversed(snapshot.events))
    doc.heading(2, "Latest events")
    doc.bullets(_event_item(e, snapshot) for e in events[:LATEST_EVENTS])
    if not events:
        doc.para("None recorded.")
    elif len(events) > LATEST_EVENTS:
        earlier = len(events) - LATEST_EVENTS
        doc.para(f"{earlier} earlier event{' is' if earlier == 1 else 's are'} in the store.")
    quotes = _key_quotes(snapshot, in_doubt)
    doubted = sum(1 for q in snapshot.quotes if q.id in in_doubt) if in_doubt else 0
    doc.heading(2, "Key quotes")
    doc.bullets(_quote_item(q, snapshot) for q in quotes)
    _left_out(doc, doubted)
    if not quotes:
        doc.para("None recorded.")
    elif len(snapshot.quotes) - doubted > len(quotes):
        more = len(snapshot.quotes) - doubted - len(quotes)
        doc.para(f"{more} more quote{' is' if more == 1 else 's are'} in the store.")
    return doc


def changes_brief(
    snapshot: Snapshot, reloads: Sequence[Reload], since: dt.datetime | None, today: dt.date, written: dt.datetime,
    in_doubt: Container[str] = frozenset(),
) -> Document:
    """Only what changed: the journal's lines, then each changed item as it stands now.

    Items since removed are in the lines only; the rest are shown whole, as the full brief
    shows them, so a desk can paste the news without the state of play around it.
    """
    doc = Document()
    after = f" since {since.astimezone():%-d %b %Y %H:%M}" if since else ""
    _title(doc, snapshot, f"What changed{after}. Brief written {written:%-d %b %Y %H:%M}.")
    doc.heading(2, "Changes")
    for reload in reloads:
        count = len(reload.entries)
        doc.bullets([Item(
            (Strong(f"{reload.observed_at.astimezone():%-d %b %Y %H:%M}"), f": {count} change{'' if count == 1 else 's'}"),
            tuple((clean(entry.text),) for entry in reload.entries),
        )])
    touched = {(e.change.kind, e.change.item_id) for r in reloads for e in r.entries}
    kinds = {kind for kind, _ in touched}
    if "status" in kinds:
        _status(doc, snapshot)
    if "story" in kinds and snapshot.story is not None:
        _deadlines(doc, snapshot, today)
    issues = [i for i in snapshot.issues if ("issues", i.id) in touched]
    if issues:
        doc.heading(2, "Issues")
        for issue in issues:
            _issue(doc, issue, snapshot, in_doubt)
    events = [e for e in reversed(snapshot.events) if ("events", e.id) in touched]
    if events:
        doc.heading(2, "Events")
        doc.bullets(_event_item(e, snapshot) for e in events)
    quotes = [q for q in snapshot.quotes if ("quotes", q.id) in touched and q.id not in in_doubt]
    doubted = sum(1 for q in snapshot.quotes if ("quotes", q.id) in touched and q.id in in_doubt)
    if quotes or doubted:
        doc.heading(2, "Quotes")
        doc.bullets(_quote_item(q, snapshot) for q in quotes)
        _left_out(doc, doubted)
    return doc


def file_name(written: dt.datetime) -> str:
    """A brief's file name: dated, so the briefs of a day sort and none overwrites another."""
    return f"peacewatch-brief-{written:%Y-%m-%d-%H%M}.md"
