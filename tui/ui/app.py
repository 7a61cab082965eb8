"""The peacewatch app: loads the store off the UI thread, follows the folder, and holds the live state."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import gc
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.reactive import reactive
from textual.screen import Screen
from textual.timer import Timer
from textual.worker import Worker, WorkerState

from tui.core.desk import RESCAN, Limits
from tui.core.desk.state import DeskState
from tui.ui import read_only, start
from tui.ui.key_guide import help_groups, palette_commands
from tui.ui.key_order import KeyOrder
from tui.ui.news import News
from tui.ui.parts import Part
from tui.ui.screens.dashboard import DashboardScreen
from tui.ui.served_page import ServedPage
from tui.ui.store_memory import freeze_store as _freeze_store
from tui.ui.stories import Stories
from tui.ui.theme_memory import ThemeMemory

if TYPE_CHECKING:
    from tui.core.desk import Applied, Desk, Reload, Request, Wait
    from tui.ui.brief_actions import BriefActions
    from tui.ui.editor_actions import EditorActions
    from tui.ui.git_actions import GitActions
    from tui.ui.item_actions import ItemActions

FLASH_SECONDS = 3.0
"""How long what changed stays highlighted."""
RESTART_SECONDS = 1.0
"""How long following waits before starting again after it failed."""


class PeacewatchApp(App[int]):
    """Owns the folder's desk and the one state; screens bind to the state and panes draw it.

    What the app does by subject lives in parts it owns, each typed against it: `items` (edit,
    remove, add, revert), `editor` ($EDITOR), `git` (the content's repository), `briefs` (briefs
    and attributions), `news` (announcing changes), `theme_memory` and `key_order` (keys in a burst), `page` (a served page).
    """

    CSS_PATH = "app.tcss"
    items: Part[ItemActions] = Part("tui.ui.item_actions", "ItemActions")
    editor: Part[EditorActions] = Part("tui.ui.editor_actions", "EditorActions")
    git: Part[GitActions] = Part("tui.ui.git_actions", "GitActions")
    briefs: Part[BriefActions] = Part("tui.ui.brief_actions", "BriefActions")
    TITLE = "peacewatch"

    BINDINGS = [
        Binding("q", "quit", "Quit", tooltip="Quit peacewatch", id="app.quit"),
        Binding("question_mark", "help", "Help", tooltip="Show every key", id="app.help"),
        Binding("c", "changes", "Changes", tooltip="What changed, newest first, with what you haven't seen marked", id="app.changes"),
        Binding("m", "mark_all_seen", "Mark all seen", show=False, tooltip="Mark every change seen", id="app.mark-all-seen"),
        Binding("r", "reload", "Reload", show=False, tooltip="Read every file again now", id="app.reload"),
        Binding("ctrl+n", "next_story", "Next story", show=False, tooltip="Show the next story that is open", id="app.next-story"),
    ]

    # repaint=False here and wherever the state is bound: each watcher draws what changed in it,
    # where a repaint would draw the whole screen again on every save.
    state: reactive[DeskState] = reactive(DeskState, init=False, repaint=False)
    """The store as last loaded (broken files contribute their last good version), its problems,
    what last changed (highlighted while it is set) and what the user has not seen."""
    following: reactive[str] = reactive("starting…", init=False, repaint=False)
    """How the folder is followed, for the title bar."""
    git_note: reactive[str] = reactive("", init=False, repaint=False)
    """How the content's git repository stands against its upstream, for the title bar (with --follow-git)."""

    def __init__(
        self,
        root: Path,
        *,
        limits: Limits = Limits(),
        poll: float | None = None,
        live: bool = True,
        journal: Path | str | None = None,
        bell: bool = False,
        read_only: bool = False,
        clock: Callable[[], dt.datetime] = dt.datetime.now,
        follow_git: float | None = None,
        commit: bool = False,
        push: bool = False,
        settings: Path | str | None = None,
        notes: Iterable[str] = (),
        served: bool = False,
        stories: Iterable[Path] = (),
    ) -> None:
        super().__init__()
        self._notes = tuple(notes)
        """Said once the screen is up: what the command line wants said (the demo is read-only)."""
        self.theme_memory = ThemeMemory(self, settings)
        self.theme_memory.use_saved_theme()
        self.root = Path(root)
        self.poll = poll
        self.live = live
        self.ring_bell = bell
        self.read_only = read_only
        """Nothing is written and no editor is opened: for a shared screen or a browser view."""
        self.limits = limits
        self.journal = journal
        """The journal's path; None for the default in the user's state directory; "off" for none."""
        self.follow_git = follow_git
        """Seconds between looks at the content repository's upstream; None to leave git alone."""
        self.commit, self.push = commit or push, push
        self._clock = clock
        self._desk: Desk | None = None
        """Opened in a thread by the first load, so pydantic's import never delays the first frame."""
        self._lock = asyncio.Lock()
        self.stopped = asyncio.Event()
        """Set when the app stops: every loop that follows something (the folder, the upstream) ends."""
        self._flash_timer: Timer | None = None
        self._replaced: list[DeskState] = []
        """States just replaced, kept until the frame that shows their successor is drawn (see `_show`)."""
        self.shown = asyncio.Event()
        """Set once the first load is on screen."""
        self.loaded = asyncio.Event()
        """Set once the first load is on screen and recorded in the journal (tests wait on it)."""
        self.news = News(self)
        self.key_order = KeyOrder(self)
        self.page = ServedPage(self, served)
        self.stories = Stories(self, stories)

    def now(self) -> dt.datetime:
        """The current time; injected so tests and screenshots are reproducible."""
        return self._clock()

    def get_default_screen(self) -> Screen:
        return DashboardScreen().data_bind(PeacewatchApp.state, PeacewatchApp.following, PeacewatchApp.git_note)

    def on_mount(self) -> None:
        for note in self._notes:
            self.notify(note, title="peacewatch", severity="warning", markup=False, timeout=12)
        self.theme_memory.follow()
        if start.show_cached_head(self):
            self.call_after_refresh(self._follow)  # the store's code loads after the first frame, not against it
        else:
            self._follow()
        self.call_after_refresh(self.stories.follow_others)  # the other stories' desks load after the first frame too
        if self.follow_git is not None:
            self.git.follow_upstream()

    async def on_unmount(self) -> None:
        gc.unfreeze()  # what the app kept is the collector's again (tests run many apps in one process)
        self.stopped.set()
        if self._desk is not None:
            self._desk.close()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        self.report_failure(event)

    def report_failure(self, event: Worker.StateChanged) -> None:
        """The one handler for work that failed anywhere in the app: the user is told, never silently."""
        if event.state == WorkerState.ERROR and event.worker.error is not None:
            error = event.worker.error
            self.notify(
                f"{event.worker.name or 'A task'} failed: {type(error).__name__}: {error}. "
                "The dashboard goes on; if it repeats, please report it.",
                title="Something went wrong", severity="error", markup=False, timeout=12,
            )

    # -- following the folder -------------------------------------------------------------------

    @work(exclusive=True, group="follow", exit_on_error=False, name="Following the folder")
    async def _follow(self) -> None:
        """Load the store, then apply every change the folder reports, until the app stops.

        If following fails, the title says so, and it starts again by itself: a monitor left
        in a corner must never show "live" while it is not.
        """
        await self.read_changes(RESCAN)
        if not self.live:
            self.following = "not watching"
            return
        from tui.core.desk import watch_folder  # imported with the desk, in its thread (see tui.ui.start)
        live = f"◌ polling every {self.poll:g}s" if self.poll else "● live"
        while not self.stopped.is_set():
            self.following = live
            try:
                # The first load read the folder before the watch was in place: the watch's
                # first batch is a rescan (cheap: only files whose bytes changed are parsed),
                # so a save made meanwhile (a large store takes seconds to load) is not missed.
                async for paths in watch_folder(self.root, self.poll, self.stopped, rescan_first=True):
                    try:
                        await self.read_changes(paths)
                    except Exception as exc:  # noqa: BLE001 — one failed reload must not end following
                        self.notify(f"Reading the changes failed ({type(exc).__name__}: {exc}); still watching.",
                                    severity="error", markup=False, timeout=10)
                        self.following = live
                if self.stopped.is_set():
                    return
                why = "the watch ended"
            except Exception as exc:  # noqa: BLE001 - say it, then follow again
                why = f"{type(exc).__name__}: {exc}"
            self.following = f"⚠ not following ({why}); restarting…"
            await asyncio.sleep(RESTART_SECONDS)  # the new watch's first batch rescans what changed meanwhile

    async def read_changes(self, paths: Iterable[str] | None, pull: bool = False) -> None:
        """Read what changed in a thread, so parsing and the journal never block the screen.

        With `pull`, first fast-forward the content repository (see `_follow_upstream`) and read
        what that changed: under the same lock, so no other reload announces it first without its authors.
        """
        async with self._lock:
            desk = await self.open_desk()
            if pull:
                followed = await asyncio.to_thread(desk.fast_forward)
                self.git.say_state(followed)
                if not followed.files:
                    return
                self.news.pulled, paths = followed, followed.files
            if paths is RESCAN:
                if not self.state.read and (head := await asyncio.to_thread(desk.load_head)) is not None:
                    self._show(head)  # a large store: its story first, while the quotes are read
                content = await asyncio.to_thread(desk.load)
            else:
                content = await asyncio.to_thread(desk.reload, list(paths))
            # The content goes on screen first; the journal's record and marks follow a moment later.
            self._show(content)
            self.shown.set()
            if paths is RESCAN:
                _freeze_store()
            recorded = await asyncio.to_thread(desk.record)
        self._show(recorded)
        self.loaded.set()
        if self.news.pulled is not None:
            # What arrived changed no item (a comment, say): still say whose commits came in.
            self.news.announce_pulled(self.news.pulled)
        if content.recheck_in is not None:
            # A file was mid-save or briefly missing: look again once it has settled.
            self.set_timer(content.recheck_in + 0.01, lambda: self._recheck(paths))

    @work(group="recheck", exit_on_error=False, name="Reading a file again")
    async def _recheck(self, paths: Iterable[str] | None) -> None:
        await self.read_changes(paths)

    async def open_desk(self) -> Desk:
        if self._desk is None:
            self._desk = await asyncio.to_thread(start.new_desk, self)  # its imports in the thread (see tui.ui.start)
        return self._desk

    @property
    def desk(self) -> Desk | None:
        """The folder's desk, once the first load has opened it."""
        return self._desk

    def _show(self, new: DeskState) -> None:
        """Make `new` the state; announce what it changed unless the user made the change."""
        if new.changes:
            if self._flash_timer is not None:
                self._flash_timer.stop()
            self._flash_timer = self.set_timer(FLASH_SECONDS, self._end_flash)
            if not new.own:
                self.news.announce(new)
        elif self._flash_timer is not None:
            new = dataclasses.replace(new, changes=self.state.changes)  # still highlighted
        for warning in new.warnings:
            self.notify(warning, title="Change journal", severity="warning", markup=False, timeout=10)
        # The state replaced is let go of after the next frame: freeing a store's worth of
        # objects (a reload makes new ones for every item) must not delay showing the new one.
        self._replaced.append(self.state)
        self.state = dataclasses.replace(new, warnings=())
        self.call_after_refresh(self._replaced.clear)

    def _end_flash(self) -> None:
        self._flash_timer = None
        self.state = dataclasses.replace(self.state, changes=())

    # -- the journal ----------------------------------------------------------------------------

    @work(group="journal", exit_on_error=False, name="Marking a change seen")
    async def mark_seen(self, kind: str, item_id: str) -> None:
        """Mark the changes of one item seen, e.g. when the user opens it."""
        if self._desk is not None and (kind, item_id) in self.state.unseen:
            self._show(await asyncio.to_thread(self._desk.mark_seen, kind, item_id))

    @work(group="journal", exit_on_error=False, name="Marking every change seen")
    async def action_mark_all_seen(self) -> None:
        if self._desk is not None:
            self._show(await asyncio.to_thread(self._desk.mark_all_seen))

    async def reloads(self) -> tuple[list[Reload], bool]:
        """The journal's changes grouped by reload, newest first, and whether there is a journal."""
        if (desk := self._desk) is None:
            return [], False
        reloads = await asyncio.to_thread(desk.reloads)
        return reloads, await asyncio.to_thread(lambda: desk.journal_path is not None)

    async def stance_moves(self, issue_id: str) -> dict:
        """How each party's stance on an issue moved, from the journal (empty without one)."""
        return await asyncio.to_thread(self._desk.stance_moves, issue_id) if self._desk is not None else {}

    # -- editing --------------------------------------------------------------------------------

    def open_form(self, kind: str, **start: str) -> None:
        """Open an edit form ('quote', 'event', 'status', 'position') over the dashboard."""
        from tui.ui.forms import FORMS

        if self.refuse_if_read_only(read_only.FORMS):
            return
        if self._desk is None or not self.state.complete:
            self.notify("The store is still loading.", markup=False)
            return
        self.push_screen(FORMS[kind](self.state.snapshot, self._desk.digests(), **start), callback=self.items.written)

    async def submit(self, request: Request, expected: dict[str, bytes], wait: Wait) -> Applied:
        """Apply a form's edit through the desk, in a thread; the result is on screen when this returns.

        Raises EditRefused (EditConflict among them) with the reason, or whatever else went wrong.
        """
        if self.refuse_if_read_only(read_only.WRITING):
            # Reached only by a form opened some other way than `open_form`: it says so, keeps what
            # was typed, and nothing is written.
            from tui.core.desk import EditRefused

            raise EditRefused([], read_only.message(read_only.WRITING).rstrip("."))
        desk, author = await self.open_desk(), await self.page.author()  # the author first: nothing is held while they answer
        applied = await asyncio.to_thread(lambda: desk.apply(request, expected, wait, commit=self.commit, author=author))
        self._show(applied.state)
        return applied

    async def digests_after_reload(self) -> dict[str, bytes]:
        """Read every file again, then say what was read of each: a form's new baseline after a conflict."""
        await self.read_changes(RESCAN)
        return self._desk.digests() if self._desk else {}

    def reload_now(self) -> None:
        """Read every file again now, without waiting for the watcher."""
        self.run_worker(self.read_changes(RESCAN), group="recheck", exit_on_error=False, name="Reading every file")

    def refuse_if_read_only(self, what: str) -> bool:
        """In read-only mode, say that `what` is turned off and return True: the caller does nothing."""
        if self.read_only:
            self.notify(read_only.message(what), title="Read-only", severity="warning", markup=False, timeout=5)
        return self.read_only

    async def on_event(self, event: events.Event) -> None:
        # Keys from the terminal are handled one at a time, each where the focus is when it is
        # read (see key_order.py); everything else goes to Textual as it is.
        # A key read while the app is closing (no screen left) goes to Textual, which drops it.
        if isinstance(event, events.Key) and not event.is_forwarded and self.screen_stack:
            if self.key_order.hold(event):
                return
            target = self.focused or self.screen
            await super().on_event(event)
            self.key_order.follow(target)
            return
        await super().on_event(event)

    def on_key(self, event: events.Key) -> None:
        # A key whose edit binding read-only mode hid reaches the app unhandled: say why nothing happens.
        if self.read_only:
            what = read_only.refused_key(self.screen.focused or self.screen, event.key)
            if what is not None:
                self.refuse_if_read_only(what)

    def on_resize(self, event: events.Resize) -> None:
        self.page.resized(event.size)

    async def action_next_story(self) -> None:
        await self.stories.show_next()

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

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        ours = list(palette_commands(self, screen))
        titles = {command.title for command in ours}
        # Textual's own (Theme, Keys, Screenshot…), less those a binding of ours already offers (Quit).
        yield from (command for command in super().get_system_commands(screen) if command.title not in titles)
        yield from ours
