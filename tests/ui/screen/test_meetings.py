"""Who met whom (M): read from the rendered screen after real key presses, on real files followed by the real watcher."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.pilot import region_text, started, wait_until
from tui.ui.screens.meetings import MeetingsScreen
from tui.ui.screens.pair_meetings import PairMeetingsScreen

GENEVA = """
  - id: geneva-round
    title: Ukrainian and U.S. negotiators meet in Geneva
    date: 2025-11-30
    place: Geneva
    venue: The U.S. mission
    host: united-states
    participants:
      - ukraine/rustem-umerov
    source: meduza-2025-11-25-lavrov
"""


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
async def test_the_table_and_each_pairs_last_meeting_read_whole_or_with_an_ellipsis(store: Path, size: tuple[int, int]):
    async with started(store, size=size) as pilot:
        await pilot.press("M")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, MeetingsScreen), what="who met whom")
        await pilot.pause()
        shown = region_text(pilot, "#list-body")
        lines = [line.strip("│ ") for line in shown.splitlines()]
        assert "Who met whom · 2 meetings" in shown
        assert "U.S.  Russia  Ukraine" in lines
        assert "Russia      2       –        1" in lines  # the table, row by row
        assert "U.S. × Russia  2 meetings" in lines  # the pair with the most first
        last = next(line for line in lines if line.startswith("last 25 Nov 2025, Abu Dhabi: U.S., Russian and Ukrainian dele"))
        assert last.endswith("meet in Abu Dhabi" if size[0] == 120 else "…")
        assert "Russia × Ukraine  1 meeting" in lines
        await pilot.press("escape")
        await wait_until(pilot, lambda: not isinstance(pilot.app.screen, MeetingsScreen), what="back to the dashboard")


async def test_enter_lists_a_pairs_meetings_and_a_new_one_saved_is_counted(store: Path):
    async with started(store, size=(120, 40), live=True) as pilot:
        await pilot.press("M")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, MeetingsScreen), what="who met whom")
        await pilot.press("enter")  # U.S. × Russia
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, PairMeetingsScreen), what="the pair's meetings")
        await pilot.pause()
        shown = region_text(pilot, "#detail-body")
        assert "U.S. × Russia" in shown
        assert shown.index("earlier this year, per 25 Nov 2025  Putin and Trump meet in Alaska") < shown.index("25 Nov 2025  U.S., Russian and Ukrainian")
        assert "people  Vladimir Putin (Russia); Donald Trump (U.S.)" in shown
        await pilot.press("escape")
        events = store / "events.yaml"
        events.write_text(events.read_text(encoding="utf-8") + GENEVA, encoding="utf-8")
        # Scheduled after the story's today: counted, and said as the next one, while the last stays the last held.
        await wait_until(pilot, lambda: "U.S. × Ukraine  2 meetings · next 30 Nov 2025" in region_text(pilot, "#list-body"),
                         what="the new meeting counted")
        assert "Who met whom · 3 meetings" in region_text(pilot, "#list-body")
