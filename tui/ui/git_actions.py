"""What the app does with the content's git repository: follow the upstream, push edits, say who changed what.

A mixin of the app: it uses the app's desk, its stop event and its notifications; every git
command runs in a thread, so the screen never waits on the network.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

from textual import work

if TYPE_CHECKING:
    from tui.core.desk import Followed, LastChange


def _first_lines(text: str, keep: int = 3) -> str:
    """Git's own words, cut to what a notification can hold; the rest is one `git push` away."""
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("hint:")]
    if len(lines) <= keep:
        return "\n".join(lines)
    return "\n".join(lines[:keep]) + "\n(git said more: run `git push` in the content folder to see it all)"


class GitActions:
    """Mixed into the app."""


    @work(exclusive=True, group="git", exit_on_error=False, name="Following the content repository")
    async def _follow_upstream(self: Any) -> None:
        """Fetch, then fast-forward when that is safe, every `follow_git` seconds, off the UI thread.

        The network is never waited on under a lock: a slow fetch delays nothing but itself.
        """
        from tui.core.desk import GitError

        await self.shown.wait()
        desk = await self._open_desk()
        if await asyncio.to_thread(desk.repo) is None:
            self.git_note = "git ⚠ not a repository"
            self.notify(f"--follow-git: {self.root} is not in a git repository (or git cannot be run here), so there is nothing to follow.",
                        title="Git", severity="warning", markup=False, timeout=10)
            return
        while not self._stop.is_set():
            try:
                await asyncio.to_thread(desk.fetch)
            except GitError as exc:
                self._git_trouble_said("git ⚠ fetch failed", f"Could not look for news upstream: {exc}. Trying again in {self.follow_git:g} s.",
                                       "Could not reach the upstream")
            else:
                try:
                    await self._reload(None, pull=True)
                except GitError as exc:
                    self._git_trouble_said("git ⚠ cannot follow", f"Could not compare with the upstream: {exc}. Trying again in {self.follow_git:g} s.",
                                           "Could not follow the upstream")
            try:
                await asyncio.wait_for(self._stop.wait(), self.follow_git)
            except TimeoutError:
                pass

    def _git_state(self: Any, followed: Followed) -> None:
        where = f" {followed.upstream}" if followed.upstream else ""
        if followed.ok:
            self._git_trouble = ""
            self.git_note = f"git{where} ✓ {followed.note}"
        else:
            self._git_trouble_said(f"git{where} ⚠ {followed.note}", followed.detail)

    def _git_trouble_said(self: Any, note: str, detail: str, title: str = "The content repository was left as it is") -> None:
        self.git_note = note
        if note != self._git_trouble:
            self._git_trouble = note
            self.notify(detail, title=title, severity="warning", markup=False, timeout=12)

    @work(group="push", exit_on_error=False, name="Pushing the edit")
    async def _push(self: Any) -> None:
        from tui.core.desk import GitError

        desk = await self._open_desk()
        try:
            upstream = await asyncio.to_thread(desk.push)
        except GitError as exc:
            self.notify(f"The edit is saved and committed, but not pushed: {_first_lines(str(exc))}", title="Push failed",
                        severity="error", markup=False, timeout=12)
            return
        self.notify(f"Pushed to {upstream}.", title="Git", markup=False, timeout=4)

    async def last_change(self: Any, section: str, item_id: str) -> LastChange | None:
        """Who last changed an item, from git, read in a thread; None where the store is not a repository."""
        desk = await self._open_desk()
        return await asyncio.to_thread(desk.last_change, section, item_id)
