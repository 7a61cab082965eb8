"""What every dashboard pane shares: the state it is fed, its list of items, and how it reports up."""

from __future__ import annotations

from textual.binding import Binding
from textual.containers import Vertical
from textual.reactive import reactive

from tui.core.snapshot import Snapshot
from tui.ui.messages import EditItem, FilterQuotes, OpenItem
from tui.ui.widgets.row_list import RowList


class Pane(Vertical):
    """A bordered region around one RowList of items of one kind, fed by the screen's state."""

    ALLOW_MAXIMIZE = True

    KIND = ""
    """The snapshot's and journal's name for the listed items, e.g. "parties"."""
    OPENS = ""
    """What Enter on a row opens, e.g. "party"."""

    snapshot: reactive[Snapshot] = reactive(Snapshot, init=False, always_update=True)
    """The store as it stands; set by the screen on every reload."""
    flash: reactive[frozenset[tuple[str, str]]] = reactive(frozenset, init=False)
    """(kind, id) of items that changed in the last reload, drawn highlighted for a moment."""
    unseen: reactive[frozenset[tuple[str, str]]] = reactive(frozenset, init=False)
    """(kind, id) of items with changes the user hasn't seen, marked until seen."""

    def _of(self, pairs: frozenset[tuple[str, str]]) -> frozenset[str]:
        return frozenset(item_id for kind, item_id in pairs if kind == self.KIND)

    def watch_flash(self) -> None:
        self.query_one(RowList).flash(self._of(self.flash))

    def watch_unseen(self) -> None:
        self.query_one(RowList).mark(self._of(self.unseen))

    BINDINGS = [Binding("e", "edit", "Edit", tooltip="Open the file that defines this item in $EDITOR, at its line")]

    def on_row_list_highlighted(self, event: RowList.Highlighted) -> None:
        event.stop()

    def action_edit(self) -> None:
        key = self.query_one(RowList).current
        if key:
            self.post_message(EditItem(self.KIND, key))

    def on_row_list_opened(self, event: RowList.Opened) -> None:
        event.stop()
        self.post_message(OpenItem(self.OPENS, event.key))


class FilteringPane(Pane):
    """A pane whose items filter the quotes: moving onto one, or pressing f, shows only its quotes."""

    BINDINGS = [Binding("f,space", "filter", "Filter quotes", tooltip="Show only the quotes of the party or issue under the cursor")]

    def on_row_list_highlighted(self, event: RowList.Highlighted) -> None:
        event.stop()
        if event.key and self.query_one(RowList).has_focus:
            self.post_message(FilterQuotes(**{self.OPENS: event.key}))

    def action_filter(self) -> None:
        key = self.query_one(RowList).current
        if key:
            self.post_message(FilterQuotes(**{self.OPENS: key}))
