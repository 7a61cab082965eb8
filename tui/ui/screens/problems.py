"""Every problem in the content, one per line, as FILE:LINE:COL: message."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from tui.core.problems import Problem
from tui.ui.render import v


class ProblemsScreen(ModalScreen[None]):
    """The full list behind the banner, updated live as files are fixed."""

    BINDINGS = [Binding("escape,exclamation_mark", "dismiss", "Back", tooltip="Back to the dashboard")]

    def __init__(self, problems: tuple[Problem, ...]) -> None:
        super().__init__()
        self.problems = problems

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="detail-body") as body:
            body.border_title = "Problems"
            body.border_subtitle = "esc back"
            yield Static(id="detail-text")
        yield Footer()

    def on_mount(self) -> None:
        self.watch(self.app, "problems", self._draw)
        self.query_one("#detail-body").focus()

    def _draw(self, problems: tuple[Problem, ...]) -> None:
        if not problems:
            text = Text("No problems: every file is valid.", style="italic")
        else:
            text = Text("\n").join(
                Text.assemble((v(f"{p.path}:{p.line}:{p.column}"), "bold"), ": ", v(p.message)) for p in problems
            )
        self.query_one("#detail-text", Static).update(text)
