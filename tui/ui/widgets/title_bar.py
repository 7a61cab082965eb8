"""The top line: the story, how current it is, and whether the dashboard is following live."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from tui.core.desk.state import DeskState
from tui.core.model.clock import story_clock
from tui.core.views.timefmt import day
from tui.ui.house import app_of
from tui.ui.render import v


class TitleBar(Static):
    """Story title and as-of date on the left; the live-watch state on the right."""

    state: reactive[DeskState] = reactive(DeskState, init=False, repaint=False)
    following: reactive[str] = reactive("starting…", init=False, repaint=False)
    """How the dashboard follows the folder, e.g. "● live" or "◌ polling every 2s"."""
    git_note: reactive[str] = reactive("", init=False, repaint=False)
    """How the content repository stands against its upstream (with --follow-git), e.g. "git origin/main ✓ up to date"."""

    def _draw(self) -> None:
        story = self.state.snapshot.story
        unseen_note = self.state.unseen_note
        title = v(story.title) if story else "peacewatch"
        left = Text.assemble((" peacewatch ", "reverse bold"), " ", (title, "bold"))
        if story:
            left.append(f"  as of {day(story.as_of)}", "dim")
            now = app_of(self).now()
            newest = self.state.snapshot.last_changed(story_clock(story).latest_today(now))
            if newest and newest > story.as_of:
                # The store holds news dated after its own as_of: say so rather than look stale.
                left.append(f" · news to {day(newest)}: as_of is older", "bold")
        width = self.size.width or 120
        note = self.git_note if width >= 110 else _compact(self.git_note)
        git = Text(note + "  ", "bold" if "⚠" in note else "dim") if note else Text()
        stories = getattr(self.app, "stories", None)
        others = stories.note() if stories is not None else ""
        right = Text.assemble((f"● {unseen_note}  " if unseen_note else "", "bold"), (f"{others}  " if others else "", "bold"),
                              git, self.following + " ")
        if getattr(self.app, "read_only", False):
            # Said up front, so that nobody wonders where the edit keys went.
            right = Text.assemble(("read-only · ", "bold"), right)
        if left.cell_len + right.cell_len + 1 > width:
            # Short of room, the app's name goes first: the story and its date matter more.
            left = left[len(" peacewatch  ") :]
        left.truncate(max(width - right.cell_len - 1, 10), overflow="ellipsis")
        gap = max(width - left.cell_len - right.cell_len, 1)
        drawn = Text.assemble(left, " " * gap, right)
        if drawn != self._drawn:
            self._drawn = drawn
            # One line always (see app.tcss): no layout of the screen, only this line painted.
            self.update(drawn, layout=False)

    _drawn: Text | None = None
    """What the bar shows now: a snapshot that changes nothing in it paints nothing."""

    def watch_state(self, old: DeskState, new: DeskState) -> None:
        if old.snapshot is not new.snapshot or old.unseen_note != new.unseen_note:
            self._draw()

    def others_changed(self) -> None:
        """What is new in the stories not shown changed (see tui.ui.stories)."""
        self._draw()

    def watch_following(self) -> None:
        self._draw()

    def watch_git_note(self) -> None:
        self._draw()

    def on_resize(self) -> None:
        self._draw()


def _compact(note: str) -> str:
    """ "git origin/main ✓ up to date" as "git ✓", "git origin/main ⚠ diverged" as "git ⚠ diverged":
    on a narrow screen the story's title needs the room more than the upstream's name."""
    words = note.split(" ")
    if len(words) > 2 and words[1] not in ("✓", "⚠"):
        del words[1]
    if len(words) > 1 and words[1] == "✓":
        words = words[:2]
    return " ".join(words)
