"""The parties to the talks: each with its role and its people."""

from __future__ import annotations

from textual.app import ComposeResult

from tui.core.model.snapshot import Snapshot
from tui.ui import render
from tui.ui.widgets.pane import FilteringPane
from tui.ui.widgets.row_list import RowList


class PartiesPane(FilteringPane):
    """Moving onto a party filters the quotes to it; Enter shows its people, positions and quotes."""

    BORDER_TITLE = "2 Parties"
    SECTION, NOUN = "parties", "party"

    def compose(self) -> ComposeResult:
        yield RowList(row_height=2, empty="no parties yet", id="parties-list")

    def show_snapshot(self, old: Snapshot, new: Snapshot) -> None:
        if old.parties == new.parties and old is not new and self.query_one(RowList).keys:
            return
        changed = [p.id for p in new.parties if old.party_by_id.get(p.id) != p]
        parties = new.party_by_id
        self.query_one(RowList).set_rows(
            [p.id for p in new.parties], lambda key, width: render.party_row(parties[key]), changed
        )
