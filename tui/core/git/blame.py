"""Who last changed some lines of a file, read from `git blame`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

NOT_COMMITTED = "0" * 40
"""The commit `git blame` names for lines not committed yet."""


@dataclass(frozen=True)
class LastChange:
    """Who last changed some lines, and when; `committed` False for lines not committed yet."""

    committed: bool
    author: str = ""
    when: dt.datetime | None = None
    subject: str = ""
    sha: str = ""



def parse_blame(porcelain: str) -> list[LastChange]:
    """Each commit `git blame --porcelain` names, with its author, time and summary."""
    found: dict[str, dict[str, str]] = {}
    current: dict[str, str] | None = None
    for line in porcelain.splitlines():
        if line.startswith("\t"):
            current = None
            continue
        head = line.split(" ")
        if current is None and len(head) >= 3 and len(head[0]) == 40 and all(c in "0123456789abcdef" for c in head[0]):
            current = found.setdefault(head[0], {})
            continue
        if current is not None and " " in line:
            key, value = line.split(" ", 1)
            current[key] = value
    changes = []
    for sha, info in found.items():
        if sha == NOT_COMMITTED:
            changes.append(LastChange(False, sha=sha))
            continue
        try:
            when = dt.datetime.fromtimestamp(int(info.get("author-time", "0")), dt.UTC)
        except ValueError:
            when = None
        changes.append(LastChange(True, info.get("author", ""), when, info.get("summary", ""), sha))
    return changes


def newest(changes: Iterable[LastChange]) -> LastChange:
    """Lines not committed yet win; else the most recent commit."""
    changes = list(changes)
    if not changes or any(not c.committed for c in changes):
        return LastChange(False)
    return max(changes, key=lambda c: c.when or dt.datetime.min.replace(tzinfo=dt.UTC))
