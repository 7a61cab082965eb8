"""The loader's read of a file that has no problem: its data, and where its items stand.

A load keeps, of each file, only where its sections, their items and the items' ids stand
(`Places`); the line and column of every other value are wanted only to say where a problem
is. So a load first reads a file in one tight loop over the parser's events that notes only
those positions, and gives up at anything that may be a problem: a tag, an anchor or alias,
a key set twice or that is not text, a second document, a limit reached, a text a `#` cut
short, a syntax error. The file is then read again by the builder, whose every position and
wording of that problem stands as before. What the loop gives is what the builder gives:
the same data, and the same positions where it notes them.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from tui.core.disk.limits import Limits
from tui.core.yaml.build import _NULLS, LineCol, Path, _Builder
from tui.core.yaml.lines import LOADER, TextLines


class Irregular(Exception):
    """What the file holds may be a problem: it is read by the builder, to say it."""


def read_items(text: str, lines: TextLines, limits: Limits) -> tuple[Any, dict[Path, LineCol], dict[Path, LineCol]]:
    """The data of `text`, with where each value two levels deep and each id three deep stands
    (and its key), as the builder has them; raises `Irregular` where the builder must read it."""
    cuts = _Builder(limits, lines)  # its check for a text a `#` cut short
    near = cuts._near_hash
    plain = lines.starts is None
    at, at_end, at_error = lines.at_mark, lines.at_end, lines.at_error
    nulls, max_values, max_depth = _NULLS, limits.max_values, limits.max_depth
    value_at: dict[Path, LineCol] = {}
    key_at: dict[Path, LineCol] = {}
    stack: list[tuple[Any, Path | None]] = []
    container: Any = None
    """The list or mapping open, or None before the document's value."""
    path: Path | None = ()
    """Its path while its values' positions are noted (two levels deep at most), else None."""
    key: str | None = None
    key_mark: Any = None
    key_null = False
    root: Any = None
    values = documents = 0
    parser = LOADER(text)
    get = parser.get_event
    try:
        while True:
            event: Any = get()
            kind = type(event)
            if kind is ScalarEvent or kind is MappingStartEvent or kind is SequenceStartEvent:
                if event.tag is not None or event.anchor is not None:
                    raise Irregular
                values += 1
                if values > max_values:
                    raise Irregular
                mark = event.start_mark
                style = None
                if kind is ScalarEvent:
                    value = event.value
                    style = event.style
                    if not style and value in nulls:
                        value = None
                else:
                    if len(stack) >= max_depth:
                        raise Irregular
                    value = {} if kind is MappingStartEvent else []
                if type(container) is dict:
                    if key is None:  # this value is a key
                        if kind is not ScalarEvent:
                            raise Irregular
                        key = "" if value is None else value
                        if key in container:
                            raise Irregular
                        key_mark, key_null = mark, value is None
                        continue
                    place: Path | None = None
                    if path is not None and (len(path) < 2 or key == "id"):
                        place = path + (key,)
                        key_pos = (key_mark.line + 1, key_mark.column + 1) if plain else at(key_mark)
                        if key_null and at_end(key_mark):
                            key_pos = at_error(key_mark)
                        key_at[place] = key_pos
                    container[key] = value
                    column_of = key_mark
                    key = None
                elif container is not None:
                    place = path + (len(container),) if path is not None and len(path) < 2 else None
                    container.append(value)
                    column_of = mark
                else:
                    place, root, column_of = (), value, mark
                if place is not None:
                    pos = (mark.line + 1, mark.column + 1) if plain else at(mark)
                    if value is None and at_end(mark):
                        pos = at_error(mark)
                    value_at[place] = pos
                if kind is ScalarEvent:
                    if not style and value is not None and (near is None or event.end_mark.line in near):
                        column = column_of.column + 1 if plain else at(column_of)[1]
                        cuts._check_cut((), event.end_mark.index, column)
                        if cuts.cut_by_comment:
                            raise Irregular
                else:
                    stack.append((container, path))
                    container = value
                    path = place if place is not None and len(place) <= 2 else None
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                container, path = stack.pop()
            elif kind is DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise Irregular
            elif kind is StreamEndEvent:
                break
            elif kind is AliasEvent or event is None:
                raise Irregular
    except yaml.YAMLError:
        raise Irregular from None
    finally:
        parser.dispose()
        # The builder's handlers are its own bound methods: a cycle that would keep the text
        # alive until the cyclic collector ran, which a load holds off.
        cuts.handlers.clear()
    return root, value_at, key_at
