"""What the app does with the memory a store takes."""

from __future__ import annotations

import gc


def freeze_store() -> None:
    """Take every object alive now, the whole store among them, out of the garbage collector's passes.

    A store of 50,000 quotes is half a million objects that live as long as it does, and
    Python's full collection walks them all, some 0.3 s with the GIL held, whenever enough
    new objects have piled up: every few saves, in the middle of a key or a save. Frozen,
    they are still freed by their reference counts when a reload replaces them (a model
    holds no cycle); a fresh load has next to no cyclic garbage to keep (a few dozen objects).
    """
    gc.freeze()
