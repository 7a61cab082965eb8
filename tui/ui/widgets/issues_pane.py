"""The open issues: each with its status and every party's stance side by side."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.widgets import Static

from tui.core.model.snapshot import Snapshot
from tui.ui import render
from tui.ui.palette import Palette
from tui.ui.widgets.pane import FilteringPane
from tui.ui.widgets.row_list import RowList


class IssuesPane(FilteringPane):
    """Moving onto an issue filters the quotes to it; Enter shows every position and the quotes behind it."""

    BORDER_TITLE = "3 Issues"
    SECTION, NOUN = "issues", "issue"

    def compose(self) -> ComposeResult:
        yield Static(id="issues-header")
        yield RowList(row_height=2, empty="no issues yet", id="issues-list")

    def _draw(self, changed: list[str] | None = None) -> None:
        snapshot = self.snapshot
        columns = render.issue_columns(snapshot)
        issues = snapshot.issue_by_id
        palette = Palette.of(self.app)
        rows = self.query_one(RowList)
        # The header lines up with the rows, which start after the list's gutter.
        header = render.issue_header(columns, max(rows.row_width - RowList.GUTTER, 40))
        self.query_one("#issues-header", Static).update(Text(" " * RowList.GUTTER) + header)
        rows.set_rows(
            [i.id for i in snapshot.issues],
            lambda key, width: render.issue_row(issues[key], columns, width, palette),
            changed if changed is not None else list(issues),
        )

    def show_snapshot(self, old: Snapshot, new: Snapshot) -> None:
        if old.issues == new.issues and old.parties == new.parties and self.query_one(RowList).keys:
            return
        # The columns are the parties with a position on some issue: a new one (a first position,
        # the last one removed, a renamed party) moves every row's cells, so all rows redraw then.
        same_columns = render.issue_columns(old) == render.issue_columns(new)
        changed = [i.id for i in new.issues if old.issue_by_id.get(i.id) != i] if same_columns else None
        self._draw(changed)

    def on_resize(self, event: events.Resize) -> None:
        self._draw()
