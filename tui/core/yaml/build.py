"""The reader's builder: parser events to plain data, within the limits, noting where each value stands.

Shared by `reader` (which runs it) and `spans` (which extends it); it imports
neither, so the dependency runs one way: reader -> spans -> build.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import Any

import yaml

from tui.core.disk.limits import Limits
from tui.core.text.safe_text import shown
from tui.core.yaml.lines import LineCol, TextLines, end_of, start_of

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_YAML_TAG = "tag:yaml.org,2002:"
_CORE_TAGS = {
    "!",
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}

Path = tuple[str | int, ...]

def _lines_near_hash(lines: TextLines) -> frozenset[int] | None:
    """The 0-based lines on which a plain value must end for `_check_cut` to find a `#` after
    it: each line that holds a `#` able to start a comment (first on its line, or after a blank)
    and the line above it. None (look at every value) where the text breaks lines otherwise than
    with LF, so that the parser's line numbers are not those of LF alone."""
    text = lines.text
    if lines.starts is not None or "\r" in text:
        return None
    near: set[int] = set()
    line = last = 0
    at = text.find("#")
    while at != -1:
        if at and text[at - 1] in " \t\n":
            line += text.count("\n", last, at)
            last = at
            near.update((line - 1, line))
        at = text.find("#", at + 1)
    return frozenset(near)


class _Abort(Exception):
    def __init__(self, line: int, column: int, message: str) -> None:
        self.line, self.column, self.message = line, column, message


def _depth_message(limits: Limits) -> str:
    return f"nested more than {limits.max_depth} levels deep, the limit for one file; flatten the structure"


def misplaced_item(lines: list[str], first: LineCol, again: LineCol) -> tuple[LineCol, LineCol] | None:
    """A key set twice in one mapping may be a list item typed at the wrong depth between the two:
    the item that holds the first (`- id: …` at some column) has a sibling that starts the same way
    further down at another column. Its line and column, and the good item's line and dash column."""
    head_line = next((n for n in range(first[0], 0, -1) if lines[n - 1].lstrip(" ").startswith("- ")
                      and len(lines[n - 1]) - len(lines[n - 1].lstrip(" ")) < first[1] - 1), None)
    if head_line is None:
        return None
    head = lines[head_line - 1]
    dash = len(head) - len(head.lstrip(" "))
    start = head.lstrip(" ").split(":", 1)[0] + ":" if ":" in head else None
    if start is None:
        return None
    for number in range(first[0] + 1, again[0]):
        text = lines[number - 1]
        body = text.lstrip(" ")
        column = len(text) - len(body)
        if body.startswith(start) and column != dash:
            return (number, column + 1), (head_line, dash + 1)
    return None


class _Frame:
    """A mapping or list being built, with what it needs to place its children."""

    __slots__ = ("container", "path", "pending_key", "key_pos", "seen", "index")

    def __init__(self, container: dict[str, Any] | list[Any], path: Path) -> None:
        self.container = container
        self.path = path
        self.pending_key: str | None = None
        self.key_pos: LineCol = (1, 1)
        self.seen: dict[str, LineCol] = {}
        self.index = 0


def _as_written(tag: str) -> str:
    """A tag as the editor wrote it: YAML's own prefix is written '!!'."""
    return "!!" + tag.removeprefix(_YAML_TAG) if tag.startswith(_YAML_TAG) else tag


def _ignore(event: yaml.Event) -> None:
    """Stream and document ends, which build nothing."""


