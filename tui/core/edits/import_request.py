"""An article's quotes written as one edit: its source (found in the store, or new), the archived
copy recorded on it, and each quote accepted, citing it. All are written or none."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import ClassVar

from tui.core.edits.capture_requests import AddCapture
from tui.core.edits.engine import EditRefused, Planned
from tui.core.edits.item_requests import ItemRequest
from tui.core.edits.requests import AddQuote, AddSource, Expected
from tui.core.store.loader import ContentStore
from tui.core.text.problems import Problem


@dataclass(frozen=True)
class ImportArticle(ItemRequest):
    """The quotes an editor accepted from an article, with its source and its archived copy.

    `source` is a source the store has (the capture is added to it unless it is there already);
    otherwise `new_source` is added, the capture among its fields. Each quote's own `source` is
    set to the one written, whatever it said."""

    quotes: Sequence[AddQuote]
    source: str | None = None
    new_source: AddSource | None = None
    capture: Mapping[str, str] = field(default_factory=dict)
    raw: bytes = b""
    """The article's bytes, still to be archived: the desk archives them first, then records the copy."""
    name: str = ""
    captured: dt.date | None = None
    url: str | None = None
    noun: ClassVar[str] = "article"

    def plan(self, store: ContentStore, expected: Expected, earlier: Sequence[Planned] = ()) -> list[Planned]:
        if self.raw:
            raise EditRefused([Problem("sources.yaml", 1, 1, "the article's copy is not archived yet; import it through the desk")],
                              "not archived")
        if not self.quotes:
            raise EditRefused([Problem("sources.yaml", 1, 1, "no quote was accepted; nothing was written")], "nothing to write")
        plans = list(earlier)
        if self.source is not None:
            source = self.source
            known = store.snapshot.source_by_id.get(source)
            if self.capture and (known is None or all(c.sha256 != self.capture.get("sha256") for c in known.archive)):
                plans = AddCapture(source, self.capture).plan(store, expected, plans)
        elif self.new_source is not None:
            plans = self.new_source.plan(store, expected, plans)
            source = plans[-1].changes[-1].item_id
        else:
            raise EditRefused([Problem("sources.yaml", 1, 1, "the article needs a source")], "no source")
        for quote in self.quotes:
            plans = dataclasses.replace(quote, source=source, new_source=None).plan(store, expected, plans)
        return plans

    def describe(self, item_id: str) -> str:
        count = len(self.quotes)
        source = "its new source" if self.new_source is not None else f"its source {self.source}"
        copy = f" and its archived copy ({self.capture['file']})" if self.capture.get("file") else ""
        return f"imported {count} quote{'s' if count != 1 else ''} from an article, with {source}{copy}"
