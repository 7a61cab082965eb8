"""Where two sequences stop holding the very same objects, found by comparing in C rather than item by item in Python.

A reload gives back the very same model objects for the files it did not read again, and a
snapshot keeps its quotes in one order (newest first): a save of one day's file replaces one
run of some 250 quotes among 50,000. Comparing the two by identity, with map and all (C),
finds that run for about a millisecond at 50,000, where a loop over the items would cost a
pass of Python over the store.
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import is_
from typing import Any

FIRST_STEP = 64
"""Items compared in the first slice from each end; each slice after is twice the one before."""


def changed_span(old: Sequence[Any], new: Sequence[Any]) -> tuple[int, int, int]:
    """`(start, old_end, new_end)`: `old[:start]` and `new[:start]` are the same objects, and so are `old[old_end:]` and `new[new_end:]`.

    What lies between, `old[start:old_end]` in the old and `new[start:new_end]` in the new,
    holds every object that is not the same (and may hold some that are, between two that
    are not). Identity, not equality: an item read again is a new object even where it is
    equal to the old, and what follows the old objects (a fold, a drawn row) must follow the
    new ones; comparing equal models field by field would also cost more than it saves.
    """
    shortest = min(len(old), len(new))
    start = _same_run(old, new, shortest, from_end=False)
    end = _same_run(old, new, shortest - start, from_end=True)
    return start, len(old) - end, len(new) - end


def _same_run(old: Sequence[Any], new: Sequence[Any], limit: int, *, from_end: bool) -> int:
    """How many items `old` and `new` share at their start (or end), at most `limit`.

    Slices grow from FIRST_STEP, doubling, so a difference near the end searched from costs
    little; within the slice that differs, halving finds the first differing item.
    """
    old_len, new_len = len(old), len(new)

    def same(low: int, high: int) -> bool:
        """Whether the items `low` to `high` (counted from the start, or from the end) are the same objects."""
        if from_end:
            low, high = old_len - high, old_len - low
            shift = new_len - old_len
            return all(map(is_, old[low:high], new[low + shift:high + shift]))
        return all(map(is_, old[low:high], new[low:high]))

    low, step = 0, FIRST_STEP
    while low < limit:
        high = min(low + step, limit)
        if same(low, high):
            low, step = high, step * 2
            continue
        # The first difference is in low..high: halve until it is the item at `low`.
        while high - low > 1:
            middle = (low + high) // 2
            if same(low, middle):
                low = middle
            else:
                high = middle
        return low
    return low
