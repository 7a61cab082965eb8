"""changed_span finds the run where two sequences stop holding the same objects, exactly as walking them item by item does."""

from __future__ import annotations

import random

from tui.ui.changed_span import changed_span


def _walked(old: tuple, new: tuple) -> tuple[int, int, int]:
    """The same answer, one item at a time."""
    shortest, start = min(len(old), len(new)), 0
    while start < shortest and old[start] is new[start]:
        start += 1
    end = 0
    while end < shortest - start and old[len(old) - 1 - end] is new[len(new) - 1 - end]:
        end += 1
    return start, len(old) - end, len(new) - end


def test_edits_additions_and_removals_anywhere_give_the_span_walking_gives():
    rnd = random.Random(10)
    for _ in range(3000):
        # Lengths around the first slice (64) and its doublings, and few distinct objects, so
        # that the same objects meet at the edges of the span.
        old = tuple(rnd.randrange(4) for _ in range(rnd.choice([0, 1, 2, 63, 64, 65, 191, 192, 700])))
        new = list(old)
        for _ in range(rnd.randrange(4)):
            kind, at = rnd.randrange(3), rnd.randrange(len(new) + 1)
            if kind == 0 and at < len(new):
                new[at] = rnd.randrange(4)
            elif kind == 1:
                new.insert(at, rnd.randrange(4))
            elif at < len(new):
                del new[at]
        assert changed_span(old, tuple(new)) == _walked(old, tuple(new)), (old, new)


def test_shared_objects_outside_one_changed_run_are_not_in_the_span():
    store = tuple(object() for _ in range(50_000))
    saved = store[:1000] + tuple(object() for _ in range(251)) + store[1250:]
    assert changed_span(store, saved) == (1000, 1250, 1251)
    assert changed_span(store, store) == (50_000, 50_000, 50_000)
    assert changed_span((), store[:3]) == (0, 0, 3)


def test_an_equal_object_read_again_is_in_the_span():
    # A reload makes new (equal) models for every quote of the file it read: what follows
    # the old objects must follow the new ones.
    old = tuple([index] for index in range(300))
    new = old[:100] + tuple(list(item) for item in old[100:150]) + old[150:]
    assert new == old
    assert changed_span(old, new) == (100, 150, 150)
