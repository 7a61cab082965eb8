"""An edit waits out an editor's save in progress: a real writer in another process writes a
day's file in place, pausing between two items (where the half-written file is valid YAML), and
an edit made in the pause must neither read the half nor send the rest of the editor's bytes into
a replaced file."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers.paths import SHIPPED
from tui.core.desk import AddQuote, Desk
from tui.core.disk.settle import SETTLE_SECONDS, StillChanging, wait_settled

DAY = "quotes/2025-11-26.yaml"
ITEM = """  - id: editor-quote-{n}
    text: Quote number {n}
    speaker: Sergey Lavrov
    party: russia
    date: 2025-11-26
    medium: press-conference
    source: meduza-2025-11-25-lavrov
"""

WRITER = """
import sys, time
path, first, rest, marker, pause = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], float(sys.argv[5])
with open(path, "r+", encoding="utf-8") as f:  # in place, as editors that keep the file's inode write
    f.truncate(0)
    f.write(first)
    f.flush()
    open(marker, "w").close()
    time.sleep(pause)  # at an item's boundary: what is on disk is valid YAML
    f.write(rest)
"""


@pytest.fixture
def root(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    shutil.copytree(SHIPPED, root, ignore=shutil.ignore_patterns("README.md"))
    (root / DAY).write_text("quotes:\n" + ITEM.format(n=0), encoding="utf-8")
    return root


def test_an_edit_made_while_an_editor_pauses_mid_save_waits_and_loses_none_of_its_bytes(root: Path, tmp_path: Path) -> None:
    marker = tmp_path / "paused"
    first = "quotes:\n" + ITEM.format(n=1)
    rest = "".join(ITEM.format(n=n) for n in (2, 3, 4))
    pause = SETTLE_SECONDS * 0.6
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(root / DAY), first, rest, str(marker), str(pause)])
    try:
        while not marker.exists():
            assert writer.poll() is None, "the writer ended before its pause"
            time.sleep(0.002)
        desk = Desk(root, journal="off")
        desk.load()  # reads the half-written file: one quote of four
        applied = desk.apply(AddQuote(text="We are ready to talk", speaker="Sergey Lavrov", medium="press-conference",
                                      date="2025-11-26", source="meduza-2025-11-25-lavrov"))
        desk.close()
    finally:
        writer.wait(10)
    text = (root / DAY).read_text(encoding="utf-8")
    assert all(f"id: editor-quote-{n}\n" in text for n in (1, 2, 3, 4)), text
    assert text.startswith(first + rest) and "We are ready to talk" in text
    assert applied.written.path == DAY


def test_a_file_left_alone_is_trusted_at_once_and_one_written_continuously_is_given_up_on(tmp_path: Path) -> None:
    quiet = tmp_path / "quiet.yaml"
    quiet.write_text("quotes: []\n")
    time.sleep(SETTLE_SECONDS)
    assert wait_settled(quiet) < 0.01  # no wait at all

    busy = tmp_path / "busy.yaml"
    script = f"import time\nfor i in range(400):\n    open({str(busy)!r}, 'a').write('#\\n'); time.sleep(0.02)\n"
    writer = subprocess.Popen([sys.executable, "-c", script])
    try:
        time.sleep(0.2)
        with pytest.raises(StillChanging):
            wait_settled(busy, give_up=1.0)
    finally:
        writer.kill()
        writer.wait()
    waited = wait_settled(busy)
    assert SETTLE_SECONDS * 0.5 < waited < SETTLE_SECONDS + 0.5
