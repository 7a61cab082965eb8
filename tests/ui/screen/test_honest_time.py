"""Time read honestly a year on: no passed deadline is "next", nothing dated after today goes
unremarked, a relative "when" keeps the date it was written on."""

from __future__ import annotations

import datetime as dt
import os

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
        await wait_until(pilot, lambda: "after today (2025-11-25)" in screen_text(pilot), what="the date flagged")
        assert "news to 25 Nov 2026: as_of is older" in screen_text(pilot)
