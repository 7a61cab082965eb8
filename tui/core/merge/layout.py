"""A content file's text cut into the pieces a merge moves whole, byte for byte.

A collection (the file's sections, a section's items, an item's fields, an issue's positions)
is cut into a head, one piece per entry and a tail, and the three put back together are the
text exactly. A piece is an entry's own lines, from the start of its first line to the line
break ending its last, with what stands above it: the blank lines that set it apart (its
`sep`, which belongs to its place in the list, as the splicer adds and removes it with the
item) and the comment lines between those and it (which belong to it, as `git blame` of an
item counts them: a note above an item is about that item). The first entry's comment lines
go with it too where the collection is a list; everything above them is the head.

Only block collections whose entries each start a line are cut; anything else (a flow list
`[a, b]`, an item with its dash on a line of its own) is not, and is merged whole. An item
written in flow style (`- {id: a, …}`) is an entry like any other, merged whole.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from tui.core.yaml.lines import BREAKS, line_starts
from tui.core.yaml.reader import Path, YamlDocument

KEY_FIELDS = ("id", "party")
"""What names an entry of a list: items by their id, an issue's positions by their party."""


class Side:
    """One of the three texts of a merge, read with spans, and how to find its lines."""

    def __init__(self, text: str, doc: YamlDocument) -> None:
        self.text = text
        self.doc = doc
        self.starts = line_starts(text)
        self.data: Any = doc.data if doc.data is not None else {}

    def get(self, path: Path) -> Any:
        node = self.data
        for part in path:
            node = node[part]
        return node

    def offset(self, line: int, column: int) -> int:
        return self.starts[line - 1] + column - 1

    def line_start(self, index: int) -> int:
        return self.starts[bisect_right(self.starts, index) - 1]

    def after_line(self, index: int) -> int:
        """Where the line holding `index` ends, after its line break (or the end of the text)."""
        found = BREAKS.search(self.text, index)
        return found.end() if found else len(self.text)


@dataclass(frozen=True)
class Piece:
    """One entry of a collection as its side's text has it."""

    key: str
    path: Path
    sep: str
    """The blank lines above it (its place in the list's, not its own)."""
    body: str
    """Its comment lines above, then its own lines, to the line break that ends its last."""
    start: int
    """Where `body` starts in its side's text."""
    end: int
    first: bool
    """Whether it is its collection's first entry (whose `sep` is then the collection's)."""


@dataclass(frozen=True)
class Cut:
    """A collection's text: head + each piece's sep and body + tail."""

    head: str
    pieces: dict[str, Piece]
    tail: str


EMPTY = Cut("", {}, "")


def _blank(line: str) -> bool:
    return not line.strip()


def _comment(line: str) -> bool:
    return line.lstrip(" \t").startswith("#")


def _lines_of(text: str) -> list[str]:
    """`text` split after each line break, the breaks kept."""
    out, at = [], 0
    for found in BREAKS.finditer(text):
        out.append(text[at : found.end()])
        at = found.end()
    if at < len(text):
        out.append(text[at:])
    return out


def _cut(side: Side, entries: Sequence[tuple[str, Path, int]], start: int, end: int, comments_to_first: bool) -> Cut | None:
    """Cut the text from `start` to `end` at `entries` (each key, path and where its value or key
    starts); None when the entries do not each start a line with only blanks and comments between."""
    text = side.text
    bounds: list[tuple[int, int]] = []
    for _key, path, at in entries:
        first = side.line_start(at)
        span_start, span_end = side.doc.span[path]
        last = max(span_end - 1 if span_end > span_start else at, at)
        bounds.append((first, side.after_line(last)))
    if not bounds:
        return Cut(text[start:end], {}, "")
    previous = start
    for first, stop in bounds:
        if first < previous or stop > end:
            return None
        previous = stop
    head_end = bounds[0][0]
    if comments_to_first:
        # The comment lines right above the first entry are about it, as those above any other are.
        while head_end > start:
            above = side.line_start(head_end - 1)
            if above < start or not _comment(text[above:head_end]):
                break
            head_end = above
    pieces: dict[str, Piece] = {}
    from_ = head_end
    for index, ((key, path, _at), (first, stop)) in enumerate(zip(entries, bounds, strict=True)):
        gap = _lines_of(text[from_:first])
        if not all(_blank(line) or _comment(line) for line in gap):
            return None  # something stands between two entries that is neither blank nor a comment
        blanks = 0
        while blanks < len(gap) and _blank(gap[blanks]):
            blanks += 1
        sep = "".join(gap[:blanks])
        body_start = from_ + len(sep)
        pieces[key] = Piece(key, path, sep, text[body_start:stop], body_start, stop, index == 0)
        from_ = stop
    return Cut(text[start:head_end], pieces, text[from_:end])


def cut_top(side: Side) -> Cut | None:
    """The file's sections; a file of nothing but comments is all head."""
    if side.doc.data is None:
        return Cut(side.text, {}, "")
    if not isinstance(side.doc.data, dict) or () in side.doc.flow:
        return None
    entries = [(key, (key,), side.offset(*side.doc.key_at[(key,)])) for key in side.data]
    return _cut(side, entries, 0, len(side.text), comments_to_first=True)


def cut_mapping(side: Side, path: Path, start: int, end: int) -> Cut | None:
    """The fields of the block mapping at `path`, within its piece's text [start, end)."""
    value = side.get(path)
    if not isinstance(value, dict) or not value or path in side.doc.flow:
        return None
    entries = [(key, path + (key,), side.offset(*side.doc.key_at[path + (key,)])) for key in value]
    return _cut(side, entries, start, end, comments_to_first=False)


def key_field(*values: Any) -> str | None:
    """The field that names every entry of these lists, uniquely in each; None if none does."""
    for field in KEY_FIELDS:
        if all(isinstance(v, list) and _keyed(v, field) for v in values):
            return field
    return None


def _keyed(items: list[Any], field: str) -> bool:
    keys = [item.get(field) if isinstance(item, dict) else None for item in items]
    return all(isinstance(k, str) for k in keys) and len(set(keys)) == len(keys)


def cut_list(side: Side, path: Path, start: int, end: int, field: str) -> Cut | None:
    """The entries of the block list at `path` (named by `field`), within [start, end).

    An empty or missing value (`quotes:` or `quotes: []`) is a list with no entries, all head."""
    value = side.get(path)
    if value is None or value == []:
        return Cut(side.text[start:end], {}, "")
    if not isinstance(value, list) or path in side.doc.flow or not _keyed(value, field):
        return None
    entries = [(item[field], path + (i,), side.doc.span[path + (i,)][0]) for i, item in enumerate(value)]
    return _cut(side, entries, start, end, comments_to_first=True)
