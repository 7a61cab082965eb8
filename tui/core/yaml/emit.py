"""YAML text for new entries, written as editors write them: block style, quoted only when needed."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import TypeAlias, TypeGuard, cast

import yaml

_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_FLOW_SPECIAL = frozenset(",[]{}")
# Categories never written as themselves: controls, invisible format characters (zero
# width, bidi overrides, BOM), line and paragraph separators, and unassigned code points.
_ESCAPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
_NAMED_ESCAPES = {
    "\\": "\\\\", '"': '\\"', "\0": "\\0", "\a": "\\a", "\b": "\\b", "\t": "\\t", "\n": "\\n",
    "\v": "\\v", "\f": "\\f", "\r": "\\r", "\x1b": "\\e", "\x85": "\\N", "\u2028": "\\L", "\u2029": "\\P",
}
# Plain words other YAML readers turn into something that is not text: YAML 1.1's short
# booleans (PyYAML knows only the long ones) and YAML 1.2's numbers.
_OTHER_READERS = re.compile(
    r"^(?:[yYnN]|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
)
# Where long text may be folded: at a single space between two visible characters.
_FOLD_POINT = re.compile(r"(?<=\S) (?=\S)")


class Plain(str):
    """Text written exactly as it is, never quoted: a date in ISO form, say."""


Value: TypeAlias = str | list[str] | list["Fields"]
Fields: TypeAlias = list[tuple[str, Value]]
"""An entry's fields in order; a value is a text, a list of texts or a list of entries."""


@dataclass(frozen=True)
class Style:
    """How a file lays out its entries, so that a new one looks like its neighbours."""

    seq_indent: int = 2
    """Columns from a key to the dash of the list under it (0: the dash under the key)."""
    map_indent: int = 2
    """Columns from a list item's dash to its first key."""
    step: int = 2
    """Columns by which long text under a key is indented."""
    flow_lists: bool = False
    """Write short lists as `[a, b]`."""
    newline: str = "\n"
    width: int = 90
    """Longer lines of text are folded with `>-`, as the shipped files are."""


def _escaped(char: str) -> bool:
    return unicodedata.category(char) in _ESCAPED_CATEGORIES


def double_quoted(text: str) -> str:
    """`text` as a double-quoted YAML scalar that reads back as exactly the same text."""
    out = []
    for char in text:
        if char in _NAMED_ESCAPES:
            out.append(_NAMED_ESCAPES[char])
        elif _escaped(char):
            code = ord(char)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def needs_quotes(text: str, flow: bool = False) -> bool:
    """Whether `text` written plain would read back as something else, here or in other tools."""
    if not text or text[0] in _INDICATORS or text != text.strip(" "):
        return True
    if ": " in text or " #" in text or text.endswith(":") or any(_escaped(c) for c in text):
        return True
    if flow and any(c in _FLOW_SPECIAL for c in text):
        return True
    if _OTHER_READERS.match(text):
        return True
    try:  # YAML 1.1 as PyYAML reads it: null, booleans, numbers, dates, `=`
        loaded: object = yaml.safe_load(text)
        return loaded != text
    except yaml.YAMLError:
        return True


def scalar(text: str, flow: bool = False) -> str:
    """`text` as a YAML scalar: plain where that reads back the same, else double-quoted."""
    if isinstance(text, Plain):
        return str(text)
    return double_quoted(text) if needs_quotes(text, flow) else text


def _folded(text: str, col: int, style: Style) -> list[str] | None:
    """`text` as the lines of a `>-` block at `col`, or None if folding would change it."""
    if isinstance(text, Plain) or not text or text != text.strip(" ") or any(_escaped(c) for c in text):
        return None
    room = max(style.width - col, 20)
    lines: list[str] = []
    for chunk in _FOLD_POINT.split(text):
        if lines and len(lines[-1]) + 1 + len(chunk) <= room:
            lines[-1] += " " + chunk
        else:
            lines.append(chunk)
    return [" " * col + line for line in lines]


def _entries(value: list[str] | list[Fields]) -> TypeGuard[list[Fields]]:
    """Whether a list value holds entries (mappings) rather than texts."""
    return bool(value) and isinstance(value[0], list)


def value_lines(key: str, value: Value, col: int, style: Style) -> list[str]:
    """`key: value` at column `col` (0-based), as lines without line breaks."""
    head = " " * col + key + ":"
    if isinstance(value, list) and _entries(value):
        return [head] + [line for entry in value for line in item_lines(entry, col + style.seq_indent, style)]
    if isinstance(value, list):
        # A list holds entries or texts, never both: its first item told which (see `_entries`).
        texts = cast("list[str]", value)
        flat = "[" + ", ".join(scalar(v, flow=True) for v in texts) + "]"
        if style.flow_lists and len(head) + 1 + len(flat) <= style.width:
            return [f"{head} {flat}"]
        dash = " " * (col + style.seq_indent) + "- "
        return [head] + [dash + scalar(v) for v in texts]
    written = scalar(value)
    if len(head) + 1 + len(written) > style.width:
        folded = _folded(value, col + style.step, style)
        if folded:
            return [head + " >-"] + folded
    return [f"{head} {written}"]


def mapping_lines(fields: Fields, col: int, style: Style) -> list[str]:
    """A block mapping whose keys stand at column `col`."""
    return [line for key, value in fields for line in value_lines(key, value, col, style)]


def item_lines(fields: Fields, dash_col: int, style: Style) -> list[str]:
    """A list item `- key: value ...` whose dash stands at column `dash_col`."""
    col = dash_col + style.map_indent
    lines = mapping_lines(fields, col, style)
    lines[0] = " " * dash_col + "-" + " " * (style.map_indent - 1) + lines[0][col:]
    return lines


def flow_value(value: Value) -> str:
    """A value as flow style writes it: `text`, `[a, b]`, `[{k: v}]`."""
    if isinstance(value, list):
        return "[" + ", ".join(flow_mapping(v) if isinstance(v, list) else scalar(v, flow=True) for v in value) + "]"
    return scalar(value, flow=True)


def flow_mapping(fields: Fields) -> str:
    """A mapping on one line, `{key: value, list: [a, b]}`, for a file written in flow style."""
    return "{" + ", ".join(f"{key}: {flow_value(value)}" for key, value in fields) + "}"
