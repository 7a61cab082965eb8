"""`merge_file`: one content file's three versions (base, ours, theirs) merged item by item.

Pure: bytes in, bytes out, nothing read or written, no git. The result is clean only when it
is sure: every input read as YAML, the merged text reads back as exactly the data the merge
meant (so no byte moved where it changes a meaning), and the store's own parser finds no problem
in it that neither side had. Anything less is a conflict, written so that the file cannot be
taken for valid: markers around the one item (or, when nothing narrower is safe, the file).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tui.core.disk.limits import Limits
from tui.core.merge.layout import Side
from tui.core.merge.three_way import PLACE_MARK, ThreeWay
from tui.core.model.kinds import SECTIONS
from tui.core.store.file_parser import FileParser
from tui.core.text.problems import Problem
from tui.core.yaml.conflicts import BETWEEN, NOTE, OURS, THEIRS
from tui.core.yaml.lines import BREAKS, line_starts
from tui.core.yaml.reader import YamlDocument, read_yaml

BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class Conflict:
    """One conflict written in the merged text: which item, and what to do, in plain words."""

    section: str
    """The item's section ("quotes", "story"); "" for the file as a whole."""
    item_id: str
    """The item's id; the section's name for the story and the status; "" for a section or the file."""
    field: str
    """The item's field(s) two sides changed two ways ("text"; below the item "positions/russia/stance";
    several joined by ", "); "" when the item as a whole conflicts (removed on one side, added twice)."""
    words: str
    """What the note above the markers says: the item, what happened, what to do."""
    line: int = 1
    """The line of that note in the merged text (the `<<<<<<< ours` line follows it)."""


@dataclass(frozen=True)
class MergeResult:
    text: bytes
    """The merged file; with conflicts, the file with each written between markers."""
    conflicts: list[Conflict]

    @property
    def clean(self) -> bool:
        return not self.conflicts


def merge_file(base: bytes, ours: bytes, theirs: bytes, path: str, limits: Limits = Limits()) -> MergeResult:
    """Merge three versions of the content file at store-relative `path` (for messages)."""
    if ours == theirs or base == theirs:
        return MergeResult(ours, [])
    if base == ours:
        return MergeResult(theirs, [])
    docs: list[tuple[str, YamlDocument]] = []
    for name, raw in (("base", base), ("ours", ours), ("theirs", theirs)):
        doc, problems = read_yaml(raw, path, limits, spans=True)
        if doc is None:
            first = problems[0] if problems else Problem(path, 1, 1, "it cannot be read")
            return _whole(ours, theirs, f"{name} does not read as YAML (line {first.line}: {first.message})")
        docs.append((raw.decode("utf-8-sig"), doc))
    sides = [Side(text, doc) for text, doc in docs]
    newline = _newline(sides[1].text)
    merged = ThreeWay(sides[0], sides[1], sides[2], newline).file()
    if merged is None:
        return _whole(ours, theirs, "it is not written as a list of sections peacewatch can merge item by item")
    bom = BOM if ours.startswith(BOM) else b""
    if merged.placed:
        text, lines = _unmarked(merged.text)
        conflicts = [
            Conflict(p.where.section, p.where.item, ", ".join(dict.fromkeys("/".join(r.path) for r in p.reasons if r.path)), p.words, line)
            for p, line in zip(merged.placed, lines, strict=True)
        ]
        return MergeResult(bom + text.encode("utf-8"), conflicts)
    wrong = _fault(merged.text, merged.value, path, limits, sides[1].doc, sides[2].doc)
    if wrong is not None:
        return _whole(ours, theirs, wrong)
    return MergeResult(bom + merged.text.encode("utf-8"), [])


def reads_as_content(raw: bytes, path: str, limits: Limits = Limits()) -> bool:
    """Whether `raw` reads as a content file: YAML whose top holds only content sections (not empty)."""
    if len(raw) > limits.max_file_bytes:
        return False
    doc, _ = read_yaml(raw, path, limits)
    return doc is not None and isinstance(doc.data, dict) and bool(doc.data) and set(doc.data) <= set(SECTIONS)


def _newline(text: str) -> str:
    counts = Counter(m.group() for m in BREAKS.finditer(text))
    return counts.most_common(1)[0][0] if counts else "\n"


def _unmarked(marked: str) -> tuple[str, list[int]]:
    """The text without the marks placed before each note, and the line each mark stood on."""
    text = marked.replace(PLACE_MARK, "")
    starts = line_starts(text)
    at, lines = -1, []
    for count in range(marked.count(PLACE_MARK)):
        at = marked.index(PLACE_MARK, at + 1)
        lines.append(bisect_right(starts, at - count))
    return text, lines


def _fault(text: str, meant: Any, path: str, limits: Limits, ours: YamlDocument, theirs: YamlDocument) -> str | None:
    """What is wrong with a merged text that has no conflict written in it; None if nothing is."""
    doc, problems = read_yaml(text.encode("utf-8"), path, limits)
    if doc is None:
        return f"the merged text does not read as YAML (line {problems[0].line}: {problems[0].message})" if problems else "the merged text cannot be read"
    if not _same(doc.data, meant):
        return "the merged text would not read as what both sides wrote"
    parser = FileParser(Path("."), limits, None)
    parsed, found = parser.validate(path, doc, b"", unwritten=True)
    if parsed is not None and not found:
        return None
    # A problem a side already had (an item one of them left broken) is not the merge's doing.
    had = {p.message for d in (ours, theirs) for p in parser.validate(path, d, b"", unwritten=True)[1]}
    new = [p for p in found if p.message not in had]
    if parsed is None or new:
        first = new[0] if new else found[0] if found else Problem(path, 1, 1, "it does not validate")
        return f"the merged file would not be valid (line {first.line}: {first.message})"
    return None


def _same(read: Any, meant: Any) -> bool:
    """Equal data, taking an empty list, an empty mapping and nothing (`quotes:`) as the same."""
    if read in (None, [], {}) and meant in (None, [], {}):
        return True
    if isinstance(read, dict) and isinstance(meant, dict):
        return read.keys() == meant.keys() and all(_same(read[k], meant[k]) for k in read)
    if isinstance(read, list) and isinstance(meant, list):
        return len(read) == len(meant) and all(_same(a, b) for a, b in zip(read, meant, strict=True))
    return bool(read == meant)


def _whole(ours: bytes, theirs: bytes, why: str) -> MergeResult:
    """The whole file as a conflict: ours' version and theirs', for when no narrower one is safe."""
    newline = b"\r\n" if ours.count(b"\r\n") * 2 > ours.count(b"\n") else b"\n"
    words = f"the whole file: {why}; keep one version and delete the other and these marker lines"
    words = "".join(c if c.isprintable() else " " for c in words)
    body_ours, body_theirs = ours.removeprefix(BOM), theirs.removeprefix(BOM)
    parts = [(NOTE + words).encode("utf-8"), OURS.encode()]
    text = newline.join(parts) + newline + _ended(body_ours, newline) + BETWEEN.encode() + newline
    text += _ended(body_theirs, newline) + THEIRS.encode() + newline
    return MergeResult(text, [Conflict("", "", "", words, 1)])


def _ended(body: bytes, newline: bytes) -> bytes:
    return body + newline if body and not body.endswith((b"\n", b"\r")) else body
