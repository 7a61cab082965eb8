"""The full item over the dashboard: a quote with its attribution, an issue with every position, …"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from tui.core.snapshot import Snapshot
from tui.ui import render
from tui.ui.palette import Palette

TITLES = {"party": "Party", "issue": "Issue", "quote": "Quote", "event": "Event", "status": "Deal status"}


class DetailScreen(ModalScreen[None]):
    """Follows the live store: if the item changes while open, it redraws; if removed, it says so."""

    BINDINGS = [
        Binding("escape,backspace", "dismiss", "Back", tooltip="Back to the dashboard"),
        Binding("j,down", "scroll('down')", "Scroll down", show=False),
        Binding("k,up", "scroll('up')", "Scroll up", show=False),
    ]

    def __init__(self, kind: str, item_id: str) -> None:
        super().__init__()
        self.kind = kind
        self.item_id = item_id

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="detail-body") as body:
            body.border_title = TITLES.get(self.kind, self.kind.title())
            body.border_subtitle = "esc back"
            yield Static(id="detail-text")
        yield Footer()

    def on_mount(self) -> None:
        self.watch(self.app, "snapshot", self._draw)
        self.query_one("#detail-body").focus()

    def _draw(self, snapshot: Snapshot) -> None:
        self.query_one("#detail-text", Static).update(self._text(snapshot))

    def _text(self, snapshot: Snapshot) -> Text:
        palette = Palette.of(self.app)
        missing = Text(f"This {self.kind} is no longer in the store.", style="italic")
        if self.kind == "party":
            party = snapshot.party_by_id.get(self.item_id)
            return render.party_detail(party, snapshot, palette) if party else missing
        if self.kind == "issue":
            issue = snapshot.issue_by_id.get(self.item_id)
            return render.issue_detail(issue, snapshot, palette) if issue else missing
        if self.kind == "quote":
            quote = snapshot.quote_by_id.get(self.item_id)
            return render.quote_detail(quote, snapshot) if quote else missing
        if self.kind == "event":
            event = snapshot.event_by_id.get(self.item_id)
            return render.event_detail(event, snapshot) if event else missing
        if snapshot.status:
            return render.status_detail(snapshot.status, snapshot, palette, self.app.now())  # type: ignore[attr-defined]
        return missing

    def action_scroll(self, direction: str) -> None:
        body = self.query_one("#detail-body", VerticalScroll)
        body.scroll_down() if direction == "down" else body.scroll_up()
