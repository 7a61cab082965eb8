"""Set a party's position on an issue: stance, a sentence, and the quotes behind it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, Select, SelectionList

from tui.core.model.snapshot import Snapshot
from tui.core.model.vocab import Stance
from tui.ui.forms.base import EditForm, options, source_label
from tui.ui.render import v
from tui.ui.widgets.tick_list import TickList

if TYPE_CHECKING:
    from tui.core.desk import Request


class PositionForm(EditForm):
    """Opens on the issue or party under the cursor; choosing both fills in the current position."""

    TITLE_TEXT = "Set a position"

    def __init__(self, snapshot: Snapshot, digests: Mapping[str, bytes], issue: str | None = None, party: str | None = None) -> None:
        super().__init__(snapshot, digests)
        self.start_issue, self.start_party = issue, party

    def compose_fields(self) -> ComposeResult:
        snapshot = self.snapshot
        issues = options([(i.title, i.id) for i in snapshot.issues])
        parties = options([(p.name, p.id) for p in snapshot.parties])
        yield self.field("Issue", Select(issues, id="issue", prompt="pick an issue", value=self.start_issue or Select.NULL))
        yield self.field("Party", Select(parties, id="party", prompt="pick a party", value=self.start_party or Select.NULL))
        yield self.field("Stance", Select(options([(f"{s.label} — {s.description}", s.value) for s in Stance]), id="stance", prompt="pick a stance"))
        yield self.field("Position in a sentence", Input(id="says"), "as the sources state it")
        yield self.field(
            "Quotes behind it",
            TickList(*[(Text(f"{v(q.speaker)}: “{v(q.text)}”"[:120]), q.id) for q in snapshot.quotes], id="quotes"),
        )
        yield self.field(
            "Source", Select(options([(source_label(s), s.id) for s in snapshot.sources]), id="source", prompt="pick a source"),
            "where the position is stated",
        )

    @on(Select.Changed, "#issue, #party")
    def _fill_current(self) -> None:
        issue = self.snapshot.issue_by_id.get(self.choice("issue") or "")
        party = self.choice("party")
        current = next((p for p in issue.positions if p.party == party), None) if issue else None
        if current is None:
            return
        self.query_one("#stance", Select).value = current.stance.value
        self.query_one("#says", Input).value = current.says
        quotes = self.query_one("#quotes", SelectionList)
        quotes.deselect_all()
        for quote_id in current.quotes:
            if quote_id in self.snapshot.quote_by_id:
                quotes.select(quote_id)
        if current.source in self.snapshot.source_by_id:
            self.query_one("#source", Select).value = current.source
        self._current = current

    def check(self) -> tuple[dict[str, str], dict[str, Any]]:
        values = {
            "issue": self.choice("issue"),
            "party": self.choice("party"),
            "stance": self.choice("stance"),
            "says": self.text("says"),
            "quotes": self.chosen("quotes"),
            "source": self.choice("source"),
        }
        needs = {"issue": "the issue", "party": "whose position", "stance": "the stance in a word",
                 "source": "the source that states the position"}
        return self.require(values, needs), values

    def request(self, values: dict[str, Any]) -> Request:
        from tui.core.desk import SetPosition

        # Only what the form shows is set, and only where it differs from what is stored:
        # the position's events, comments and layout stay exactly as written.
        current = self._current if getattr(self, "_current", None) and self._current.party == values["party"] else None
        says, quotes = values["says"], values["quotes"]
        if current is not None:
            says = None if says == current.says else says
            quotes = None if list(quotes) == [q for q in current.quotes if q in self.snapshot.quote_by_id] else quotes
        return SetPosition(
            issue=values["issue"], party=values["party"], stance=values["stance"], says=says,
            quotes=quotes, source=values["source"],
        )
