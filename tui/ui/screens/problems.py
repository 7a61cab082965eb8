"""Every problem in the content, one per line, as FILE:LINE:COL: message."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding

from tui.core.desk_state import DeskState
from tui.ui.render import v
from tui.ui.screens.overlay import Overlay


class ProblemsScreen(Overlay):
    """The full list behind the banner, updated live as files are fixed."""

    BINDINGS = [*Overlay.BINDINGS, Binding("exclamation_mark", "dismiss", "Back", show=False, tooltip="Back to the dashboard")]
    PANEL_TITLE = "Problems"

    def on_mount(self) -> None:
        super().on_mount()
        self.watch(self.app, "state", self._draw)

    def _draw(self, state: DeskState) -> None:
        problems = state.problems
        if not problems:
            self.show(Text("No problems: every file is valid.", style="italic"))
            return
        self.show(Text("\n").join(Text.assemble((v(f"{p.path}:{p.line}:{p.column}"), "bold"), ": ", v(p.message)) for p in problems))
