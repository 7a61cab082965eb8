"""What a search found, of every kind: a row a hit (its kind, its label, the words matched in their field); enter opens it."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.worker import get_current_worker

from tui.core.desk.state import DeskState
from tui.core.model.clock import story_clock
from tui.core.model.snapshot import Snapshot
from tui.core.views.query import Hit, QueryError, search
from tui.ui.house import app_of
from tui.ui.render import v
from tui.ui.screens.list_overlay import ListOverlay

OPENS = {"quote": "quote", "event": "event", "issue": "issue", "party": "party", "position": "issue", "person": "party"}
"""The full view each kind opens: a position its issue's, a person their party's (a source has none)."""


def hit_row(hit: Hit, width: int) -> list[Text]:
    """The kind and the label; below, the field and the words around the match, each word highlighted."""
    head = Text.assemble((f"{hit.kind:<9}", "bold"), v(hit.label), no_wrap=True, overflow="ellipsis")
    if not hit.field:
        return [head, Text("")]
    prefix = f"          {hit.field}: "
    where = Text(prefix + v(hit.context), style="dim", no_wrap=True, overflow="ellipsis")
    for start, end in hit.spans:
        where.stylize("bold reverse", len(prefix) + start, len(prefix) + end)
    return [head, where]


def opened(snapshot: Snapshot, hit: Hit) -> tuple[str, str] | None:
    """The noun and id of the full view a hit opens; None for a source."""
    noun = OPENS.get(hit.kind)
    if noun is None:
        return None
    if hit.kind == "position":
        return noun, hit.id.split("/", 1)[0]
    if hit.kind == "person":
        party = next((p for p in snapshot.parties if any(person.id == hit.id for person in p.people)), None)
        return (noun, party.id) if party else None
    return noun, hit.id


class SearchResultsScreen(ListOverlay):
    """Every item a query finds, searched again (in a thread) whenever the store changes."""

    BINDINGS = [
        *ListOverlay.BINDINGS,
        Binding("s", "save_view", "Save as a view", tooltip="Save this search as a named view (ctrl+p, View: NAME)", id="results.save-view"),
    ]
    PANEL_SUBTITLE = "enter open · s save as a view · esc back"
    ROW_HEIGHT = 2
    EMPTY = "Nothing matches."

    def __init__(self, query: str) -> None:
        super().__init__()
        self.query_text = query
        self.PANEL_TITLE = f"Search: {v(query)}"
        self.hits: dict[str, Hit] = {}
        self.searched: Snapshot | None = None
        """The snapshot the hits on screen were found in (None until the first search is done)."""

    def on_mount(self) -> None:
        super().on_mount()
        self.watch(self.app, "state", self._search)

    def _search(self, state: DeskState) -> None:
        snapshot = state.snapshot
        today = story_clock(snapshot.story).today(app_of(self).now())

        def run() -> None:
            worker = get_current_worker()
            try:
                hits = search(snapshot, self.query_text, today, lambda: worker.is_cancelled)
            except QueryError as exc:
                self.app.call_from_thread(self.notify, str(exc), title="Search", severity="error", markup=False, timeout=8)
                return
            if not worker.is_cancelled:
                self.app.call_from_thread(self._show, snapshot, hits)

        # A thread: a large store's first search folds every item; a newer state cancels an older search.
        self.run_worker(run, thread=True, exclusive=True, group="search-results", exit_on_error=False, name="Searching the story")

    def _show(self, snapshot: Snapshot, hits: list[Hit]) -> None:
        self.hits = {f"{hit.kind}:{hit.id}": hit for hit in hits}
        self.searched = snapshot
        found = self.hits
        self.rows.set_rows(list(found), lambda key, width: hit_row(found[key], width))
        count = f"{len(hits)} found" if hits else "nothing found"
        self.query_one("#list-body").border_title = f"Search: {v(self.query_text)} · {count}"

    def on_row_list_opened(self, event: object) -> None:
        from tui.ui.widgets.row_list import RowList

        assert isinstance(event, RowList.Opened)
        event.stop()
        hit = self.hits.get(event.key)
        if hit is None or self.searched is None:
            return
        if hit.kind in ("document", "point"):
            # A document and its points are shown by the ledger, at the row the hit names.
            from tui.ui.screens.ledger import LedgerScreen, row_key

            document_id, _, point_id = hit.id.partition("/")
            self.app.push_screen(LedgerScreen(at=row_key(document_id, point_id)))
            return
        target = opened(app_of(self).state.snapshot, hit)
        if target is None:
            self.notify(f"A source has no full view: {hit.label}. Press e on a quote or event to open its file.", markup=False, timeout=6)
            return
        from tui.core.model.kinds import BY_NOUN
        from tui.ui.screens.detail import DetailScreen

        self.app.push_screen(DetailScreen(*target))
        app_of(self).mark_seen(BY_NOUN[target[0]].section, target[1])

    def action_save_view(self) -> None:
        from tui.ui.search_actions import searches

        searches(app_of(self)).ask_to_save(self.query_text)
