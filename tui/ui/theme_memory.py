"""The theme the user picks, remembered for the next start in their own settings file (never in the content)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.theme import Theme

from tui.core.desk import read_settings, save_theme, settings_path

if TYPE_CHECKING:
    from tui.ui.app import PeacewatchApp


class ThemeMemory:
    """A part of the app: applies the saved theme before the first frame, and saves each one picked."""

    def __init__(self, app: PeacewatchApp, settings: Path | str | None) -> None:
        self._app = app
        self.path: Path | None = None if settings == "off" else Path(settings) if settings else settings_path()
        """Where the chosen theme is remembered; None ("off") to remember nothing."""
        self._notes: list[str] = []
        """Said once the screen is up: what went wrong with the saved settings."""

    def use_saved_theme(self) -> None:
        """Apply the theme saved at the last run, before the stylesheet is first read, so the first frame has it."""
        app = self._app
        if self.path is None:
            return
        saved, problem = read_settings(self.path)
        if problem:
            self._notes.append(problem)
        if saved.theme is None or saved.theme == app.theme:
            return
        if saved.theme not in app.available_themes:
            self._notes.append(
                f"The saved theme {saved.theme!r} (in {self.path}) is not one this version has; using the "
                f"default ({app.theme}). Pick another with ctrl+p, Theme."
            )
            return
        app.theme = saved.theme
        app.stylesheet.set_variables(app.get_css_variables())

    def follow(self) -> None:
        """Once the screen is up: say what went wrong at start, and from now on save each theme picked."""
        for note in self._notes:
            self._app.notify(note, title="Settings", severity="warning", markup=False, timeout=12)
        # Subscribed only now: the saved theme applied at start is not the user picking one.
        self._app.theme_changed_signal.subscribe(self._app, self._remember)

    def _remember(self, theme: Theme) -> None:
        # Read-only (a page served to colleagues): a reader's pick is theirs alone, never saved
        # for the server's user and every later visitor.
        if self.path is None or self._app.read_only:
            return
        try:
            save_theme(self.path, theme.name)
        except OSError as exc:
            self._app.notify(f"The theme could not be saved for next time: {self.path}: {exc.strerror or exc}.",
                             title="Settings", severity="warning", markup=False, timeout=8)
