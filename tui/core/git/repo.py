"""The content folder's git repository: follow its upstream, commit an edit, say who last changed lines.

Every call runs the `git` program itself (`run`): never a shell string, with a timeout, with
prompts for passwords turned off, and ended when the repository is closed. A dashboard left in a
corner must never hang on a question nobody sees, nor keep the user waiting at quit. The only
changes made to a branch are a fast-forward, a commit of an edit, and (`merge`) an item-by-item
merge that is clean; nothing here rebases, resets or sets an author, since a desk's history and
identities are its own. The content folder may be any folder inside the repository.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tui.core.git.blame import LastChange, newest, parse_blame
from tui.core.git.incoming import files_in_the_way, ignored, operation_in_progress, unsafe_files
from tui.core.git.merge_aside import merge_aside
from tui.core.git.run import GIT_TIMEOUT, NO_REPOSITORY_COMMANDS, GitError, Runner, git_in

__all__ = ["Commit", "Followed", "GitError", "GitRepo", "LastChange", "MergePlan", "commit_message"]


@dataclass(frozen=True)
class Commit:
    """One commit, as a notification names it."""

    sha: str
    author: str
    subject: str

    @property
    def short(self) -> str:
        return self.sha[:7]


@dataclass(frozen=True)
class Followed:
    """What one look at the upstream found, and did."""

    ok: bool
    """False when the repository was left alone for a reason the user must act on (see `note`)."""
    note: str
    """A few words for the title bar: "up to date", "diverged", "2 files not committed"…"""
    upstream: str = ""
    """The upstream followed ("origin/main"); empty when there is none."""
    detail: str = ""
    """What is wrong and what to do, in a sentence or two, for a notification."""
    commits: tuple[Commit, ...] = ()
    """The commits a fast-forward brought, oldest first."""
    files: tuple[str, ...] = ()
    """Content files (absolute paths) the fast-forward changed."""
    authors: dict[str, str] = field(default_factory=dict)
    """Each changed file (relative to the content folder) with the author of its newest commit."""
    merged: bool = False
    """True when local commits and the upstream's were merged (item by item): the branch is now
    ahead of its upstream by the local commits and the merge, to be pushed where asked."""


@dataclass(frozen=True)
class MergePlan:
    """How following merges a branch that has moved on with its upstream (see `merge_aside`)."""

    driver: str
    """The merge driver's command for the content files."""
    patterns: tuple[str, ...]
    """The attribute patterns of the files the driver merges."""
    name_conflicts: Callable[[dict[str, tuple[bytes, bytes, bytes]]], list[str]]
    """Each conflicting item in plain words, from the three versions of each conflicting file."""


