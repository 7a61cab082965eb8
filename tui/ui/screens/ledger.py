"""The ledger (`D`): the texts of the talks, each version after the one it supersedes, their points
under them; beside the list, the document or point under the cursor in full (a point across the
versions, its words compared with the version before)."""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Static
from textual.worker import Worker

from tui.core.desk.state import DeskState
from tui.core.model.snapshot import Snapshot
from tui.core.model.targets import Target
from tui.core.text.problems import Problem
from tui.core.views.ledger import document_problems, lineages
from tui.ui import ledger_render, read_only
from tui.ui.house import app_of
from tui.ui.palette import Palette
from tui.ui.widgets.row_list import RowList

if TYPE_CHECKING:
    from tui.core.desk import Applied

NARROW = 100
"""Below this many columns the card goes under the list, not beside it."""

HINTS = "enter the card · a point · n new version · s stance · E edit · d remove · ? keys · esc back"
SHORT_HINTS = "a point · n version · s stance · E edit · d remove · esc back"
"""The border's keys; at 80 columns the long ones were cut before `esc back`, the way out."""

_LAST_ROW: weakref.WeakKeyDictionary[App[object], str] = weakref.WeakKeyDictionary()
"""The row the ledger's cursor was on when it last closed, per app: it opens there again in the same session."""


def row_key(document_id: str, point_id: str = "") -> str:
    return f"point:{document_id}/{point_id}" if point_id else f"document:{document_id}"


def target_of(key: str) -> Target:
    """The item a row stands for: a document, or a point of one."""
    kind, _, rest = key.partition(":")
    if kind == "document":
        return Target("documents", rest)
    document, _, point = rest.partition("/")
    return Target("documents", document, (("points", point),))


