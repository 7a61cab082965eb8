"""Read a content file without ever leaving the folder, waiting on a pipe, or trusting a save in progress.

The loader and the edits share this: what the dashboard shows and what an edit writes on
top of must be read by the same rules.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


class Unstable(Exception):
    """The file changed while it was read: a save is in progress."""


class OutsideStore(Exception):
    """A link that leads out of the content folder."""


class NotAFile(Exception):
    """A pipe, socket or device where a YAML file was expected."""


class TooLarge(Exception):
    """A file over the size limit, refused before it is read whole."""

    def __init__(self, size: int) -> None:
        self.size = size


def real_root(root: Path) -> str:
    """The folder's real path with a trailing separator: what every file read must start with."""
    return os.path.join(os.path.realpath(root), "")


def inside(full: Path, root_real: str) -> bool:
    """Whether `full`, every link on the way resolved, stays in the folder."""
    return os.path.realpath(full).startswith(root_real)


def read_regular(full: Path, root_real: str, max_bytes: int) -> bytes:
    """The bytes of a regular file in the folder.

    Raises FileNotFoundError, IsADirectoryError, OutsideStore, NotAFile, TooLarge, Unstable
    or another OSError.
    """
    # Always resolved: a linked folder on the way can lead out of the store too. (A loop
    # of links resolves to itself, and opening it fails below.)
    if not inside(full, root_real):
        raise OutsideStore
    # Non-blocking, so that a named pipe cannot hang the reader waiting for a writer.
    fd = os.open(full, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    with open(fd, "rb") as handle:
        before = os.fstat(handle.fileno())
        if stat.S_ISDIR(before.st_mode):
            raise IsADirectoryError(str(full))
        if not stat.S_ISREG(before.st_mode):
            raise NotAFile
        # One byte past the limit, so an oversized file is refused without reading it all.
        raw = handle.read(max_bytes + 1)
        after = os.stat(full)
    if (before.st_ino, before.st_size, before.st_mtime_ns, before.st_ctime_ns) != (after.st_ino, after.st_size, after.st_mtime_ns, after.st_ctime_ns):
        raise Unstable
    if len(raw) > max_bytes:
        raise TooLarge(before.st_size)
    return raw
