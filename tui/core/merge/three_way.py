"""The three-way merge of one content file's pieces: by section, by item id, by field.

Each collection is merged entry by entry (see `layout` for what an entry's bytes are): an entry
unchanged on one side takes the other's, the same on both keeps one copy, and one changed both
ways is merged a level down (an item field by field, an issue's positions by party) until two
different versions of the same field meet: a conflict. A conflict is written where it is met,
around the innermost item that holds it (an item of a section, or a position of an issue), and
nowhere else; the fields of that item merged cleanly are in both of its versions.

Every result carries the text with its conflicts written in it, and the text with every conflict
taken ours' way and theirs' way: what an enclosing item shows as its two versions when a conflict
of its own must be written around it (so markers are never written inside markers).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from tui.core.merge.layout import EMPTY, Cut, Piece, Side, cut_list, cut_mapping, cut_top, key_field
from tui.core.model.kinds import BY_SECTION, LIST_SECTIONS
from tui.core.yaml.conflicts import BETWEEN, NOTE, OURS, THEIRS

CHANGED, ADDED, GONE_OURS, GONE_THEIRS = "changed", "added", "gone-ours", "gone-theirs"
LEAD, LIST_HEAD, FILE_HEAD, TAIL = "lead", "list-head", "file-head", "tail"
"""What a reason says happened: to an entry or a field, or to the lines around entries."""
PLACE_MARK = "\0"
"""Put before each note line while the text is built, so that its line can be found at the end;
no input holds one (YAML refuses it), and every one is taken out again."""

NESTED_NOUNS = {"positions": "position", "people": "person", "points": "point", "point_counts": "point count"}


@dataclass(frozen=True)
class Reason:
    """One thing two sides did differently: at `path` (fields from the top item down) it was `what`."""

    path: tuple[str, ...]
    what: str


@dataclass(frozen=True)
class Where:
    """Where a collection stands: its section, its top item's id (none above items), its fields below that."""

    section: str = ""
    item: str = ""
    path: tuple[str, ...] = ()

    def entry(self, key: str) -> Where:
        return replace(self, item=key) if not self.item else replace(self, path=self.path + (key,))


@dataclass(frozen=True)
class Placed:
    """A conflict written in the text, and the reasons for it."""

    where: Where
    reasons: tuple[Reason, ...]
    words: str


@dataclass
class Result:
    text: str
    """With the conflicts placed in it."""
    ours: str
    theirs: str
    """With every conflict taken ours' way, or theirs'."""
    value: Any = None
    """What the text reads as, when it has no conflict."""
    pending: list[Reason] = field(default_factory=list)
    """Conflicts not written yet: the item holding them writes them around itself."""
    placed: list[Placed] = field(default_factory=list)

    @classmethod
    def clean(cls, text: str, value: Any) -> Result:
        return cls(text, text, text, value)

    @classmethod
    def split(cls, ours: str, theirs: str, reason: Reason) -> Result:
        return cls(ours, ours, theirs, None, [reason])


DEEPER = Result("", "", "")
"""Changed both ways: to be merged a level down, if that level can be cut."""


def _pick(b: Piece | None, o: Piece | None, t: Piece | None, sides: tuple[Side, Side, Side], path: tuple[str, ...]) -> Result | None:
    """The merge of one entry where one side's bytes decide it; DEEPER where both changed it; None if gone."""
    base, ours, theirs = sides
    if o is None and t is None:
        return None
    if o is None:
        assert t is not None
        if b is None:
            return Result.clean(t.body, theirs.get(t.path))
        return None if t.body == b.body else Result.split("", t.body, Reason(path, GONE_OURS))
    if t is None:
        if b is None:
            return Result.clean(o.body, ours.get(o.path))
        return None if o.body == b.body else Result.split(o.body, "", Reason(path, GONE_THEIRS))
    if o.body == t.body or (b is not None and t.body == b.body):
        return Result.clean(o.body, ours.get(o.path))
    if b is not None and o.body == b.body:
        return Result.clean(t.body, theirs.get(t.path))
    return DEEPER


