"""A start draws the story from the head the run before kept, and never a head that is not the
files' now: the real dashboard in a real pseudo-terminal, run twice on one store with one state
directory, the content edited between the runs as editors edit it.

What a run showed is everything it wrote to the terminal, its first frame included: an old
headline that was drawn even once, for one frame, is in it.
"""

from __future__ import annotations

import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.helpers.paths import REPO

OLD = "Ukraine agrees “in"
"""The shipped headline's first words: in no other line of the shipped dashboard."""
NEW = "Talks resume in"
READING = "Reading the store"
"""What the status card says while no head is known."""
LIVE = "● live"
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1bP[^\x1b]*\x1b\\|\x1b[()][0-9A-Za-z]|\x1b[@-Z\\-_=>]|[\x00-\x1f]")


class Run:
    """One dashboard on a pty of 120×40; `shown` is the text of all it has written so far."""

    def __init__(self, master: int, process: subprocess.Popen[bytes]) -> None:
        self.master, self.process, self.raw = master, process, b""

    @property
    def shown(self) -> str:
        return _ESCAPES.sub("", self.raw.decode("utf-8", "ignore"))

    def wait_for(self, *texts: str, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while not all(text in self.shown for text in texts):
            assert time.monotonic() < deadline, f"{texts} never all shown; the last of the screen: {self.shown[-800:]!r}"
            assert self.process.poll() is None, f"the dashboard ended: {self.shown[-800:]!r}"
            if select.select([self.master], [], [], 0.05)[0]:
                self.raw += os.read(self.master, 65536)


@contextmanager
def dashboard(store: Path) -> Iterator[Run]:
    """The dashboard on `store`, killed at the end (as a closed terminal or a crash ends it: nothing
    is written on the way out, so what the next start finds is what the run kept as it went)."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    env = dict(os.environ, TERM="xterm-256color", PYTHONPATH=str(REPO))  # the test's own state directory (conftest)
    process = subprocess.Popen([sys.executable, "-m", "tui", str(store), "--no-journal"], stdin=slave, stdout=slave, stderr=slave,
                               env=env, start_new_session=True)
    os.close(slave)
    try:
        yield Run(master, process)
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(10)
        os.close(master)


def with_headline(store: Path, words: str) -> bytes:
    """status.yaml with its headline replaced, every other byte kept."""
    text = (store / "status.yaml").read_text(encoding="utf-8")
    new, count = re.subn(r"(?m)^  headline: (?:>-\n(?:    .*\n)+|.*\n)", f"  headline: {words}\n", text, count=1)
    assert count == 1
    return new.encode()


def first_run(store: Path) -> None:
    """A run that reads the whole store (and so keeps its head), then is killed."""
    with dashboard(store) as run:
        run.wait_for(OLD, LIVE)


def test_a_second_start_draws_the_story_in_its_first_frame(store: Path) -> None:
    first_run(store)
    with dashboard(store) as run:
        run.wait_for(OLD, LIVE)
        assert READING not in run.shown, "the second start waited for the store instead of drawing the head it kept"


def test_a_status_edited_between_two_runs_never_shows_its_old_headline(store: Path) -> None:
    first_run(store)
    (store / "status.yaml").write_bytes(with_headline(store, "Talks resume in Geneva"))
    with dashboard(store) as run:
        run.wait_for(NEW, LIVE)
        assert OLD not in run.shown


def test_a_rewrite_of_the_same_size_and_time_never_shows_the_old_headline(store: Path) -> None:
    first_run(store)
    path = store / "status.yaml"
    before = os.stat(path)
    new = path.read_bytes().replace(b"    Ukraine agrees", b"    Ukraine refuse", 1)
    with open(path, "r+b") as handle:  # in place, as many bytes, within the same tick of the file's clock
        handle.write(new)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = os.stat(path)
    assert (after.st_ino, after.st_size, after.st_mtime_ns) == (before.st_ino, before.st_size, before.st_mtime_ns)
    with dashboard(store) as run:
        run.wait_for("Ukraine refuse “in", LIVE)
        assert OLD not in run.shown


def test_a_save_within_the_settle_window_is_never_undone_by_the_next_start(store: Path) -> None:
    # Saved, and the dashboard killed before its watcher's quiet window had passed: the run never
    # read the save, so the head it kept is the old one, and must not be shown again.
    with dashboard(store) as run:
        run.wait_for(OLD, LIVE)
        (store / "status.yaml").write_bytes(with_headline(store, "Talks resume in Geneva"))
    with dashboard(store) as run:
        run.wait_for(NEW, LIVE)
        assert OLD not in run.shown


def test_a_save_the_dashboard_read_is_the_head_of_the_next_start(store: Path) -> None:
    with dashboard(store) as run:
        run.wait_for(OLD, LIVE)
        (store / "status.yaml").write_bytes(with_headline(store, "Talks resume in Geneva"))
        run.wait_for(NEW)  # read, and its head kept before it was shown
    with dashboard(store) as run:
        run.wait_for(NEW, LIVE)
        assert OLD not in run.shown and READING not in run.shown
