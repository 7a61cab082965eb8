"""The newest date the story's content records, found from the snapshot's order instead of a pass over every quote."""

from __future__ import annotations

import datetime as dt

from tui.core.model.snapshot import Snapshot


def newest_date(snapshot: Snapshot) -> dt.date | None:
    """What `snapshot.last_changed` says (the latest date of a quote, an event or the stage), in a few steps.

    The title bar and the status card ask on every snapshot, and `last_changed` looks at
    every quote: a pass of Python over 50,000 of them on each save. The snapshot's order
    answers at once: quotes are newest first with the undated last, so the first quote's
    date is the newest if any quote has one; events are oldest first, an undated one after
    the dated one it follows, so the last dated event is the newest.
    """
    dates = [] if not snapshot.quotes or snapshot.quotes[0].date is None else [snapshot.quotes[0].date]
    last_event = next((event.date for event in reversed(snapshot.events) if event.date), None)
    if last_event is not None:
        dates.append(last_event)
    if snapshot.status and snapshot.status.since:
        dates.append(snapshot.status.since)
    return max(dates) if dates else None
