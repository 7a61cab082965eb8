"""What a row list tells its pane and screen: the cursor moved, a row was opened, which rows are shown.

Each is also an attribute of `RowList` (`RowList.Highlighted`…), and its handler is named as if it
were defined there (`on_row_list_highlighted`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from tui.ui.widgets.row_list import RowList


@dataclass
class FromList(Message, namespace="row_list"):
    row_list: RowList

    @property
    def control(self) -> RowList:
        return self.row_list


@dataclass
class Highlighted(FromList, namespace="row_list"):
    """The cursor moved onto a row."""

    key: str | None


@dataclass
class Opened(FromList, namespace="row_list"):
    """Enter was pressed on a row."""

    key: str


@dataclass
class Shown(FromList, namespace="row_list"):
    """Which rows are on screen changed: rows `first` to `last` (1-based) of `total`."""

    first: int
    last: int
    total: int
    new_above: int = 0  # rows that arrived above the first one on screen since the list was last at its top

    @property
    def latest(self) -> bool:
        """Whether the list still says this: a posted report waits in the list's queue, then (bubbled)
        its pane's; a newer one told at once can pass it."""
        return (self.first, self.last, self.total, self.new_above) == self.row_list.shown_now
