"""A key is answered in one frame: a scrolling key's rows and the border's count together, a party
filter's line and its quotes together; a search letter is echoed at once and the quotes it finds
come in the next frame, never later."""

from __future__ import annotations

import os
import re

import pytest
from textual.drivers._writer_thread import WriterThread

from tests.helpers.bench import bench_store
from tests.helpers.pilot import burst, screen_text, started, wait_until
from tests.helpers.textual_private import frames_painted, queued_writes
from tui.ui.widgets.paint_now import let_writer_take

QUIET = 0.15
"""Seconds to let the app paint after a key: several of Textual's 60-a-second screen updates."""


@pytest.mark.parametrize("key", ["G", "pagedown"])
async def test_a_scrolling_key_draws_rows_and_count_in_its_first_frame_and_no_second(shipped, key):
    async with started(shipped) as pilot:
        await pilot.press("4")
        await pilot.pause(QUIET)
        rows = pilot.app.query_one("#quotes-list")
        with frames_painted(pilot.app) as frames:
            await pilot.press(key)
            await pilot.pause(QUIET)
        assert frames, "the key painted nothing"
        first = frames[0]
        count = re.search(r"(\d+)–(\d+) of (\d+) quotes", first)
        assert count, f"no 'rows X–Y of N' in the first frame after {key}"
        top = int(count.group(1))
        assert top > 1 and rows.cursor >= top - 1  # the list scrolled, the cursor is among the rows counted
        quote = pilot.app.state.snapshot.quote_by_id[rows.keys[top - 1]]
        assert quote.speaker in first  # the new first row is drawn in that same frame
        assert len(frames) == 1, f"{len(frames)} frames after {key}: the pane was painted again after its rows"


async def test_a_search_letter_is_echoed_at_once_and_the_quotes_it_finds_come_in_the_next_frame(shipped):
    async with started(shipped) as pilot:
        await pilot.press("slash", *"Lavro")
        await pilot.pause(QUIET)
        with frames_painted(pilot.app) as frames:
            await pilot.press("v")
            await pilot.pause(QUIET)
        assert frames, "the letter painted nothing"
        echo, found = frames[0], frames[-1]
        # The echo is painted before the search, without waiting for Textual's next frame: the
        # box's edge and padding, then the text typed; the quotes are still the last letter's.
        assert "▊  Lavrov" in echo and "“Lavro”" in echo, echo
        # The next frame: the filter line above the quotes names the new text, and says how many match.
        assert "“Lavrov”" in found and re.search(r"\d+ of \d+ quotes match", found), found
        assert len(frames) == 2, f"{len(frames)} frames after a letter: the quotes it finds came later than the next frame"


def test_a_painted_echo_is_handed_to_the_terminal_before_the_search_runs():
    # Textual's writer thread sends painted bytes only once it gets the interpreter, which the
    # search after an echo would hold for up to Python's switch interval (5 ms) at a time.
    read, write = os.pipe()
    with os.fdopen(write, "w", encoding="utf-8") as terminal:
        writer = WriterThread(terminal)
        writer.start()
        try:
            writer.write("▊  Lavrov")
            let_writer_take(writer, wait=5.0)
            assert queued_writes(writer) == 0, "the echo still waits in the writer's queue"
        finally:
            writer.stop()
    assert os.read(read, 100).decode() == "▊  Lavrov"
    os.close(read)


async def test_letters_in_a_burst_are_not_each_painted_at_once(shipped):
    # A paste without bracketed paste is a burst of keys: painting each letter's echo on its own
    # made a long paste twice as slow to land. Only a letter typed by hand is painted at once.
    text = "the spirit and the letter of the agreements reached in Anchorage"
    async with started(shipped) as pilot:
        await pilot.press("slash")
        await pilot.pause(QUIET)
        with frames_painted(pilot.app) as frames:
            await burst(pilot, *text)
            await wait_until(pilot, lambda: f"“{text}”" in screen_text(pilot), what="the whole paste searched")
        assert len(frames) < len(text) // 2, f"{len(frames)} frames for {len(text)} letters in a burst"


