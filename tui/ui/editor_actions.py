"""Opening the user's editor from the app: on an item's file at its line, or at a problem's place."""

from __future__ import annotations

import subprocess
from typing import TYPE_CHECKING

from textual.app import SuspendNotSupported

from tui.ui import read_only
from tui.ui.editor import EditorProblem, editor_command

if TYPE_CHECKING:
    from tui.ui.app import PeacewatchApp


class EditorActions:
    """A part of the app: `e` opens the file that defines an item, or a problem's place, in the user's editor."""

    def __init__(self, app: PeacewatchApp) -> None:
        self._app = app

    def edit_item(self, kind: str, item_id: str) -> None:
        """Open the file that defines an item in the user's editor at its line, then reload it."""
        app = self._app
        if app.refuse_if_read_only(read_only.EDITOR):
            return
        origin = app.state.snapshot.origins.get((kind, item_id))
        if origin is None:
            app.notify("That item is not in the store any more.", severity="warning", markup=False)
            return
        self.edit_file(origin.path, origin.line)

    def edit_file(self, relative: str, line: int, column: int = 1) -> None:
        """Open a content file in the user's editor at a line and column, then read it again."""
        app = self._app
        if app.refuse_if_read_only(read_only.EDITOR):
            return
        if app.is_web:
            # The editor would start on the server, where nobody sees it, and hold the dashboard.
            app.notify("The editor would open on the server, not in this browser: edit the file there, "
                       "or use the forms (a, t, S, p).", title="Cannot open the editor", severity="warning", markup=False, timeout=8)
            return
        path = app.root / relative
        if not path.is_file():
            app.notify(f"{relative} is not a file that can be opened.", severity="warning", markup=False)
            return
        try:
            command = editor_command(path, line, column=column)
        except EditorProblem as problem:
            app.notify(str(problem), title="Cannot open the editor", severity="error", markup=False, timeout=10)
            return
        if command is None:
            app.notify("No editor found: set $EDITOR (or $VISUAL).", severity="error", markup=False)
            return
        try:
            try:
                with app.suspend():
                    done = subprocess.run(command, check=False)
            except SuspendNotSupported:
                # No terminal to hand over (headless, web): run the editor as it is.
                done = subprocess.run(command, check=False, stdin=subprocess.DEVNULL)
        except OSError as exc:
            app.notify(f"Could not start {command[0]}: {exc.strerror or exc}", severity="error", markup=False)
            return
        if done.returncode != 0:
            app.notify(f"{command[0]} exited with status {done.returncode}; the file is read again as it is now.",
                       title="The editor reported a problem", severity="warning", markup=False, timeout=8)
        # The watcher sees the save too; reading it now shows the result the moment the editor closes.
        app.run_worker(app.read_changes([str(path)]), group="recheck", exit_on_error=False, name="Reading the edited file")
