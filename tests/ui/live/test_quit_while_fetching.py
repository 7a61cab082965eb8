"""Quitting while following waits for a remote that hangs: the real dashboard in a real
pseudo-terminal, a real clone whose remote answers nothing, a real `q`."""

from __future__ import annotations

import fcntl
import os
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from tests.helpers.git import ended, git, shared_desk
from tests.helpers.paths import REPO


@pytest.mark.parametrize("ending", ["q", "terminal closed"])
def test_the_dashboard_ends_at_once_while_a_fetch_hangs_and_ends_the_fetch_too(tmp_path: Path, ending: str) -> None:
    shared = shared_desk(tmp_path)
    marker = tmp_path / "upload-pack.pid"
    git(shared.b.parent, "config", "remote.origin.uploadpack", f"echo $$ > {marker}; sleep 60; git-upload-pack")
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    env = dict(os.environ, TERM="xterm-256color", PYTHONPATH=str(REPO))
    dashboard = subprocess.Popen(
        [sys.executable, "-m", "tui", str(shared.b), "--follow-git", "1", "--no-journal"],
        stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True,
    )
    os.close(slave)
    try:
        deadline = time.monotonic() + 30
        while not (marker.exists() and marker.read_text().strip()):
            assert time.monotonic() < deadline, "the dashboard never began to fetch"
            while select.select([master], [], [], 0.05)[0]:
                os.read(master, 65536)  # keep the terminal drained, as a terminal would
        start = time.monotonic()
        if ending == "q":
            os.write(master, b"q")
        else:
            os.kill(dashboard.pid, signal.SIGHUP)  # as a terminal window closing sends it
        while dashboard.poll() is None and time.monotonic() - start < 10:
            if select.select([master], [], [], 0.05)[0]:
                try:
                    os.read(master, 65536)
                except OSError:
                    break
        dashboard.wait(10)
        took = time.monotonic() - start
        assert took < 3, f"quitting took {took:.1f} s: it waited for git"
        assert ended(int(marker.read_text())), "the remote's helper outlived the dashboard"
    finally:
        if dashboard.poll() is None:
            dashboard.kill()
        os.close(master)
