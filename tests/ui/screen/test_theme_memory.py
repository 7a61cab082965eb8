"""The theme picked in the command palette is there at the next start, in the screen's own colours;
a broken or unknown saved theme falls back to the default and says so."""

from __future__ import annotations

import json

from rich.color import Color
from textual.constants import DEFAULT_THEME

from tests.helpers.pilot import make_app, region_text, screen_text, started, style_of, wait_until
from tests.helpers.textual_private import notifications


def stance_colour(pilot) -> tuple[int, int, int]:
    """The colour the word "conditional" (a stance, drawn in the theme's warning colour) has on screen."""
    colour = style_of(pilot, "conditional").color
    assert colour is not None
    return tuple(colour.get_truecolor())


def toast_text(pilot) -> str:
    """The notification as shown, its wrapped lines joined again."""
    return " ".join(region_text(pilot, "Toast").replace("▌", " ").split())


def warning_of(app) -> tuple[int, int, int]:
    return tuple(Color.parse(app.current_theme.warning).get_truecolor())


async def pick_theme(pilot, name: str) -> None:
    """As a user does: ctrl+p, "Theme" (Change the current theme), then the theme's name."""
    await pilot.press("ctrl+p")
    await pilot.pause(0.2)
    await pilot.press(*"theme")
    await wait_until(pilot, lambda: "Change the current theme" in screen_text(pilot), what="the Theme command")
    await pilot.press("enter")
    await wait_until(pilot, lambda: "Search for themes" in screen_text(pilot), what="the theme list")
    await pilot.press(*name)
    await wait_until(pilot, lambda: name in screen_text(pilot), what=f"{name} in the list")
    await pilot.pause(0.3)
    await pilot.press("enter")
    await wait_until(pilot, lambda: pilot.app.theme == name, what=f"the {name} theme")


async def test_a_theme_picked_in_the_palette_colours_the_next_start(store, private_config):
    settings = private_config / "peacewatch" / "settings.json"
    async with started(store, notifications=True) as pilot:
        assert pilot.app.theme == DEFAULT_THEME
        default_colour = stance_colour(pilot)
        await pick_theme(pilot, "nord")
        await wait_until(pilot, settings.exists, what="the settings file")
    assert json.loads(settings.read_text(encoding="utf-8")) == {"theme": "nord"}

    second = make_app(store)
    assert second.theme == "nord"  # set when the app is made: before its first frame
    async with started(second, notifications=True) as pilot:
        nord = warning_of(second)
        assert nord != default_colour
        assert stance_colour(pilot) == nord
        assert "Settings" not in screen_text(pilot)  # nothing to warn about


async def test_a_broken_settings_file_starts_in_the_default_theme_and_says_so(store, private_config):
    settings = private_config / "peacewatch" / "settings.json"
    settings.parent.mkdir(parents=True)
    settings.write_text('{"theme": "nord",\n', encoding="utf-8")
    async with started(store, notifications=True) as pilot:
        assert pilot.app.theme == DEFAULT_THEME
        assert stance_colour(pilot) == warning_of(pilot.app)
        await wait_until(pilot, lambda: "could not be read" in screen_text(pilot), what="the notification")
        shown = toast_text(pilot)
        assert "line 2, column 1" in shown and "the default theme is used" in shown and "ctrl+p, Theme" in shown
        assert any(str(settings) in n.message for n in notifications(pilot.app))  # the whole path, however the toast wraps it
        # Picking a theme writes a good file over the broken one.
        await pick_theme(pilot, "gruvbox")
        await wait_until(pilot, lambda: "gruvbox" in settings.read_text(encoding="utf-8"), what="the file rewritten")
    assert json.loads(settings.read_text(encoding="utf-8")) == {"theme": "gruvbox"}


async def test_an_unknown_saved_theme_falls_back_to_the_default_and_says_so(store, private_config):
    settings = private_config / "peacewatch" / "settings.json"
    settings.parent.mkdir(parents=True)
    settings.write_text('{"theme": "no-such-theme"}', encoding="utf-8")
    async with started(store, notifications=True) as pilot:
        assert pilot.app.theme == DEFAULT_THEME
        await wait_until(pilot, lambda: "no-such-theme" in screen_text(pilot), what="the notification")
        shown = toast_text(pilot)
        assert f"using the default ({DEFAULT_THEME})" in shown
