"""Where each of our key bindings works: every screen and widget that declares some, for the keymap's
ids, `peacewatch keys` and its conflicts.

Importing this imports the screens and widgets (their classes hold the bindings), never a store,
the model's validation or a running app: `peacewatch keys` starts no dashboard.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual.binding import Binding

from tui.ui.keymap import normalised, own


def _classes() -> dict[str, type]:
    """Every class that declares bindings of ours, by name: imported when asked for (the app imports
    this module's callers at start, and a start without a keymap never needs every screen's module)."""
    from tui.ui.app import PeacewatchApp
    from tui.ui.forms.base import EditForm
    from tui.ui.screens.article_source import ArticleSourceScreen
    from tui.ui.screens.author import AuthorScreen
    from tui.ui.screens.changes import ChangesScreen
    from tui.ui.screens.choose import ChooseScreen
    from tui.ui.screens.confirm import ConfirmScreen
    from tui.ui.screens.dashboard import DashboardScreen
    from tui.ui.screens.detail import DetailScreen
    from tui.ui.screens.help import HelpScreen
    from tui.ui.screens.ledger import LedgerScreen
    from tui.ui.screens.list_overlay import ListOverlay
    from tui.ui.screens.meetings import MeetingsScreen
    from tui.ui.screens.overlay import Overlay
    from tui.ui.screens.pair_meetings import PairMeetingsScreen
    from tui.ui.screens.problems import ProblemsScreen
    from tui.ui.screens.review_quotes import ReviewQuotesScreen
    from tui.ui.screens.search_results import SearchResultsScreen
    from tui.ui.screens.timeline import TimelineScreen
    from tui.ui.screens.view_name import ViewNameScreen
    from tui.ui.widgets.completing_input import CompletingInput
    from tui.ui.widgets.pane import FilteringPane, Pane
    from tui.ui.widgets.quotes_pane import QuotesPane
    from tui.ui.widgets.row_list import RowList
    from tui.ui.widgets.status_pane import StatusPane

    return {cls.__name__: cls for cls in (
        PeacewatchApp, EditForm, ArticleSourceScreen, AuthorScreen, ChangesScreen, ChooseScreen, ConfirmScreen, DashboardScreen,
        DetailScreen, HelpScreen, LedgerScreen, ListOverlay, Overlay, ProblemsScreen, ReviewQuotesScreen, SearchResultsScreen,
        TimelineScreen, MeetingsScreen, PairMeetingsScreen, ViewNameScreen, CompletingInput, FilteringPane, Pane, QuotesPane, RowList, StatusPane,
    )}


def groups() -> list[tuple[str, list[tuple[type, list[Binding]]]]]:
    """Every binding of ours once, grouped by where it works: the group's title, and each class
    whose bindings these are (the keys in force are worked out per class, as Textual applies them)."""
    c = _classes()
    places: list[tuple[str, list[type]]] = [
        ("Dashboard, anywhere", [c["PeacewatchApp"], c["DashboardScreen"]]),
        ("Dashboard, in a list", [c["RowList"], c["Pane"]]),
        ("Dashboard, parties and issues", [c["FilteringPane"]]),
        ("Dashboard, quotes", [c["QuotesPane"]]),
        ("Dashboard, deal status", [c["StatusPane"]]),
        ("Changes and problems", [c["ListOverlay"]]),
        ("Changes", [c["ChangesScreen"]]),
        ("Problems", [c["ProblemsScreen"]]),
        ("Full item, timeline, help", [c["Overlay"]]),
        ("Full item", [c["DetailScreen"]]),
        ("Timeline", [c["TimelineScreen"]]),
        ("Who met whom", [c["MeetingsScreen"]]),
        ("A pair's meetings", [c["PairMeetingsScreen"]]),
        ("Ledger", [c["LedgerScreen"]]),
        ("Help", [c["HelpScreen"]]),
        ("A form", [c["EditForm"], c["CompletingInput"]]),
        ("Asked to confirm", [c["ConfirmScreen"]]),
        ("Asked to choose", [c["ChooseScreen"]]),
        ("Asked your name for a change", [c["AuthorScreen"]]),
        ("An article to read", [c["ArticleSourceScreen"]]),
        ("An article's quotes to review", [c["ReviewQuotesScreen"]]),
        ("Search results", [c["SearchResultsScreen"]]),
        ("A view's name to save", [c["ViewNameScreen"]]),
    ]
    return [(title, [(owner, [b for b in own(owner) if b.id]) for owner in owners]) for title, owners in places]


def chains() -> list[tuple[str, list[type]]]:
    """Each place a key is read, with the classes whose bindings answer it there, from the focused
    widget up (a screen over the dashboard is modal: the app's own bindings do not reach it)."""
    c = _classes()
    dashboard = [c["DashboardScreen"], c["PeacewatchApp"]]
    return [
        ("the dashboard's parties and issues", [c["RowList"], c["FilteringPane"], *dashboard]),
        ("the dashboard's quotes", [c["RowList"], c["QuotesPane"], *dashboard]),
        ("the dashboard's deal status", [c["RowList"], c["StatusPane"], *dashboard]),
        ("the changes", [c["RowList"], c["ChangesScreen"]]),
        ("the problems", [c["RowList"], c["ProblemsScreen"]]),
        ("a full item", [c["DetailScreen"]]),
        ("the timeline", [c["TimelineScreen"]]),
        ("who met whom", [c["RowList"], c["MeetingsScreen"], c["ListOverlay"]]),
        ("a pair's meetings", [c["PairMeetingsScreen"]]),
        ("the ledger", [c["RowList"], c["LedgerScreen"]]),
        ("help", [c["HelpScreen"]]),
        ("a form", [c["CompletingInput"], c["EditForm"]]),
        ("a question to confirm", [c["ConfirmScreen"]]),
        ("a list to choose from", [c["ChooseScreen"]]),
        ("the question of your name", [c["AuthorScreen"]]),
        ("the article to read", [c["ArticleSourceScreen"]]),
        ("an article's quotes to review", [c["RowList"], c["ReviewQuotesScreen"]]),
        ("the search results", [c["RowList"], c["SearchResultsScreen"], c["ListOverlay"]]),
        ("the question of a view's name", [c["ViewNameScreen"]]),
    ]


def known_ids() -> set[str]:
    """Every binding id a keymap may name."""
    return {str(binding.id) for _, owners in groups() for _, bindings in owners for binding in bindings}


def with_followers(keymap: Mapping[str, str]) -> dict[str, str]:
    """`keymap` and, for each app binding it moves, the bindings that run the same app action with the
    same keys on a screen the app's bindings do not reach (`q` on help and the changes quits as the
    app's `q` does): they move with it, unless the keymap gives them keys of their own."""
    moved = dict(keymap)
    leads = {binding.action: binding for binding in own(_classes()["PeacewatchApp"]) if binding.id in keymap}
    for _, owners in groups():
        for _owner, bindings in owners:
            for binding in bindings:
                lead = leads.get(binding.action.removeprefix("app.")) if binding.action.startswith("app.") else None
                if lead is not None and binding.id not in keymap and normalised(binding.key) == normalised(lead.key):
                    moved[str(binding.id)] = keymap[str(lead.id)]
    return moved
