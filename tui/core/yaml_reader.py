"""Read one YAML file into plain data plus the line and column of every value.

Built on PyYAML's event stream from the safe C parser (libyaml keeps its own heap
stack, so deep nesting cannot overflow Python's), with our own construction on top:

- every scalar stays the text the editor wrote (YAML 1.1 would read `NO` as false,
  `0012` as 10, `12:30` as 750); only an empty value or `null`/`~` becomes None, and
  the content model parses dates and other types itself with a clear message;
- a duplicate key is an error naming both lines, never a silent overwrite;
- tags other than YAML's own core ones (`!!python/object`, `!custom`) are refused;
- nesting depth, file size and the values reachable through anchors and aliases are
  bounded, so a 500-byte alias bomb is refused at once instead of expanding.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from tui.core.problems import Problem

# The C parser where PyYAML was built with libyaml; both are safe: they only parse.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
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


def _pos(mark: Any) -> Position:
    return (mark.line + 1, mark.column + 1)


def _size_text(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB" if size >= 1024 * 1024 else f"{size:,} bytes"


def decode(raw: bytes, path: str) -> tuple[str | None, list[Problem]]:
    """Decode UTF-8 (with or without a BOM), pointing at the first byte that isn't."""
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        bad = raw[exc.start : exc.start + 1].hex()
        return None, [
            Problem(path, line, column, f"byte 0x{bad} is not UTF-8; save the file as UTF-8")
        ]


def read_yaml(raw: bytes, path: str, limits: Limits = Limits()) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse `raw` (the bytes of the file at store-relative `path`).

    Returns the document, or None with the problems that stopped it.
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
    builder = _Builder(limits)
    try:
        for event in yaml.parse(text, Loader=_Loader):
            builder.feed(event)
    except _Abort as abort:
        return None, [Problem(path, abort.line, abort.column, abort.message)]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = _pos(mark) if mark else (1, 1)
        return None, [Problem(path, line, column, _yaml_message(exc, text, mark))]
    except yaml.YAMLError as exc:
        line, column = _reader_position(exc, text)
        return None, [Problem(path, line, column, _reader_message(exc))]
    return YamlDocument(builder.result, builder.value_at, builder.key_at), []


def _yaml_message(exc: yaml.MarkedYAMLError, text: str, mark: Any) -> str:
    parts = [p for p in (exc.context, exc.problem) if p]
    message = "YAML syntax: " + ", ".join(parts) if parts else "YAML syntax error"
    index = getattr(mark, "index", None)
    if isinstance(index, int) and 0 <= index < len(text) and text[index] == "\t":
        message += " (a tab: indent with spaces)"
    return message


def _reader_position(exc: yaml.YAMLError, text: str) -> Position:
    position = getattr(exc, "position", None)
    if not isinstance(position, int):
        return (1, 1)
    line = text.count("\n", 0, position) + 1
    return (line, position - (text.rfind("\n", 0, position) + 1) + 1)


def _reader_message(exc: yaml.YAMLError) -> str:
    character = getattr(exc, "character", None)
    if isinstance(character, str):
        return f"character U+{ord(character):04X} is not allowed in YAML; remove it"
    if isinstance(character, int):
        return f"character U+{character:04X} is not allowed in YAML; remove it"
    return f"YAML cannot be read: {exc}"


class _Frame:
    """A mapping or list being built, with what it needs to place its children."""

    __slots__ = ("container", "path", "pending_key", "key_pos", "seen", "index")

    def __init__(self, container: dict | list, path: Path) -> None:
        self.container = container
        self.path = path
        self.pending_key: str | None = None
        self.key_pos: Position = (1, 1)
        self.seen: dict[str, Position] = {}
        self.index = 0


class _Builder:
    """Turns parser events into plain data, iteratively, within the limits."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.stack: list[_Frame] = []
        self.result: Any = None
        self.value_at: dict[Path, Position] = {}
        self.key_at: dict[Path, Position] = {}
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.anchor_open: list[tuple[str, int, _Frame]] = []
        self.values = 0
        self.documents = 0

    def _count(self, n: int, pos: Position) -> None:
        self.values += n
        if self.values > self.limits.max_values:
            raise _Abort(
                *pos,
                f"more than {self.limits.max_values:,} values in one file (anchors and aliases "
                "count each time they are used); split the file or raise --max-values",
            )

    def _check_tag(self, tag: str | None, pos: Position) -> None:
        if tag is not None and tag not in _CORE_TAGS:
            raise _Abort(*pos, f"tag {tag!r} is not allowed; content is plain text, lists and mappings")

    def feed(self, event: yaml.Event) -> None:
        pos = _pos(event.start_mark)
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                raise _Abort(*pos, "expected one YAML document per file; found a second '---'")
        elif isinstance(event, yaml.ScalarEvent):
            self._check_tag(event.tag, pos)
            plain = not event.style and event.implicit[0]
            value = None if plain and _NULL.match(event.value) else event.value
            self._count(1, pos)
            self._place(value, pos, is_scalar=True)
            if event.anchor:
                self.anchors[event.anchor] = (value, 1)
        elif isinstance(event, yaml.AliasEvent):
            if event.anchor not in self.anchors:
                raise _Abort(*pos, f"alias *{event.anchor} refers to an anchor that is not defined before it")
            value, size = self.anchors[event.anchor]
            self._count(size, pos)
            self._place(value, pos, is_scalar=not isinstance(value, (dict, list)))
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            self._check_tag(event.tag, pos)
            if len(self.stack) >= self.limits.max_depth:
                raise _Abort(*pos, f"nested more than {self.limits.max_depth} levels deep; flatten the structure")
            self._count(1, pos)
            container: dict | list = {} if isinstance(event, yaml.MappingStartEvent) else []
            path = self._place(container, pos, is_scalar=False)
            frame = _Frame(container, path)
            self.stack.append(frame)
            if event.anchor:
                self.anchor_open.append((event.anchor, self.values, frame))
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
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
                first = frame.seen[key]
                raise _Abort(*pos, f"duplicate key {key!r}: already set at line {first[0]}; keep one of them")
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
