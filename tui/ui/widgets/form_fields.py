"""Text fields for forms that keep the order of keys however fast they come.

Textual hands each key to the widget focused when the key arrives, and a binding further up
(Tab to the next field) runs only once the key has bubbled there: in a burst (a paste
without bracketed paste, a slow SSH link) every key behind a Tab would already be on its
way into the field the Tab was leaving. These fields move the focus themselves, at once,
and send keys that reach them after the focus left back through the app, in order.
"""

from __future__ import annotations

from textual import events
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Select, SelectionList, TextArea

_MOVES = {"tab": "focus_next", "shift+tab": "focus_previous"}


def keep_order(widget: Widget, event: events.Key) -> bool:
    """Handle `event` for a form field if a burst needs it; True if it was handled here.

    A key that reached the field after the focus left it (or left a part of it: a drop-down's
    box) goes back through the app, in order, to where the focus is now."""
    focused = widget.screen.focused
    if widget.screen is widget.app.screen and not (focused is widget or (focused is not None and widget in focused.ancestors)):
        event.prevent_default()
        event.stop()
        widget.app.post_message(events.Key(event.key, event.character))
        return True
    move = _MOVES.get(event.key)
    if move is None:
        return False
    event.prevent_default()
    event.stop()
    getattr(widget.screen, move)()
    return True


class FormInput(Input):
    """One line of a form."""

    async def _on_key(self, event: events.Key) -> None:
        if keep_order(self, event):
            return
        await super()._on_key(event)


class FormTextArea(TextArea):
    """Longer text of a form (a quote's words); Tab moves on, as in every other field."""

    async def _on_key(self, event: events.Key) -> None:
        if keep_order(self, event):
            return
        await super()._on_key(event)


class FormSelect(Select[str]):
    """A drop-down of a form; keys reach it from its box, and Tab moves on at once."""

    async def _on_key(self, event: events.Key) -> None:
        if keep_order(self, event):
            return
        await super()._on_key(event)


class FormSelectionList(SelectionList[str]):
    """Several choices of a form."""

    async def _on_key(self, event: events.Key) -> None:
        if keep_order(self, event):
            return
        await super()._on_key(event)


class FormCheckbox(Checkbox):
    """A yes-or-no of a form."""

    async def _on_key(self, event: events.Key) -> None:
        if keep_order(self, event):
            return
        await super()._on_key(event)
