"""Watches and alerts: `w` watches a party, an issue or a deadline, and only news about what is
watched raises an alert (in the app, the bell, the desktop, every --notify URL)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.model.clock import story_clock
from tui.ui.render import v

# What works out an alert is imported when news first comes: it brings the model's diff (pydantic),
# which the event loop must not wait for before the first frame.
if TYPE_CHECKING:
    from tui.core.desk.state import DeskState
    from tui.core.model.diff import Change
    from tui.core.views.alerts import Alert
    from tui.ui.app import PeacewatchApp

GATHER_SECONDS = 0.4
"""News read in several batches this close together (a save of two files, a checkout) is one alert,
as it is one summary on screen; short enough that an alert leaves within a second of the save."""
DEADLINE_CHECK_SECONDS = 30.0
DEADLINE_ALERT_HOURS = 24.0
"""How long before a watched deadline (the start of its day) it is alerted, unless --deadline-alert says."""
NOUNS = {"parties": "party", "issues": "issue", "deadlines": "deadline"}


class Alerts:
    """A part of the app: the user's watches (kept in their state directory, per content folder; in
    memory only on a served page, which is anyone's) and the alerts they raise."""

    def __init__(self, app: PeacewatchApp) -> None:
        self._app = app
        self.urls: tuple[str, ...] = ()
        """Apprise URLs each alert is posted to (--notify)."""
        self.deadline_hours = DEADLINE_ALERT_HOURS
        self.desktop = True
        """Whether to show a desktop notification, where the system has one (notify-send)."""
        self._watches: frozenset[tuple[str, str]] | None = None
        self._path: Path | None = None
        self._read_at: tuple[int, int] | None = None
        """The watches file's (mtime, size) when last read: another dashboard of the user's may change it."""
        self._gathered: list[Change] = []
        self._started = False
        self._deadlines_sent: set[str] = set()

    def configure(self, urls: Sequence[str] = (), deadline_hours: float = DEADLINE_ALERT_HOURS, desktop: bool = True) -> None:
        self.urls, self.deadline_hours, self.desktop = tuple(urls), deadline_hours, desktop

    # -- watches -------------------------------------------------------------------------------

    @property
    def watches(self) -> frozenset[tuple[str, str]]:
        """What the user watches: (kind, key) pairs; read from their state at first use."""
        if self._watches is None:
            from tui.core.desk import read_watches, watches_path

            self._watches = frozenset()
            if not self._keeps_nothing:
                self._path = watches_path(self._app.root)
                self._read_at = self._stamp()
                self._watches, problem = read_watches(self._path)
                if problem:
                    self._app.notify(problem, title="Watches", severity="warning", markup=False, timeout=10)
        return self._watches

    def _stamp(self) -> tuple[int, int] | None:
        try:
            found = self._path.stat() if self._path is not None else None
        except OSError:
            return None
        return (found.st_mtime_ns, found.st_size) if found is not None else None

    def _refresh(self) -> None:
        """Take the watches another of the user's dashboards on this story changed since they were read."""
        if self._path is None or self._stamp() == self._read_at:
            return
        from tui.core.desk import read_watches

        self._read_at = self._stamp()
        watches, _problem = read_watches(self._path)  # a broken file was said when first read
        if watches != self._watches:
            self._watches = watches
            self.show()

    @property
    def _keeps_nothing(self) -> bool:
        # A served page is anyone's: what its reader watches is theirs alone, never the server user's.
        return self._app.page.served

    def toggle(self, kind: str, key: str | None, label: str = "") -> None:
        """Watch `key` of `kind`, or stop watching it; say which, and keep it."""
        if not key:
            self._app.notify(f"No {NOUNS[kind]} to watch here.", markup=False, timeout=3)
            return
        watch = (kind, key)
        on = watch not in self.watches
        self._watches = self.watches | {watch} if on else self.watches - {watch}
        what = v(label or key)
        self._app.notify(
            f"Watching {NOUNS[kind]} {what}: its news raises an alert." if on else f"No longer watching {NOUNS[kind]} {what}.",
            title="Watch", markup=False, timeout=4,
        )
        self._keep()
        self.show()
        if on and kind == "deadlines":
            self._check_deadlines()  # one already within the alert's hours is said now, not at the next look

    def _keep(self) -> None:
        if self._path is None:
            return
        from tui.core.desk import save_watches

        try:
            save_watches(self._path, self.watches)
            self._read_at = self._stamp()
        except OSError as exc:
            self._app.notify(f"Your watches could not be kept for next time: {self._path}: {exc.strerror or exc}.",
                             title="Watches", severity="warning", markup=False, timeout=8)

    def show(self) -> None:
        """Mark the watched rows on every pane that lists watchable items."""
        from tui.ui.widgets.pane import Pane

        for pane in self._app.screen.query(Pane):
            pane.show_watched(self.watches)

    # -- alerts --------------------------------------------------------------------------------

    def start(self) -> None:
        """Once the dashboard is up (its panes call it; it runs once): watch the clock for deadlines."""
        if self._started:
            return
        self._started = True
        self._app.set_interval(DEADLINE_CHECK_SECONDS, self._check_deadlines)
        self._app.set_timer(1.0, self._check_deadlines)

    def news(self, state: DeskState) -> None:
        """A reload brought `state.changes` (not the user's own): gathered briefly, then alerted
        once as a net change if any of it is watched."""
        if not state.changes:
            return
        if not self._gathered:
            self._app.set_timer(GATHER_SECONDS, self._flush)
        self._gathered.extend(state.changes)

    def _flush(self) -> None:
        from tui.core.model.net import net_changes
        from tui.core.views.alerts import change_alert, change_key, watched

        burst, self._gathered = self._gathered, []
        self._refresh()
        snapshot = self._app.state.snapshot
        changes = watched(net_changes(burst), snapshot, self.watches)
        if not changes:
            return
        alert = change_alert(changes, snapshot)
        self._say(alert)
        keys = [change_key(change) for change in changes]
        self._app.run_worker(lambda: self._post(keys, changes, alert), thread=True, group="alerts",
                             exit_on_error=False, name="Posting an alert")

    def _say(self, alert: Alert) -> None:
        """The alert in the app, with the bell (watching is asking to be told)."""
        lines = alert.body.splitlines()
        shown = "\n".join(v(line) for line in lines[:6]) + ("\n…" if len(lines) > 6 else "")
        self._app.notify(shown, title=v(alert.headline), severity="warning", markup=False, timeout=10)
        self._app.bell()

    def _post(self, keys: list[str], changes: list[Change], alert: Alert) -> None:
        """In a worker thread: claim each change for this desk, post those no other dashboard claimed."""
        from tui.core.desk import claim_alert, claims_folder

        folder = claims_folder(self._app.root)
        try:
            mine = [change for key, change in zip(keys, changes, strict=True) if claim_alert(folder, key)]
        except Exception as exc:  # noqa: BLE001 — a claim that cannot be taken is said, and nothing is posted twice
            self._failed(f"the alert was not sent: its claim in {folder} could not be taken ({type(exc).__name__}: {exc})")
            return
        if not mine:
            return  # another dashboard of this desk posts it
        if len(mine) != len(changes):
            from tui.core.views.alerts import change_alert

            alert = change_alert(mine, self._app.state.snapshot)
        self._deliver(alert)

    def _deliver(self, alert: Alert) -> None:
        from tui.core.desk import deliver

        for failed in deliver(alert.title, alert.body, self.urls, desktop=self.desktop and not self._keeps_nothing):
            self._failed(f"the alert did not reach {failed.where} after three tries: {failed.why}")

    def _failed(self, why: str) -> None:
        self._app.call_from_thread(self._app.notify, why[0].upper() + why[1:], title="Alert not delivered",
                                   severity="error", markup=False, timeout=12)

    def _check_deadlines(self) -> None:
        state = self._app.state
        self._refresh()
        if not state.read or not any(kind == "deadlines" for kind, _ in self.watches):
            return
        from tui.core.views.alerts import deadline_alert, deadline_claim, due_deadlines

        now = story_clock(state.snapshot.story).local(self._app.now())
        for deadline in due_deadlines(state.snapshot, self.watches, now, self.deadline_hours):
            key = deadline_claim(deadline)
            if key in self._deadlines_sent:
                continue
            self._deadlines_sent.add(key)
            alert = deadline_alert(deadline, state.snapshot, now)
            self._say(alert)
            keep = self.deadline_hours * 3600 + 2 * 86_400  # claimed until the deadline's day is over

            def post(key: str = key, alert: Alert = alert, keep: float = keep) -> None:
                from tui.core.desk import claim_alert, claims_folder

                if claim_alert(claims_folder(self._app.root), key, keep_for=keep):
                    self._deliver(alert)

            self._app.run_worker(post, thread=True, group="alerts", exit_on_error=False, name="Posting a deadline alert")
