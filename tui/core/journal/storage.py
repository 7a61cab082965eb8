"""The journal on disk: a TinyDB storage that appends its lines, compacts, and never leaves a half-written file."""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import stat
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from tinydb.storages import MemoryStorage, Storage

from tui.core.disk.atomic_write import write_atomic
from tui.core.journal.lines import MARK, CorruptJournal, JournalError, copy_tables, decode, delta, encode, new_header, replay

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


class JournalBusy(JournalError):
    """Another process held the journal's lock for longer than we were willing to wait."""


COMPACT_FLOOR = 256 * 1024
"""Appended bytes allowed past the compacted data before the file is rewritten, whatever its size."""


class AtomicJSONStorage(Storage):
    """TinyDB's data as a log of JSON lines: what each transaction changed is appended, fsynced.

    The file is a header line, one line holding every table as of the last compaction, then
    one line per transaction with the documents it set (null: removed) and the tables it
    dropped. A transaction holds the lock, reads once, and appends one line at the end, so
    a reload's changes and the new state land together or not at all, and a record costs
    what it changed, not the size of the journal. The file is rewritten whole (atomically,
    under the lock) only when the appended lines outgrow the compacted data, on `compact()`,
    or to migrate a file in the older whole-JSON layout, which is still read.

    A torn last line (a crash mid-append) is ignored with a warning and cut off under the
    lock; any other damage moves the file aside (see `warnings`) and an empty journal takes
    its place.
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
        self._compact = False
        self._parsed: _Parsed | None = None
        """The file as last read or written; never handed to TinyDB, which edits what it reads."""

    def read(self) -> dict | None:
        with self._mutex:
            if self._depth:
                return self._work
            try:
                parsed = self._parse()
            except CorruptJournal:
                # Checked again under the lock: another process may have just replaced it.
                with self.transaction():
                    return self._work
            return copy_tables(parsed.data) if parsed else None

    def write(self, data: dict) -> None:
        with self._mutex:
            if self._depth:
                self._work, self._dirty = data, True
                return
            with self.transaction():
                self._work, self._dirty = data, True

    def compact(self) -> None:
        """Rewrite the file as its data alone, dropping the appended history; takes the lock."""
        with self.transaction():
            self._compact = True

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
            try:
                try:
                    parsed = self._parse(locked=True)
                except CorruptJournal as exc:
                    self.move_aside(str(exc))
                    parsed = None
                self._work = copy_tables(parsed.data) if parsed else None
                self._dirty, self._compact, self._depth = False, False, 1
                yield
                if self._dirty or self._compact:
                    self._commit(parsed, self._work or {})
            finally:
                self._work, self._dirty, self._compact, self._depth = None, False, False, 0
                _unlock(fd)
                os.close(fd)

    def _commit(self, parsed: _Parsed | None, data: dict) -> None:
        line = delta(parsed.data if parsed else {}, data)
        if parsed is not None and line is None and not self._compact and not parsed.legacy:
            return  # nothing changed: the file is left as it is
        if parsed is None or parsed.legacy or self._compact or parsed.tail + len(line or b"") > max(COMPACT_FLOOR, parsed.base):
            body = encode({"t": data}) + b"\n"
            # Private state: a new journal is the user's alone. A folder that cannot be
            # synced (some network mounts) does not stop the write.
            header = new_header()
            write_atomic(self.path, header + body, new_mode=0o600, folder_sync_required=False)
            info = os.stat(self.path)
            self._parsed = _Parsed(_key(info), data, len(header) + len(body), 0, False, header)
            return
        assert line is not None
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND)
        try:
            try:
                view = memoryview(line)
                while view:
                    view = view[os.write(fd, view):]
                os.fsync(fd)
            except BaseException:
                # Take back what landed, so the file is as it was; if even that fails, a torn
                # last line is ignored when read.
                with suppress(OSError):
                    os.ftruncate(fd, parsed.size)
                self._parsed = None
                raise
            info = os.fstat(fd)
        finally:
            os.close(fd)
        self._parsed = _Parsed(_key(info), data, parsed.base, parsed.tail + len(line), False, parsed.header)

    def move_aside(self, reason: str) -> Path | None:
        """Rename the journal file with a timestamp suffix so a fresh one can start; call under the lock."""
        if not os.path.lexists(self.path):
            return None
        if not stat.S_ISREG(os.lstat(self.path).st_mode):
            raise JournalError(f"{self.path} is not a regular file; it was left as it is")
        stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S")
        target, n = self.path.with_name(f"{self.path.name}.corrupt-{stamp}"), 1
        while os.path.lexists(target):
            n += 1
            target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}-{n}")
        os.replace(self.path, target)
        self._parsed, self._work = None, None
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

    def _parse(self, locked: bool = False) -> _Parsed | None:
        """The file's data, from the cache when the file is unchanged, reading only what was
        appended since when it only grew; under the lock a torn last line is cut off."""
        try:
            # Never through a link, and never waiting on a pipe: either would hang or mislead.
            fd = os.open(self.path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0))
        except FileNotFoundError:
            self._parsed = None
            return None
        except OSError as exc:
            if exc.errno == errno.ELOOP or os.path.isdir(self.path):
                raise JournalError(f"{self.path} is a link or a folder, not a journal file") from None
            raise CorruptJournal(exc.strerror or str(exc)) from None
        with open(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                # Said, never moved aside: a folder or pipe at this path is not a damaged journal.
                raise JournalError(f"{self.path} is not a regular file (a folder, pipe or device)")
            key, cached = _key(info), self._parsed
            if cached and cached.key == key:
                if locked and cached.torn:
                    # Read before the lock was held: cut the torn line off now, as below.
                    os.truncate(self.path, cached.size)
                    cached.key, cached.torn = _key(os.stat(self.path)), 0
                return cached
            data: dict | None = None
            if (cached and cached.header and cached.key[:2] == key[:2] and info.st_size > cached.size
                    and handle.read(len(cached.header)) == cached.header):
                # The same file, grown: another writer appended lines; read only those.
                handle.seek(cached.size)
                raw, offset = handle.read(), cached.size
                data = copy_tables(cached.data)
                base, tail, header = cached.base, cached.tail, cached.header
            else:
                handle.seek(0)
                raw, offset = handle.read(), 0
        if data is None:
            if not raw.startswith(MARK):
                self._parsed = _Parsed(key, decode(raw) or {}, 0, 0, True) if raw.strip() else None
                return self._parsed
            header = raw[: raw.find(b"\n") + 1]
            try:
                if not header or json.loads(header)["peacewatch_journal"] != 2:
                    raise ValueError("not this layout")
            except (ValueError, KeyError, TypeError):
                raise CorruptJournal("its first line is damaged") from None
            data, base, torn = replay({}, raw, len(header), first=True)
            tail = len(raw) - base - torn
        else:
            _, _, torn = replay(data, raw, 0, first=False)
            tail += len(raw) - torn
        if torn:
            self.warnings.append(
                f"the last change written to the change journal {self.path} was cut short "
                f"(a crash while it was written?); it was left out")
            if locked:
                # Cut it off, so the next line appended starts on a line of its own.
                os.truncate(self.path, offset + len(raw) - torn)
                info = os.stat(self.path)
                key = _key(info)
        self._parsed = _Parsed(key, data, base, tail, False, header, 0 if locked else torn)
        return self._parsed


@dataclass
class _Parsed:
    key: tuple
    data: dict
    base: int
    """Bytes of the header and the compacted data."""
    tail: int
    """Bytes appended after them."""
    legacy: bool
    """Read from the older whole-JSON layout: the next write rewrites it as a log."""
    header: bytes = b""
    """The file's first line, with its generation."""
    torn: int = 0
    """Bytes of a torn last line still in the file (read without the lock, so not cut off)."""

    @property
    def size(self) -> int:
        return self.base + self.tail


def _key(info: os.stat_result) -> tuple:
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


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

    def compact(self) -> None:
        """Nothing to compact in memory."""


JournalStorage = AtomicJSONStorage | MemoryJournalStorage
"""Where a journal keeps its data: TinyDB's storage, with transactions, a path and warnings."""