Child = Callable[[str, tuple[Piece | None, ...], Where], Result | None]
FILE, LIST, FIELDS = "file", "list", "fields"
"""The levels: the file's sections and a list's items are written around when they conflict; an
item's fields are not, their conflicts go up to the item."""


class ThreeWay:
    """Merges one file's three texts, each read with spans."""

    def __init__(self, base: Side, ours: Side, theirs: Side, newline: str) -> None:
        self.sides = (base, ours, theirs)
        self.nl = newline

    def file(self) -> Result | None:
        """The whole file merged; None when a side's sections cannot be cut (then it is merged whole)."""
        cuts = [cut_top(side) for side in self.sides]
        if cuts[0] is None or cuts[1] is None or cuts[2] is None:
            return None
        return self._collection((cuts[0], cuts[1], cuts[2]), Where(), self._section, FILE)

    # -- an entry of each level -------------------------------------------------------------------

    def _section(self, key: str, pieces: tuple[Piece | None, ...], where: Where) -> Result | None:
        b, o, t = pieces
        if b is None and o is not None and t is not None and key in LIST_SECTIONS and o.body != t.body:
            # A new file both added (two editors' first quotes of a day): its items are merged.
            return self._list(pieces, where) or Result.split(o.body, t.body, Reason((), ADDED))
        picked = _pick(b, o, t, self.sides, ())
        if picked is not DEEPER:
            return picked
        assert o is not None and t is not None
        merged = self._list(pieces, where) if key in LIST_SECTIONS else self._fields(pieces, where, dash=False)
        return merged or Result.split(o.body, t.body, Reason((), CHANGED if b is not None else ADDED))

    def _entry(self, key: str, pieces: tuple[Piece | None, ...], where: Where) -> Result | None:
        """An item of a list (a quote; a position of an issue), merged field by field if both changed it."""
        b, o, t = pieces
        picked = _pick(b, o, t, self.sides, where.path)
        if picked is not DEEPER:
            return picked
        assert o is not None and t is not None
        merged = self._fields(pieces, where, dash=True) if b is not None else None
        return merged or Result.split(o.body, t.body, Reason(where.path, CHANGED if b is not None else ADDED))

    def _field(self, key: str, pieces: tuple[Piece | None, ...], where: Where) -> Result | None:
        b, o, t = pieces
        path = where.path + (key,)
        picked = _pick(b, o, t, self.sides, path)
        if picked is not DEEPER:
            return picked
        assert o is not None and t is not None
        merged = None
        if b is not None:
            values = [side.get(p.path) for side, p in zip(self.sides, (b, o, t), strict=True)]
            if all(isinstance(v, list) for v in values):
                merged = self._list(pieces, replace(where, path=path))  # an issue's positions, by party
            elif all(isinstance(v, dict) for v in values):
                merged = self._fields(pieces, replace(where, path=path), dash=False)
        return merged or Result.split(o.body, t.body, Reason(path, CHANGED if b is not None else ADDED))

    # -- cutting a level --------------------------------------------------------------------------

    def _list(self, pieces: tuple[Piece | None, ...], where: Where) -> Result | None:
        """The entries of a list changed both ways, merged by their id (or party); None if it cannot be cut."""
        values = [side.get(p.path) if p is not None else [] for side, p in zip(self.sides, pieces, strict=True)]
        named_by = key_field(*values)
        if named_by is None:
            return None
        cuts: list[Cut | None] = [
            cut_list(side, p.path, p.start, p.end, named_by) if p is not None else EMPTY for side, p in zip(self.sides, pieces, strict=True)
        ]
        if cuts[0] is None or cuts[1] is None or cuts[2] is None:
            return None
        return self._collection((cuts[0], cuts[1], cuts[2]), where, self._entry, LIST)

    def _fields(self, pieces: tuple[Piece | None, ...], where: Where, dash: bool) -> Result | None:
        """A mapping changed both ways (an item, the story), merged field by field; None if it cannot be cut."""
        cuts = [cut_mapping(side, p.path, p.start, p.end) if p is not None else None for side, p in zip(self.sides, pieces, strict=True)]
        if cuts[0] is None or cuts[1] is None or cuts[2] is None:
            return None
        firsts = {next(iter(c.pieces)) for c in (cuts[0], cuts[1], cuts[2])}
        if dash and len(firsts) != 1:
            return None  # a list item's dash is on its first field's line: that field must stay first
        return self._collection((cuts[0], cuts[1], cuts[2]), where, self._field, FIELDS, first=firsts.pop() if dash else None)

    # -- one level, whatever it holds -------------------------------------------------------------

    def _collection(self, cuts: tuple[Cut, Cut, Cut], where: Where, child: Child, level: str, first: str | None = None) -> Result | None:
        b, o, t = cuts
        results: dict[str, Result | None] = {}
        wheres: dict[str, Where] = {}
        for key in dict.fromkeys([*o.pieces, *t.pieces, *b.pieces]):
            if level == FILE:
                wheres[key] = Where(section=key, item="" if key in LIST_SECTIONS else key)
            else:
                wheres[key] = where.entry(key) if level == LIST else where
            results[key] = child(key, (b.pieces.get(key), o.pieces.get(key), t.pieces.get(key)), wheres[key])
        if first is not None and results.get(first) is None:
            return None  # the field that carries a list item's dash would go
        order = _order(b, o, t, {k for k, r in results.items() if r is not None})
        out = _Parts(self.nl)
        self._end((b.head, o.head, t.head), where, out, level, FILE_HEAD if level == FILE else LIST_HEAD if level == LIST else LEAD)
        # With no two entries to go by, a section's items are set apart by a blank line, as the splicer adds them.
        fallback = self.nl if level == LIST and not where.item else ""
        usual = next((sep for sep in (_usual_sep(o), _usual_sep(t), _usual_sep(b)) if sep is not None), fallback)
        values: list[tuple[str, Any]] = []
        for index, key in enumerate(order):
            result = results[key]
            piece = o.pieces.get(key) or t.pieces.get(key) or b.pieces.get(key)
            assert result is not None and piece is not None
            # The blank lines above an entry belong to its place: none above the first, the usual above one that was first.
            sep = "" if index == 0 else usual if piece.first else piece.sep
            if level != FIELDS and result.pending:
                reasons = tuple(result.pending) + tuple(r for p in result.placed for r in p.reasons)
                out.wrapped(sep, result.ours, result.theirs, Placed(wheres[key], reasons, ""))
            else:
                out.add(sep, result)
            values.append((key, result.value))
        self._end((b.tail, o.tail, t.tail), where, out, level, TAIL)
        merged = out.result()
        merged.value = [v for _k, v in values] if level == LIST else dict(values)
        return merged

    def _end(self, texts: tuple[str, str, str], where: Where, out: _Parts, level: str, what: str) -> None:
        """A collection's head or tail (comments, the section's key line), merged as one chunk."""
        b, o, t = texts
        if t == b or o == t:
            out.add("", Result.clean(o, None))
        elif o == b:
            out.add("", Result.clean(t, None))
        elif level == FIELDS:
            out.add("", Result(o, o, t, None, [Reason(where.path, what)]))
        else:
            out.wrapped("", o, t, Placed(where, (Reason(where.path, what),), ""))


