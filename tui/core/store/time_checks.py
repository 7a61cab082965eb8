"""Dates that cannot be right today: said, published or reached after today, and an outcome
given to a deadline that has not come yet.

A quote, a source, a stage reached and the store's `as_of` all lie in the past; a date
after today is a typing slip (2026 for 2025) or a misread. Events and deadlines may lie
ahead (a meeting is scheduled, a vote is due), so their dates are not checked, but a deadline
still ahead cannot have been met or have slipped. "Today" is the story's (see `model.clock`):
in its own time zone, or without one, the latest day that has begun anywhere on Earth.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from tui.core.model.clock import StoryClock, story_clock
from tui.core.model.snapshot import Snapshot
from tui.core.store.crossref import merge
from tui.core.store.parsed_file import ParsedFile
from tui.core.text.problems import Problem


def after_today(snapshot: Snapshot, now: dt.datetime, clock: StoryClock | None = None) -> list[Problem]:
    """A problem for each date that should be in the past but is after the story's today at `now`
    (by `clock`, else by the snapshot's own story's)."""
    found: list[Problem] = []
    clock = clock or story_clock(snapshot.story)
    latest = clock.latest_today(now)
    today = (f"after today ({latest.isoformat()} in {clock.timezone})" if clock.timezone
             else f"after today anywhere on Earth ({latest.isoformat()} at the latest)")

    def at(kind: str, item_id: str) -> tuple[str, int]:
        origin = snapshot.origins.get((kind, item_id))
        return (origin.path, origin.line) if origin else (f"{kind}.yaml", 1)

    def flag(kind: str, item_id: str, what: str, date: dt.date | None) -> None:
        if date is None or date <= latest:
            return
        found.append(Problem(*at(kind, item_id), 1, f"{what} is dated {date.isoformat()}, {today}; check the date (only events and deadlines may lie ahead)"))

    for quote in snapshot.quotes:
        if quote.date is None or quote.date <= latest:
            break  # newest first: the rest are older (or undated), so a save costs no pass over them all
        flag("quotes", quote.id, f"quote '{quote.id}'", quote.date)
    for source in snapshot.sources:
        flag("sources", source.id, f"source '{source.id}'", source.date)
    if snapshot.status is not None:
        flag("status", "status", "the current stage", snapshot.status.since)
        for change in snapshot.status.history:
            flag("status", "status", f"the earlier stage '{change.stage.value}'", change.date)
    if snapshot.story is not None:
        flag("story", "story", "the story's as_of", snapshot.story.as_of)
        for deadline in snapshot.story.deadlines:
            if deadline.outcome is not None and deadline.date > latest:
                found.append(Problem(
                    *at("story", "story"), 1,
                    f"the deadline of {deadline.date.isoformat()} ({deadline.what}) is still ahead but has an outcome "
                    f"({deadline.outcome.value}); leave 'outcome' out until its day has come",
                ))
    return found


def new_date_problems(edited: Iterable[ParsedFile], store: Snapshot, now: dt.datetime) -> list[Problem]:
    """What an edit of these files would add to `after_today`: only their own items can bring a
    new one, so they alone are checked (against the story's clock, whichever file holds the story)."""
    alone, _ = merge(edited)
    clock = story_clock(alone.story or store.story)
    had = {problem.message for problem in after_today(store, now)}
    return [problem for problem in after_today(alone, now, clock) if problem.message not in had]
