"""Every problem in the content, a row each: where it is and what is wrong; enter opens the editor there."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from tui.core.desk.state import DeskState
from tui.core.text.problems import Problem
from tui.ui import read_only
from tui.ui.house import app_of
from tui.ui.render import split_words, v
from tui.ui.screens.list_overlay import ListOverlay
from tui.ui.widgets.row_list import RowList


def problem_row(problem: Problem, width: int) -> list[Text]:
    """Where, then what: the message wrapped over two lines, with an ellipsis if it needs more."""
    where = Text(v(f"{problem.path}:{problem.line}:{problem.column}"), style="bold")
    message = v(problem.message)
    first, rest = split_words(message, width - 2)  # at a space, never inside a word
    second = Text("  " + rest, no_wrap=True, overflow="ellipsis") if rest else Text("")
    return [where, Text("  " + first), second]


class ProblemsScreen(ListOverlay):
    """The full list behind the banner, updated live as files are fixed."""

    BINDINGS = [
        *ListOverlay.BINDINGS,
        Binding("exclamation_mark", "dismiss", "Back", show=False, tooltip="Back to the dashboard", id="problems.back"),
        Binding("e", "open", "Edit there", tooltip="Open the file in $EDITOR at the problem's line", id="problems.edit-there"),
    ]
    EDIT_ACTIONS = {"open": read_only.EDITOR}
    PANEL_TITLE = "Problems"
    PANEL_SUBTITLE = "enter or e: open the file there · esc back"
    ROW_HEIGHT = 3
    EMPTY = "No problems: every file is valid."

    def below_list(self) -> ComposeResult:
        # The rows keep two lines of each message, so that many fit; the one under the cursor is
        # also given whole below them: a long message's advice (how to finish a merge) is at its end.
        yield Static("", id="problem-whole")

    def on_row_list_highlighted(self, event: RowList.Highlighted) -> None:
        event.stop()
        self._whole(event.key)

    def _whole(self, key: str | None) -> None:
        problem = self._problems.get(key) if key is not None else None
        shown = Text.assemble((v(f"{problem.path}:{problem.line}:{problem.column}"), "bold"), "\n", v(problem.message)) if problem else Text("")
        self.query_one("#problem-whole", Static).update(shown)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return read_only.refused(self, action) is None

    def on_mount(self) -> None:
        if read_only.is_read_only(self):
            self.PANEL_SUBTITLE = "read-only: fix each in the file itself · esc back"
            self.query_one("#list-body").border_subtitle = self.PANEL_SUBTITLE
        super().on_mount()
        self._problems: dict[str, Problem] = {}
        self.watch(self.app, "state", self._draw)

    def _draw(self, state: DeskState) -> None:
        problems = {f"{i}:{p}": p for i, p in enumerate(state.problems)}
        if list(problems.values()) == list(self._problems.values()):
            return
        self._problems = problems
        self.rows.set_rows(list(problems), lambda key, width: problem_row(problems[key], width), list(problems))
        self._whole(self.rows.current)

    def on_row_list_opened(self, event: RowList.Opened) -> None:
        event.stop()
        self._open(event.key)

    def action_open(self) -> None:
        if self.rows.current is not None:
            self._open(self.rows.current)

    def _open(self, key: str) -> None:
        problem = self._problems.get(key)
        if problem is not None:
            app_of(self).editor.edit_file(problem.path, problem.line, problem.column)
