"""The desk's door to the journal: opened on first use, with this reader's own seen marks; what
changed, per reload or per item, and what this reader has seen. A part of `Desk`, kept apart for its size."""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.core.desk.state import DeskState
    from tui.core.journal.journal import Entry, Journal, Reload
    from tui.core.journal.news import SeenMarks
    from tui.core.model.diff import Change
    from tui.core.store.loader import ContentStore

NO_JOURNAL = "off"
"""Pass as `journal` to keep no journal at all (changes are then only highlighted)."""


class DeskJournal:
    """What `Desk` does with the journal; it uses the desk's folder, lock, store and state."""

    root: Path
    state: DeskState
    _lock: threading.RLock
    _store: ContentStore
    _journal: Journal | None
    _journal_at: Path | str | None
    _state_dir: Path | str | None
    _keep_seen: bool
    _marks: SeenMarks | None
    _warnings: list[str]
    _summary: Callable[[tuple[Change, ...], bool], DeskState]

    def mark_seen(self, kind: str, item_id: str) -> DeskState:
        """Mark the changes of one item seen, for this reader only (e.g. ('issues', 'territory'))."""
        with self._lock:
            self._open_journal()
            if self._journal is not None and self._marks is not None:
                entries = self._journal.entries()
                self._marks.mark([e.id for e in entries if e.change.kind == kind and e.change.item_id == item_id], entries)
            self.state = self._summary(self.state.changes, self.state.own)
            return self.state

    def mark_all_seen(self) -> DeskState:
        """Mark every change seen, for this reader only."""
        with self._lock:
            self._open_journal()
            if self._journal is not None and self._marks is not None:
                self._marks.mark_all(self._journal.entries())
            self.state = self._summary(self.state.changes, self.state.own)
            return self.state

    def reloads(self, since: dt.datetime | None = None, *, unseen_only: bool = False, net: bool = False) -> list[Reload]:
        """The journal's changes grouped by reload, newest first (empty without a journal), each
        entry seen or not as this reader has seen it. With `net`, only the net change of each field
        between `since` and now (a change undone meanwhile is left out); else every recorded step."""
        from tui.core.journal.journal import Reload
        from tui.core.journal.news import net_reloads

        with self._lock:
            self._open_journal()
            if self._journal is None:
                return []
            found = self._journal.reloads(since)
            marks = self._marks
            if marks is not None:
                found = [Reload(r.id, r.observed_at, tuple(dataclasses.replace(e, seen=marks.seen(e)) for e in r.entries)) for r in found]
            if unseen_only:
                found = [Reload(r.id, r.observed_at, kept) for r in found if (kept := tuple(e for e in r.entries if not e.seen))]
            return net_reloads(found, self._store.snapshot) if net else found

    @property
    def journal_path(self) -> Path | None:
        with self._lock:
            self._open_journal()
            return self._journal.path if self._journal is not None else None

    def _open_journal(self) -> None:
        # Opened on first use, so the first load reaches the screen before the journal is read.
        from tui.core.journal.journal import Journal

        if self._journal is None and self._journal_at != NO_JOURNAL:
            from tui.core.journal.news import SeenMarks, seen_marks_path
            from tui.core.journal.storage import JournalError

            self._journal, warnings = Journal.open(self.root, path=self._journal_at, state_dir=self._state_dir)
            self._warnings += warnings
            self._journal_at = NO_JOURNAL
            where = seen_marks_path(self._journal.path, self._state_dir) if self._journal.path is not None else None
            try:
                entries = self._journal.entries()
            except (JournalError, OSError):
                entries = []  # said when the summary reads them
            self._marks = SeenMarks.open(where, entries, keep=self._keep_seen)

    def history(self, section: str, item_id: str) -> list[Entry]:
        """The journal's entries about one item, oldest first (empty without a journal)."""
        with self._lock:
            return [e for reload in reversed(self.reloads()) for e in reload.entries
                    if e.change.kind == section and e.change.item_id == item_id]

    def stance_moves(self, issue_id: str) -> dict:
        """How each party's stance on an issue moved, from the journal (see `stance_history`)."""
        from tui.core.journal.stance_history import stance_moves

        return stance_moves(self.history("issues", issue_id))

    def _stand_in_kept_files(self) -> None:
        """A file this run has never read whole (broken on a fresh start) is shown as the journal
        last recorded it, and the banner says so with when; never an edit's base (it is not the file)."""
        from pydantic import ValidationError

        from tui.core.model.items import ContentFile
        from tui.core.store.parsed_file import ParsedFile, Places
        from tui.core.text.problems import Problem

        if self._journal is None:
            return
        for relative in self._store.without_good_version():
            kept = self._journal.kept_file(relative)
            if kept is None:
                continue
            state, at = kept
            try:
                content = ContentFile.model_validate(state)
            except ValidationError:
                continue  # kept by an older model: nothing to show in its place
            when = f"as the change journal recorded it on {at.astimezone():%-d %b %Y at %H:%M}" if at else "as the change journal last recorded it"
            note = Problem(relative, 1, 1, f"cannot be read now, so it is shown {when}; fix it to see it as it is")
            self._store.stand_in(relative, ParsedFile(relative, content, Places({}, {})), note)
