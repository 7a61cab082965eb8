"""A served reader's dashboard process, without a server: the size it is drawn at, and how it is ended.

The processes are real; what is checked is /proc's account of them (Linux, as the desk's servers run).
"""

from __future__ import annotations

import asyncio
import os
import sys
import time

import pytest

from tui.commands.serve_reader import clamped, end_tree
from tui.ui.served_page import MAX_COLUMNS, MAX_ROWS

pytestmark = pytest.mark.skipif(not os.path.isdir("/proc"), reason="the process tree is read from /proc")

STUBBORN = """
import os, signal, subprocess, sys, time
signal.signal(signal.SIGTERM, signal.SIG_IGN)
# A child in a session of its own, as git starts each of its commands: no process group holds both.
child = subprocess.Popen([sys.executable, "-c", "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); time.sleep(600)"],
                         start_new_session=True)
print(child.pid, flush=True)
time.sleep(600)
"""


def running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            return stat.read().rsplit(b")", 1)[-1].split()[0] != b"Z"
    except FileNotFoundError:
        return False


@pytest.mark.parametrize(
    ("asked", "drawn"),
    [
        ((120, 40), (120, 40)),
        ((5000, 3000), (MAX_COLUMNS, MAX_ROWS)),
        ((5000, 30), (MAX_COLUMNS, 30)),
        (("300", "90"), (300, 90)),  # the page's query string
        ((0, -5), (1, 1)),
        ((10**30, 2), (MAX_COLUMNS, 2)),
        (("wide", 40), None),
        ((float("inf"), 40), None),
        ((None, 40), None),
    ],
)
def test_a_size_is_clamped_and_anything_else_is_not_a_size(asked, drawn):
    assert clamped(*asked) == drawn


def test_the_largest_size_holds_a_4k_screen_at_a_10_px_font():
    # Measured in Chromium, a full-screen page on 3840×2160 at ?fontsize=10 asks for 640×196.
    assert MAX_COLUMNS >= 640 and MAX_ROWS >= 196


async def test_ending_a_dashboard_ends_what_it_started_even_in_another_session_and_deaf_to_sigterm():
    process = await asyncio.create_subprocess_exec(sys.executable, "-c", STUBBORN, stdout=asyncio.subprocess.PIPE)
    child = None
    try:
        assert process.stdout is not None
        child = int(await asyncio.wait_for(process.stdout.readline(), 30))
        assert running(process.pid) and running(child)
        started = time.monotonic()
        await end_tree(process, grace=0.5)
        took = time.monotonic() - started
        assert not running(process.pid)
        deadline = time.monotonic() + 5
        while running(child) and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        assert not running(child), "the child in its own session outlived the dashboard"
        assert took < 3
    finally:
        for pid in (process.pid, child):
            if pid is not None and running(pid):
                os.kill(pid, 9)
