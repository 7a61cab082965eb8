"""A key is answered in one frame: a scrolling key's rows and the border's count together, a search
letter's echo and the quotes it finds together."""

from __future__ import annotations

import re

import pytest

from tests.helpers.pilot import started
from tests.helpers.textual_private import frames_painted

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


async def test_a_search_letter_is_echoed_with_the_quotes_it_finds_in_one_frame_and_no_second(shipped):
    async with started(shipped) as pilot:
        await pilot.press("slash", *"Lavro")
        await pilot.pause(QUIET)
        with frames_painted(pilot.app) as frames:
            await pilot.press("v")
            await pilot.pause(QUIET)
        assert frames, "the letter painted nothing"
        first = frames[0]
        assert "▊  Lavrov" in first  # the box's edge and padding, then the text typed
        # The filter line above the quotes names the new text, and says how many match.
        assert "“Lavrov”" in first and re.search(r"\d+ of \d+ quotes match", first), first
        assert len(frames) == 1, f"{len(frames)} frames after a letter: the quotes it finds were drawn after its echo"
