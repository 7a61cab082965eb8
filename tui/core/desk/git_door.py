"""The desk's door to git: the content folder's repository, fetched, fast-forwarded, pushed,
and asked who last changed an item. A part of `Desk`, kept apart for its size."""

from __future__ import annotations

import threading
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.core.disk.limits import Limits
    from tui.core.git.repo import Followed, GitRepo, LastChange, MergePlan
    from tui.core.store.loader import ContentStore


class DeskGit:
    """What `Desk` does with git; it uses the desk's folder, locks, store and authors."""

    root: Path
    _lock: threading.RLock
    _store: ContentStore
    _repo: GitRepo | None | bool
    _authors: dict[str, str]
    _state_dir: Path | str | None
    limits: Limits

    def wake_mark(self) -> tuple[int, int, int] | None:
        """How this folder's wake file looks now: when it changes, someone asked following to look
        upstream at once (a push's webhook, a post-receive hook, `peacewatch wake`)."""
        from tui.core.disk.wake import wake_mark, wake_path

        return wake_mark(wake_path(self.root, self._state_dir))

    def wake(self) -> int:
        """Wake every dashboard following this folder on this machine; returns how many follow it."""
        from tui.core.disk.wake import wake

        return wake(self.root, self._state_dir)

    def following(self) -> AbstractContextManager[None]:
        """Say, while it lasts, that a dashboard of this process follows the folder (see `wake`)."""
        from tui.core.disk.wake import following

        return following(self.root, self._state_dir)

    def repo(self) -> GitRepo | None:
        """The git repository the content folder is in; None when it is in none (looked for once)."""
        from tui.core.git.repo import GitRepo

        with self._lock:
            if self._repo is False:
                self._repo = GitRepo.find(self.root)
            return self._repo if isinstance(self._repo, GitRepo) else None

    def fetch(self) -> None:
        """Fetch the upstream (the network: never under the desk's lock). Raises GitError."""
        from tui.core.git.repo import GitError

        repo = self.repo()
        if repo is None:
            raise GitError("the content folder is not in a git repository")
        repo.fetch()

    def fast_forward(self) -> Followed:
        """Bring in what was fetched, only if that is a fast-forward of a clean tree (see GitRepo).

        Runs under the folder lock (never in the middle of a peacewatch edit) and the desk's lock,
        so the reload that shows what arrived records each change with its commit's author.
        Raises GitError.
        """
        from tui.core.disk.folder_lock import LockBusy, LockCancelled, Wait, folder_lock
        from tui.core.git.repo import Followed, GitError

        repo = self.repo()
        if repo is None:
            raise GitError("the content folder is not in a git repository")
        try:
            with folder_lock(self.root, Wait(timeout=2.0)), self._lock:
                followed = repo.fast_forward(self._merge_plan(repo))
                self._authors.update(followed.authors)
                return followed
        except (LockBusy, LockCancelled):
            return Followed(True, "waiting for an edit to finish", repo.upstream() or "")

    def _merge_plan(self, repo: GitRepo) -> MergePlan:
        """Following merges a branch that has moved on with its upstream as `peacewatch merge` does:
        item by item for the content files, git's line merge for the rest."""
        from tui.core.desk.merge_door import driver_command
        from tui.core.git.merge_driver import patterns_for
        from tui.core.git.repo import MergePlan

        folder = self.root.resolve().relative_to(repo.top).as_posix()
        return MergePlan(driver_command(), tuple(patterns_for("" if folder == "." else folder)), self._conflicting_items)

    def _conflicting_items(self, files: dict[str, tuple[bytes, bytes, bytes]]) -> list[str]:
        """Each item a merge could not settle, in words, with its file: what the conflict notes say."""
        from tui.core.disk.paths import YAML_SUFFIXES
        from tui.core.merge.file_merge import merge_file

        named: list[str] = []
        for path, (base, ours, theirs) in sorted(files.items()):
            conflicts = merge_file(base, ours, theirs, path, self.limits).conflicts if path.endswith(YAML_SUFFIXES) else []
            named += [f"{c.words.split('; keep one version')[0]} ({path})" for c in conflicts] or [f"{path}, changed both ways line by line"]
        return named

    def push(self) -> str:
        """Push the content repository's branch to its upstream; returns the upstream's name. Raises GitError."""
        from tui.core.git.repo import GitError

        repo = self.repo()
        if repo is None:
            raise GitError("the content folder is not in a git repository")
        return repo.push()

    def last_change(self, section: str, item_id: str) -> LastChange | None:
        """Who last changed an item's lines, from git; None if the store is not in a repository or
        the item is not in it. Raises GitError when git cannot say."""
        repo = self.repo()
        with self._lock:
            origin = self._store.snapshot.origins.get((section, item_id))
            starts = sorted(o.line for o in self._store.snapshot.origins.values() if origin and o.path == origin.path)
        if repo is None or origin is None:
            return None
        try:
            text = (self.root / origin.path).read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
        lines = text.splitlines()
        if origin.line > len(lines):
            return None  # the file changed under the store: the next reload has the item's new place
        after = [line for line in starts if line > origin.line]
        end = min(after[0] - 1 if after else len(lines), len(lines))
        # Blank lines and comments before the next item are written with it, not with this one.
        while end > origin.line and (not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")):
            end -= 1
        return repo.last_change(self.root / origin.path, origin.line, max(end, origin.line))
