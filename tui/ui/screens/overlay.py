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

from tui.ui.house import app_of


class Overlay(ModalScreen[None]):
    """A titled panel; subclasses fill it with `show()` and may add keys."""

    BINDINGS = [
        Binding("escape", "dismiss", "Back", tooltip="Back to the dashboard", id="overlay.back"),
        Binding("j,down", "scroll('down')", "Scroll down", show=False, tooltip="Scroll down a line", id="overlay.scroll-down"),
        Binding("k,up", "scroll('up')", "Scroll up", show=False, tooltip="Scroll up a line", id="overlay.scroll-up"),
        Binding("pagedown,space", "scroll('page_down')", "Page down", show=False, tooltip="Scroll down a page", id="overlay.page-down"),
        Binding("pageup", "scroll('page_up')", "Page up", show=False, tooltip="Scroll up a page", id="overlay.page-up"),
        Binding("g,home", "scroll('home')", "Top", show=False, tooltip="Go to the top", id="overlay.top"),
        Binding("G,end", "scroll('end')", "Bottom", show=False, tooltip="Go to the bottom", id="overlay.bottom"),
        Binding("q", "app.quit", "Quit", tooltip="Quit peacewatch", id="overlay.quit"),
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
        app_of(self).report_failure(event)

    def show(self, content: RenderableType) -> None:
        self.query_one("#detail-text", Static).update(content)

    def action_scroll(self, direction: str) -> None:
        body = self.query_one("#detail-body", VerticalScroll)
        moves = {
            "down": body.scroll_down, "up": body.scroll_up, "page_down": body.scroll_page_down,
            "page_up": body.scroll_page_up, "home": body.scroll_home, "end": body.scroll_end,
        }
        moves[direction](animate=False)