class GitRepo:
    """The repository a content folder lives in."""

    def __init__(self, top: Path, content: Path) -> None:
        self.top = top
        self.content = content
        """The content folder, absolute."""
        self._runner = Runner()

    def close(self) -> None:
        """End every git this repository has running (a fetch from a remote that hangs) and run no more."""
        self._runner.stop()

    @classmethod
    def find(cls, folder: Path) -> GitRepo | None:
        """The repository holding `folder`, or None when it is not in one (or git is missing)."""
        folder = Path(folder).resolve()
        if not folder.is_dir():
            return None
        try:
            top = git_in(folder, "rev-parse", "--show-toplevel", timeout=10).strip()
        except GitError:
            return None
        return cls(Path(top).resolve(), folder) if top else None

    def git(self, *args: str, timeout: float = GIT_TIMEOUT, input_text: str | None = None) -> str:
        return self._runner.run(self.top, *args, timeout=timeout, input_text=input_text)

    def _in_repo(self, path: Path) -> str:
        return Path(path).resolve().relative_to(self.top).as_posix()

    @property
    def _pathspec(self) -> str:
        """The content folder as a pathspec from the top of the repository."""
        return self._in_repo(self.content) or "."

    # -- following the upstream -----------------------------------------------------------------

    def upstream(self) -> str | None:
        """The current branch's upstream ("origin/main"), or None if it has none (or HEAD is detached)."""
        try:
            return self.git("rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{upstream}", timeout=10).strip() or None
        except GitError:
            return None

    def fetch(self) -> None:
        """Fetch the current branch's remote. Raises GitError (no network, refused, timed out)."""
        self.git(*NO_REPOSITORY_COMMANDS, "fetch", "--quiet")

    def dirty(self) -> list[str]:
        """Tracked files with changes not committed, staged or not, from the top of the repository.

        Untracked files do not count: a stray file (an editor's swap file, a virtualenv) must not
        stop following for good, and git itself refuses a fast-forward that would overwrite one."""
        out = self.git("status", "--porcelain=v1", "-z", "--untracked-files=no")
        entries = out.split("\0")
        files, skip = [], False
        for entry in entries:
            if skip:
                skip = False
                continue
            if len(entry) > 3:
                files.append(entry[3:])
                skip = entry[0] in "RC"  # a rename is followed by its old name
        return files

    def ahead_behind(self) -> tuple[int, int]:
        out = self.git("rev-list", "--left-right", "--count", "HEAD...@{upstream}").split()
        return int(out[0]), int(out[1])

    def head(self) -> str:
        return self.git("rev-parse", "HEAD").strip()

    def branch(self) -> str | None:
        """The branch checked out; None when HEAD is detached (a commit checked out, not a branch)."""
        try:
            return self.git("symbolic-ref", "--quiet", "--short", "HEAD", timeout=10).strip() or None
        except GitError:
            return None

    def fast_forward(self, merge: MergePlan | None = None) -> Followed:
        """Fast-forward to the upstream when, and only when, that cannot lose or mix anyone's work
        nor put anything unsafe on disk: no operation in progress, a branch checked out, the tree
        clean, the branch strictly behind, no link out of the content folder in what arrives and no
        local file in its way. Anything else is reported, naming what to do, and nothing is touched.
        Call `fetch` first."""
        busy = operation_in_progress(self.git, self.top)
        if busy is not None:
            return Followed(False, busy[0], detail=busy[1])
        if self.branch() is None:
            return Followed(False, "detached HEAD", detail="The content repository has a commit checked out, not a branch (a detached "
                            "HEAD), so there is no branch to bring commits into: switch back to one with `git switch BRANCH`.")
        upstream = self.upstream()
        if upstream is None:
            return Followed(False, "no upstream", detail="The content repository's branch has no upstream, so there is nothing to follow: "
                            "set one with `git branch --set-upstream-to origin/BRANCH` (or clone the desk's repository).")
        ahead, behind = self.ahead_behind()
        if behind == 0:
            note = "up to date" if ahead == 0 else f"{ahead} commit{'s' if ahead != 1 else ''} not pushed"
            return Followed(True, note, upstream)
        waiting = f"{behind} new commits on {upstream} were" if behind != 1 else f"1 new commit on {upstream} was"
        dirty = self.dirty()
        if dirty:
            shown = ", ".join(dirty[:3]) + (f" and {len(dirty) - 3} more" if len(dirty) > 3 else "")
            return Followed(False, f"{len(dirty)} file{'s' if len(dirty) != 1 else ''} not committed", upstream,
                            f"{waiting} not brought in: the repository has changes not committed ({shown}). "
                            "peacewatch never touches uncommitted work: commit or stash them.")
        held = self._held_back(upstream, behind)
        if held is not None:
            return held
        if ahead and merge is None:
            return Followed(False, "diverged", upstream,
                            f"The content repository and {upstream} have both moved on ({ahead} local, {behind} new there). "
                            "Bring them together with git (pull, or rebase), then it follows again.")
        old = self.head()
        in_way = files_in_the_way(self.git, self.top, old, "@{upstream}")
        if in_way:
            not_git = ignored(self.git, in_way)
            shown = "; ".join(f"{p} ({'ignored' if p in not_git else 'untracked'})" for p in in_way[:3])
            more = f" and {len(in_way) - 3} more" if len(in_way) > 3 else ""
            commits = f"{behind} commit{'s' if behind != 1 else ''}"
            return Followed(False, f"{commits} held back: {in_way[0]} is a local file", upstream,
                            f"{waiting} not brought in, and nothing was changed: they add files that are already here, "
                            f"kept out of git: {shown}{more}. peacewatch never writes over a local file: move it aside "
                            "(or commit it), and following goes on by itself.")
        target = "@{upstream}"
        if ahead:
            assert merge is not None
            merged = merge_aside(self._runner.run, self.top, self.git("rev-parse", "@{upstream}").strip(), merge.driver, merge.patterns,
                                 f"Merge {upstream} into {self.branch()}, item by item\n\nMade by peacewatch while following {upstream}.\n")
            if merged.sha is None:
                named = merge.name_conflicts(merged.conflicted)
                count = f"{len(named)} item{'s' if len(named) != 1 else ''}" if named else "files"
                return Followed(False, f"diverged: {count} changed both ways", upstream,
                                f"The content repository and {upstream} have both moved on ({ahead} local, {behind} new there), and "
                                f"some changes cannot be merged by item: {'; '.join(named[:4])}{' …' if len(named) > 4 else ''}. "
                                "Nothing was changed: decide between the versions with git (git pull, then edit the file where "
                                "peacewatch check says), and following goes on by itself.")
            target = merged.sha
        try:
            self.git(*NO_REPOSITORY_COMMANDS, "merge", "--ff-only", "--quiet", target)
        except GitError as exc:
            return Followed(False, "not updated", upstream, f"git would not fast-forward to {upstream}, and nothing was changed: {exc}")
        new = self.head()
        arrived = self._arrived(old, new, upstream)
        return dataclasses.replace(arrived, merged=True, note="merged") if ahead else arrived

    def _held_back(self, upstream: str, behind: int) -> Followed | None:
        """Refuse what arrives when the upstream's newest tree holds a link out of the content
        folder or a submodule, naming the newest commit that put it there. Looked for again at
        every look: once a colleague fixes it upstream, following goes on by itself."""
        unsafe = unsafe_files(self.git, "@{upstream}", self._pathspec)
        if not unsafe:
            return None
        said = []
        for bad in unsafe[:3]:
            sha, author, subject = (self.git("log", "-1", "--format=%h%x00%an%x00%s", "@{upstream}", "--", bad.path).strip().split("\0", 2)
                                    + ["", "", ""])[:3]
            said.append(f"commit {sha} by {author} (\u201c{subject}\u201d) adds {bad.path}, {bad.why}")
        more = f"; and {len(unsafe) - 3} more such file{'s' if len(unsafe) > 4 else ''}" if len(unsafe) > 3 else ""
        commits = f"{behind} commit{'s' if behind != 1 else ''}"
        return Followed(False, f"{commits} held back: {unsafe[0].path}" + (f" and {len(unsafe) - 1} more" if len(unsafe) > 1 else ""),
                        upstream,
                        f"{commits} on {upstream} not brought in, and nothing was changed: {'; '.join(said)}{more}. peacewatch "
                        "never puts such a file in the content folder. Once it is removed or replaced upstream, following goes on by itself.")

    def _arrived(self, old: str, new: str, upstream: str) -> Followed:
        log = self.git("log", "--no-merges", "--reverse", "--format=%H%x00%an%x00%s", f"{old}..{new}")
        commits = tuple(Commit(*line.split("\0", 2)) for line in log.splitlines() if line.count("\0") == 2)
        changed = [name for name in self.git("diff", "--name-only", "-z", old, new, "--", self._pathspec).split("\0") if name]
        files = tuple(str(self.top / name) for name in changed)
        prefix = "" if self._pathspec == "." else self._pathspec + "/"
        authors: dict[str, str] = {}
        for name in changed:
            # The newest commit in the range that touched the file wrote what is in it now.
            who = self.git("--literal-pathspecs", "log", "--no-merges", "-1", "--format=%an", f"{old}..{new}", "--", name).strip()
            if who and name.startswith(prefix):
                authors[name[len(prefix):]] = who
        count = len(commits)
        return Followed(True, "updated", upstream, f"{count} commit{'s' if count != 1 else ''} from {upstream}", commits, files, authors)

    # -- committing an edit ---------------------------------------------------------------------

    def commit(self, files: Sequence[Path], message: str, trailers: Sequence[str] = ()) -> Commit:
        """Commit exactly `files` (as they are on disk) with `message`, under the user's own identity.

        Whatever else is staged or changed stays as it was: `--only` commits the named paths alone.
        `trailers` ("Edited-by: Anna") end the message, laid out by git itself.
        """
        paths = [self._in_repo(f) for f in files]
        # Literal: a file named with '*' or '[' is that file, never a pattern that stages others.
        self.git("--literal-pathspecs", "add", "--", *paths)
        added = [f"--trailer={trailer}" for trailer in trailers]
        self.git("--literal-pathspecs", "commit", "--quiet", "--only", *added, "--file=-", "--", *paths, input_text=message)
        out = self.git("log", "-1", "--format=%H%x00%an%x00%s")
        return Commit(*out.rstrip("\n").split("\0", 2))

    def user_name(self) -> str:
        """The name the user commits under here; empty when git has none configured."""
        try:
            return self.git("config", "user.name", timeout=10).strip()
        except GitError:
            return ""

    def push(self) -> str:
        """Push the current branch to its upstream; returns the upstream's name. Raises GitError."""
        upstream = self.upstream()
        if upstream is None:
            raise GitError("the branch has no upstream to push to: set one with `git push -u origin BRANCH` once")
        self.git("push", "--quiet")
        return upstream

    # -- who changed what -----------------------------------------------------------------------

    def last_change(self, path: Path, start: int, end: int) -> LastChange:
        """Who last changed lines `start`..`end` (1-based, inclusive) of a file, as the working tree has them.

        Lines not committed yet (a file never added, or changed since) count as the newest change.
        """
        relative = self._in_repo(path)
        tracked = self.git("ls-files", "--", relative).strip()
        if not tracked:
            return LastChange(False)
        out = self.git("blame", "--porcelain", "-L", f"{start},{end}", "--", relative)
        found = parse_blame(out)
        committed = {c.sha: c for c in found if c.committed}
        if len(committed) > 1 and len(committed) == len(found):
            # Times are whole seconds and may tie: the newest is the one the others lead up to.
            tip = self.git("rev-list", "--topo-order", "--max-count=1", *committed).strip()
            if tip in committed:
                return committed[tip]
        return newest(found)


def commit_message(lines: Sequence[str], fallback: str) -> str:
    """A commit message from the readable lines of what changed: the first is the subject,
    every line is listed in the body when there are more."""
    if not lines:
        return fallback
    if len(lines) == 1:
        return lines[0] + "\n"
    return lines[0] + "\n\n" + "\n".join(f"- {line}" for line in lines) + "\n"
