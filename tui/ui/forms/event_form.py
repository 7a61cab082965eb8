"""Add an event to the timeline."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult

from tui.ui.forms.base import EditForm, options, parse_date, source_label
from tui.ui.render import v
from tui.ui.widgets.form_fields import FormInput, FormSelect, FormSelectionList

if TYPE_CHECKING:
    from tui.core.desk import Request


class EventForm(EditForm):
    """A dated event, or one the sources only place in words ("last week")."""

    TITLE_TEXT = "Add an event"

    def compose_fields(self) -> ComposeResult:
        snapshot = self.snapshot
        yield self.field("What happened", FormInput(id="title"))
        yield self.field("Date", FormInput(id="date", placeholder="YYYY-MM-DD"), "YYYY-MM-DD; empty if unknown")
        yield self.field("When, in words", FormInput(id="when"), 'if there is no exact date, e.g. "earlier this year"')
        yield self.field("Place", FormInput(id="place"))
        yield self.field("Parties", FormSelectionList(*[(Text(v(p.name)), p.id) for p in snapshot.parties], id="parties"))
        yield self.field("Source", FormSelect(options([(source_label(s), s.id) for s in snapshot.sources]), id="source", prompt="pick a source"))
        yield self.field("Summary", FormInput(id="summary"))

    def check(self) -> tuple[dict[str, str], dict[str, Any]]:
        date, date_error = parse_date(self.text("date"))
        values = {
            "title": self.text("title"),
            "date": date,
            "when": self.text("when"),
            "place": self.text("place"),
            "parties": self.chosen("parties"),
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
