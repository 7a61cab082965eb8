"""The top line: the story, how current it is, and whether the dashboard is following live."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from tui.core.snapshot import Snapshot
from tui.core.timefmt import day
from tui.ui.render import v


class TitleBar(Static):
    """Story title and as-of date on the left; the live-watch state on the right."""

    snapshot: reactive[Snapshot] = reactive(Snapshot, init=False, always_update=True)
    watch_state: reactive[str] = reactive("starting…", init=False)
    unseen_note: reactive[str] = reactive("", init=False)
    """E.g. "4 new since 14:02"."""
    """How the dashboard follows the folder, e.g. "● live" or "◌ polling every 2s"."""

    def _draw(self) -> None:
        story = self.snapshot.story
        title = v(story.title) if story else "peacewatch"
        left = Text.assemble((" peacewatch ", "reverse bold"), " ", (title, "bold"))
        if story:
            left.append(f"  as of {day(story.as_of)}", "dim")
        right = Text.assemble((f"● {self.unseen_note}  " if self.unseen_note else "", "bold"), self.watch_state + " ")
        width = self.size.width or 120
        left.truncate(max(width - right.cell_len - 1, 10), overflow="ellipsis")
        gap = max(width - left.cell_len - right.cell_len, 1)
        self.update(Text.assemble(left, " " * gap, right))

    def watch_snapshot(self) -> None:
        self._draw()

    def watch_watch_state(self) -> None:
        self._draw()

    def watch_unseen_note(self) -> None:
        self._draw()

    def on_resize(self) -> None:
        self._draw()
