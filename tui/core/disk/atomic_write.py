"""Replace a file in one step: a crash leaves the old bytes or the new ones, never a mix."""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import stat
from collections.abc import Callable
from pathlib import Path


class FileChanged(Exception):
    """The file is no longer what the new bytes were made from; nothing was written."""


def temp_name(target: Path) -> str:
    """A hidden name beside `target`: the loader and the watcher skip dot-files, so a temp
    file left by a crash is never read as content."""
    return f".{target.name}.{secrets.token_hex(4)}.tmp"


_TEMP = re.compile(r"\..+\.[0-9a-f]{8}\.tmp")

LEFTOVER_SECONDS = 10.0
"""A temp file older than this is a write that was killed (a write takes milliseconds)."""


def sweep_leftovers(folder: Path, now: float | None = None) -> list[Path]:
    """Remove the temp files killed writes left in `folder` and the folders below it (not through
    links, not in hidden folders); returns them. Call where no write of ours can be under way
    (under the folder lock); the age rule keeps even that safe."""
    import time

    now = time.time() if now is None else now
    removed = []
    for directory, dirnames, filenames in os.walk(folder, followlinks=False):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if not _TEMP.fullmatch(name):
                continue
            path = Path(directory) / name
            with contextlib.suppress(OSError):
                info = os.lstat(path)
                if stat.S_ISREG(info.st_mode) and now - info.st_mtime > LEFTOVER_SECONDS:
                    path.unlink()
                    removed.append(path)
    return removed


def write_atomic(
    path: Path | str,
    data: bytes,
    unchanged: Callable[[], bool] | None = None,
    *,
    new_mode: int = 0o666,
    folder_sync_required: bool = True,
) -> None:
    """Write `data` to `path` through a temp file beside it, flushed and fsynced, then renamed
    over it, then the folder fsynced. The file keeps its permissions (and owner, where allowed);
    a new one gets `new_mode` less the umask (0o666: as any editor would create it; the
    journal, private state, asks for 0o600).

    `unchanged` is asked just before the rename; if it says the file has changed since the
    caller read it, the temp file is removed and `FileChanged` is raised.

    If fsyncing the folder after the rename fails, the new bytes are in place but the rename
    may not survive a power cut: the error is raised, unless `folder_sync_required` is False
    (the journal: some network mounts cannot sync a folder, and it must still be written).
    """
    target = Path(os.path.realpath(path))  # through a link, which stays a link
    try:
        before: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        before = None
    temp = target.parent / temp_name(target)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(temp, flags, new_mode)
    try:
        try:
            if before is not None:
                os.chmod(temp, stat.S_IMODE(before.st_mode))
                with contextlib.suppress(OSError, AttributeError):  # only root may give a file away
                    os.chown(temp, before.st_uid, before.st_gid)
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        if unchanged is not None and not unchanged():
            raise FileChanged(str(path))
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):  # already gone, or not ours to remove: the first error matters
            os.unlink(temp)
        raise
    if folder_sync_required:
        fsync_folder(target.parent)
    else:
        with contextlib.suppress(OSError):
            fsync_folder(target.parent)


def _write_all(fd: int, data: bytes) -> None:
    """`os.write` until every byte is written (one call may write fewer)."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


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
