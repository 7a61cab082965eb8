"""Replace a file in one step: a crash leaves the old bytes or the new ones, never a mix."""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Callable

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]


class FileChanged(Exception):
    """The file is no longer what the new bytes were made from; nothing was written."""


def temp_name(target: Path) -> str:
    """A hidden name beside `target`: the loader and the watcher skip dot-files, so a temp
    file left by a crash is never read as content."""
    return f".{target.name}.{secrets.token_hex(4)}.tmp"


def write_atomic(path: Path | str, data: bytes, unchanged: Callable[[], bool] | None = None) -> None:
    """Write `data` to `path` through a temp file beside it, flushed and fsynced, then renamed
    over it, then the folder fsynced. The file keeps its permissions (and owner, where allowed).

    `unchanged` is asked just before the rename; if it says the file has changed since the
    caller read it, the temp file is removed and `FileChanged` is raised.
    """
    target = Path(os.path.realpath(path))  # through a link, which stays a link
    try:
        before: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        before = None
    temp = target.parent / temp_name(target)
    # 0o666 less the umask for a new file, as any editor would create it.
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o666)
    try:
        with open(fd, "wb") as handle:
            if before is not None:
                os.chmod(temp, stat.S_IMODE(before.st_mode))
                with contextlib.suppress(OSError, AttributeError):  # only root may give a file away
                    os.chown(temp, before.st_uid, before.st_gid)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if unchanged is not None and not unchanged():
            raise FileChanged(str(path))
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise
    fsync_folder(target.parent)


def fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable; a platform that cannot open folders (Windows) skips it."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """Hold an exclusive advisory lock on a folder itself (no lock file is left in it)."""
    if fcntl is None:  # not POSIX: edits are still checked against the file's digest
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock
