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

from dataclasses import dataclass, field
from typing import Any

import yaml

from tui.core.disk.limits import Limits
from tui.core.text.problems import Problem
from tui.core.yaml.build import LineCol, Path, _Abort, _Builder, _depth_message
from tui.core.yaml.conflicts import conflict_problems
from tui.core.yaml.lines import LOADER as _Loader
from tui.core.yaml.lines import ODD_BREAKS, TextLines
from tui.core.yaml.mistakes import explain
from tui.core.yaml.quick import Irregular, read_items
from tui.core.yaml.spans import SpanBuilder

# Limits lives in tui.core.disk.limits, Path and LineCol in build (shared with spans); all three are still imported from here.
__all__ = ["Limits", "Path", "LineCol", "YamlDocument", "decode", "read_yaml"]


@dataclass
class YamlDocument:
    """A parsed file: its data and where each piece of it stands."""

    data: Any
    value_at: dict[Path, LineCol] = field(default_factory=dict)
    """Where each value starts, by its path of keys and indexes (1-based line, column)."""
    key_at: dict[Path, LineCol] = field(default_factory=dict)
    """Where the key that names each mapping value stands."""
    value_end: dict[Path, LineCol] = field(default_factory=dict)
    """Where each value ends, just past its last character; filled by `read_yaml(..., spans=True)`.
    A block scalar (`>-`, `|`) ends at its last non-blank character, not after the line
    breaks it takes in; a block list or mapping ends where its last value ends."""
    span: dict[Path, tuple[int, int]] = field(default_factory=dict)
    """Each value as character offsets [start, end) into the decoded text (BOM removed),
    ending as `value_end` does: the text an edit replaces to change that value alone."""
    flow: set[Path] = field(default_factory=set)
    """The lists and mappings written in flow style, `[a, b]` or `{k: v}`."""
    cut_by_comment: list[tuple[Path, LineCol]] = field(default_factory=list)
    """Plain values cut short by a `#` that YAML reads as a comment, with where the `#` is."""
    items_only: bool = False
    """Whether `value_at` and `key_at` hold only the values two levels deep and the ids three deep
    (`read_yaml(..., items_only=True)` of a file that read without a problem)."""

    def position(self, path: Path, prefer_key: bool = False) -> LineCol:
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
    raw: bytes, path: str, limits: Limits = Limits(), spans: bool = False, items_only: bool = False,
) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse `raw` (the bytes of the file at store-relative `path`).

    Returns the document, or None with the problems that stopped it. With `spans`, the
    document also records where each value ends (for edits; the loader does without,
    since it costs about half as much time again). With `items_only`, a file that reads
    without a problem keeps only the positions a loaded file keeps (`doc.items_only`): of the
    values two levels deep (the sections and their items) and of the items' ids.
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
    conflicts = conflict_problems(text, path)
    if conflicts:
        # A merge left unresolved: said as such (and which item), not as the syntax error YAML
        # would find some lines further on.
        return None, conflicts
    lines = TextLines(text)
    if items_only:
        try:
            data, value_at, key_at = read_items(text, lines, limits)
        except Irregular:
            pass  # read below, with every position, to say what is wrong
        else:
            return YamlDocument(data, value_at, key_at, items_only=True), []
    builder = SpanBuilder(limits, lines) if spans else _Builder(limits, lines)
    handle = builder.handlers
    try:
        try:
            for event in yaml.parse(text, Loader=_Loader):
                handle[type(event)](event)
        finally:
            # The handlers are the builder's own bound methods: a cycle that would keep all it
            # built (every position) until the cyclic collector ran, which a load holds off.
            handle.clear()
    except _Abort as abort:
        return None, [Problem(path, abort.line, abort.column, abort.message)]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = lines.at_error(mark) if mark else (1, 1)
        message = _yaml_message(exc, lines, mark, limits)
        # A named invisible character is the better explanation; otherwise, a known mistake's.
        plain = explain(exc, lines) if message.startswith("YAML syntax") and "invisible" not in message else None
        if plain is not None:
            (line, column), words = plain
            # The advice quotes the file's own text: every character of it shown, none acting.
            words = "".join(c if c.isprintable() else f"<U+{ord(c):04X}>" for c in words)
            message = f"{words} (parser: {message.removeprefix('YAML syntax: ')})"
        return None, [Problem(path, line, column, message)]
    except yaml.YAMLError as exc:
        line, column = _reader_position(exc, lines)
        return None, [Problem(path, line, column, _reader_message(exc))]
    doc = YamlDocument(builder.result, builder.value_at, builder.key_at, cut_by_comment=builder.cut_by_comment)
    if isinstance(builder, SpanBuilder):
        doc.value_end, doc.span, doc.flow = builder.value_end, builder.span, builder.flow
    return doc, []


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


def _reader_position(exc: yaml.YAMLError, lines: TextLines) -> LineCol:
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