class LedgerScreen(ModalScreen[None]):
    """Reads the app's one state and redraws whenever it changes; the cursor stays on its row."""

    BINDINGS = [
        Binding("escape", "back", "Back", tooltip="Back to the list from the card, or to the dashboard", id="ledger.back"),
        Binding("D", "dismiss", "Close", show=False, tooltip="Close the ledger", id="ledger.close"),
        Binding("q", "app.quit", "Quit", show=False, tooltip="Quit peacewatch", id="ledger.quit"),
        Binding("question_mark", "app.help", "Help", show=False, tooltip="Show every key", id="ledger.help"),
        Binding("exclamation_mark", "problems", "Problems", show=False, tooltip="List every problem in the content", id="ledger.problems"),
        Binding("a", "add_point", "Add point", tooltip="Add a point to the document under the cursor", id="ledger.add-point"),
        Binding("n", "new_version", "New version",
                tooltip="Add a document: a later version of the one under the cursor (its supersedes filled in)", id="ledger.new-version"),
        Binding("s", "add_stance", "Add stance", tooltip="Add a party's stance on the point (or document) under the cursor",
                id="ledger.add-stance"),
        Binding("E", "change('form')", "Edit", tooltip="Edit the point or document under the cursor (or a stance on it) in a form",
                id="ledger.edit"),
        Binding("d", "change('remove')", "Remove", show=False, tooltip="Remove the point or document under the cursor (or a stance on it), "
                "after asking", id="ledger.remove"),
    ]
    EDIT_ACTIONS = {"add_point": read_only.FORMS, "new_version": read_only.FORMS, "add_stance": read_only.FORMS, "change": read_only.FORMS}

    def __init__(self, at: str | None = None) -> None:
        """`at` is the row to open on (a change's document or point); else where the cursor last was."""
        super().__init__()
        self._at = at

    def compose(self) -> ComposeResult:
        # Shown while the documents' files have problems: what the ledger shows of them may be the broken values.
        yield Static(id="ledger-problems")
        with Horizontal(id="ledger-body") as body:
            body.border_title = "Ledger: the texts of the talks"
            body.border_subtitle = HINTS
            yield RowList(row_height=2, empty="No documents yet: n (or + on the dashboard) adds one.", id="ledger-list")
            with VerticalScroll(id="ledger-side"):
                yield Static(Text("…", style="dim"), id="ledger-card")
        yield Footer()

    def on_mount(self) -> None:
        self._shown: tuple[Snapshot, tuple[Problem, ...]] | None = None
        self._problems: dict[str, list[Problem]] = {}
        self.query_one("#ledger-problems").display = False
        self._at = self._at or _LAST_ROW.get(self.app)
        self.query_one(RowList).focus()
        self.watch(self.app, "state", self._draw)

    def on_resize(self) -> None:
        self.set_class(self.size.width < NARROW, "-narrow")
        self.query_one("#ledger-body").border_subtitle = HINTS if self.size.width >= len(HINTS) + 8 else SHORT_HINTS

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        app_of(self).report_failure(event)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return read_only.refused(self, action) is None

    @property
    def current(self) -> str | None:
        return self.query_one(RowList).current

    def _draw(self, state: DeskState) -> None:
        snapshot = state.snapshot
        if self._shown is not None and snapshot is self._shown[0] and state.problems == self._shown[1]:
            return
        self._shown = (snapshot, state.problems)
        palette = Palette.of(self.app)
        found, self._problems = document_problems(snapshot, state.problems)
        banner = self.query_one("#ledger-problems", Static)
        banner.display = bool(found)
        banner.update(ledger_render.problems_line(found))
        rows: dict[str, list[Text]] = {}
        for chain in lineages(snapshot):
            for index, document in enumerate(chain):
                rows[row_key(document.id)] = ledger_render.document_row(document, snapshot, palette, first=index == 0,
                                                                        problems=len(self._problems.get(document.id, ())))
                for point in document.points:
                    rows[row_key(document.id, point.id)] = ledger_render.point_row(point, snapshot, palette, document)
        self.query_one(RowList).set_rows(list(rows), lambda key, width: rows[key], None)
        if self._at is not None:
            self.go_to(self._at)
            self._at = None
        self._show_card(self.current)

    def go_to(self, key: str) -> bool:
        """The cursor to the row `key`, else to its document's row (a point no longer there); False if neither is drawn."""
        rows = self.query_one(RowList)
        for wanted in (key, row_key(target_of(key).item_id)):
            if wanted in rows.keys:
                rows.select_key(wanted)
                return True
        return False

    def on_row_list_highlighted(self, event: RowList.Highlighted) -> None:
        event.stop()
        if event.key is not None:
            _LAST_ROW[self.app] = event.key
        self._show_card(event.key)

    def on_row_list_opened(self, event: RowList.Opened) -> None:
        # The card may be longer than the screen: enter takes the focus there, to scroll it; esc comes back.
        event.stop()
        self.query_one("#ledger-side", VerticalScroll).focus()

    def _show_card(self, key: str | None) -> None:
        snapshot, palette = app_of(self).state.snapshot, Palette.of(self.app)
        card = self.query_one("#ledger-card", Static)
        if key is None:
            card.update(Text("The texts of the talks appear here, each version after the one it supersedes.", style="dim"))
            return
        target = target_of(key)
        document = snapshot.document_by_id.get(target.item_id)
        point = next((p for p in document.points if p.id == target.nested[0][1]), None) if document and target.nested else None
        if document is None or (target.nested and point is None):
            card.update(Text("No longer in the store.", style="italic"))
        elif point is not None:
            card.update(ledger_render.point_card(document, point, snapshot, palette))
        else:
            card.update(ledger_render.document_card(document, snapshot, palette, self._problems.get(document.id, ())))
        self.query_one("#ledger-side", VerticalScroll).scroll_home(animate=False)

    def action_problems(self) -> None:
        from tui.ui.screens.problems import ProblemsScreen

        self.app.push_screen(ProblemsScreen())

    def action_back(self) -> None:
        rows = self.query_one(RowList)
        if not rows.has_focus:
            rows.focus()
        else:
            self.dismiss()

    def _document(self) -> str | None:
        key = self.current
        if key is None:
            self.notify("No document here: n adds one.", markup=False, timeout=4)
            return None
        return target_of(key).item_id

    def action_add_point(self) -> None:
        if (document := self._document()) is not None:
            app_of(self).items.new_item_form("point", owner=Target("documents", document))

    def action_new_version(self) -> None:
        key = self.current
        start = {"supersedes": target_of(key).item_id} if key else {}
        app_of(self).items.new_item_form("document", start, then=self._new_version_saved)

    def _new_version_saved(self, applied: Applied) -> None:
        """The cursor to the new version; and, where the one it supersedes still stands as it was, say so
        (the editors decide whether a later version replaces it: it is not changed for them)."""
        if not self.go_to(row_key(applied.written.item_id)):
            self._at = row_key(applied.written.item_id)  # drawn with the next state
        snapshot = applied.state.snapshot
        new = snapshot.document_by_id.get(applied.written.item_id)
        earlier = snapshot.document_by_id.get(new.supersedes or "") if new is not None else None
        if earlier is not None and earlier.status.value != "superseded":
            self.notify(f"{earlier.id} is still '{earlier.status.value}'; E on it to mark it superseded.", title="Still standing",
                        markup=False, timeout=8)

    def action_add_stance(self) -> None:
        if self.current is not None:
            app_of(self).items.new_item_form("position", owner=target_of(self.current))

    def action_change(self, action: str) -> None:
        key = self.current
        if key is None:
            self.notify("Nothing here to change.", markup=False, timeout=4)
            return
        app_of(self).items.change_target(target_of(key), action)
