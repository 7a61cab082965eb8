"""The main screen: four panes fed by one snapshot, with the filter and the keys that move between them."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Input
from textual.worker import Worker

from tui.core.desk.state import DeskState
from tui.core.model.kinds import BY_NOUN
from tui.ui import read_only
from tui.ui.house import app_of
from tui.ui.messages import ChangeItem, EditItem, FilterQuotes, OpenItem
from tui.ui.quote_filter import QuoteFilter
from tui.ui.search_actions import searches
from tui.ui.widgets.issues_pane import IssuesPane
from tui.ui.widgets.parties_pane import PartiesPane
from tui.ui.widgets.problem_banner import ProblemBanner
from tui.ui.widgets.quotes_pane import QuotesPane
from tui.ui.widgets.row_list import RowList
from tui.ui.widgets.search_box import SearchBox
from tui.ui.widgets.status_pane import StatusPane
from tui.ui.widgets.title_bar import TitleBar

_TYPED_WHILE_SEARCHING = {"focus_pane", "search", "form", "zoom", "problems", "add", "write_brief", "timeline", "meetings", "ledger"}
"""Actions whose keys are characters: typed into the search box while it has the focus."""

PANES = {"status": StatusPane, "parties": PartiesPane, "issues": IssuesPane, "quotes": QuotesPane}
"""Pane ids in the order of their digit keys."""

NARROW = 100
"""Below this many columns the panes stack and shrink (see `-narrow` in app.tcss)."""


class DashboardScreen(Screen):
    """Holds the state the panes show; reacts to what they report."""

    BINDINGS = [
        Binding("1", "focus_pane('status')", "Focus: Deal status", show=False, tooltip="Jump to the deal status pane", id="dashboard.focus-deal-status"),
        Binding("2", "focus_pane('parties')", "Focus: Parties", show=False, tooltip="Jump to the parties pane", id="dashboard.focus-parties"),
        Binding("3", "focus_pane('issues')", "Focus: Issues", show=False, tooltip="Jump to the issues pane", id="dashboard.focus-issues"),
        Binding("4", "focus_pane('quotes')", "Focus: Quotes", show=False, tooltip="Jump to the quotes pane", id="dashboard.focus-quotes"),
        Binding("slash", "search", "Search", tooltip="Search quotes by words; with \"a phrase\", -word or speaker: party: issue: kind: source: since: until:, "
                "enter lists every kind found", id="dashboard.search"),
        Binding("escape", "clear", "Clear filter", show=False,
                tooltip="Clear the quote filter and search, or leave a zoomed pane", id="dashboard.clear-filter"),
        Binding("z", "zoom", "Zoom pane", show=False, tooltip="Maximise the focused pane, or restore it", id="dashboard.zoom"),
        Binding("T", "timeline", "Timeline", show=False,
                tooltip="The story on a date axis: stages, events, deadlines, each party's pace of quotes", id="dashboard.timeline"),
        Binding("M", "meetings", "Who met whom", show=False,
                tooltip="Each pair of parties: how many meetings, the last one and where", id="dashboard.meetings"),
        Binding("D", "ledger", "Ledger", show=False,
                tooltip="The texts of the talks: each version after the one it supersedes, point by point, with how the words changed",
                id="dashboard.ledger"),
        Binding("exclamation_mark", "problems", "Show problems", show=False, tooltip="List every problem in the content", id="dashboard.problems"),
        Binding("a", "form('quote')", "Add a quote", show=False,
                tooltip="Add a quote: words, speaker, party, date, medium, who reported it, source", id="dashboard.add-quote"),
        Binding("t", "form('event')", "Add an event", show=False, tooltip="Add an event to the timeline", id="dashboard.add-event"),
        Binding("S", "form('status')", "Move the deal stage", show=False,
                tooltip="Move the deal to a new stage; the current one goes into the history", id="dashboard.move-stage"),
        Binding("p", "form('position')", "Set a position", show=False,
                tooltip="Set a party's position on an issue (the ones under the cursor)", id="dashboard.set-position"),
        Binding("plus", "add", "Add…", tooltip="Add a party, person, issue, deadline, document, source, quote or event; or edit the story", id="dashboard.add"),
        Binding("b", "write_brief", "Write brief", show=False,
                tooltip="Write the state of play as a Markdown file in the current folder, and say where", id="dashboard.write-brief"),
    ]

    EDIT_ACTIONS = {"form": read_only.FORMS, "add": read_only.FORMS, "write_brief": read_only.FILES}
    """Actions hidden in read-only mode (see tui.ui.read_only); the app's doors refuse them anyway."""

    ALLOW_IN_MAXIMIZED_VIEW = "#title-bar, #problem-banner, Footer"

    state: reactive[DeskState] = reactive(DeskState, init=False, repaint=False)
    """The app's one state, bound to this screen by the app and from here to every pane."""
    following: reactive[str] = reactive("starting…", init=False, repaint=False)
    git_note: reactive[str] = reactive("", init=False, repaint=False)
    quote_filter: reactive[QuoteFilter] = reactive(QuoteFilter, init=False, repaint=False)
    """Which quotes the quotes pane shows: this screen's own state, not the store's."""

    def compose(self) -> ComposeResult:
        yield TitleBar(id="title-bar").data_bind(DashboardScreen.state, DashboardScreen.following, DashboardScreen.git_note)
        yield ProblemBanner(id="problem-banner").data_bind(DashboardScreen.state)
        with Horizontal(id="top-row"):
            yield StatusPane(id="status").data_bind(DashboardScreen.state)
            yield PartiesPane(id="parties").data_bind(DashboardScreen.state)
        yield IssuesPane(id="issues").data_bind(DashboardScreen.state)
        yield QuotesPane(id="quotes").data_bind(DashboardScreen.state, DashboardScreen.quote_filter)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#quotes RowList").focus()
        searches(app_of(self)).begin()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # While the search box has the focus, a letter or digit is text, never a shortcut.
        if isinstance(self.focused, Input) and action in _TYPED_WHILE_SEARCHING:
            return False
        return read_only.refused(self, action) is None

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        app_of(self).report_failure(event)

    def on_resize(self) -> None:
        self.set_class(self.size.width < NARROW or self.size.height < 32, "-narrow")

    def watch_state(self, state: DeskState) -> None:
        # A filter on an item that no longer exists would hide every quote without saying why.
        snapshot, quote_filter = state.snapshot, self.quote_filter
        if quote_filter.party and quote_filter.party not in snapshot.party_by_id:
            self.quote_filter = QuoteFilter(text=quote_filter.text)
        elif quote_filter.issue and quote_filter.issue not in snapshot.issue_by_id:
            self.quote_filter = QuoteFilter(text=quote_filter.text)

    def on_filter_quotes(self, message: FilterQuotes) -> None:
        self.quote_filter = QuoteFilter(party=message.party, issue=message.issue, text=self.quote_filter.text)

    def on_search_box_typed(self, message: SearchBox.Typed) -> None:
        # Handled as the box's text changes (never posted), so it is the text now: a message
        # arriving after esc could otherwise bring back what esc cleared.
        current = self.quote_filter
        self.quote_filter = QuoteFilter(party=current.party, issue=current.issue, text=message.value)

    def on_search_box_left(self, message: SearchBox.Left) -> None:
        if message.cleared:
            self.quote_filter = QuoteFilter()
            return
        # More than words (a phrase, a -word, a field filter): the results of every kind, over the dashboard.
        text = self.quote_filter.text
        if (query := searches(app_of(self)).parsed(text)) is not None and not query.plain:
            searches(app_of(self)).open_results(text)

    def on_open_item(self, message: OpenItem) -> None:
        from tui.ui.screens.detail import DetailScreen

        self.app.push_screen(DetailScreen(message.noun, message.item_id))
        app_of(self).mark_seen(BY_NOUN[message.noun].section, message.item_id)

    def on_edit_item(self, message: EditItem) -> None:
        app_of(self).editor.edit_item(message.section, message.item_id)

    def on_change_item(self, message: ChangeItem) -> None:
        app_of(self).items.change_item(message.section, message.item_id, message.action)

    def action_add(self) -> None:
        # A person is added to the party under the cursor, if one is.
        rows = self.query_one("#parties RowList", RowList)
        app_of(self).items.add_item(party=rows.current or "")

    def action_form(self, kind: str) -> None:
        # A position form starts on the issue or party under the cursor, if one is.
        start: dict[str, str] = {}
        if kind == "position":
            for pane, field in (("issues", "issue"), ("parties", "party")):
                rows = self.query_one(f"#{pane} RowList", RowList)
                if rows.has_focus and rows.current:
                    start[field] = rows.current
        app_of(self).open_form(kind, **start)

    def action_write_brief(self) -> None:
        app_of(self).briefs.write_brief()

    def action_focus_pane(self, pane: str) -> None:
        if self.maximized is not None:
            self.minimize()
        # At once (not `focus()`, which waits a turn): what the palette or a test does next finds it there.
        self.set_focus(self.query_one(f"#{pane} RowList", RowList))

    def action_search(self) -> None:
        if self.maximized is not None and self.maximized.id != "quotes":
            self.minimize()
        self.query_one(QuotesPane).open_search()

    def action_clear(self) -> None:
        quotes = self.query_one(QuotesPane)
        if self.quote_filter.active or self.focused is quotes.query_one("#quote-search"):
            quotes.clear_search()  # the focus goes back only if the search box had it
            self.quote_filter = QuoteFilter()
        elif self.maximized is not None:
            self.minimize()

    def action_zoom(self) -> None:
        if self.maximized is not None:
            self.minimize()
            return
        focused = self.focused
        pane = next((node for node in (focused.ancestors_with_self if focused else []) if node.id in PANES), None)
        if isinstance(pane, Widget):
            self.maximize(pane, container=False)

    def action_timeline(self) -> None:
        from tui.ui.screens.timeline import TimelineScreen

        self.app.push_screen(TimelineScreen())

    def action_meetings(self) -> None:
        from tui.ui.screens.meetings import MeetingsScreen

        self.app.push_screen(MeetingsScreen())

    def action_ledger(self) -> None:
        from tui.ui.screens.ledger import LedgerScreen

        self.app.push_screen(LedgerScreen())

    def action_problems(self) -> None:
        from tui.ui.screens.problems import ProblemsScreen

        self.app.push_screen(ProblemsScreen())
