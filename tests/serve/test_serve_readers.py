"""`peacewatch serve`'s readers: a real server, real WebSocket clients (aiohttp's) sending the page's own
Origin, as the page's script does. A cap on readers, a cap on the size a page is drawn at, and each
reader's dashboard ended, with everything it started, when they leave.

The one slow test of serve's own: dashboards take seconds each to start on a busy two-core machine,
so every check shares one server. What is checked of processes is /proc's account of them.
"""

from __future__ import annotations

import asyncio
import os
import re
import signal
import sys
import time

import aiohttp
import pytest

from tests.helpers.serve import served_process
from tui.commands.serve_reader import SERVED_DRIVER
from tui.ui.served_page import MAX_COLUMNS, MAX_ROWS

pytestmark = pytest.mark.skipif(not os.path.isdir("/proc"), reason="the processes are read from /proc")

ESCAPE = re.compile(r"\x1b(\[[0-9;?<=>]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-Za-z]|[=>78])")
MOVE = re.compile(r"\x1b\[(\d+);(\d+)H")
DASHBOARD = "1 Deal status"
"""Text of the dashboard's first frame: the page's dashboard is up."""


def processes_under(pid: int) -> dict[int, bytes]:
    """Every live process under `pid`, each with when it started (a pid and its start name one process)."""
    parents: dict[int, int] = {}
    started: dict[int, bytes] = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat", "rb") as stat:
                    fields = stat.read().rsplit(b")", 1)[-1].split()
            except OSError:
                continue
            if fields[0] != b"Z":
                parents[int(name)], started[int(name)] = int(fields[1]), fields[19]
    found: dict[int, bytes] = {}
    waiting = [pid]
    while waiting:
        parent = waiting.pop()
        for child in [p for p, pp in parents.items() if pp == parent]:
            found[child] = started[child]
            waiting.append(child)
    return found


def alive(processes: dict[int, bytes]) -> list[int]:
    living = []
    for pid, started in processes.items():
        try:
            with open(f"/proc/{pid}/stat", "rb") as stat:
                fields = stat.read().rsplit(b")", 1)[-1].split()
        except OSError:
            continue
        if fields[0] != b"Z" and fields[19] == started:
            living.append(pid)
    return living


async def all_gone(processes: dict[int, bytes], within: float, what: str) -> float:
    """Wait until none of `processes` is left; how long that took. Fails after `within` seconds."""
    start = time.monotonic()
    while living := alive(processes):
        assert time.monotonic() - start < within, f"{what}: still running after {within} s: {living}"
        await asyncio.sleep(0.05)
    return time.monotonic() - start


