"""The desk's door to the head cache: the story's head as a start's first frame shows it, before
the store's code is imported, and kept current as the folder is read. A part of `Desk`, kept
apart for its size; `cached_head` is on the desk's face for the dashboard.

Importing this module imports no pydantic, PyYAML or TinyDB: the dashboard reads the cache on
the event loop, before its first frame.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.desk.state import DeskState
from tui.core.disk.limits import Limits
from tui.core.store.head_cache import head_files, read_head, write_head

if TYPE_CHECKING:
    from tui.core.store.loader import ContentStore, LoadResult


def cached_head(root: Path | str, limits: Limits = Limits(), state_dir: Path | str | None = None) -> DeskState | None:
    """The story, status, parties and issues as last kept, if the files they came from hold the same
    bytes now; None otherwise. Incomplete (`complete` False): the desk's `load` follows."""
    snapshot = read_head(root, limits, state_dir)
    return None if snapshot is None else DeskState(snapshot=snapshot, read=True, complete=False)


class DeskHead:
    """What `Desk` does with the head cache; it uses the desk's folder, limits and store."""

    root: Path
    limits: Limits
    _store: ContentStore
    _state_dir: Path | str | None
    _keeps_head: bool = False
    """Whether reads keep the head: the dashboard's desk's do. A command's would pay ~3 ms for it, and a
    command that changes the head only makes the next start read the store before its first frame."""
    _head_from: frozenset[str] | None = None
    """The files the kept head was made from; None until it is kept (or after it could not be)."""
    _files_known: frozenset[str] = frozenset()
    """Every file the store had read when the head was kept."""

    def _keep_head(self, result: LoadResult) -> None:
        """Keep the head after a read that changed a file it comes from, or one at the folder's top
        (a new file there, or one gone, changes what a start checks).

        Only a head whose every file read whole and without a problem is kept: a head shown from
        the cache must be what a load of the same bytes shows."""
        if not self._keeps_head or result.recheck_in is not None:
            return  # not the dashboard's desk; or a file mid-save or briefly missing: kept once it has settled
        store = self._store
        digests = store.digests()
        # The entry names the files in subfolders too (a start checks them): one new or gone is a change.
        if self._head_from is not None and not any(
            "/" not in p or p in self._head_from or (p in digests) != (p in self._files_known) for p in result.changed
        ):
            return  # the common save, of a quotes file: nothing of the head changed
        wanted = {p for p in digests if "/" not in p} | head_files(result.snapshot)
        if all(p in digests and store.shows_as_read(p) and not store.problems_of(p) for p in wanted):
            # Written or not (a state directory that cannot be written), tried again only when the head changes.
            write_head(self.root, self.limits, result.snapshot, {p: digests[p] for p in wanted}, self._state_dir)
            self._head_from, self._files_known = frozenset(wanted), frozenset(digests)
        else:
            self._head_from = None  # looked at again after the next read: a fix is a change
