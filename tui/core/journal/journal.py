"""The change journal: every change the store went through, kept across restarts in TinyDB."""

from __future__ import annotations

import datetime as dt
import os
import re
import threading
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from tinydb import TinyDB
from tinydb.table import Document, Table

from tui.core.journal.kept import KeptStates
from tui.core.journal.per_file import confirm_sources, file_tokens, files_baseline, save_files, state_of_document
from tui.core.journal.retention import DEFAULT_RETENTION, Retention, expired, not_a_journal_file, when_of
from tui.core.journal.state import changed_paths, default_journal_path, snapshot_of
from tui.core.journal.storage import AtomicJSONStorage, JournalError, JournalStorage, MemoryJournalStorage
from tui.core.model.diff import Change, diff_snapshots
from tui.core.model.snapshot import Snapshot
from tui.core.text.problems import Problem

__all__ = ["Entry", "Journal", "JournalError", "Reload", "Retention", "default_journal_path", "unloaded_files"]

FORMAT = 1
"""The journal file's layout; a file of another layout is moved aside, never misread."""

LAYOUT = "kept-files"
"""How the last recorded state is kept: per content file, each file's state apart (`kept`). Older
journals kept it per file inline ("files"), or whole, as 'state'; both are still read."""


@dataclass(frozen=True)
class Entry:
    """One recorded change: when it was observed, in which reload, and whether the reader has seen it."""

    id: int
    reload: int
    observed_at: dt.datetime
    change: Change
    text: str
    """The readable line, written with the names the store had when the change was seen."""
    seen: bool
    """As the desk gives it: whether this reader has seen it (their own marks, see `news`). In the
    file, journals before marks were each reader's kept one flag for everyone."""
    author: str | None = None
    """Who made the change: the name a served page's reader gave, or where git says (the author of
    the commit that brought it, or the user who committed the edit); else None."""

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "reload": self.reload, "observed_at": self.observed_at.isoformat(),
                **self.change.to_json(), "text": self.text, "seen": self.seen, "author": self.author}


@dataclass(frozen=True)
class Reload:
    """The changes one load or reload found, newest group first when listed."""

    id: int
    observed_at: dt.datetime
    entries: tuple[Entry, ...]


_NUMBERS = re.compile(r"\d+")


def problem_keys(problems: Iterable[Problem]) -> set[str]:
    """Problems as the journal compares them: file and message, less the line numbers an edit moves."""
    return {f"{p.path}|{_NUMBERS.sub('#', p.message)}" for p in problems}


def unloaded_files(snapshot: Snapshot, problems: Iterable[Problem], root: Path) -> list[str]:
    """Files that exist but gave the snapshot nothing (unparsable, mid-save): not yet safe to record.

    Recording then would log their items as removed, and as new again once they are fixed.
    """
    loaded = {origin.path for origin in snapshot.origins.values()}
    return sorted({p.path for p in problems if p.path not in loaded and (Path(root) / p.path).is_file()})


def _utc(moment: dt.datetime | None) -> dt.datetime:
    # A naive time is taken as local, which is what a person typing one means.
    return (moment or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)


def _same_places(old: Snapshot, new: Snapshot) -> bool:
    """Whether every item is defined in the same file in both (lines may differ)."""
    if len(old.origins) != len(new.origins):
        return False
    before = old.origins
    for key, origin in new.origins.items():
        was = before.get(key)
        if was is None or was.path != origin.path:
            return False
    return True


