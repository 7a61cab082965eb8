"""The story's clock: which day "today" is for a story's dates and countdowns.

A desk follows talks far from where its dashboards run: an editor in Kyiv dates a quote by
Kyiv's calendar, while a dashboard may run in UTC. With `story.timezone` (an IANA name such as
`Europe/Kyiv`) the story's today is that zone's; without one, a date counts as after today only
when it is after today everywhere on Earth, so that no editor's today is ever a mistake.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

EARLIEST = dt.timezone(dt.timedelta(hours=14))
"""Where a new day begins first on Earth (UTC+14, the Line Islands)."""


@lru_cache(maxsize=32)
def zone(name: str) -> ZoneInfo | None:
    """The IANA zone of that name; None if this machine does not know it."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError  # here: most stories name no zone, and a start need not import it

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


@dataclass(frozen=True)
class StoryClock:
    """Today for one story: in its own zone, or (without one) here, and at the latest anywhere."""

    timezone: str | None = None

    def today(self, now: dt.datetime) -> dt.date:
        """The story's date at `now` (naive: this machine's local time): countdowns and deadlines."""
        where = zone(self.timezone) if self.timezone else None
        if where is not None:
            return now.astimezone(where).date()
        return now.date() if now.tzinfo is None else now.astimezone().date()

    def local(self, now: dt.datetime) -> dt.datetime:
        """`now` as the story's clock reads it (naive), for "how long since" and countdowns to its dates."""
        where = zone(self.timezone) if self.timezone else None
        return now.astimezone(where).replace(tzinfo=None) if where is not None else now

    def latest_today(self, now: dt.datetime) -> dt.date:
        """The last day that can already have come: a date after it is after today for the story."""
        if self.timezone and zone(self.timezone) is not None:
            return self.today(now)
        return max(self.today(now), now.astimezone(EARLIEST).date())


def story_clock(story: object | None) -> StoryClock:
    """The clock of a snapshot's story (its `timezone`, if it has one)."""
    return StoryClock(getattr(story, "timezone", None))
