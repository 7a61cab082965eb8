"""The one door to a content folder: load it, follow it, keep its journal, and edit it.

The dashboard and every command reach a content folder through a `Desk` and nothing else.
Each call returns one immutable `DeskState`: the snapshot, its problems, what the last call
changed and what the user has not seen. Every method blocks (file reads, the journal's
writes), so the dashboard calls them from a thread; they take turns on one lock. Nothing
here imports Textual.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.desk.git_door import DeskGit
from tui.core.desk.head_door import DeskHead
from tui.core.desk.import_door import DeskImport
from tui.core.desk.journal_door import NO_JOURNAL, DeskJournal
from tui.core.desk.state import DeskState
from tui.core.desk.verify_door import DeskVerify
from tui.core.disk.limits import Limits
from tui.core.model.snapshot import Snapshot
from tui.core.store.loader import ContentStore, LoadResult, collector_paused
from tui.core.text.problems import Problem

if TYPE_CHECKING:
    from tui.core.disk.folder_lock import Wait
    from tui.core.edits.engine import Planned, Written
    from tui.core.edits.requests import Request
    from tui.core.git.repo import Commit, GitRepo
    from tui.core.journal.journal import Journal
    from tui.core.journal.news import SeenMarks
    from tui.core.model.diff import Change


@dataclass(frozen=True)
class Applied:
    """What an edit wrote, and the state after it (already recorded, the change marked seen)."""

    written: Written
    state: DeskState
    message: str
    paths: tuple[str, ...] = ()
    """Every file the edit wrote, store-relative (a quote and the new source it names: two)."""
    lines: tuple[str, ...] = ()
    """What changed, one readable line each, the edited item's first ("New quote: …")."""
    commit: Commit | None = None
    """The commit made of the edit, when one was asked for and made."""
    git_error: str | None = None
    """Why the commit asked for was not made; the edit itself stands."""
    notes: tuple[str, ...] = ()
    """What the edit did that was not asked for in so many words (spaces around a value dropped)."""


@dataclass(frozen=True)
class CatchUp:
    """What `Desk.catch_up` did."""

    recorded: int | None
    """How many changes were recorded; None if nothing could be."""
    first: bool
    """The journal knew nothing of this folder: it now knows its state, and lists changes from next time."""
    unread: tuple[str, ...]
    """Files that could not be read, so nothing was recorded."""
    error: str | None = None


