"""A message handled before the frame being prepared is painted, as if it had been posted."""

from __future__ import annotations

from textual.message import Message
from textual.widget import Widget


def bubble_now(widget: Widget, message: Message) -> None:
    """Call, at once, the handlers of `message` that posting it from `widget` would reach: the
    widget's own and each ancestor's (the most derived of each), until one stops it.

    Posted, a message is handled on a later turn of each node's queue, often after Textual's next
    screen update: what its handler changes (a border's text) then paints a frame of its own. A
    handler called here runs inside the caller, so its change goes out in the caller's frame."""
    name = message.handler_name
    for node in (widget, *widget.ancestors):
        handler = getattr(node, name, None)
        if handler is not None:
            handler(message)
            if message._stop_propagation or not message.bubble:  # Textual's own test of `stop()`
                return
