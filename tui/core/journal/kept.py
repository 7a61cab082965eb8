"""Each content file's recorded state kept apart from the journal's file, one file per state.

The journal compares the store with the state it last recorded, per content file. Kept
inside the journal's JSON, that state was the whole store: TinyDB holds its data in memory,
so the first record made every item into JSON at once (+204 MiB at 50,000 quotes) and every
process sharing the journal kept it all in memory for as long as it ran. Kept here, each
file's state is written alone, named by the digest of its bytes, and the journal's document
for the file holds only that digest: a record keeps one file's state in memory at a time,
and a file whose digest is unchanged is not even read back.

A state file is never changed once written (its name is its digest), so two processes
writing the same state write the same bytes, and one is removed only under the journal's
lock once no document of the journal refers to it, in the file or in what is being written.
Each is fsynced before the journal's line naming it is written (`flush`), several at once: a
store's first record writes some two hundred, and one after the other their syncs alone took
longer than making them.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import stat
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from tui.core.disk.atomic_write import write_atomic
from tui.core.journal.lines import encode

_OWN_NAME = re.compile(r"[0-9a-f]{32}\.json")
"""A state's name; only such files are ever removed (and the temp files a killed write left)."""


def state_digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


class KeptStates:
    """The folder of states beside one journal file: `<journal>.files/`."""

    def __init__(self, journal_path: Path) -> None:
        self.folder = journal_path.with_name(journal_path.name + ".files")
        self._pool: ThreadPoolExecutor | None = None
        self._pending: deque[Future[None]] = deque()

    def put(self, state: dict[str, Any]) -> str:
        """Start keeping a state; returns its digest. Raises OSError at once if the folder cannot
        be had (the journal then keeps that file's state inline, as before); a write that fails
        raises from `flush`."""
        data = encode(state)
        digest = state_digest(data)
        target = self.folder / f"{digest}.json"
        if not self._is_own_folder():
            self.folder.mkdir(mode=0o700, exist_ok=True)
            if not self._is_own_folder():
                raise OSError(f"{self.folder} is not a folder of its own (a link?)")
        if not target.is_file():
            if self._pool is None:
                self._pool = ThreadPoolExecutor(8, thread_name_prefix="journal-state")
            self._pending.append(self._pool.submit(write_atomic, target, data, new_mode=0o600, folder_sync_required=False))
            while len(self._pending) > 32:  # a bounded number of states in memory at once
                self._pending.popleft().result()
        return digest

    def flush(self) -> None:
        """Wait until every state put is on disk, synced: call before the journal names them.
        Raises the first write's OSError (the record then fails, and the next one tries again)."""
        try:
            while self._pending:
                self._pending.popleft().result()
        finally:
            for left in self._pending:
                with contextlib.suppress(Exception):
                    left.result()
            self._pending.clear()
            if self._pool is not None:
                self._pool.shutdown()
                self._pool = None

    def get(self, digest: str) -> dict[str, Any]:
        """A kept state; raises OSError if it is gone, ValueError if its bytes are not its digest."""
        if not re.fullmatch(r"[0-9a-f]{32}", digest):
            raise ValueError("not a state's digest")
        fd = os.open(self.folder / f"{digest}.json", os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
        with open(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise ValueError("not a regular file")
            data = handle.read()
        if state_digest(data) != digest:
            raise ValueError("a kept state does not match its digest")
        state = json.loads(data)
        if not isinstance(state, dict):
            raise ValueError("a kept state is not an object")
        return state

    def keep_only(self, digests: set[str]) -> None:
        """Remove the states no document refers to; call under the journal's lock."""
        if not self._is_own_folder():
            return
        with contextlib.suppress(OSError):
            for entry in os.scandir(self.folder):
                if _OWN_NAME.fullmatch(entry.name) and entry.name[:32] not in digests:
                    with contextlib.suppress(OSError):
                        os.unlink(entry.path)
                elif entry.name.endswith(".tmp") and entry.name.startswith("."):
                    # A write killed half-way; under the lock no write of ours is under way.
                    with contextlib.suppress(OSError):
                        os.unlink(entry.path)

    def _is_own_folder(self) -> bool:
        try:
            return stat.S_ISDIR(os.lstat(self.folder).st_mode)
        except OSError:
            return False
