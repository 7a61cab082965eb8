"""Add an event to the timeline."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Input, Select, SelectionList

from tui.ui.forms.base import EditForm, options, parse_date
from tui.ui.forms.quote_form import _source_label
from tui.ui.render import v


class EventForm(EditForm):
    """A dated event, or one the sources only place in words ("last week")."""

    TITLE_TEXT = "Add an event"

    def compose_fields(self) -> ComposeResult:
        snapshot = self.snapshot
        yield self.field("What happened", Input(id="title"))
        yield self.field("Date", Input(self.app.now().date().isoformat(), id="date"), "YYYY-MM-DD; empty if unknown")
        yield self.field("When, in words", Input(id="when"), 'if there is no exact date, e.g. "earlier this year"')
        yield self.field("Place", Input(id="place"))
        yield self.field("Parties", SelectionList(*[(Text(v(p.name)), p.id) for p in snapshot.parties], id="parties"))
        yield self.field("Source", Select(options([(_source_label(s), s.id) for s in snapshot.sources]), id="source", prompt="pick a source"))
        yield self.field("Summary", Input(id="summary"))

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

    def write(self, values: dict[str, Any], expected: Mapping[str, bytes]) -> Any:
        from tui.core.edits import add_event

        return add_event(self.root, expected=expected, **values)
