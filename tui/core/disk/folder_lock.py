"""One peacewatch edit at a time per content folder, waiting a bounded, visible, cancellable while."""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

if sys.platform != "win32":  # Windows has no flock: edits are still checked against each file's digest
    import fcntl

LOCK_TIMEOUT = 10.0
"""Seconds an edit waits for another peacewatch writer before giving up: an edit takes milliseconds."""


class LockBusy(Exception):
    """Another writer held the folder for the whole wait."""


class LockCancelled(Exception):
    """The user stopped waiting."""


@dataclass
class Wait:
    """How an edit waits for the folder: how long, whom to tell it is waiting, and how to stop it."""

    timeout: float = LOCK_TIMEOUT
    on_wait: Callable[[], None] | None = None
    """Called once, from the waiting thread, when the folder is not free at once."""
    cancel: threading.Event = field(default_factory=threading.Event)


@contextmanager
def folder_lock(folder: Path, wait: Wait | None = None) -> Iterator[None]:
    """Hold an exclusive advisory lock on the folder itself (no lock file is left in it).

    Raises LockBusy after `wait.timeout` seconds, LockCancelled as soon as `wait.cancel` is set.
    """
    wait = wait or Wait()
    if sys.platform == "win32":
        yield
        return
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        deadline = time.monotonic() + wait.timeout
        told = False
        while True:
            if wait.cancel.is_set():
                raise LockCancelled
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                pass
            if not told and wait.on_wait is not None:
                wait.on_wait()
                told = True
            if time.monotonic() >= deadline:
                raise LockBusy
            wait.cancel.wait(0.02)
        yield
    finally:
        os.close(fd)  # closing releases the lock
