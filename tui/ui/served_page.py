"""What differs when the dashboard is one reader's page, run by `peacewatch serve` (`--served`).

Anyone who opens the page can edit it (with `--allow-edits`), and the dashboard cannot tell its
readers apart: so the reader names themselves once, before their first edit is written, and
every edit of the page is recorded as theirs. And the server draws the page at most
`MAX_COLUMNS` × `MAX_ROWS`, whatever size the browser asks for: the reader is told when their
window is larger than that, or they would take the blank part of it for a fault.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.geometry import Size

    from tui.ui.app import PeacewatchApp

MAX_COLUMNS = 640
MAX_ROWS = 200
"""The largest terminal a served page is drawn in (`peacewatch serve` clamps what browsers ask for).

Measured in Chromium: a full-screen page on a 4K display (3840×2160) asks for 426×113 at the
page's default 16 px font, 548×154 at 12 px and 640×196 at 10 px, the smallest font anyone reads.
A dashboard drawn at 640×200 takes some 66 MB, against 60 MB at 120×40; at the 5000×3000 a
browser (or a script) may ask for, 280 MB and seconds of work each frame."""


class ServedPage:
    """A part of the app: the reader's name and the size note; inert unless the app is `served`."""

    def __init__(self, app: PeacewatchApp, served: bool) -> None:
        self._app = app
        self.served = served
        self.reader: str | None = None
        """The name the reader gave, once they have: every later edit of the page is theirs too."""
        self._at_most = False
        """Whether the page is drawn at the largest size now (the note is given once each time it is)."""

    async def author(self) -> str | None:
        """Who is making the edit about to be written: None outside a served page; on one, the
        reader's name, asked the first time (from a worker: it waits for the answer).

        Raises EditRefused when the reader declines: an edit through a shared page is never anonymous.
        """
        if not self.served:
            return None
        if self.reader is None:
            from tui.ui.screens.author import AuthorScreen

            name = await self._app.push_screen_wait(AuthorScreen())
            if not name:
                from tui.core.desk import EditRefused

                raise EditRefused([], "no name was given, and on a shared page each change is saved under its author's name")
            self.reader = name
        return self.reader

    def resized(self, size: Size) -> None:
        """Say, once each time it happens, that the page is drawn at the largest size the server allows."""
        at_most = self.served and (size.width >= MAX_COLUMNS or size.height >= MAX_ROWS)
        if at_most and not self._at_most:
            self._app.notify(
                f"This page is drawn at most {MAX_COLUMNS} columns by {MAX_ROWS} rows, to spare the server: a larger "
                "window stays blank beyond that. Zoom the page in (ctrl and +) to fill it.",
                title="Window larger than the dashboard", severity="warning", markup=False, timeout=15,
            )
        self._at_most = at_most