async def test_on_a_large_store_a_search_letter_is_echoed_with_the_top_of_what_it_finds(tmp_path):
    # Over a thousand quotes the whole search runs in a worker; once the index is built, the top
    # of the result is drawn in the frame after the letter's echo, and the worker's count follows.
    root = bench_store().write_store(tmp_path / "store", 2500, seed=5)
    async with started(root) as pilot:
        await pilot.press("4", "slash", *"ceasefir")
        await pilot.app.workers.wait_for_complete()  # the index, and the search of "ceasefir"
        await pilot.pause(QUIET)
        with frames_painted(pilot.app) as frames:
            await pilot.press("e")
            await pilot.pause(QUIET)
            await pilot.app.workers.wait_for_complete()
            await pilot.pause(QUIET)
        assert len(frames) >= 2, "the letter painted no echo, or no quotes"
        assert "▊  ceasefire" in frames[0]  # the echo, at once
        first = frames[1]
        assert "“ceasefire”" in first and re.search(r"\d+\+? of 2500 quotes match", first), first
        speaker = pilot.app.state.snapshot.quote_by_id[pilot.app.query_one("#quotes-list").keys[0]].speaker
        assert speaker in first  # the rows found, not the rows of the letter before
        # The worker's count of the whole store replaces the top's.
        assert re.search(r"\d+ of 2500 quotes match", frames[-1]) and "searching" not in frames[-1], frames[-1]


async def test_a_move_in_the_parties_draws_its_quotes_in_the_frame_that_moves_the_cursor(shipped):
    # The cursor's move, the filter line naming the party and its quotes: one frame, not three
    # (the move told the pane, and the pane the dashboard, each on a later turn of their queues).
    async with started(shipped) as pilot:
        await pilot.press("2", "g", "j")  # the first party filter also brings the filter line: a layout, and a resize
        await pilot.pause(QUIET)
        rows = pilot.app.query_one("#parties-list")
        with frames_painted(pilot.app) as frames:
            await pilot.press("j")
            await pilot.pause(QUIET)
        assert frames, "the key painted nothing"
        party = pilot.app.state.snapshot.party_by_id[rows.current]
        first = frames[0]
        assert f"Filter: party {party.name}" in first, first
        assert re.search(r"\d+ of 12 quotes match", first), first  # the quotes pane's count of them
        assert len(frames) == 1, f"{len(frames)} frames after j: the quotes came after the cursor"


@pytest.mark.parametrize("keys", [("2", "g", "f"), ("2", "g", "j")], ids=["f", "first-move"])
@pytest.mark.parametrize("scrolls", [False, True], ids=["shipped", "scrolling"])
async def test_a_party_filter_that_brings_the_filter_line_is_drawn_in_one_frame(shipped, tmp_path, keys, scrolls):
    # The filter line above the quotes takes a line from their list: a layout that resizes the
    # list, and its scroll bar when the quotes it keeps still fill more than it. Both are drawn at
    # their new size in that frame; the Resize that follows, and the bar's new figures, must not
    # paint them a second time.
    root = bench_store().write_store(tmp_path / "store", 200, seed=3) if scrolls else shipped
    async with started(root) as pilot:
        await pilot.press(*keys[:-1])
        await pilot.pause(QUIET)
        with frames_painted(pilot.app) as frames:
            await pilot.press(keys[-1])
            await pilot.pause(QUIET)
        if scrolls and keys[-1] == "f":  # the first party's quotes still fill more than the list: its bar was resized
            assert pilot.app.query_one("#quotes-list").show_vertical_scrollbar
        assert frames, "the key painted nothing"
        assert "Filter: party" in frames[0] and re.search(r"\d+ of \d+ quotes match", frames[0]), frames[0]
        assert len(frames) == 1, f"{len(frames)} frames after {keys[-1]!r}: the list or its scroll bar was painted again"


COUNT = re.compile(r"(?:(\d+)–(\d+) of )?(\d+) (quotes|parties|issues|events)\b")


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
@pytest.mark.parametrize("broken", [False, True])
async def test_no_frame_of_a_cold_start_counts_rows_the_screen_does_not_show(store, size, broken):
    # A cold start draws the rows while the panes above them are still taking their height (the
    # deal's card, a problem banner): a count made before that layout said "1–5 of 9 events"
    # over three, for a frame. Every frame's count is the one the screen settles on, or none.
    from tests.helpers.pilot import make_app

    if broken:
        path = store / "parties.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace("role: belligerent", "role: beligerent", 1), encoding="utf-8")
    app = make_app(store)
    with frames_painted(app) as frames:
        async with started(app, size=size) as pilot:
            await pilot.pause(QUIET)
    settled = {m.group(4): m.group(0) for m in COUNT.finditer(frames[-1])}
    for n, frame in enumerate(frames):
        for m in COUNT.finditer(frame):
            assert m.group(0) == settled.get(m.group(4)), f"frame {n} of {len(frames)} said {m.group(0)!r}, the screen settled on {settled.get(m.group(4))!r}"
