"""The journal on disk: where it lives, its JSON form, and a storage that never leaves a half-written file."""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import json
import os
import re
import stat
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import platformdirs
from tinydb.storages import MemoryStorage, Storage

from tui.core.atomic_write import write_atomic
from tui.core.kinds import BY_SECTION, LIST_SECTIONS
from tui.core.snapshot import Origin, Snapshot

if sys.platform == "win32":  # no flock, but msvcrt locks a byte range just as well here.
    import msvcrt

    def _try_lock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


class JournalError(Exception):
    """The journal could not be read or written."""


class JournalBusy(JournalError):
    """Another process held the journal's lock for longer than we were willing to wait."""


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


class AtomicJSONStorage(Storage):
    """JSON in one file, replaced whole on every write; writes happen in locked transactions.

    Inside `transaction()` TinyDB's reads and writes go to a private copy read fresh under
    the lock, and one write at the end replaces the file: a reload's changes and the new
    state land together or not at all. A file that cannot be read is moved aside (see
    `warnings`) and an empty journal takes its place.
    """

    def __init__(self, path: str | Path, lock_timeout: float = 10.0) -> None:
        super().__init__()
        self.path = Path(path)
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        self.lock_timeout = lock_timeout
        self.warnings: list[str] = []
        self._mutex = threading.RLock()
        self._depth = 0
        self._work: dict | None = None
        self._dirty = False
        self._cache: tuple[tuple, dict | None] | None = None

    def read(self) -> dict | None:
        with self._mutex:
            if self._depth:
                return self._work
            try:
                return self._parse(use_cache=True)
            except CorruptJournal:
                # Checked again under the lock: another process may have just replaced it.
                with self.transaction():
                    return self._work

    def write(self, data: dict) -> None:
        with self._mutex:
            if self._depth:
                self._work, self._dirty = data, True
                return
            with self.transaction():
                self._work, self._dirty = data, True

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Hold the lock, read once, write once at the end; an exception writes nothing."""
        with self._mutex:
            if self._depth:
                self._depth += 1
                try:
                    yield
                finally:
                    self._depth -= 1
                return
            fd = self._acquire()
            done = False
            try:
                try:
                    # The cached parse is current if the file is unchanged, and under the lock it stays so.
                    self._work = self._parse(use_cache=True)
                except CorruptJournal as exc:
                    self.move_aside(str(exc))
                    self._work = None
                self._dirty, self._depth = False, 1
                yield
                if self._dirty:
                    # Private state: a new journal is the user's alone. A folder that cannot be
                    # synced (some network mounts) does not stop the write.
                    write_atomic(self.path, encode(self._work), new_mode=0o600, folder_sync_required=False)
                done = True
            finally:
                # TinyDB edits the data it read in place, so after a write (or a failed one) the cache is stale.
                if self._dirty or not done:
                    self._cache = None
                self._work, self._dirty, self._depth = None, False, 0
                _unlock(fd)
                os.close(fd)

    def move_aside(self, reason: str) -> Path | None:
        """Rename the journal file with a timestamp suffix so a fresh one can start; call under the lock."""
        if not os.path.lexists(self.path):
            return None
        stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S")
        target, n = self.path.with_name(f"{self.path.name}.corrupt-{stamp}"), 1
        while os.path.lexists(target):
            n += 1
            target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}-{n}")
        os.replace(self.path, target)
        self._cache, self._work = None, None
        self.warnings.append(
            f"the change journal {self.path} could not be read ({reason}); "
            f"it was moved aside to {target.name} and a new journal was started"
        )
        return target

    def _acquire(self) -> int:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        deadline = time.monotonic() + self.lock_timeout
        while True:
            try:
                _try_lock(fd)
                return fd
            except OSError:
                if time.monotonic() >= deadline:
                    os.close(fd)
                    raise JournalBusy(
                        f"another peacewatch has been writing {self.path} for over {self.lock_timeout:g} s"
                    ) from None
                time.sleep(0.02)

    def _parse(self, use_cache: bool) -> dict | None:
        try:
            handle = open(self.path, "rb")
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise CorruptJournal(exc.strerror or str(exc)) from None
        with handle:
            info = os.fstat(handle.fileno())
            if stat.S_ISDIR(info.st_mode):
                raise CorruptJournal("it is a folder")
            key = (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)
            if use_cache and self._cache and self._cache[0] == key:
                return self._cache[1]
            raw = handle.read()
        data = _decode(raw)
        if use_cache:
            self._cache = (key, data)
        return data


def _decode(raw: bytes) -> dict | None:
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


class MemoryJournalStorage(MemoryStorage):
    """Where the journal lives when its file cannot be used: for this run only."""

    def __init__(self) -> None:
        super().__init__()
        self.path: Path | None = None
        self.warnings: list[str] = []
        self._mutex = threading.RLock()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self._mutex:
            yield

    def move_aside(self, reason: str) -> None:
        self.memory = None


JournalStorage = AtomicJSONStorage | MemoryJournalStorage
"""Where a journal keeps its data: TinyDB's storage, with transactions, a path and warnings."""


# --- where a journal lives, and the store's state as JSON -----------------------------



def default_journal_path(content_dir: Path | str, state_dir: Path | str | None = None) -> Path:
    """One journal per content folder, in the user's state directory, named by its resolved path."""
    resolved = Path(content_dir).resolve()
    digest = hashlib.sha256(str(resolved).encode("utf-8", "surrogateescape")).hexdigest()[:16]
    name = re.sub(r"[^A-Za-z0-9_-]", "_", resolved.name)[:40] or "root"
    base = Path(state_dir) if state_dir is not None else Path(platformdirs.user_state_dir("peacewatch", appauthor=False))
    return base / "journals" / f"{name}-{digest}.json"


def state_of(snapshot: Snapshot) -> dict[str, Any]:
    """The snapshot as JSON-safe data: every item, and the file each one came from."""
    state: dict[str, Any] = {
        kind: (item.model_dump(mode="json") if (item := getattr(snapshot, kind)) is not None else None)
        for kind in ("story", "status")
    }
    for kind in LIST_SECTIONS:
        state[kind] = [item.model_dump(mode="json") for item in getattr(snapshot, kind)]
    state["origins"] = [[kind, item_id, origin.path] for (kind, item_id), origin in snapshot.origins.items()]
    return state


def snapshot_of(state: dict[str, Any]) -> Snapshot:
    """The inverse of `state_of`; raises ValueError, TypeError or ValidationError on bad data."""
    # The kinds table knows each section's model only as a BaseModel: the checker cannot match them to Snapshot's fields.
    singles: dict[str, Any] = {k: (BY_SECTION[k].model.model_validate(state[k]) if state.get(k) is not None else None) for k in ("story", "status")}
    lists: dict[str, Any] = {k: tuple(BY_SECTION[k].model.model_validate(v) for v in state.get(k, ())) for k in LIST_SECTIONS}
    origins = {(str(kind), str(item_id)): Origin(str(path), 0) for kind, item_id, path in state.get("origins", ())}
    return Snapshot(**singles, **lists, origins=origins)
