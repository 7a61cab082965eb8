"""Every key and action the dashboard offers, read from the bindings for help and the command palette."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import partial
from typing import Any

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from tui.ui import read_only
from tui.ui.keymap import in_force
from tui.ui.screens.dashboard import DashboardScreen
from tui.ui.search_actions import searches
from tui.ui.widgets.pane import FilteringPane, Pane
from tui.ui.widgets.quotes_pane import QuotesPane
from tui.ui.widgets.row_list import RowList
from tui.ui.widgets.status_pane import StatusPane


def bindings(declared: Sequence[BindingType]) -> list[Binding]:
    """A class's BINDINGS as Bindings (Textual also accepts tuples there; this project writes only Bindings)."""
    return [binding for binding in declared if isinstance(binding, Binding)]


def keymap_of(app: App[Any]) -> dict[str, str]:
    """The keymap the app applied at start (binding id -> keys, as Textual spells them); empty for the defaults."""
    memory = getattr(app, "theme_memory", None)
    return dict(getattr(memory, "keymap", {}))


def help_groups(app: App[Any]) -> list[tuple[str, list[Binding]]]:
    """The help screen's groups, each the real bindings of one place with the keys in force (the
    settings' keymap applied as Textual applies it), so help never drifts from what a key does."""
    from tui.ui.screens.changes import ChangesScreen
    from tui.ui.screens.detail import DetailScreen
    from tui.ui.screens.ledger import LedgerScreen
    from tui.ui.screens.meetings import MeetingsScreen
    from tui.ui.screens.overlay import Overlay
    from tui.ui.screens.problems import ProblemsScreen
    from tui.ui.screens.search_results import SearchResultsScreen
    from tui.ui.screens.timeline import TimelineScreen

    keymap = keymap_of(app)

    def keys(owner: type, declared: Sequence[BindingType]) -> list[Binding]:
        return in_force(owner, read_only.shown(owner, bindings(declared), getattr(app, "read_only", False)), keymap)

    overlay = bindings(Overlay.BINDINGS)
    # Two keys Textual binds itself, said here in the same words as ours.
    palette = Binding("ctrl+p", "command_palette", "Command palette", tooltip="Search every action", id="app.command-palette")
    next_pane = Binding("tab,shift+tab", "", "Next pane", tooltip="Next / previous pane", id="dashboard.next-pane")
    # Enter on a row is the list's own message, not a binding: said here, as Textual's tab is.
    into_card = Binding("enter", "", "Open", tooltip="Into the card beside the list, to scroll it (esc comes back)", id="ledger.card")
    pair = Binding("enter", "", "Open", tooltip="The pair's meetings, with who was there", id="meetings.pair")

    def own(owner: type, declared: Sequence[BindingType], *left_out: Binding) -> list[Binding]:
        """`owner`'s keys but those said under Anywhere (q, ? bound again on a modal screen) and `left_out`."""
        return keys(owner, [b for b in bindings(declared) if b not in left_out and not str(b.id).endswith((".quit", ".help"))])
    return [
        ("Anywhere", keys(type(app), app.BINDINGS) + [palette]),
        ("Dashboard", keys(DashboardScreen, DashboardScreen.BINDINGS) + [next_pane]),
        ("In a list", keys(RowList, RowList.BINDINGS) + keys(Pane, Pane.BINDINGS)),
        ("Parties and issues", keys(FilteringPane, FilteringPane.BINDINGS)),
        ("Quotes", keys(QuotesPane, QuotesPane.BINDINGS)),
        ("Deal status", keys(StatusPane, StatusPane.BINDINGS)),
        ("Changes", keys(ChangesScreen, ChangesScreen.BINDINGS)),
        ("Problems", keys(ProblemsScreen, ProblemsScreen.BINDINGS)),
        ("Timeline", own(TimelineScreen, TimelineScreen.BINDINGS, *overlay)),
        ("Who met whom", [pair] + keys(MeetingsScreen, [b for b in bindings(MeetingsScreen.BINDINGS) if b.id == "meetings.back"])),
        ("Ledger", [into_card] + own(LedgerScreen, LedgerScreen.BINDINGS)),
        ("Full item", own(DetailScreen, DetailScreen.BINDINGS, *overlay)),
        ("Full item, timeline, help", keys(Overlay, overlay)),
        ("Search results", keys(SearchResultsScreen, [b for b in bindings(SearchResultsScreen.BINDINGS) if b.id == "results.save-view"])),
        ("Saved views (ctrl+p)", searches(app).help_bindings()),  # type: ignore[arg-type]
    ]


def palette_commands(app: App[Any], screen: Screen[Any]) -> Iterable[SystemCommand]:
    """The command palette's own commands: every binding active where the focus is on `screen`.

    Read from Textual's own list of the keys that work there (the focused widget's, its
    containers', the screen's and the app's, each asked `check_action`: read-only mode's hidden
    edit keys are left out as they are from the footer), so a new binding is offered with no
    second list. A binding without an `id` is Textual's own (the palette offers those itself);
    one without a tooltip, words that say what it does, is a key, not a command (a list's
    cursor moves). Each command is titled by the binding's description and runs its action.
    """
    seen: dict[str, SystemCommand] = {}
    keys: dict[str, list[str]] = {}
    for key, active in screen.active_bindings.items():
        binding = active.binding
        if binding.id is None or not binding.tooltip or not binding.description or not active.enabled:
            continue
        keys.setdefault(binding.id, []).append(app.get_key_display(Binding(key, "")))
        if binding.id not in seen:
            run = partial(app.run_action, binding.action, active.node)
            seen[binding.id] = SystemCommand(binding.description, binding.tooltip, run)
    for ident, command in seen.items():
        yield command._replace(help=f"{command.help} (key {' '.join(keys[ident])})")
    if isinstance(screen, DashboardScreen):
        yield from searches(app).commands()  # type: ignore[arg-type]
        if (stories := getattr(app, "stories", None)) is not None:
            yield from stories.commands()
