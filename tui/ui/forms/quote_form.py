"""Add a quote: the words, who said them, where, who reported them, the source and the issues."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.suggester import SuggestFromList
from textual.widgets import Input, Select, SelectionList, TextArea

from tui.core.vocab import Medium
from tui.ui.forms.base import EditForm, options, parse_date, source_label
from tui.ui.render import v
from tui.ui.widgets.completing_input import CompletingInput

if TYPE_CHECKING:
    from tui.core.desk import Request


class QuoteForm(EditForm):
    """Picking a known person as speaker fills in their role and party."""

    TITLE_TEXT = "Add a quote"

    def compose_fields(self) -> ComposeResult:
        snapshot = self.snapshot
        people = [(person, party) for party in snapshot.parties for person in party.people]
        yield self.field("Text, word for word", TextArea(id="text", soft_wrap=True), "editorial brackets like [sic] are kept")
        yield self.field(
            "Speaker",
            CompletingInput(id="speaker", suggester=SuggestFromList([p.name for p, _ in people], case_sensitive=False)),
            "a known person (tab takes the name shown), or type a new name",
        )
        yield self.field("Speaker's role", Input(id="speaker_role"))
        yield self.field("Party", Select(options([(p.name, p.id) for p in snapshot.parties]), id="party", prompt="no party"))
        yield self.field("Date", Input(id="date", placeholder="YYYY-MM-DD"), "YYYY-MM-DD; empty if the source gives none")
        yield self.field("Medium", Select(options([(m.label, m.value) for m in Medium]), id="medium", prompt="where it was said"))
        yield self.field("Reported by", Input(id="reported_by"), 'steps separated by ";", e.g. told Axios; cited by CNN')
        yield self.field(
            "Source", Select(options([(source_label(s), s.id) for s in snapshot.sources]), id="source", prompt="pick a source")
        )
        yield self.field("…or a new source: outlet", Input(id="new_source_outlet"), "added to the sources when no source is picked")
        yield self.field("New source: title", Input(id="new_source_title"))
        yield self.field("Issues it bears on", SelectionList(*[(Text(v(i.title)), i.id) for i in snapshot.issues], id="issues"))
        yield self.field("Context", Input(id="context"), "the sentence the source wraps a fragment in")

    @on(Input.Changed, "#speaker")
    def _fill_from_person(self, event: Input.Changed) -> None:
        for party in self.snapshot.parties:
            for person in party.people:
                if person.name.casefold() == event.value.strip().casefold():
                    self.query_one("#speaker_role", Input).value = person.title
                    self.query_one("#party", Select).value = party.id

    def check(self) -> tuple[dict[str, str], dict[str, Any]]:
        date, date_error = parse_date(self.text("date"))
        values = {
            "text": self.text("text"),
            "speaker": self.text("speaker"),
            "speaker_role": self.text("speaker_role"),
            "party": self.choice("party"),
            "date": date,
            "medium": self.choice("medium"),
            "reported_by": [step.strip() for step in self.text("reported_by").split(";") if step.strip()],
            "source": self.choice("source"),
            "issues": self.chosen("issues"),
            "context": self.text("context"),
        }
        outlet = self.text("new_source_outlet")
        if not values["source"] and outlet:
            values["new_source"] = {"outlet": outlet, "title": self.text("new_source_title")}
        errors = self.require(values, {"text": "the words of the quote", "speaker": "who said it", "medium": "where it was said"})
        if not values["source"] and not outlet:
            errors["source"] = "Required: pick where it comes from, or name a new source below."
        if date_error:
            errors["date"] = f"Expected {date_error}."
        return errors, values

    def request(self, values: dict[str, Any]) -> Request:
        from tui.core.desk import AddQuote, AddSource

        new_source = values.pop("new_source", None)
        # The source and the quote are one edit: both are written or neither, and a retry
        # after a conflict cites the source if it is there already.
        return AddQuote(**values, new_source=AddSource(**new_source) if new_source else None)
