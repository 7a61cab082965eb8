"""Add an event to the timeline."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Input, Select

from tui.core.model.vocab import MeetingFormat
from tui.ui.forms.base import EditForm, options, parse_date, source_label
from tui.ui.render import v
from tui.ui.widgets.tick_list import TickList

if TYPE_CHECKING:
    from tui.core.desk import Request


class EventForm(EditForm):
    """A dated event, or one the sources only place in words ("last week")."""

    TITLE_TEXT = "Add an event"

    def compose_fields(self) -> ComposeResult:
        snapshot = self.snapshot
        yield self.field("What happened", Input(id="title"))
        yield self.field("Date", Input(id="date", placeholder="YYYY-MM-DD"), "YYYY-MM-DD; empty if unknown")
        yield self.field("When, in words", Input(id="when"), 'if there is no exact date, e.g. "earlier this year"')
        yield self.field("Place", Input(id="place"), "the city or country")
        yield self.field("Parties", TickList(*[(Text(v(p.name)), p.id) for p in snapshot.parties], id="parties"))
        yield self.field("Source", Select(options([(source_label(s), s.id) for s in snapshot.sources]), id="source", prompt="pick a source"))
        yield self.field("Summary", Input(id="summary"))
        # A meeting's own fields, last: all optional, so an event that is no meeting leaves them empty.
        parties = options([(p.name, p.id) for p in snapshot.parties])
        yield self.field("Venue", Input(id="venue"), "for a meeting: the building it was held in")
        yield self.field("Format", Select(options([(f"{w.label} — {w.description}", w.value) for w in MeetingFormat]),
                                          id="format", prompt="pick a format"), "for a meeting: how they met")
        yield self.field("Host", Select(parties, id="host", prompt="pick a host"), "for a meeting: the party that hosted it")
        yield self.field("Mediator", Select(parties, id="mediator", prompt="pick a mediator"))
        people = [(Text(v(f"{person.name} ({p.label})")), f"{p.id}/{person.id}") for p in snapshot.parties for person in p.people]
        yield self.field("Participants", TickList(*people, id="participants"), "for a meeting: the people at it")

    def check(self) -> tuple[dict[str, str], dict[str, Any]]:
        date, date_error = parse_date(self.text("date"))
        values = {
            "title": self.text("title"),
            "date": date,
            "when": self.text("when"),
            "place": self.text("place"),
            "parties": self.chosen("parties"),
            "venue": self.text("venue"),
            "format": self.choice("format"),
            "host": self.choice("host"),
            "mediator": self.choice("mediator"),
            "participants": self.chosen("participants"),
            "source": self.choice("source"),
            "summary": self.text("summary"),
        }
        errors = self.require(values, {"title": "what happened, in a line", "source": "where it comes from"})
        if date_error:
            errors["date"] = f"Expected {date_error}."
        return errors, values

    def request(self, values: dict[str, Any]) -> Request:
        from tui.core.desk import AddEvent

        return AddEvent(**values)
