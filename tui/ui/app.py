"""The peacewatch app: loads the store off the UI thread, follows the folder, and holds the live state."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.reactive import reactive
from textual.screen import Screen

from tui.core.problems import Problem
from tui.core.snapshot import Snapshot
from tui.core.watcher import RESCAN, watch_folder
from tui.core.yaml_reader import Limits

if TYPE_CHECKING:
    from tui.core.loader import ContentStore, LoadResult
from tui.ui.changed_items import changed_items
from tui.ui.screens.dashboard import PANES, DashboardScreen
from tui.ui.widgets.parties_pane import PartiesPane
from tui.ui.widgets.row_list import RowList
from tui.ui.widgets.status_pane import StatusPane

FLASH_SECONDS = 3.0
"""How long what changed stays highlighted."""


class PeacewatchApp(App[int]):
    """Owns the store and the live state; screens watch the state and panes draw it."""

    CSS_PATH = "app.tcss"
    TITLE = "peacewatch"

    BINDINGS = [
        Binding("q", "quit", "Quit", tooltip="Quit peacewatch"),
        Binding("question_mark", "help", "Help", tooltip="Show every key"),
        Binding("r", "reload", "Reload", show=False, tooltip="Read every file again now"),
    ]

    snapshot: reactive[Snapshot] = reactive(Snapshot, init=False, always_update=True)
    """The store as last loaded; files that are broken contribute their last good version."""
    problems: reactive[tuple[Problem, ...]] = reactive(tuple, init=False)
    """Everything wrong with the store right now."""
    flash: reactive[frozenset[tuple[str, str]]] = reactive(frozenset, init=False)
    """(kind, id) of the items the last reload changed."""
    watch_state: reactive[str] = reactive("starting…", init=False)
    """How the folder is followed, for the title bar."""

    def __init__(
        self,
        root: Path,
        *,
        limits: Limits = Limits(),
        poll: float | None = None,
        live: bool = True,
        clock: Callable[[], dt.datetime] = dt.datetime.now,
    ) -> None:
        super().__init__()
        self.root = Path(root)
        self.limits = limits
        self.store: ContentStore | None = None
        """Opened in a thread by the first load, so pydantic's import never delays the first frame."""
        self.poll = poll
        self.live = live
        self._clock = clock
        self._lock = asyncio.Lock()
        self._stop = asyncio.Event()
        self.loaded = asyncio.Event()
        """Set once the first load has been applied (tests and benchmarks wait on it)."""
        self.reloads = 0
        """How many loads have been applied, for tests that wait for the next one."""

    def now(self) -> dt.datetime:
        """The current time; injected so tests and screenshots are reproducible."""
        return self._clock()

    def get_default_screen(self) -> Screen:
        return DashboardScreen()

    def on_mount(self) -> None:
        self._follow()

    async def on_unmount(self) -> None:
        self._stop.set()

    @work(exclusive=True, group="follow", exit_on_error=False)
    async def _follow(self) -> None:
        """Load the store, then apply every change the folder reports, until the app stops."""
        await self._reload(None)
        if not self.live:
            self.watch_state = "not watching"
            return
        self.watch_state = f"◌ polling every {self.poll:g}s" if self.poll else "● live"
        async for paths in watch_folder(self.root, self.poll, self._stop):
            await self._reload(paths)

    async def _reload(self, paths: Iterable[str] | None) -> None:
        """Read what changed in a thread, so parsing never blocks the screen, then apply it."""
        async with self._lock:
            if self.store is None:
                self.store = await asyncio.to_thread(self._open_store)
            if paths is RESCAN:
                result = await asyncio.to_thread(self.store.load)
            else:
                result = await asyncio.to_thread(self.store.reload, list(paths))
        self._apply(result)
        if result.recheck_in is not None:
            # A file was mid-save or briefly missing: look again once it has settled.
            self.set_timer(result.recheck_in + 0.01, lambda: self._recheck(paths))

    @work(group="recheck", exit_on_error=False)
    async def _recheck(self, paths: Iterable[str] | None) -> None:
        await self._reload(paths)

    def _open_store(self) -> ContentStore:
        from tui.core.loader import ContentStore

        return ContentStore(self.root, self.limits)

    def _apply(self, result: LoadResult) -> None:
        old = self.snapshot
        if result.snapshot is not old:
            changed = changed_items(old, result.snapshot) if self.loaded.is_set() else frozenset()
            self.snapshot = result.snapshot
            if changed:
                self.flash = changed
                self.set_timer(FLASH_SECONDS, self._end_flash)
        if result.problems != self.problems:
            self.problems = result.problems
        self.reloads += 1
        self.loaded.set()

    def _end_flash(self) -> None:
        self.flash = frozenset()

    def action_reload(self) -> None:
        self.run_worker(self._reload(RESCAN), group="recheck", exit_on_error=False)
        self.notify("Reading every file again.", markup=False, timeout=2)

    def action_help(self) -> None:
        from tui.ui.screens.help import HelpScreen

        self.push_screen(
            HelpScreen(
                [
                    ("Anywhere", list(self.BINDINGS) + [Binding("ctrl+p", "command_palette", "Command palette", tooltip="Search every action")]),
                    ("Dashboard", list(DashboardScreen.BINDINGS) + [Binding("tab,shift+tab", "", "Next pane", tooltip="Next / previous pane")]),
                    ("In a list", list(RowList.BINDINGS)),
                    ("Parties and issues", list(PartiesPane.BINDINGS)),  # IssuesPane has the same keys
                    ("Deal status", list(StatusPane.BINDINGS)),
                    ("Full item, help, problems", [Binding("escape", "", "Back", tooltip="Back to the dashboard")]),
                ]
            )
        )

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if not isinstance(screen, DashboardScreen):
            return
        for number, (pane, _) in enumerate(PANES.items(), start=1):
            title = {"status": "Deal status"}.get(pane, pane.title())
            yield SystemCommand(f"Focus: {title}", f"Jump to the {title.lower()} pane (key {number})", lambda pane=pane: screen.action_focus_pane(pane))
        yield SystemCommand("Search quotes", "Search quotes by text or speaker (key /)", screen.action_search)
        yield SystemCommand("Clear filter", "Show every quote again (key esc)", screen.action_clear)
        yield SystemCommand("Zoom pane", "Maximise the focused pane, or restore it (key z)", screen.action_zoom)
        yield SystemCommand("Show problems", "List every problem in the content (key !)", screen.action_problems)
        yield SystemCommand("Reload", "Read every file again now (key r)", self.action_reload)
        yield SystemCommand("Help: keys", "Show every key (key ?)", self.action_help)
