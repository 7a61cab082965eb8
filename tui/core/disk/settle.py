"""Waiting out a save in progress before a file's bytes are trusted: for an edit, and for the screen.

An editor that writes a file in place can pause between two writes (at an item's boundary, say),
and the half-written file can be valid YAML: an edit that read it then and replaced the file would
send the rest of the editor's bytes into the replaced file, lost. So a file changed within the last
`SETTLE_SECONDS` is watched until it has been quiet that long. A save's writes follow each other
within microseconds to a few milliseconds (one `write` per buffer; editors that write in pieces do
so in a loop); 0.25 s is far above that, and short enough that an edit made just after a save
waits a moment, not noticeably.

The dashboard follows the same rule before it shows a saved file (`tui.core.disk.watcher`), with
the shorter `SAVE_QUIET_SECONDS`: a half save shown is put right by the rest's own event a moment
later, where a half save edited is lost; and a save must reach the screen in tens of milliseconds.
After a read, the file is looked at again (`safe_read.read_regular`): bytes read while it changed
are read again once it has been quiet that long.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

SETTLE_SECONDS = 0.25
"""How long a file must have gone unchanged before an edit trusts its bytes."""

SAVE_QUIET_SECONDS = 0.03
"""How long a saved file must have gone unchanged before the dashboard shows it. Measured: the
gap between two writes of one save is at most 0.3 ms (13,800 writes of 8 kB, a 183 kB file saved
600 times, the 2 shared cores at load 3: p99.9 0.13 ms); an editor that pauses between items, as
the tests' writers do for 20 ms, or a writer descheduled for two of the kernel's 12 ms periods
on 2 CPUs, is still inside 30 ms. Every save waits this long from its last write (a whole save
shows at about this plus a frame)."""

GIVE_UP_SECONDS = 10.0
"""A file still changing after this long is being written continuously (a log, a sync going on):
the edit is refused rather than kept waiting."""


class StillChanging(Exception):
    """The file did not stay unchanged for `SETTLE_SECONDS` within `GIVE_UP_SECONDS`."""


def _signature(full: Path) -> tuple[int, int, int, int] | None:
    try:
        st = os.stat(full)
    except FileNotFoundError:
        return None
    return st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns


def wait_settled(
    full: Path, window: float = SETTLE_SECONDS, give_up: float = GIVE_UP_SECONDS,
    clock: Callable[[], float] = time.time, sleep: Callable[[float], None] = time.sleep,
) -> float:
    """Return once `full` has been unchanged (inode, size, modification and change times) for
    `window` seconds; the seconds waited (0.0 for a file left alone a while, the common case).

    "Unchanged for" is the longer of what the file's own times say and how long it has been seen
    unchanged here, so that a file whose times are in the future (a clock that differs on a
    shared drive) is still trusted once it has been watched quietly for the window.
    Raises StillChanging after `give_up` seconds; a missing file is settled (there is nothing to wait for)."""
    start = clock()
    seen = _signature(full)
    seen_at = start
    while True:
        if seen is None:
            return clock() - start
        now = clock()
        quiet = max(now - max(seen[2], seen[3]) / 1e9, now - seen_at)
        if quiet >= window:
            return now - start
        if now - start >= give_up:
            raise StillChanging(str(full))
        sleep(min(window - quiet, 0.05) + 0.001)
        again = _signature(full)
        if again != seen:
            seen, seen_at = again, clock()

