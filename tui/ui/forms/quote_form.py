"""Add a quote: the words, who said them, where, who reported them, the source and the issues."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.suggester import SuggestFromList
from textual.widgets import Checkbox, Input, Select, TextArea

from tui.core.model.vocab import Medium
from tui.ui.forms.base import EditForm, options, parse_date, source_label
from tui.ui.render import v
from tui.ui.widgets.completing_input import CompletingInput
from tui.ui.widgets.tick_list import TickList

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
        yield self.field("New source: title", Input(id="new_source_title"), "the headline, copied exactly")
        yield self.field("New source: date", Input(id="new_source_date", placeholder="YYYY-MM-DD"), "publication date, if the source gives one")
        yield self.field("New source: URL", Input(id="new_source_url"), "only an address you have seen; never guessed")
        yield self.field("New speaker", Checkbox("Add the speaker to the party's people", id="add_person"),
                         "for a named speaker who is not one of the party's people yet")
        yield self.field("Issues it bears on", TickList(*[(Text(v(i.title)), i.id) for i in snapshot.issues], id="issues"))
        yield self.field("Context", Input(id="context"), "the sentence the source wraps a fragment in")

    @on(Input.Changed, "#speaker")
    def _fill_from_person(self, event: Input.Changed) -> None:
        known = self.snapshot.people_named(event.value)
        if len(known) == 1:
            party, person = known[0]
            self.query_one("#speaker_role", Input).value = person.title
            self.query_one("#party", Select).value = party.id

    def check(self) -> tuple[dict[str, str], dict[str, Any]]:
        date, date_error = parse_date(self.text("date"))
        values: dict[str, Any] = {
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
        errors = self.require(values, {"text": "the words of the quote", "speaker": "who said it", "medium": "where it was said"})
        if not values["source"] and outlet:
            day, day_error = parse_date(self.text("new_source_date"))
            if day_error:
                errors["new_source_date"] = f"Expected {day_error}."
            values["new_source"] = {"outlet": outlet, "title": self.text("new_source_title"), "date": day,
                                    "url": self.text("new_source_url") or None}
            self._offer_same_source(values, errors)
        if self.query_one("#add_person", Checkbox).value:
            if not values["party"]:
                errors["add_person"] = "Pick the party the speaker speaks for, to add them to its people."
            elif self._known_person(values["speaker"]):
                errors["add_person"] = "The speaker is already one of the people of a party; untick this."
        if not values["source"] and not outlet:
            errors["source"] = "Required: pick where it comes from, or name a new source below."
        if date_error:
            errors["date"] = f"Expected {date_error}."
        return errors, values

    def _offer_same_source(self, values: dict[str, Any], errors: dict[str, str]) -> None:
        """A new source the store already has (same outlet, title and date) is picked above instead,
        and the user asked to save again: a source is never added twice."""
        from tui.core.desk import AddSource

        same = AddSource(**values["new_source"]).same_as(self.snapshot)
        if same is None:
            return
        self.query_one("#source", Select).value = same
        for field in ("new_source_outlet", "new_source_title", "new_source_date", "new_source_url"):
            self.query_one(f"#{field}", Input).value = ""
        errors["source"] = (f"{values['new_source']['outlet']}, same title and date, is already in the store as {same}: "
                            "it is picked above. Press ctrl+s to save the quote citing it.")

    def _known_person(self, name: str) -> bool:
        return any(person.name.casefold() == name.casefold() for party in self.snapshot.parties for person in party.people)

    def request(self, values: dict[str, Any]) -> Request:
        from tui.core.desk import AddPerson, AddQuote, AddSource, Batch

        new_source = values.pop("new_source", None)
        # The source and the quote are one edit: both are written or neither, and a retry
        # after a conflict cites the source if it is there already.
        quote = AddQuote(**values, new_source=AddSource(**new_source) if new_source else None)
        if not self.query_one("#add_person", Checkbox).value:
            return quote
        person = AddPerson(party=values["party"], name=values["speaker"], title=values["speaker_role"])
        return Batch((person, quote), summary=f"added quote and {values['speaker']} to {values['party']}")
