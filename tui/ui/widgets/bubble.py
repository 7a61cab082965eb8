"""A message handled before the frame being prepared is painted, as if it had been posted."""

from __future__ import annotations

import inspect

from textual.message import Message
from textual.widget import Widget


def bubble_now(widget: Widget, message: Message) -> None:
    """Call, at once, the handlers of `message` that posting it from `widget` would reach: the
    widget's own and each ancestor's, until one stops it.

    Posted, a message is handled on a later turn of each node's queue, often after Textual's next
    screen update: what its handler changes (a border's text, the quotes a party filters) then
    paints a frame of its own. A handler called here runs inside the caller, so its change goes
    out in the caller's frame. Each node's handlers are the ones Textual's own dispatch finds
    (`_get_dispatch_methods`, with textual pinned in pyproject.toml): the `on_…` method of every
    class in its MRO and the `@on` handlers whose selector matches, so neither kind is missed.
    Handlers of a message told at once must not be coroutines: nothing would await them."""
    name = message.handler_name
    for node in (widget, *widget.ancestors):
        for _cls, handler in node._get_dispatch_methods(name, message):
            if inspect.isawaitable(handler(message)):
                raise TypeError(f"{type(node).__name__}.{name} is a coroutine: {type(message).__name__} is handled at once, never awaited")
        if message._stop_propagation or not message.bubble:  # Textual's own test of `stop()`
            return
