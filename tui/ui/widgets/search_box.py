"""The quote search box: keeps the order of keys however fast they come."""

from __future__ import annotations

from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Input


def redirect_if_unfocused(widget: Widget, event: events.Key) -> bool:
    """Hand a key back to the app if it reached `widget` after the focus had left it.

    Textual hands each key to the widget focused when the key arrives. In a burst (a paste
    without bracketed paste, a slow SSH link) the keys behind one that moves the focus are
    already on their way to the old widget; sent back through the app, in order, they reach
    the widget that has the focus now.
    """
    # `screen.focused`, not `has_focus`: the latter follows a Focus event still in the queue.
    if widget.screen.focused is widget or widget.screen is not widget.app.screen:
        return False
    event.prevent_default()
    event.stop()
    widget.app.post_message(events.Key(event.key, event.character))
    return True


class SearchBox(Input):
    """Enter goes back to the list; esc empties the box and goes back to where the focus was.

    Both are handled here, in the order the keys came, not by bindings further up: a
    binding runs when the key reaches the app, after the keys behind it were typed.
    """

    class Left(Message):
        """The user left the box: with enter (`cleared` False) or esc (`cleared` True)."""

        def __init__(self, cleared: bool) -> None:
            super().__init__()
            self.cleared = cleared

    return_to: Widget | None = None
    """What had the focus before the box took it."""

    # Input sets its virtual size to its text's width on every key, and Textual lays the
    # whole screen out again for a new virtual size (~10 ms at 120x40, before the letter is
    # echoed). The box's size is set by the stylesheet, not by its text: only the scroll
    # range follows.
    virtual_size: reactive[Size] = reactive(Size(0, 0), layout=False)

    def watch_virtual_size(self, size: Size) -> None:
        self._scroll_update(size)

    def on_key(self, event: events.Key) -> None:
        if redirect_if_unfocused(self, event):
            return
        if event.key in ("escape", "enter"):
            event.prevent_default()
            event.stop()
            cleared = event.key == "escape"
            if cleared:
                self.value = ""
            self.display = bool(self.value)
            back = self.return_to if self.return_to is not None and self.return_to.is_attached else None
            self.return_to = None
            self.post_message(self.Left(cleared))
            if back is not None:
                self.screen.set_focus(back)
