"""One reader's dashboard process under `peacewatch serve`: drawn no larger than a sane maximum, and
ended, with everything it started, within seconds of the reader leaving.

textual-serve passes on whatever size the browser asks for (a script can ask for 5000×3000: a
280 MB process, seconds of work a frame), and when the page closes it asks the dashboard to quit
and then waits on it for as long as it takes: a dashboard that does not answer (busy, stuck, or
waiting on a git fetch in a thread) lingers, and so do its children. Here the size is clamped to
`MAX_COLUMNS` × `MAX_ROWS`, and a dashboard that has not quit within `QUIT_SECONDS` is ended,
its children with it, even those in sessions of their own (git starts each of its commands so).
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
from asyncio.subprocess import Process

from textual_serve.app_service import AppService

from tui.ui.served_page import MAX_COLUMNS, MAX_ROWS

log = logging.getLogger("peacewatch.serve")

QUIT_SECONDS = 3.0
"""How long a dashboard has to quit once its reader has left (it takes about one second on a busy
two-core machine) before it is ended."""
TERM_SECONDS = 2.0
"""How long what is ended has to stop after SIGTERM (git removes its lock files then) before SIGKILL."""

SERVED_DRIVER = "tui.ui.served_driver:ServedDriver"
"""The Textual driver each page's dashboard runs with: Textual's web driver, but ending with its server."""


def clamped(width: object, height: object) -> tuple[int, int] | None:
    """A terminal size a browser asked for, within 1..MAX_COLUMNS × 1..MAX_ROWS; None if it is not
    a size at all (the message comes from whatever opened the WebSocket, not only our page)."""
    try:
        columns, rows = int(width), int(height)  # type: ignore[call-overload]  # anything: refused below if not a number
    except (TypeError, ValueError, OverflowError):
        return None
    return min(max(columns, 1), MAX_COLUMNS), min(max(rows, 1), MAX_ROWS)


def _started(pid: int) -> bytes | None:
    """When process `pid` started, in clock ticks since boot (None if it is gone, or a zombie): with
    the pid, it names one process, never a later one given the same number."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            fields = stat.read().rsplit(b")", 1)[-1].split()  # after the name, which may hold ")" or spaces
    except OSError:
        return None
    return None if fields[0] == b"Z" else fields[19]


def descendants(pid: int) -> list[tuple[int, bytes]]:
    """Every process under `pid`, each with when it started; from /proc, so empty where there is none."""
    children: dict[int, list[int]] = {}
    try:
        entries = [int(name) for name in os.listdir("/proc") if name.isdigit()]
    except OSError:
        return []
    for child in entries:
        try:
            with open(f"/proc/{child}/stat", "rb") as stat:
                parent = int(stat.read().rsplit(b")", 1)[-1].split()[1])
        except (OSError, ValueError, IndexError):
            continue  # gone meanwhile
        children.setdefault(parent, []).append(child)
    found: list[tuple[int, bytes]] = []
    waiting = [pid]
    while waiting:
        for child in children.get(waiting.pop(), []):
            started = _started(child)
            if started is not None:
                found.append((child, started))
                waiting.append(child)
    return found


def _signal(process: Process, others: list[tuple[int, bytes]], sig: signal.Signals) -> None:
    targets = ([process.pid] if process.returncode is None else []) + [pid for pid, started in others if _started(pid) == started]
    for pid in targets:
        try:
            os.kill(pid, sig)
        except (ProcessLookupError, PermissionError):
            pass


async def exited(process: Process, within: float) -> bool:
    """Whether `process` has ended within `within` seconds. Its return code is watched, not `wait()`:
    on Python 3.11 that also waits for its pipes to close, which a child it left behind may hold."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while process.returncode is None:
        if loop.time() >= deadline:
            return False
        await asyncio.sleep(0.05)
    return True


async def end_tree(process: Process, grace: float = TERM_SECONDS) -> None:
    """End `process` and every process under it: SIGTERM, then SIGKILL for what is left after `grace`.

    What is under it is listed before anything is signalled: once a process ends, its children
    belong to init, and nothing says any more that they were its."""
    others = descendants(process.pid)
    _signal(process, others, signal.SIGTERM)
    loop = asyncio.get_running_loop()
    deadline = loop.time() + grace
    while loop.time() < deadline and (process.returncode is None or any(_started(pid) == started for pid, started in others)):
        await asyncio.sleep(0.05)
    _signal(process, others, signal.SIGKILL)
    await exited(process, grace)


class ReaderService(AppService):
    """textual-serve's process for one page, with the size clamped and a sure end (see the module)."""

    _ending: asyncio.Future[None] | None = None

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        environment = super()._build_environment(*(clamped(width, height) or (80, 24)))
        environment["TEXTUAL_DRIVER"] = SERVED_DRIVER
        return environment

    async def set_terminal_size(self, width: int, height: int) -> None:
        size = clamped(width, height)
        if size is not None:
            await super().set_terminal_size(*size)

    async def stop(self) -> None:
        """Stop the dashboard and wait until it has ended; every caller waits for the one ending."""
        if self._ending is None:
            self._ending = asyncio.ensure_future(self._end())
        await asyncio.shield(self._ending)

    async def _end(self) -> None:
        process, task = self._process, self._task
        if process is None or task is None:
            return
        await self._download_manager.cancel_app_downloads(app_service_id=self.app_service_id)
        if process.returncode is None:
            await self.send_meta({"type": "quit"})
            if not await exited(process, QUIT_SECONDS):
                log.warning("a reader's dashboard (process %d) did not quit within %g s of the reader leaving: ending it", process.pid, QUIT_SECONDS)
                await end_tree(process)
        try:
            await asyncio.wait_for(task, TERM_SECONDS)  # what it printed last is passed on
        except TimeoutError:
            pass
        self._task = None
