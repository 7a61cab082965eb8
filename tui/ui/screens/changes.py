"""What changed, newest first, grouped by reload, with what the user hasn't seen marked; enter opens the item."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.binding import Binding

from tui.core.desk.state import DeskState
from tui.core.model.kinds import BY_SECTION
from tui.core.views.timefmt import since
from tui.ui import read_only
from tui.ui.house import app_of
from tui.ui.palette import Palette
from tui.ui.render import v
from tui.ui.screens.list_overlay import ListOverlay
from tui.ui.widgets.row_list import RowList

NOUN_OF = {"parties": "party", "issues": "issue", "quotes": "quote", "events": "event", "status": "status"}
"""The kinds a full view exists for, by section."""


class ChangesScreen(ListOverlay):
    """Reads the journal in a thread each time it is shown or what is unseen changes."""

    BINDINGS = [
        *ListOverlay.BINDINGS,
        Binding("c", "dismiss", "Back", show=False, tooltip="Back to the dashboard", id="changes.back"),
        Binding("m", "app.mark_all_seen", "Mark all seen", tooltip="Mark every change seen", id="changes.mark-all-seen"),
        Binding("u", "revert", "Revert", tooltip="Write back what the selected change (or a whole reload) replaced", id="changes.revert"),
    ]
    EDIT_ACTIONS = {"revert": read_only.WRITING}
    PANEL_TITLE = "Changes"
    PANEL_SUBTITLE = "enter open the item · u revert · m mark all seen · esc back"
    EMPTY = "No changes recorded yet. Edit a file in the content folder and they appear here."

    def on_mount(self) -> None:
        super().on_mount()
        self._unseen: frozenset | None = None
        self._rows: dict[str, Text] = {}
        self._items: dict[str, tuple[str, str, str]] = {}
        """(kind, id, field) of the item each change row is about."""
        self._entries: dict[str, tuple[list[int], str]] = {}
        """The journal entries each row stands for (a reload's heading: all of its), and how to name them."""
        self.watch(self.app, "state", self._on_state, init=True)

    def _on_state(self, state: DeskState) -> None:
        if state.unseen != self._unseen or state.changes:
            self._unseen = state.unseen
            self._read()

    @work(exclusive=True, exit_on_error=False, name="Reading the change journal")
    async def _read(self) -> None:
        reloads, has_journal = await app_of(self).reloads()
        rows: dict[str, Text] = {}
        items: dict[str, tuple[str, str, str]] = {}
        entries: dict[str, tuple[list[int], str]] = {}
        if not has_journal:
            rows["none"] = Text("No change journal is kept (started with --no-journal).", style="italic")
        now = app_of(self).now()
        accent = Palette.of(self.app).accent
        for reload in reloads:
            at = reload.observed_at.astimezone().replace(tzinfo=None)
            count = len(reload.entries)
            rows[f"reload-{reload.id}"] = Text.assemble(
                (at.strftime("%-d %b %Y %H:%M:%S"), "bold"),
                (f"  {since(at, now)} · {count} change{'s' if count != 1 else ''}", "dim"),
            )
            entries[f"reload-{reload.id}"] = ([e.id for e in reload.entries], f"all {count} changes of {at.strftime('%-d %b %H:%M:%S')}")
            for entry in reload.entries:
                entries[f"entry-{entry.id}"] = ([entry.id], f"“{entry.text}”")
                mark = ("● ", f"bold {accent}") if not entry.seen else ("  ", "")
                key = f"entry-{entry.id}"
                # The author first: a long line is cut at its end, and who sent it must stay in view.
                by = (f"{v(entry.author)} · ", "italic") if entry.author else ""
                rows[key] = Text.assemble("  ", mark, by, (v(entry.text), "dim" if entry.seen else ""), no_wrap=True, overflow="ellipsis")
                items[key] = (entry.change.kind, entry.change.item_id, entry.change.field)
        self._rows, self._items, self._entries = rows, items, entries
        self.rows.set_rows(list(rows), lambda key, width: [rows[key]], list(rows))

    def on_row_list_opened(self, event: RowList.Opened) -> None:
        event.stop()
        if event.key not in self._items:
            return  # a reload's heading: nothing to open
        kind, item_id, field = self._items[event.key]
        if kind == "documents" and (kind, item_id) in app_of(self).state.snapshot.origins:
            # A document has no full view of its own: the ledger, at the document or the point changed (`points.ID.…`).
            from tui.ui.screens.ledger import LedgerScreen, row_key

            parts = field.split(".")
            self.app.push_screen(LedgerScreen(at=row_key(item_id, parts[1] if parts[0] == "points" and len(parts) > 1 else "")))
            app_of(self).mark_seen(kind, item_id)
            return
        if kind not in NOUN_OF:
            noun = BY_SECTION[kind].noun if kind in BY_SECTION else "row"
            self.notify(f"A {noun} has no full view; e on the dashboard opens its file.", markup=False, timeout=4)
            return
        if (kind, item_id) not in app_of(self).state.snapshot.origins:
            self.notify("That item is not in the store any more.", severity="warning", markup=False)
            return
        from tui.ui.screens.detail import DetailScreen

        self.app.push_screen(DetailScreen(NOUN_OF[kind], item_id))
        app_of(self).mark_seen(kind, item_id)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return read_only.refused(self, action) is None

    def action_revert(self) -> None:
        key = self.rows.current
        if not key or key not in self._entries:
            self.notify("Pick a change (or a reload's heading) to revert.", markup=False, timeout=4)
            return
        ids, what = self._entries[key]
        app_of(self).items.revert(ids, what)
