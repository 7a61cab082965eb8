"""The peacewatch app: loads the store off the UI thread, follows the folder, and holds the live state."""

from __future__ import annotations

import asyncio
import subprocess
import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import App, SuspendNotSupported, SystemCommand
from textual.binding import Binding
from textual.reactive import reactive
from textual.screen import Screen

from tui.core.problems import Problem
from tui.core.snapshot import Snapshot
from tui.core.watcher import RESCAN, watch_folder
from tui.core.yaml_reader import Limits
from tui.ui.editor import editor_command
from tui.ui.key_guide import help_groups, palette_commands
from tui.ui.screens.dashboard import DashboardScreen

if TYPE_CHECKING:
    from tui.core.follower import Follower, Update
    from tui.core.loader import LoadResult

FLASH_SECONDS = 3.0
"""How long what changed stays highlighted."""


class PeacewatchApp(App[int]):
    """Owns the store and the live state; screens watch the state and panes draw it."""

    CSS_PATH = "app.tcss"
    TITLE = "peacewatch"

    BINDINGS = [
        Binding("q", "quit", "Quit", tooltip="Quit peacewatch"),
        Binding("question_mark", "help", "Help", tooltip="Show every key"),
        Binding("c", "changes", "Changes", tooltip="What changed, newest first, with what you haven't seen marked"),
        Binding("m", "mark_all_seen", "Mark seen", show=False, tooltip="Mark every change seen"),
        Binding("r", "reload", "Reload", show=False, tooltip="Read every file again now"),
    ]

    snapshot: reactive[Snapshot] = reactive(Snapshot, init=False, always_update=True)
    """The store as last loaded; files that are broken contribute their last good version."""
    problems: reactive[tuple[Problem, ...]] = reactive(tuple, init=False)
    """Everything wrong with the store right now."""
    flash: reactive[frozenset[tuple[str, str]]] = reactive(frozenset, init=False)
    """(kind, id) of the items the last reload changed."""
    unseen: reactive[frozenset[tuple[str, str]]] = reactive(frozenset, init=False)
    """(kind, id) of the items with changes the user has not seen."""
    unseen_note: reactive[str] = reactive("", init=False)
    """E.g. "4 new since 14:02", for the title bar; empty when all is seen."""
    last_change: reactive[dt.datetime | None] = reactive(None, init=False)
    """When the journal last saw the store change."""
    watch_state: reactive[str] = reactive("starting…", init=False)
    """How the folder is followed, for the title bar."""

    def __init__(
        self,
        root: Path,
        *,
        limits: Limits = Limits(),
        poll: float | None = None,
        live: bool = True,
        journal: Path | str | None = None,
        bell: bool = False,
        clock: Callable[[], dt.datetime] = dt.datetime.now,
    ) -> None:
        super().__init__()
        self.root = Path(root)
        self.limits = limits
        self.poll = poll
        self.live = live
        self.journal = journal
        """The journal's path; None for the default in the user's state directory; "off" for none."""
        self.ring_bell = bell
        self._clock = clock
        self.follower: Follower | None = None
        self._last_changes: tuple = ()
        """Opened in a thread by the first load, so pydantic's import never delays the first frame."""
        self._lock = asyncio.Lock()
        self._stop = asyncio.Event()
        self.shown = asyncio.Event()
        """Set once the first load is on screen."""
        self.loaded = asyncio.Event()
        """Set once the first load is on screen and recorded in the journal (tests wait on it)."""

    def now(self) -> dt.datetime:
        """The current time; injected so tests and screenshots are reproducible."""
        return self._clock()

    def get_default_screen(self) -> Screen:
        return DashboardScreen()

    def on_mount(self) -> None:
        self._follow()

    async def on_unmount(self) -> None:
        self._stop.set()
        if self.follower is not None:
            self.follower.close()

    @work(exclusive=True, group="follow", exit_on_error=False)
    async def _follow(self) -> None:
        """Load the store, then apply every change the folder reports, until the app stops."""
        await self._reload(RESCAN)
        if not self.live:
            self.watch_state = "not watching"
            return
        self.watch_state = f"◌ polling every {self.poll:g}s" if self.poll else "● live"
        async for paths in watch_folder(self.root, self.poll, self._stop):
            try:
                await self._reload(paths)
            except Exception as exc:  # noqa: BLE001 — one failed reload must not end following
                self.notify(f"Reading the changes failed ({type(exc).__name__}: {exc}); still watching.", severity="error", markup=False, timeout=10)

    async def _reload(self, paths: Iterable[str] | None) -> None:
        """Read what changed in a thread, so parsing and the journal never block the screen."""
        async with self._lock:
            if self.follower is None:
                self.follower = self._open_follower()
            if paths is RESCAN:
                result = await asyncio.to_thread(self.follower.load)
            else:
                result = await asyncio.to_thread(self.follower.reload, list(paths))
            # The content goes on screen first; the journal's record and marks follow a moment later.
            self._apply_result(result)
            update = await asyncio.to_thread(self.follower.record, result)
        self._apply(update)
        if result.recheck_in is not None:
            # A file was mid-save or briefly missing: look again once it has settled.
            self.set_timer(result.recheck_in + 0.01, lambda: self._recheck(paths))

    @work(group="recheck", exit_on_error=False)
    async def _recheck(self, paths: Iterable[str] | None) -> None:
        await self._reload(paths)

    def _open_follower(self) -> Follower:
        from tui.core.follower import Follower

        return Follower(self.root, self.limits, self.journal)

    def _apply_result(self, result: LoadResult) -> None:
        if result.snapshot is not self.snapshot:
            self.snapshot = result.snapshot
        if result.problems != self.problems:
            self.problems = result.problems
        self.shown.set()

    def _apply(self, update: Update) -> None:
        self._last_changes = update.changes
        if update.changes:
            self.flash = frozenset((c.kind, c.item_id) for c in update.changes)
            self.set_timer(FLASH_SECONDS, self._end_flash)
            self._announce(update)
        self._apply_seen(update)
        for warning in update.warnings:
            self.notify(warning, title="Change journal", severity="warning", markup=False, timeout=10)
        self.loaded.set()

    def _apply_seen(self, update: Update) -> None:
        self.unseen = update.unseen
        self.last_change = update.last_change
        since = update.unseen_since.astimezone().strftime("%H:%M") if update.unseen_since else ""
        self.unseen_note = f"{update.unseen_count} new since {since}" if update.unseen_count else ""

    def _announce(self, update: Update) -> None:
        from tui.ui.render import v

        changes = update.changes
        lines = [v(c.text(update.result.snapshot)) for c in changes[:3]]
        if len(changes) > 3:
            lines.append(f"… and {len(changes) - 3} more (c lists them)")
        self.notify("\n".join(lines), title=f"{len(changes)} change{'s' if len(changes) != 1 else ''}", markup=False, timeout=6)
        if self.ring_bell:
            self.bell()

    def _end_flash(self) -> None:
        self.flash = frozenset()

    @work(group="journal", exit_on_error=False)
    async def mark_seen(self, kind: str, item_id: str) -> None:
        """Mark the changes of one item seen, e.g. when the user opens it."""
        if self.follower is not None and (kind, item_id) in self.unseen:
            self._apply_seen(await asyncio.to_thread(self.follower.mark_seen, kind, item_id))

    @work(group="journal", exit_on_error=False)
    async def action_mark_all_seen(self) -> None:
        if self.follower is not None:
            self._apply_seen(await asyncio.to_thread(self.follower.mark_all_seen))

    def open_form(self, kind: str, **start: str) -> None:
        """Open an edit form ('quote', 'event', 'status', 'position') over the dashboard."""
        from tui.ui.forms import FORMS

        if self.follower is None:
            self.notify("The store is still loading.", markup=False)
            return
        form = FORMS[kind](self.snapshot, self.root, self.follower.store.digests(), **start)
        self.push_screen(form, callback=self._written)

    def _written(self, written: object) -> None:
        if written is None:
            return
        self.notify(f"Written to {written.path}:{written.line}", title="Saved", markup=False, timeout=4)  # type: ignore[attr-defined]
        self._after_write()

    @work(group="journal", exit_on_error=False)
    async def _after_write(self) -> None:
        """Show the user's own change at once, and don't count it as news to them."""
        await self._reload(RESCAN)
        if self.follower is not None and self._last_changes:
            pairs = {(c.kind, c.item_id) for c in self._last_changes}
            update = None
            for kind, item_id in pairs:
                update = await asyncio.to_thread(self.follower.mark_seen, kind, item_id)
            if update is not None:
                self._apply_seen(update)

    async def reload_for_edit(self) -> dict[str, bytes]:
        """Read every file again, then say what was read of each: a form's new baseline after a conflict."""
        await self._reload(RESCAN)
        return self.follower.store.digests() if self.follower else {}

    def reload_now(self) -> None:
        """Read every file again now, without waiting for the watcher."""
        self.run_worker(self._reload(RESCAN), group="recheck", exit_on_error=False)

    def edit_item(self, kind: str, item_id: str) -> None:
        """Open the file that defines an item in the user's editor at its line, then reload it."""
        origin = self.snapshot.origins.get((kind, item_id))
        if origin is None:
            self.notify("That item is not in the store any more.", severity="warning", markup=False)
            return
        path = self.root / origin.path
        command = editor_command(path, origin.line)
        if command is None:
            self.notify("No editor found: set $EDITOR (or $VISUAL).", severity="error", markup=False)
            return
        try:
            try:
                with self.suspend():
                    subprocess.run(command, check=False)
            except SuspendNotSupported:
                # No terminal to hand over (headless, web): run the editor as it is.
                subprocess.run(command, check=False, stdin=subprocess.DEVNULL)
        except OSError as exc:
            self.notify(f"Could not start {command[0]}: {exc.strerror or exc}", severity="error", markup=False)
            return
        # The watcher sees the save too; reading it now shows the result the moment the editor closes.
        self.run_worker(self._reload([str(path)]), group="recheck", exit_on_error=False)

    def action_reload(self) -> None:
        self.reload_now()
        self.notify("Reading every file again.", markup=False, timeout=2)

    def action_changes(self) -> None:
        from tui.ui.screens.changes import ChangesScreen

        if not isinstance(self.screen, ChangesScreen):
            self.push_screen(ChangesScreen())

    def action_help(self) -> None:
        from tui.ui.screens.help import HelpScreen

        self.push_screen(HelpScreen(help_groups(self)))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield from palette_commands(self, screen)
