"""Keys in a burst are handled one at a time, each where the focus is when it is read.

Textual hands a key from the terminal to the widget focused when the app reads it, and moves
on to the next key at once. A key that moves the focus (`/` opens the search box, `tab` the
next field, a pane's digit) does so only when it has bubbled back up to the app's bindings;
in a burst (a paste without bracketed paste, a slow SSH link) the keys behind it would by then
all be on their way into the widget the focus is leaving: `/lavrov` would fire `a` (add a
quote) and `t` (add an event) from the list instead of searching.

So the app holds every key that arrives while one is still being handled, and lets the next
one go only once the last has been handled by the widget it went to, by every node it could
bubble through (the widget's containers, its screen) and by the app's bindings: one hop on
each of those nodes' message queues, in order, behind the key, then one turn of the app's own
queue (where `Widget.focus()` and `call_later` put what an action asked for). Nothing else
in the UI needs to know about bursts.

The one hook into Textual is `App.on_event` (public; the app overrides it and calls this
first): Textual offers no event for "a key from the terminal, before it is forwarded".
"""

from __future__ import annotations

import time
from collections import deque
from typing import TYPE_CHECKING

from textual import events

if TYPE_CHECKING:
    from textual.dom import DOMNode
    from textual.message_pump import MessagePump

    from tui.ui.app import PeacewatchApp

STALL_SECONDS = 2.0
"""A key followed longer than this is taken as handled when the next one arrives: a hop that
never ran (a node closed without processing its queue) must not hold the keyboard."""


class KeyOrder:
    """A part of the app: the queue of keys that wait for the one being handled."""

    def __init__(self, app: PeacewatchApp) -> None:
        self._app = app
        self._waiting: deque[events.Key] = deque()
        """Keys read while another was being handled, oldest first."""
        self._in_flight: int | None = None
        """The number of the key being handled, or None."""
        self._sent_at = 0.0
        self._count = 0
        self._passing: events.Key | None = None
        """The waiting key let go and posted to the app again: the one key not to hold back."""

    def hold(self, event: events.Key) -> bool:
        """For a key the app reads from the terminal: True if it must wait (it is queued here);
        False if the app handles it now, as Textual does (call `follow` right after)."""
        if event is self._passing:
            self._passing = None
            return False
        if self._in_flight is not None and time.monotonic() - self._sent_at > STALL_SECONDS:
            self._let_go(self._in_flight)
        if self._in_flight is None and self._passing is None and not self._waiting:
            return False
        self._waiting.append(event)
        return True

    def follow(self, target: DOMNode) -> None:
        """The app has just handed a key to `target` (the focused widget or the screen): let the
        next key go once `target` and everything above it have handled it."""
        self._count += 1
        self._in_flight, self._sent_at = self._count, time.monotonic()
        self._hop(self._count, list(target.ancestors_with_self))

    def _hop(self, number: int, path: list[MessagePump]) -> None:
        # Each node handles its queue in order: a callback posted behind the key runs once the
        # node is done with it (and has passed it on to its parent, if it bubbles).
        while path:
            node, path = path[0], path[1:]
            if node.call_later(self._hop, number, path):
                return
            # A node closing takes no more messages: nothing of the key is left there.
        self._let_go(number)

    def _let_go(self, number: int) -> None:
        if number != self._in_flight:
            return  # a stalled key already let go (see STALL_SECONDS)
        self._in_flight = None
        if self._waiting:
            # Posted, not handled here: behind whatever the last key's action put on the app's
            # queue (a `focus()` is one turn away), so the next key finds the focus it set.
            self._passing = self._waiting.popleft()
            self._app.post_message(self._passing)
