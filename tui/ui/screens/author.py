"""Who is making this change: asked once on a served page, before its first edit is written."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from tui.core.text.safe_text import one_line

NAME_LIMIT = 60
"""Characters a name may have: enough for a full name and a desk ("Anna Editor, Kyiv desk")."""

WHY = (
    "This page is shared, and the dashboard cannot tell its readers apart: your name goes with every "
    "change you save from it, in the desk's journal of changes and, when the desk commits, in the commit. "
    "It is asked once for this page."
)


class AuthorScreen(ModalScreen["str | None"]):
    """Dismisses with the name typed (on one line, see `one_line`), or None on esc: then nothing is written."""

    BINDINGS = [
        # A priority key: the name field would otherwise take enter for itself.
        Binding("enter", "done", "Use this name", priority=True, tooltip="Save the change under this name", id="author.done"),
        Binding("escape", "dismiss(None)", "Cancel", tooltip="Write nothing and go back", id="author.cancel"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="author-body") as body:
            body.border_title = "Who is making this change?"
            body.border_subtitle = "enter save · esc cancel"
            yield Static(Text(WHY), id="author-why")
            yield Input(placeholder="your name", max_length=NAME_LIMIT, id="author-name")
            yield Static(id="author-error")

    def on_mount(self) -> None:
        self.query_one("#author-error").display = False
        self.query_one(Input).focus()

    def action_done(self) -> None:
        name = one_line(self.query_one(Input).value, NAME_LIMIT)
        if not name:
            error = self.query_one("#author-error", Static)
            error.update(Text("Type your name (or your initials): the change is recorded as yours."))
            error.display = True
            return
        self.dismiss(name)
