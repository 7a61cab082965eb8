"""The net change of a run of changes: what differs between the first state and the last.

A stance flipped and flipped back, a typo and its fix, a quote added and removed within the
hour: the journal keeps every step (`peacewatch changes` lists them), but none of these is
news. What a reader is told is new, what a brief `--since` lists and what a notification says
is the net change of each field of each item between then and now.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import TypeVar

from tui.core.model.diff import ADDED, CHANGED, REMOVED, Change

T = TypeVar("T")


def net_changes(changes: Sequence[Change]) -> list[Change]:
    """The net change of each (item, field) among `changes` (oldest first), in the order of their
    last step; one that ends where it began is left out, and so are the field changes of an item
    that was added and removed again."""
    return [change for _, change in net_of(changes, lambda change: change)]


def net_of(steps: Sequence[T], change_of: Callable[[T], Change]) -> list[tuple[T, Change]]:
    """`net_changes` for things that carry a change (journal entries): each net change with the
    last step that made it, in the order of those steps."""
    groups: dict[tuple[str, str, str], list[T]] = {}
    for step in steps:
        change = change_of(step)
        groups.setdefault((change.kind, change.item_id, change.field), []).append(step)
    kept: list[tuple[T, Change]] = []
    undone: set[tuple[str, str]] = set()
    for (kind, item_id, field), run in groups.items():
        first, last = change_of(run[0]), change_of(run[-1])
        old = None if first.op == ADDED else first.old
        new = None if last.op == REMOVED else last.new
        if old == new:
            if not field:
                undone.add((kind, item_id))  # the whole item came and went (or went and came back as it was)
            continue
        if not field and old is not None and new is not None:
            # A whole item removed and added back otherwise: both steps stand (no line says "changed whole").
            kept += [(run[0], first), (run[-1], last)]
            continue
        op = ADDED if old is None else REMOVED if new is None else CHANGED
        kept.append((run[-1], dataclasses.replace(last, op=op, old=old, new=new)))
    order = {id(step): index for index, step in enumerate(steps)}
    kept.sort(key=lambda pair: order[id(pair[0])])
    return [(step, change) for step, change in kept if (change.kind, change.item_id) not in undone]
