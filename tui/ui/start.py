"""How a start gets the story on screen: the head kept by the last run in the first frame, then
the folder's desk, opened in a thread once that frame is drawn.

The desk's module brings pydantic, PyYAML and the model (~100 ms of imports). A thread does not
spare the first frame that time: it holds the interpreter while it imports, and the frame's
styles and layout wait their turns. So when the head cache can show the story, the desk is
opened after the first frame; when it cannot ("Reading the store…"), at once, as before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.core.desk import Desk
    from tui.ui.app import PeacewatchApp


def show_cached_head(app: PeacewatchApp) -> bool:
    """Put the story's head as the last run kept it on screen, if the files it was made from hold
    the same bytes now; whether it did. The load that follows replaces it."""
    from tui.core.desk import cached_head

    head = cached_head(app.root, app.limits)
    if head is None:
        return False
    app.state = head
    return True


def new_desk(app: PeacewatchApp) -> Desk:
    """The app's desk on its folder; called in a thread (see above)."""
    from tui.core.desk import Desk, watch_folder  # noqa: F401 — the watcher too (watchfiles, anyio): following needs it next

    # The app's clock, so tests can fix it; a read-only screen keeps what its reader has seen in memory only.
    return Desk(app.root, clock=app.now, limits=app.limits, journal=app.journal, keep_seen=not app.read_only, keep_head=True)