def _order(b: Cut, o: Cut, t: Cut, kept: set[str]) -> list[str]:
    """Ours' order; an entry only theirs has goes after the nearest entry before it in theirs that is
    kept (after any ours added there: ours' own come first), or at the end if none is."""
    order = [k for k in o.pieces if k in kept]
    placed = set(order)
    from_theirs: set[str] = set()
    ours_added = set(o.pieces) - set(b.pieces) - set(t.pieces)
    theirs_keys = list(t.pieces)
    for index, key in enumerate(theirs_keys):
        if key in placed or key not in kept:
            continue
        anchor = next((k for k in reversed(theirs_keys[:index]) if k in placed), None)
        if anchor is None:
            order.append(key)
        else:
            at = order.index(anchor) + 1
            if anchor not in from_theirs:
                while at < len(order) and order[at] in ours_added:
                    at += 1
            order.insert(at, key)
        placed.add(key)
        from_theirs.add(key)
    return order


def _usual_sep(cut: Cut) -> str | None:
    """The blank lines that most often stand between two entries of `cut`."""
    seps = Counter(p.sep for p in cut.pieces.values() if not p.first)
    return seps.most_common(1)[0][0] if seps else None


def _broken_off(parts: list[str], nl: str) -> None:
    """A line break after the last part if it has none, before more follows (a file without a last one)."""
    if parts and not parts[-1].endswith(("\n", "\r")):
        parts.append(nl)


