"""Keys a person moves in their settings' `keymap`: applied with Textual's own keymap at start, shown
where keys are shown (footer, help, palette), and what cannot be used said once, the rest applied."""

from __future__ import annotations

import json

from tests.helpers.pilot import region_text, screen_text, started, wait_until
from tests.helpers.textual_private import notifications
from tui.ui.screens.dashboard import DashboardScreen
from tui.ui.screens.help import HelpScreen


def write_settings(private_config, settings: dict) -> None:
    path = private_config / "peacewatch" / "settings.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(settings), encoding="utf-8")


def help_rows(pilot, words: str) -> list[list[str]]:
    """Each row of help holding `words`, as its words (the key first)."""
    return [line.split() for line in region_text(pilot, "#detail-text").splitlines() if words in line]


async def test_quit_moved_to_ctrl_q_leaves_q_to_nothing_and_help_and_footer_say_so(store, private_config):
    write_settings(private_config, {"keymap": {"app.quit": "ctrl+q"}})
    async with started(store, notifications=True) as pilot:
        await wait_until(pilot, lambda: "^q Quit" in region_text(pilot, "Footer"), what="the footer's new key")
        await pilot.press("q")
        await pilot.pause(0.1)
        assert pilot.app.return_code is None and isinstance(pilot.app.screen, DashboardScreen)
        await pilot.press("question_mark")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, HelpScreen), what="help")
        await wait_until(pilot, lambda: "Quit peacewatch" in screen_text(pilot), what="help's rows")
        # The keys in force, not the default q: the app's, and (at the bottom) the one over the dashboard that moved with it.
        assert {row[0] for row in help_rows(pilot, "Quit peacewatch")} == {"^q"}
        await pilot.press("G")
        await wait_until(pilot, lambda: "Full item, timeline, help" in screen_text(pilot), what="help's last group")
        assert {row[0] for row in help_rows(pilot, "Quit peacewatch")} == {"^q"}
        # On a screen over the dashboard, the q that runs the app's quit moved with it.
        await pilot.press("q")
        await pilot.pause(0.1)
        assert pilot.app.return_code is None and isinstance(pilot.app.screen, HelpScreen)
        await pilot.press("ctrl+q")
        await wait_until(pilot, lambda: pilot.app.return_code == 0, what="ctrl+q quitting")
    assert not [n for n in notifications(pilot.app) if n.title == "Settings"]


async def test_a_moved_key_works_and_the_palette_names_it(store, private_config):
    write_settings(private_config, {"keymap": {"app.changes": "x", "app.quit": "ctrl+x"}})
    async with started(store) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause(0.2)
        await pilot.press(*"changes")
        await wait_until(pilot, lambda: "(key x)" in screen_text(pilot), what="the palette's Changes with its key")
        await pilot.press("escape")
        await pilot.pause(0.1)
        await pilot.press("c")  # no longer the changes
        await pilot.pause(0.1)
        assert isinstance(pilot.app.screen, DashboardScreen)
        await pilot.press("x")
        await wait_until(pilot, lambda: type(pilot.app.screen).__name__ == "ChangesScreen", what="x opening the changes")
        await pilot.press("escape")
        await pilot.pause(0.1)
        await pilot.press("ctrl+x")
        await wait_until(pilot, lambda: pilot.app.return_code == 0, what="ctrl+x quitting")


async def test_what_cannot_be_used_is_said_once_naming_the_file_and_the_rest_applies(store, private_config):
    write_settings(private_config, {"keymap": {"app.qit": "x", "app.help": "h, ctrl+", "app.reload": 5}})
    async with started(store, notifications=True) as pilot:
        await wait_until(pilot, lambda: any(n.title == "Settings" for n in notifications(pilot.app)), what="the notification")
        said = [n.message for n in notifications(pilot.app) if n.title == "Settings"]
        assert len(said) == 1, said
        message = said[0]
        assert str(private_config / "peacewatch" / "settings.json") in message
        assert "'app.qit' is not a key binding's id (did you mean 'app.quit'?)" in message
        assert "'ctrl+' has no key after its modifier" in message and "'app.reload'" in message
        await pilot.press("h")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, HelpScreen), what="h opening help")
        await pilot.press("escape")
        await pilot.press("q")  # untouched by the keymap: still quits
        await wait_until(pilot, lambda: pilot.app.return_code == 0, what="q quitting")


async def test_read_only_refuses_a_moved_edit_key_with_its_reason(store, private_config):
    write_settings(private_config, {"keymap": {"dashboard.add-quote": "ctrl+a"}})
    async with started(store, notifications=True, read_only=True) as pilot:
        await pilot.press("a")  # no longer an edit key: nothing to refuse
        await pilot.pause(0.1)
        assert "read-only" not in screen_text(pilot).split("\n", 1)[1]
        await pilot.press("ctrl+a")
        await wait_until(pilot, lambda: "read-only: adding to or changing" in screen_text(pilot), what="the refusal of ctrl+a")
