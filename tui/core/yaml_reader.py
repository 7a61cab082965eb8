"""Read one YAML file into plain data plus the line and column of every value.

Built on PyYAML's event stream from the safe C parser (libyaml keeps its own heap
stack, so deep nesting cannot overflow Python's), with our own construction on top:

- every scalar stays the text the editor wrote (YAML 1.1 would read `NO` as false,
  `0012` as 10, `12:30` as 750); only an empty value or `null`/`~` becomes None, and
  the content model parses dates and other types itself with a clear message;
- a duplicate key is an error naming both lines, never a silent overwrite;
- tags other than YAML's own core ones (`!!python/object`, `!custom`) are refused;
- nesting depth, file size and the values reachable through anchors and aliases are
  bounded, so a 500-byte alias bomb is refused at once instead of expanding;
- lines and columns are counted as an editor shows them (in characters, with only
  CR/LF breaking lines), and values quoted in messages are cut short and made visible.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import yaml

from tui.core.problems import Problem
from tui.core.safe_text import shown
from tui.core.yaml_lines import LOADER as _Loader
from tui.core.yaml_lines import ODD_BREAKS, TextLines


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
Position = tuple[int, int]


@dataclass(frozen=True)
class Limits:
    """Bounds that keep a hostile or mistaken file from hanging the app or eating memory."""

    max_file_bytes: int = 5 * 1024 * 1024
    """A file larger than this is refused before it is parsed."""
    max_values: int = 200_000
    """Values in one file, counting each alias as the values it stands for."""
    max_depth: int = 40
    """How deeply mappings and lists may nest."""


@dataclass
class YamlDocument:
    """A parsed file: its data and where each piece of it stands."""

    data: Any
    value_at: dict[Path, Position] = field(default_factory=dict)
    """Where each value starts, by its path of keys and indexes (1-based line, column)."""
    key_at: dict[Path, Position] = field(default_factory=dict)
    """Where the key that names each mapping value stands."""
    value_end: dict[Path, Position] = field(default_factory=dict)
    """Where each value ends, just past its last character; filled by `read_yaml(..., spans=True)`.
    A block scalar (`>-`, `|`) ends at its last non-blank character, not after the line
    breaks it takes in; a block list or mapping ends where its last value ends."""
    span: dict[Path, tuple[int, int]] = field(default_factory=dict)
    """Each value as character offsets [start, end) into the decoded text (BOM removed),
    ending as `value_end` does: the text an edit replaces to change that value alone."""
    flow: set[Path] = field(default_factory=set)
    """The lists and mappings written in flow style, `[a, b]` or `{k: v}`."""

    def position(self, path: Path, prefer_key: bool = False) -> Position:
        """The position of `path`, or of its nearest ancestor that has one."""
        path = tuple(path)
        while True:
            if prefer_key and path in self.key_at:
                return self.key_at[path]
            if path in self.value_at:
                return self.value_at[path]
            if not path:
                return (1, 1)
            path = path[:-1]


class _Abort(Exception):
    def __init__(self, line: int, column: int, message: str) -> None:
        self.line, self.column, self.message = line, column, message


def _size_text(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB" if size >= 1024 * 1024 else f"{size:,} bytes"


def decode(raw: bytes, path: str) -> tuple[str | None, list[Problem]]:
    """Decode UTF-8 (with or without a BOM), pointing at the first byte that isn't."""
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        body = exc.object  # the bytes after the BOM, which exc.start counts in
        before = body[: exc.start].decode("utf-8")  # all valid: the error is at the first bad byte
        line, column = TextLines(before).at_index(len(before))
        bad = body[exc.start : exc.start + 1].hex()
        return None, [
            Problem(path, line, column, f"byte 0x{bad} is not UTF-8; save the file as UTF-8")
        ]


