"""The journal's bytes: a header line, the compacted TinyDB tables as one JSON line, then one
appended line per transaction saying which documents were set or removed."""

from __future__ import annotations

import datetime as dt
import enum
import json
import uuid
from pathlib import Path
from typing import Any


class JournalError(Exception):
    """The journal could not be read or written."""


class CorruptJournal(JournalError):
    """The journal file exists but is not a journal TinyDB can read."""


def json_safe(value: Any) -> Any:
    """`json.dumps` fallback: dates as ISO text, enums as their value; anything else is refused."""
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    if isinstance(value, Path):
        return value.as_posix()
    raise TypeError(f"cannot store a {type(value).__name__} in the journal")


def encode(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, allow_nan=False, default=json_safe, separators=(",", ":")).encode()


MARK = b'{"peacewatch_journal":'
"""How the first line of a journal kept as a log starts; a file without it is the older whole-JSON layout."""


def new_header() -> bytes:
    # A new generation at each rewrite: a reader that cached the file reads only what was
    # appended since, and the header tells it the file was not rewritten meanwhile (a new
    # file can get the inode of an old one).
    return encode({"peacewatch_journal": 2, "generation": uuid.uuid4().hex}) + b"\n"


def copy_tables(data: dict) -> dict:
    # TinyDB edits the tables and documents it reads in place; their values it only replaces.
    return {name: {doc_id: dict(doc) for doc_id, doc in table.items()} for name, table in data.items()}


def delta(old: dict, new: dict) -> bytes | None:
    """One log line taking `old` to `new`: the documents set or removed, the tables dropped."""
    tables: dict[str, dict[str, Any]] = {}
    for name, table in new.items():
        before = old.get(name)
        if before is None:
            tables[name] = table
            continue
        # Documents not touched are equal, and mostly the very same values: cheap to compare.
        changed: dict[str, Any] = {doc_id: doc for doc_id, doc in table.items() if before.get(doc_id) != doc}
        changed.update((doc_id, None) for doc_id in before if doc_id not in table)
        if changed:
            tables[name] = changed
    dropped = [name for name in old if name not in new]
    if not tables and not dropped:
        return None
    return encode({"t": tables, **({"drop": dropped} if dropped else {})}) + b"\n"


def replay(data: dict, raw: bytes, start: int, first: bool) -> tuple[dict, int, int]:
    """Apply the log lines in raw[start:] to `data`; returns it, where the compacted data ends
    (with `first`, raw[start:] begins with that data), and the bytes of a torn last line left out."""
    base = position = start
    while position < len(raw):
        end = raw.find(b"\n", position)
        is_base = first and position == start
        # Only an append can be cut short: the compacted data is written whole, atomically.
        torn_allowed = not is_base and (end < 0 or end + 1 == len(raw))
        try:
            if end < 0:
                raise ValueError("cut short")
            op = json.loads(raw[position:end].decode("utf-8"))
            _check_op(op)
        except (UnicodeDecodeError, ValueError) as exc:
            if torn_allowed:
                return data, base, len(raw) - position
            number = raw.count(b"\n", 0, position) + 1
            raise CorruptJournal(f"line {number} is damaged: {exc}") from None
        _apply(data, op)
        position = end + 1
        if is_base:
            base = position
    return data, base, 0


def _check_op(op: Any) -> None:
    if not isinstance(op, dict) or not isinstance(op.get("t"), dict) or not isinstance(op.get("drop", []), list):
        raise ValueError("not a journal line")
    for docs in op["t"].values():
        if not isinstance(docs, dict) or not all(doc is None or isinstance(doc, dict) for doc in docs.values()):
            raise ValueError("not laid out as TinyDB tables")


def _apply(data: dict, op: dict) -> None:
    for name, docs in op["t"].items():
        table = data.setdefault(name, {})
        for doc_id, doc in docs.items():
            if doc is None:
                table.pop(doc_id, None)
            else:
                table[doc_id] = doc
    for name in op.get("drop", ()):
        data.pop(name, None)


def decode(raw: bytes) -> dict | None:
    if not raw.strip():
        return None  # TinyDB's own convention: an empty file is an empty database.
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise CorruptJournal(f"not valid JSON: {exc}") from None
    if not isinstance(data, dict) or not all(
        isinstance(table, dict) and all(isinstance(doc, dict) for doc in table.values()) for table in data.values()
    ):
        raise CorruptJournal("not laid out as TinyDB tables")
    return data
