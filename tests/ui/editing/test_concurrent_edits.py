"""Several writers at once (command-line edits side by side, with a dashboard watching): no update lost."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

from tests.helpers.pilot import started, wait_until
from tui.core.store.loader import ContentStore

PER_WRITER = 6
LATER = dt.datetime(2025, 12, 31, 12, 0)
"""A clock after every date the writers give their quotes, so none is flagged as from the future."""

WRITER = """
import sys
from tui.cli import main

for i in range({n}):
    code = main(["add", "quote", sys.argv[1], "--text", f"writer {{sys.argv[2]}} quote {{i}}", "--speaker", "Sergey Lavrov",
                 "--source", "meduza-thanksgiving-deadline", "--medium", "statement", "--date", "2025-11-27"])  # no archived copy
    if code:
        sys.exit(code)
"""


async def test_two_command_line_writers_and_a_dashboard_lose_nothing(store):
    async with started(store, live=True, now=LATER) as pilot:
        script = WRITER.format(n=PER_WRITER)
        writers = [
            subprocess.Popen([sys.executable, "-c", script, str(store), name], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            for name in ("A", "B")
        ]
        for writer in writers:
            # Waiting here blocks the app's loop, as a writer's burst would a busy machine's.
            _, err = writer.communicate(timeout=120)
            assert writer.returncode == 0, err.decode()
        wanted = {f"writer {w} quote {i}" for w in "AB" for i in range(PER_WRITER)}
        on_disk = {q.text for q in ContentStore(store).load().snapshot.quotes}
        assert wanted <= on_disk
        await wait_until(pilot, lambda: wanted <= {q.text for q in pilot.app.state.snapshot.quotes}, timeout=10, what="every quote on screen")
        assert pilot.app.state.problems == ()