def read_yaml(
    raw: bytes, path: str, limits: Limits = Limits(), spans: bool = False
) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse `raw` (the bytes of the file at store-relative `path`).

    Returns the document, or None with the problems that stopped it. With `spans`, the
    document also records where each value ends (for edits; the loader does without,
    since it costs about half as much time again).
    """
    if len(raw) > limits.max_file_bytes:
        return None, [
            Problem(
                path,
                1,
                1,
                f"file is {_size_text(len(raw))}, over the {_size_text(limits.max_file_bytes)} "
                "limit; split it into several files (e.g. one per day) or raise --max-file-mb",
            )
        ]
    text, problems = decode(raw, path)
    if text is None:
        return None, problems
    lines = TextLines(text)
    if spans:
        from tui.core.yaml_spans import SpanBuilder  # here: it builds on this module

        builder: _Builder = SpanBuilder(limits, lines)
    else:
        builder = _Builder(limits, lines)
    handle = builder.handlers
    try:
        for event in yaml.parse(text, Loader=_Loader):
            handle[type(event)](event)
    except _Abort as abort:
        return None, [Problem(path, abort.line, abort.column, abort.message)]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = lines.at_error(mark) if mark else (1, 1)
        return None, [Problem(path, line, column, _yaml_message(exc, lines, mark, limits))]
    except yaml.YAMLError as exc:
        line, column = _reader_position(exc, lines)
        return None, [Problem(path, line, column, _reader_message(exc))]
    doc = YamlDocument(builder.result, builder.value_at, builder.key_at)
    if spans:
        doc.value_end, doc.span, doc.flow = builder.value_end, builder.span, builder.flow  # type: ignore[attr-defined]
    return doc, []


def _depth_message(limits: Limits) -> str:
    return f"nested more than {limits.max_depth} levels deep, the limit for one file; flatten the structure"


def _yaml_message(exc: yaml.MarkedYAMLError, lines: TextLines, mark: Any, limits: Limits) -> str:
    if "maximum nesting depth" in (exc.problem or ""):
        # libyaml's own bound (1,000 levels), met first when its look-ahead reads far ahead
        return _depth_message(limits)
    parts = [p for p in (exc.context, exc.problem) if p]
    message = "YAML syntax: " + ", ".join(parts) if parts else "YAML syntax error"
    text = lines.text
    index = getattr(mark, "index", None)
    if isinstance(index, int) and 0 <= index < len(text) and text[index] == "\t":
        return message + " (a tab: indent with spaces)"
    if lines.starts is not None and isinstance(index, int):
        # An odd line break on the error's line or the one before is the likely cause.
        odd = [m for m in ODD_BREAKS.finditer(text, 0, index + 1)][-1:]
        if odd and lines.at_index(odd[0].start())[0] >= lines.at_index(min(index, lines.end))[0] - 1:
            line, column = lines.at_index(odd[0].start())
            return message + (
                f" (line {line}, column {column} holds the invisible character U+{ord(odd[0].group()):04X}, "
                "which YAML reads as a line break: delete it, or put the text in quotes)"
            )
    if "end of stream" in message:
        return message.replace("end of stream", "end of the file") + " (is it cut short?)"
    if lines.at_end(mark):
        return message + " before the end of the file (is it cut short?)"
    return message


def _reader_position(exc: yaml.YAMLError, lines: TextLines) -> Position:
    position = getattr(exc, "position", None)
    if not isinstance(position, int):
        return (1, 1)
    return lines.at_offset(position)


def _reader_message(exc: yaml.YAMLError) -> str:
    character = getattr(exc, "character", None)
    if isinstance(character, str):
        return f"character U+{ord(character):04X} is not allowed in YAML; remove it"
    if isinstance(character, int):
        return f"character U+{character:04X} is not allowed in YAML; remove it"
    return "YAML cannot be read: " + " ".join(str(exc).split())


class _Frame:
    """A mapping or list being built, with what it needs to place its children."""

    __slots__ = ("container", "is_list", "path", "pending_key", "key_pos", "seen", "index")

    def __init__(self, container: dict | list, path: Path) -> None:
        self.container = container
        self.is_list = isinstance(container, list)
        self.path = path
        self.pending_key: str | None = None
        self.key_pos: Position = (1, 1)
        self.seen: dict[str, Position] = {}
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
        self.value_at: dict[Path, Position] = {}
        self.key_at: dict[Path, Position] = {}
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.anchor_open: list[tuple[str, int, _Frame]] = []
        self.values = 0
        self.documents = 0
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

    def _count(self, n: int, pos: Position) -> None:
        self.values += n
        if self.values > self.limits.max_values:
            raise _Abort(
                *pos,
                f"more than {self.limits.max_values:,} values in one file, the limit (anchors and "
                "aliases count each time they are used); split the file or raise --max-values",
            )

    def _duplicate(self, key: str, first: Position, pos: Position) -> None:
        where = f"line {first[0]}" + (f", column {first[1]}" if first[0] == pos[0] else "")
        raise _Abort(*pos, f"duplicate key {shown(key)}: already set at {where}; keep one of them")

    def _check_tag(self, tag: str | None, pos: Position) -> None:
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
            raise _Abort(*self.at(event.start_mark), "expected one YAML document per file; found a second '---'")

    def _scalar(self, event: yaml.ScalarEvent) -> None:
        # The hot path (most events are scalars), kept inline: a 200,000-value file must
        # be refused well within a second.
        mark = event.start_mark
        pos = (mark.line + 1, mark.column + 1) if self.plain_lines else self.at(mark)
        if event.tag is not None:
            self._check_tag(event.tag, pos)
        value = event.value
        if not event.style and value in _NULLS and event.implicit[0]:
            value = None
            if self.lines.at_end(mark):  # an empty value the file ends on
                pos = self.lines.at_error(mark)
        self.values += 1
        if self.values > self.limits.max_values:
            self._count(0, pos)
        frame = self.stack[-1] if self.stack else None
        if frame is None or frame.is_list:
            self._place(value, pos, is_scalar=True)
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
            frame.container[key] = value  # type: ignore[index]
            self.value_at[path] = pos
            self.key_at[path] = frame.key_pos
        if event.anchor:
            self.anchors[event.anchor] = (value, 1)

    def _alias(self, event: yaml.AliasEvent) -> None:
        pos = self.at(event.start_mark)
        if event.anchor not in self.anchors:
            raise _Abort(*pos, f"alias *{event.anchor} refers to an anchor that is not defined before it")
        value, size = self.anchors[event.anchor]
        self._count(size, pos)
        self._place(value, pos, is_scalar=not isinstance(value, (dict, list)))

    def _start(self, event: yaml.CollectionStartEvent) -> None:
        pos = self.at(event.start_mark)
        self._check_tag(event.tag, pos)
        if len(self.stack) >= self.limits.max_depth:
            raise _Abort(*pos, _depth_message(self.limits))
        self._count(1, pos)
        container: dict | list = {} if type(event) is yaml.MappingStartEvent else []
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

    def _place(self, value: Any, pos: Position, is_scalar: bool) -> Path:
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