class Desk(DeskJournal, DeskGit, DeskVerify, DeskImport, DeskHead):
    """One content folder, loaded, followed and edited through one door."""

    def __init__(
        self, root: Path | str, *, limits: Limits = Limits(), journal: Path | str | None = None,
        state_dir: Path | str | None = None, clock: Callable[[], dt.datetime] = dt.datetime.now, keep_seen: bool = True, keep_head: bool = False,
    ) -> None:
        self.root, self._keeps_head = Path(root), keep_head  # whether reads keep the head: see DeskHead
        self._clock = clock
        self._keep_seen = keep_seen
        """Whether what this reader marks seen is kept for them (False: a read-only screen, in memory only)."""
        self._marks: SeenMarks | None = None
        """What this reader has seen of the journal's entries (theirs alone: never the shared journal's)."""
        """Now, for the story's today: dates after it are flagged (a quote cannot come from the future)."""
        self.limits = limits
        from tui.core.store.parse_cache import ParseCache, default_cache_dir

        self._cache = ParseCache(default_cache_dir(self.root, state_dir), limits)
        self._cache_told: str | None = None
        self._store = ContentStore(self.root, limits, cache=self._cache)
        self._journal: Journal | None = None
        self._journal_at = journal
        self._state_dir = state_dir
        self._lock = threading.RLock()
        self._warnings: list[str] = []
        self._recorded_keys: set[str] | None = None
        """Without a journal: the problems of the state last compared (see Journal.record)."""
        self._recorded: Snapshot | None = None
        """The snapshot the journal last recorded (or, without one, last compared)."""
        self._authors: dict[str, str] = {}
        """Store-relative file to the git author who last wrote it, for the journal's next record."""
        self._repo: GitRepo | None | bool = False
        """The content folder's git repository once looked for (None: not in one); False: not yet."""
        self.state = DeskState()
        self._swept = False
        self._verifier = None

    # -- reading ------------------------------------------------------------------------------

    def load(self) -> DeskState:
        """Scan the whole folder; the journal's figures follow with `record`."""
        with self._lock:
            return self._content(self._store.load())

    def load_head(self) -> DeskState | None:
        """At the start of a large store: its top files, to show while `load` reads the rest.

        None when there is no such head start (a small store, or one already loaded). The
        state returned is incomplete and is not the desk's state: `load` follows.
        """
        with self._lock:
            result = self._store.load_head()
            if result is None:
                return None
            return DeskState(snapshot=result.snapshot, complete=False, read=True)

    def reload(self, paths: Iterable[str]) -> DeskState:
        """Re-read the given files (store-relative or absolute); the journal's figures follow with `record`."""
        with self._lock:
            return self._content(self._store.reload(paths))

    def _problems(self, snapshot: Snapshot, problems: tuple[Problem, ...]) -> tuple[Problem, ...]:
        from tui.core.store.time_checks import after_today

        return problems + tuple(after_today(snapshot, self._clock()))

    def _content(self, result: LoadResult) -> DeskState:
        if self._cache.failed and self._cache.failed != self._cache_told:
            self._cache_told = self._cache.failed
            self._warnings.append(
                f"cannot keep what was read in {self._cache.failed}; the dashboard works on, but each start reads every file again"
            )
        self._keep_head(result)  # for the next start's first frame (the dashboard's desk only)
        problems, verified = self._verified(result.snapshot, self._problems(result.snapshot, result.problems))
        self.state = dataclasses.replace(
            self.state, read=True, snapshot=result.snapshot, problems=problems, verified=verified,
            changes=(), warnings=(),
            recheck_in=result.recheck_in, recorded=False, own=False,
        )
        return self.state

    def digests(self) -> dict[str, bytes]:
        """What was last read of each file: an edit form's baseline, to refuse clobbering a save."""
        with self._lock:
            return self._store.digests()

    # -- the journal --------------------------------------------------------------------------

    def record(self, seen: bool = False) -> DeskState:
        """Record what the store changed since the journal last looked, and sum up what is unseen."""
        from tui.core.journal.journal import problem_keys, unloaded_files
        from tui.core.journal.storage import JournalError

        with self._lock:
            self._open_journal()
            self._stand_in_kept_files()
            snapshot = self._store.snapshot
            changes: list[Change] = []
            if self._journal is None:
                keys = problem_keys(self._problems(snapshot, self._store.problems))
                if self._recorded_keys is not None and not keys <= self._recorded_keys:
                    pass  # passing through a slip (a typo in an id): wait for the net effect
                else:
                    if self._recorded is not None and snapshot is not self._recorded and self._recorded.story is not None:
                        from tui.core.model import diff

                        changes = diff.diff_snapshots(self._recorded, snapshot)
                    self._recorded, self._recorded_keys = snapshot, keys
                    self._authors = {}  # no journal to keep them in
            elif not unloaded_files(self._store.snapshot, self._store.problems, self.root):
                # While a file gives nothing (broken on a fresh start, mid-save), recording would
                # log its items as removed, and as new again once it loads: wait until it does.
                try:
                    # The dates' problems count too: an outcome given to a deadline still ahead, then taken back, is a slip, not news.
                    problems = self._problems(snapshot, self._store.problems)
                    changes = self._journal.record(snapshot, problems=problems, authors=self._authors, sources=self._store.sources())
                    self._recorded = snapshot
                    self._authors = {}
                    if seen and self._marks is not None and self._journal.recorded_ids:
                        # The user's own edit: seen by them, news to every other reader.
                        self._marks.mark(self._journal.recorded_ids, self._journal.entries())
                except JournalError as exc:
                    self._warnings.append(str(exc))
            self.state = self._summary(changes=tuple(changes), own=seen)
            return self.state

    def _summary(self, changes: tuple[Change, ...], own: bool) -> DeskState:
        from tui.core.journal.news import net_entries
        from tui.core.journal.storage import JournalError

        entries: list = []
        if self._journal is not None:
            try:
                entries = self._journal.entries()  # newest first; read once, every figure below comes from it
            except (JournalError, OSError) as exc:
                # E.g. its folder replaced by a file: the dashboard must go on following the store.
                self._warnings.append(f"cannot read the change journal {self._journal.path}: {exc}")
            self._warnings += self._journal.take_warnings()
        marks = self._marks
        if marks is not None:
            self._warnings += marks.take_warnings()
        # What is new to this reader: the net change of what they have not seen (a slip and its
        # fix, a stance flipped and flipped back, is not news).
        news = net_entries([e for e in entries if marks is None or not marks.seen(e)], self._store.snapshot)
        warnings, self._warnings = tuple(self._warnings), []
        problems, verified = self._verified(self._store.snapshot, self._problems(self._store.snapshot, self._store.problems))
        return dataclasses.replace(
            self.state,
            snapshot=self._store.snapshot,
            problems=problems,
            verified=verified,
            changes=changes,
            unseen=frozenset((e.change.kind, e.change.item_id) for e in news),
            unseen_count=len(news),
            unseen_since=min((e.observed_at for e in news), default=None),
            last_change=entries[0].observed_at if entries else self.state.last_change,
            warnings=warnings,
            recorded=True,
            own=own,
        )

    # -- editing ------------------------------------------------------------------------------

    def apply(
        self, request: Request, expected: Mapping[str, bytes] | None = None, wait: Wait | None = None, *, commit: bool = False, author: str | None = None,
    ) -> Applied:
        """As `_apply`, the collector held off; an article's import first archives its copy (`DeskImport`), taken back if the edit is not made."""
        request, with_files, undo = self._prepared(request)
        try:
            with collector_paused():
                return self._apply(request, expected, wait, commit=commit, author=author, with_files=with_files)
        except BaseException:
            undo()
            raise

    def _apply(
        self, request: Request, expected: Mapping[str, bytes] | None = None, wait: Wait | None = None, *, commit: bool = False,
        author: str | None = None, with_files: Sequence[str] = (),
    ) -> Applied:
        """Make one edit: under the folder lock, against this desk's store, checked, written
        atomically, the written files taken as read, recorded and marked seen. One trip.

        `expected` is what the caller last saw of each file (a form's digests); a file that
        differs now is a conflict. Raises EditRefused (EditConflict among them) with the reason.
        With `commit`, the files written become one commit (still under the folder lock, so no
        other peacewatch edit can slip into it); a commit that fails is said in `git_error`.
        `author` is who made the edit as they named themselves (a reader of a served page): the
        journal records the edit as theirs, and its commit says so in an `Edited-by:` trailer. The
        commit's own author stays the git user's: the name is the reader's word, not an identity.
        """
        from tui.core.disk.atomic_write import sweep_leftovers
        from tui.core.disk.folder_lock import LockBusy, LockCancelled, folder_lock
        from tui.core.edits import engine as edit_engine
        from tui.core.edits.engine import EditRefused
        from tui.core.git.repo import GitError, commit_message
        from tui.core.model import diff
        from tui.core.store.time_checks import new_date_problems
        from tui.core.text.safe_text import one_line

        if not self.root.is_dir():
            raise EditRefused([Problem(self.root.name or str(self.root), 1, 1, "the content folder is missing or not a folder")])
        try:
            # One peacewatch edit at a time per folder (dashboards, the command line): each then
            # reads what the one before it wrote, and two edits to one file never race to the rename.
            with folder_lock(self.root, wait), self._lock:
                if not self._store.snapshot.origins and not self._store.problems:  # a command's one edit: see needs_only_ids
                    self._store.load_for_edit() if request.needs_only_ids() and self._journal_at == NO_JOURNAL else self._store.load()
                if not self._swept:
                    # Under the folder lock no peacewatch write is under way: what a killed one
                    # left (a hidden temp file, which `git status` would list) goes now.
                    self._swept = True
                    sweep_leftovers(self.root)
                plans = self._plan(request, expected)
                before = self._store.snapshot
                parsed = edit_engine.check(self._store, plans)
                if dated := new_date_problems(parsed.values(), self._store.snapshot, self._clock()):
                    raise EditRefused(dated)
                self._content(edit_engine.write(self._store, plans, parsed))
                written = plans[-1].written()
                paths = tuple(dict.fromkeys(plan.relative for plan in plans))
                repo = self.repo() if commit else None
                author = one_line(author or "") or None  # one line: it goes into a commit's trailers
                name = author or (repo.user_name() if repo is not None else "")
                self._authors.update(dict.fromkeys(paths, name) if name else {})
                state = self.record(seen=True)
                changes = diff.diff_snapshots(before, state.snapshot)
                main = [c for c in changes if c.item_id == written.item_id] + [c for c in changes if c.item_id != written.item_id]
                lines = tuple(c.text(state.snapshot) for c in main)
                made, error = None, None
                if commit and repo is None:
                    error = "the content folder is not in a git repository, so the edit was not committed"
                elif repo is not None:
                    try:
                        trailers = (f"Edited-by: {author} (through the served page)",) if author else ()
                        # `with_files`: written before the edit, in the same commit (an article's archived copy).
                        made = repo.commit([self.root / p for p in (*paths, *with_files)], commit_message(lines, request.describe(written.item_id)),
                                           trailers)
                    except GitError as exc:
                        error = f"the edit was saved but not committed: {exc}"
        except LockBusy:
            why = "another peacewatch edit has held the folder for too long; nothing was written: try again"
            raise EditRefused([Problem(self.root.name or ".", 1, 1, why)], "the folder is busy") from None
        except LockCancelled:
            raise EditRefused([Problem(self.root.name or ".", 1, 1, "cancelled while waiting; nothing was written")], "cancelled") from None
        padded = request.trimmed()
        notes = (f"spaces at the start or end of {', '.join(padded)} were dropped: a value is its words, not the spaces around them",) if padded else ()
        return Applied(written, state, request.describe(written.item_id), paths, lines, made, error, notes)

    def _plan(self, request: Request, expected: Mapping[str, bytes] | None) -> list[Planned]:
        """The request planned on the files as they have settled: a file read mid-save (or before
        a save since) is read again first. What others changed is recorded as theirs before."""
        from tui.core.edits.engine import StaleRead

        for attempt in range(3):
            if self._journal_at != NO_JOURNAL or self._journal is not None:
                if self._recorded is not self._store.snapshot:
                    self.record()  # what others changed is news; only this edit is the user's own
            try:
                return request.plan(self._store, expected)
            except StaleRead as stale:
                if attempt == 2:
                    raise
                self._content(self._store.reload([stale.path]))
        raise AssertionError("unreachable")

    def revert_request(self, entry_ids: Iterable[int]) -> Request:
        """The edit that takes back the journal's entries `entry_ids` (one change, or a whole
        reload's), built against the store as it is now; EditRefused if one cannot be reverted
        (the item changed since, or the entry is not in the journal)."""
        from tui.core.edits.engine import EditRefused
        from tui.core.edits.revert import undo_all

        wanted = set(entry_ids)
        with self._lock:
            entries = [e for reload in reversed(self.reloads()) for e in reload.entries if e.id in wanted]
            missing = wanted - {e.id for e in entries}
            if missing:
                raise EditRefused([Problem(self.root.name or ".", 1, 1, f"no change numbered {', '.join(map(str, sorted(missing)))} in the journal"
                                           " (peacewatch changes lists them)")], "unknown change")
            summary = "reverted " + (entries[0].text if len(entries) == 1 else f"{len(entries)} changes")
            return undo_all([e.change for e in entries], self._store.snapshot, summary)

    def catch_up(self, settle_tries: int = 40) -> CatchUp:
        """Load the folder and record what changed since the journal last looked, for a command
        that runs once: waits for saves in progress, and records nothing while a file cannot be read."""
        import time

        from tui.core.journal.journal import unloaded_files
        from tui.core.journal.storage import JournalError

        with self._lock:
            state = self.load()
            for _ in range(settle_tries):
                if state.recheck_in is None:
                    break
                time.sleep(state.recheck_in)
                state = self.load()
            unread = unloaded_files(state.snapshot, state.problems, self.root)
            if unread or state.recheck_in is not None:
                return CatchUp(None, False, tuple(unread) or ("a file still being saved",))
            self._open_journal()
            if self._journal is None:
                return CatchUp(0, False, ())
            first = not self._journal.has_state()  # cheap: a one-shot command should not rebuild the whole state twice
            try:
                changes = self._journal.record(state.snapshot, problems=self._problems(state.snapshot, self._store.problems))  # as the dashboard records
            except JournalError as exc:
                return CatchUp(None, first, (), str(exc))
            self._recorded = state.snapshot
            return CatchUp(len(changes), first, ())

    def take_warnings(self) -> list[str]:
        """What went wrong with the journal since last asked (moved aside, unreadable)."""
        with self._lock:
            if self._journal is not None:
                self._warnings += self._journal.take_warnings()
            warnings, self._warnings = self._warnings, []
            return warnings

    def close(self) -> None:
        # Git first, and without the desk's lock: a fetch from a remote that hangs holds no lock,
        # and quitting must not wait out its timeout.
        repo = self._repo
        if repo is not None and not isinstance(repo, bool):
            repo.close()
        with self._lock:
            if self._journal is not None:
                self._journal.close()
