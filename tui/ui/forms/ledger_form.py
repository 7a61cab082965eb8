"""The generic item form for the texts of the talks: a document, a point of one (its `earlier`
picked among the points of the version it supersedes) and a party's stance on either.

Editing writes the fields changed through `UpdateItem`, as `ItemForm` does for every kind; adding
sends the documents' own requests (`AddDocument`, `AddPoint`, `AddStance`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.widget import Widget

from tui.core.model.fields import Spec
from tui.core.model.snapshot import Snapshot
from tui.core.model.targets import Target
from tui.core.views.ledger import earlier_choices, point_label
from tui.ui.forms.item_form import ItemForm
from tui.ui.render import v
from tui.ui.widgets.tick_list import TickList

if TYPE_CHECKING:
    from tui.core.desk import Request

_STANCE_PARTY = Spec("party", "Party", "ref", required=True, refs="parties", hint="whose stance it is")


class LedgerForm(ItemForm):
    """`owner` is the document a new point goes in, or the document or point a new stance is on."""

    def __init__(self, snapshot: Snapshot, digests: Mapping[str, bytes], noun: str, target: Target | None = None,
                 start: Mapping[str, str] | None = None, owner: Target | None = None) -> None:
        super().__init__(snapshot, digests, noun, target, start)
        self.owner = owner
        if noun == "position" and target is None:
            self.specs = (_STANCE_PARTY, *self.specs)
            self.TITLE_TEXT = f"Add a stance on {owner.describe(snapshot) if owner else 'a document'}"
        if noun == "point":
            document = target.item_id if target is not None else owner.item_id if owner is not None else ""
            self._earlier = earlier_choices(snapshot, document)
            if target is None:
                self.TITLE_TEXT = f"Add a point to {v(document)}"
            # The earlier version's points to pick from; without one, the ids typed one a line, as the hint says.
            hint = ("the points of the version this one supersedes that it comes from (space picks): one for same, reworded "
                    "or dropped, two or more for merged, none for new") if self._earlier else "this document supersedes none with points"
            self.specs = tuple(dataclasses.replace(s, shape="refs" if self._earlier else "lines", hint=hint) if s.key == "earlier" else s
                               for s in self.specs)

    def _widget(self, spec: Spec) -> Widget:
        if spec.key == "earlier" and spec.shape == "refs":
            chosen = set(self.stored.get("earlier") or [])
            picks = [(Text(v(f"{point_label(p)}: {p.says}" if p.says else point_label(p))), p.id, p.id in chosen) for p in self._earlier]
            return TickList(*picks, id="f-earlier")
        return super()._widget(spec)

    def request(self, values: dict[str, Any]) -> Request:
        from tui.core import desk

        if self.target is not None:
            return super().request(values)
        given = {k: value for k, value in values.items() if value not in (None, "", [])}
        if self.noun == "document":
            return desk.AddDocument(given)
        if self.noun == "point" and self.owner is not None:
            return desk.AddPoint(self.owner.item_id, given)
        if self.noun == "position" and self.owner is not None:
            party = str(given.pop("party"))
            return desk.AddStance(self.owner, party, given)
        return super().request(values)

