"""Every key and action the dashboard offers, gathered from the bindings for help and the command palette."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from tui.ui import read_only
from tui.ui.screens.dashboard import PANES, DashboardScreen
from tui.ui.widgets.pane import FilteringPane, Pane
from tui.ui.widgets.quotes_pane import QuotesPane
from tui.ui.widgets.row_list import RowList
from tui.ui.widgets.status_pane import StatusPane


def help_groups(app: App) -> list[tuple[str, list[Binding]]]:
    """The help screen's groups, each the real bindings of one place (so help never drifts)."""
    from tui.ui.screens.changes import ChangesScreen
    from tui.ui.screens.detail import DetailScreen
    from tui.ui.screens.overlay import Overlay
    from tui.ui.screens.problems import ProblemsScreen
    from tui.ui.screens.timeline import TimelineScreen
    from tui.ui.widgets.quotes_pane import QuotesPane

    def keys(owner: type, bindings: list[Binding]) -> list[Binding]:
        return read_only.shown(owner, bindings, getattr(app, "read_only", False))

    return [
        ("Anywhere", list(app.BINDINGS) + [Binding("ctrl+p", "command_palette", "Command palette", tooltip="Search every action")]),
        ("Dashboard", keys(DashboardScreen, list(DashboardScreen.BINDINGS)) + [Binding("tab,shift+tab", "", "Next pane", tooltip="Next / previous pane")]),
        ("In a list", list(RowList.BINDINGS) + keys(Pane, list(Pane.BINDINGS))),
        ("Parties and issues", list(FilteringPane.BINDINGS)),
        ("Quotes", list(QuotesPane.BINDINGS)),
        ("Deal status", list(StatusPane.BINDINGS)),
        ("Changes", keys(ChangesScreen, list(ChangesScreen.BINDINGS))),
        ("Problems", keys(ProblemsScreen, list(ProblemsScreen.BINDINGS))),
        ("Timeline", [b for b in TimelineScreen.BINDINGS if b not in Overlay.BINDINGS]),
        ("Full item", keys(DetailScreen, [b for b in DetailScreen.BINDINGS if b not in Overlay.BINDINGS])),
        ("Full item, timeline, help", list(Overlay.BINDINGS)),
    ]


def palette_commands(app: App, screen: Screen) -> Iterable[SystemCommand]:
    """The app's own actions for the command palette, titled like "Focus: Parties"."""
    yield SystemCommand("Changes", "What changed, newest first (key c)", app.action_changes)  # type: ignore[attr-defined]
    yield SystemCommand("Mark all seen", "Mark every change seen (key m)", app.action_mark_all_seen)  # type: ignore[attr-defined]
    yield SystemCommand("Reload", "Read every file again now (key r)", app.action_reload)  # type: ignore[attr-defined]
    yield SystemCommand("Help: keys", "Show every key (key ?)", app.action_help)  # type: ignore[attr-defined]
    if not isinstance(screen, DashboardScreen):
        return
    for number, pane in enumerate(PANES, start=1):
        title = {"status": "Deal status"}.get(pane, pane.title())
        yield SystemCommand(f"Focus: {title}", f"Jump to the {title.lower()} pane (key {number})", lambda pane=pane: screen.action_focus_pane(pane))
    yield SystemCommand("Search quotes", "Search quotes by text or speaker (key /)", screen.action_search)
    yield SystemCommand("Clear filter", "Show every quote again (key esc)", screen.action_clear)
    yield SystemCommand("Zoom pane", "Maximise the focused pane, or restore it (key z)", screen.action_zoom)
    yield SystemCommand("Timeline", "The story on a date axis: stages, events, deadlines, pace of quotes (key T)", screen.action_timeline)
    yield SystemCommand("Show problems", "List every problem in the content (key !)", screen.action_problems)
    if getattr(app, "read_only", False):
        return  # the forms are turned off: not offered
    yield SystemCommand("Add a quote", "Add a quote to the store (key a)", lambda: screen.action_form("quote"))
    yield SystemCommand("Add an event", "Add an event to the timeline (key t)", lambda: screen.action_form("event"))
    yield SystemCommand("Move the deal stage", "Move the deal status to a new stage (key S)", lambda: screen.action_form("status"))
    yield SystemCommand("Set a position", "Set a party's position on an issue (key p)", lambda: screen.action_form("position"))
    yield SystemCommand("Add…", "Add a party, person, issue, deadline or source; edit the story or a source (key +)", screen.action_add)

    def on_focused(action: str) -> None:
        pane = next((node for node in (screen.focused.ancestors_with_self if screen.focused else []) if hasattr(node, "action_change")), None)
        if pane is None:
            app.notify("Move to a list first (1–4), then try again.", markup=False, timeout=4)
        else:
            pane.action_change(action)

    yield SystemCommand("Edit in a form", "Edit the item under the cursor, or one in it (key E)", lambda: on_focused("form"))
    yield SystemCommand("Remove", "Remove the item under the cursor, or one in it, after asking (key d)", lambda: on_focused("remove"))
    yield SystemCommand("Write brief", "Write the state of play as a Markdown file in the current folder (key b)", screen.action_write_brief)
    quotes = screen.query_one(QuotesPane)
    yield SystemCommand("Copy attribution", "Copy the quote under the cursor as an attribution line (key y)", quotes.action_copy_attribution)
    yield SystemCommand("Open source", "Open the source of the quote under the cursor in the browser (key o)", quotes.action_open_source)
