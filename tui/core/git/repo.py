"""The content folder's git repository: follow its upstream, commit an edit, say who last changed lines.

Every call runs the `git` program itself (never a shell string), with a timeout, and with
prompts for passwords turned off: a dashboard left in a corner must never hang on a question
nobody sees. The only change made to a branch is a fast-forward or a commit of an edit: nothing
here merges two lines of work, rebases, resets or sets an author, since a desk's history and
identities are its own. The content folder may be any folder inside the repository.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

GIT_TIMEOUT = 30.0
"""Seconds any git command may take (a fetch over a slow link included) before it is given up."""

NOT_COMMITTED = "0" * 40
"""The commit `git blame` names for lines not committed yet."""


class GitError(Exception):
    """A git command failed; the message says which, and git's own words."""


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


@dataclass(frozen=True)
class LastChange:
    """Who last changed some lines, and when; `committed` False for lines not committed yet."""

    committed: bool
    author: str = ""
    when: dt.datetime | None = None
    subject: str = ""
    sha: str = ""


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["GIT_TERMINAL_PROMPT"] = "0"  # a fetch that needs a password fails instead of waiting for one
    env["LC_ALL"] = "C"  # git's own messages are parsed in a few places: the same words everywhere
    return env


NO_REPOSITORY_COMMANDS = ("-c", f"core.hooksPath={os.devnull}", "-c", "core.fsmonitor=false")
"""For what following runs unattended (fetch, fast-forward): no hook and no file-system monitor the
repository's own files could name runs. A colleague's commit must never run code on every desk."""


def _git(cwd: Path, *args: str, timeout: float = GIT_TIMEOUT, input_text: str | None = None) -> str:
    name = next((a for a in args if not a.startswith("-") and "=" not in a), "")
    try:
        process = subprocess.Popen(
            ["git", *args], cwd=cwd, env=_env(), stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            # Its own session, without the terminal: ssh asks for a passphrase on the terminal
            # itself, which would draw over the dashboard and wait for an answer nobody sees.
            start_new_session=True,
        )
    except FileNotFoundError:
        raise GitError("git is not installed (or not on PATH)") from None
    except OSError as exc:
        raise GitError(f"git {name} could not run: {exc.strerror or exc}") from None
    try:
        out, err = process.communicate(input_text.encode() if input_text is not None else b"", timeout=timeout)
    except subprocess.TimeoutExpired:
        _stop_all(process)
        raise GitError(f"git {name} took longer than {timeout:g} s and was stopped") from None
    if process.returncode != 0:
        said = err.decode(errors="replace").strip() or out.decode(errors="replace").strip()
        raise GitError(f"git {name} failed: {said or f'exit status {process.returncode}'}")
    return out.decode(errors="replace")


def _stop_all(process: subprocess.Popen[bytes]) -> None:
    """End git and everything it started (ssh, a credential helper): its whole session, not git alone."""
    killpg = getattr(os, "killpg", None)
    try:
        if killpg is not None:
            killpg(process.pid, signal.SIGKILL)
        else:
            process.kill()
    except (ProcessLookupError, PermissionError):
        pass
    process.communicate()


