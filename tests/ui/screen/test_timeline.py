"""The timeline (T): read from the rendered screen after real key presses, on real files followed by the real watcher."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.helpers.pilot import overlay_text, region_text, screen_text, started, wait_until
from tui.ui.screens.timeline import TimelineScreen

LATER = dt.datetime(2025, 11, 28, 12, 0)
"""Three days after the article: the Thanksgiving deadlines have passed, and quotes of 26 Nov are not from the future."""

FT_QUOTE_ON_26 = """
  - id: miller-on-the-26th
    text: A later word on the framework
    speaker: Christopher Miller
    party: financial-times
    date: 2025-11-26
    medium: post-on-x
    source: meduza-thanksgiving-deadline
"""

EVENT_ON_26 = """
  - id: geneva-round
    title: Delegations reconvene in Geneva
    date: 2025-11-26
    parties:
      - ukraine
    source: meduza-2025-11-25-lavrov
"""


def panel(pilot) -> str:
    """The timeline panel as it stands on screen."""
    assert isinstance(pilot.app.screen, TimelineScreen)
    return region_text(pilot, "#detail-body")


def row_of(text: str, starts: str) -> str:
    """The panel's line whose text (inside the border) starts with `starts`."""
    for line in text.splitlines():
        if line.strip("│ ").startswith(starts):
            return line
    raise AssertionError(f"no line starting {starts!r} in:\n{text}")


async def open_timeline(pilot) -> None:
    await pilot.press("T")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, TimelineScreen) and "Stages" in screen_text(pilot), what="the timeline")
    await pilot.pause(0.1)


async def test_t_opens_the_story_on_a_date_axis_and_esc_and_t_close_it(shipped):
    async with started(shipped) as pilot:
        await open_timeline(pilot)
        shown = panel(pilot)
        assert "Timeline" in shown
        ticks = row_of(shown, "25 Nov 2025")
        assert ticks.index("25 Nov 2025") < ticks.index("26 Nov") < ticks.index("27 Nov")
        assert row_of(shown, "▼ today").index("▼ today") < row_of(shown, "▼ today").rindex("▼") == ticks.index("25 Nov 2025")
        assert "■ framework agreed in principle (now)" in row_of(shown, "Stages")
        assert "●●●● 4 events" in row_of(shown, "Events")
        deadlines = row_of(shown, "Deadlines")
        assert "◆◆ 2 deadlines" in deadlines
        # The deadlines' marks stand under their day's tick, the events' under theirs.
        assert deadlines.index("◆") == ticks.index("27 Nov")
        assert row_of(shown, "Events").index("●") == ticks.index("25 Nov 2025")
        assert "5 events, 2 stages and 8 quotes without a date (listed below)" in shown
        assert "Quotes per day" in shown
        for party, count in (("U.S.", 1), ("Russia", 2), ("Ukraine", 1)):
            assert f" {count} █" in row_of(shown, party)
        assert "FT" not in shown.split("Quotes per day")[1].split("In date order")[0]  # no dated quote: no row
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, TimelineScreen) and "1 Deal status" in screen_text(pilot)
        await pilot.press("T")
        await pilot.pause()
        assert isinstance(pilot.app.screen, TimelineScreen)
        await pilot.press("T")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, TimelineScreen)


async def test_the_palette_opens_it_and_help_lists_its_key(shipped):
    async with started(shipped) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert "The story on a date axis" in overlay_text(pilot)
        await pilot.press("escape", "ctrl+p")
        await pilot.pause(0.2)
        await pilot.press(*"timeline")
        await wait_until(pilot, lambda: "(key T)" in screen_text(pilot), what="the Timeline command")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, TimelineScreen) and "Stages" in screen_text(pilot), what="the timeline")


async def test_the_list_is_in_date_order_with_deadlines_and_what_has_no_date(shipped):
    async with started(shipped) as pilot:
        await open_timeline(pilot)
        text = overlay_text(pilot)
        order = [
            "25 Nov 2025 ■ stage: framework agreed in principle (now)",
            "● Lavrov suggests Moscow could reject the updated plan",
            "● U.S., Russian and Ukrainian delegations meet in Abu Dhabi",
            "27 Nov 2025 ◆ deadline ahead, in 1d 06h: Thanksgiving",
            "◆ deadline ahead, in 1d 06h: The Thanksgiving deadline",
            "5 events without a date",
            "● Putin and Trump meet in Alaska  (earlier this year, per 25 Nov 2025)",
            "● Putin’s first public comments on the plan  (when not given)",
            "2 stages without a date",
            "■ stage: proposed  (last week, per 25 Nov 2025)",
            "■ stage: under negotiation  (when not given)",
            "8 quotes without a date",
        ]
        places = [text.find(line) for line in order]
        assert -1 not in places, [line for line, at in zip(order, places) if at == -1]
        assert places == sorted(places)


