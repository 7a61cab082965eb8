"""A content file that parsed and validated: its items, and where they stand, kept small.

A loaded store keeps the models of every file, not the plain data they were built from nor
the line and column of every value: at 50,000 quotes those were more memory than the
models. What the merge needs for every item (where its entry and its id start) is kept in
flat arrays; any other position (a problem inside an item) is found again by re-reading the
file, if it still holds the bytes it was read from, else the item's own line stands in.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from tui.core.model.kinds import LIST_SECTIONS

if TYPE_CHECKING:
    from tui.core.model.items import ContentFile
    from tui.core.yaml.reader import YamlDocument

LineCol = tuple[int, int]
SINGLES = ("story", "status")


class Places:
    """Where the story or status section, and each listed item and its id, start in a file."""

    __slots__ = ("singles", "items", "kept")

    def __init__(self, singles: Mapping[str, LineCol], items: Mapping[str, array], kept: Mapping[str, list[int]] | None = None) -> None:
        self.singles = dict(singles)
        self.items = dict(items)
        """Per section, four numbers an item: the line and column of its entry, then of its id."""
        self.kept = dict(kept) if kept else None
        """Where items that failed validation were left out: per section, the index in the file of
        each item kept (an item's index in the content is then not its index in the file)."""

    @classmethod
    def of(cls, doc: YamlDocument, content: ContentFile, kept: Mapping[str, list[int]] | None = None) -> Places:
        singles = {s: doc.position((s,)) for s in SINGLES if getattr(content, s) is not None}
        items = {}
        for section in LIST_SECTIONS:
            count = len(getattr(content, section))
            if count:
                in_file = kept.get(section) if kept else None
                flat = array("l")
                for index in range(count):
                    at = in_file[index] if in_file is not None else index
                    flat.extend(doc.position((section, at)))
                    flat.extend(doc.position((section, at, "id")))
                items[section] = flat
        return cls(singles, items, kept)

    def in_file(self, loc: tuple[str | int, ...]) -> tuple[str | int, ...]:
        """`loc` (a path through the content) as a path through the file's data."""
        if self.kept and len(loc) >= 2 and isinstance(loc[0], str) and isinstance(loc[1], int) and loc[0] in self.kept:
            return (loc[0], self.kept[loc[0]][loc[1]], *loc[2:])
        return loc

    def as_data(self) -> dict[str, Any]:
        """JSON-safe, for the parse cache."""
        return {"singles": {k: list(v) for k, v in self.singles.items()}, "items": {k: v.tolist() for k, v in self.items.items()},
                **({"kept": self.kept} if self.kept else {})}

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Places:
        """The inverse of `as_data`; raises TypeError or ValueError on anything else."""
        singles = {str(k): (int(v[0]), int(v[1])) for k, v in data["singles"].items()}
        kept = {str(k): [int(i) for i in v] for k, v in data.get("kept", {}).items()}
        return cls(singles, {str(k): array("l", v) for k, v in data["items"].items()}, kept)

    def item(self, section: str, index: int) -> LineCol | None:
        flat = self.items.get(section)
        if flat is None or not 0 <= index < len(flat) // 4:
            return None
        return flat[4 * index], flat[4 * index + 1]

    def item_id(self, section: str, index: int) -> LineCol | None:
        flat = self.items.get(section)
        if flat is None or not 0 <= index < len(flat) // 4:
            return None
        return flat[4 * index + 2], flat[4 * index + 3]

    def nearest(self, loc: tuple[str | int, ...]) -> LineCol | None:
        """The position of `loc` if kept here, else of its item or section; None if neither is."""
        if not loc:
            return None
        head = loc[0]
        if isinstance(head, str) and head in self.singles and (len(loc) == 1 or head in SINGLES):
            return self.singles[head]
        if len(loc) >= 2 and isinstance(head, str) and isinstance(loc[1], int):
            if len(loc) == 3 and loc[2] == "id":
                return self.item_id(head, loc[1])
            return self.item(head, loc[1])
        return None

    def exact(self, loc: tuple[str | int, ...]) -> bool:
        """Whether `nearest(loc)` is the position of `loc` itself, not of what holds it."""
        return len(loc) == 1 or (len(loc) == 2 and isinstance(loc[1], int)) or (len(loc) == 3 and loc[2] == "id")


class ParsedFile:
    """A file that parsed and validated: its content and where each of its items stands."""

    __slots__ = ("path", "content", "places", "_reread", "broken")

    def __init__(
        self, path: str, content: ContentFile, places: Places, reread: Callable[[], YamlDocument | None] | None = None,
        broken: Mapping[str, frozenset[str]] | None = None,
    ) -> None:
        self.path = path
        self.content = content
        self.places = places
        self._reread = reread
        """Parses the file again if it still holds the bytes this was read from; else None."""
        self.broken: Mapping[str, frozenset[str]] = broken or {}
        """Per section, the ids of items the file holds that failed validation and were left out."""

    def at(self, *loc: str | int) -> LineCol:
        return self.positions([loc])[0]

    def positions(self, locs: Iterable[tuple[str | int, ...]]) -> list[LineCol]:
        """Where each of `locs` stands; the file is re-read at most once, and only if one is not kept."""
        locs = list(locs)
        found: list[LineCol | None] = [self.places.nearest(loc) if self.places.exact(loc) else None for loc in locs]
        if None in found:
            doc = self._reread() if self._reread is not None else None
            for i, loc in enumerate(locs):
                if found[i] is None:
                    found[i] = doc.position(self.places.in_file(loc)) if doc is not None else self.places.nearest(loc)
        return [where or (1, 1) for where in found]
