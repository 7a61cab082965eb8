"""Follow a content folder on disk and say which files changed, surviving every way editors save.

The folder is watched, never single files: a watch on a file goes dead after the first
rename-over save (vim, VS Code). Changes are grouped until the folder has been quiet for
a moment, so an in-place save is reported once it is written, not mid-write. If the
folder itself disappears, we wait for it to come back and ask for a full rescan.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator
from pathlib import Path

from watchfiles import DefaultFilter, awatch

from tui.core.paths import YAML_SUFFIXES

QUIET_MS = 50
"""A batch is reported once the folder has been quiet this long (watchfiles' `step`)."""
MAX_WAIT_MS = 400
"""…or after this long, even if writes keep coming (watchfiles' `debounce`)."""
RETRY_SECONDS = 0.5
"""How often to look for a folder that has gone missing."""

RESCAN = None
"""Yielded instead of paths when the whole folder must be scanned again."""


class _ContentFilter(DefaultFilter):
    """Content files and folders; not editors' probe, swap and backup files."""

    def __call__(self, change: object, path: str) -> bool:
        if not super().__call__(change, path):  # type: ignore[arg-type]
            return False
        name = os.path.basename(path)
        if name.startswith(".") or name.isdigit():  # vim writes a probe file named 4913
            return False
        return name.endswith(YAML_SUFFIXES) or "." not in name


async def watch_folder(root: Path, poll: float | None = None, stop: asyncio.Event | None = None) -> AsyncIterator[set[str] | None]:
    """Yield sets of changed content paths (absolute), or RESCAN when a folder came or went.

    With `poll` (seconds), the folder is polled instead of using the OS's file events,
    for network mounts where events don't arrive.
    """
    stop = stop or asyncio.Event()
    root = Path(root)
    while not stop.is_set():
        if not root.is_dir():
            yield RESCAN
            while not root.is_dir() and not stop.is_set():
                await asyncio.sleep(poll or RETRY_SECONDS)
            yield RESCAN
            continue
        try:
            async for changes in awatch(
                root,
                watch_filter=_ContentFilter(),
                step=QUIET_MS,
                debounce=MAX_WAIT_MS,
                stop_event=stop,
                force_polling=poll is not None,
                poll_delay_ms=int((poll or 0.3) * 1000),
                recursive=True,
                ignore_permission_denied=True,
            ):
                paths = {path for _, path in changes}
                if not root.is_dir() or any(not p.endswith(YAML_SUFFIXES) for p in paths):
                    yield RESCAN
                    if not root.is_dir():
                        break
                else:
                    yield paths
        except (FileNotFoundError, OSError, RuntimeError):
            # The folder vanished under the watcher or the OS refused it: rescan and retry.
            yield RESCAN
            await asyncio.sleep(poll or RETRY_SECONDS)
