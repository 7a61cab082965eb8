"""What is news to one reader: their own seen marks, and the net change of what they have not seen.

The journal is the folder's, and may be shared (a desk's `--journal` on a network folder, the
pages of `peacewatch serve`); what a reader has seen is theirs alone. Each reader's marks live
in their own state directory, one file per journal: the highest entry seen with all before it,
and the entries seen one by one beyond it (their own edits, items they opened). A read-only
dashboard or a served page keeps its marks in memory and never writes anybody's.
"""

from __future__ import annotations

import dataclasses
import json
import os
import stat
from collections.abc import Iterable, Sequence
from pathlib import Path

from tui.core.disk.atomic_write import write_atomic
from tui.core.disk.state_dirs import folder_key, state_base
from tui.core.journal.journal import Entry, Reload
from tui.core.model.net import net_of
from tui.core.model.snapshot import Snapshot

MAX_BYTES = 4 * 1024 * 1024
"""A marks file is a number and a few ids; anything larger is not one."""


def seen_marks_path(journal: Path, state_dir: Path | str | None = None) -> Path:
    """Where this user keeps their marks of `journal` (entry ids are the journal's own)."""
    return state_base(state_dir) / "seen" / f"{folder_key(journal)}.json"


class SeenMarks:
    """The entries of one journal that one reader has seen."""

    def __init__(self, path: Path | None, through: int = 0, ids: Iterable[int] = ()) -> None:
        self.path = path
        """Where they are kept; None: in memory only (nothing a read-only reader does is written)."""
        self.through = through
        """Every entry up to this id is seen."""
        self.ids = {i for i in ids if i > through}
        """Entries beyond `through` seen one by one."""
        self.warnings: list[str] = []

    @classmethod
    def open(cls, path: Path | None, entries: Sequence[Entry], *, keep: bool = True) -> SeenMarks:
        """The reader's marks kept at `path`; without a file yet, those the journal itself kept (its
        entries' flags, from before marks were each reader's). With `keep` False they are read but
        never written."""
        marks: SeenMarks | None = None
        problem = None
        if path is not None:
            try:
                marks = cls._read(path)
            except FileNotFoundError:
                pass
            except (OSError, ValueError) as exc:
                problem = f"your marks of what you have seen could not be read ({exc}); starting from the journal's: {path}"
        if marks is None:
            flagged = sorted(e.id for e in entries if e.seen)
            unseen = min((e.id for e in entries if not e.seen), default=None)
            through = max(flagged, default=0) if unseen is None else max((i for i in flagged if i < unseen), default=0)
            marks = cls(None, through, flagged)
        newest = max((e.id for e in entries), default=0)
        if marks.through > newest and entries:
            # The journal was begun again (moved aside, say): its ids start over; what it holds is not news.
            marks = cls(None, newest)
        marks.path = path if keep else None
        if problem:
            marks.warnings.append(problem)
        return marks

    @classmethod
    def _read(cls, path: Path) -> SeenMarks:
        # Never waits on a pipe, never follows a link out: only a regular file is read.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise ValueError("it is not a regular file")
            if info.st_size > MAX_BYTES:
                raise ValueError("it is too large to be a file of marks")
            raw = os.read(fd, MAX_BYTES + 1)
        finally:
            os.close(fd)
        try:
            data = json.loads(raw.decode("utf-8"))
            through, ids = data["through"], data.get("ids", [])
        except (UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError) as exc:
            raise ValueError(f"not a file of marks: {exc}") from None
        if not isinstance(through, int) or not isinstance(ids, list) or not all(isinstance(i, int) for i in ids):
            raise ValueError("not a file of marks")
        return cls(path, through, ids)

    def seen(self, entry: Entry) -> bool:
        return entry.id <= self.through or entry.id in self.ids

    def mark(self, ids: Iterable[int], entries: Sequence[Entry]) -> None:
        """Mark the entries `ids` seen; `entries` (every entry the journal holds) keeps the marks short."""
        self.ids |= set(ids)
        self._settle(entries)

    def mark_all(self, entries: Sequence[Entry]) -> None:
        self.through = max([self.through, *(e.id for e in entries)])
        self._settle(entries)

    def _settle(self, entries: Sequence[Entry]) -> None:
        # `through` moves up past every entry seen: the ids kept one by one are only those beyond a gap.
        for entry_id in sorted(e.id for e in entries if e.id > self.through):
            if entry_id not in self.ids:
                break
            self.through = entry_id
        self.ids = {i for i in self.ids if i > self.through}
        self._save()

    def _save(self) -> None:
        if self.path is None:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            data = json.dumps({"through": self.through, "ids": sorted(self.ids)}).encode()
            write_atomic(self.path, data, new_mode=0o600, folder_sync_required=False)
        except OSError as exc:
            self.warnings.append(f"what you have seen could not be kept for next time ({exc.strerror or exc}): {self.path}")

    def take_warnings(self) -> list[str]:
        taken, self.warnings = self.warnings, []
        return taken


def net_entries(entries: Sequence[Entry], names: Snapshot | None = None) -> list[Entry]:
    """The net change of `entries` (newest first, as the journal lists them), newest first: each
    as the last entry that made it, its change and line from first state to last."""
    steps = list(reversed(entries))
    netted = net_of(steps, lambda entry: entry.change)
    out = [entry if change == entry.change else dataclasses.replace(entry, change=change, text=change.text(names))
           for entry, change in netted]
    return out[::-1]


def net_reloads(reloads: Sequence[Reload], names: Snapshot | None = None) -> list[Reload]:
    """`reloads` (newest first) with only their net changes, each in the reload of its last step."""
    entries = [entry for reload in reloads for entry in reversed(reload.entries)]  # newest first
    groups: dict[int, list[Entry]] = {}
    for entry in net_entries(entries, names):
        groups.setdefault(entry.reload, []).append(entry)
    at = {reload.id: reload.observed_at for reload in reloads}
    return [Reload(rid, at[rid], tuple(reversed(found))) for rid, found in groups.items()]
