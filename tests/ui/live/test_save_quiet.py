"""A save reaches the screen as soon as its file has been quiet for the settle rule's window, and
never before: a real writer in another process writes a file in two halves with a pause between."""

from __future__ import annotations

import asyncio
import sys

from tests.helpers.edits import set_headline
from tests.helpers.pilot import screen_text, started, wait_until
from tui.core.disk.settle import SAVE_QUIET_SECONDS

WRITER = """
import sys, time
path, first, rest, pause = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
with open(path, "r+", encoding="utf-8") as f:  # in place, as editors that keep the file's inode write
    # Timed from before the truncation to after the last byte: the longest the file can have
    # been less than whole. A writer held up anywhere in between (a busy machine does that)
    # counts, not only in its sleep.
    start = time.monotonic()
    f.truncate(0)
    f.write(first)
    f.flush()
    time.sleep(pause)  # what is on disk meanwhile is valid YAML: only time tells it is half
    f.write(rest)
    f.flush()
    print(time.monotonic() - start)
"""


def headlines(pilot) -> list[str]:
    shown: list[str] = []
    pilot.app.watch(pilot.app, "state", lambda state: shown.append(state.snapshot.status.headline if state.snapshot.status else ""), init=False)
    return shown


async def write_in_two_halves(path, text: str, cut: int, pause: float) -> float:
    """Write `text` in two halves with `pause` between; returns the longest the file was not whole."""
    writer = await asyncio.create_subprocess_exec(sys.executable, "-c", WRITER, str(path), text[:cut], text[cut:], str(pause),
                                                  stdout=asyncio.subprocess.PIPE)
    out, _ = await writer.communicate()
    assert writer.returncode == 0
    return float(out)


async def test_a_save_written_in_two_halves_by_another_process_is_shown_whole_never_half(store):
    async with started(store, live=True) as pilot:
        await pilot.pause(0.3)  # the watch in place
        shown = headlines(pilot)
        finals = [set_headline(store, f"Whole headline number {n} arrived") for n in range(3)]
        within = 0
        for n, pause in enumerate((SAVE_QUIET_SECONDS * 0.6, 0.02, 0.005)):
            final, before = finals[n], len(shown)
            cut = final.index(f"number {n}") + len("number")
            took = await write_in_two_halves(store / "status.yaml", final, cut, pause)
            await wait_until(pilot, lambda n=n: f"Whole headline number {n} arrived" in screen_text(pilot), what=f"save {n} on screen")
            # The rule's promise: a pause shorter than its window is never taken for the end of a
            # save. A writer the machine held up for longer has, by every sign the file gives, ended
            # its save; its half may show until the rest's own event, which the wait above saw.
            if took < SAVE_QUIET_SECONDS * 0.9:
                within += 1
                assert not any(h.endswith("number") for h in shown[before:]), (took, shown[before:])
        assert shown and within, f"no save paused within the window ({SAVE_QUIET_SECONDS * 1000:.0f} ms): the machine held every writer up"


async def test_same_size_saves_within_the_same_second_are_each_seen(store):
    async with started(store, live=True) as pilot:
        await pilot.pause(0.3)
        texts = {text: set_headline(store, text) for text in ("Round 1 of the talks resumes", "Round 2 of the talks resumes", "Round 3 of the talks resumes")}
        for text, whole in texts.items():
            with open(store / "status.yaml", "w", encoding="utf-8") as handle:  # same size each time, within a second
                handle.write(whole)
            await wait_until(pilot, lambda text=text: text in screen_text(pilot), what=text)
