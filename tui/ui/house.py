"""The one way a screen, form or widget reaches the app it runs in, typed.

Textual types `node.app` as a plain `App`; what peacewatch's screens ask of it (the state, the
clock, the app's parts: items, editor, git, briefs) is on `PeacewatchApp`. This checks the app
is one (a widget mounted in another app fails here, by name, not with an AttributeError later)
and hands it back with its type, so mypy checks every call.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.dom import DOMNode

if TYPE_CHECKING:
    from tui.ui.app import PeacewatchApp


def app_of(node: DOMNode) -> PeacewatchApp:
    """The peacewatch app `node` runs in."""
    from tui.ui.app import PeacewatchApp  # here, not at the top: the app imports the screens that call this

    app = node.app
    if not isinstance(app, PeacewatchApp):
        raise TypeError(f"{type(node).__name__} runs in {type(app).__name__}, not in peacewatch's app")
    return app
