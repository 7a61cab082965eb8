"""A list over the dashboard (problems, changes): a cursor to move, enter to act on a row."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer
from textual.worker import Worker

from tui.ui.house import app_of
from tui.ui.widgets.row_list import RowList


class ListOverlay(ModalScreen[None]):
    """A titled panel holding one RowList; subclasses fill it with `RowList.set_rows`."""

    BINDINGS = [
        Binding("escape", "dismiss", "Back", tooltip="Back to the dashboard", id="list-screen.back"),
        Binding("q", "app.quit", "Quit", tooltip="Quit peacewatch", id="list-screen.quit"),
        # A modal screen stops the app's own keys: help is bound again here, and follows the app's key if a keymap moves it.
        Binding("question_mark", "app.help", "Help", show=False, tooltip="Show every key", id="list-screen.help"),
    ]

    PANEL_TITLE = ""
    PANEL_SUBTITLE = "enter open · esc back"
    ROW_HEIGHT = 1
    EMPTY = "nothing here"

    def compose(self) -> ComposeResult:
        with Vertical(id="list-body") as body:
            body.border_title = self.PANEL_TITLE
            body.border_subtitle = self.PANEL_SUBTITLE
            yield RowList(row_height=self.ROW_HEIGHT, empty=self.EMPTY, id="overlay-list")
            yield from self.below_list()
        yield Footer()

    def below_list(self) -> ComposeResult:
        """What a list shows below its rows (none by default)."""
        yield from ()

    def on_mount(self) -> None:
        self.query_one(RowList).focus()

    @property
    def rows(self) -> RowList:
        return self.query_one(RowList)

    def on_row_list_shown(self, event: RowList.Shown) -> None:
        event.stop()
        if event.total and (event.first > 1 or event.last < event.total):
            self.query_one("#list-body").border_subtitle = f"{event.first}–{event.last} of {event.total} ↕ · {self.PANEL_SUBTITLE}"
        else:
            self.query_one("#list-body").border_subtitle = self.PANEL_SUBTITLE

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        app_of(self).report_failure(event)
