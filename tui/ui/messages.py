"""Messages panes send up to the screen; panes never talk to each other directly."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class OpenItem(Message):
    """Show the full item: `noun` is 'party', 'issue', 'quote', 'event' or 'status'."""

    noun: str
    item_id: str


@dataclass
class FilterQuotes(Message):
    """Filter the quotes to a party or an issue (None clears that part)."""

    party: str | None = None
    issue: str | None = None


@dataclass
class EditItem(Message):
    """Open the file that defines an item in the user's editor; `section` as in `Snapshot.origins` ('parties')."""

    section: str
    item_id: str


@dataclass
class ChangeItem(Message):
    """Change an item from the dashboard: `action` is "form" (edit it in a form) or "remove".

    `section` as in `Snapshot.origins` ('parties'); `item_id` may be "" where the pane has no row (the
    deal status pane with no events still offers the status, story and deadlines).
    """

    section: str
    item_id: str
    action: str
