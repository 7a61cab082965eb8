"""What every edit form shares: labelled fields with their errors, save in a thread, conflicts kept safe.

A form checks what it can itself (required fields, dates) and shows the error under the
field; then the core writes the change, validating the whole store and refusing to
overwrite a file that changed on disk. On a refusal the form stays open with everything
the user typed, and says why.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Checkbox, Footer, Input, Label, Select, SelectionList, Static, TextArea
from textual.worker import Worker

from tui.core.model.snapshot import Snapshot

if TYPE_CHECKING:
    from tui.core.desk import Request, Wait
from tui.ui.house import app_of
from tui.ui.render import v


def options(pairs: list[tuple[str, str]]) -> list[tuple[Text, str]]:
    """Select options whose labels come from the store: Text, so brackets never act as markup."""
    return [(Text(v(label)), value) for label, value in pairs]


def source_label(source: Any) -> str:
    """How a source is named in a form's list: outlet and title."""
    return f"{source.outlet} — {source.title}" if source.title else source.outlet


def parse_date(text: str) -> tuple[dt.date | None, str | None]:
    """(date, None), (None, None) for empty, or (None, error)."""
    text = text.strip()
    if not text:
        return None, None
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return None, "a date as YYYY-MM-DD, e.g. 2025-11-26"
    try:
        return dt.date.fromisoformat(text), None
    except ValueError:
        return None, f"a real date: {text} does not exist (check the month and day)"


