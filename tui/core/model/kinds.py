"""The kinds of item a store holds: one table that every other module reads instead of listing them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pydantic loads with the store, after the first frame
    from pydantic import BaseModel


@dataclass(frozen=True)
class Kind:
    """One kind of item: how the files, the snapshot, the journal and the screen name it."""

    section: str
    """Its section in a content file, its attribute on the snapshot and its name in the journal."""
    noun: str
    """One of them, in running text and in the dashboard's messages ("party")."""
    title: str
    """One of them, as a heading ("Party")."""
    model_name: str
    """Its pydantic model in `tui.core.model.items`."""
    listed: bool = True
    """A list of items with ids (False for the story and the status, of which a store has one)."""

    @property
    def by_id(self) -> str:
        """The snapshot's index of the list by id, e.g. `party_by_id`."""
        return f"{self.noun}_by_id"

    @property
    def model(self) -> type[BaseModel]:
        from tui.core.model import items

        found: type[BaseModel] = getattr(items, self.model_name)
        return found


KINDS: tuple[Kind, ...] = (
    Kind("story", "story", "Story", "Story", listed=False),
    Kind("status", "deal status", "Deal status", "DealStatus", listed=False),
    Kind("parties", "party", "Party", "Party"),
    Kind("issues", "issue", "Issue", "Issue"),
    Kind("quotes", "quote", "Quote", "Quote"),
    Kind("events", "event", "Event", "Event"),
    Kind("sources", "source", "Source", "Source"),
    Kind("documents", "document", "Document", "Document"),
)
"""Every kind, in the order changes are listed."""

BY_SECTION = {kind.section: kind for kind in KINDS}
BY_NOUN = {kind.noun: kind for kind in KINDS} | {"status": BY_SECTION["status"]}
"""Also under "status", the short noun the screens use for the deal status."""
SECTIONS = tuple(kind.section for kind in KINDS)
LIST_SECTIONS = tuple(kind.section for kind in KINDS if kind.listed)
"""The sections that hold lists of items with ids."""
