"""Every key and action the dashboard offers, read from the bindings for help and the command palette."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from tui.ui import read_only
from tui.ui.house import app_of
from tui.ui.screens.dashboard import PANES, DashboardScreen
from tui.ui.widgets.pane import FilteringPane, Pane
from tui.ui.widgets.quotes_pane import QuotesPane
from tui.ui.widgets.row_list import RowList
from tui.ui.widgets.status_pane import StatusPane


def bindings(declared: Sequence[BindingType]) -> list[Binding]:
    """A class's BINDINGS as Bindings (Textual also accepts tuples there; this project writes only Bindings)."""
    return [binding for binding in declared if isinstance(binding, Binding)]


def help_groups(app: App[Any]) -> list[tuple[str, list[Binding]]]:
    """The help screen's groups, each the real bindings of one place (so help never drifts)."""
    from tui.ui.screens.changes import ChangesScreen
    from tui.ui.screens.detail import DetailScreen
    from tui.ui.screens.overlay import Overlay
    from tui.ui.screens.problems import ProblemsScreen
    from tui.ui.screens.timeline import TimelineScreen

    def keys(owner: type, declared: Sequence[BindingType]) -> list[Binding]:
        return read_only.shown(owner, bindings(declared), getattr(app, "read_only", False))

    overlay = bindings(Overlay.BINDINGS)
    # Two keys Textual binds itself, said here in the same words as ours.
    palette = Binding("ctrl+p", "command_palette", "Command palette", tooltip="Search every action")
    next_pane = Binding("tab,shift+tab", "", "Next pane", tooltip="Next / previous pane")
    return [
        ("Anywhere", bindings(app.BINDINGS) + [palette]),
        ("Dashboard", keys(DashboardScreen, DashboardScreen.BINDINGS) + [next_pane]),
        ("In a list", bindings(RowList.BINDINGS) + keys(Pane, Pane.BINDINGS)),
        ("Parties and issues", bindings(FilteringPane.BINDINGS)),
        ("Quotes", bindings(QuotesPane.BINDINGS)),
        ("Deal status", bindings(StatusPane.BINDINGS)),
        ("Changes", keys(ChangesScreen, ChangesScreen.BINDINGS)),
        ("Problems", keys(ProblemsScreen, ProblemsScreen.BINDINGS)),
        ("Timeline", [b for b in bindings(TimelineScreen.BINDINGS) if b not in overlay]),
        ("Full item", keys(DetailScreen, [b for b in bindings(DetailScreen.BINDINGS) if b not in overlay])),
        ("Full item, timeline, help", overlay),
    ]


def palette_commands(screen: Screen[Any]) -> Iterable[SystemCommand]:
    """The app's own actions for the command palette, titled like "Focus: Parties"."""
    app = app_of(screen)
    yield SystemCommand("Changes", "What changed, newest first (key c)", app.action_changes)
    yield SystemCommand("Mark all seen", "Mark every change seen (key m)", app.action_mark_all_seen)
    yield SystemCommand("Reload", "Read every file again now (key r)", app.action_reload)
    yield SystemCommand("Help: keys", "Show every key (key ?)", app.action_help)
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
    if app.read_only:
        return  # the forms are turned off: not offered
    yield SystemCommand("Add a quote", "Add a quote to the store (key a)", lambda: screen.action_form("quote"))
    yield SystemCommand("Add an event", "Add an event to the timeline (key t)", lambda: screen.action_form("event"))
    yield SystemCommand("Move the deal stage", "Move the deal status to a new stage (key S)", lambda: screen.action_form("status"))
    yield SystemCommand("Set a position", "Set a party's position on an issue (key p)", lambda: screen.action_form("position"))
    yield SystemCommand("Add…", "Add a party, person, issue, deadline or source; edit the story or a source (key +)", screen.action_add)

    def on_focused(action: str) -> None:
        pane = next((node for node in (screen.focused.ancestors_with_self if screen.focused else []) if isinstance(node, Pane)), None)
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
