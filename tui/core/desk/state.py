"""The state a desk returns: light enough for the dashboard to import before anything is loaded."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from tui.core.model.snapshot import Snapshot
from tui.core.text.problems import Problem

if TYPE_CHECKING:
    from tui.core.model.diff import Change
    from tui.core.verify.check import Verification


@dataclass(frozen=True)
class DeskState:
    """The store at one moment, and what the journal says of it."""

    snapshot: Snapshot = dataclasses.field(default_factory=Snapshot)
    problems: tuple[Problem, ...] = ()
    changes: tuple[Change, ...] = ()
    """What the last reload or edit changed (against the journal's last state, or the previous load)."""
    unseen: frozenset[tuple[str, str]] = frozenset()
    """(kind, id) of every item with a change the user has not marked seen."""
    unseen_count: int = 0
    unseen_since: dt.datetime | None = None
    last_change: dt.datetime | None = None
    """When the journal last saw the store change."""
    warnings: tuple[str, ...] = ()
    """Said once, by the call that returned them (a journal moved aside, a write that failed)."""
    recheck_in: float | None = None
    """If set, a file was mid-save or briefly missing: reload again after this many seconds."""
    recorded: bool = False
    """Whether the journal's figures are those of this snapshot (False for content just read)."""
    own: bool = False
    """Whether the changes are the user's own edit (already seen: nothing to announce)."""
    read: bool = False
    """Whether the folder has been read at all (False only before the first load has anything to show)."""
    verified: Verification | None = None
    """Each quote against its source's archived copy (what differs or is missing is among the
    problems too); None while no source has an archived copy."""
    complete: bool = True
    """False while a start shows only the files at the top of a large store (the story), not yet
    the quotes and events below; problems are not known until it is complete."""

    @property
    def loaded(self) -> bool:
        """Whether anything has been read yet (a store, or its problems)."""
        return self.snapshot.story is not None or bool(self.snapshot.origins) or bool(self.problems)

    @property
    def unseen_note(self) -> str:
        """E.g. "4 new since 14:02", for the title bar; empty when all is seen."""
        if not self.unseen_count:
            return ""
        since = self.unseen_since.astimezone().strftime("%H:%M") if self.unseen_since else ""
        return f"{self.unseen_count} new since {since}"

    @cached_property
    def in_doubt(self) -> Mapping[str, Problem]:
        """Quotes whose words are not what the source printed, by id, with why: a `#` cut them, or
        their source's archived copy prints other words (or none of them). Never copied or put in a
        brief as verbatim."""
        from tui.core.views.verbatim import quotes_in_doubt

        doubt = dict(quotes_in_doubt(self.snapshot, self.problems))
        if self.verified is not None:
            for quote_id, check in self.verified.checked.items():
                origin = self.snapshot.origins.get(("quotes", quote_id))
                if quote_id not in doubt and check.state.fails and origin is not None:
                    doubt[quote_id] = Problem(origin.path, origin.line, 1, check.describe())
        return doubt

    @property
    def flash(self) -> frozenset[tuple[str, str]]:
        """(kind, id) of the items the last call changed."""
        return frozenset((c.kind, c.item_id) for c in self.changes)
