"""Several stories in one dashboard: the one shown is the app's own; the others are followed here.

A part of the app. Each story not shown keeps its own desk (its journal, its "new" counts), is
still watched (each save read and recorded in its journal, in a thread), and keeps the cursor
of each pane where the user left it. Switching swaps the story-bound parts of the app (its
folder, its desk, its state) with the chosen story's and starts the app's following for it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import SystemCommand

from tui.core.desk import RESCAN
from tui.core.desk.state import DeskState
from tui.ui.render import v

if TYPE_CHECKING:
    from tui.core.desk import Desk
    from tui.ui.app import PeacewatchApp

RESTART_SECONDS = 1.0
"""How long following a story not shown waits before starting again after it failed."""


@dataclass
class Story:
    """A story not on screen: its folder, its desk once opened, its last state, and where each pane's cursor was."""

    root: Path
    journal: Path | str | None
    desk: Desk | None = None
    state: DeskState = field(default_factory=DeskState)
    places: list[str | None] = field(default_factory=list)
    """Each pane's cursor key, in the dashboard's order of panes, when the story was last shown."""
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    """Held while its desk reads or records: switching waits for it, so no desk is ever used by two at once."""

    @property
    def title(self) -> str:
        story = self.state.snapshot.story
        return story.title if story else self.root.name


def journal_for(journal: Path | str | None, index: int) -> Path | str | None:
    """Each story's journal: the default (one per folder) and "off" as given; a path named on the
    command line is the first story's, and the others get numbered ones beside it."""
    if journal is None or journal == "off":
        return journal
    path = Path(journal)
    return path.with_name(f"{path.stem}.{index}{path.suffix}")


class Stories:
    """The stories not shown, in the order they were named after the shown one."""

    def __init__(self, app: PeacewatchApp, roots: Iterable[Path]) -> None:
        self._app = app
        self.others = [Story(Path(root), journal_for(app.journal, index)) for index, root in enumerate(roots, start=1)]

    def follow_others(self) -> None:
        for story in self.others:
            self._follow(story)

    def _follow(self, story: Story) -> None:
        self._app.run_worker(self._follow_story(story), exclusive=True, group=f"story:{story.root}",
                             exit_on_error=False, name=f"Following {story.root}")

    async def _follow_story(self, story: Story) -> None:
        """Load the story (or catch up with what changed while it was shown), then record every save, until the app stops."""
        app = self._app
        await self._read(story, RESCAN)
        if not app.live:
            return
        from tui.core.desk import watch_folder  # imported by then, with the story's desk (see tui.ui.start)
        while not app.stopped.is_set():
            try:
                async for paths in watch_folder(story.root, app.poll, app.stopped, rescan_first=True):
                    await self._read(story, paths)
            except Exception as exc:  # noqa: BLE001 — said in the title, then followed again
                app.notify(f"Following {story.root} failed ({type(exc).__name__}: {exc}); starting again.",
                           severity="error", markup=False, timeout=10)
            await asyncio.sleep(RESTART_SECONDS)

    async def _read(self, story: Story, paths: Iterable[str] | None) -> None:
        app = self._app
        async with story.lock:
            if story.desk is None:
                def open_desk() -> Desk:
                    from tui.core.desk import Desk

                    return Desk(story.root, clock=app.now, limits=app.limits, journal=story.journal, keep_seen=not app.read_only, keep_head=True)

                story.desk = await asyncio.to_thread(open_desk)
            desk = story.desk
            if paths is RESCAN:
                await asyncio.to_thread(desk.load)
            else:
                await asyncio.to_thread(desk.reload, list(paths))
            story.state = await asyncio.to_thread(desk.record)
        self._redraw_title()

    def note(self) -> str:
        """What is new in the stories not shown, for the title bar: "+ Other story: 3 new"."""
        # Each other story's title kept short: the shown story's own title comes first in the bar.
        return " · ".join(f"+ {_short(v(story.title))}: {story.state.unseen_count} new" for story in self.others if story.state.unseen_count)

    def _redraw_title(self) -> None:
        from tui.ui.widgets.title_bar import TitleBar

        for bar in self._app.screen_stack[0].query(TitleBar):
            bar.others_changed()

    def commands(self) -> Iterable[SystemCommand]:
        """A palette entry per story not shown: "Story: TITLE"."""
        for story in self.others:
            yield SystemCommand(f"Story: {v(story.title)}", f"Show the story in {story.root}", partial(self._show_soon, story))

    def _show_soon(self, story: Story) -> None:
        self._app.run_worker(self.show(story), group="story-switch", exit_on_error=False, name="Switching the story")

    async def show_next(self) -> None:
        """Show the next story; the one shown now goes last among the others, still followed."""
        if not self.others:
            self._app.notify("Only one story is open: name more on the command line (peacewatch DIR DIR …).", markup=False, timeout=4)
            return
        await self.show(self.others[0])

    async def show(self, chosen: Story) -> None:
        """Show `chosen`: the story shown now joins the others, still followed, its panes' places kept."""
        app = self._app
        if chosen not in self.others:
            return
        self.others.remove(chosen)
        async with app._lock, chosen.lock:
            # Both followers are stopped where they wait (never in the middle of a read): each lock is held.
            app.workers.cancel_group(app, f"story:{chosen.root}")
            app.workers.cancel_group(app, "follow")
            if app.desk is None or chosen.desk is None:
                self.others.insert(0, chosen)  # one of them is still loading: nothing is swapped
                app.notify("The stories are still loading.", markup=False, timeout=3)
                return
            dashboard = app.screen_stack[0]
            from tui.ui.widgets.row_list import RowList

            lists = list(dashboard.query(RowList))
            left = Story(app.root, None, app.desk, app.state, [rows.current for rows in lists])
            app.root, app._desk = chosen.root, chosen.desk
            app.state = chosen.state
            self.others.append(left)
        app.git_note = ""
        app.following = "starting…"
        app._follow()
        self._follow(left)
        if app.follow_git is not None:
            app.git.follow_upstream()

        def restore() -> None:
            places = list(chosen.places) or [None] * len(lists)  # a story never shown yet starts at the top
            for rows, key in zip(lists, places, strict=False):
                if key is not None:
                    rows.select_key(key)
                elif rows.keys:
                    rows.select_key(rows.keys[0])

        app.call_after_refresh(restore)
        app.notify(f"Now showing {v(chosen.title)}.", title="Story", markup=False, timeout=3)


def _short(title: str, most: int = 24) -> str:
    return title if len(title) <= most else title[: most - 1].rstrip() + "…"
