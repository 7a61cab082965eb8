"""What the user watches in a story (parties, issues, deadlines) and which alerts a desk already sent.

Both live in the user's state directory, one name per content folder, never in the folder: a
watch is one reader's interest, not the story's. Claims are shared by every dashboard and served
page of that user on the machine, so a change seen by five of them is posted once.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from pathlib import Path

from tui.core.disk.atomic_write import write_atomic
from tui.core.disk.folder_lock import Wait, folder_lock
from tui.core.disk.state_dirs import folder_key, state_base

WATCH_KINDS = ("parties", "issues", "deadlines")
"""What can be watched; a deadline is named by its date and words ("2025-11-27 The Thanksgiving …")."""
MAX_BYTES = 256 * 1024
CLAIM_SECONDS = 600.0
"""How long a claimed change stays claimed: dashboards of one desk see a change within seconds of
each other, and the same change made again later (a stance flipped back and forth over a day) is news again."""

Watch = tuple[str, str]


def watches_path(content_dir: Path | str, state_dir: Path | str | None = None) -> Path:
    return state_base(state_dir) / "watches" / f"{folder_key(content_dir)}.json"


def read_watches(path: Path) -> tuple[frozenset[Watch], str | None]:
    """The saved watches and, if the file was there but could not be used, why (then none are kept)."""
    try:
        with open(path, "rb") as handle:
            data = json.loads(handle.read(MAX_BYTES).decode("utf-8"))
    except FileNotFoundError:
        return frozenset(), None
    except (OSError, ValueError) as exc:
        return frozenset(), f"Your watches could not be read ({exc}); none are kept until you watch one again. The file: {path}"
    rows = data.get("watches") if isinstance(data, dict) else None
    if not isinstance(rows, list):
        return frozenset(), f'Your watches file holds no "watches" list; none are kept. The file: {path}'
    return frozenset(
        (row[0], row[1]) for row in rows
        if isinstance(row, list) and len(row) == 2 and row[0] in WATCH_KINDS and isinstance(row[1], str)
    ), None


def save_watches(path: Path, watches: frozenset[Watch]) -> None:
    """Keep `watches`, atomically. Raises OSError if it cannot be written."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    text = json.dumps({"watches": sorted([kind, key] for kind, key in watches)}, indent=2, ensure_ascii=False) + "\n"
    write_atomic(path, text.encode("utf-8"), folder_sync_required=False)


def claims_folder(content_dir: Path | str, state_dir: Path | str | None = None) -> Path:
    """Beside the journals, one folder per content folder: every dashboard on it claims here."""
    return state_base(state_dir) / "alerts" / folder_key(content_dir)


def claim_alert(folder: Path, key: str, keep_for: float = CLAIM_SECONDS) -> bool:
    """Take the claim `key` (a file name) for this process: True if it was free, False if another
    dashboard took it within `keep_for` seconds. The check and the take are one step under the
    folder's lock, so of two dashboards seeing the same change only one posts it."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    target = folder / key
    with folder_lock(folder, Wait(timeout=3.0)):
        now = time.time()
        try:
            if now - target.stat().st_mtime < keep_for:
                return False
            target.unlink()
        except FileNotFoundError:
            pass
        # O_EXCL as well: on a system without flock (Windows) the file is still taken once.
        try:
            os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600))
        except FileExistsError:
            return False
        _prune(folder, now)
        return True


def _prune(folder: Path, now: float) -> None:
    """Claims a month old are forgotten: longer than any alert is kept claimed (a deadline's, until it passes)."""
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            with contextlib.suppress(OSError):
                if now - entry.stat().st_mtime > 30 * 86400:
                    os.unlink(entry.path)
