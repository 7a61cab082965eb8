"""Pick one of a few things (which item to edit, what to add): a short list, enter or its letter to pick."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from tui.ui.render import v


class ChooseScreen(ModalScreen["str | None"]):
    """Dismisses with the chosen option's value, or None on esc."""

    BINDINGS = [
        Binding("escape", "dismiss(None)", "Back", tooltip="Close without choosing", id="choose.back"),
        Binding("j", "cursor_down", "Down", show=False, tooltip="Next choice", id="choose.down"),
        Binding("k", "cursor_up", "Up", show=False, tooltip="Previous choice", id="choose.up"),
    ]

    def __init__(self, title: str, choices: list[tuple[str, str]], hint: str = "enter choose · esc back") -> None:
        super().__init__()
        self.title_text, self.choices, self.hint = title, choices, hint

    def compose(self) -> ComposeResult:
        with Vertical(id="choose-body") as body:
            body.border_title = self.title_text
            body.border_subtitle = self.hint
            yield OptionList(*[Option(Text(v(label)), id=value) for label, value in self.choices], id="choices")
            yield Static(id="choose-note")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cursor_down(self) -> None:
        self.query_one(OptionList).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one(OptionList).action_cursor_up()
