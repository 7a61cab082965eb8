"""A yes-or-no question over whatever is open: y (or enter) for yes, n (or esc) for no."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static


class ConfirmScreen(ModalScreen[bool]):
    """Asks before something that cannot be undone, such as throwing away what was typed."""

    BINDINGS = [
        Binding("y,enter", "answer(True)", "Yes", tooltip="Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", tooltip="No: go back", id="confirm.no"),
    ]

    def __init__(self, question: str, yes: str = "y discard", no: str = "n keep editing") -> None:
        super().__init__()
        self.question, self.yes, self.no = question, yes, no

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-body"):
            yield Static(Text(self.question, style="bold"))
            yield Static(Text(f"{self.yes} · {self.no}", style="dim"))

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
