"""A scrollable panel over the dashboard: the shape of every full-item, list and help view."""

from __future__ import annotations

from rich.console import RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Static
from textual.worker import Worker


class Overlay(ModalScreen[None]):
    """A titled panel; subclasses fill it with `show()` and may add keys."""

    BINDINGS = [
        Binding("escape", "dismiss", "Back", tooltip="Back to the dashboard"),
        Binding("j,down", "scroll('down')", "Scroll down", show=False),
        Binding("k,up", "scroll('up')", "Scroll up", show=False),
    ]

    PANEL_TITLE = ""
    PANEL_SUBTITLE = "esc back"

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="detail-body") as body:
            body.border_title = self.PANEL_TITLE
            body.border_subtitle = self.PANEL_SUBTITLE
            yield Static(Text("…", style="dim"), id="detail-text")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#detail-body").focus()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        self.app.report_failure(event)  # type: ignore[attr-defined]

    def show(self, content: RenderableType) -> None:
        self.query_one("#detail-text", Static).update(content)

    def action_scroll(self, direction: str) -> None:
        body = self.query_one("#detail-body", VerticalScroll)
        body.scroll_down() if direction == "down" else body.scroll_up()
