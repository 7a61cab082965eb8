"""The name to save a search under, as a view: asked when `s` is pressed in a search's results."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from tui.core.text.safe_text import one_line

NAME_LIMIT = 40
"""Characters a view's name may have: it is a title in the command palette."""


class ViewNameScreen(ModalScreen["str | None"]):
    """Dismisses with the name typed (on one line), or None on esc: then nothing is saved."""

    BINDINGS = [
        # A priority key: the name field would otherwise take enter for itself.
        Binding("enter", "done", "Save the view", priority=True, tooltip="Save this search under this name", id="view-name.done"),
        Binding("escape", "dismiss(None)", "Cancel", tooltip="Save nothing and go back", id="view-name.cancel"),
    ]

    def __init__(self, query: str) -> None:
        super().__init__()
        self.query_text = query

    def compose(self) -> ComposeResult:
        with Vertical(id="view-name-body") as body:
            body.border_title = "Save this search as…"
            body.border_subtitle = "enter save · esc cancel"
            yield Static(Text(f"{self.query_text}\n\nOpen it again with ctrl+p, View: NAME, or peacewatch DIR --view NAME."), id="view-name-why")
            yield Input(placeholder="the view's name", max_length=NAME_LIMIT, id="view-name")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def action_done(self) -> None:
        name = one_line(self.query_one(Input).value, NAME_LIMIT)
        if name:
            self.dismiss(name)
