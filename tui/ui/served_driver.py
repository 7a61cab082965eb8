"""Textual's web driver, for the dashboards `peacewatch serve` runs: one that ends with its server.

The server feeds each page's dashboard through its standard input. When that input ends, the
server is gone (killed, crashed, out of memory) and nobody can see or type into the dashboard
again; Textual's own driver lets it run on, following the folder, for as long as the machine is up.
This one ends it. `peacewatch serve` names it in TEXTUAL_DRIVER for every page's process.
"""

from __future__ import annotations

from textual import messages
from textual.drivers.web_driver import WebDriver


class ServedDriver(WebDriver):
    """The web driver, ending the app when its input ends without the app having stopped first."""

    def run_input_thread(self) -> None:
        super().run_input_thread()
        # `exit_event` is set when the app stops by itself; otherwise the input ended under it.
        if not self.exit_event.is_set():
            self._app.post_message(messages.ExitApp())
