"""Follow a content folder on disk and say which files changed, surviving every way editors save.

The folder is watched, never single files: a watch on a file goes dead after the first
rename-over save (vim, VS Code). Changes are grouped until the folder has been quiet for
`QUIET_MS`, and each changed file is then reported once its own times say it has been quiet for
`settle.SAVE_QUIET_SECONDS` (the rule an edit follows, `settle.wait_settled`), so an in-place save
is reported once it is written, not mid-write. If the
folder itself disappears, we wait for it to come back and ask for a full rescan.

Polling (for network mounts) compares every content file's size, inode and times to the
nanosecond between looks: watchfiles' poller compares whole seconds of mtime, so a second
save within the same second as the first would never be seen.
"""

from __future__ import annotations

import asyncio
import os
import stat
from collections.abc import AsyncIterator
from pathlib import Path

from watchfiles import Change, DefaultFilter, awatch

from tui.core.disk.paths import RESCAN, YAML_SUFFIXES
from tui.core.disk.settle import SAVE_QUIET_SECONDS, StillChanging, wait_settled

QUIET_MS = 10
"""A batch is taken once the folder has been quiet this long (watchfiles' `step`); its files are then
each waited for by the settle rule. watchfiles delivers a batch 16–20 ms after a save with a 10 ms
step (54–99 ms with a 50 ms step, measured on the shipped store); a shorter step makes its thread
wake more often, for no earlier frame: the settle rule's 30 ms is the longer wait."""
POLL_QUIET_MS = 50
"""Polling's quiet window: each look walks the whole folder, so it looks no more often than this."""
MAX_WAIT_MS = 400
"""…or after this long, even if writes keep coming (watchfiles' `debounce`)."""
RETRY_SECONDS = 0.5
"""How often to look for a folder that has gone missing."""

_Look = tuple[dict[str, tuple[int, int, int, int]], frozenset[str]]
"""A polled folder: each content file's (mtime_ns, ctime_ns, size, inode), and its subfolders."""


class _ContentFilter(DefaultFilter):
    """Content files and folders, and the watched folder itself; not editors' probe, swap and backup files."""

    def __init__(self, root: str = "") -> None:
        super().__init__()
        self.root = root
        """The watched folder (absolute): its own deletion always passes, whatever its name."""

    def __call__(self, change: Change, path: str) -> bool:
        if self.root and os.path.abspath(path) == self.root:
            return change == Change.deleted
        if not super().__call__(change, path):
            return False
        name = os.path.basename(path)
        if name.startswith(".") or name.isdigit():  # vim writes a probe file named 4913
            return False
        return name.endswith(YAML_SUFFIXES) or "." not in name


def _identity(root: Path) -> tuple[int, int] | None:
    """Which folder is at `root` now (device and inode), or None if there is none."""
    try:
        info = os.stat(root)
    except OSError:
        return None
    return (info.st_dev, info.st_ino) if stat.S_ISDIR(info.st_mode) else None


def _look(root: Path) -> _Look | None:
    """The folder as polling sees it; None if there is no folder at `root`."""
    if not root.is_dir():
        return None
    files: dict[str, tuple[int, int, int, int]] = {}
    folders: set[str] = set()
    for directory, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        folders.update(os.path.join(directory, d) for d in dirnames)
        for name in filenames:
            if name.startswith(".") or not name.endswith(YAML_SUFFIXES):
                continue
            path = os.path.join(directory, name)
            try:
                info = os.stat(path)  # a link: the file it leads to
            except OSError:
                try:
                    info = os.lstat(path)
                except OSError:
                    continue
            files[path] = (info.st_mtime_ns, info.st_ctime_ns, info.st_size, info.st_ino)
    return files, frozenset(folders)


def _difference(before: _Look | None, after: _Look | None) -> set[str] | None:
    """The content files that changed between two looks; RESCAN if the folder or its subfolders did."""
    if before is None or after is None or before[1] != after[1]:
        return RESCAN
    old, new = before[0], after[0]
    return {path for path in old.keys() | new.keys() if old.get(path) != new.get(path)}


def _settle(paths: set[str]) -> None:
    """Return once each file of `paths` has been quiet for SAVE_QUIET_SECONDS (at once for most
    saves, reported after their last write); a file written without pause is let through after
    MAX_WAIT_MS, as watchfiles lets a batch through (its later writes are reported in turn)."""
    for path in paths:
        try:
            wait_settled(Path(path), SAVE_QUIET_SECONDS, give_up=MAX_WAIT_MS / 1000)
        except StillChanging:
            continue


