"""Undo recorded changes by writing the old values back, through the same edit path as any edit.

A change is reverted only if what it made is still there: an item changed again since (by a
colleague, by a later edit) is refused with what it holds now, never overwritten.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic_core import to_jsonable_python

from tui.core.edits.engine import EditRefused
from tui.core.edits.item_requests import Batch, ItemRequest, RemoveItem, RestoreItem, UpdateItem
from tui.core.model.diff import ADDED, CHANGED, REMOVED, Change, show
from tui.core.model.snapshot import Snapshot
from tui.core.model.targets import Target, find
from tui.core.text.problems import Problem


def _now(snapshot: Snapshot, target: Target, rest: list[str]) -> Any:
    node = find(snapshot, target)
    if node is None:
        return None
    for name in rest:
        node = getattr(node, name, None)
    return to_jsonable_python(node)


def _same(a: Any, b: Any) -> bool:
    empty: tuple[Any, ...] = (None, "", [])
    return (a in empty and b in empty) or a == b


def undo(change: Change, snapshot: Snapshot) -> ItemRequest:
    """The edit that takes `change` back, or EditRefused if the item moved on since."""
    target, rest = Target.from_field(change.kind, change.item_id, change.parts)
    where = change.path or f"{change.kind}.yaml"
    if change.kind in ("story", "status") and not target.nested and not rest and change.op != CHANGED:
        raise EditRefused([Problem(where, 1, 1, f"{target.describe(snapshot)} was added or removed as a whole; put it back by hand")],
                          "cannot be reverted here")
    now = _now(snapshot, target, rest)
    if change.op == CHANGED or rest:
        if len(rest) != 1:
            raise EditRefused([Problem(where, 1, 1, "this change is inside a field peacewatch cannot address; revert it by hand")],
                              "cannot be reverted here")
        if not _same(now, change.new):
            return _refuse(where, target, snapshot, rest[0], now)
        old = change.old
        return UpdateItem(target, {rest[0]: old if old is not None else ""})
    if change.op == ADDED:
        if now is None:
            raise EditRefused([Problem(where, 1, 1, f"{target.describe(snapshot)} is no longer in the store; nothing to revert")],
                              "already gone")
        if not _same(now, change.new):
            return _refuse(where, target, snapshot, "", now)
        return RemoveItem(target)
    if change.op == REMOVED:
        if now is not None:
            raise EditRefused([Problem(where, 1, 1, f"{target.describe(snapshot)} is in the store again; nothing to revert")],
                              "already back")
        return RestoreItem(target, change.old or {}, change.path, change.after)
    raise EditRefused([Problem(where, 1, 1, f"unknown kind of change '{change.op}'")])


def _refuse(where: str, target: Target, snapshot: Snapshot, name: str, now: Any) -> ItemRequest:
    what = f"{name} of {target.describe(snapshot)}" if name else target.describe(snapshot)
    why = f"{what} has changed since (it now reads {show(now)}); nothing was written: look at it, then edit it"
    raise EditRefused([Problem(where, 1, 1, why)], "changed since")


def undo_all(changes: Sequence[Change], snapshot: Snapshot, summary: str = "") -> Batch:
    """One edit that takes back every change (a whole reload), newest first; all or nothing.

    Items removed in the same batch may refer to each other (a quote and the source it
    cites), so references are checked on the result, with the whole store, not one by one.
    """
    requests: list[ItemRequest] = []
    for change in reversed(changes):
        request = undo(change, snapshot)
        if isinstance(request, RemoveItem):
            request = RemoveItem(request.target, check_references=False)
        requests.append(request)
    # Removals first, then field changes, then items put back (at the ends of their lists): an
    # item's place in its file, which the check of each step reads, is then never moved by a
    # later step. References are checked once, on the result.
    requests.sort(key=lambda r: 0 if isinstance(r, RemoveItem) else 1 if isinstance(r, UpdateItem) else 2)
    return Batch(tuple(requests), summary)
