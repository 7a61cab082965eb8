"""Recording an archived copy on a source: a capture added to its `archive` list (the older ones
stay), and the fields of a capture as the file writes them. The bytes themselves are archived by
`tui.core.verify.archive`; this only writes the record."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import ClassVar

from tui.core.edits.engine import Context, EditRefused, FileEdit, Planned, plan
from tui.core.edits.field_values import capture_fields
from tui.core.edits.item_requests import ItemRequest, _file_of, append_nested
from tui.core.edits.requests import Expected, _chain, _earlier
from tui.core.model.targets import Target
from tui.core.store.loader import ContentStore
from tui.core.text.problems import Problem


@dataclass(frozen=True)
class AddCapture(ItemRequest):
    """A new archived copy of a source, after its earlier ones: a newer capture of the same
    address is kept beside the older. The same bytes recorded twice on one source are refused."""

    source: str
    capture: Mapping[str, str]
    """As `Archived.capture()` gives it: file, captured (YYYY-MM-DD), sha256, and url and note where known."""
    noun: ClassVar[str] = "capture"

    def plan(self, store: ContentStore, expected: Expected, earlier: Sequence[Planned] = ()) -> list[Planned]:
        target = Target("sources", self.source)
        relative = _file_of(store, target)
        known = store.snapshot.source_by_id.get(self.source)
        if known is not None and any(c.sha256 == self.capture.get("sha256") for c in known.archive):
            origin = store.snapshot.origins[("sources", self.source)]
            why = f"source '{self.source}' already records this capture ({self.capture.get('file')}); nothing was written"
            raise EditRefused([Problem(origin.path, origin.line, 1, why)], "already archived")
        new = capture_fields(self.capture)

        def make(ctx: Context) -> FileEdit:
            return append_nested(ctx, target, "archive", new, self.source, ("file", "captured", "sha256"))

        return _chain(list(earlier), plan(store, relative, expected, make, on_top_of=_earlier(earlier, relative)))

    def describe(self, item_id: str) -> str:
        return f"archived a copy of source {self.source}: {self.capture.get('file')}"
