"""Waking following at once: a file in the user's state directory, one per content folder, that
a push's webhook (through `serve`), a post-receive hook or `peacewatch wake` touches, and that
every dashboard following the folder looks at between its timed looks upstream.

A file, not a socket or a signal: any number of dashboards and served pages on one machine wake
from one touch, none has to be found by process id, and touching it can do nothing but make
them look upstream a little earlier than their timer would.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tui.core.disk.state_dirs import folder_key, state_base


def wake_path(content_dir: Path | str, state_dir: Path | str | None = None) -> Path:
    return state_base(state_dir) / "wake" / folder_key(content_dir)


def wake(content_dir: Path | str, state_dir: Path | str | None = None) -> int:
    """Tell every dashboard following `content_dir` on this machine to look upstream now; returns
    how many follow it (0: the wake-up waits for none, and the caller should say so)."""
    path = wake_path(content_dir, state_dir)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    fd = os.open(path, flags, 0o600)
    try:
        os.write(fd, f"{time.time_ns()}\n".encode())
    finally:
        os.close(fd)
    return len(followers(content_dir, state_dir))


def _followers_folder(content_dir: Path | str, state_dir: Path | str | None) -> Path:
    path = wake_path(content_dir, state_dir)
    return path.with_name(path.name + ".following")


@contextmanager
def following(content_dir: Path | str, state_dir: Path | str | None = None) -> Iterator[None]:
    """While a dashboard follows `content_dir`: a file named by its process id says so, so that
    `wake` can say how many it woke (and that it woke none, rather than claim it did)."""
    folder = _followers_folder(content_dir, state_dir)
    mine = folder / str(os.getpid())
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        mine.touch()
    except OSError:
        pass  # a dashboard that cannot say it follows still follows; `wake` then counts one fewer
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            mine.unlink()


def followers(content_dir: Path | str, state_dir: Path | str | None = None) -> list[int]:
    """The process ids of the dashboards following `content_dir` now (a crashed one's file is skipped)."""
    alive = []
    try:
        entries = list(_followers_folder(content_dir, state_dir).iterdir())
    except OSError:
        return []
    for entry in entries:
        if not entry.name.isdigit():
            continue
        try:
            os.kill(int(entry.name), 0)
        except ProcessLookupError:
            continue
        except PermissionError:
            pass  # another user's process of that id: not ours to judge, counted
        alive.append(int(entry.name))
    return alive


def wake_mark(path: Path) -> tuple[int, int, int] | None:
    """What the wake file looks like now; a different mark than last time means a wake-up."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_ino, info.st_mtime_ns, info.st_size
