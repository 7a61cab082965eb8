"""Saying what changed: one notification per burst of news, and who sent what came through git."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from tui.ui.alerts import Alerts
from tui.ui.render import v

if TYPE_CHECKING:
    from tui.core.desk import Followed
    from tui.core.desk.state import DeskState
    from tui.core.model.diff import Change
    from tui.ui.app import PeacewatchApp

BULK_SECONDS = 3.0
"""News arriving within this long of the last announcement is added to it, not announced again."""


class News:
    """A part of the app: announces the changes a reload brought that the user did not make."""

    def __init__(self, app: PeacewatchApp) -> None:
        self._app = app
        self.pulled: Followed | None = None
        """What the last fast-forward brought, until a notification has named its commits."""
        self._announced: tuple[float, list[Change]] | None = None
        """When the last announcement was made, and every change of its burst (oldest first)."""
        self.alerts = Alerts(app)
        """What the user watches, and the alerts its news raises (a part of this part: alerts are news sent on)."""

    def announce(self, state: DeskState) -> None:
        """One notification per burst of news: a bulk change (a git checkout of 38 files, read
        in several batches) is summed up in one, never stacked over the screen."""
        from tui.core.model.net import net_changes

        app = self._app
        self.alerts.news(state)
        now = time.monotonic()
        same_burst = self._announced is not None and now - self._announced[0] < BULK_SECONDS
        burst = (self._announced[1] if self._announced is not None and same_burst else []) + list(state.changes)
        self._announced = (now, burst)
        # The net change of the burst: a change and its undoing (a slip and its fix) is not news.
        changes = net_changes(burst)
        count, files = len(changes), {c.path for c in changes if c.path}
        app.clear_notifications()
        if not changes and self.pulled is None:
            return
        if self.pulled is not None:
            self.announce_pulled(self.pulled, count)
        elif count > 3 or len(files) > 3:
            app.notify(
                f"{count} changes in {len(files)} file{'s' if len(files) != 1 else ''} — c to see them",
                title="Bulk change", markup=False, timeout=6,
            )
        else:
            lines = [v(c.text(state.snapshot)) for c in changes[:3]]
            app.notify("\n".join(lines), title=f"{count} change{'s' if count != 1 else ''}", markup=False, timeout=6)
        if app.ring_bell and not same_burst:
            app.bell()

    def announce_pulled(self, pulled: Followed, changes: int = 0) -> None:
        """Name who sent what arrived: each commit's author and message."""
        self.pulled = None
        commits = pulled.commits
        lines = [v(f"{c.author}: {c.subject}") for c in commits[-3:]]
        if len(commits) > 3:
            lines.insert(0, f"… and {len(commits) - 3} earlier")
        if changes:
            lines.append(f"{changes} change{'s' if changes != 1 else ''} — c to see them")
        count = len(commits)
        self._app.notify("\n".join(lines), title=f"{count} commit{'s' if count != 1 else ''} from {v(pulled.upstream)}", markup=False, timeout=8)
