"""The quote search box: enter goes to the quotes list, esc empties it and goes back to where the focus was."""

from __future__ import annotations

import time

from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Input

from tui.ui.widgets.bubble import bubble_now
from tui.ui.widgets.paint_now import paint_now

BURST_SECONDS = 0.03
"""A text that comes this soon after the last is part of a burst, not a letter typed by hand."""


class SearchBox(Input):
    """Enter goes to the quotes list; esc empties the box and goes back to where the focus was.

    Both are the box's own, handled here before the key can bubble to the dashboard's
    bindings (where esc would only clear the filter and leave the focus in the empty box).
    """

    class Left(Message):
        """The user left the box: with enter (`cleared` False) or esc (`cleared` True)."""

        def __init__(self, cleared: bool) -> None:
            super().__init__()
            self.cleared = cleared

    class Typed(Message):
        """The box's text changed (a letter typed, a word deleted, the box emptied)."""

        def __init__(self, value: str) -> None:
            super().__init__()
            self.value = value

    _echoed_at = 0.0
    """When the last text typed came (monotonic seconds)."""

    return_to: Widget | None = None
    """What had the focus before the box took it."""

    # Input sets its virtual size to its text's width on every key, and Textual lays the
    # whole screen out again for a new virtual size (~10 ms at 120x40, before the letter is
    # echoed). The box's size is set by the stylesheet, not by its text: only the scroll
    # range follows.
    virtual_size: reactive[Size] = reactive(Size(0, 0), layout=False)

    def watch_virtual_size(self, size: Size) -> None:
        self._scroll_update(size)

    def watch_value(self, value: str) -> None:
        # Once the key that changed the text is done (its cursor moved too), not as Input's posted `Changed`.
        self.call_next(self._echo_then_hand_on, value)

    def _echo_then_hand_on(self, value: str) -> None:
        """Paint the text typed, then hand it on: the quotes it finds are drawn in the screen's next frame.

        Painted at once, the echo does not wait for Textual's next frame (up to 17 ms away) and the
        search that follows; handed on at once, the quotes are ready for that frame, not a later one."""
        if value != self.value:
            return  # a newer text (or esc's empty one) has its own call
        now = time.monotonic()
        # Keys in a burst (a paste a key at a time) ride the frames: a paint for each letter of a
        # 91-letter paste made it twice as slow to land.
        burst, self._echoed_at = now - self._echoed_at < BURST_SECONDS, now
        if not burst:
            paint_now(self)
        bubble_now(self, self.Typed(value))

    def on_key(self, event: events.Key) -> None:
        if event.key in ("escape", "enter"):
            event.prevent_default()
            event.stop()
            cleared = event.key == "escape"
            self.display = not cleared and bool(self.value)  # before the value: its filter line goes with the box
            if cleared:
                self.value = ""
            # Enter on a search goes to the list it filtered (where `n` steps through what it found);
            # esc, and enter on an empty box, go back to where the focus was.
            back = self.return_to if self.return_to is not None and self.return_to.is_attached else None
            self.return_to = None
            self.post_message(self.Left(cleared))
            if back is not None and not self.display:
                self.screen.set_focus(back)