class _Parts:
    """A collection's text being put together, in its three versions."""

    def __init__(self, nl: str) -> None:
        self.nl = nl
        self.text: list[str] = []
        self.ours: list[str] = []
        self.theirs: list[str] = []
        self.pending: list[Reason] = []
        self.placed: list[Placed] = []

    @staticmethod
    def _put(parts: list[str], nl: str, *texts: str) -> None:
        for text in texts:
            if text:
                _broken_off(parts, nl)
                parts.append(text)

    def add(self, sep: str, result: Result) -> None:
        for parts, text in ((self.text, result.text), (self.ours, result.ours), (self.theirs, result.theirs)):
            self._put(parts, self.nl, sep, text)
        self.pending += result.pending
        self.placed += result.placed

    def wrapped(self, sep: str, ours: str, theirs: str, placed: Placed) -> None:
        """A conflict written around one item: a note saying what to do, then ours' version and theirs'."""
        words = conflict_words(placed)
        nl = self.nl
        self._put(self.text, nl, sep, PLACE_MARK + NOTE + words + nl, OURS + nl, ours)
        self._put(self.text, nl, BETWEEN + nl, theirs)
        self._put(self.text, nl, THEIRS + nl)
        for parts, text in ((self.ours, ours), (self.theirs, theirs)):
            self._put(parts, nl, sep, text)
        self.placed.append(replace(placed, words=words))

    def result(self) -> Result:
        return Result("".join(self.text), "".join(self.ours), "".join(self.theirs), None, self.pending, self.placed)


def _noun(section: str) -> str:
    kind = BY_SECTION.get(section)
    return kind.noun if kind is not None else section


def _subject(path: tuple[str, ...]) -> str:
    """A field below an item in words: "it", "its text", "its position russia", "the stance of its position russia"."""
    if not path:
        return "it"
    if len(path) == 1:
        return f"its {path[0]}"
    entry = f"its {NESTED_NOUNS.get(path[0], path[0])} {path[1]}"
    return entry if len(path) == 2 else f"the {'/'.join(path[2:])} of {entry}"


def conflict_words(placed: Placed) -> str:
    """What a conflict's note says: which item, what happened to it, and what to do."""
    where = placed.where
    if where.item and where.section in ("story", "status"):
        label = "the story" if where.section == "story" else "the deal status"
    elif where.item:
        label = f"{_noun(where.section)} {where.item}"
    else:
        label = f"the {where.section} section" if where.section else "the file"
    inner = where.path[:2]
    if len(inner) == 2:
        label += f", {NESTED_NOUNS.get(inner[0], inner[0])} {inner[1]}"
    listed = NESTED_NOUNS.get(where.path[-1], where.path[-1]) if where.path else _noun(where.section)
    said = []
    for reason in placed.reasons:
        rel = reason.path[len(inner):] if reason.path[: len(inner)] == inner else reason.path
        subject = _subject(rel)
        said.append({
            CHANGED: f"{subject} was changed two ways",
            ADDED: f"{subject} was added on both sides, differently",
            GONE_OURS: f"ours removed {subject} and theirs changed it",
            GONE_THEIRS: f"ours changed {subject} and theirs removed it",
            LEAD: "the comments above it were changed two ways",
            LIST_HEAD: f"the lines before its first {listed} were changed two ways",
            FILE_HEAD: "the comments at its top were changed two ways",
            TAIL: "the lines at its end were changed two ways",
        }[reason.what])
    gone = any(r.what in (GONE_OURS, GONE_THEIRS) for r in placed.reasons)
    todo = "keep one version (an empty one removes it) and delete the other and these marker lines" if gone else (
        "keep one version and delete the other and these marker lines")
    return f"{label}: {'; '.join(dict.fromkeys(said))}; {todo}"
