"""The full item over the dashboard: a quote with its attribution, an issue with every position, …"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import RenderableType
from rich.text import Text
from textual import work
from textual.binding import Binding
from textual.widgets import Static

from tui.core.desk.state import DeskState
from tui.core.model.kinds import BY_NOUN
from tui.core.model.snapshot import Snapshot
from tui.ui import quote_render, read_only, render
from tui.ui.house import app_of
from tui.ui.palette import Palette
from tui.ui.screens.overlay import Overlay

if TYPE_CHECKING:
    from tui.core.desk import LastChange


class DetailScreen(Overlay):
    """Follows the live store: if the item changes while open, it redraws; if removed, it says so.

    Where the store is in a git repository, a line above the item says who last changed it and
    when, read from git in a worker each time the store changes; elsewhere there is no such line."""

    BINDINGS = [
        *Overlay.BINDINGS,
        Binding("backspace", "dismiss", "Back", show=False, tooltip="Back to the dashboard", id="detail.back"),
        Binding("question_mark", "app.help", "Help", show=False, tooltip="Show every key", id="detail.help"),
        Binding("e", "edit", "Edit", tooltip="Open the file that defines this item in $EDITOR, at its line", id="detail.edit"),
        Binding("E", "change('form')", "Edit in a form", show=False, tooltip="Change this item (or one in it) in a form", id="detail.edit-in-form"),
        Binding("d", "change('remove')", "Remove", show=False, tooltip="Remove this item (or one in it), after asking", id="detail.remove"),
        Binding("y", "copy_attribution", "Copy attribution", tooltip="Copy this quote as one attribution line, with its source", id="detail.copy-attribution"),
        Binding("o", "open_source", "Open source", tooltip="Open the address of this item's source in the browser, if one is known", id="detail.open-source"),
    ]

    EDIT_ACTIONS = {"edit": read_only.EDITOR, "change": read_only.FORMS}


    def __init__(self, noun: str, item_id: str) -> None:
        super().__init__()
        self.noun = noun
        self.item_id = item_id
        self.PANEL_TITLE = BY_NOUN[noun].title

    def on_mount(self) -> None:
        super().on_mount()
        self._shown: Snapshot | None = None
        self.query_one("#detail-body").mount(Static(id="detail-git"), before="#detail-text")
        self.watch(self.app, "state", self._draw)

    def _draw(self, state: DeskState) -> None:
        if state.snapshot is not self._shown:
            self._shown = state.snapshot
            self.show(self._text(state.snapshot))
            if self.noun == "issue":
                self._with_history(state.snapshot)
            self._who()

    @work(exclusive=True, exit_on_error=False, name="Reading how the stances moved")
    async def _with_history(self, snapshot: Snapshot) -> None:
        self._moves = await app_of(self).stance_moves(self.item_id)
        if self._moves and snapshot is self._shown:
            self.show(self._text(snapshot))

    def action_change(self, action: str) -> None:
        section = BY_NOUN[self.noun].section
        app_of(self).items.change_item(section, self.item_id if self.noun != "status" else "", action)

    @work(exclusive=True, group="blame", exit_on_error=False, name="Asking git who changed the item")
    async def _who(self) -> None:
        from tui.core.desk import GitError

        section = BY_NOUN[self.noun].section
        try:
            found = await app_of(self).git.last_change(section, self.item_id)
        except GitError as exc:
            line: Text | None = Text(f"Who last changed it: git could not say ({exc})", style="dim italic")
        else:
            line = _who_line(found) if found is not None else None
        note = self.query_one("#detail-git", Static)
        note.display = line is not None
        if line is not None:
            note.update(line)

    def action_edit(self) -> None:
        app_of(self).editor.edit_item(BY_NOUN[self.noun].section, self.item_id)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Only a quote has an attribution, and a party names no source: neither key is offered there.
        if action == "copy_attribution":
            return self.noun == "quote"
        if action == "open_source":
            return self.noun != "party"
        return read_only.refused(self, action) is None

    def action_copy_attribution(self) -> None:
        app_of(self).briefs.copy_attribution(self.item_id)

    def action_open_source(self) -> None:
        app_of(self).briefs.open_source(self.noun, self.item_id)

    def _text(self, snapshot: Snapshot) -> RenderableType:
        palette = Palette.of(self.app)
        missing = Text(f"This {self.noun} is no longer in the store.", style="italic")
        if self.noun == "party":
            party = snapshot.party_by_id.get(self.item_id)
            return render.party_detail(party, snapshot, palette) if party else missing
        if self.noun == "issue":
            issue = snapshot.issue_by_id.get(self.item_id)
            return render.issue_detail(issue, snapshot, palette, getattr(self, "_moves", None)) if issue else missing
        if self.noun == "quote":
            quote = snapshot.quote_by_id.get(self.item_id)
            if quote is None:
                return missing
            state = app_of(self).state
            check = state.verified.of(self.item_id) if state.verified is not None else None
            return quote_render.quote_detail(quote, snapshot, state.in_doubt.get(self.item_id), check, palette)
        if self.noun == "event":
            event = snapshot.event_by_id.get(self.item_id)
            return render.event_detail(event, snapshot) if event else missing
        if snapshot.status:
            return render.status_detail(snapshot.status, snapshot, palette, app_of(self).now())
        return missing


def _who_line(change: LastChange) -> Text:
    if not change.committed:
        return Text("Last changed: not committed yet", style="bold")
    when = change.when.astimezone().strftime("%-d %b %Y %H:%M") if change.when else "at an unknown time"
    return Text.assemble(
        "Last changed by ", (render.v(change.author), "bold"), f", {when}",
        (f" · {change.sha[:7]} {render.v(change.subject)}", "dim"),
    )
