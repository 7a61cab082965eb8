"""Every key the dashboard answers to, read from the bindings themselves so it never drifts."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import App
from textual.binding import Binding

from tui.ui.screens.overlay import Overlay


def _rows(app: App, bindings: list[Binding]) -> list[tuple[str, str]]:
    rows = []
    for binding in bindings:
        if not binding.description:
            continue
        keys = " ".join(app.get_key_display(Binding(key, "")) for key in binding.key.split(","))
        rows.append((keys, binding.tooltip or binding.description))
    return rows


class HelpScreen(Overlay):
    """A table of keys, grouped by where they work."""

    BINDINGS = [*Overlay.BINDINGS, Binding("question_mark", "dismiss", "Back", show=False, tooltip="Close help", id="help.back")]
    PANEL_TITLE = "Keys"

    def __init__(self, groups: list[tuple[str, list[Binding]]]) -> None:
        super().__init__()
        self.groups = groups

    def on_mount(self) -> None:
        super().on_mount()
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for title, bindings in self.groups:
            table.add_row(Text(title, style="bold underline"), "")
            for keys, description in _rows(self.app, bindings):
                table.add_row(Text(keys), Text(description))
            table.add_row("", "")
        self.show(table)
