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

    def on_resize(self) -> None:
        self._draw(self.state.problems)

    def _draw(self, problems: tuple[Problem, ...]) -> None:
        self.display = bool(problems)
        if not problems:
            return
        count = len(problems)
        # On a small screen one problem is named, so the lists keep their rows; `!` lists them all.
        narrow = self.screen.has_class("-narrow") if self.is_attached else False
        shown = 1 if narrow else SHOWN
        head = Text.assemble(
            (f" ⚠ {count} problem{'s' if count != 1 else ''} in the content ", "bold reverse"),
            ("  ! lists them" if narrow and count > 1 else "  what cannot be read is left out, or shown as it last was", "italic"),
            no_wrap=True,
            overflow="ellipsis",
        )
        lines = [head]
        for problem in problems[:shown]:
            lines.append(
                Text.assemble(
                    ("  " + v(f"{problem.path}:{problem.line}:{problem.column}"), "bold"),
                    ": ",
                    v(problem.message),
                    no_wrap=True,
                    overflow="ellipsis",
                )
            )
        if count > shown and not narrow:
            lines.append(Text(f"  … and {count - shown} more: press ! to list them all", style="italic"))
        self.update(Text("\n").join(lines))  # one line each, cut with an ellipsis (app.tcss)