async def test_events_out_of_file_order_are_drawn_and_listed_by_date_and_passed_deadlines_say_so(store):
    events = store / "events.yaml"
    # An event of the 26th written first in the file: it still comes after the 25th.
    events.write_text(events.read_text(encoding="utf-8").replace("events:\n", "events:" + EVENT_ON_26, 1), encoding="utf-8")
    async with started(store, now=LATER) as pilot:
        await open_timeline(pilot)
        shown = panel(pilot)
        ticks = row_of(shown, "25 Nov 2025")
        lane = row_of(shown, "Events")
        assert lane.index("●●●●") == ticks.index("25 Nov 2025")
        assert lane.index("● Delegations reconvene in Geneva") == ticks.index("26 Nov")
        assert row_of(shown, "Deadlines").index("◇◇ 2 deadlines") == ticks.index("27 Nov")  # passed, outcome unknown
        assert row_of(shown, "today: later").index("┬") == ticks.index("25 Nov 2025")  # the 28th is past the axis
        text = overlay_text(pilot)
        assert text.index("Trump says he will meet Zelensky") < text.index("26 Nov 2025 ● Delegations reconvene in Geneva")
        assert text.index("Delegations reconvene in Geneva") < text.index("27 Nov 2025 ◇ deadline passed, outcome not recorded")


async def test_each_party_s_bars_stand_under_the_days_they_count(store):
    path = store / "quotes" / "2025-11-25.yaml"
    path.write_text(path.read_text(encoding="utf-8") + FT_QUOTE_ON_26, encoding="utf-8")
    async with started(store, now=LATER) as pilot:
        await open_timeline(pilot)
        shown = panel(pilot)
        assert pilot.app.state.problems == ()
        ticks = row_of(shown, "25 Nov 2025")
        ft = row_of(shown, "FT")
        # FT's one dated quote is on the 26th: its bar fills exactly the 26th's columns.
        assert ft.index("█") == ticks.index("26 Nov")
        assert ft.rindex("█") + 1 == ticks.index("27 Nov")
        assert ft[ticks.index("25 Nov 2025")] == "▁"
        assert " 1 ▁" in ft


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_long_names_are_cut_with_an_ellipsis_and_nothing_leaves_the_panel(store, size):
    parties = store / "parties.yaml"
    text = parties.read_text(encoding="utf-8")
    parties.write_text(text.replace("    short: FT\n", "    short: The Financial Times of London and the World\n", 1), encoding="utf-8")
    path = store / "quotes" / "2025-11-25.yaml"
    path.write_text(path.read_text(encoding="utf-8") + FT_QUOTE_ON_26, encoding="utf-8")
    async with started(store, now=LATER, size=size) as pilot:
        await open_timeline(pilot)
        shown = panel(pilot)
        lines = shown.splitlines()
        assert all(len(line) == len(lines[0]) and line[0] in "│╭╰" and line[-1] in "│╮╯" for line in lines)
        ft = row_of(shown, "The Financ")
        assert "  The Financ… 1 " in ft, ft  # the count is never cut
        # Every lane's label is whole or ends in an ellipsis, and stays inside the panel.
        for lane in ("Stages", "Events", "Deadlines"):
            words = row_of(shown, lane).strip("│ ").split()
            assert words[-1] in ("(now)", "events", "deadlines") or words[-1].endswith("…"), words


async def test_a_party_s_first_dated_quote_adds_its_row_while_the_timeline_is_open(store):
    async with started(store, live=True, now=LATER) as pilot:
        await open_timeline(pilot)
        assert "FT " not in panel(pilot)
        path = store / "quotes" / "2025-11-25.yaml"
        path.write_text(path.read_text(encoding="utf-8") + FT_QUOTE_ON_26, encoding="utf-8")
        await wait_until(pilot, lambda: "FT " in panel(pilot), what="FT's row")
        await pilot.pause(0.2)
        shown = panel(pilot)
        assert [line.strip("│ ").split()[0] for line in shown.splitlines() if "█" in line or "▁" in line] == ["U.S.", "Russia", "Ukraine", "FT"]


async def test_a_save_to_the_events_file_while_the_timeline_is_open_shows_up_in_it(store):
    async with started(store, live=True, now=LATER) as pilot:
        await open_timeline(pilot)
        assert "Delegations reconvene in Geneva" not in overlay_text(pilot)
        events = store / "events.yaml"
        events.write_text(events.read_text(encoding="utf-8") + EVENT_ON_26, encoding="utf-8")
        await wait_until(pilot, lambda: "● Delegations reconvene in Geneva" in row_of(panel(pilot), "Events"), what="the new event on the axis")
        assert "26 Nov 2025 ● Delegations reconvene in Geneva" in overlay_text(pilot)
        assert isinstance(pilot.app.screen, TimelineScreen)


async def test_a_store_with_nothing_dated_says_so(tmp_path: Path):
    from tests.helpers.minimal_store import write_store

    undated = "events:\n  - id: a\n    title: Talks, some day\n    when: soon\n    source: wire-1\n"
    story = "story:\n  title: T\n  as_of: 2025-03-01\n"
    status = "status:\n  stage: proposed\n  headline: H\n  source: wire-1\n"
    quotes = "quotes:\n  - id: q\n    text: t\n    speaker: s\n    medium: other\n    source: wire-1\n"
    root = write_store(tmp_path / "s", events_yaml=undated, story_yaml=story, status_yaml=status, quotes_yaml=quotes, issues_yaml="issues: []\n")
    async with started(root, size=(80, 24)) as pilot:
        await pilot.press("T")
        await wait_until(pilot, lambda: "Nothing in the store has a date yet" in screen_text(pilot), what="the empty chart")
        text = overlay_text(pilot)
        assert "nothing dated yet" in text
        assert "1 event without a date" in text and "● Talks, some day  (soon, per 21 Feb 2025)" in text
        assert "1 stage without a date" in text and "1 quote without a date" in text
        assert "Quotes: none has a date yet." in screen_text(pilot)