class EditForm(ModalScreen["Any"]):
    """A modal form; subclasses compose fields with `field()` and implement `check` and `write`."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", tooltip="Check the form and write the change", id="form.save"),
        Binding("escape", "cancel", "Cancel", tooltip="Close the form without writing", id="form.cancel"),
    ]

    TITLE_TEXT = ""

    def __init__(self, snapshot: Snapshot, digests: Mapping[str, bytes]) -> None:
        super().__init__()
        self.snapshot = snapshot
        self.digests = dict(digests)
        """What the dashboard last loaded of each file: a write refuses if the file differs now."""
        self._wait: Wait | None = None
        """How the save in progress waits for the folder, while one is; esc cancels it."""

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="form-body") as body:
            body.border_title = self.TITLE_TEXT
            body.border_subtitle = "ctrl+s save · esc cancel"
            yield Static(id="form-error")
            yield from self.compose_fields()
        yield Footer()

    def compose_fields(self) -> ComposeResult:
        raise NotImplementedError

    def field(self, label: str, widget: Widget, hint: str = "") -> Vertical:
        """A labelled field with room for its error below it."""
        assert widget.id, "every form field needs an id"
        parts: list[Widget] = [
            # Text, not markup: a hint like "[sic]" must read as written.
            Label(Text.assemble(label, (f"  {hint}" if hint else "", "dim")), classes="field-label"),
            widget,
        ]
        if isinstance(widget, SelectionList) and widget.option_count == 0:
            # An empty list would be a blank box that Tab lands in: say there is nothing to pick.
            widget.display = False
            parts.append(Static(Text("none in the store yet", style="dim italic"), classes="field-empty"))
        return Vertical(*parts, Static(classes="field-error", id=f"{widget.id}-error"), classes="field")

    def on_mount(self) -> None:
        for error in self.query(".field-error"):
            error.display = False
        self.query_one("#form-error").display = False
        first = self.query("Input, TextArea, Select, SelectionList").first()
        first.focus()
        self.call_after_refresh(self._remember_start)

    def _remember_start(self) -> None:
        self._start = self._typed()

    def _typed(self) -> tuple:
        """Everything the fields hold, to tell whether the user has typed or chosen anything."""
        values: list[object] = []
        for widget in self.query("Input, TextArea, Select, SelectionList, Checkbox"):
            if isinstance(widget, Checkbox):
                values.append(widget.value)
            elif isinstance(widget, TextArea):
                values.append(widget.text)
            elif isinstance(widget, Input | Select):
                values.append(widget.value)
            elif isinstance(widget, SelectionList):
                values.append(tuple(widget.selected))
        return tuple(values)

    # Reading fields -------------------------------------------------------

    def text(self, field_id: str) -> str:
        widget = self.query_one(f"#{field_id}")
        if isinstance(widget, TextArea):
            return widget.text.strip()
        assert isinstance(widget, Input)
        return widget.value.strip()

    def choice(self, field_id: str) -> str | None:
        value = self.query_one(f"#{field_id}", Select).value
        return None if value is Select.NULL else str(value)

    def chosen(self, field_id: str) -> list[str]:
        return [str(value) for value in self.query_one(f"#{field_id}", SelectionList).selected]

    # Errors -----------------------------------------------------------------

    def show_errors(self, errors: Mapping[str, str], summary: str = "") -> None:
        for error in self.query(".field-error"):
            error.display = False
        for field_id, message in errors.items():
            error = self.query_one(f"#{field_id}-error", Static)
            error.update(Text(message))
            error.display = True
        banner = self.query_one("#form-error", Static)
        banner.display = bool(summary)
        banner.update(Text(summary))
        if summary:
            # A long form is scrolled to the field last used: the reason must come into view.
            banner.scroll_visible(animate=False, immediate=True)
        marked = [error for error in self.query(".field-error") if error.display]
        if marked:
            # And the first field marked (in the form's order), whole, with the focus in it to fix it (the banner
            # stays in view where both fit); once laid out with its error shown.
            self.call_after_refresh(self._to_field, marked[0])

    def _to_field(self, error: Widget) -> None:
        box = error.parent
        if isinstance(box, Widget):
            box.scroll_visible(animate=False)
        field = self.query(f"#{str(error.id).removesuffix('-error')}")
        if field:
            field.first().focus(scroll_visible=False)

    # Saving -------------------------------------------------------------------

    def check(self) -> tuple[dict[str, str], dict[str, Any]]:
        """(errors by field id, the values to write) from what the user typed."""
        raise NotImplementedError

    def request(self, values: dict[str, Any]) -> Request:
        """The edit the checked values ask for."""
        raise NotImplementedError

    @staticmethod
    def require(values: Mapping[str, Any], needs: Mapping[str, str]) -> dict[str, str]:
        """An error for each empty field of `needs` (field id to what it should hold)."""
        return {field: f"Required: {what}." for field, what in needs.items() if not values.get(field)}

    def action_save(self) -> None:
        errors, values = self.check()
        self.show_errors(errors, "Fix the fields marked below." if errors else "")
        if not errors:
            self._save(values)

    @work(exclusive=True, group="save", exit_on_error=False, name="Saving the form")
    async def _save(self, values: dict[str, Any]) -> None:
        from tui.core.desk import EditConflict, EditRefused, Wait

        self._wait = Wait(on_wait=lambda: self.app.call_from_thread(self._waiting))
        try:
            applied = await app_of(self).submit(self.request(values), self.digests, self._wait)
        except EditConflict as conflict:
            # Someone else saved the file: reload it, keep what was typed, let the user apply again.
            self.digests = await app_of(self).digests_after_reload()
            self.show_errors({}, f"{conflict.path} changed on disk since it was loaded; nothing was written. "
                             "The dashboard has reloaded it: check, then press ctrl+s to apply your change again.")
        except EditRefused as refused:
            said = "\n".join(str(p) for p in refused.problems)
            self.show_errors({}, f"Not written: {refused.summary}" + (f":\n{said}" if said else ". What you typed is kept: ctrl+s tries again."))
        except Exception as exc:  # noqa: BLE001 - every failure is shown beside the form, never lost
            self.show_errors({}, f"Not written: {type(exc).__name__}: {exc}. What you typed is kept; "
                             "press ctrl+s to try again, or esc to close.")
        else:
            if self.is_attached:
                self.dismiss(applied)
        finally:
            self._wait = None

    def _waiting(self) -> None:
        self.show_errors({}, "Waiting for another edit of this folder to finish… (esc stops waiting)")

    def action_cancel(self) -> None:
        if self._wait is not None:
            self._wait.cancel.set()  # the save stops waiting and writes nothing
            self.dismiss(None)
            return
        if self._typed() == getattr(self, "_start", self._typed()):
            self.dismiss(None)
            return
        from tui.ui.screens.confirm import ConfirmScreen

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(ConfirmScreen("Discard what you typed in this form? Nothing has been written."), answered)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        app_of(self).report_failure(event)
