"""The story's clock: "today" in the story's own time zone, or at the latest anywhere on Earth."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.helpers.minimal_store import QUOTES, STORY, write_store
from tui.core.desk import NO_JOURNAL, AddDeadline, Desk, EditRefused
from tui.core.model.clock import StoryClock

UTC = dt.UTC
# 23:30 in UTC on 1 March is already 01:30 on 2 March in Kyiv (UTC+2 in winter).
KYIV_AFTER_MIDNIGHT = dt.datetime(2025, 3, 1, 23, 30, tzinfo=UTC)
KYIV_EVENING = dt.datetime(2025, 3, 1, 19, 0, tzinfo=UTC)


def test_today_in_the_storys_zone() -> None:
    kyiv = StoryClock("Europe/Kyiv")
    assert kyiv.today(KYIV_AFTER_MIDNIGHT) == dt.date(2025, 3, 2) == kyiv.latest_today(KYIV_AFTER_MIDNIGHT)
    assert kyiv.today(KYIV_EVENING) == dt.date(2025, 3, 1)


def test_without_a_zone_a_day_has_come_once_it_has_begun_anywhere() -> None:
    clock = StoryClock()
    # 10:00 UTC on 1 March is midnight on 2 March at UTC+14: the 2nd has begun somewhere.
    assert clock.latest_today(dt.datetime(2025, 3, 1, 10, 0, tzinfo=UTC)) == dt.date(2025, 3, 2)
    assert clock.latest_today(dt.datetime(2025, 3, 1, 9, 59, tzinfo=UTC)) == dt.date(2025, 3, 1)


def _store(tmp_path: Path, timezone: str | None, quote_date: str) -> Path:
    story = STORY.replace("  as_of: 2025-03-01\n", "  as_of: 2025-03-01\n" + (f"  timezone: {timezone}\n" if timezone else ""))
    return write_store(tmp_path / "content", story_yaml=story, quotes_yaml=QUOTES.replace("date: 2025-02-21", f"date: {quote_date}"))


def _problems(root: Path, now: dt.datetime) -> list[str]:
    return [str(p) for p in Desk(root, journal=NO_JOURNAL, clock=lambda: now).load().problems]


def test_a_kyiv_editors_quote_after_midnight_is_fine_on_a_utc_machine(tmp_path: Path) -> None:
    root = _store(tmp_path, "Europe/Kyiv", "2025-03-02")
    assert _problems(root, KYIV_AFTER_MIDNIGHT) == []
    # Before Kyiv's midnight the same date is after the story's today, and said so.
    [problem] = _problems(root, KYIV_EVENING)
    assert "quote 'q-north' is dated 2025-03-02, after today (2025-03-01 in Europe/Kyiv)" in problem


def test_without_a_zone_only_a_date_after_today_everywhere_is_flagged(tmp_path: Path) -> None:
    assert _problems(_store(tmp_path / "a", None, "2025-03-02"), KYIV_AFTER_MIDNIGHT) == []
    [problem] = _problems(_store(tmp_path / "b", None, "2025-03-03"), KYIV_AFTER_MIDNIGHT)
    assert "dated 2025-03-03, after today anywhere on Earth (2025-03-02 at the latest)" in problem


def test_an_unknown_time_zone_is_a_problem_at_its_line(tmp_path: Path) -> None:
    root = _store(tmp_path, "Europe/Kiev2", "2025-02-21")
    [problem] = _problems(root, KYIV_EVENING)
    assert problem.startswith("story.yaml:5:") and "is not a time zone name" in problem


def test_a_deadline_still_ahead_cannot_have_an_outcome(tmp_path: Path) -> None:
    root = write_store(tmp_path / "content", story_yaml=STORY.replace("      what: Reply to the draft\n", "      what: Reply to the draft\n      outcome: met\n"))
    [problem] = _problems(root, KYIV_EVENING)
    assert "the deadline of 2025-03-15 (Reply to the draft) is still ahead but has an outcome (met)" in problem
    assert _problems(root, dt.datetime(2025, 3, 20, 12, tzinfo=UTC)) == []  # once its day has come


def test_an_edit_giving_an_outcome_to_a_deadline_ahead_is_refused(tmp_path: Path) -> None:
    root = write_store(tmp_path / "content")
    before = (root / "story.yaml").read_bytes()
    desk = Desk(root, journal=NO_JOURNAL, clock=lambda: KYIV_EVENING)
    desk.load()
    with pytest.raises(EditRefused) as refused:
        desk.apply(AddDeadline(date="2025-04-01", what="Sign", outcome="met", source="wire-1"))
    assert "is still ahead but has an outcome (met)" in str(refused.value)
    assert (root / "story.yaml").read_bytes() == before
    desk.apply(AddDeadline(date="2025-04-01", what="Sign", source="wire-1"))  # without the outcome it is fine
