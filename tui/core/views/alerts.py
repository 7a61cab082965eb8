"""Which news concerns what the user watches, and the alert it makes in plain words.

A watch is (kind, key): ("parties", id), ("issues", id) or ("deadlines", "DATE WHAT"), a deadline
being named as the change lines name it (it has no id). A watched party's news is its own item,
its positions on any issue and its quotes; a watched issue's is the issue and the quotes that bear
on it; a watched deadline's is that deadline in the story.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tui.core.views.timefmt import countdown, day

# The model's items and diff bring pydantic: a deadline's key is asked for while the first frame is
# drawn (the status pane marks a watched one), so they are named here for the type checker only.
if TYPE_CHECKING:
    from tui.core.model.diff import Change
    from tui.core.model.items import Deadline, Quote
    from tui.core.model.snapshot import Snapshot

Watch = tuple[str, str]


def deadline_key(deadline: Deadline) -> str:
    """A deadline's name in watches and change lines: its date and its words."""
    return f"{deadline.date.isoformat()} {deadline.what}"


def _quote_fields(change: Change, snapshot: Snapshot) -> tuple[str | None, Sequence[str]]:
    quote = snapshot.quote_by_id.get(change.item_id)
    if quote is not None:
        return quote.party, quote.issues
    whole: Any = change.old if change.new is None else change.new
    if change.field == "" and isinstance(whole, dict):  # a quote removed: what it was
        return whole.get("party"), whole.get("issues") or ()
    return None, ()


def concerns(change: Change, snapshot: Snapshot, watches: frozenset[Watch]) -> bool:
    """Whether `change` is news about something in `watches`."""
    if not watches:
        return False
    kind, parts = change.kind, change.parts
    if kind in ("parties", "issues") and (kind, change.item_id) in watches:
        return True
    if kind == "issues" and len(parts) > 1 and parts[0] == "positions" and ("parties", parts[1]) in watches:
        return True
    if kind == "quotes":
        party, issues = _quote_fields(change, snapshot)
        return (party is not None and ("parties", party) in watches) or any(("issues", i) in watches for i in issues)
    if kind == "story" and parts[:1] == ["deadlines"]:
        return len(parts) > 1 and ("deadlines", parts[1]) in watches
    return False


def watched(changes: Iterable[Change], snapshot: Snapshot, watches: frozenset[Watch]) -> list[Change]:
    return [change for change in changes if concerns(change, snapshot, watches)]


def change_key(change: Change) -> str:
    """The same name for the same change on every dashboard of a desk (a file name): whichever sees it
    first claims it under this name, and the others find it taken."""
    data = json.dumps([change.kind, change.item_id, change.field, change.op, change.old, change.new], sort_keys=True, default=str)
    return "change-" + hashlib.sha256(data.encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True)
class Alert:
    """One alert: what it is in a few words, the story's title, and its lines, as posted everywhere."""

    headline: str
    story: str
    body: str

    @property
    def title(self) -> str:
        return f"{self.headline} · {self.story}"


def change_alert(changes: Sequence[Change], snapshot: Snapshot) -> Alert:
    """The net change in plain words, one line each, a new quote followed by its attribution line."""
    from tui.core.model.diff import ADDED
    from tui.core.views.attribution import attribution

    lines: list[str] = []
    for change in changes:
        lines.append(change.text(snapshot))
        quote: Quote | None = snapshot.quote_by_id.get(change.item_id) if change.kind == "quotes" and change.op == ADDED else None
        if quote is not None:
            lines.append("  " + attribution(quote, snapshot))
    count = len(changes)
    return Alert(f"{count} watched change{'s' if count != 1 else ''}", _story(snapshot), "\n".join(lines))


def _story(snapshot: Snapshot) -> str:
    return snapshot.story.title if snapshot.story else "peacewatch"


def due_deadlines(snapshot: Snapshot, watches: frozenset[Watch], now: dt.datetime, hours: float) -> list[Deadline]:
    """The watched deadlines due within `hours` of `now` (a deadline is due at the start of its day),
    not yet passed and with no outcome recorded."""
    due = []
    for deadline in snapshot.story.deadlines if snapshot.story else []:
        if ("deadlines", deadline_key(deadline)) not in watches or deadline.outcome is not None:
            continue
        left = (dt.datetime.combine(deadline.date, dt.time()) - now).total_seconds()
        if -86_400 < left <= hours * 3600:  # its day not over yet
            due.append(deadline)
    return due


def deadline_alert(deadline: Deadline, snapshot: Snapshot, now: dt.datetime) -> Alert:
    return Alert(f"A watched deadline {countdown(deadline.date, now)}", _story(snapshot), f"{day(deadline.date)}: {deadline.what}")


def deadline_claim(deadline: Deadline) -> str:
    return "deadline-" + hashlib.sha256(deadline_key(deadline).encode("utf-8")).hexdigest()[:32]
