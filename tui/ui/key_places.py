"""Where each of our key bindings works: every screen and widget that declares some, for the keymap's
ids, `peacewatch keys` and its conflicts.

Importing this imports the screens and widgets (their classes hold the bindings), never a store,
the model's validation or a running app: `peacewatch keys` starts no dashboard.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual.binding import Binding

from tui.ui.keymap import normalised, own


def groups() -> list[tuple[str, list[tuple[type, list[Binding]]]]]:
    """Every binding of ours once, grouped by where it works: the group's title, and each class
    whose bindings these are (the keys in force are worked out per class, as Textual applies them)."""
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
    from tui.ui.screens.list_overlay import ListOverlay
    from tui.ui.screens.overlay import Overlay
    from tui.ui.screens.problems import ProblemsScreen
    from tui.ui.screens.review_quotes import ReviewQuotesScreen
    from tui.ui.screens.timeline import TimelineScreen
    from tui.ui.widgets.completing_input import CompletingInput
    from tui.ui.widgets.pane import FilteringPane, Pane
    from tui.ui.widgets.quotes_pane import QuotesPane
    from tui.ui.widgets.row_list import RowList
    from tui.ui.widgets.status_pane import StatusPane

    places: list[tuple[str, list[type]]] = [
        ("Dashboard, anywhere", [PeacewatchApp, DashboardScreen]),
        ("Dashboard, in a list", [RowList, Pane]),
        ("Dashboard, parties and issues", [FilteringPane]),
        ("Dashboard, quotes", [QuotesPane]),
        ("Dashboard, deal status", [StatusPane]),
        ("Changes and problems", [ListOverlay]),
        ("Changes", [ChangesScreen]),
        ("Problems", [ProblemsScreen]),
        ("Full item, timeline, help", [Overlay]),
        ("Full item", [DetailScreen]),
        ("Timeline", [TimelineScreen]),
        ("Help", [HelpScreen]),
        ("A form", [EditForm, CompletingInput]),
        ("a question to confirm", [ConfirmScreen]),
        ("a list to choose from", [ChooseScreen]),
        ("the question of your name", [AuthorScreen]),
        ("the article to read", [ArticleSourceScreen]),
        ("An article's quotes to review", [ReviewQuotesScreen]),
    ]
    return [(title, [(owner, [b for b in own(owner) if b.id]) for owner in owners]) for title, owners in places]


def chains() -> list[tuple[str, list[type]]]:
    """Each place a key is read, with the classes whose bindings answer it there, from the focused
    widget up (a screen over the dashboard is modal: the app's own bindings do not reach it)."""
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
    from tui.ui.screens.problems import ProblemsScreen
    from tui.ui.screens.review_quotes import ReviewQuotesScreen
    from tui.ui.screens.timeline import TimelineScreen
    from tui.ui.widgets.completing_input import CompletingInput
    from tui.ui.widgets.pane import FilteringPane
    from tui.ui.widgets.quotes_pane import QuotesPane
    from tui.ui.widgets.row_list import RowList
    from tui.ui.widgets.status_pane import StatusPane

    dashboard = [DashboardScreen, PeacewatchApp]
    return [
        ("the dashboard's parties and issues", [RowList, FilteringPane, *dashboard]),
        ("the dashboard's quotes", [RowList, QuotesPane, *dashboard]),
        ("the dashboard's deal status", [RowList, StatusPane, *dashboard]),
        ("the changes", [RowList, ChangesScreen]),
        ("the problems", [RowList, ProblemsScreen]),
        ("a full item", [DetailScreen]),
        ("the timeline", [TimelineScreen]),
        ("help", [HelpScreen]),
        ("a form", [CompletingInput, EditForm]),
        ("a question to confirm", [ConfirmScreen]),
        ("a list to choose from", [ChooseScreen]),
        ("the question of your name", [AuthorScreen]),
        ("the article to read", [ArticleSourceScreen]),
        ("an article's quotes to review", [RowList, ReviewQuotesScreen]),
    ]


def known_ids() -> set[str]:
    """Every binding id a keymap may name."""
    return {str(binding.id) for _, owners in groups() for _, bindings in owners for binding in bindings}


def with_followers(keymap: Mapping[str, str]) -> dict[str, str]:
    """`keymap` and, for each app binding it moves, the bindings that run the same app action with the
    same keys on a screen the app's bindings do not reach (`q` on help and the changes quits as the
    app's `q` does): they move with it, unless the keymap gives them keys of their own."""
    from tui.ui.app import PeacewatchApp

    moved = dict(keymap)
    leads = {binding.action: binding for binding in own(PeacewatchApp) if binding.id in keymap}
    for _, owners in groups():
        for _owner, bindings in owners:
            for binding in bindings:
                lead = leads.get(binding.action.removeprefix("app.")) if binding.action.startswith("app.") else None
                if lead is not None and binding.id not in keymap and normalised(binding.key) == normalised(lead.key):
                    moved[str(binding.id)] = keymap[str(lead.id)]
    return moved
