"""Changes to a YAML file's text at the places its parse recorded, leaving every other byte alone."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from tui.core.yaml.emit import Fields, Plain, Style, Value, _escaped, flow_mapping, flow_value, item_lines, mapping_lines, scalar, value_lines
from tui.core.yaml.lines import BREAKS, line_starts
from tui.core.yaml.reader import LineCol, Path, YamlDocument


@dataclass(frozen=True)
class Splice:
    """Replace text[start:end] with `text` (an insertion when start == end)."""

    start: int
    end: int
    text: str


def apply(text: str, splices: list[Splice]) -> str:
    """The text with every splice made; splices must not overlap."""
    out, at = [], 0
    for splice in sorted(splices, key=lambda s: (s.start, s.end)):
        if splice.start < at:
            raise ValueError("overlapping splices")
        out += [text[at : splice.start], splice.text]
        at = splice.end
    return "".join(out) + text[at:]


def moved(old: str, new: str, splices: list[Splice]) -> Callable[[int, int], LineCol | None]:
    """A function taking a (line, column) of `old` to where that character stands in `new`.

    It returns None for a character the splices replaced.
    """
    old_starts, new_starts = line_starts(old), line_starts(new)
    ordered = sorted(splices, key=lambda s: s.start)

    def where(line: int, column: int) -> LineCol | None:
        if not 1 <= line <= len(old_starts):
            return (line, column)
        index = old_starts[line - 1] + column - 1
        shift = 0
        for splice in ordered:
            if splice.start <= index < splice.end:
                return None
            if splice.end <= index:
                shift += len(splice.text) - (splice.end - splice.start)
        index += shift
        row = bisect_right(new_starts, index) - 1
        return (row + 1, index - new_starts[row] + 1)

    return where


class FileText:
    """One file's text and its parse (read with spans), with what edits need to know of both."""

    def __init__(self, text: str, doc: YamlDocument) -> None:
        self.text = text
        self.doc = doc
        self.data: Any = doc.data if doc.data is not None else {}
        self.starts = line_starts(text)
        self.newline = self._newline()
        self.style = self._style()

    # -- measuring ---------------------------------------------------------------------------

    def _newline(self) -> str:
        counts = Counter(m.group() for m in BREAKS.finditer(self.text))
        return counts.most_common(1)[0][0] if counts else "\n"

    def offset(self, position: LineCol) -> int:
        line, column = position
        return self.starts[line - 1] + column - 1

    def line_end(self, index: int) -> int:
        """Where the line holding `index` ends, before its line break."""
        found = BREAKS.search(self.text, index)
        return found.start() if found else len(self.text)

    def line_start(self, index: int) -> int:
        return self.starts[bisect_right(self.starts, index) - 1]

    def _lists(self) -> list[Path]:
        return [p for p in self.doc.span if p and isinstance(self.get(p), list) and p in self.doc.key_at]

    def _style(self) -> Style:
        """Indentation and list style as the file's own lists have them; the shipped style if none."""
        lists = self._lists()
        block = [p for p in lists if p not in self.doc.flow and self.get(p)]
        nested = [p for p in lists if len(p) >= 3 and all(isinstance(v, str) for v in self.get(p))]
        seq = Counter(self.doc.value_at[p][1] - self.doc.key_at[p][1] for p in block)
        # Without a block list to go by, lists are indented as the file indents its mappings.
        maps_under_keys = Counter(
            self.doc.value_at[p][1] - self.doc.key_at[p][1]
            for p in self.doc.key_at
            if isinstance(self.get(p), dict) and p not in self.doc.flow and self.get(p)
        )
        seq_indent = (seq or maps_under_keys or Counter([2])).most_common(1)[0][0]
        maps = Counter(
            self.doc.value_at[p + (0,)][1] - self.doc.value_at[p][1]
            for p in block
            if isinstance(self.get(p)[0], dict) and self.doc.value_at[p + (0,)][0] == self.doc.value_at[p][0]
        )
        map_indent = maps.most_common(1)[0][0] if maps else 2
        flow_lists = sum(p in self.doc.flow for p in nested) * 2 > len(nested)
        step = seq_indent if seq_indent > 0 else map_indent
        return Style(seq_indent, map_indent, step, flow_lists, self.newline)

    def get(self, path: Path) -> Any:
        node = self.data
        for part in path:
            node = node[part]
        return node

    def has(self, path: Path) -> bool:
        try:
            self.get(path)
        except (KeyError, IndexError, TypeError):
            return False
        return True

    def _lines(self, lines: list[str]) -> str:
        return self.newline.join(lines)

    # -- edits -------------------------------------------------------------------------------

    def append_item(self, list_path: Path, fields: Fields, top_level: bool, after: int | None = None) -> Splice:
        """A new last item of the list at `list_path`, which is created if missing; with `after`,
        a new item right after item `after` of a block list instead (before the comments of the
        item that follows it, which are that item's)."""
        nl = self.newline
        if after is not None and self.has(list_path) and list_path not in self.doc.flow:
            items = self.get(list_path)
            if isinstance(items, list) and 0 <= after < len(items) - 1:
                dash = self.doc.value_at[list_path][1] - 1
                at = self.line_end(self.doc.span[list_path + (after,)][1])
                blank = self._blank_between(list_path, after + 1)
                return Splice(at, at, nl + (nl if blank else "") + self._lines(item_lines(fields, dash, self.style)))
        if not self.has(list_path) or self.get(list_path) is None:
            return self._new_list(list_path, fields)
        items = self.get(list_path)
        start, end = self.doc.span[list_path]
        if list_path in self.doc.flow:
            colon = self._colon_before(start)
            if not items and colon is not None:
                # `quotes: []` becomes a block list under the key; a comment after it stays on the key's line.
                tail_end = self.line_end(end)
                dash = self.doc.key_at[list_path][1] - 1 + self.style.seq_indent
                block = self._lines(item_lines(fields, dash, self.style))
                return Splice(colon + 1, tail_end, self.text[end:tail_end] + nl + block)
            return Splice(end - 1, end - 1, (", " if items else "") + flow_mapping(fields))
        dash = self.doc.value_at[list_path][1] - 1
        last = self.doc.span[list_path + (len(items) - 1,)]
        at = self.line_end(last[1])
        blank = top_level if len(items) < 2 else self._blank_between(list_path, len(items) - 1)
        return Splice(at, at, nl + (nl if blank else "") + self._lines(item_lines(fields, dash, self.style)))

    def _colon_before(self, index: int) -> int | None:
        at = index - 1
        while at >= 0 and self.text[at] in " \t":
            at -= 1
        return at if at >= 0 and self.text[at] == ":" else None

    def _blank_between(self, list_path: Path, index: int) -> bool:
        """Whether an empty line stands between item `index - 1` and item `index`."""
        gap_start = self.line_end(self.doc.span[list_path + (index - 1,)][1])
        gap_end = self.line_start(self.doc.span[list_path + (index,)][0])
        gap = self.text[gap_start:gap_end]
        return any(not line.strip() for line in BREAKS.split(gap)[1:-1])

    def _new_list(self, list_path: Path, fields: Fields) -> Splice:
        nl, key = self.newline, list_path[-1]
        parent = list_path[:-1]
        if self.has(list_path):  # `key:` with nothing after it
            at = self.line_end(self.doc.span[list_path][0])
            dash = self.doc.key_at[list_path][1] - 1 + self.style.seq_indent
            return Splice(at, at, nl + self._lines(item_lines(fields, dash, self.style)))
        if parent in self.doc.flow:
            end = self.doc.span[parent][1] - 1
            sep = ", " if self.get(parent) else ""
            return Splice(end, end, f"{sep}{key}: [{flow_mapping(fields)}]")
        if not parent:
            body = [f"{key}:"] + item_lines(fields, self.style.seq_indent, self.style)
            text = self.text
            if not text.strip():
                return Splice(len(text), len(text), self._lines(body) + nl)
            if text.endswith(("\n", "\r")):
                return Splice(len(text), len(text), nl + self._lines(body) + nl)
            return Splice(len(text), len(text), nl + nl + self._lines(body))
        col = self.doc.value_at[parent][1] - 1
        at = self.line_end(self.doc.span[parent][1])
        body = [" " * col + f"{key}:"] + item_lines(fields, col + self.style.seq_indent, self.style)
        return Splice(at, at, nl + self._lines(body))

    def set_value(self, map_path: Path, key: str, value: Value) -> Splice:
        """Replace the value of an existing `key` of the mapping at `map_path`; its comments stay."""
        path = map_path + (key,)
        start, end = self.doc.span[path]
        if isinstance(value, str) and not isinstance(value, Plain):
            kept = self._refold(path, start, end, value)
            if kept is not None:
                return kept
        if map_path in self.doc.flow:
            return Splice(start, end, flow_value(value) if isinstance(value, list) else scalar(value, flow=True))
        col = self.doc.key_at[path][1] - 1
        lines = value_lines(key, value, col, self.style)
        after_key = self._lines(lines)[col + len(key) + 1 :]  # " value", " >-⏎…", or "⏎  - item…"
        colon = self._colon_before_value(start)
        if colon is not None:
            return Splice(colon + 1, end, after_key)
        # A comment stands between the key and a value on the lines below: keep it, and
        # write the new value where the old one starts.
        if len(lines) > 1 and not lines[0].endswith(">-"):
            return Splice(start, end, self._lines(lines[1:]).lstrip(" "))
        return Splice(start, end, after_key.lstrip(" "))

    def _refold(self, path: Path, start: int, end: int, new: str) -> Splice | None:
        """A folded text (`>-`) changed only where its words changed: every line break the editor
        chose stays where it was, so fixing a typo in a long quote is a one-line diff rather than a
        re-wrapped paragraph. None where that cannot be done safely (the caller rewrites the value)."""
        header_end = self.line_end(start)
        if self.text[start:header_end].strip() not in (">-", ">"):
            return None
        body = self.text[header_end:end]
        first = re.match(r"(?:\r\n|\r|\n)( +)", body)
        if first is None or new != new.strip() or "  " in new or any(_escaped(c) for c in new) or not new:
            return None
        parts = re.split(r"( |(?:\r\n|\r|\n) +)", body[first.end():])
        tokens, seps = parts[0::2], parts[1::2] + [""]
        if "" in tokens or any(sep.strip(" ") and sep.lstrip("\r\n") != first.group(1) for sep in seps):
            return None
        if " ".join(tokens) != self.get(path):
            return None  # blank lines, more-indented lines: not a plain run of words
        new_tokens = new.split(" ")
        matcher = SequenceMatcher(None, tokens, new_tokens, autojunk=False)
        kept = sum(block.size for block in matcher.get_matching_blocks())
        if kept * 2 < max(len(tokens), len(new_tokens)):
            return None  # a new text, not a correction: written afresh, folded as the file folds
        pairs: list[list[str]] = []
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                pairs += [[tokens[k], seps[k]] for k in range(i1, i2)]
                continue
            words = [[word, " "] for word in new_tokens[j1:j2]]
            if words and i2 > i1:
                words[-1][1] = seps[i2 - 1]  # the break after the replaced words stays after their replacement
            elif not words and i2 > i1 and pairs:
                pairs[-1][1] = seps[i2 - 1]  # removed words: the break after them moves back a word
            pairs += words
        pairs[-1][1] = ""
        return Splice(header_end, end, first.group(0) + "".join(word + sep for word, sep in pairs))

    def _colon_before_value(self, index: int) -> int | None:
        """The key's colon, if only blanks and line breaks stand between it and the value at `index`."""
        at = index - 1
        while at >= 0 and self.text[at] in " \t\r\n":
            at -= 1
        return at if at >= 0 and self.text[at] == ":" else None

    def insert_keys(self, map_path: Path, after: str, fields: Fields) -> Splice:
        """New keys of the mapping at `map_path`, right after the value of its key `after`."""
        if map_path in self.doc.flow:
            end = self.doc.span[map_path][1] - 1
            parts = ", ".join(f"{k}: {flow_value(v)}" for k, v in fields)
            return Splice(end, end, (", " if self.get(map_path) else "") + parts)
        anchor = map_path + (after,)
        col = self.doc.key_at[anchor][1] - 1
        at = self.line_end(self.doc.span[anchor][1])
        return Splice(at, at, self.newline + self._lines(mapping_lines(fields, col, self.style)))

    def remove_key(self, map_path: Path, key: str) -> Splice:
        """Take `key` and its value out of the mapping: its lines in a block mapping, else `null`."""
        path = map_path + (key,)
        start, end = self.doc.span[path]
        key_at = self.offset(self.doc.key_at[path])
        first = self.line_start(key_at)
        if map_path in self.doc.flow or self.text[first:key_at].strip():
            return Splice(start, end, "null")
        stop = self.line_end(end)
        found = BREAKS.match(self.text, stop)
        if found:
            return Splice(first, found.end(), "")
        before = BREAKS.search(self.text[:first][-2:]) if first else None
        return Splice(first - len(before.group()) if before else first, stop, "")

    def remove_item(self, list_path: Path, index: int) -> list[Splice]:
        """Take item `index` out of the list at `list_path`: its lines in a block list (with the
        blank line that set it apart), its text and comma in a flow list. A list left with
        nothing becomes `[]`, which reads back as an empty list, never as null."""
        items = self.get(list_path)
        start, end = self.doc.span[list_path + (index,)]
        if list_path in self.doc.flow:
            if len(items) == 1:
                outer = self.doc.span[list_path]
                return [Splice(outer[0], outer[1], "[]")]
            if index < len(items) - 1:
                return [Splice(start, self.doc.span[list_path + (index + 1,)][0], "")]
            return [Splice(self.doc.span[list_path + (index - 1,)][1], end, "")]
        first = self.line_start(start)
        stop = self.line_end(end)
        found = BREAKS.match(self.text, stop)
        stop = found.end() if found else stop
        if index > 0:
            first = self._blank_lines_before(first)
        elif len(items) > 1:
            stop = self._blank_lines_after(stop)
        cut = Splice(first, stop, "")
        if len(items) > 1:
            return [cut]
        key_at = self.offset(self.doc.key_at[list_path])
        colon = self.text.index(":", key_at)
        if not found and first > 0:  # the item ended the file: its line break goes with it
            before = BREAKS.search(self.text, max(first - 2, 0), first)
            cut = Splice(before.start() if before else first, stop, "")
        return [Splice(colon + 1, colon + 1, " []"), cut]

    def _blank_lines_before(self, first: int) -> int:
        """Where the blank lines right above the line starting at `first` begin."""
        while first > 0:
            previous = self.line_start(first - 1)
            if self.text[previous:first].strip():
                break
            first = previous
        return first

    def _blank_lines_after(self, stop: int) -> int:
        """Where the blank lines starting at `stop` end."""
        while stop < len(self.text):
            found = BREAKS.search(self.text, stop)
            end = found.end() if found else len(self.text)
            if self.text[stop:end].strip():
                break
            stop = end
        return stop
