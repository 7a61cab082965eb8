"""Where a parser mark or offset stands, as the line and column an editor shows."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any, Protocol

import yaml

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""The C parser where PyYAML was built with libyaml; both are safe: they only parse."""

LineCol = tuple[int, int]


class Mark(Protocol):
    """Where the parser stands: PyYAML's mark, from its own parser or from libyaml."""

    index: int
    line: int
    column: int


def start_of(event: yaml.Event) -> Mark:
    """Where a parsed event starts. The parser marks every event it makes (the stubs allow
    an event without marks, as one made by hand would be)."""
    mark: Mark | None = event.start_mark
    assert mark is not None, "a parsed event always has its marks"
    return mark


def end_of(event: yaml.Event) -> Mark:
    """Where a parsed event ends (see `start_of`)."""
    mark: Mark | None = event.end_mark
    assert mark is not None, "a parsed event always has its marks"
    return mark

# libyaml (YAML 1.1) also breaks lines at NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR,
# which editors show inside a line; where the text holds one, positions are recounted
# from the character index so that they match the lines the editor shows.
ODD_BREAKS = re.compile("[\x85\u2028\u2029]")
BREAKS = re.compile(r"\r\n|\r|\n")


def line_starts(text: str) -> list[int]:
    """The index where each line of `text` starts, as an editor breaks lines."""
    return [0] + [m.end() for m in BREAKS.finditer(text)]


class TextLines:
    """Turns libyaml's marks and offsets into the line and column an editor shows."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.end = len(text.rstrip(" \t\r\n"))
        """Where the text ends, but for blanks and line breaks."""
        self.starts: list[int] | None = None
        self._cached: list[int] | None = None
        if ODD_BREAKS.search(text):
            self.starts = self._starts()

    def _starts(self) -> list[int]:
        return line_starts(self.text)

    def at_index(self, index: int) -> LineCol:
        """The position of the character at `index` in the text."""
        starts = self.starts if self.starts is not None else self._starts()
        line = bisect_right(starts, index) - 1
        return (line + 1, index - starts[line] + 1)

    def at_index_cached(self, index: int) -> LineCol:
        """`at_index`, keeping the line starts between calls (an edit asks for many ends)."""
        starts = self.starts
        if starts is None:
            if self._cached is None:
                self._cached = self._starts()
            starts = self._cached
        line = bisect_right(starts, index) - 1
        return (line + 1, index - starts[line] + 1)

    def at_mark(self, mark: Any) -> LineCol:
        if self.starts is None:
            return (mark.line + 1, mark.column + 1)
        return self.at_index(mark.index)

    def at_end(self, mark: Any) -> bool:
        """Whether the mark stands where only blanks are left to the end of the text."""
        index = getattr(mark, "index", None)
        return isinstance(index, int) and index >= self.end

    def at_error(self, mark: Any) -> LineCol:
        """Where an error is, for the editor: one found at the end of the text is put
        right after its last character (libyaml puts it on a line past the last)."""
        if self.at_end(mark):
            return self.at_index(self.end)
        return self.at_mark(mark)

    def at_offset(self, offset: int) -> LineCol:
        """The position of a reader error's offset: libyaml counts UTF-8 bytes, PyYAML characters."""
        if LOADER is not yaml.SafeLoader:
            offset = len(self.text.encode("utf-8")[:offset].decode("utf-8", "ignore"))
        return self.at_index(offset)