async def _stopped(stop: asyncio.Event, seconds: float) -> bool:
    try:
        await asyncio.wait_for(stop.wait(), seconds)
    except TimeoutError:
        return False
    return True


async def _poll_folder(root: Path, every: float, stop: asyncio.Event, rescan: bool) -> AsyncIterator[set[str] | None]:
    seen = await asyncio.to_thread(_look, root)
    if rescan:
        yield RESCAN  # what changed before this first look
    loop = asyncio.get_running_loop()
    while not await _stopped(stop, every):
        now = await asyncio.to_thread(_look, root)
        if now == seen:
            continue
        # Something changed: as with file events, report it once the folder has been quiet.
        deadline = loop.time() + MAX_WAIT_MS / 1000
        while loop.time() < deadline and not await _stopped(stop, POLL_QUIET_MS / 1000):
            settled = await asyncio.to_thread(_look, root)
            if settled == now:
                break
            now = settled
        yield _difference(seen, now)
        seen = now


async def _relay(stop: asyncio.Event, own: asyncio.Event) -> None:
    await stop.wait()
    own.set()


async def watch_folder(
    root: Path, poll: float | None = None, stop: asyncio.Event | None = None, rescan_first: bool = False,
) -> AsyncIterator[set[str] | None]:
    """Yield sets of changed content paths (absolute), or RESCAN when a folder came or went.

    With `poll` (seconds), the folder is polled instead of using the OS's file events,
    for network mounts where events don't arrive. With `rescan_first`, RESCAN comes first,
    once the watch is in place: for a caller that read the folder before watching it, so a
    save made in between is not missed.
    """
    stop = stop or asyncio.Event()
    root = Path(root)
    if poll is not None:
        async for batch in _poll_folder(root, poll, stop, rescan_first):
            yield batch
        return
    rescan = rescan_first  # whether to scan the folder once the (re)started watch is in place
    while not stop.is_set():
        if not root.is_dir():
            yield RESCAN
            while not root.is_dir() and not stop.is_set():
                await asyncio.sleep(RETRY_SECONDS)
            rescan = True
            continue
        # The watch follows the folder it was started on: if another folder takes its place
        # (removed and copied back, or swapped in by a rename), it must be started again.
        identity, here = _identity(root), os.path.abspath(root)
        # watchfiles sets the event it is given when its task is cancelled (to end its thread):
        # given the caller's own, cancelling one watch (a story switched away from) would stop
        # every loop that waits on it. Each watch gets an event of its own, set when `stop` is.
        own = asyncio.Event()
        relay = asyncio.ensure_future(_relay(stop, own))
        batches = awatch(
            root,
            watch_filter=_ContentFilter(here),
            step=QUIET_MS,
            debounce=MAX_WAIT_MS,
            stop_event=own,
            force_polling=False,
            recursive=True,
            ignore_permission_denied=True,
        )
        pending = asyncio.ensure_future(batches.__anext__())
        try:
            # awatch's first step puts the watch in place; only then is the folder scanned,
            # so nothing written between the scan and the watch goes unseen.
            await asyncio.sleep(0)
            if rescan:
                rescan = False
                yield RESCAN
            while True:
                changes = await pending
                # The folder itself went (a new one may already have taken its place, even its
                # inode number) or another folder is there now: the watch is on the old one.
                if _identity(root) != identity or any(c == Change.deleted and os.path.abspath(p) == here for c, p in changes):
                    rescan = True
                    break
                paths = {path for _, path in changes}
                await asyncio.to_thread(_settle, {p for p in paths if p.endswith(YAML_SUFFIXES)})
                yield RESCAN if any(not p.endswith(YAML_SUFFIXES) for p in paths) else paths
                pending = asyncio.ensure_future(batches.__anext__())
        except StopAsyncIteration:
            return
        except Exception:  # noqa: BLE001 - any failure of the watch: never stop following
            # The folder vanished under the watcher, the OS refused it, or the watcher could not
            # report a path (a file name that is not UTF-8 makes it fail): rescan and start again.
            yield RESCAN
            await asyncio.sleep(RETRY_SECONDS)
            rescan = True
        finally:
            relay.cancel()
            if pending.done():
                if not pending.cancelled():
                    pending.exception()  # seen here, so never logged as lost
                await batches.aclose()
            else:
                pending.cancel()