def megabytes(pid: int) -> int:
    with open(f"/proc/{pid}/status") as status:
        return next(int(line.split()[1]) // 1024 for line in status if line.startswith("VmRSS:"))


class Page:
    """One page's WebSocket, and everything its terminal was sent."""

    def __init__(self, socket: aiohttp.ClientWebSocketResponse) -> None:
        self.socket = socket
        self.received = bytearray()
        self.reading = asyncio.create_task(self._read())

    async def _read(self) -> None:
        async for message in self.socket:
            if message.type == aiohttp.WSMsgType.BINARY:
                self.received += message.data

    def raw(self) -> str:
        return self.received.decode("utf-8", errors="replace")

    def text(self) -> str:
        return ESCAPE.sub("", self.raw())

    async def shows(self, words: str, timeout: float = 60) -> None:
        start = time.monotonic()
        while words not in self.text():
            assert time.monotonic() - start < timeout, f"{words!r} never came; the page shows:\n{self.text()[-2000:]}"
            await asyncio.sleep(0.05)

    def rows(self) -> int:
        """The lowest row the dashboard has drawn on (it places each line it draws)."""
        return max((int(move.group(1)) for move in MOVE.finditer(self.raw())), default=0)

    async def drawn_rows(self, rows: int, timeout: float = 60) -> None:
        start = time.monotonic()
        while self.rows() < rows:
            assert time.monotonic() - start < timeout, f"drawn on {self.rows()} rows, never {rows}"
            await asyncio.sleep(0.05)

    async def leave(self) -> None:
        await self.socket.close()
        await self.reading


async def open_page(session: aiohttp.ClientSession, origin: str, width: int = 120, height: int = 40) -> Page:
    host = origin.split("://", 1)[1]
    socket = await session.ws_connect(f"ws://{host}/ws?width={width}&height={height}", headers={"Origin": origin}, max_msg_size=0)
    return Page(socket)


async def test_readers_are_capped_drawn_no_larger_than_the_cap_and_ended_when_they_leave(store, tmp_path):
    with served_process(store, tmp_path, "--no-journal", "--max-readers", "2") as (url, server):
        origin = url.rstrip("/")
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=None)) as session:
            first = await open_page(session, origin)
            await first.shows(DASHBOARD)
            first_tree = processes_under(server.pid)
            second = await open_page(session, origin)
            await second.shows(DASHBOARD)
            second_tree = {pid: started for pid, started in processes_under(server.pid).items() if pid not in first_tree}
            assert first_tree and second_tree

            # Over the cap: the page says so in plain words, and no dashboard is started for it.
            third = await open_page(session, origin)
            await third.shows("This dashboard is full.")
            assert "2 readers have it open" in third.text() and "try again in a few minutes" in third.text()
            assert processes_under(server.pid) == first_tree | second_tree

            # A page asking for a huge terminal is drawn at the cap, and told so.
            first.received.clear()
            await first.socket.send_json(["resize", {"width": 5000, "height": 3000}])
            await first.shows(f"This page is drawn at most {MAX_COLUMNS} columns by {MAX_ROWS} rows")
            await first.drawn_rows(MAX_ROWS)
            await asyncio.sleep(1)  # anything larger would have come by now
            assert first.rows() == MAX_ROWS
            dashboard = next(pid for pid in first_tree if pid in processes_under(server.pid))
            assert megabytes(dashboard) < 150  # 280 MB and more, drawn at 5000×3000

            # Leaving ends the dashboard and all it started, within seconds, and frees its place.
            await first.leave()
            await all_gone(first_tree, 6, "the first reader's dashboard")
            fourth = await open_page(session, origin)
            await fourth.shows(DASHBOARD)

            # A dashboard that does not answer (stopped here; stuck, or waiting on git) is ended all the same.
            os.kill(next(pid for pid in second_tree if pid in processes_under(server.pid)), signal.SIGSTOP)
            await second.leave()
            assert await all_gone(second_tree, 10, "the stuck dashboard") > 2  # it was asked first, and given time

            # Stopped (ctrl+c, or SIGTERM from a service manager, to the server alone), the server ends every
            # dashboard and closes the page still saying it is full, at once rather than when aiohttp gives up.
            fourth_tree = processes_under(server.pid)
            server.send_signal(signal.SIGTERM)
            start = time.monotonic()
            server.wait(timeout=30)
            assert time.monotonic() - start < 5
            await all_gone(fourth_tree, 1, "a dashboard of the stopped server")
            await asyncio.wait_for(third.reading, 5)  # its socket closed by the server


async def test_a_pages_dashboard_ends_by_itself_when_its_server_is_gone(store, tmp_path):
    """Killed, the server ends nothing: each page's dashboard (run with peacewatch's driver, as the
    server runs it) sees its input end, and ends."""
    environment = {**os.environ, "TEXTUAL_DRIVER": SERVED_DRIVER, "COLUMNS": "120", "ROWS": "40", "XDG_STATE_HOME": str(tmp_path / "state")}
    dashboard = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "tui", str(store), "--served", "--no-journal",
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.DEVNULL, env=environment,
    )
    assert dashboard.stdin is not None and dashboard.stdout is not None
    output = bytearray()

    async def read() -> None:  # all of it: a dashboard whose output is not read stops at its next frame
        while chunk := await dashboard.stdout.read(65536):
            output.extend(chunk)

    reading = asyncio.create_task(read())
    try:
        start = time.monotonic()
        while DASHBOARD.encode() not in output:
            assert time.monotonic() - start < 60, f"the dashboard never drew; it wrote {bytes(output[-500:])!r}"
            await asyncio.sleep(0.05)
        dashboard.stdin.close()  # what the kernel does when the server dies
        await all_gone({dashboard.pid: processes_under(os.getpid())[dashboard.pid]}, 10, "the dashboard whose server is gone")
    finally:
        if dashboard.returncode is None:
            dashboard.kill()
        await reading
