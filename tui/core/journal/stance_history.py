"""How each party's stance on an issue moved over time, from the journal's changes to the issue."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from tui.core.journal.journal import Entry
from tui.core.model.diff import ADDED, CHANGED, REMOVED


@dataclass(frozen=True)
class Step:
    """A stance the party took (None: its position was removed), and when peacewatch saw it (None: before the journal)."""

    stance: str | None
    seen: dt.date | None


def stance_moves(entries: Iterable[Entry]) -> dict[str, list[Step]]:
    """For each party whose stance on the issue ever changed, its stances in order; `entries` are
    the journal's entries about one issue, oldest first."""
    moves: dict[str, list[Step]] = {}

    def step(party: str, stance: Any, seen: dt.date, before: Any = None) -> None:
        steps = moves.setdefault(party, [])
        if not steps and before is not None:
            steps.append(Step(str(before), None))
        value = None if stance is None else str(stance)
        if not steps or steps[-1].stance != value:
            steps.append(Step(value, seen))

    for entry in entries:
        change, seen = entry.change, entry.observed_at.date()
        parts = change.parts
        if not parts and change.op == ADDED and isinstance(change.new, dict):
            for position in change.new.get("positions") or []:
                step(position.get("party", ""), position.get("stance"), seen)
        elif len(parts) == 3 and parts[0] == "positions" and parts[2] == "stance" and change.op == CHANGED:
            step(parts[1], change.new, seen, before=change.old)
        elif len(parts) == 2 and parts[0] == "positions":
            if change.op == ADDED and isinstance(change.new, dict):
                step(parts[1], change.new.get("stance"), seen)
            elif change.op == REMOVED and isinstance(change.old, dict):
                step(parts[1], None, seen, before=change.old.get("stance"))
    return {party: steps for party, steps in moves.items() if len(steps) > 1}
