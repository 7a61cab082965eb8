"""Which items a reload changed, for the moment's highlight on screen."""

from __future__ import annotations

from tui.core.snapshot import Snapshot

_KINDS = ("parties", "issues", "quotes", "events", "sources")


def changed_items(old: Snapshot, new: Snapshot) -> frozenset[tuple[str, str]]:
    """(kind, id) of every item added or changed between two snapshots; 'status' if the deal status moved."""
    changed: set[tuple[str, str]] = set()
    for kind in _KINDS:
        before = {item.id: item for item in getattr(old, kind)}
        for item in getattr(new, kind):
            if before.get(item.id) != item:
                changed.add((kind, item.id))
    if old.status != new.status:
        changed.add(("status", "status"))
    if old.story != new.story:
        changed.add(("story", "story"))
    return frozenset(changed)
