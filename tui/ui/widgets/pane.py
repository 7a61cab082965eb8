"""What every dashboard pane shares: the snapshot it shows and the items that just changed."""

from __future__ import annotations

from textual.containers import Vertical
from textual.reactive import reactive

from tui.core.snapshot import Snapshot


class Pane(Vertical):
    """A bordered, focusable region fed by the screen's snapshot; subclasses draw it."""

    ALLOW_MAXIMIZE = True

    snapshot: reactive[Snapshot] = reactive(Snapshot, init=False, always_update=True)
    """The store as it stands; set by the screen on every reload."""
    flash: reactive[frozenset[tuple[str, str]]] = reactive(frozenset, init=False)
    """(kind, id) of items that changed in the last reload, drawn highlighted for a moment."""

    unseen: reactive[frozenset[tuple[str, str]]] = reactive(frozenset, init=False)
    """(kind, id) of items with changes the user hasn't seen, marked until seen."""

    def flashed(self, kind: str) -> frozenset[str]:
        return frozenset(item_id for k, item_id in self.flash if k == kind)

    def unseen_of(self, kind: str) -> frozenset[str]:
        return frozenset(item_id for k, item_id in self.unseen if k == kind)
