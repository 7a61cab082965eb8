"""The store and its journal together: every load is checked, recorded, and summed up for a screen.

Every method blocks (file reads, the journal's writes), so the dashboard calls them from a
thread; `peacewatch changes` calls the journal directly. Nothing here imports Textual.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from tui.core.loader import ContentStore, LoadResult
from tui.core.yaml_reader import Limits

if TYPE_CHECKING:  # imported when first used, after the first load is on screen
    from tui.core.diff import Change
    from tui.core.journal import Journal, Reload

NO_JOURNAL = "off"
"""Pass as `journal` to keep no journal at all (changes are then only highlighted)."""


@dataclass(frozen=True)
class Update:
    """One load's outcome: the store, what changed in it, and what the user hasn't seen yet."""

    result: LoadResult
    changes: tuple[Change, ...]
    """What this load changed (against the journal's last state, or the previous load)."""
    unseen: frozenset[tuple[str, str]]
    """(kind, id) of every item with a change the user has not marked seen."""
    unseen_count: int
    unseen_since: dt.datetime | None
    last_change: dt.datetime | None
    """When the journal last saw the store change."""
    warnings: tuple[str, ...]


class Follower:
    """Loads a content folder and, unless told not to, keeps its journal of changes."""

    def __init__(self, root: Path, limits: Limits = Limits(), journal: Path | str | None = None, state_dir: Path | None = None) -> None:
        self.store = ContentStore(Path(root), limits)
        self._warnings: list[str] = []
        self.journal: Journal | None = None
        self._journal_at = journal
        self._state_dir = state_dir
        self._previous = self.store.snapshot
        self._result: LoadResult | None = None
        """The last load recorded, for summaries made between loads (marking things seen)."""

    def load(self) -> LoadResult:
        """Scan the whole folder. Record the result with `record` once it is on screen."""
        return self.store.load()

    def reload(self, paths: Iterable[str]) -> LoadResult:
        return self.store.reload(paths)

    def _open_journal(self) -> None:
        # Opened on first use, so the first load reaches the screen before the journal is read.
        from tui.core.journal import Journal

        if self.journal is None and self._journal_at != NO_JOURNAL:
            self.journal, warnings = Journal.open(self.store.root, path=self._journal_at, state_dir=self._state_dir)
            self._warnings += warnings
            self._journal_at = NO_JOURNAL

    def record(self, result: LoadResult) -> Update:
        """Record what a load changed in the journal, and sum up what the user hasn't seen."""
        from tui.core import diff
        from tui.core.journal import unloaded_files
        from tui.core.journal_storage import JournalError

        self._open_journal()
        changes: list[Change] = []
        if self.journal is None:
            if result.snapshot is not self._previous and self._previous.story is not None:
                changes = diff.diff_snapshots(self._previous, result.snapshot)
        elif not unloaded_files(result, self.store.root):
            # While a file gives nothing (broken on a fresh start, mid-save), recording would
            # log its items as removed, and as new again once it loads: wait until it does.
            try:
                changes = self.journal.record(result.snapshot)
            except JournalError as exc:
                self._warnings.append(str(exc))
        self._previous, self._result = result.snapshot, result
        return self._summary(result, changes)

    def _summary(self, result: LoadResult, changes: list[Change]) -> Update:
        from tui.core.journal_storage import JournalError

        entries: list = []
        if self.journal is not None:
            try:
                entries = self.journal.entries()  # newest first; read once, every figure below comes from it
            except (JournalError, OSError) as exc:
                # E.g. its folder replaced by a file: the dashboard must go on following the store.
                self._warnings.append(f"cannot read the change journal {self.journal.path}: {exc}")
            self._warnings += self.journal.take_warnings()
        unseen = [e for e in entries if not e.seen]
        last_change = entries[0].observed_at if entries else None
        warnings, self._warnings = tuple(self._warnings), []
        return Update(
            result=result,
            changes=tuple(changes),
            unseen=frozenset((e.change.kind, e.change.item_id) for e in unseen),
            unseen_count=len(unseen),
            unseen_since=min((e.observed_at for e in unseen), default=None),
            last_change=last_change,
            warnings=warnings,
        )

    def mark_seen(self, kind: str, item_id: str) -> Update:
        self._open_journal()
        if self.journal is not None:
            self.journal.mark_seen(kind, item_id)
        return self._summary(self._last_result, [])

    def mark_all_seen(self) -> Update:
        self._open_journal()
        if self.journal is not None:
            self.journal.mark_all_seen()
        return self._summary(self._last_result, [])

    def reloads(self) -> list[Reload]:
        """The journal's changes grouped by reload, newest first (empty without a journal)."""
        self._open_journal()
        return self.journal.reloads() if self.journal is not None else []

    @property
    def _last_result(self) -> LoadResult:
        # Never the store itself: marking seen runs in its own thread, beside a reload.
        assert self._result is not None, "nothing loaded yet"
        return self._result

    def close(self) -> None:
        if self.journal is not None:
            self.journal.close()