class Journal:
    """A content folder's change journal. Thread-safe; several processes may share one file."""

    def __init__(self, db: TinyDB, content_dir: Path | None, retention: Retention) -> None:
        self._db = db
        storage = db.storage
        if not isinstance(storage, JournalStorage):
            raise TypeError(f"a journal keeps its data in a journal storage, not in {type(storage).__name__}")
        self._storage: JournalStorage = storage
        self.content_dir = content_dir
        self.retention = retention
        self._lock = threading.RLock()
        self._warnings: list[str] = []
        self._kept = KeptStates(storage.path) if storage.path is not None else None
        self._baseline: tuple[str, Snapshot] | None = None
        """The last state this process read or wrote, with its token: saves re-reading it."""
        self.recorded_ids: tuple[int, ...] = ()
        """The ids of the entries the last `record` wrote (an edit's own: its author has seen them)."""

    @classmethod
    def open(
        cls,
        content_dir: Path | str | None = None,
        *,
        path: Path | str | None = None,
        retention: Retention = DEFAULT_RETENTION,
        state_dir: Path | str | None = None,
        lock_timeout: float = 10.0,
    ) -> tuple[Journal, list[str]]:
        """Open (or start) a journal; never raises for a bad file, returns what went wrong as warnings."""
        if content_dir is None and path is None:
            raise TypeError("Journal.open needs a content folder or a journal path")
        root = Path(content_dir).resolve() if content_dir is not None else None
        warnings: list[str] = []
        if path is not None and root is not None and Path(path).resolve().is_relative_to(root):
            warnings.append(f"a journal may not live inside the content folder; ignoring {path}")
            path = None
        if path is not None:
            target = Path(path)
        else:
            assert root is not None  # checked above: without a path there is a content folder
            target = default_journal_path(root, state_dir)
        try:
            refused = not_a_journal_file(target)
            if refused is not None:
                # Said, and nothing renamed: a folder or pipe named by mistake is the user's own.
                raise JournalError(refused)
            target.parent.mkdir(parents=True, exist_ok=True)
            if not os.access(target.parent, os.W_OK):
                raise PermissionError(f"{target.parent} is not writable")
            journal = cls(TinyDB(target, storage=AtomicJSONStorage, lock_timeout=lock_timeout), root, retention)
            journal._check()
            journal._tidy()
        except (OSError, JournalError) as exc:
            warnings.append(f"the change journal {target} cannot be used ({exc}); changes are kept only until peacewatch quits")
            journal = cls(TinyDB(storage=MemoryJournalStorage), root, retention)
        return journal, warnings + journal.take_warnings()

    def _tidy(self) -> None:
        """At open, drop what is past retention and rewrite the file if anything went: a journal
        kept longer (by an older version, or a retention since shortened) is then not replayed
        whole at every start, only to be cut short in memory. Measured from its newest entry, as
        each record measures; looked at first without the lock, which only a tidy-up then takes."""
        docs = self._table("changes").all()
        times = [when for d in docs if (when := when_of(d)) is not None]
        if not times or not expired(docs, self.retention, max(times)):
            return
        try:
            with self._lock, self._storage.transaction():
                if self._expire(self._table("changes"), max(times)):
                    self._storage.compact()
        except JournalError:
            pass  # another writer holds it: the next start (or record) tidies it

    @property
    def path(self) -> Path | None:
        """The journal file; None when the journal is kept in memory only."""
        return self._storage.path

    def _table(self, name: str) -> Table:
        # A fresh Table each time: TinyDB's tables cache the next id, which another writer may have taken.
        return Table(self._storage, name, cache_size=0)

    def _meta(self) -> Mapping[str, Any]:
        """The journal's own record: its format, content folder and next ids; empty for a new journal."""
        return self._table("meta").get(doc_id=1) or {}

    def _check(self) -> None:
        # Only reads, so opening never waits for another writer; a damaged file is moved aside under the lock.
        meta = self._meta()
        if meta and meta.get("format") != FORMAT:
            with self._storage.transaction():
                meta = self._meta()
                if meta and meta.get("format") != FORMAT:
                    self._storage.move_aside(f"its format is {meta.get('format')!r}, this peacewatch reads {FORMAT}")
        elif self.content_dir and meta.get("content") not in (None, str(self.content_dir)):
            self._warnings.append(f"the change journal {self.path} was kept for {meta['content']}, now used for {self.content_dir}")

    def take_warnings(self) -> list[str]:
        """Warnings since the last call: a journal moved aside, a state that could not be read."""
        with self._lock:
            taken, self._warnings = self._warnings + self._storage.warnings, []
            self._storage.warnings.clear()
            return taken

    def record(
        self, snapshot: Snapshot, observed_at: dt.datetime | None = None,
        problems: Iterable[Problem] | None = None, authors: Mapping[str, str] | None = None,
        sources: Mapping[str, bytes] | None = None,
    ) -> list[Change]:
        """Record what changed since the last state the journal knows, then remember `snapshot`.

        The first call on a new journal only remembers the state and returns no changes.
        Raises JournalError if the file cannot be written (nothing is then lost: the next
        call finds the same changes again). Who has seen them is each reader's own (see `news`).

        With `problems` (the store's, as loaded), a state with a problem the last recorded
        state did not have is not recorded: a typo in an id, a moment of duplicate ids, a
        half-made edit. Once the store is as consistent as before, the net effect is recorded
        as one change, so the journal (and a bot that posts it) never reports a slip and its fix.

        `authors` names who wrote each store-relative file (from git); each change in such a
        file is recorded with its author. `sources` gives, for each file whose items are just
        what its bytes say, the digest of those bytes (the store's `sources`): a file recorded
        from the same bytes is then known unchanged without making its items JSON again.
        """
        at = _utc(observed_at)
        with self._lock:
            self.recorded_ids = ()
            try:
                with self._storage.transaction():
                    changes, baseline = self._record(snapshot, at, problems, authors or {}, sources or {})
            except OSError as exc:
                raise JournalError(f"cannot write the change journal {self.path}: {exc.strerror or exc}") from exc
            self._baseline = baseline
            return changes

    def _record(
        self, snapshot: Snapshot, at: dt.datetime, problems: Iterable[Problem] | None = None,
        authors: Mapping[str, str] | None = None, sources: Mapping[str, bytes] | None = None,
    ) -> tuple[list[Change], tuple[str, Snapshot]]:
        state_table = self._table("state")
        stored = state_table.get(doc_id=1)
        # Every file's token only where the recorded state is read back (a session's first record);
        # after that, those of the files written (below): a save's record costs its files.
        reread = stored is not None and not (self._baseline and stored.get("token") == self._baseline[0])
        tokens = file_tokens(snapshot, sources) if sources and reread else {}
        before, same = self._stored_baseline(stored, snapshot, tokens)
        confirmed = {path: tokens[path] for path in same if path in tokens}
        keys = problem_keys(problems) if problems is not None else None
        # A state stored before problems were kept is taken as consistent as the store is now.
        known = set(stored["problems"]) if stored is not None and "problems" in stored else (keys or set())
        if before is not None and stored is not None and keys is not None and not keys <= known:
            return [], (stored["token"], before)  # passing through a slip: wait for the net effect
        if before is not None:
            changes = diff_snapshots(before, snapshot)
            if stored is not None and not changes and _same_places(before, snapshot) and (keys is None or keys == known):
                confirm_sources(self._table("files"), confirmed)
                return [], (stored["token"], snapshot)
        else:
            changes = []
        meta = self._meta()
        reload_id, first = int(meta.get("next_reload", 1)), int(meta.get("next_entry", 1))
        docs = [
            Document({"reload": reload_id, "at": at.isoformat(), **c.to_json(), "text": c.text(snapshot), "seen": False}
                     | ({"author": authors[c.path]} if authors and c.path is not None and c.path in authors else {}), first + i)
            for i, c in enumerate(changes)
        ]
        table = self._table("changes")
        table.insert_multiple(docs)
        self.recorded_ids = tuple(range(first, first + len(docs)))
        if self._expire(table, at):
            # Appending says what went; rewriting the file also lets the dropped entries' bytes go,
            # so a journal past its retention shrinks on disk, not only in memory.
            self._storage.compact()
        # The state is kept per content file: only the files whose items changed are written
        # again, so a record costs what changed, not the size of the store.
        per_file = before is not None and stored is not None and "state" not in stored and stored.get("layout") in (LAYOUT, "files")
        paths = changed_paths(before, snapshot) if per_file and before is not None else None
        if sources and not tokens:
            tokens = file_tokens(snapshot, sources, paths)
        unwritten = {path: token for path, token in confirmed.items() if paths is not None and path not in paths}
        if save_files(self._table("files"), snapshot, paths, at, self._kept, tokens, unwritten):
            self._storage.compact()  # states moved out of the file: let their bytes go
        token = uuid.uuid4().hex
        state_table.truncate()
        state_table.insert(Document({"token": token, "layout": LAYOUT, "problems": sorted(keys or ())}, 1))
        self._table("meta").truncate()
        self._table("meta").insert(Document({
            "format": FORMAT, "content": str(self.content_dir) if self.content_dir else meta.get("content"),
            "next_reload": reload_id + 1 if docs else reload_id, "next_entry": first + len(docs),
        }, 1))
        return changes, (token, snapshot)

    def kept_file(self, path: str) -> tuple[dict[str, Any], dt.datetime | None] | None:
        """What the journal last recorded of one content file (its items, as JSON), and when; None
        if it has nothing of it. A file that cannot be read now can be shown as it last was."""
        with self._lock:
            for doc in self._table("files").all():
                if doc.get("path") == path:
                    try:
                        return state_of_document(doc, self._kept), when_of(doc)
                    except (KeyError, TypeError, OSError, ValueError):
                        return None  # another process recorded a newer state meanwhile, or it is damaged
        return None

    def _stored_baseline(
        self, stored: dict | None, current: Snapshot | None = None, tokens: Mapping[str, str] | None = None,
    ) -> tuple[Snapshot | None, set[str]]:
        """The last recorded state, and the files it found recorded as they are in `current`."""
        if stored is None:
            # No state on file (a new journal, or one just moved aside): what this process
            # last saw is still the best starting point, so no change is lost.
            return (self._baseline[1] if self._baseline else None), set()
        if self._baseline and stored.get("token") == self._baseline[0]:
            return self._baseline[1], set()
        try:
            # A journal written before the state was kept per file holds it whole: read it once,
            # and the next record writes it per file.
            if "state" in stored:
                return snapshot_of(stored["state"]), set()
            return files_baseline(self._table("files").all(), current, self._kept, tokens)
        except (KeyError, TypeError, ValueError, OSError, ValidationError) as exc:
            self._warnings.append(f"the journal's last known state could not be read ({type(exc).__name__}); starting again from the store as it is now")
            return None, set()

    def has_state(self) -> bool:
        """Whether the journal has recorded a state yet (without rebuilding it)."""
        with self._lock:
            return self._table("state").get(doc_id=1) is not None

    def _expire(self, table: Table, now: dt.datetime) -> int:
        drop = expired(table.all(), self.retention, now)
        if drop:
            table.remove(doc_ids=sorted(drop))
        return len(drop)

    def entries(self, since: dt.datetime | None = None) -> list[Entry]:
        """Recorded changes, newest first; `since` keeps those observed at or after it."""
        with self._lock:
            docs = sorted(self._table("changes").all(), key=lambda d: d.doc_id, reverse=True)
        cutoff = _utc(since) if since is not None else None
        found = [e for e in map(_entry, docs) if e is not None]
        return [e for e in found if cutoff is None or e.observed_at >= cutoff]

    def reloads(self, since: dt.datetime | None = None) -> list[Reload]:
        """The entries grouped by the reload that found them, newest reload first."""
        groups: dict[int, list[Entry]] = {}
        for entry in self.entries(since):
            groups.setdefault(entry.reload, []).append(entry)
        return [Reload(rid, es[0].observed_at, tuple(reversed(es))) for rid, es in groups.items()]

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _entry(doc: Document) -> Entry | None:
    """A stored document as an Entry; a malformed one (hand-edited, say) is skipped."""
    at = when_of(doc)
    if at is None:
        return None
    try:
        author = doc.get("author")
        return Entry(doc.doc_id, int(doc["reload"]), at, Change.from_json(doc), str(doc["text"]), bool(doc.get("seen")),
                     str(author) if author else None)
    except (KeyError, TypeError, ValueError):
        return None
