"""Every key the dashboard answers to, read from the bindings themselves so it never drifts."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Static


def _rows(app: App, bindings: list[Binding]) -> list[tuple[str, str]]:
    rows = []
    for binding in bindings:
        if not binding.description:
            continue
        keys = " ".join(app.get_key_display(Binding(key, "")) for key in binding.key.split(","))
        rows.append((keys, binding.tooltip or binding.description))
    return rows


class HelpScreen(ModalScreen[None]):
    """A table of keys, grouped by where they work."""

    BINDINGS = [Binding("escape,question_mark", "dismiss", "Back", tooltip="Close help")]

    def __init__(self, groups: list[tuple[str, list[Binding]]]) -> None:
        super().__init__()
        self.groups = groups

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for title, bindings in self.groups:
            table.add_row(Text(title, style="bold underline"), "")
            for keys, description in _rows(self.app, bindings):
                table.add_row(Text(keys), Text(description))
            table.add_row("", "")
        with VerticalScroll(id="detail-body") as body:
            body.border_title = "Keys"
            body.border_subtitle = "esc back"
            yield Static(table)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#detail-body").focus()
