"""Running the `git` program: never a shell string, always with a timeout, never a prompt, and
never outliving what asked for it (a timed-out git, and a git running when the desk closes, end
with everything they started)."""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
import weakref
from pathlib import Path

GIT_TIMEOUT = 30.0
"""Seconds any git command may take (a fetch over a slow link included) before it is given up."""

NO_REPOSITORY_COMMANDS = ("-c", f"core.hooksPath={os.devnull}", "-c", "core.fsmonitor=false")
"""For what following runs unattended (fetch, fast-forward, merge): no hook and no file-system
monitor the repository's own files could name runs. A colleague's commit must never run code on
every desk. (The user's own credential helper and ssh are left alone: they come from the user's
configuration, not from a commit.)"""

LOCK_RETRIES = (0.1, 0.2, 0.4, 0.8, 1.5)
"""Pauses (s) before trying again a command that found `index.lock` taken: another git (the
user's own, an editor's plugin) is usually done within a moment, and git's own advice ("remove
the file manually") is wrong while it is still running."""


class GitError(Exception):
    """A git command failed; the message says which, and git's own words."""


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["GIT_TERMINAL_PROMPT"] = "0"  # a fetch that needs a password fails instead of waiting for one
    env["LC_ALL"] = "C"  # git's own messages are parsed in a few places: the same words everywhere
    return env


class Runner:
    """The git processes one repository has running, so that closing it ends them all at once:
    quitting the dashboard never waits out a fetch from a remote that hangs."""

    def __init__(self) -> None:
        self._running: set[subprocess.Popen[bytes]] = set()
        self._lock = threading.Lock()
        self.stopped = False
        _EVERY.add(self)

    def stop(self) -> None:
        """End every git running now, and refuse any later one."""
        with self._lock:
            self.stopped = True
            running = list(self._running)
        for process in running:
            _kill_session(process)

    def _closing(self) -> bool:
        with self._lock:  # read again: another thread may have closed the repository meanwhile
            return self.stopped

    def run(self, cwd: Path, *args: str, timeout: float = GIT_TIMEOUT, input_text: str | None = None) -> str:
        for pause in (*LOCK_RETRIES, None):
            try:
                return self._run_once(cwd, *args, timeout=timeout, input_text=input_text)
            except GitError as exc:
                if pause is None or "index.lock" not in str(exc) or self.stopped:
                    raise
                time.sleep(pause)
        raise AssertionError("unreachable")

    def _run_once(self, cwd: Path, *args: str, timeout: float, input_text: str | None) -> str:
        name = next((a for a in args if not a.startswith("-") and "=" not in a), "")
        with self._lock:
            if self.stopped:
                raise GitError(f"git {name} was not run: the repository is being closed")
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
            self._running.add(process)
        try:
            out, err = process.communicate(input_text.encode() if input_text is not None else b"", timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill_session(process)
            process.communicate()
            raise GitError(f"git {name} took longer than {timeout:g} s and was stopped") from None
        finally:
            with self._lock:
                self._running.discard(process)
        if process.returncode < 0 and self._closing():
            raise GitError(f"git {name} was stopped: the repository is being closed")
        if process.returncode != 0:
            said = err.decode(errors="replace").strip() or out.decode(errors="replace").strip()
            raise GitError(f"git {name} failed: {said or f'exit status {process.returncode}'}")
        return out.decode(errors="replace")


def _kill_session(process: subprocess.Popen[bytes]) -> None:
    """End git and everything it started (ssh, a credential helper): its whole session, not git alone."""
    killpg = getattr(os, "killpg", None)
    try:
        if killpg is not None:
            killpg(process.pid, signal.SIGKILL)
        else:
            process.kill()
    except (ProcessLookupError, PermissionError):
        pass


_EVERY: weakref.WeakSet[Runner] = weakref.WeakSet()
"""Every runner of this process: what `stop_every_git` ends."""


def stop_every_git() -> None:
    """End every git this process has running, with all they started: for a process about to end
    by a signal (its terminal closed), whose gits run in sessions of their own and would outlive it."""
    for runner in list(_EVERY):
        runner.stop()


_ALONE = Runner()
"""For git run before a repository is found (and by tests): nothing closes it."""


def git_in(cwd: Path, *args: str, timeout: float = GIT_TIMEOUT, input_text: str | None = None) -> str:
    return _ALONE.run(cwd, *args, timeout=timeout, input_text=input_text)
