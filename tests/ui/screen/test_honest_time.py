"""Time read honestly a year on: no passed deadline is "next", nothing dated after today goes
unremarked, a relative "when" keeps the date it was written on."""

from __future__ import annotations

import datetime as dt
import os

import pytest

from tests.helpers.pilot import screen_text, started, wait_until

A_YEAR_ON = dt.datetime(2026, 12, 1, 9, 0)


async def test_a_year_on_no_passed_deadline_is_called_next(shipped):
    async with started(shipped, now=A_YEAR_ON) as pilot:
        text = screen_text(pilot)
        assert "Next:" not in text
        assert "Last deadline: 27 Nov 2025 (1 year ago) · outcome unknown" in text


async def test_on_the_day_the_deadline_ahead_is_next(shipped):
    async with started(shipped) as pilot:  # the evening of 25 Nov 2025
        assert "Next: in 1d 06h · 27 Nov 2025" in screen_text(pilot)


async def test_a_recorded_outcome_is_said(store):
    story = store / "story.yaml"
    text = story.read_text(encoding="utf-8")
    story.write_text(text.replace("    - date: 2025-11-27\n", "    - date: 2025-11-27\n      outcome: slipped\n"), encoding="utf-8")
    async with started(store, now=A_YEAR_ON) as pilot:
        assert "Last deadline: 27 Nov 2025 (1 year ago) · slipped" in screen_text(pilot)


async def test_a_relative_when_is_pinned_to_its_sources_date(shipped):
    async with started(shipped, now=A_YEAR_ON) as pilot:
        await pilot.press("1", "G")
        await pilot.pause()
        assert "last week, per 25 Nov 2025" in screen_text(pilot) or "earlier this year, per 25 Nov 2025" in screen_text(pilot)


async def test_a_quote_dated_after_today_is_flagged_and_newer_news_than_as_of_is_said(store):
    async with started(store, live=True) as pilot:  # 25 Nov 2025
        day = store / "quotes" / "2025-11-25.yaml"
        text = day.read_text(encoding="utf-8")
        temp = day.with_name(".day.tmp")
        temp.write_text(text.replace("date: 2025-11-25", "date: 2026-11-25", 1), encoding="utf-8")
        os.replace(temp, day)
        await wait_until(pilot, lambda: "after today anywhere on Earth" in screen_text(pilot), what="the date flagged")
        assert "news to 25 Nov 2026: as_of is older" in screen_text(pilot)


# 22:30 UTC on 25 Nov 2025 is 00:30 on the 26th in Kyiv and 17:30 on the 25th in New York; the app's
# clock is naive local time, as `datetime.now()` gives it, wherever the tests run.
KYIV_AFTER_MIDNIGHT = dt.datetime(2025, 11, 25, 22, 30, tzinfo=dt.UTC).astimezone().replace(tzinfo=None)


@pytest.mark.parametrize(("zone", "flagged"), [("Europe/Kyiv", False), ("America/New_York", True)])
async def test_a_quote_dated_by_the_storys_calendar_is_judged_by_its_time_zone(store, zone, flagged):
    story = store / "story.yaml"
    story.write_text(story.read_text(encoding="utf-8").replace("  as_of: 2025-11-25\n", f"  as_of: 2025-11-25\n  timezone: {zone}\n", 1), encoding="utf-8")
    day = store / "quotes" / "2025-11-25.yaml"
    day.write_text(day.read_text(encoding="utf-8").replace("date: 2025-11-25", "date: 2025-11-26", 1), encoding="utf-8")
    async with started(store, (120, 40), now=KYIV_AFTER_MIDNIGHT) as pilot:
        text = screen_text(pilot)
        assert "26 Nov 2025" in text  # the quote is listed either way
        if flagged:
            assert "⚠ 1 problem in the content" in text and "quote 'lavrov-welcomed' is dated 2025-11-26" in text
            await pilot.press("exclamation_mark")  # the whole message, in the list of problems
            await wait_until(pilot, lambda: "after today (2025-11-25 in America/New_York)" in " ".join(screen_text(pilot).split()),
                             what="the problem in full")
        else:
            assert "problem" not in text and "after today" not in text


async def test_an_event_dated_ahead_is_scheduled_not_news(store):
    events = store / "events.yaml"
    events.write_text(events.read_text(encoding="utf-8") + (
        "\n  - id: signing-planned\n    title: A signing is planned\n    date: 2025-12-01\n    source: meduza-2025-11-25-lavrov\n"
    ), encoding="utf-8")
    async with started(store, (120, 40)) as pilot:  # the evening of 25 Nov 2025
        text = screen_text(pilot)
        assert "A signing is planned" in text and "scheduled" in text
        assert "news to" not in text and "after today" not in text  # not news, and not a mistake
        assert "Last moved: story dated today" in text
        await pilot.press("T")
        await wait_until(pilot, lambda: "scheduled, in 5d 06h: A signing is planned" in screen_text(pilot), what="the timeline")


async def test_how_long_since_is_read_on_the_storys_calendar(store):
    # Kyiv's quote of 26 Nov, just after its midnight, seen from a machine whose day is still the 25th.
    story = store / "story.yaml"
    story.write_text(story.read_text(encoding="utf-8").replace("  as_of: 2025-11-25\n", "  as_of: 2025-11-25\n  timezone: Europe/Kyiv\n", 1), encoding="utf-8")
    day = store / "quotes" / "2025-11-25.yaml"
    day.write_text(day.read_text(encoding="utf-8").replace("date: 2025-11-25", "date: 2025-11-26", 1), encoding="utf-8")
    async with started(store, (120, 40), now=KYIV_AFTER_MIDNIGHT) as pilot:
        text = screen_text(pilot)
        assert "Last moved: story dated today" in text and "dated in " not in text
