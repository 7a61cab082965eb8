"""What the app does with the content's git repository: follow the upstream, push edits, say who changed what.

A part of the app: it uses the app's desk, its stop event and its notifications; every git
command runs in a thread, so the screen never waits on the network.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.core.desk import Followed, LastChange
    from tui.ui.app import PeacewatchApp


def _first_lines(text: str, keep: int = 3) -> str:
    """Git's own words, cut to what a notification can hold; the rest is one `git push` away."""
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("hint:")]
    if len(lines) <= keep:
        return "\n".join(lines)
    return "\n".join(lines[:keep]) + "\n(git said more: run `git push` in the content folder to see it all)"


WAKE_LOOK = 0.2
"""Seconds between looks at the wake file while waiting for the next look upstream."""


class GitActions:
    """A part of the app: follows the upstream, pushes edits, and says how the repository stands."""

    def __init__(self, app: PeacewatchApp) -> None:
        self._app = app
        self._trouble = ""
        """The repository's last reported trouble, so it is notified once, not at every look."""

    def follow_upstream(self) -> None:
        """Start following the upstream (one worker; a second start replaces the first)."""
        self._app.run_worker(self._follow_upstream(), exclusive=True, group="git", exit_on_error=False, name="Following the content repository")

    async def _follow_upstream(self) -> None:
        """Fetch, then fast-forward when that is safe, every `follow_git` seconds, off the UI thread.

        The network is never waited on under a lock: a slow fetch delays nothing but itself.
        """
        app = self._app
        every = app.follow_git
        if every is None:
            return
        await app.shown.wait()
        desk = await app.open_desk()
        if await asyncio.to_thread(desk.repo) is None:
            app.git_note = "git ⚠ not a repository"
            app.notify(f"--follow-git: {app.root} is not in a git repository (or git cannot be run here), so there is nothing to follow.",
                       title="Git", severity="warning", markup=False, timeout=10)
            return
        # Said from the start: a first fetch from a slow remote can take its 30 s, and a title that
        # says nothing of git meanwhile would not tell a reader whether following is on at all.
        app.git_note = "git ◌ looking upstream…"
        with desk.following():
            await self._look_until_stopped(every)

    async def _look_until_stopped(self, every: float) -> None:
        from tui.core.desk import GitError

        app = self._app
        desk = await app.open_desk()
        while not app.stopped.is_set():
            try:
                await asyncio.to_thread(desk.fetch)
            except GitError as exc:
                self._trouble_said("git ⚠ fetch failed", f"Could not look for news upstream: {exc}. Trying again in {every:g} s.",
                                   "Could not reach the upstream")
            else:
                try:
                    await app.read_changes(None, pull=True)
                except GitError as exc:
                    self._trouble_said("git ⚠ cannot follow", f"Could not compare with the upstream: {exc}. Trying again in {every:g} s.",
                                       "Could not follow the upstream")
            await self._wait_or_wake(every)

    async def _wait_or_wake(self, every: float) -> None:
        """Wait `every` seconds, or less: until quit, or until the folder's wake file is touched
        (a push arrived: its webhook or hook woke us). The file is looked at 5 times a second,
        a stat each: a push shows within a second, and an idle dashboard costs next to nothing."""
        app = self._app
        desk = await app.open_desk()
        mark = await asyncio.to_thread(desk.wake_mark)
        deadline = asyncio.get_running_loop().time() + every
        while not app.stopped.is_set():
            left = deadline - asyncio.get_running_loop().time()
            if left <= 0:
                return
            try:
                await asyncio.wait_for(app.stopped.wait(), min(left, WAKE_LOOK))
            except TimeoutError:
                pass
            if await asyncio.to_thread(desk.wake_mark) != mark:
                return

    def say_state(self, followed: Followed) -> None:
        """Show how the repository stands against its upstream in the title bar; notify trouble once."""
        where = f" {followed.upstream}" if followed.upstream else ""
        if followed.ok:
            self._trouble = ""
            self._app.git_note = f"git{where} ✓ {followed.note}"
            if followed.merged and self._app.push:
                self.push()  # the merge of the local commits with the upstream's, shared as they are
        else:
            self._trouble_said(f"git{where} ⚠ {followed.note}", followed.detail)

    def _trouble_said(self, note: str, detail: str, title: str = "The content repository was left as it is") -> None:
        self._app.git_note = note
        if note != self._trouble:
            self._trouble = note
            self._app.notify(detail, title=title, severity="warning", markup=False, timeout=12)

    def push(self) -> None:
        """Push the commit just made, in a worker; the outcome is notified."""
        self._app.run_worker(self._push(), group="push", exit_on_error=False, name="Pushing the edit")

    async def _push(self) -> None:
        from tui.core.desk import GitError

        desk = await self._app.open_desk()
        try:
            upstream = await asyncio.to_thread(desk.push)
        except GitError as exc:
            self._app.notify(f"The edit is saved and committed, but not pushed: {_first_lines(str(exc))}", title="Push failed",
                             severity="error", markup=False, timeout=12)
            return
        self._app.notify(f"Pushed to {upstream}.", title="Git", markup=False, timeout=4)

    async def last_change(self, section: str, item_id: str) -> LastChange | None:
        """Who last changed an item, from git, read in a thread; None where the store is not a repository."""
        desk = await self._app.open_desk()
        return await asyncio.to_thread(desk.last_change, section, item_id)
