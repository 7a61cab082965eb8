"""What every dashboard pane shares: the state it is fed, its list of items, and how it reports up."""

from __future__ import annotations

from textual.binding import Binding
from textual.containers import Vertical
from textual.reactive import reactive

from tui.core.desk.state import DeskState
from tui.core.model.kinds import BY_SECTION
from tui.core.model.snapshot import Snapshot
from tui.ui import read_only
from tui.ui.house import app_of
from tui.ui.messages import ChangeItem, EditItem, FilterQuotes, OpenItem
from tui.ui.widgets.bubble import bubble_now
from tui.ui.widgets.row_list import RowList


class Pane(Vertical):
    """A bordered region around one RowList of items of one kind, fed by the screen's state."""

    ALLOW_MAXIMIZE = True

    SECTION = ""
    """The snapshot's and journal's name for the listed items, e.g. "parties"."""
    NOUN = ""
    """What Enter on a row opens, e.g. "party"."""

    state: reactive[DeskState] = reactive(DeskState, init=False, repaint=False)
    """The app's one state, bound down through the screen."""

    @property
    def snapshot(self) -> Snapshot:
        return self.state.snapshot

    def _of(self, pairs: frozenset[tuple[str, str]]) -> frozenset[str]:
        return frozenset(item_id for kind, item_id in pairs if kind == self.SECTION)

    BELOW_TOP = False
    """Whether this pane's items are kept in the store's subfolders (quotes, events), which a
    large store reads after showing its story: until then the pane says it is reading them."""

    def on_mount(self) -> None:
        # Rows are drawn in the theme's colours and kept: a new theme draws every row again.
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)
        self._say_if_reading(self.state)
        alerts = app_of(self).news.alerts
        alerts.start()
        self.show_watched(alerts.watches)

    def _say_if_reading(self, state: DeskState) -> None:
        """An empty list says "reading…" while the store is not read yet, not that it has none."""
        rows = self.query_one(RowList)
        if self._empty is None:
            self._empty = rows.empty
        self._reading = not state.read or (self.BELOW_TOP and not state.complete)
        wanted = "reading…" if self._reading else self._empty
        if rows.empty != wanted:
            rows.empty = wanted
            rows.refresh()
            rows.report_shown_again()  # the border's count, which says nothing while reading

    _empty: str | None = None
    """What the list says when the store has none of its items."""
    _reading = False
    """Whether this pane's items are still being read (its border then gives no count)."""

    def _theme_changed(self, _theme: object) -> None:
        self.show_snapshot(Snapshot(), self.snapshot)
        self.query_one(RowList).redraw()

    def watch_state(self, old: DeskState, new: DeskState) -> None:
        # Only what changed is redrawn: most states differ from the last in one part.
        if old.read != new.read or old.complete != new.complete:
            self._say_if_reading(new)
        if old.snapshot is not new.snapshot or not self.query_one(RowList).keys:
            self.show_snapshot(old.snapshot, new.snapshot)
        if old.flash != new.flash:
            self.show_flash(new.flash)
        if old.unseen != new.unseen:
            self.show_unseen(new.unseen)

    def show_snapshot(self, old: Snapshot, new: Snapshot) -> None:
        """Draw the rows that changed between two snapshots."""

    def show_watched(self, watches: frozenset[tuple[str, str]]) -> None:
        """Mark the items the user watches (w)."""
        self.query_one(RowList).mark_watched(self._of(watches))

    def show_flash(self, flash: frozenset[tuple[str, str]]) -> None:
        """Highlight, for a moment, the items the last reload or edit changed."""
        self.query_one(RowList).flash(self._of(flash))

    def show_unseen(self, unseen: frozenset[tuple[str, str]]) -> None:
        """Mark the items with changes the user hasn't seen, until they are seen."""
        self.query_one(RowList).mark(self._of(unseen))

    BINDINGS = [
        Binding("e", "edit", "Edit", tooltip="Open the file that defines this item in $EDITOR, at its line", id="pane.edit"),
        Binding("E", "change('form')", "Edit in a form", show=False,
                tooltip="Change the item under the cursor (or one in it) in a form", id="pane.edit-in-form"),
        Binding("d", "change('remove')", "Remove", show=False, tooltip="Remove the item under the cursor (or one in it), after asking", id="pane.remove"),
    ]
    EDIT_ACTIONS = {"edit": read_only.EDITOR, "change": read_only.FORMS}

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return read_only.refused(self, action) is None

    def on_row_list_highlighted(self, event: RowList.Highlighted) -> None:
        event.stop()

    def on_row_list_shown(self, event: RowList.Shown) -> None:
        event.stop()
        if not event.latest:
            return  # a late report: taken, the border would say an old count until the rows next move
        # Setting the subtitle paints the whole pane again, even to the same words: only when they change.
        subtitle = self.count_text(event.first, event.last, event.total)
        if event.new_above:
            subtitle = f"▲ {event.new_above} new above · {subtitle}"
        if subtitle != self.border_subtitle:
            self.border_subtitle = subtitle

    def count_text(self, first: int, last: int, total: int) -> str:
        """What the border says of the rows: all of them, or which are on screen."""
        if not total and self._reading:
            return ""  # not "0 quotes": none are known yet, and the list says it is reading them
        noun = BY_SECTION[self.SECTION].section if total != 1 else BY_SECTION[self.SECTION].noun
        if total and last < first:  # no room for a single row
            return f"{total} {noun} · z shows them"
        if total and (first > 1 or last < total):
            return f"{first}–{last} of {total} {noun} ↕"
        return f"{total} {noun}"

    def action_edit(self) -> None:
        key = self.query_one(RowList).current
        if key:
            self.post_message(EditItem(self.SECTION, key))

    def action_change(self, action: str) -> None:
        self.post_message(ChangeItem(self.SECTION, self.query_one(RowList).current or "", action))

    def on_row_list_opened(self, event: RowList.Opened) -> None:
        event.stop()
        self.post_message(OpenItem(self.NOUN, event.key))


class FilteringPane(Pane):
    """A pane whose items filter the quotes: moving onto one, or pressing f, shows only its quotes."""

    BINDINGS = [
        Binding("f,space", "filter", "Filter quotes", tooltip="Show only the quotes of the party or issue under the cursor", id="filter.filter-quotes"),
        Binding("w", "watch", "Watch", show=False, tooltip="Watch the party or issue under the cursor: its news raises an alert (w again stops)",
                id="filter.watch"),
    ]

    def action_watch(self) -> None:
        key = self.query_one(RowList).current
        items = self.snapshot.party_by_id if self.SECTION == "parties" else self.snapshot.issue_by_id
        item = items.get(key) if key else None
        app_of(self).news.alerts.toggle(self.SECTION, key, getattr(item, "name", None) or getattr(item, "title", "") or "")

    def on_row_list_highlighted(self, event: RowList.Highlighted) -> None:
        event.stop()
        if event.key and self.query_one(RowList).has_focus:
            bubble_now(self, FilterQuotes(**{self.NOUN: event.key}))  # the quotes in the frame that moves the cursor

    def action_filter(self) -> None:
        key = self.query_one(RowList).current
        if key:
            bubble_now(self, FilterQuotes(**{self.NOUN: key}))
