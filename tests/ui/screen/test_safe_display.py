"""Text from the store is shown literally: no markup, no actions, no escape codes reach the terminal."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from tests.helpers.hostile_text import HOSTILE
from tests.helpers.pilot import screen_text, started
from tui.core.text.safe_text import visible
from tui.ui.screens.detail import DetailScreen
from tui.ui.widgets.row_list import RowList

THE_DAY_AFTER = dt.datetime(2025, 11, 26, 18, 0)
"""The hostile quote is dated the 26th, so it is the newest; a clock on that evening keeps it in the past."""


def hostile_store(store, text: str):
    path = store / "quotes" / "hostile.yaml"
    # JSON strings are valid YAML double-quoted scalars, with every control escaped.
    path.write_text(
        "quotes:\n"
        "  - id: hostile\n"
        f"    text: {json.dumps(text)}\n"
        f"    speaker: {json.dumps(text[:40])}\n"
        "    party: russia\n"
        "    date: 2025-11-26\n"
        "    medium: statement\n"
        "    source: meduza-readers-just-peace\n",  # a source with no archived copy: these words are not its
        encoding="utf-8",
    )
    return store


@pytest.mark.parametrize("case", sorted(HOSTILE))
async def test_hostile_quote_text_is_shown_literally(store, case):
    text = HOSTILE[case]
    async with started(hostile_store(store, text), now=THE_DAY_AFTER, size=(200, 40)) as pilot:
        assert pilot.app.state.problems == ()
        quotes = pilot.app.screen.query_one("#quotes RowList", RowList)
        assert quotes.keys[0] == "hostile"
        screen = screen_text(pilot)
        expected = visible(text)
        assert expected in screen  # every character, brackets and all
        assert "\x1b" not in screen and "\x07" not in screen
        await pilot.press("4", "enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, DetailScreen)
        assert expected in screen_text(pilot)
        await pilot.press("escape")
        await pilot.pause()
        # A [@click=app.quit] in the text is not an action: the app is still running.
        await pilot.click("#quotes RowList", offset=(20, 1))
        await pilot.pause()
        assert pilot.app.is_running
