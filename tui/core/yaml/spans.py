"""The reader's builder, also recording where each value ends: what an edit needs to change it alone."""

from __future__ import annotations

import yaml

from tui.core.yaml.build import Limits, LineCol, Path, _Builder
from tui.core.yaml.lines import TextLines, end_of, start_of


class SpanBuilder(_Builder):
    """A builder that also records where each value ends, and which collections are flow style."""

    def __init__(self, limits: Limits, lines: TextLines) -> None:
        super().__init__(limits, lines)
        self.value_end: dict[Path, LineCol] = {}
        self.span: dict[Path, tuple[int, int]] = {}
        self.flow: set[Path] = set()
        self.opened: list[tuple[int, bool]] = []
        """For each open collection: its start offset, and whether it is flow style."""
        self.last_end: list[tuple[int, LineCol] | None] = []
        """For each open collection: where the last value placed in it ends."""
        self.handlers |= {
            yaml.ScalarEvent: self._scalar_spanned,
            yaml.AliasEvent: self._alias_spanned,
            yaml.MappingStartEvent: self._start_spanned,
            yaml.SequenceStartEvent: self._start_spanned,
            yaml.MappingEndEvent: self._end_spanned,
            yaml.SequenceEndEvent: self._end_spanned,
        }

    def _next_path(self) -> Path | None:
        """The path the next event will fill as a value; None if it will be a key."""
        if not self.stack:
            return ()
        frame = self.stack[-1]
        if isinstance(frame.container, list):
            return frame.path + (frame.index,)
        return None if frame.pending_key is None else frame.path + (frame.pending_key,)

    def _ended(self, path: Path, start: int, end: int, where: LineCol) -> None:
        self.span[path] = (start, end)
        self.value_end[path] = where
        if self.last_end:
            self.last_end[-1] = (end, where)

    def _scalar_spanned(self, event: yaml.ScalarEvent) -> None:
        path = self._next_path()
        self._scalar(event)
        if path is None:
            return
        start, end = start_of(event).index, end_of(event).index
        if event.style in ("|", ">"):
            # A block scalar takes in the line breaks after it; it ends at its last character.
            text = self.lines.text
            while end > start and text[end - 1] in " \t\r\n":
                end -= 1
            where = self.lines.at_index_cached(end)
        else:
            where = self.at(end_of(event))
        self._ended(path, start, end, where)

    def _alias_spanned(self, event: yaml.AliasEvent) -> None:
        path = self._next_path()
        self._alias(event)
        if path is not None:
            end = end_of(event)
            self._ended(path, start_of(event).index, end.index, self.at(end))

    def _start_spanned(self, event: yaml.CollectionStartEvent) -> None:
        self._start(event)
        self.opened.append((start_of(event).index, bool(event.flow_style)))
        self.last_end.append(None)
        if event.flow_style:
            self.flow.add(self.stack[-1].path)

    def _end_spanned(self, event: yaml.Event) -> None:
        path = self.stack[-1].path
        self._end(event)
        start, flow = self.opened.pop()
        last = self.last_end.pop()
        if flow or last is None:
            # A flow collection ends at its bracket; a block one where its last value ends.
            end = end_of(event)
            last = (end.index, self.at(end))
        self._ended(path, start, *last)