class GitRepo:
    """The repository a content folder lives in."""

    def __init__(self, top: Path, content: Path) -> None:
        self.top = top
        self.content = content
        """The content folder, absolute."""

    @classmethod
    def find(cls, folder: Path) -> GitRepo | None:
        """The repository holding `folder`, or None when it is not in one (or git is missing)."""
        folder = Path(folder).resolve()
        if not folder.is_dir():
            return None
        try:
            top = _git(folder, "rev-parse", "--show-toplevel", timeout=10).strip()
        except GitError:
            return None
        return cls(Path(top).resolve(), folder) if top else None

    def git(self, *args: str, timeout: float = GIT_TIMEOUT, input_text: str | None = None) -> str:
        return _git(self.top, *args, timeout=timeout, input_text=input_text)

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

    def fast_forward(self) -> Followed:
        """Fast-forward to the upstream when, and only when, that cannot lose or mix anyone's work:
        the tree is clean and the branch is strictly behind. Anything else is reported, not touched.
        Call `fetch` first."""
        upstream = self.upstream()
        if upstream is None:
            return Followed(False, "no upstream", detail="The content repository's branch has no upstream, so there is nothing to follow: "
                            "set one with `git branch --set-upstream-to origin/BRANCH` (or clone the desk's repository).")
        ahead, behind = self.ahead_behind()
        if behind == 0:
            note = "up to date" if ahead == 0 else f"{ahead} commit{'s' if ahead != 1 else ''} not pushed"
            return Followed(True, note, upstream)
        if ahead:
            return Followed(False, "diverged", upstream,
                            f"The content repository and {upstream} have both moved on ({ahead} local, {behind} new there). "
                            "peacewatch never merges: bring them together with git (pull, or rebase), then it follows again.")
        dirty = self.dirty()
        if dirty:
            shown = ", ".join(dirty[:3]) + (f" and {len(dirty) - 3} more" if len(dirty) > 3 else "")
            waiting = f"{behind} new commits on {upstream} were" if behind != 1 else f"1 new commit on {upstream} was"
            return Followed(False, f"{len(dirty)} file{'s' if len(dirty) != 1 else ''} not committed", upstream,
                            f"{waiting} not brought in: the repository has changes not committed ({shown}). "
                            "peacewatch never touches uncommitted work: commit or stash them.")
        old = self.head()
        try:
            self.git(*NO_REPOSITORY_COMMANDS, "merge", "--ff-only", "--quiet", "@{upstream}")
        except GitError as exc:
            # E.g. an untracked file in the way: git refuses before it changes anything.
            return Followed(False, "not updated", upstream, f"git would not fast-forward to {upstream}, and nothing was changed: {exc}")
        new = self.head()
        return self._arrived(old, new, upstream)

    def _arrived(self, old: str, new: str, upstream: str) -> Followed:
        log = self.git("log", "--reverse", "--format=%H%x00%an%x00%s", f"{old}..{new}")
        commits = tuple(Commit(*line.split("\0", 2)) for line in log.splitlines() if line.count("\0") == 2)
        changed = self.git("diff", "--name-only", "-z", old, new, "--", self._pathspec).split("\0")
        files = tuple(str(self.top / name) for name in changed if name)
        authors: dict[str, str] = {}
        for full in files:
            # The newest commit in the range that touched the file wrote what is in it now.
            who = self.git("log", "-1", "--format=%an", f"{old}..{new}", "--", self._in_repo(Path(full))).strip()
            if who:
                authors[Path(full).relative_to(self.content).as_posix()] = who
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


def parse_blame(porcelain: str) -> list[LastChange]:
    """Each commit `git blame --porcelain` names, with its author, time and summary."""
    found: dict[str, dict[str, str]] = {}
    current: dict[str, str] | None = None
    for line in porcelain.splitlines():
        if line.startswith("\t"):
            current = None
            continue
        head = line.split(" ")
        if current is None and len(head) >= 3 and len(head[0]) == 40 and all(c in "0123456789abcdef" for c in head[0]):
            current = found.setdefault(head[0], {})
            continue
        if current is not None and " " in line:
            key, value = line.split(" ", 1)
            current[key] = value
    changes = []
    for sha, info in found.items():
        if sha == NOT_COMMITTED:
            changes.append(LastChange(False, sha=sha))
            continue
        try:
            when = dt.datetime.fromtimestamp(int(info.get("author-time", "0")), dt.UTC)
        except ValueError:
            when = None
        changes.append(LastChange(True, info.get("author", ""), when, info.get("summary", ""), sha))
    return changes


def newest(changes: Iterable[LastChange]) -> LastChange:
    """Lines not committed yet win; else the most recent commit."""
    changes = list(changes)
    if not changes or any(not c.committed for c in changes):
        return LastChange(False)
    return max(changes, key=lambda c: c.when or dt.datetime.min.replace(tzinfo=dt.UTC))


def commit_message(lines: Sequence[str], fallback: str) -> str:
    """A commit message from the readable lines of what changed: the first is the subject,
    every line is listed in the body when there are more."""
    if not lines:
        return fallback
    if len(lines) == 1:
        return lines[0] + "\n"
    return lines[0] + "\n\n" + "\n".join(f"- {line}" for line in lines) + "\n"
