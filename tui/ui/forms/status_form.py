"""Move the deal's stage: the current one goes into the history with its date, summary and source."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.widgets import Input, Select

from tui.core.model.vocab import Stage
from tui.ui.forms.base import EditForm, options, parse_date, source_label

if TYPE_CHECKING:
    from tui.core.desk import Request


class StatusForm(EditForm):
    """Starts from the current stage, so the user changes only what moved."""

    TITLE_TEXT = "Move the deal status"

    def compose_fields(self) -> ComposeResult:
        snapshot = self.snapshot
        status = snapshot.status
        stages = options([(f"{s.label} — {s.description}", s.value) for s in Stage])
        yield self.field("New stage", Select(stages, id="stage", value=status.stage.value if status else Select.NULL, prompt="pick a stage"))
        yield self.field("Headline", Input(id="headline"), "the state of play in one line")
        yield self.field("Summary", Input(id="summary"), "the new stage's own, if the sources give one; the current summary stays with its stage")
        yield self.field("Since", Input(id="since", placeholder="YYYY-MM-DD"), "YYYY-MM-DD; empty unless the source dates it")
        yield self.field("Source", Select(options([(source_label(s), s.id) for s in snapshot.sources]), id="source", prompt="pick a source"))

    def check(self) -> tuple[dict[str, str], dict[str, Any]]:
        since, date_error = parse_date(self.text("since"))
        values = {
            "stage": self.choice("stage"), "headline": self.text("headline"), "summary": self.text("summary"),
            "since": since, "source": self.choice("source"),
        }
        errors = self.require(values, {
            "stage": "the stage the deal has reached", "headline": "a one-line headline",
            "source": "the source that reports the new stage",
        })
        if date_error:
            errors["since"] = f"Expected {date_error}."
        return errors, values

    def request(self, values: dict[str, Any]) -> Request:
        from tui.core.desk import SetStatus

        return SetStatus(**values)
