"""Dates that cannot be right today: said, published or reached after today.

A quote, a source, a stage reached and the store's `as_of` all lie in the past; a date
after today is a typing slip (2026 for 2025) or a misread. Events and deadlines may lie
ahead (a meeting is scheduled, a vote is due), so they are not checked.
"""

from __future__ import annotations

import datetime as dt

from tui.core.model.snapshot import Snapshot
from tui.core.text.problems import Problem


def after_today(snapshot: Snapshot, today: dt.date) -> list[Problem]:
    """A problem for each date that should be in the past but is after `today`."""
    found: list[Problem] = []

    def flag(kind: str, item_id: str, what: str, date: dt.date | None) -> None:
        if date is None or date <= today:
            return
        origin = snapshot.origins.get((kind, item_id))
        path, line = (origin.path, origin.line) if origin else (f"{kind}.yaml", 1)
        found.append(Problem(
            path, line, 1,
            f"{what} is dated {date.isoformat()}, after today ({today.isoformat()}); check the date "
            "(only events and deadlines may lie ahead)",
        ))

    for quote in snapshot.quotes:
        if quote.date is None or quote.date <= today:
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
    return found
