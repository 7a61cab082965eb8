"""The banner that says which file is broken, where and why, while the last good state stays on screen."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from tui.core.desk.state import DeskState
from tui.core.text.problems import Problem
from tui.ui.render import v

SHOWN = 3
"""Problems listed in the banner; the rest are a key away."""


class ProblemBanner(Static):
    """Hidden while the store is clean; goes away by itself when the files are fixed."""

    state: reactive[DeskState] = reactive(DeskState, init=False, repaint=False)

    def on_mount(self) -> None:
        self.display = False

    def watch_state(self, old: DeskState, new: DeskState) -> None:
        if old.problems != new.problems or not new.problems:
            self._draw(new.problems)

    def _draw(self, problems: tuple[Problem, ...]) -> None:
        self.display = bool(problems)
        if not problems:
            return
        count = len(problems)
        head = Text.assemble(
            (f" ⚠ {count} problem{'s' if count != 1 else ''} in the content ", "bold reverse"),
            ("  a file that cannot be read shows its last good version", "italic"),
        )
        lines = [head]
        for problem in problems[:SHOWN]:
            lines.append(
                Text.assemble(
                    ("  " + v(f"{problem.path}:{problem.line}:{problem.column}"), "bold"),
                    ": ",
                    v(problem.message),
                    no_wrap=True,
                    overflow="ellipsis",
                )
            )
        if count > SHOWN:
            lines.append(Text(f"  … and {count - SHOWN} more: press ! to list them all", style="italic"))
        self.update(Text("\n").join(lines))
