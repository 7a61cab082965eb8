"""The parties to the talks: each with its role and its people."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding

from tui.core.snapshot import Snapshot
from tui.ui import render
from tui.ui.messages import FilterQuotes, OpenItem
from tui.ui.widgets.pane import Pane
from tui.ui.widgets.row_list import RowList


class PartiesPane(Pane):
    """Moving onto a party filters the quotes to it; Enter shows its people, positions and quotes."""

    BORDER_TITLE = "2 Parties"

    BINDINGS = [Binding("f,space", "filter", "Filter quotes", tooltip="Show only the quotes of the party under the cursor")]

    def compose(self) -> ComposeResult:
        yield RowList(row_height=2, empty="no parties yet", id="parties-list")

    def watch_snapshot(self, old: Snapshot, new: Snapshot) -> None:
        if old.parties == new.parties and old is not new and self.query_one(RowList).keys:
            return
        changed = [p.id for p in new.parties if old.party_by_id.get(p.id) != p]
        parties = new.party_by_id
        self.query_one(RowList).set_rows(
            [p.id for p in new.parties], lambda key, width: render.party_row(parties[key]), changed
        )

    def watch_flash(self) -> None:
        self.query_one(RowList).flash(self.flashed("parties"))

    def watch_unseen(self) -> None:
        self.query_one(RowList).mark(self.unseen_of("parties"))

    def on_row_list_highlighted(self, event: RowList.Highlighted) -> None:
        event.stop()
        if event.key and self.query_one(RowList).has_focus:
            self.post_message(FilterQuotes(party=event.key))

    def action_filter(self) -> None:
        key = self.query_one(RowList).current
        if key:
            self.post_message(FilterQuotes(party=key))

    def on_row_list_opened(self, event: RowList.Opened) -> None:
        event.stop()
        self.post_message(OpenItem("party", event.key))
