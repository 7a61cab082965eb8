"""One edit to a folder, in one call: a Desk opened for it, the request applied, the desk closed.

For scripts and tests that make a single edit; the dashboard and the commands keep a Desk.
No journal is kept by these (as by `peacewatch add`): a running dashboard announces them.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from tui.core.desk import (
    NO_JOURNAL,
    AddEvent,
    AddQuote,
    AddSource,
    Desk,
    EditConflict,
    EditRefused,
    Request,
    SetPosition,
    SetStatus,
    Written,
)
from tui.core.edits.engine import digest

__all__ = [
    "EditConflict", "EditRefused", "Written", "add_event", "add_quote", "add_source", "apply", "digest",
    "set_position", "set_status",
]


def apply(root: Path | str, request: Request, expected: Mapping[str, bytes] | None = None) -> Written:
    desk = Desk(root, journal=NO_JOURNAL)
    try:
        return desk.apply(request, expected).written
    finally:
        desk.close()


def add_quote(root: Path | str, *, expected: Mapping[str, bytes] | None = None, **fields: Any) -> Written:
    return apply(root, AddQuote(**fields), expected)


def add_event(root: Path | str, *, expected: Mapping[str, bytes] | None = None, **fields: Any) -> Written:
    return apply(root, AddEvent(**fields), expected)


def add_source(root: Path | str, *, expected: Mapping[str, bytes] | None = None, **fields: Any) -> Written:
    return apply(root, AddSource(**fields), expected)


def set_status(root: Path | str, *, expected: Mapping[str, bytes] | None = None, **fields: Any) -> Written:
    return apply(root, SetStatus(**fields), expected)


def set_position(root: Path | str, *, expected: Mapping[str, bytes] | None = None, **fields: Any) -> Written:
    return apply(root, SetPosition(**fields), expected)
