"""The user's settings applied at start: the theme they picked (remembered for the next start, in their own
settings file, never in the content) and the keys they moved (their `keymap`)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.theme import Theme

from tui.core.desk import read_settings, save_theme, settings_path
from tui.ui.keymap import checked

if TYPE_CHECKING:
    from tui.ui.app import PeacewatchApp


class ThemeMemory:
    """A part of the app: applies the saved theme and keymap before the first frame, and saves each theme picked."""

    def __init__(self, app: PeacewatchApp, settings: Path | str | None) -> None:
        self._app = app
        self.path: Path | None = None if settings == "off" else Path(settings) if settings else settings_path()
        """Where the chosen theme is remembered; None ("off") to remember nothing."""
        self._notes: list[str] = []
        """Said once the screen is up: what went wrong with the saved settings."""
        self.keymap: dict[str, str] = {}
        """The keys the settings move, as applied (binding id -> keys as Textual spells them): help shows them."""
        self._keymap_problems: list[str] = []
        """What of the settings' keymap cannot be used, said in one notification once the screen is up."""

    def use_saved_theme(self) -> None:
        """Apply the theme saved at the last run, before the stylesheet is first read, so the first frame has it."""
        app = self._app
        if self.path is None:
            return
        saved, problem = read_settings(self.path)
        if problem:
            self._notes.append(problem)
        self._use_keymap(saved.keymap, saved.keymap_problems)
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

    def _use_keymap(self, keymap: dict[str, str], problems: tuple[str, ...]) -> None:
        """Apply the keys the settings move, with Textual's own keymap, before the first frame.

        Every entry whose keys Textual can read is applied now; whether each id names one of our
        bindings is checked after the first frame (see `_check_ids`): that needs every screen's
        class, a tenth of a second of imports that a start without a keymap never pays."""
        self._keymap_problems.extend(problems)
        if not keymap:
            return
        self.keymap, key_problems = checked(keymap, keymap)  # every id taken as known for now
        self._keymap_problems.extend(key_problems)
        self._app.set_keymap(self.keymap)

    def _check_ids(self) -> None:
        if self.keymap:
            from tui.ui.key_places import known_ids, with_followers

            self.keymap, unknown = checked(self.keymap, known_ids())
            self._keymap_problems[:0] = unknown
            self.keymap = with_followers(self.keymap)
            self._app.set_keymap(self.keymap)
        if self._keymap_problems:
            self._app.notify(
                f"Some keys in your settings are not used ({'; '.join(self._keymap_problems)}); the rest are. "
                f"`peacewatch keys` lists every binding's id and keys. The file: {self.path}",
                title="Settings", severity="warning", markup=False, timeout=15,
            )

    def follow(self) -> None:
        """Once the screen is up: say what went wrong at start, and from now on save each theme picked."""
        for note in self._notes:
            self._app.notify(note, title="Settings", severity="warning", markup=False, timeout=12)
        self._app.call_after_refresh(self._check_ids)
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
