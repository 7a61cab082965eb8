"""The full item over the dashboard: a quote with its attribution, an issue with every position, …"""

from __future__ import annotations

from rich.console import RenderableType
from rich.text import Text
from textual.binding import Binding

from tui.core.desk_state import DeskState
from tui.core.kinds import BY_NOUN
from tui.core.snapshot import Snapshot
from tui.ui import read_only, render
from tui.ui.palette import Palette
from tui.ui.screens.overlay import Overlay



class DetailScreen(Overlay):
    """Follows the live store: if the item changes while open, it redraws; if removed, it says so."""

    BINDINGS = [
        *Overlay.BINDINGS,
        Binding("backspace", "dismiss", "Back", show=False, tooltip="Back to the dashboard"),
        Binding("e", "edit", "Edit", tooltip="Open the file that defines this item in $EDITOR, at its line"),
    ]

    EDIT_ACTIONS = {"edit": read_only.EDITOR}

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return read_only.refused(self, action) is None

    def __init__(self, kind: str, item_id: str) -> None:
        super().__init__()
        self.kind = kind
        self.item_id = item_id
        self.PANEL_TITLE = BY_NOUN[kind].title

    def on_mount(self) -> None:
        super().on_mount()
        self._shown: Snapshot | None = None
        self.watch(self.app, "state", self._draw)

    def _draw(self, state: DeskState) -> None:
        if state.snapshot is not self._shown:
            self._shown = state.snapshot
            self.show(self._text(state.snapshot))

    def action_edit(self) -> None:
        self.app.edit_item(BY_NOUN[self.kind].section, self.item_id)  # type: ignore[attr-defined]

    def _text(self, snapshot: Snapshot) -> RenderableType:
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