class _Builder:
    """Turns parser events into plain data, iteratively, within the limits."""

    def __init__(self, limits: Limits, lines: TextLines) -> None:
        self.limits = limits
        self.lines = lines
        self.at = lines.at_mark
        self.plain_lines = lines.starts is None
        self.stack: list[_Frame] = []
        self.result: Any = None
        self.value_at: dict[Path, LineCol] = {}
        self.key_at: dict[Path, LineCol] = {}
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.anchor_open: list[tuple[str, int, _Frame]] = []
        self.values = 0
        self.documents = 0
        self.cut_by_comment: list[tuple[Path, LineCol]] = []
        """Plain values the rest of whose line (or the next line) YAML reads as a comment:
        what was typed is not what is read. The loader reports those in text fields."""
        self._hashes = "#" in lines.text
        self._near_hash = _lines_near_hash(lines) if self._hashes else frozenset()
        """The lines (as the parser counts them) on which a plain value may end that a `#` cuts
        short; None when every plain value must be looked at."""
        self.handlers: dict[type, Callable[[Any], None]] = defaultdict(lambda: _ignore)
        self.handlers |= {
            yaml.DocumentStartEvent: self._document,
            yaml.ScalarEvent: self._scalar,
            yaml.AliasEvent: self._alias,
            yaml.MappingStartEvent: self._start,
            yaml.SequenceStartEvent: self._start,
            yaml.MappingEndEvent: self._end,
            yaml.SequenceEndEvent: self._end,
        }

    def _count(self, n: int, pos: LineCol) -> None:
        self.values += n
        if self.values > self.limits.max_values:
            raise _Abort(
                *pos,
                f"more than {self.limits.max_values:,} values in one file, the limit (anchors and "
                "aliases count each time they are used); split the file or raise --max-values",
            )

    def _duplicate(self, key: str, first: LineCol, pos: LineCol) -> None:
        misplaced = misplaced_item(self.lines.text.splitlines(), first, pos)
        if misplaced is not None:
            # Not two values for one field: a list item between them is at the wrong depth, so
            # the fields after it run on into the item above. Deleting a field would lose data.
            (line, column), (item_line, dash) = misplaced
            raise _Abort(line, column, (
                f"line {line}: this list item ('- ') is at the wrong depth (column {column}), so the fields below it "
                f"run on into the item above; line its '-' up with the item at line {item_line} (column {dash})"
            ))
        where = f"line {first[0]}" + (f", column {first[1]}" if first[0] == pos[0] else "")
        raise _Abort(*pos, f"duplicate key {shown(key)}: already set at {where}; keep one of them")

    def _check_tag(self, tag: str | None, pos: LineCol) -> None:
        if tag is not None and tag not in _CORE_TAGS:
            raise _Abort(
                *pos,
                f"tag {shown(_as_written(tag))} is not allowed: content is plain text, lists and mappings, "
                "never program objects or other types; remove the tag",
            )

    def feed(self, event: yaml.Event) -> None:
        self.handlers[type(event)](event)

    def _document(self, event: yaml.Event) -> None:
        self.documents += 1
        if self.documents > 1:
            raise _Abort(*self.at(start_of(event)), "expected one YAML document per file; found a second '---'")

    def _scalar(self, event: yaml.ScalarEvent) -> None:
        # The hot path (most events are scalars), kept inline: a 200,000-value file must
        # be refused well within a second.
        mark = start_of(event)
        pos = (mark.line + 1, mark.column + 1) if self.plain_lines else self.at(mark)
        if event.tag is not None:
            self._check_tag(event.tag, pos)
        value: str | None = event.value
        if not event.style and value in _NULLS and event.implicit[0]:
            value = None
            if self.lines.at_end(mark):  # an empty value the file ends on
                pos = self.lines.at_error(mark)
        self.values += 1
        if self.values > self.limits.max_values:
            self._count(0, pos)
        frame = self.stack[-1] if self.stack else None
        near = self._near_hash
        if frame is None or isinstance(frame.container, list):
            path = self._place(value, pos, is_scalar=True)
            if not event.style and value is not None and (near is None or end_of(event).line in near):
                self._check_cut(path, end_of(event).index, pos[1])
        elif frame.pending_key is None:
            key = "" if value is None else value
            if key in frame.seen:
                self._duplicate(key, frame.seen[key], pos)
            frame.seen[key] = frame.key_pos = pos
            frame.pending_key = key
        else:
            key = frame.pending_key
            frame.pending_key = None
            path = frame.path + (key,)
            frame.container[key] = value
            self.value_at[path] = pos
            self.key_at[path] = frame.key_pos
            if not event.style and value is not None and (near is None or end_of(event).line in near):
                self._check_cut(path, end_of(event).index, frame.key_pos[1])
        if event.anchor:
            self.anchors[event.anchor] = (value, 1)

    def _check_cut(self, path: Path, end: int, column: int) -> None:
        """Note a plain value that a `#` on its line, or a deeper line starting with `#`, cut short.

        On the value's own line any `#` counts (the loader reports it only in text fields,
        where a note cannot be told from a cut quote); on the line below, only a `#` that
        starts a word ("#1 priority"), not a note at the value's depth ("# see above")."""
        text = self.lines.text
        stop = text.find("\n", end)
        stop = len(text) if stop == -1 else stop
        rest = text[end:stop].rstrip("\r")
        tail = rest.lstrip(" \t")
        if rest[:1] in (" ", "\t") and tail.startswith("#"):
            self.cut_by_comment.append((path, self.lines.at_index(end + len(rest) - len(tail))))
            return
        if rest.strip() or stop >= len(text):
            return
        next_stop = text.find("\n", stop + 1)
        line = text[stop + 1 : len(text) if next_stop == -1 else next_stop].rstrip("\r")
        body = line.lstrip(" \t")
        # Deeper than the key, and a word ("#1"), not a note ("# see above"): meant as text.
        if body.startswith("#") and body[1:2] not in ("", " ", "\t") and len(line) - len(body) >= column:
            self.cut_by_comment.append((path, self.lines.at_index(stop + 1 + len(line) - len(body))))

    def _alias(self, event: yaml.AliasEvent) -> None:
        pos = self.at(start_of(event))
        if event.anchor not in self.anchors:
            raise _Abort(*pos, f"alias *{event.anchor} refers to an anchor that is not defined before it")
        value, size = self.anchors[event.anchor]
        self._count(size, pos)
        self._place(value, pos, is_scalar=not isinstance(value, (dict, list)))

    def _start(self, event: yaml.CollectionStartEvent) -> None:
        pos = self.at(start_of(event))
        self._check_tag(event.tag, pos)
        if len(self.stack) >= self.limits.max_depth:
            raise _Abort(*pos, _depth_message(self.limits))
        self._count(1, pos)
        container: dict[str, Any] | list[Any] = {} if type(event) is yaml.MappingStartEvent else []
        path = self._place(container, pos, is_scalar=False)
        frame = _Frame(container, path)
        self.stack.append(frame)
        if event.anchor:
            self.anchor_open.append((event.anchor, self.values, frame))

    def _end(self, event: yaml.Event) -> None:
        frame = self.stack.pop()
        if self.anchor_open and self.anchor_open[-1][2] is frame:
            anchor, start, _ = self.anchor_open.pop()
            self.anchors[anchor] = (frame.container, self.values - start + 1)

    def _place(self, value: Any, pos: LineCol, is_scalar: bool) -> Path:
        """Put a new value into the container being built; returns its path."""
        if not self.stack:
            self.result = value
            self.value_at[()] = pos
            return ()
        frame = self.stack[-1]
        container = frame.container
        if isinstance(container, list):
            path = frame.path + (frame.index,)
            frame.index += 1
            container.append(value)
            self.value_at[path] = pos
            return path
        if frame.pending_key is None:
            if not is_scalar or isinstance(value, (dict, list)):
                raise _Abort(*pos, "a key must be plain text, not a list or mapping")
            key = "" if value is None else value
            if key in frame.seen:
                self._duplicate(key, frame.seen[key], pos)
            frame.seen[key] = pos
            frame.pending_key = key
            frame.key_pos = pos
            return frame.path
        key = frame.pending_key
        frame.pending_key = None
        path = frame.path + (key,)
        container[key] = value
        self.value_at[path] = pos
        self.key_at[path] = frame.key_pos
        return path

