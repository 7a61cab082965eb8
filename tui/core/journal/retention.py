"""How long the journal keeps its entries, and which path may hold a journal at all."""

from __future__ import annotations

import datetime as dt
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tinydb.table import Document


@dataclass(frozen=True)
class Retention:
    """How long entries are kept; None means no limit of that sort."""

    max_entries: int | None = 5_000
    max_days: float | None = 90.0


DEFAULT_RETENTION = Retention()


def expired(docs: Iterable[Document], retention: Retention, now: dt.datetime) -> set[int]:
    """The entries past the retention at `now`: too old, or beyond the newest `max_entries`."""
    docs = sorted(docs, key=lambda d: d.doc_id)
    drop: set[int] = set()
    if retention.max_days is not None:
        cutoff = now - dt.timedelta(days=retention.max_days)
        drop |= {d.doc_id for d in docs if (when := when_of(d)) is None or when < cutoff}
    if retention.max_entries is not None:
        kept = [d.doc_id for d in docs if d.doc_id not in drop]
        drop |= set(kept[: max(0, len(kept) - retention.max_entries)])
    return drop


def when_of(doc: dict) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(doc["at"]).astimezone(dt.UTC)
    except (KeyError, TypeError, ValueError):
        return None



def not_a_journal_file(target: Path) -> str | None:
    """Why `target` cannot be a journal file (a folder, a pipe or device, a link), or None.
    Read without following a link or opening a pipe, either of which could hang or mislead."""
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        return None
    if stat.S_ISLNK(info.st_mode):
        return "it is a link; name the file itself"
    if stat.S_ISDIR(info.st_mode):
        return "it is a folder; name a file, e.g. a new one inside it"
    if not stat.S_ISREG(info.st_mode):
        return "it is not a regular file (a pipe, socket or device); name a file"
    return None
